import { sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { rowCount, rowsOf } from '../raw-rows.js';

/**
 * Removes an apprenticeship's whole record: files, messages and read markers of its conversations, every week with
 * its days, entries, attachments, approvals and history, the assignments, the apprenticeship itself, and then the
 * apprentice's membership in the company and their person, once nothing else of theirs is left there. Inside
 * `enterMaintenance` only, because approvals and history are otherwise append-only; in the caller's transaction, so
 * it goes completely or not at all. Returns how many weeks and files went, for the audit.
 */
export async function eraseRecord(
  tx: Executor,
  apprenticeshipId: string,
): Promise<{ weeks: number; files: number }> {
  const threads = sql`(select t.id from threads t where t.apprenticeship_id = ${apprenticeshipId})`;
  const weeks = sql`(select w.id from report_weeks w where w.apprenticeship_id = ${apprenticeshipId})`;
  const messageFiles = await rowCount(
    tx,
    sql`delete from message_files f using messages m
        where f.message_id = m.id and m.thread_id in ${threads} returning f.id`,
  );
  await tx.execute(sql`delete from thread_reads where thread_id in ${threads}`);
  await tx.execute(sql`delete from messages where thread_id in ${threads}`);
  await tx.execute(sql`delete from threads where apprenticeship_id = ${apprenticeshipId}`);
  const attachments = await rowCount(
    tx,
    sql`delete from attachments where week_id in ${weeks} returning id`,
  );
  await tx.execute(sql`delete from approvals where week_id in ${weeks}`);
  await tx.execute(sql`delete from status_transitions where week_id in ${weeks}`);
  // Days and entries go with their weeks (on delete cascade).
  const weekCount = await rowCount(
    tx,
    sql`delete from report_weeks where apprenticeship_id = ${apprenticeshipId} returning id`,
  );
  await tx.execute(sql`delete from assignments where apprenticeship_id = ${apprenticeshipId}`);
  const [apprenticeship] = await rowsOf<{ companyId: string; apprenticeId: string }>(
    tx,
    sql`delete from apprenticeships where id = ${apprenticeshipId}
        returning company_id as "companyId", apprentice_id as "apprenticeId"`,
  );
  if (apprenticeship) await forgetApprenticeIfDone(tx, apprenticeship);
  return { weeks: weekCount, files: messageFiles + attachments };
}

/**
 * The apprentice's membership as apprentice in the company goes once they have no apprenticeship left there, with the
 * files they uploaded there and never sent; their person goes once nothing anywhere refers to them any more.
 */
async function forgetApprenticeIfDone(
  tx: Executor,
  ref: { companyId: string; apprenticeId: string },
): Promise<void> {
  await tx.execute(
    sql`with done as (
          select 1 where not exists (
            select 1 from apprenticeships a
            where a.company_id = ${ref.companyId} and a.apprentice_id = ${ref.apprenticeId}
          )
        ), gone_unsent as (
          delete from message_files f
          where f.company_id = ${ref.companyId} and f.uploaded_by = ${ref.apprenticeId} and f.message_id is null
            and exists (select 1 from done)
          returning 1
        )
        delete from memberships m
        where m.company_id = ${ref.companyId} and m.person_id = ${ref.apprenticeId} and m.role = 'apprentice'
          and exists (select 1 from done)`,
  );
  await tx.execute(
    sql`delete from people p where p.id = ${ref.apprenticeId}
          and not exists (select 1 from memberships m where m.person_id = p.id)
          and not exists (select 1 from apprenticeships a where a.apprentice_id = p.id)
          and not exists (select 1 from assignments s where s.person_id = p.id)
          and not exists (select 1 from approvals a where a.approver_id = p.id)
          and not exists (select 1 from status_transitions t where t.actor_id = p.id)
          and not exists (select 1 from messages m where m.author_id = p.id)
          and not exists (select 1 from message_files f where f.uploaded_by = p.id)
          and not exists (select 1 from attachments f where f.uploaded_by = p.id)
          and not exists (select 1 from thread_reads r where r.person_id = p.id)
          and not exists (select 1 from chamber_staff c where c.person_id = p.id)`,
  );
}
