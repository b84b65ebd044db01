import type { PortableRecord, RecordFile, RecordPerson } from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { rowsOf } from '../raw-rows.js';

/**
 * Writing a whole record back (an import), set-based: one statement per table for all weeks, days, entries,
 * approvals, transitions and messages, each fed a JSON array. Runs only inside `enterMaintenance`, past the freeze
 * triggers, because an approved week with its history is exactly what those triggers keep from being written.
 */

/**
 * Leaves the runtime role for the rest of the transaction and sets bh.maintenance, so that the triggers of 0001 and
 * 0003 let the following statements through (bh_maintenance in migration 0007). Only after the caller's right to do
 * this has been decided under their own policies.
 */
export async function enterMaintenance(tx: Executor): Promise<void> {
  await tx.execute(
    sql`select set_config('role', 'none', true), set_config('bh.maintenance', 'on', true)`,
  );
}

const personKey = (person: Pick<RecordPerson, 'issuer' | 'subject'>) =>
  `${person.issuer}\n${person.subject}`;

/** The people a record names, found by their login or created with it (S3); the ids by `issuer\nsubject`. */
export async function ensurePeople(
  tx: Executor,
  persons: readonly RecordPerson[],
): Promise<Map<string, string>> {
  const unique = [...new Map(persons.map((person) => [personKey(person), person])).values()];
  const rows = await rowsOf<{ id: string; issuer: string; subject: string }>(
    tx,
    sql`with wanted as (
          select * from json_to_recordset(${JSON.stringify(unique)}::json)
            as x(issuer text, subject text, "displayName" text)
        ), created as (
          insert into people (issuer, subject, display_name)
          select issuer, subject, "displayName" from wanted
          on conflict (issuer, subject) do nothing
          returning id, issuer, subject
        )
        select id, issuer, subject from created
        union all
        select p.id, p.issuer, p.subject from people p join wanted w using (issuer, subject)`,
  );
  return new Map(rows.map((row) => [personKey(row), row.id]));
}

export interface RestoreTarget {
  companyId: string;
  apprenticeshipId: string;
  /** Who each person of the record is here; the record's apprentice is the apprenticeship's. */
  personId: (person: RecordPerson) => string;
}

const weekKey = (week: { isoYear: number; isoWeek: number }) => `${week.isoYear}-${week.isoWeek}`;

/** The weeks of the apprenticeship that the record also holds, as `isoYear-isoWeek`. */
export async function weeksAlreadyThere(
  tx: Executor,
  apprenticeshipId: string,
  weeks: readonly { isoYear: number; isoWeek: number }[],
): Promise<{ isoYear: number; isoWeek: number }[]> {
  return rowsOf(
    tx,
    sql`select w.iso_year as "isoYear", w.iso_week as "isoWeek" from report_weeks w
        join json_to_recordset(${JSON.stringify(weeks)}::json) as x("isoYear" int, "isoWeek" int)
          on x."isoYear" = w.iso_year and x."isoWeek" = w.iso_week
        where w.apprenticeship_id = ${apprenticeshipId}
        order by 1, 2`,
  );
}

/** The approvals of the record that this installation holds already, in whichever apprenticeship, by id. */
export async function approvalsAlreadyThere(
  tx: Executor,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`select id from approvals where id in (select unnest(${sql.param(ids)}::uuid[]))`,
  );
  return new Set(rows.map((row) => row.id));
}

