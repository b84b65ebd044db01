import { date, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { attendanceTypeEnum } from './enums.js';
import { reportWeeks } from './weeks.js';

/** A day of a report week with its learning place or absence. */
export const days = pgTable(
  'days',
  {
    id: id(),
    weekId: uuid('week_id')
      .notNull()
      .references(() => reportWeeks.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    attendance: attendanceTypeEnum('attendance').notNull(),
  },
  (table) => [unique('days_week_date_key').on(table.weekId, table.date)],
);
