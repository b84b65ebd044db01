import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type ApprenticeshipView,
  ASSIGNMENT_ROLES,
  type AssignmentRole,
  addDays,
  awaitsReviewer,
  type DayView,
  mondayOf,
  type QueueItemView,
  REVIEW_MODES,
  type ReviewMode,
  viewerPermissions,
  WEEK_STATUSES,
  type WeekStatus,
  type WeekSummaryView,
  type WeekView,
} from '@berichtsheft/core';
import { jwtVerify } from 'jose';
import postgres from 'postgres';
import type { BenchIssuer } from './issuer.js';
import type { HandWrittenAnswer } from './page-loads.js';

/**
 * The floor to compare the application with: a bare `node:http` server that answers each element's page load in one
 * request, with hand-written SQL through postgres.js (prepared statements, a pool of the application's size). It does
 * the work the application must do as well — verify the bearer token (jose with the key in hand), find the person
 * behind it, check the membership in the company on every request (S9) — and nothing else: no framework, no
 * transaction, no profile refresh, no input validation beyond what it reads.
 */

type Sql = postgres.Sql;

class Refused extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

const REVIEWABLE = WEEK_STATUSES.filter((status) =>
  ASSIGNMENT_ROLES.some((role) => REVIEW_MODES.some((mode) => awaitsReviewer(status, role, mode))),
);

async function callerInCompany(
  sql: Sql,
  issuer: BenchIssuer,
  request: IncomingMessage,
  companyId: string,
) {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined) throw new Refused(401);
  const { payload } = await jwtVerify(token, issuer.publicKey, {
    issuer: issuer.issuer,
    audience: issuer.audience,
    algorithms: [issuer.alg],
  }).catch(() => {
    throw new Refused(401);
  });
  const [caller] = await sql<{ id: string }[]>`
    select p.id from people p
    join memberships m on m.person_id = p.id and m.company_id = ${companyId}
    where p.issuer = ${payload.iss ?? ''} and p.subject = ${payload.sub ?? ''}
    limit 1`;
  if (caller === undefined) throw new Refused(404);
  return caller.id;
}

interface QueueRow extends Omit<QueueItemView, 'weekStart'> {
  reviewMode: ReviewMode;
  assignmentRole: AssignmentRole;
}

/** `<bh-signoff-queue>`: two statements. */
async function signoffQueue(sql: Sql, personId: string, companyId: string) {
  const rows = await sql<QueueRow[]>`
    select w.id as "weekId", w.apprenticeship_id as "apprenticeshipId", p.display_name as "apprenticeName",
      a.occupation, w.iso_year as "isoYear", w.iso_week as "isoWeek", w.training_year as "trainingYear",
      w.status, w.version, w.submitted_at as "submittedAt",
      (select coalesce(sum(e.minutes), 0)::int from days d join entries e on e.day_id = d.id
        where d.week_id = w.id) as "totalMinutes",
      c.review_mode as "reviewMode", s.role as "assignmentRole"
    from report_weeks w
    join apprenticeships a on a.id = w.apprenticeship_id
    join companies c on c.id = w.company_id
    join people p on p.id = a.apprentice_id
    join assignments s on s.apprenticeship_id = a.id and s.person_id = ${personId} and s.revoked_at is null
    where w.company_id = ${companyId} and a.apprentice_id <> ${personId}
      and w.status::text = any(${REVIEWABLE as WeekStatus[]})
    order by w.submitted_at, w.id`;
  const byWeek = new Map<string, QueueRow[]>();
  for (const row of rows) byWeek.set(row.weekId, [...(byWeek.get(row.weekId) ?? []), row]);
  const queue: QueueItemView[] = [];
  for (const [first, ...others] of byWeek.values()) {
    if (first === undefined) continue;
    const roles = [first, ...others].map((row) => row.assignmentRole);
    const role = roles.includes('trainer') ? 'trainer' : 'delegate';
    if (!awaitsReviewer(first.status, role, first.reviewMode)) continue;
    const { reviewMode: _mode, assignmentRole: _role, ...item } = first;
    queue.push({ ...item, weekStart: mondayOf(item) });
  }
  return { queue };
}

interface WeekRow {
  id: string;
  apprenticeshipId: string;
  isoYear: number;
  isoWeek: number;
  trainingYear: number;
  department: string;
  status: WeekStatus;
  version: number;
  returnReason: string | null;
}

/** The week as it is, or none while nobody has written it: like `weeks.find`, reading writes nothing. */
async function findOwnWeek(
  sql: Sql,
  apprenticeship: ApprenticeshipView,
  isoYear: number,
  isoWeek: number,
): Promise<WeekRow | undefined> {
  const [row] = await sql<WeekRow[]>`
    select id, apprenticeship_id as "apprenticeshipId", iso_year as "isoYear", iso_week as "isoWeek",
      training_year as "trainingYear", department, status, version, return_reason as "returnReason"
    from report_weeks
    where company_id = ${apprenticeship.companyId} and apprenticeship_id = ${apprenticeship.id}
      and iso_year = ${isoYear} and iso_week = ${isoWeek}`;
  return row;
}

