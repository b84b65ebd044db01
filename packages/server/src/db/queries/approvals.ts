import type { ApprovalView, AssignmentRole } from '@berichtsheft/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { approvals, people, reportWeeks } from '../schema/index.js';

export async function insertApproval(
  db: Executor,
  approval: {
    weekId: string;
    version: number;
    contentHash: string;
    approverId: string;
    approverRole: AssignmentRole | null;
  },
): Promise<void> {
  await db.insert(approvals).values(approval);
}

/** The most recent approval of a week, or null while it has none. */
export async function findLatestApproval(
  db: Executor,
  companyId: string,
  weekId: string,
): Promise<ApprovalView | null> {
  const [latest] = await db
    .select({
      version: approvals.version,
      contentHash: approvals.contentHash,
      approvedByName: people.displayName,
      approvedAt: approvals.approvedAt,
    })
    .from(approvals)
    .innerJoin(reportWeeks, eq(reportWeeks.id, approvals.weekId))
    .innerJoin(people, eq(people.id, approvals.approverId))
    .where(and(eq(reportWeeks.companyId, companyId), eq(approvals.weekId, weekId)))
    .orderBy(desc(approvals.version))
    .limit(1)
    .prepare('find_latest_approval')
    .execute();
  return latest ?? null;
}