/** Writes the weeks with their days, entries, approvals (with their ids, so their codes stay) and history. */
export async function restoreWeeks(
  tx: Executor,
  target: RestoreTarget,
  weeks: PortableRecord['weeks'],
): Promise<Map<string, string>> {
  const weekRows = await rowsOf<{ id: string; isoYear: number; isoWeek: number }>(
    tx,
    sql`insert into report_weeks (apprenticeship_id, company_id, iso_year, iso_week, training_year, department,
          status, version, return_reason, submitted_at, approved_at)
        select ${target.apprenticeshipId}, ${target.companyId}, x."isoYear", x."isoWeek", x."trainingYear",
          x.department, x.status::week_status, x.version, x."returnReason", x."submittedAt", x."approvedAt"
        from json_to_recordset(${JSON.stringify(weeks)}::json) as x("isoYear" int, "isoWeek" int,
          "trainingYear" int, department text, status text, version int, "returnReason" text,
          "submittedAt" timestamptz, "approvedAt" timestamptz)
        returning id, iso_year as "isoYear", iso_week as "isoWeek"`,
  );
  const weekIds = new Map(weekRows.map((row) => [weekKey(row), row.id]));
  const idOf = (week: { isoYear: number; isoWeek: number }) => weekIds.get(weekKey(week));

  const days = weeks.flatMap((week) =>
    week.days.map((day) => ({ weekId: idOf(week), date: day.date, attendance: day.attendance })),
  );
  const dayRows = await rowsOf<{ id: string; weekId: string; date: string }>(
    tx,
    sql`insert into days (week_id, date, attendance)
        select x."weekId", x.date, x.attendance::attendance_type
        from json_to_recordset(${JSON.stringify(days)}::json) as x("weekId" uuid, date date, attendance text)
        returning id, week_id as "weekId", date::text as date`,
  );
  const dayIds = new Map(dayRows.map((row) => [`${row.weekId} ${row.date}`, row.id]));
  const entries = weeks.flatMap((week) =>
    week.days.flatMap((day) =>
      day.entries.map((entry, position) => ({
        ...entry,
        dayId: dayIds.get(`${idOf(week)} ${day.date}`),
        position,
      })),
    ),
  );
  await tx.execute(
    sql`insert into entries (day_id, position, kind, form, text, minutes, lernfeld, rahmenplan_refs)
        select x."dayId", x.position, x.kind::entry_kind, x.form::entry_form, x.text, x.minutes, x.lernfeld,
          array(select json_array_elements_text(x."rahmenplanRefs"))
        from json_to_recordset(${JSON.stringify(entries)}::json) as x("dayId" uuid, position int, kind text,
          form text, text text, minutes int, lernfeld text, "rahmenplanRefs" json)`,
  );

  const approvals = weeks.flatMap((week) =>
    week.approvals.map((approval) => ({
      id: approval.id,
      weekId: idOf(week),
      version: approval.version,
      contentHash: approval.contentHash,
      approverId: target.personId(approval.approver),
      approverRole: approval.approverRole,
      importedAt: approval.importedAt,
      approvedAt: approval.approvedAt,
    })),
  );
  await tx.execute(
    // Marked as imported, with the first import's time when the record has moved before.
    sql`insert into approvals (id, week_id, version, content_hash, approver_id, approver_role, approved_at,
          imported_at)
        select x.id, x."weekId", x.version, x."contentHash", x."approverId", x."approverRole"::assignment_role,
          x."approvedAt", coalesce(x."importedAt", now())
        from json_to_recordset(${JSON.stringify(approvals)}::json) as x(id uuid, "weekId" uuid, version int,
          "contentHash" text, "approverId" uuid, "approverRole" text, "approvedAt" timestamptz,
          "importedAt" timestamptz)`,
  );

  const transitions = weeks.flatMap((week) =>
    week.history.map((step) => ({
      ...step,
      weekId: idOf(week),
      actorId: target.personId(step.actor),
    })),
  );
  await tx.execute(
    sql`insert into status_transitions (week_id, action, from_status, to_status, actor_id, reason, at)
        select x."weekId", x.action::week_action, x."fromStatus"::week_status, x."toStatus"::week_status,
          x."actorId", x.reason, x.at
        from json_to_recordset(${JSON.stringify(transitions)}::json) as x("weekId" uuid, action text,
          "fromStatus" text, "toStatus" text, "actorId" uuid, reason text, at timestamptz)`,
  );
  return weekIds;
}

