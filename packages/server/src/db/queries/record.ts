import type { PortableRecord, RecordWeek } from '@berichtsheft/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { rowsOf } from '../raw-rows.js';

/**
 * The reads of an apprenticeship's whole record, for its exports. Each is one statement that builds its part of the
 * portable record as JSON, so a record of three years costs a handful of round trips, and each reads under the
 * caller's row-level policies: what the caller may not see cannot end up in a file (S10).
 */

/** An instant as the record writes it: UTC, milliseconds, `Z`. */
const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const personOf = (alias: string) =>
  sql.raw(
    `json_build_object('issuer', ${alias}.issuer, 'subject', ${alias}.subject, 'displayName', ${alias}.display_name)`,
  );

const filesOf = (table: 'attachments' | 'message_files', where: SQL) => sql`coalesce((
  select json_agg(json_build_object('fileName', f.file_name, 'mediaType', f.media_type,
    'sizeBytes', f.size_bytes, 'sha256', f.sha256) order by f.created_at, f.id)
  from ${sql.raw(table)} f where ${where}), '[]'::json)`;

export interface RecordHeader extends Pick<PortableRecord, 'apprentice' | 'company'> {
  apprenticeship: PortableRecord['apprenticeship'] & { id: string; apprenticeId: string };
}

export async function loadRecordHeader(
  db: Executor,
  ref: { companyId: string; apprenticeshipId: string },
): Promise<RecordHeader | undefined> {
  const [row] = await rowsOf<RecordHeader>(
    db,
    sql`select
          json_build_object('issuer', p.issuer, 'subject', p.subject, 'displayName', p.display_name,
            'email', p.email) as apprentice,
          json_build_object('name', c.name, 'identNumber', c.ident_number,
            'chamber', json_build_object('name', ch.name, 'chamberNumber', ch.chamber_number)) as company,
          json_build_object('id', a.id, 'apprenticeId', a.apprentice_id, 'occupation', a.occupation,
            'startDate', a.start_date, 'endDate', a.end_date, 'identNumber', a.ident_number,
            'reportFormat', a.report_format) as apprenticeship
        from apprenticeships a
        join people p on p.id = a.apprentice_id
        join companies c on c.id = a.company_id
        join chambers ch on ch.id = c.chamber_id
        where a.company_id = ${ref.companyId} and a.id = ${ref.apprenticeshipId}`,
  );
  return row;
}

export async function loadRecordTrainers(
  db: Executor,
  apprenticeshipId: string,
): Promise<PortableRecord['trainers']> {
  return rowsOf<PortableRecord['trainers'][number]>(
    db,
    sql`select ${personOf('p')} as person, s.role, s.trainer_ident_number as "identNumber",
          ${iso(sql`s.created_at`)} as "assignedAt", ${iso(sql`s.revoked_at`)} as "revokedAt"
        from assignments s join people p on p.id = s.person_id
        where s.apprenticeship_id = ${apprenticeshipId}
        order by s.created_at, s.id`,
  );
}

/** A week as stored, before the numbers the record derives from the apprenticeship (report number). */
export type StoredRecordWeek = Omit<RecordWeek, 'reportNumber'> & { id: string };

/** Weeks in calendar order, optionally only those from one ISO week to another (both inclusive). */
export interface WeekRange {
  from?: { isoYear: number; isoWeek: number } | undefined;
  to?: { isoYear: number; isoWeek: number } | undefined;
}

function inRange(range: WeekRange): SQL {
  const { from, to } = range;
  return sql`${from ? sql`(w.iso_year, w.iso_week) >= (${from.isoYear}, ${from.isoWeek})` : sql`true`}
    and ${to ? sql`(w.iso_year, w.iso_week) <= (${to.isoYear}, ${to.isoWeek})` : sql`true`}`;
}

