import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A chamber's whole record, written set-based in one transaction: `apprentices` apprentices in companies of 16 with
 * two trainers each (each trainer assigned to eight), `weeksPerApprentice` weeks each ending in ISO week 48/2026 —
 * all approved (with their approval and audit rows) but the last two: one submitted, one draft with content — and
 * three days with one entry each per week. At 50,000 apprentices that is 1 M weeks, 3 M days and 3 M entries.
 * Written as the owner with triggers off (`session_replication_role = replica`), as a data migration would be.
 */
export interface ChamberShape {
  apprentices: number;
  weeksPerApprentice: number;
}

export const APPRENTICES_PER_COMPANY = 16;
export const TRAINERS_PER_COMPANY = 2;
export const LAST_WEEK = { isoYear: 2026, isoWeek: 48 } as const;
export const APPRENTICESHIP_START = '2025-08-01';

/** The id the seed gives the thing with this label: an MD5 of it, laid out as a version 4 UUID. */
export function peakId(label: string): string {
  const h = createHash('md5').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The same, in SQL, for the set-based inserts. */
const PEAK_ID_FUNCTION = `
  create function pg_temp.peak_id(label text) returns uuid language sql immutable as $$
    select (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3)
            || '-' || substr(h, 21, 12))::uuid
    from md5(label) as h
  $$`;

export const companyOf = (apprentice: number) => Math.floor(apprentice / APPRENTICES_PER_COMPANY);
/** The trainer assigned to an apprentice: the first or second of the company's two, by half. */
export const trainerOf = (apprentice: number) =>
  companyOf(apprentice) * TRAINERS_PER_COMPANY +
  Math.floor(
    (apprentice % APPRENTICES_PER_COMPANY) / (APPRENTICES_PER_COMPANY / TRAINERS_PER_COMPANY),
  );
export const apprenticeSubject = (apprentice: number) => `peak-apprentice-${apprentice}`;
export const trainerSubject = (trainer: number) => `peak-trainer-${trainer}`;
/** Week `k` of an apprentice, 0 the oldest; the last is the draft, the one before it submitted. */
export const weekLabel = (apprentice: number, k: number) => `week:${apprentice}:${k}`;

export async function seedChamber(url: string, issuer: string, shape: ChamberShape): Promise<void> {
  const { apprentices, weeksPerApprentice: weeks } = shape;
  const companies = Math.ceil(apprentices / APPRENTICES_PER_COMPANY);
  const firstWeek = LAST_WEEK.isoWeek - weeks + 1;
  if (firstWeek < 1) throw new Error('at most 48 weeks per apprentice');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = (statement: string, values: unknown[] = []) => client.query(statement, values);
  try {
    await run('begin');
    await run('set local session_replication_role = replica');
    await run(PEAK_ID_FUNCTION);
    await run(
      `insert into chambers (id, name, chamber_number) values (pg_temp.peak_id('chamber'), 'IHK Peak', '900')`,
    );
    await run(
      `insert into companies (id, name, chamber_id, registration_status, review_mode)
       select pg_temp.peak_id('company:' || c), 'Betrieb ' || c, pg_temp.peak_id('chamber'), 'verified'::registration_status,
              'single'::review_mode
       from generate_series(0, $1 - 1) as c`,
      [companies],
    );
    await run(
      `insert into people (id, issuer, subject, display_name, email)
       select pg_temp.peak_id('apprentice:' || a), $2, 'peak-apprentice-' || a, 'Azubi ' || a,
              'azubi' || a || '@example.test'
       from generate_series(0, $1 - 1) as a
       union all
       select pg_temp.peak_id('trainer:' || t), $2, 'peak-trainer-' || t, 'Ausbilder ' || t,
              'ausbilder' || t || '@example.test'
       from generate_series(0, $3 - 1) as t`,
      [apprentices, issuer, companies * TRAINERS_PER_COMPANY],
    );
    await run(
      `insert into memberships (person_id, company_id, role)
       select pg_temp.peak_id('apprentice:' || a), pg_temp.peak_id('company:' || (a / $2)), 'apprentice'::company_role
       from generate_series(0, $1 - 1) as a
       union all
       select pg_temp.peak_id('trainer:' || t), pg_temp.peak_id('company:' || (t / $3)), 'trainer'::company_role
       from generate_series(0, $4 - 1) as t`,
      [
        apprentices,
        APPRENTICES_PER_COMPANY,
        TRAINERS_PER_COMPANY,
        companies * TRAINERS_PER_COMPANY,
      ],
    );
    await run(
      `insert into apprenticeships (id, company_id, apprentice_id, occupation, start_date, end_date)
       select pg_temp.peak_id('apprenticeship:' || a), pg_temp.peak_id('company:' || (a / $2)),
              pg_temp.peak_id('apprentice:' || a), 'Mechatroniker/in', $3::date, $3::date + interval '3 years'
       from generate_series(0, $1 - 1) as a`,
      [apprentices, APPRENTICES_PER_COMPANY, APPRENTICESHIP_START],
    );
    await run(
      `insert into assignments (apprenticeship_id, person_id, role)
       select pg_temp.peak_id('apprenticeship:' || a),
              pg_temp.peak_id('trainer:' || ((a / $2) * $3 + (a % $2) / ($2 / $3))), 'trainer'::assignment_role
       from generate_series(0, $1 - 1) as a`,
      [apprentices, APPRENTICES_PER_COMPANY, TRAINERS_PER_COMPANY],
    );
    // Approved: version 4 (opened, saved, submitted, approved); the submitted one 3, the draft 2.
    await run(
      `insert into report_weeks (id, apprenticeship_id, company_id, iso_year, iso_week, training_year, department,
                                 status, version, submitted_at, approved_at)
       select pg_temp.peak_id('week:' || a || ':' || k), pg_temp.peak_id('apprenticeship:' || a),
              pg_temp.peak_id('company:' || (a / $3)), $4, $5 + k, 2, 'Montage',
              (case when k < $2 - 2 then 'approved' when k = $2 - 2 then 'submitted' else 'draft' end)::week_status,
              case when k < $2 - 2 then 4 when k = $2 - 2 then 3 else 2 end,
              case when k < $2 - 1 then now() - interval '1 day' * ($2 - k) end,
              case when k < $2 - 2 then now() - interval '1 day' * ($2 - k) + interval '2 hours' end
       from generate_series(0, $1 - 1) as a, generate_series(0, $2 - 1) as k`,
      [apprentices, weeks, APPRENTICES_PER_COMPANY, LAST_WEEK.isoYear, firstWeek],
    );
    await run(
      `insert into days (id, week_id, date, attendance)
       select pg_temp.peak_id('day:' || a || ':' || k || ':' || d), pg_temp.peak_id('week:' || a || ':' || k),
              to_date($3 || lpad(($4 + k)::text, 2, '0'), 'IYYYIW') + d, 'company'::attendance_type
       from generate_series(0, $1 - 1) as a, generate_series(0, $2 - 1) as k, generate_series(0, 2) as d`,
      [apprentices, weeks, String(LAST_WEEK.isoYear), firstWeek],
    );
    await run(
      `insert into entries (day_id, position, kind, form, text, minutes)
       select pg_temp.peak_id('day:' || a || ':' || k || ':' || d), 0, 'company_work'::entry_kind,
              'free_text'::entry_form,
              'Baugruppe montiert und geprüft, Protokoll geschrieben', 480
       from generate_series(0, $1 - 1) as a, generate_series(0, $2 - 1) as k, generate_series(0, 2) as d`,
      [apprentices, weeks],
    );
    await run(
      `insert into approvals (week_id, version, content_hash, approver_id)
       select pg_temp.peak_id('week:' || a || ':' || k), 4, md5(a || ':' || k) || md5(k || ':' || a),
              pg_temp.peak_id('trainer:' || ((a / $3) * $4 + (a % $3) / ($3 / $4)))
       from generate_series(0, $1 - 1) as a, generate_series(0, $2 - 3) as k`,
      [apprentices, weeks, APPRENTICES_PER_COMPANY, TRAINERS_PER_COMPANY],
    );
    await run(
      `insert into status_transitions (week_id, action, from_status, to_status, actor_id)
       select pg_temp.peak_id('week:' || a || ':' || k), 'submit'::week_action, 'draft'::week_status,
              'submitted'::week_status,
              pg_temp.peak_id('apprentice:' || a)
       from generate_series(0, $1 - 1) as a, generate_series(0, $2 - 2) as k
       union all
       select pg_temp.peak_id('week:' || a || ':' || k), 'approve'::week_action, 'submitted'::week_status,
              'approved'::week_status,
              pg_temp.peak_id('trainer:' || ((a / $3) * $4 + (a % $3) / ($3 / $4)))
       from generate_series(0, $1 - 1) as a, generate_series(0, $2 - 3) as k`,
      [apprentices, weeks, APPRENTICES_PER_COMPANY, TRAINERS_PER_COMPANY],
    );
    await run('commit');
    // What a bulk load leaves behind (hint bits to set, statistics to gather, dirty buffers to write) would
    // otherwise be done by autovacuum and the checkpointer in the middle of the measurement.
    await run(
      'vacuum (analyze) report_weeks, days, entries, approvals, status_transitions, people, memberships, apprenticeships, assignments, companies',
    );
    await run('checkpoint');
  } catch (error) {
    await run('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
