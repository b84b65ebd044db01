import type { AssignmentRole, AttendanceType, EntryKind, WeekStatus } from '@berichtsheft/core';

export const ATTENDANCE_LABELS: Record<AttendanceType, string> = {
  company: 'Betrieb',
  school: 'Berufsschule',
  inter_company: 'Überbetriebliche Ausbildung',
  vacation: 'Urlaub',
  sick: 'Krank/arbeitsunfähig',
  public_holiday: 'Feiertag',
  time_off: 'Zeitausgleich',
  other_absence: 'Sonstige Abwesenheit',
};

// The same words the elements show, so the paper and the screen name a status alike.
export const STATUS_LABELS: Record<WeekStatus, string> = {
  draft: 'Entwurf',
  submitted: 'Eingereicht',
  reviewed: 'Vorgeprüft',
  returned: 'Zur Überarbeitung',
  approved: 'Abgezeichnet',
};

export const ROLE_LABELS: Record<AssignmentRole, string> = {
  trainer: 'Ausbilder/in',
  delegate: 'Ausbildungsbeauftragte/r',
};

/** The three parts of a week that the chambers want kept apart, with what the text column holds in each. */
export const ENTRY_SECTIONS: Record<EntryKind, { title: string; textColumn: string }> = {
  company_work: { title: 'Betriebliche Tätigkeiten', textColumn: 'Tätigkeit' },
  company_instruction: {
    title: 'Unterweisungen, betrieblicher Unterricht, sonstige Schulungen',
    textColumn: 'Thema',
  },
  school: { title: 'Berufsschule (Unterrichtsthemen)', textColumn: 'Thema' },
};

const WEEKDAYS = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'] as const;

/** `2025-01-06` → `06.01.2025`. Plain dates carry no time zone, so none is applied. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** `2025-01-06` → `Mo 06.01.` */
export function formatDay(isoDate: string): string {
  const weekday = WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()];
  return `${weekday} ${formatDate(isoDate).slice(0, 6)}`;
}

/** Minutes as `h:mm`, the way durations appear in a Berichtsheft. */
export function formatMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

// Signatures happen in Germany: a timestamp is shown as the wall clock there read, whatever the server's zone.
const BERLIN_DATE = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const BERLIN_DATE_TIME = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO timestamp as `10.01.2025` in Berlin. */
export function formatInstantDate(timestamp: string): string {
  return BERLIN_DATE.format(new Date(timestamp));
}

/** An ISO timestamp as `10.01.2025, 14:32` in Berlin. */
export function formatInstant(timestamp: string): string {
  return BERLIN_DATE_TIME.format(new Date(timestamp));
}
