import {
  decideRecordAccess,
  type PortableRecord,
  type RecordPerson,
  weekOverlaps,
} from '@berichtsheft/core';
import { asMember, type RouteOutcome } from '../../access/as-member.js';
import { refuse } from '../../access/refusals.js';
import { loadVisibleApprenticeship } from '../../access/visibility.js';
import type { Identity } from '../../context.js';
import type { Database, Executor } from '../../db/database.js';
import { insertRecordEvent } from '../../db/queries/record-events.js';
import {
  approvalsAlreadyThere,
  codesOfApprovals,
  ensurePeople,
  enterMaintenance,
  restoreAttachment,
  restoreMessageFile,
  restoreThreads,
  restoreWeeks,
  weeksAlreadyThere,
} from '../../db/queries/restore-record.js';
import { readRecordFile, weekLabel } from './record-file.js';

export interface ImportSummary {
  weeks: number;
  approvals: number;
  files: number;
  messages: number;
}

/** A refusal with what exactly it concerns, for the person to find it in their file. */
export type ImportOutcome =
  | RouteOutcome<ImportSummary>
  | {
      ok: false;
      status: 400 | 409;
      reason:
        | 'record_invalid'
        | 'record_tampered'
        | 'record_weeks_exist'
        | 'week_outside_apprenticeship';
      details: Record<string, string[]>;
    };

/** Thrown inside the transaction to roll the whole import back with a refusal. */
class ImportRefused extends Error {
  constructor(readonly outcome: Extract<ImportOutcome, { details: unknown }>) {
    super(outcome.reason);
  }
}

/** Refuses the import for these weeks, named as the printed record names them. */
function refuseWeeks(
  status: 400 | 409,
  reason: 'record_tampered' | 'record_weeks_exist' | 'week_outside_apprenticeship',
  weeks: readonly { isoYear: number; isoWeek: number }[],
): never {
  throw new ImportRefused({ ok: false, status, reason, details: { weeks: weeks.map(weekLabel) } });
}

function peopleOf(record: PortableRecord): RecordPerson[] {
  return [
    ...record.weeks.flatMap((week) => [
      ...week.approvals.map((approval) => approval.approver),
      ...week.history.map((step) => step.actor),
    ]),
    ...record.dialogue.flatMap((thread) => thread.messages.map((message) => message.author)),
  ];
}

async function restore(
  tx: Executor,
  target: { companyId: string; apprenticeshipId: string; apprenticeId: string },
  record: PortableRecord,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<ImportSummary> {
  await enterMaintenance(tx);
  const ids = await ensurePeople(tx, peopleOf(record));
  const isApprentice = (person: RecordPerson) =>
    person.issuer === record.apprentice.issuer && person.subject === record.apprentice.subject;
  const personId = (person: RecordPerson) => {
    const id = isApprentice(person)
      ? target.apprenticeId
      : ids.get(`${person.issuer}\n${person.subject}`);
    if (!id) throw new Error('A person of the record was not written');
    return id;
  };
  const restoreTarget = { ...target, personId };
  // Approvals keep their ids across installations, so a record already imported (or never exported) is here once.
  const known = await approvalsAlreadyThere(
    tx,
    record.weeks.flatMap((week) => week.approvals.map((approval) => approval.id)),
  );
  if (known.size > 0) {
    refuseWeeks(
      409,
      'record_weeks_exist',
      record.weeks.filter((week) => week.approvals.some((approval) => known.has(approval.id))),
    );
  }
  const weekIds = await restoreWeeks(tx, restoreTarget, record.weeks);

  // The codes are the database's to derive; one that differs from the file's names an approval whose id was changed.
  const approvals = record.weeks.flatMap((week) =>
    week.approvals.map((approval) => ({ week, approval })),
  );
  const codes = await codesOfApprovals(
    tx,
    approvals.map(({ approval }) => approval.id),
  );
  const changed = approvals.filter(
    ({ approval }) => codes.get(approval.id) !== approval.verificationCode,
  );
  if (changed.length > 0) {
    refuseWeeks(
      400,
      'record_tampered',
      changed.map(({ week }) => week),
    );
  }

  let fileCount = 0;
  const contentOf = (sha256: string) => {
    const content = files.get(sha256);
    if (!content) throw new Error('A file of the record was not read');
    fileCount += 1;
    return content;
  };
  for (const week of record.weeks) {
    const weekId = weekIds.get(`${week.isoYear}-${week.isoWeek}`);
    if (!weekId) throw new Error('A week of the record was not written');
    for (const file of week.attachments) {
      await restoreAttachment(tx, {
        ...file,
        companyId: target.companyId,
        weekId,
        uploadedBy: target.apprenticeId,
        content: contentOf(file.sha256),
      });
    }
  }
  const attached = await restoreThreads(tx, restoreTarget, record.dialogue, weekIds);
  for (const { messageId, files: messageFiles, authorId } of attached) {
    for (const file of messageFiles) {
      await restoreMessageFile(tx, {
        ...file,
        companyId: target.companyId,
        messageId,
        uploadedBy: authorId,
        content: contentOf(file.sha256),
      });
    }
  }
  return {
    weeks: record.weeks.length,
    approvals: approvals.length,
    files: fileCount,
    messages: record.dialogue.reduce((sum, thread) => sum + thread.messages.length, 0),
  };
}

/**
 * Imports an exported record into one of the caller's own apprenticeships here (a change of company or system): the
 * file checked first (schema, file hashes, every approval against its content), then, in one transaction, the
 * caller's right, weeks that would collide or fall outside the apprenticeship, and the writing itself. Either all of
 * it is imported or nothing.
 */
export async function importRecord(
  database: Database,
  identity: Identity,
  companyId: string,
  apprenticeshipId: string,
  bytes: Uint8Array,
  limits: { maxUnpackedBytes: number },
  onCaller?: (personId: string) => void,
): Promise<ImportOutcome> {
  const reading = await readRecordFile(bytes, limits);
  try {
    return await asMember(
      database,
      identity,
      companyId,
      async (scope) => {
        const { apprenticeship, relation } = await loadVisibleApprenticeship(
          scope,
          apprenticeshipId,
        );
        const decision = decideRecordAccess(relation, 'portable');
        if (!decision.ok) refuse(decision);
        // Whether the file is any good is told only to whoever may import into this apprenticeship.
        if (!reading.ok) throw new ImportRefused({ ...reading, status: 400 });
        const { record, files } = reading;
        const outside = record.weeks.filter(
          (week) => !weekOverlaps(week, apprenticeship.startDate, apprenticeship.endDate),
        );
        if (outside.length > 0) {
          refuseWeeks(400, 'week_outside_apprenticeship', outside);
        }
        const existing = await weeksAlreadyThere(scope.db, apprenticeshipId, record.weeks);
        if (existing.length > 0) {
          refuseWeeks(409, 'record_weeks_exist', existing);
        }
        const summary = await restore(
          scope.db,
          { companyId, apprenticeshipId, apprenticeId: apprenticeship.apprenticeId },
          record,
          files,
        );
        await insertRecordEvent(scope.db, {
          kind: 'record_import',
          companyId,
          apprenticeshipId,
          actorId: scope.person.id,
          detail: `${summary.weeks} weeks, ${summary.files} files`,
        });
        return { ok: true, value: summary };
      },
      onCaller,
    );
  } catch (error) {
    if (error instanceof ImportRefused) return error.outcome;
    throw error;
  }
}
