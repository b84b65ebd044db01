import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { weekActionEnum, weekStatusEnum } from './enums.js';
import { people } from './people.js';
import { reportWeeks } from './weeks.js';

/** Append-only audit of every workflow step. A retried request with the same key finds its earlier row (S18). */
export const statusTransitions = pgTable(
  'status_transitions',
  {
    id: id(),
    weekId: uuid('week_id')
      .notNull()
      .references(() => reportWeeks.id),
    action: weekActionEnum('action').notNull(),
    fromStatus: weekStatusEnum('from_status').notNull(),
    toStatus: weekStatusEnum('to_status').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason'),
    idempotencyKey: uuid('idempotency_key'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    unique('status_transitions_week_key_key').on(table.weekId, table.idempotencyKey),
    index('status_transitions_week_idx').on(table.weekId, table.at),
    // People are visible to a company through the steps they took in its weeks (migration 0007).
    index('status_transitions_actor_idx').on(table.actorId),
  ],
);