async function weekDays(sql: Sql, weekId: string): Promise<DayView[]> {
  const rows = await sql<
    (Omit<DayView, 'entries'> & { dayId: string; entry: DayView['entries'][number] | null })[]
  >`
    select d.id as "dayId", d.date::text as date, d.attendance,
      case when e.id is null then null else json_build_object('id', e.id, 'kind', e.kind, 'form', e.form,
        'text', e.text, 'minutes', e.minutes, 'lernfeld', e.lernfeld, 'rahmenplanRefs', e.rahmenplan_refs) end
        as entry
    from days d left join entries e on e.day_id = d.id
    where d.week_id = ${weekId}
    order by d.date, e.position`;
  const byDay = new Map<string, DayView>();
  for (const { dayId, date, attendance, entry } of rows) {
    const day = byDay.get(dayId) ?? { date, attendance, entries: [] };
    byDay.set(dayId, day);
    if (entry !== null) day.entries.push(entry);
  }
  return [...byDay.values()];
}

async function weekView(
  sql: Sql,
  apprenticeship: ApprenticeshipView,
  row: WeekRow,
): Promise<WeekView> {
  const days = await weekDays(sql, row.id);
  const [approval] = await sql<NonNullable<WeekView['approval']>[]>`
    select a.version, a.content_hash as "contentHash", p.display_name as "approvedByName",
      a.approved_at as "approvedAt"
    from approvals a join people p on p.id = a.approver_id
    where a.week_id = ${row.id}
    order by a.version desc limit 1`;
  const history = await sql<WeekView['history']>`
    select t.action, t.from_status as from, t.to_status as to, p.display_name as "actorName", t.reason, t.at
    from status_transitions t join people p on p.id = t.actor_id
    where t.week_id = ${row.id}
    order by t.at, t.id`;
  const weekStart = mondayOf(row);
  return {
    ...row,
    weekStart,
    weekEnd: addDays(weekStart, 6),
    apprenticeName: apprenticeship.apprenticeName,
    occupation: apprenticeship.occupation,
    reviewMode: apprenticeship.reviewMode,
    returnReason: row.status === 'returned' ? row.returnReason : null,
    days,
    approval: approval ?? null,
    history: [...history],
    viewer: viewerPermissions('owner', row.status, apprenticeship.reviewMode),
  };
}

/**
 * `<bh-report-editor>`: seven statements — caller, apprenticeships, the week (`null` while nobody has written it), its
 * days and entries, its latest approval, its history, the list of weeks — all of the first apprenticeship, as the
 * application answers without an apprenticeship id. The caller is the apprentice of the apprenticeships found, so the
 * relation is `owner` without another query.
 */
async function reportEditor(
  sql: Sql,
  personId: string,
  companyId: string,
  isoYear: number,
  isoWeek: number,
) {
  const apprenticeships = await sql<ApprenticeshipView[]>`
    select a.id, a.company_id as "companyId", p.display_name as "apprenticeName", a.occupation,
      a.start_date::text as "startDate", a.end_date::text as "endDate", a.report_format as "reportFormat",
      c.review_mode as "reviewMode"
    from apprenticeships a
    join people p on p.id = a.apprentice_id
    join companies c on c.id = a.company_id
    where a.company_id = ${companyId} and a.apprentice_id = ${personId}
    order by a.start_date, a.id`;
  const [apprenticeship] = apprenticeships;
  if (apprenticeship === undefined) return { apprenticeships: [...apprenticeships] };
  const row = await findOwnWeek(sql, apprenticeship, isoYear, isoWeek);
  const week = row === undefined ? null : await weekView(sql, apprenticeship, row);
  const weeks = await sql<Omit<WeekSummaryView, 'weekStart'>[]>`
    select id, apprenticeship_id as "apprenticeshipId", iso_year as "isoYear", iso_week as "isoWeek",
      training_year as "trainingYear", status, version
    from report_weeks
    where company_id = ${companyId} and apprenticeship_id = ${apprenticeship.id}
    order by iso_year desc, iso_week desc`;
  return {
    apprenticeships: [...apprenticeships],
    week,
    weeks: weeks.map((summary) => ({ ...summary, weekStart: mondayOf(summary) })),
  };
}

async function answer(
  sql: Sql,
  issuer: BenchIssuer,
  request: IncomingMessage,
): Promise<HandWrittenAnswer> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const companyId = url.searchParams.get('companyId') ?? '';
  if (url.pathname === '/signoff-queue') {
    return signoffQueue(sql, await callerInCompany(sql, issuer, request, companyId), companyId);
  }
  if (url.pathname === '/report-editor') {
    const personId = await callerInCompany(sql, issuer, request, companyId);
    const isoYear = Number(url.searchParams.get('isoYear'));
    const isoWeek = Number(url.searchParams.get('isoWeek'));
    return reportEditor(sql, personId, companyId, isoYear, isoWeek);
  }
  throw new Refused(404);
}

export interface HandWrittenServer {
  server: Server;
  close(): Promise<void>;
}

export function createHandWrittenServer(
  databaseUrl: string,
  poolSize: number,
  issuer: BenchIssuer,
  onError: (error: unknown) => void,
): HandWrittenServer {
  const sql = postgres(databaseUrl, { max: poolSize, onnotice: () => {} });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    answer(sql, issuer, request).then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      },
      (error: unknown) => {
        if (!(error instanceof Refused)) onError(error);
        response.writeHead(error instanceof Refused ? error.status : 500).end();
      },
    );
  });
  return { server, close: () => sql.end({ timeout: 5 }) };
}