/** The approval codes as the database derived them for the approvals just written, by approval id. */
export async function codesOfApprovals(
  tx: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`select id, verification_code as code from approvals
        where id in (select unnest(${sql.param(ids)}::uuid[]))`,
  );
  return new Map(rows.map((row) => [row.id, row.code]));
}

export async function restoreAttachment(
  tx: Executor,
  attachment: RecordFile & {
    companyId: string;
    weekId: string;
    uploadedBy: string;
    content: Uint8Array;
  },
): Promise<void> {
  await tx.execute(
    sql`insert into attachments (company_id, week_id, file_name, media_type, size_bytes, sha256, content,
          uploaded_by)
        values (${attachment.companyId}, ${attachment.weekId}, ${attachment.fileName}, ${attachment.mediaType},
          ${attachment.sizeBytes}, ${attachment.sha256}, ${Buffer.from(attachment.content)}, ${attachment.uploadedBy})`,
  );
}

/** Writes the conversations with their messages in their order; files are attached by the caller afterwards. */
export async function restoreThreads(
  tx: Executor,
  target: RestoreTarget,
  dialogue: PortableRecord['dialogue'],
  weekIds: ReadonlyMap<string, string>,
): Promise<{ messageId: string; files: RecordFile[]; authorId: string }[]> {
  const attached: { messageId: string; files: RecordFile[]; authorId: string }[] = [];
  for (const thread of dialogue) {
    const weekId = thread.week ? (weekIds.get(weekKey(thread.week)) ?? null) : null;
    const lastSeq = thread.messages.reduce((last, message) => Math.max(last, message.seq), 0);
    // A conversation may have begun here already: the imported messages then follow its last change.
    const [created] = await rowsOf<{ id: string; base: number }>(
      tx,
      sql`insert into threads (company_id, apprenticeship_id, week_id, last_seq)
          values (${target.companyId}, ${target.apprenticeshipId}, ${weekId}, ${lastSeq})
          on conflict (apprenticeship_id, week_id) do update set last_seq = threads.last_seq + ${lastSeq}
          returning id, (last_seq - ${lastSeq})::float8 as base`,
    );
    if (!created || thread.messages.length === 0) continue;
    const messages = thread.messages.map((message) => ({
      ...message,
      seq: created.base + message.seq,
      authorId: target.personId(message.author),
    }));
    const rows = await rowsOf<{ id: string; seq: number }>(
      tx,
      sql`insert into messages (thread_id, author_id, client_key, seq, change_seq, body, created_at, edited_at,
            deleted_at)
          select ${created.id}, x."authorId", gen_random_uuid(), x.seq, x.seq, x.text, x."sentAt", x."editedAt",
            case when x.deleted then coalesce(x."editedAt", x."sentAt") end
          from json_to_recordset(${JSON.stringify(messages)}::json) as x("authorId" uuid, seq bigint, text text,
            "sentAt" timestamptz, "editedAt" timestamptz, deleted boolean)
          returning id, seq::float8 as seq`,
    );
    const idOfSeq = new Map(rows.map((row) => [Number(row.seq), row.id]));
    for (const message of messages) {
      const messageId = idOfSeq.get(message.seq);
      if (messageId && message.files.length > 0) {
        attached.push({ messageId, files: message.files, authorId: message.authorId });
      }
    }
  }
  return attached;
}

export async function restoreMessageFile(
  tx: Executor,
  file: RecordFile & {
    companyId: string;
    messageId: string;
    uploadedBy: string;
    content: Uint8Array;
  },
): Promise<void> {
  await tx.execute(
    sql`insert into message_files (company_id, uploaded_by, message_id, file_name, media_type, size_bytes, sha256,
          content)
        values (${file.companyId}, ${file.uploadedBy}, ${file.messageId}, ${file.fileName}, ${file.mediaType},
          ${file.sizeBytes}, ${file.sha256}, ${Buffer.from(file.content)})`,
  );
}
