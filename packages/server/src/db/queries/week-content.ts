import { completeEntry, type DayInput, type DayView } from '@berichtsheft/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once.js';
import type { Executor } from '../database.js';
import { days, entries, reportWeeks } from '../schema/index.js';

function weekOfCompany(db: Executor, companyId: string, weekId: string) {
  return db
    .select({ id: reportWeeks.id })
    .from(reportWeeks)
    .where(and(eq(reportWeeks.companyId, companyId), eq(reportWeeks.id, weekId)));
}

const loadWeekDaysQuery = builtOnce('load_week_days', (db) =>
  db
    .select({
      dayId: days.id,
      date: days.date,
      attendance: days.attendance,
      entryId: entries.id,
      kind: entries.kind,
      form: entries.form,
      text: entries.text,
      minutes: entries.minutes,
      lernfeld: entries.lernfeld,
      rahmenplanRefs: entries.rahmenplanRefs,
    })
    .from(days)
    .innerJoin(reportWeeks, eq(reportWeeks.id, days.weekId))
    .leftJoin(entries, eq(entries.dayId, days.id))
    .where(
      and(
        eq(reportWeeks.companyId, sql.placeholder('companyId')),
        eq(days.weekId, sql.placeholder('weekId')),
      ),
    )
    .orderBy(asc(days.date), asc(entries.position)),
);

/** Days of a week by date, each with its entries in the apprentice's order. */
export async function loadWeekDays(
  db: Executor,
  companyId: string,
  weekId: string,
): Promise<DayView[]> {
  const rows = await loadWeekDaysQuery(db, { companyId, weekId });
  const byDay = new Map<string, DayView>();
  for (const row of rows) {
    let day = byDay.get(row.dayId);
    if (!day) {
      day = { date: row.date, attendance: row.attendance, entries: [] };
      byDay.set(row.dayId, day);
    }
    if (row.entryId !== null && row.kind !== null && row.form !== null) {
      day.entries.push({
        id: row.entryId,
        kind: row.kind,
        form: row.form,
        text: row.text ?? '',
        minutes: row.minutes ?? 0,
        lernfeld: row.lernfeld,
        rahmenplanRefs: row.rahmenplanRefs ?? [],
      });
    }
  }
  return [...byDay.values()];
}

/** Replaces all days and entries of a week with the given ones (a save sends the whole week). */
export async function replaceWeekDays(
  db: Executor,
  companyId: string,
  weekId: string,
  newDays: readonly DayInput[],
): Promise<void> {
  await db.delete(days).where(inArray(days.weekId, weekOfCompany(db, companyId, weekId)));
  if (newDays.length === 0) return;
  const inserted = await db
    .insert(days)
    .values(newDays.map((day) => ({ weekId, date: day.date, attendance: day.attendance })))
    .returning({ id: days.id, date: days.date });
  const dayIdByDate = new Map(inserted.map((row) => [row.date, row.id]));
  const entryRows = newDays.flatMap((day) =>
    day.entries.map((entry, position) => ({
      dayId: requireDayId(dayIdByDate, day.date),
      position,
      ...completeEntry(entry),
    })),
  );
  if (entryRows.length > 0) await db.insert(entries).values(entryRows);
}

function requireDayId(dayIdByDate: ReadonlyMap<string, string>, date: string): string {
  const dayId = dayIdByDate.get(date);
  if (dayId === undefined) throw new Error(`Day ${date} was not stored`);
  return dayId;
}
