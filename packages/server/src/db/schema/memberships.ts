import { index, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';
import { companies } from './companies.js';
import { companyRoleEnum } from './enums.js';
import { people } from './people.js';

/** One role of a person in a company; a person may hold several roles in several companies. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    role: companyRoleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('memberships_person_company_role_key').on(table.personId, table.companyId, table.role),
    index('memberships_company_idx').on(table.companyId),
  ],
);
