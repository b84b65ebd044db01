import {
  type IsoWeek,
  isoWeekName,
  isoWeekOf,
  isoWeeksInYear,
  parseIsoDate,
  parseIsoWeekName,
} from '@berichtsheft/core';
import { getLocale } from '../localization.js';

/** `2026-W48` → `{ isoYear: 2026, isoWeek: 48 }`, or `null` for anything that is no real ISO week. */
export function parseWeekParam(value: string | null | undefined): IsoWeek | null {
  return value ? parseIsoWeekName(value) : null;
}

export const formatWeekParam = isoWeekName;

/** Today's date in the user's time zone, as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function currentWeek(now: Date = new Date()): IsoWeek {
  return isoWeekOf(localToday(now));
}

export function shiftWeek(week: IsoWeek, by: 1 | -1): IsoWeek {
  const isoWeek = week.isoWeek + by;
  if (isoWeek < 1) {
    const isoYear = week.isoYear - 1;
    return { isoYear, isoWeek: isoWeeksInYear(isoYear) };
  }
  if (isoWeek > isoWeeksInYear(week.isoYear)) return { isoYear: week.isoYear + 1, isoWeek: 1 };
  return { isoYear: week.isoYear, isoWeek };
}

/** Minutes as `h:mm`, the way durations appear in a Berichtsheft. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${hours}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Accepts `h:mm`, `h` and `h,5`/`h.5` (decimal hours); `null` for anything else. */
export function parseDuration(value: string): number | null {
  const text = value.trim();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const decimal = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(text);
  if (decimal) return Math.round(Number(`${decimal[1]}.${decimal[2] ?? '0'}`) * 60);
  return null;
}

function dateOf(isoDate: string): Date {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return date;
}

/** `Montag, 23.11.2026` / `Monday, 11/23/2026` in the active locale. */
export function formatDayHeading(isoDate: string): string {
  return new Intl.DateTimeFormat(getLocale(), {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(dateOf(isoDate));
}

export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(getLocale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(dateOf(isoDate));
}

export function formatInstant(at: Date): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    at,
  );
}
