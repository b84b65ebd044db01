import type { AttendanceType, EntryForm, EntryKind, WeekStatus } from '@berichtsheft/core';
import { msg } from '@lit/localize';

// Functions, not constants: msg() must run at render time to follow a locale switch.

export function statusLabel(status: WeekStatus): string {
  switch (status) {
    case 'draft':
      return msg('Entwurf');
    case 'submitted':
      return msg('Eingereicht');
    case 'reviewed':
      return msg('Vorgeprüft');
    case 'returned':
      return msg('Zur Überarbeitung');
    case 'approved':
      return msg('Abgezeichnet');
  }
}

export function attendanceLabel(attendance: AttendanceType): string {
  switch (attendance) {
    case 'company':
      return msg('Betrieb');
    case 'school':
      return msg('Berufsschule');
    case 'inter_company':
      return msg('Überbetriebliche Ausbildung');
    case 'vacation':
      return msg('Urlaub');
    case 'sick':
      return msg('Krank/arbeitsunfähig');
    case 'public_holiday':
      return msg('Feiertag');
    case 'time_off':
      return msg('Zeitausgleich');
    case 'other_absence':
      return msg('Sonstige Abwesenheit');
  }
}

export function entryKindLabel(kind: EntryKind): string {
  switch (kind) {
    case 'company_work':
      return msg('Betriebliche Tätigkeit / Unterweisung');
    case 'company_instruction':
      return msg('Betrieblicher Unterricht');
    case 'school':
      return msg('Schulung / Berufsschule');
  }
}

export function entryFormLabel(form: EntryForm): string {
  return form === 'bullets' ? msg('Stichpunkte') : msg('Freitext');
}
