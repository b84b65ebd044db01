import {
  type AssignmentRole,
  type DayContent,
  normalizeVerificationCode,
  weekContentHash,
} from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/raw-rows.js';
import { RUNTIME_ROLE } from '../../db/request-context.js';

/** What an examiner learns from a Prüfcode, and nothing more: the week, who approved it and when, and whether it holds. */
export type CodeVerification =
  | { status: 'invalid' }
  | { status: 'unknown' }
  | {
      status: 'approved';
      week: { isoYear: number; isoWeek: number };
      approvedBy: string;
      approverRole: AssignmentRole | null;
      approvedAt: string;
      /**
       * When the approval came in with a record imported from another system; null when it was given here. Only
       * the system where it was given can vouch for who gave it.
       */
      importedAt: string | null;
      /** Whether the week as stored now still hashes to what was signed (S15). */
      contentMatches: boolean;
    };

interface ApprovalByCode {
  isoYear: number;
  isoWeek: number;
  approvedAt: string;
  approverName: string;
  approverRole: AssignmentRole | null;
  importedAt: string | null;
  approvedHash: string;
  department: string;
  days: DayContent[];
}

/**
 * Looks a code up for anyone, without a login: as the runtime role, through the one function that may read past the
 * policies for this (bh_approval_by_code in migration 0007), then recomputes the week's hash here, so the answer says
 * whether the content still matches without ever showing it.
 */
export async function verifyCode(database: Database, input: string): Promise<CodeVerification> {
  const code = normalizeVerificationCode(input);
  if (code === null) return { status: 'invalid' };
  const [found] = await database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${RUNTIME_ROLE}, true)`);
    return rowsOf<ApprovalByCode>(
      tx,
      sql`select iso_year as "isoYear", iso_week as "isoWeek",
            to_char(approved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "approvedAt",
            approver_name as "approverName", approver_role as "approverRole",
            to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "importedAt",
            approved_hash as "approvedHash",
            department, days
          from bh_approval_by_code(${code})`,
    );
  });
  if (!found) return { status: 'unknown' };
  const currentHash = await weekContentHash({ department: found.department, days: found.days });
  return {
    status: 'approved',
    week: { isoYear: found.isoYear, isoWeek: found.isoWeek },
    approvedBy: found.approverName,
    approverRole: found.approverRole,
    approvedAt: found.approvedAt,
    importedAt: found.importedAt,
    contentMatches: currentHash === found.approvedHash,
  };
}