export async function loadRecordWeeks(
  db: Executor,
  ref: { companyId: string; apprenticeshipId: string },
  range: WeekRange = {},
): Promise<StoredRecordWeek[]> {
  return rowsOf<StoredRecordWeek>(
    db,
    sql`select w.id, w.iso_year as "isoYear", w.iso_week as "isoWeek", w.training_year as "trainingYear",
          w.department, w.status, w.version, w.return_reason as "returnReason",
          ${iso(sql`w.submitted_at`)} as "submittedAt", ${iso(sql`w.approved_at`)} as "approvedAt",
          coalesce((
            select json_agg(json_build_object('date', d.date, 'attendance', d.attendance,
              'entries', coalesce((
                select json_agg(json_build_object('kind', e.kind, 'form', e.form, 'text', e.text,
                  'minutes', e.minutes, 'lernfeld', e.lernfeld, 'rahmenplanRefs', e.rahmenplan_refs)
                  order by e.position)
                from entries e where e.day_id = d.id), '[]'::json)) order by d.date)
            from days d where d.week_id = w.id), '[]'::json) as days,
          ${filesOf('attachments', sql`f.week_id = w.id`)} as attachments,
          coalesce((
            select json_agg(json_build_object('id', ap.id, 'version', ap.version,
              'contentHash', ap.content_hash, 'verificationCode', ap.verification_code,
              'approvedAt', ${iso(sql`ap.approved_at`)}, 'approver', ${personOf('pa')},
              'approverRole', ap.approver_role, 'importedAt', ${iso(sql`ap.imported_at`)})
              order by ap.version)
            from approvals ap join people pa on pa.id = ap.approver_id where ap.week_id = w.id), '[]'::json)
            as approvals,
          coalesce((
            select json_agg(json_build_object('action', t.action, 'fromStatus', t.from_status,
              'toStatus', t.to_status, 'at', ${iso(sql`t.at`)}, 'actor', ${personOf('pt')},
              'reason', t.reason) order by t.at, t.id)
            from status_transitions t join people pt on pt.id = t.actor_id where t.week_id = w.id), '[]'::json)
            as history
        from report_weeks w
        where w.company_id = ${ref.companyId} and w.apprenticeship_id = ${ref.apprenticeshipId}
          and ${inRange(range)}
        order by w.iso_year, w.iso_week`,
  );
}

/** The apprenticeship's conversations, the one about the whole apprenticeship first, then by week. */
export async function loadRecordDialogue(
  db: Executor,
  apprenticeshipId: string,
): Promise<PortableRecord['dialogue']> {
  return rowsOf<PortableRecord['dialogue'][number]>(
    db,
    sql`select
          case when w.id is null then null
            else json_build_object('isoYear', w.iso_year, 'isoWeek', w.iso_week) end as week,
          coalesce((
            select json_agg(json_build_object('seq', m.seq, 'author', ${personOf('pm')},
              'sentAt', ${iso(sql`m.created_at`)}, 'editedAt', ${iso(sql`m.edited_at`)},
              'deleted', m.deleted_at is not null,
              'text', case when m.deleted_at is null then m.body else '' end,
              'files', ${filesOf('message_files', sql`f.message_id = m.id and m.deleted_at is null`)})
              order by m.seq)
            from messages m join people pm on pm.id = m.author_id where m.thread_id = t.id), '[]'::json)
            as messages
        from threads t left join report_weeks w on w.id = t.week_id
        where t.apprenticeship_id = ${apprenticeshipId}
        order by w.iso_year nulls first, w.iso_week`,
  );
}

/** The bytes of one file of the record, by its hash, from the week attachments or the messages' files. */
export async function loadRecordFileContent(
  db: Executor,
  ref: { apprenticeshipId: string; sha256: string },
): Promise<Uint8Array | undefined> {
  const [row] = await rowsOf<{ content: Uint8Array }>(
    db,
    sql`(select f.content from attachments f join report_weeks w on w.id = f.week_id
         where w.apprenticeship_id = ${ref.apprenticeshipId} and f.sha256 = ${ref.sha256} limit 1)
        union all
        (select f.content from message_files f join messages m on m.id = f.message_id
         join threads t on t.id = m.thread_id
         where t.apprenticeship_id = ${ref.apprenticeshipId} and f.sha256 = ${ref.sha256}
           and m.deleted_at is null limit 1)
        limit 1`,
  );
  return row ? new Uint8Array(row.content) : undefined;
}
