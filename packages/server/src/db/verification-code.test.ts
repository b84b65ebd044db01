import { createHash } from 'node:crypto';
import { normalizeVerificationCode, VERIFICATION_CODE } from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedWeek } from '../testing/approved-week.js';
import { testDatabases } from '../testing/databases.js';
import { createWorld } from '../testing/world.js';
import type { Database } from './database.js';
import { rowsOf } from './raw-rows.js';

/** Written from the description in migration 0007, independently of it: Crockford base 32 of 80 bits of SHA-256. */
function expectedCode(approvalId: string, contentHash: string): string {
  const digest = createHash('sha256')
    .update(`berichtsheft-verification/1\n${approvalId}\n${contentHash}`, 'utf8')
    .digest();
  let bits = '';
  for (const byte of digest.subarray(0, 10)) bits += byte.toString(2).padStart(8, '0');
  return Array.from({ length: 16 }, (_, i) =>
    VERIFICATION_CODE.alphabet.charAt(Number.parseInt(bits.slice(i * 5, i * 5 + 5), 2)),
  ).join('');
}

describe.each(testDatabases())('Prüfcodes of approvals on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  it('gives every approval the code its id and hash derive, in the form a person types back', async () => {
    const world = await createWorld(database);
    await approvedWeek(database, world, { isoYear: 2025, isoWeek: 40 }, 'Lager');
    await approvedWeek(database, world, { isoYear: 2025, isoWeek: 41 }, 'Lager');
    const rows = await rowsOf<{ id: string; contentHash: string; code: string }>(
      database.db,
      sql`select a.id, a.content_hash as "contentHash", a.verification_code as code from approvals a
          join report_weeks w on w.id = a.week_id where w.company_id = ${world.companyId}`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.code).toBe(expectedCode(row.id, row.contentHash));
      expect(normalizeVerificationCode(row.code.toLowerCase())).toBe(row.code);
    }
    expect(rows[0]?.code).not.toBe(rows[1]?.code);
  });

  it('derives a different code from the same id with other content', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const [row] = await rowsOf<{ one: string; other: string }>(
      database.db,
      sql`select bh_verification_code(${id}::uuid, repeat('a', 64)) as one,
                 bh_verification_code(${id}::uuid, repeat('b', 64)) as other`,
    );
    expect(row?.one).toBe(expectedCode(id, 'a'.repeat(64)));
    expect(row?.one).not.toBe(row?.other);
  });
});
