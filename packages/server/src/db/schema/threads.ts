import { foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { apprenticeships } from './apprenticeships.js';
import { createdAt, id } from './columns.js';
import { companies } from './companies.js';
import { people } from './people.js';
import { reportWeeks } from './weeks.js';

/** A conversation between apprentice and trainers, about the whole apprenticeship (no week) or one week. */
export const threads = pgTable(
  'threads',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    apprenticeshipId: uuid('apprenticeship_id').notNull(),
    weekId: uuid('week_id').references(() => reportWeeks.id),
    createdAt: createdAt(),
  },
  (table) => [
    unique('threads_apprenticeship_week_key')
      .on(table.apprenticeshipId, table.weekId)
      .nullsNotDistinct(),
    foreignKey({
      name: 'threads_apprenticeship_company_fk',
      columns: [table.apprenticeshipId, table.companyId],
      foreignColumns: [apprenticeships.id, apprenticeships.companyId],
    }),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('messages_thread_idx').on(table.threadId, table.createdAt)],
);
