import { randomBytes } from 'node:crypto';
import {
  addDays,
  type DayContent,
  isoWeekOf,
  mondayOf,
  trainingYearOf,
  weekContentHash,
} from '@berichtsheft/core';
import { type Database, type Identity, queries } from '@berichtsheft/server';
import { sql } from 'drizzle-orm';

export const RECORD_START = '2025-08-04';
export const RECORD_END = '2028-07-31';
export const RECORD_WEEKS = 156;
/** One scanned worksheet per week: the size of a phone photo compressed for the web. */
export const ATTACHMENT_BYTES = 200 * 1024;

export interface SeededRecord {
  companyId: string;
  apprenticeshipId: string;
  apprentice: Identity;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function weekDays(monday: string, week: number): DayContent[] {
  return Array.from({ length: 5 }, (_, day) => ({
    date: addDays(monday, day),
    attendance: day === 2 ? ('school' as const) : ('company' as const),
    entries:
      day === 2
        ? [
            {
              kind: 'school' as const,
              form: 'bullets' as const,
              text: `Lernfeld 5: Datenbanken – Übung ${week}`,
              minutes: 270,
              lernfeld: 'LF 5',
            },
            {
              kind: 'school' as const,
              form: 'bullets' as const,
              text: 'Wirtschafts- und Sozialkunde: Tarifverträge',
              minutes: 90,
              lernfeld: null,
            },
          ]
        : [
            {
              kind: 'company_work' as const,
              form: 'free_text' as const,
              text: `Wartung der Förderanlage, Prüfung der Maßnahmen für Gerätesicherheit (Woche ${week}, Tag ${day + 1})`,
              minutes: 360,
              lernfeld: null,
            },
            {
              kind: 'company_instruction' as const,
              form: 'bullets' as const,
              text: 'Unterweisung Arbeitsschutz\nÜbergabe an die Frühschicht',
              minutes: 90,
              lernfeld: null,
            },
          ],
  }));
}

/**
 * A three-year record of 156 approved weeks, five days and two entries a day, each week with a 200 KB attachment,
 * written with set-based SQL as maintenance (the way an import writes), so seeding takes seconds.
 */
export async function seedRecord(database: Database): Promise<SeededRecord> {
  const { db } = database;
  const tag = Math.random().toString(36).slice(2, 8);
  const apprentice: Identity = {
    issuer: 'https://bench.example',
    subject: `anna-${tag}`,
    displayName: 'Anna Bänk',
  };
  const trainer: Identity = {
    issuer: 'https://bench.example',
    subject: `tom-${tag}`,
    displayName: 'Tom Prüfer',
  };
  const apprenticeId = (await queries.ensurePerson(db, apprentice)).id;
  const trainerId = (await queries.ensurePerson(db, trainer)).id;
  const chamberId = await queries.ensureChamber(db, {
    name: 'IHK Bench',
    chamberNumber: `b-${tag}`,
  });
  const companyId = await queries.createCompany(db, {
    name: `Bänk GmbH ${tag}`,
    chamberId,
    registrationStatus: 'verified',
  });
  await queries.addMembership(db, { personId: apprenticeId, companyId, role: 'apprentice' });
  await queries.addMembership(db, { personId: trainerId, companyId, role: 'trainer' });
  const apprenticeshipId = await queries.createApprenticeship(db, {
    companyId,
    apprenticeId,
    occupation: 'Industriemechaniker/in',
    startDate: RECORD_START,
    endDate: RECORD_END,
  });
  await queries.assignReviewer(db, { apprenticeshipId, personId: trainerId, role: 'trainer' });

  const weeks = await Promise.all(
    Array.from({ length: RECORD_WEEKS }, async (_, index) => {
      const week = isoWeekOf(addDays(RECORD_START, 7 * index));
      const monday = mondayOf(week);
      const days = weekDays(monday, index + 1);
      const department = index % 2 === 0 ? 'Instandhaltung' : 'Fertigung';
      return {
        ...week,
        trainingYear: trainingYearOf(RECORD_START, monday),
        department,
        days,
        hash: await weekContentHash({ department, days }),
      };
    }),
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('bh.maintenance', 'on', true)`);
    const rows = await tx.execute(
      sql`insert into report_weeks (apprenticeship_id, company_id, iso_year, iso_week, training_year, department,
            status, version, submitted_at, approved_at)
          select ${apprenticeshipId}, ${companyId}, x."isoYear", x."isoWeek", x."trainingYear", x.department,
            'approved', 3, now(), now()
          from json_to_recordset(${JSON.stringify(weeks)}::json)
            as x("isoYear" int, "isoWeek" int, "trainingYear" int, department text)
          returning id, iso_year as "isoYear", iso_week as "isoWeek"`,
    );
    const ids = new Map(
      (rows as unknown as { rows: { id: string; isoYear: number; isoWeek: number }[] }).rows.map(
        (row) => [`${row.isoYear}-${row.isoWeek}`, row.id],
      ),
    );
    const idOf = (week: { isoYear: number; isoWeek: number }) =>
      ids.get(`${week.isoYear}-${week.isoWeek}`);
    const days = weeks.flatMap((week) => week.days.map((day) => ({ weekId: idOf(week), ...day })));
    await tx.execute(
      sql`with x as (select * from json_to_recordset(${JSON.stringify(days)}::json)
            as x("weekId" uuid, date date, attendance text, entries json)),
          d as (insert into days (week_id, date, attendance)
            select "weekId", date, attendance::attendance_type from x returning id, week_id, date)
          insert into entries (day_id, position, kind, form, text, minutes, lernfeld)
          select d.id, e.ordinality - 1, (e.value->>'kind')::entry_kind, (e.value->>'form')::entry_form,
            e.value->>'text', (e.value->>'minutes')::int, e.value->>'lernfeld'
          from d join x on x."weekId" = d.week_id and x.date = d.date
          cross join lateral json_array_elements(x.entries) with ordinality as e(value, ordinality)`,
    );
    const approvals = weeks.map((week) => ({ weekId: idOf(week), hash: week.hash }));
    await tx.execute(
      sql`insert into approvals (week_id, version, content_hash, approver_id, approver_role)
          select x."weekId", 3, x.hash, ${trainerId}, 'trainer'
          from json_to_recordset(${JSON.stringify(approvals)}::json) as x("weekId" uuid, hash text)`,
    );
    for (const week of weeks) {
      const bytes = Buffer.concat([
        Buffer.from(PNG_SIGNATURE),
        randomBytes(ATTACHMENT_BYTES - PNG_SIGNATURE.length),
      ]);
      await tx.execute(
        sql`insert into attachments (company_id, week_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
            values (${companyId}, ${idOf(week)}, ${`Arbeitsblatt KW ${week.isoWeek}.png`}, 'image/png', ${bytes.byteLength},
              encode(sha256(${bytes}), 'hex'), ${bytes}, ${apprenticeId})`,
      );
    }
  });
  return { companyId, apprenticeshipId, apprentice };
}
