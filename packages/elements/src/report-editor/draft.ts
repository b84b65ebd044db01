import {
  ABSENCE_TYPES,
  type AttendanceType,
  cleanText,
  type DayInput,
  daysOfWeek,
  type EntryForm,
  type EntryKind,
  LIMITS,
  type WeekView,
} from '@berichtsheft/core';
import { msg } from '@lit/localize';
import { formatMinutes, parseDuration } from '../shared/format.js';
import type { ContentWeek } from '../shared/week-content.js';

/** An entry as the apprentice is typing it: the duration stays the text they typed until it is saved. */
export interface DraftEntry {
  key: string;
  kind: EntryKind;
  form: EntryForm;
  text: string;
  duration: string;
  lernfeld: string | null;
  rahmenplanRefs: string[];
}

export interface DraftDay {
  date: string;
  attendance: AttendanceType;
  entries: DraftEntry[];
}

export interface Draft {
  department: string;
  days: DraftDay[];
}

let keys = 0;
export function newEntry(kind: EntryKind = 'company_work'): DraftEntry {
  keys += 1;
  return {
    key: `n${keys}`,
    kind,
    form: 'bullets',
    text: '',
    duration: '',
    lernfeld: null,
    rahmenplanRefs: [],
  };
}

export function isAbsence(attendance: AttendanceType): boolean {
  return ABSENCE_TYPES.includes(attendance);
}

/** Monday to Friday always, the weekend when something was recorded on it. */
export function draftFromWeek(week: WeekView): Draft {
  const saved = new Map(week.days.map((day) => [day.date, day]));
  const dates = daysOfWeek(week).filter((date, index) => index < 5 || saved.has(date));
  return {
    department: week.department,
    days: dates.map((date) => {
      const day = saved.get(date);
      return {
        date,
        attendance: day?.attendance ?? 'company',
        entries: (day?.entries ?? []).map((entry) => ({
          key: entry.id,
          kind: entry.kind,
          form: entry.form,
          text: entry.text,
          duration: formatMinutes(entry.minutes),
          lernfeld: entry.lernfeld,
          rahmenplanRefs: entry.rahmenplanRefs,
        })),
      };
    }),
  };
}

/** Field ids inside the editor, shared by the inputs and their error messages. */
export const fieldId = {
  department: () => 'department',
  attendance: (date: string) => `attendance-${date}`,
  dayTotal: (date: string) => `total-${date}`,
  kind: (key: string) => `kind-${key}`,
  form: (key: string) => `form-${key}`,
  text: (key: string) => `text-${key}`,
  duration: (key: string) => `duration-${key}`,
};

/** Problems the apprentice can fix before anything is sent, by field id. */
export function validateDraft(draft: Draft): Map<string, string> {
  const errors = new Map<string, string>();
  if (draft.department.trim().length > LIMITS.departmentMax) {
    errors.set(fieldId.department(), msg('Die Abteilung ist zu lang.'));
  }
  for (const day of draft.days) {
    if (isAbsence(day.attendance)) continue;
    let total = 0;
    for (const entry of day.entries) {
      if (cleanText(entry.text).length === 0) {
        errors.set(fieldId.text(entry.key), msg('Bitte beschreiben Sie die Tätigkeit.'));
      } else if (cleanText(entry.text).length > LIMITS.entryTextMax) {
        errors.set(fieldId.text(entry.key), msg('Der Text ist zu lang.'));
      }
      const minutes = parseDuration(entry.duration);
      if (minutes === null) {
        errors.set(
          fieldId.duration(entry.key),
          msg('Bitte die Dauer als Stunden:Minuten angeben, z. B. 1:30.'),
        );
      } else {
        total += minutes;
      }
    }
    if (total > LIMITS.minutesPerDayMax) {
      errors.set(fieldId.dayTotal(day.date), msg('Ein Tag kann höchstens 24 Stunden haben.'));
    }
  }
  return errors;
}

/** The days as the API takes them; absence days carry no activities. Call only after `validateDraft` passed. */
export function daysForSave(draft: Draft): DayInput[] {
  return draft.days.map((day) => ({
    date: day.date,
    attendance: day.attendance,
    entries: isAbsence(day.attendance)
      ? []
      : day.entries.map((entry) => ({
          kind: entry.kind,
          form: entry.form,
          text: cleanText(entry.text),
          minutes: parseDuration(entry.duration) ?? 0,
          lernfeld: entry.lernfeld,
          rahmenplanRefs: entry.rahmenplanRefs,
        })),
  }));
}

/** A draft shown read-only, e.g. the unsaved edits kept after the week was submitted elsewhere. */
export function draftAsContent(draft: Draft): ContentWeek {
  return {
    department: draft.department,
    days: draft.days.map((day) => ({
      date: day.date,
      attendance: day.attendance,
      entries: day.entries.map((entry) => ({
        kind: entry.kind,
        form: entry.form,
        text: entry.text,
        minutes: parseDuration(entry.duration) ?? 0,
      })),
    })),
  };
}

export function dayTotal(day: DraftDay): number {
  return day.entries.reduce((sum, entry) => sum + (parseDuration(entry.duration) ?? 0), 0);
}
