/** What a report week contains. Keys in English; German labels live in the elements' translations. */

/** Lernort / attendance of a day: Betrieb, Berufsschule, überbetriebliche Ausbildung, Urlaub, Krank, Feiertag, Zeitausgleich, sonstige Abwesenheit. */
export const ATTENDANCE_TYPES = [
  'company',
  'school',
  'inter_company',
  'vacation',
  'sick',
  'public_holiday',
  'time_off',
  'other_absence',
] as const;
export type AttendanceType = (typeof ATTENDANCE_TYPES)[number];

/** Days on which the apprentice was away; they carry no activities. */
export const ABSENCE_TYPES: readonly AttendanceType[] = [
  'vacation',
  'sick',
  'public_holiday',
  'time_off',
  'other_absence',
];

/** Whether the apprentice was away that day, so the day carries no activities. */
export function isAbsence(attendance: AttendanceType): boolean {
  return ABSENCE_TYPES.includes(attendance);
}

/** Betriebliche Tätigkeit / Unterweisung, betrieblicher Unterricht, Schulung / Berufsschule: kept apart as chambers require. */
export const ENTRY_KINDS = ['company_work', 'company_instruction', 'school'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Stichpunkte or Freitext. */
export const ENTRY_FORMS = ['bullets', 'free_text'] as const;
export type EntryForm = (typeof ENTRY_FORMS)[number];

/** Daily or weekly reports, set per apprenticeship by the company. */
export const REPORT_FORMATS = ['daily', 'weekly'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const LIMITS = {
  entryTextMax: 4000,
  entriesPerDayMax: 20,
  minutesPerDayMax: 24 * 60,
  departmentMax: 200,
  reasonMax: 2000,
  rahmenplanRefsMax: 20,
  rahmenplanRefMax: 40,
  lernfeldMax: 100,
  messageMax: 4000,
} as const;

/** What a text field takes: at most `max` characters once trimmed, and whether it may be left empty. */
export interface TextRule {
  max: number;
  required: boolean;
}

/** The text fields of a week, of a return and of a dialogue message, as the input schemas and the editor's checks both apply them. */
export const TEXT_RULES = {
  entryText: { max: LIMITS.entryTextMax, required: true },
  department: { max: LIMITS.departmentMax, required: false },
  reason: { max: LIMITS.reasonMax, required: true },
  lernfeld: { max: LIMITS.lernfeldMax, required: false },
  rahmenplanRef: { max: LIMITS.rahmenplanRefMax, required: true },
  message: { max: LIMITS.messageMax, required: true },
} as const satisfies Record<string, TextRule>;

/**
 * Why a text does not fit its field, or null when it does. Free of zod on purpose: the browser checks a draft with it
 * without loading the schema library, which probes `new Function` and so trips a strict Content Security Policy.
 */
export function textProblem(value: string, rule: TextRule): 'missing' | 'too_long' | null {
  const length = value.trim().length;
  if (rule.required && length === 0) return 'missing';
  return length > rule.max ? 'too_long' : null;
}

export interface EntryContent {
  kind: EntryKind;
  form: EntryForm;
  text: string;
  minutes: number;
  lernfeld?: string | null | undefined;
  rahmenplanRefs?: string[] | undefined;
}

export interface CompleteEntry extends EntryContent {
  lernfeld: string | null;
  rahmenplanRefs: string[];
}

export interface DayContent {
  date: string;
  attendance: AttendanceType;
  entries: EntryContent[];
}

export interface WeekContent {
  department: string;
  days: DayContent[];
}

/** An entry with its optional parts filled in: the form in which it is stored, shown and hashed. */
export function completeEntry(entry: EntryContent): CompleteEntry {
  return {
    kind: entry.kind,
    form: entry.form,
    text: entry.text,
    minutes: entry.minutes,
    lernfeld: entry.lernfeld ?? null,
    rahmenplanRefs: entry.rahmenplanRefs ?? [],
  };
}

/**
 * The exact shape that an approval hashes: content only, in a fixed form, without ids or timestamps that do not change
 * what was signed. Days sort by date; entries keep the apprentice's order.
 */
export function canonicalWeekContent(content: WeekContent): unknown {
  return {
    department: content.department,
    days: [...content.days]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((day) => ({
        date: day.date,
        attendance: day.attendance,
        entries: day.entries.map(completeEntry),
      })),
  };
}

/** Total minutes recorded on a day. */
export function minutesOfDay(day: DayContent): number {
  return day.entries.reduce((sum, entry) => sum + entry.minutes, 0);
}

/** Whether the activities of a day add up to more than a day has. */
export function exceedsDay(day: { entries: readonly { minutes: number }[] }): boolean {
  return day.entries.reduce((sum, entry) => sum + entry.minutes, 0) > LIMITS.minutesPerDayMax;
}

/** Whether a day can take one more activity. */
export function canAddEntry(day: { entries: readonly unknown[] }): boolean {
  return day.entries.length < LIMITS.entriesPerDayMax;
}
