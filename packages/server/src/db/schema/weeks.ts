import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { apprenticeships } from './apprenticeships.js';
import { createdAt, id, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { weekStatusEnum } from './enums.js';

/** Report week: the unit of submission and approval. `version` grows with every write (optimistic concurrency). */
export const reportWeeks = pgTable(
  'report_weeks',
  {
    id: id(),
    apprenticeshipId: uuid('apprenticeship_id').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    isoYear: integer('iso_year').notNull(),
    isoWeek: integer('iso_week').notNull(),
    trainingYear: integer('training_year').notNull(),
    department: text('department').notNull().default(''),
    status: weekStatusEnum('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** Why the week was last returned; cleared when it is submitted again. */
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('report_weeks_apprenticeship_week_key').on(
      table.apprenticeshipId,
      table.isoYear,
      table.isoWeek,
    ),
    foreignKey({
      name: 'report_weeks_apprenticeship_company_fk',
      columns: [table.apprenticeshipId, table.companyId],
      foreignColumns: [apprenticeships.id, apprenticeships.companyId],
    }),
    index('report_weeks_company_status_idx').on(table.companyId, table.status),
    check('report_weeks_iso_week_check', sql`${table.isoWeek} between 1 and 53`),
    check('report_weeks_training_year_check', sql`${table.trainingYear} >= 1`),
    check('report_weeks_version_check', sql`${table.version} >= 1`),
  ],
);
