import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { recordEventKindEnum } from './enums.js';

/**
 * The audit of what left or entered the system and what was removed (exports, imports, deletions): who, which
 * apprenticeship, when, and nothing of the content. Without foreign keys on purpose, so a row outlives the record
 * whose deletion it notes.
 */
export const recordEvents = pgTable(
  'record_events',
  {
    id: id(),
    kind: recordEventKindEnum('kind').notNull(),
    companyId: uuid('company_id'),
    apprenticeshipId: uuid('apprenticeship_id'),
    /** Null for what the server does by itself, such as applying retention periods. */
    actorId: uuid('actor_id'),
    /** How many weeks, files or rows it concerned; a count, never the data. */
    detail: text('detail'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('record_events_apprenticeship_idx').on(table.apprenticeshipId, table.kind)],
);
