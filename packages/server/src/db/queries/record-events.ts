import { sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { rowsOf } from '../raw-rows.js';
import { recordEvents } from '../schema/index.js';

export type RecordEventKind = (typeof recordEvents.$inferInsert)['kind'];

/** Notes that a record left, entered or was removed from the system: who, which, when, a count; never the content. */
export async function insertRecordEvent(
  db: Executor,
  event: {
    kind: RecordEventKind;
    companyId: string | null;
    apprenticeshipId: string;
    actorId: string | null;
    detail?: string;
  },
): Promise<void> {
  await db.insert(recordEvents).values({ ...event, detail: event.detail ?? null });
}

/**
 * Whether the person exported the whole record after its last change: after every week's last write and every
 * message sent or edited, so a deletion never takes what the export did not hold.
 */
export async function exportedSinceLastChange(
  db: Executor,
  ref: { apprenticeshipId: string; personId: string },
): Promise<boolean> {
  const [row] = await rowsOf<{ exported: boolean }>(
    db,
    sql`select coalesce((
          select max(e.at) from record_events e
          where e.apprenticeship_id = ${ref.apprenticeshipId} and e.actor_id = ${ref.personId}
            and e.kind = 'record_export'
        ) >= greatest(
          (select max(w.updated_at) from report_weeks w where w.apprenticeship_id = ${ref.apprenticeshipId}),
          (select max(greatest(m.created_at, m.edited_at, m.deleted_at)) from messages m
             join threads t on t.id = m.thread_id where t.apprenticeship_id = ${ref.apprenticeshipId}),
          '-infinity'::timestamptz
        ), false) as exported`,
  );
  return row?.exported ?? false;
}
