import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { chambers } from './chambers.js';
import { createdAt, id, updatedAt } from './columns.js';
import { registrationStatusEnum, reviewModeEnum } from './enums.js';

/** A training company, registered with its chamber. */
export const companies = pgTable(
  'companies',
  {
    id: id(),
    name: text('name').notNull(),
    /** Unternehmens-Identnummer given by the chamber. */
    identNumber: text('ident_number'),
    chamberId: uuid('chamber_id')
      .notNull()
      .references(() => chambers.id),
    registrationStatus: registrationStatusEnum('registration_status').notNull().default('pending'),
    rejectionReason: text('rejection_reason'),
    reviewMode: reviewModeEnum('review_mode').notNull().default('single'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('companies_chamber_idx').on(table.chamberId),
    check(
      'companies_rejection_reason_check',
      sql`${table.rejectionReason} is null or ${table.registrationStatus} = 'rejected'`,
    ),
  ],
);
