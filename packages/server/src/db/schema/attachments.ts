import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns.js';
import { companies } from './companies.js';
import { entries } from './entries.js';
import { people } from './people.js';
import { reportWeeks } from './weeks.js';

/** A file on a week, optionally pinned to one of its entries; its hash joins the approved content. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    weekId: uuid('week_id')
      .notNull()
      .references(() => reportWeeks.id),
    entryId: uuid('entry_id').references(() => entries.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('attachments_week_idx').on(table.weekId),
    check('attachments_size_check', sql`${table.sizeBytes} >= 0`),
    check('attachments_sha256_check', sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check(
      'attachments_media_type_check',
      sql`${table.mediaType} in ('application/pdf', 'image/png', 'image/jpeg')`,
    ),
  ],
);
