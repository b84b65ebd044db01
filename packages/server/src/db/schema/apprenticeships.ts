import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { reportFormatEnum } from './enums.js';
import { people } from './people.js';

/** Ausbildungsverhältnis: one apprentice in one company for one occupation and period. */
export const apprenticeships = pgTable(
  'apprenticeships',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    apprenticeId: uuid('apprentice_id')
      .notNull()
      .references(() => people.id),
    occupation: text('occupation').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** Azubi-Identnummer given by the chamber. */
    identNumber: text('ident_number'),
    reportFormat: reportFormatEnum('report_format').notNull().default('weekly'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    // Lets weeks and threads reference (id, company_id) so their company can never disagree with the apprenticeship's.
    unique('apprenticeships_id_company_key').on(table.id, table.companyId),
    index('apprenticeships_company_apprentice_idx').on(table.companyId, table.apprenticeId),
    check('apprenticeships_period_check', sql`${table.endDate} >= ${table.startDate}`),
  ],
);
