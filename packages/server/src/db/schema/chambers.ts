import { pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';
import { people } from './people.js';

/** A chamber (IHK, HWK) with its Kammernummer, e.g. 133 for IHK Hannover. */
export const chambers = pgTable(
  'chambers',
  {
    id: id(),
    name: text('name').notNull(),
    chamberNumber: text('chamber_number').notNull(),
    createdAt: createdAt(),
  },
  (table) => [unique('chambers_chamber_number_key').on(table.chamberNumber)],
);

/** Staff of a chamber; they belong to the chamber, not to a company. */
export const chamberStaff = pgTable(
  'chamber_staff',
  {
    id: id(),
    chamberId: uuid('chamber_id')
      .notNull()
      .references(() => chambers.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (table) => [unique('chamber_staff_chamber_person_key').on(table.chamberId, table.personId)],
);
