import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { apprenticeships } from './apprenticeships.js';
import { createdAt, id, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { people } from './people.js';
import { reportWeeks } from './weeks.js';

/** A position in a thread's sequence of changes; far below 2^53, so JavaScript numbers carry it exactly. */
const sequence = (name: string) => bigint(name, { mode: 'number' });

/**
 * A conversation between apprentice and trainers, about the whole apprenticeship (no week) or one week. `lastSeq`
 * counts its changes: every message sent, edited or deleted and every read marker moved takes the next number, under
 * the thread's row lock, so numbers are handed out in commit order and a subscriber resumes after the last it saw.
 */
export const threads = pgTable(
  'threads',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    apprenticeshipId: uuid('apprenticeship_id').notNull(),
    weekId: uuid('week_id').references(() => reportWeeks.id),
    lastSeq: sequence('last_seq').notNull().default(0),
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
    /** The author's key for this message, so a retried send stores it once. */
    clientKey: uuid('client_key').notNull(),
    /** Its place in the thread: the change number it was sent with. */
    seq: sequence('seq').notNull(),
    /** The change number of its last change. */
    changeSeq: sequence('change_seq').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    unique('messages_thread_seq_key').on(table.threadId, table.seq),
    unique('messages_author_client_key').on(table.authorId, table.clientKey),
    index('messages_thread_change_idx').on(table.threadId, table.changeSeq),
    check('messages_deleted_empty_check', sql`${table.deletedAt} is null or ${table.body} = ''`),
  ],
);

/** How far a participant has read a thread; a marker that moves is a change of the thread like a message. */
export const threadReads = pgTable(
  'thread_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    readSeq: sequence('read_seq').notNull(),
    changeSeq: sequence('change_seq').notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ name: 'thread_reads_pkey', columns: [table.threadId, table.personId] }),
    index('thread_reads_thread_change_idx').on(table.threadId, table.changeSeq),
  ],
);
