import {
  daysOfWeek,
  type PortableRecord,
  portableRecordSchema,
  RECORD_FORMAT,
  type RecordWeek,
  sha256Hex,
  weekContentHash,
} from '@berichtsheft/core';
import { unzipSync } from 'fflate';
import { filesOfRecord } from './portable-record.js';

/** A record file taken apart and checked, or why it cannot be imported, with what exactly is wrong. */
export type RecordFileReading =
  | { ok: true; record: PortableRecord; files: ReadonlyMap<string, Uint8Array> }
  | {
      ok: false;
      reason: 'record_invalid' | 'record_tampered';
      /** What a person can look for: the paths of invalid fields, the weeks and files that do not match. */
      details: { problems?: string[]; weeks?: string[]; files?: string[] };
    };

/** `KW 41/2025`, as the printed record and the editor name a week. */
export const weekLabel = (week: { isoYear: number; isoWeek: number }) =>
  `KW ${week.isoWeek}/${week.isoYear}`;

function unpack(bytes: Uint8Array, maxUnpackedBytes: number): Record<string, Uint8Array> | null {
  let unpacked = 0;
  try {
    return unzipSync(bytes, {
      // Sizes are checked before anything is inflated, so a small file that unpacks to gigabytes is refused early.
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > maxUnpackedBytes) throw new RangeError('The record unpacks to too much');
        return file.name === RECORD_FORMAT.documentPath || file.name.startsWith('files/');
      },
    });
  } catch {
    return null;
  }
}

function parseDocument(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * A week whose approval does not hold for the content beside it: its content was changed after it was signed, or
 * the week claims an approval it does not have (S15).
 */
async function approvalBroken(week: RecordWeek): Promise<boolean> {
  const current = week.approvals.find((approval) => approval.version === week.version);
  if (week.status === 'approved' && !current) return true;
  if (!current) return false;
  return (
    (await weekContentHash({ department: week.department, days: week.days })) !==
    current.contentHash
  );
}

/** Weeks named twice, and days that lie outside their week: a record written by hand or broken on the way. */
function misplacedParts(record: PortableRecord): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const week of record.weeks) {
    const label = weekLabel(week);
    if (seen.has(label)) problems.push(`${label}: twice`);
    seen.add(label);
    const dates = new Set(daysOfWeek(week));
    if (
      week.days.some((day) => !dates.has(day.date)) ||
      new Set(week.days.map((day) => day.date)).size !== week.days.length
    ) {
      problems.push(`${label}: days`);
    }
  }
  return problems;
}

/**
 * Reads an export ZIP: `record.json` valid against the schema of a version this server knows, every file it names
 * present with exactly the hash it names, and every approval matching the content it signed.
 */
export async function readRecordFile(
  bytes: Uint8Array,
  limits: { maxUnpackedBytes: number },
): Promise<RecordFileReading> {
  const entries = unpack(bytes, limits.maxUnpackedBytes);
  if (!entries) return { ok: false, reason: 'record_invalid', details: { problems: ['zip'] } };
  const parsed = portableRecordSchema.safeParse(parseDocument(entries[RECORD_FORMAT.documentPath]));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((issue) => issue.path.join('.') || '(root)');
    return { ok: false, reason: 'record_invalid', details: { problems } };
  }
  const record = parsed.data;
  const misplaced = misplacedParts(record);
  if (misplaced.length > 0) {
    return { ok: false, reason: 'record_invalid', details: { problems: misplaced } };
  }
  const files = new Map<string, Uint8Array>();
  const badFiles: string[] = [];
  for (const sha256 of filesOfRecord(record)) {
    const content = entries[RECORD_FORMAT.filePath(sha256)];
    if (content && (await sha256Hex(content)) === sha256) files.set(sha256, content);
    else badFiles.push(RECORD_FORMAT.filePath(sha256));
  }
  const badWeeks: string[] = [];
  for (const week of record.weeks) if (await approvalBroken(week)) badWeeks.push(weekLabel(week));
  if (badFiles.length > 0 || badWeeks.length > 0) {
    return { ok: false, reason: 'record_tampered', details: { weeks: badWeeks, files: badFiles } };
  }
  return { ok: true, record, files };
}
