import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns.js';
import { companies } from './companies.js';
import { people } from './people.js';
import { messages } from './threads.js';

/**
 * A file for a dialogue message. Uploaded first, it belongs to nobody's message (`messageId` null) and only its
 * uploader sees it; sending the message attaches it. Removed with the message it belongs to.
 */
export const messageFiles = pgTable(
  'message_files',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => people.id),
    messageId: uuid('message_id').references(() => messages.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('message_files_message_idx').on(table.messageId),
    check('message_files_size_check', sql`${table.sizeBytes} >= 0`),
    check('message_files_sha256_check', sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check(
      'message_files_media_type_check',
      sql`${table.mediaType} in ('application/pdf', 'image/png', 'image/jpeg')`,
    ),
  ],
);
