import {
  type AttendanceType,
  cleanText,
  type DayInput,
  daysOfWeek,
  type EntryForm,
  type EntryKind,
  exceedsDay,
  type IsoWeek,
  isAbsence,
  TEXT_RULES,
  textProblem,
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

/** A week nobody has written yet: Monday to Friday in the company, nothing recorded. */
export function blankDraft(week: IsoWeek): Draft {
  return draftFromWeek({ ...week, department: '', days: [] });
}

/** Monday to Friday always, the weekend when something was recorded on it. */
export function draftFromWeek(week: IsoWeek & Pick<WeekView, 'department' | 'days'>): Draft {
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

/**
 * Problems the apprentice can fix before anything is sent, by field id. The rules are core's, the same the server's
 * input schemas apply; only the typed duration (`1:30`, `1,5`) is the editor's own format.
 */
export function validateDraft(draft: Draft): Map<string, string> {
  const errors = new Map<string, string>();
  if (textProblem(cleanText(draft.department), TEXT_RULES.department)) {
    errors.set(fieldId.department(), msg('Die Abteilung ist zu lang.'));
  }
  for (const day of draft.days) {
    if (isAbsence(day.attendance)) continue;
    const minutes: { minutes: number }[] = [];
    for (const entry of day.entries) {
      const text = textProblem(cleanText(entry.text), TEXT_RULES.entryText);
      if (text) {
        errors.set(
          fieldId.text(entry.key),
          text === 'missing'
            ? msg('Bitte beschreiben Sie die Tätigkeit.')
            : msg('Der Text ist zu lang.'),
        );
      }
      const parsed = parseDuration(entry.duration);
      if (parsed === null) {
        errors.set(
          fieldId.duration(entry.key),
          msg('Bitte die Dauer als Stunden:Minuten angeben, z. B. 1:30.'),
        );
      } else {
        minutes.push({ minutes: parsed });
      }
    }
    if (exceedsDay({ entries: minutes })) {
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
