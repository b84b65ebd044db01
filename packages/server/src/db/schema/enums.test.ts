import {
  ASSIGNMENT_ROLES,
  ATTENDANCE_TYPES,
  COMPANY_ROLES,
  ENTRY_FORMS,
  ENTRY_KINDS,
  REPORT_FORMATS,
  REVIEW_MODES,
  WEEK_ACTIONS,
  WEEK_STATUSES,
} from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { rowsOf } from '../raw-rows.js';

/** The schema takes its enums from core; this checks that the committed migrations caught up with core's values. */
describe('database enums after the migrations', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  });
  afterAll(() => database.close());

  async function labelsOf(type: string): Promise<string[]> {
    const rows = await rowsOf<{ label: string }>(
      database.db,
      sql`select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid
          where t.typname = ${type} order by e.enumsortorder`,
    );
    return rows.map((row) => row.label);
  }

  it.each([
    ['company_role', COMPANY_ROLES],
    ['assignment_role', ASSIGNMENT_ROLES],
    ['review_mode', REVIEW_MODES],
    ['report_format', REPORT_FORMATS],
    ['week_status', WEEK_STATUSES],
    ['week_action', WEEK_ACTIONS],
    ['attendance_type', ATTENDANCE_TYPES],
    ['entry_kind', ENTRY_KINDS],
    ['entry_form', ENTRY_FORMS],
  ] as const)('%s holds exactly core’s values', async (type, values) => {
    expect(await labelsOf(type)).toEqual([...values]);
  });
});
