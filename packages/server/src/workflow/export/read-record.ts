import {
  decideRecordAccess,
  type PortableRecord,
  type PrintableRecord,
  RECORD_FORMAT,
  reportNumberOf,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { refuse } from '../../access/refusals.js';
import { loadVisibleApprenticeship } from '../../access/visibility.js';
import {
  loadRecordDialogue,
  loadRecordHeader,
  loadRecordTrainers,
  loadRecordWeeks,
  type WeekRange,
} from '../../db/queries/record.js';

/** The apprenticeship whose record is read, and which part of it. */
export interface RecordRequest {
  apprenticeshipId: string;
  range?: WeekRange;
}

async function readPrinted(
  scope: CallerScope,
  request: RecordRequest,
  use: 'print' | 'portable',
): Promise<PrintableRecord & { apprenticeshipId: string }> {
  const { relation } = await loadVisibleApprenticeship(scope, request.apprenticeshipId);
  const decision = decideRecordAccess(relation, use);
  if (!decision.ok) refuse(decision);
  const ref = { companyId: scope.company.companyId, apprenticeshipId: request.apprenticeshipId };
  const header = await loadRecordHeader(scope.db, ref);
  // Visible a statement ago, in the same transaction: only a broken policy could hide it now.
  if (!header) throw new Error('The apprenticeship vanished while its record was read');
  const { id, apprenticeId: _, ...apprenticeship } = header.apprenticeship;
  const [trainers, weeks] = await Promise.all([
    loadRecordTrainers(scope.db, request.apprenticeshipId),
    loadRecordWeeks(scope.db, ref, request.range),
  ]);
  return {
    apprenticeshipId: id,
    format: RECORD_FORMAT.name,
    version: RECORD_FORMAT.version,
    exportedAt: new Date().toISOString(),
    apprentice: header.apprentice,
    company: header.company,
    apprenticeship,
    trainers,
    weeks: weeks.map(({ id: _weekId, ...week }) => ({
      ...week,
      reportNumber: reportNumberOf(apprenticeship.startDate, week),
    })),
  };
}

/** What the PDF prints: the record without the dialogue, for the apprentice and their trainers. */
export function readPrintableRecord(
  scope: CallerScope,
  request: RecordRequest,
): Promise<PrintableRecord & { apprenticeshipId: string }> {
  return readPrinted(scope, request, 'print');
}

/** Everything about the apprenticeship, for its apprentice alone (GDPR Art. 15 and 20). */
export async function readPortableRecord(
  scope: CallerScope,
  apprenticeshipId: string,
): Promise<PortableRecord> {
  const { apprenticeshipId: _, ...printed } = await readPrinted(
    scope,
    { apprenticeshipId },
    'portable',
  );
  return { ...printed, dialogue: await loadRecordDialogue(scope.db, apprenticeshipId) };
}
