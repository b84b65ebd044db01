import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { people } from './people.js';
import { reportWeeks } from './weeks.js';

/** Who approved which version of a week, with the SHA-256 of exactly that content (S15). Never changed afterwards. */
export const approvals = pgTable(
  'approvals',
  {
    id: id(),
    weekId: uuid('week_id')
      .notNull()
      .references(() => reportWeeks.id),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    approverId: uuid('approver_id')
      .notNull()
      .references(() => people.id),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    /**
     * The Prüfcode printed beside the approved week, derived from the id and the hash (bh_verification_code in
     * migration 0007), so it is the same wherever the approval is stored, also after an export and import.
     */
    verificationCode: text('verification_code')
      .notNull()
      .generatedAlwaysAs(sql`bh_verification_code(id, content_hash)`),
  },
  (table) => [
    unique('approvals_week_version_key').on(table.weekId, table.version),
    uniqueIndex('approvals_verification_code_key').on(table.verificationCode),
    check('approvals_content_hash_check', sql`${table.contentHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
