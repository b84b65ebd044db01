import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apprenticeships } from './apprenticeships.js';
import { createdAt, id } from './columns.js';
import { assignmentRoleEnum } from './enums.js';
import { people } from './people.js';

/** A trainer or delegate assigned to an apprenticeship; revoking keeps the row for the record. */
export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    apprenticeshipId: uuid('apprenticeship_id')
      .notNull()
      .references(() => apprenticeships.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: assignmentRoleEnum('role').notNull(),
    /** Ausbilder-Identnummer given by the chamber. */
    trainerIdentNumber: text('trainer_ident_number'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('assignments_active_key')
      .on(table.apprenticeshipId, table.personId, table.role)
      .where(sql`${table.revokedAt} is null`),
    index('assignments_person_idx').on(table.personId),
  ],
);
