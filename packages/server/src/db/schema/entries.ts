import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { days } from './days.js';
import { entryFormEnum, entryKindEnum } from './enums.js';

/** One activity, lesson or training session of a day, in the apprentice's order. */
export const entries = pgTable(
  'entries',
  {
    id: id(),
    dayId: uuid('day_id')
      .notNull()
      .references(() => days.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: entryKindEnum('kind').notNull(),
    form: entryFormEnum('form').notNull(),
    text: text('text').notNull(),
    minutes: integer('minutes').notNull(),
    lernfeld: text('lernfeld'),
    rahmenplanRefs: text('rahmenplan_refs').array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [
    unique('entries_day_position_key').on(table.dayId, table.position),
    check('entries_minutes_check', sql`${table.minutes} between 0 and 1440`),
  ],
);
