import { pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';

/** A person is the pair (issuer, subject) of the host's login; the e-mail may change without changing the person (S3). */
export const people = pgTable(
  'people',
  {
    id: id(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    displayName: text('display_name').notNull().default(''),
    email: text('email'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [unique('people_issuer_subject_key').on(table.issuer, table.subject)],
);
