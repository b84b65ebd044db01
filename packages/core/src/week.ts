/** Calendar arithmetic on plain ISO dates (`YYYY-MM-DD`), in UTC so that no time zone shifts a day. */

const DAY_MS = 86_400_000;

export interface IsoWeek {
  isoYear: number;
  isoWeek: number;
}

/** Parses `YYYY-MM-DD` into a UTC date, or `null` for anything that is not a real calendar day. */
export function parseIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return roundTrips ? date : null;
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return formatIsoDate(new Date(date.getTime() + days * DAY_MS));
}

/** ISO 8601 week of a day: weeks start on Monday, week 1 contains the year's first Thursday. */
export function isoWeekOf(isoDate: string): IsoWeek {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(isoYear, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  const firstMonday = firstThursday.getTime() - firstWeekday * DAY_MS;
  const isoWeek = Math.floor((thursday.getTime() - firstMonday) / (7 * DAY_MS)) + 1;
  return { isoYear, isoWeek };
}

/** Number of ISO weeks in an ISO year: 53 when 28 December falls in week 53, else 52. */
export function isoWeeksInYear(isoYear: number): 52 | 53 {
  return isoWeekOf(`${String(isoYear).padStart(4, '0')}-12-28`).isoWeek === 53 ? 53 : 52;
}

/** Monday of an ISO week. */
export function mondayOf(week: IsoWeek): string {
  const jan4 = new Date(Date.UTC(week.isoYear, 0, 4));
  const jan4Weekday = (jan4.getUTCDay() + 6) % 7;
  const firstMonday = jan4.getTime() - jan4Weekday * DAY_MS;
  return formatIsoDate(new Date(firstMonday + (week.isoWeek - 1) * 7 * DAY_MS));
}

/** The seven days of an ISO week, Monday first. */
export function daysOfWeek(week: IsoWeek): string[] {
  const monday = mondayOf(week);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * Training year (Ausbildungsjahr) a day falls in, counted from the apprenticeship's start: the first twelve months
 * are year 1. Days before the start count as year 1.
 */
export function trainingYearOf(startDate: string, isoDate: string): number {
  const start = parseIsoDate(startDate);
  const day = parseIsoDate(isoDate);
  if (!start || !day) throw new RangeError('Not an ISO date');
  let years = day.getUTCFullYear() - start.getUTCFullYear();
  const beforeAnniversary =
    day.getUTCMonth() < start.getUTCMonth() ||
    (day.getUTCMonth() === start.getUTCMonth() && day.getUTCDate() < start.getUTCDate());
  if (beforeAnniversary) years -= 1;
  return Math.max(1, years + 1);
}

/** Whether an ISO week overlaps the period from `startDate` to `endDate` (inclusive). */
export function weekOverlaps(week: IsoWeek, startDate: string, endDate: string): boolean {
  const monday = mondayOf(week);
  const sunday = addDays(monday, 6);
  return sunday >= startDate && monday <= endDate;
}

/**
 * The report number (Nachweis Nr.) of a week: weeks counted from the calendar week the training starts in, which is
 * number 1, whatever order the weeks are written in.
 */
export function reportNumberOf(startDate: string, week: IsoWeek): number {
  const first = Date.parse(`${mondayOf(isoWeekOf(startDate))}T00:00:00Z`);
  const monday = Date.parse(`${mondayOf(week)}T00:00:00Z`);
  return Math.round((monday - first) / (7 * DAY_MS)) + 1;
}

/** `2025-W31`: an ISO week as ISO 8601 writes it, e.g. as the bounds of a printed period. */
export function isoWeekName(week: IsoWeek): string {
  return `${String(week.isoYear).padStart(4, '0')}-W${String(week.isoWeek).padStart(2, '0')}`;
}

/** The ISO week named `2025-W31`, or null when the name is not one or the year has no such week. */
export function parseIsoWeekName(name: string): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(name);
  if (!match) return null;
  const week = { isoYear: Number(match[1]), isoWeek: Number(match[2]) };
  return week.isoWeek >= 1 && week.isoWeek <= isoWeeksInYear(week.isoYear) ? week : null;
}

/**
 * The training years of an apprenticeship as periods of days and of ISO weeks, as `trainingYearOf` counts them: year
 * n from the n-th anniversary of the start to the day before the next, the last one up to the end.
 */
export function trainingYearPeriods(
  startDate: string,
  endDate: string,
): { year: number; startDate: string; endDate: string; from: IsoWeek; to: IsoWeek }[] {
  const start = parseIsoDate(startDate);
  if (!start || !parseIsoDate(endDate)) throw new RangeError('Not an ISO date');
  const periods = [];
  for (let year = 1; ; year += 1) {
    const from = formatIsoDate(
      new Date(
        Date.UTC(start.getUTCFullYear() + year - 1, start.getUTCMonth(), start.getUTCDate()),
      ),
    );
    if (from > endDate) break;
    const next = formatIsoDate(
      new Date(Date.UTC(start.getUTCFullYear() + year, start.getUTCMonth(), start.getUTCDate())),
    );
    const to = addDays(next, -1) < endDate ? addDays(next, -1) : endDate;
    periods.push({ year, startDate: from, endDate: to, from: isoWeekOf(from), to: isoWeekOf(to) });
  }
  return periods;
}

/**
 * The record in bundles of four consecutive weeks from the week the training starts in, as many companies file it:
 * report numbers 1–4, 5–8, …, the last bundle up to the end.
 */
export function fourWeekBundles(
  startDate: string,
  endDate: string,
): { firstReport: number; lastReport: number; from: IsoWeek; to: IsoWeek }[] {
  const first = mondayOf(isoWeekOf(startDate));
  const last = mondayOf(isoWeekOf(endDate));
  const bundles = [];
  for (let monday = first, report = 1; monday <= last; monday = addDays(monday, 28), report += 4) {
    const end = addDays(monday, 21) < last ? addDays(monday, 21) : last;
    const lastReport = reportNumberOf(startDate, isoWeekOf(end));
    bundles.push({ firstReport: report, lastReport, from: isoWeekOf(monday), to: isoWeekOf(end) });
  }
  return bundles;
}
