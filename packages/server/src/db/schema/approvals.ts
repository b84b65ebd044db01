import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { assignmentRoleEnum } from './enums.js';
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
    /** The approver's assignment when they signed, kept as it was, also where no assignment of theirs exists. */
    approverRole: assignmentRoleEnum('approver_role'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    /**
     * When the approval came in with an imported record; null for one given here. The installation vouches only for
     * what was signed in it, so the public check names an imported approval as such.
     */
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }),
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
    // People are visible to a company through the approvals it holds (migration 0007): looked up by approver.
    index('approvals_approver_idx').on(table.approverId),
    check('approvals_content_hash_check', sql`${table.contentHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
