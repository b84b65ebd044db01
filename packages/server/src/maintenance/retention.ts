import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { eraseRecord } from '../db/queries/erase-record.js';
import { insertRecordEvent } from '../db/queries/record-events.js';
import { enterMaintenance } from '../db/queries/restore-record.js';
import { rowCount, rowsOf } from '../db/raw-rows.js';

/** How long each class of data is kept (S24). */
export interface RetentionPolicy {
  /** Files uploaded for a message that was never sent. */
  unsentFilesHours: number;
  /** Whole records, counted from the end of their apprenticeship; null keeps them until their apprentice deletes them. */
  endedRecordsDays: number | null;
  /** The audit of exports, imports and deletions. */
  recordEventsDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  unsentFilesHours: 24,
  endedRecordsDays: null,
  recordEventsDays: 3 * 365,
};

export interface RetentionRun {
  unsentFiles: number;
  records: number;
  recordEvents: number;
}

/**
 * Applies the retention periods once, in one transaction. With several instances on one database only one does it
 * at a time (a transaction-scoped advisory lock); the others answer null and leave it to that one.
 */
export async function applyRetention(
  database: Database,
  policy: RetentionPolicy,
): Promise<RetentionRun | null> {
  return database.db.transaction(async (tx) => {
    const [lock] = await rowsOf<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtext('berichtsheft:retention')) as locked`,
    );
    if (!lock?.locked) return null;
    await enterMaintenance(tx);
    const unsentFiles = await rowCount(
      tx,
      sql`delete from message_files where message_id is null
          and created_at < now() - make_interval(hours => ${policy.unsentFilesHours}) returning id`,
    );
    let records = 0;
    if (policy.endedRecordsDays !== null) {
      const ended = await rowsOf<{ id: string; companyId: string }>(
        tx,
        sql`select id, company_id as "companyId" from apprenticeships
            where end_date < current_date - ${policy.endedRecordsDays}::int`,
      );
      for (const apprenticeship of ended) {
        const erased = await eraseRecord(tx, apprenticeship.id);
        await insertRecordEvent(tx, {
          kind: 'retention',
          companyId: apprenticeship.companyId,
          apprenticeshipId: apprenticeship.id,
          actorId: null,
          detail: `${erased.weeks} weeks, ${erased.files} files`,
        });
        records += 1;
      }
    }
    const recordEvents = await rowCount(
      tx,
      sql`delete from record_events where at < now() - make_interval(days => ${policy.recordEventsDays})
          returning id`,
    );
    return { unsentFiles, records, recordEvents };
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs the retention job a minute after start and then daily, without keeping the process alive for it. A failed run
 * is reported and tried again the next day; nothing it would delete is needed meanwhile.
 */
export function scheduleRetention(
  database: Database,
  policy: RetentionPolicy,
  report: (outcome: { run: RetentionRun | null } | { error: unknown }) => void,
  firstRunMs = 60_000,
): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    applyRetention(database, policy).then(
      (result) => report({ run: result }),
      (error: unknown) => report({ error }),
    );
    timer = setTimeout(run, DAY_MS);
    timer.unref();
  };
  timer = setTimeout(run, firstRunMs);
  timer.unref();
  return { stop: () => clearTimeout(timer) };
}
