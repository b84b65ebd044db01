import {
  ATTENDANCE_TYPES,
  canAddEntry,
  ENTRY_FORMS,
  ENTRY_KINDS,
  isAbsence,
} from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatDayHeading, formatMinutes } from '../shared/format.js';
import { attendanceLabel, entryFormLabel, entryKindLabel } from '../shared/labels.js';
import { type DraftDay, type DraftEntry, dayTotal, fieldId } from './draft.js';

export interface DayFieldHandlers {
  errors: ReadonlyMap<string, string>;
  setAttendance(date: string, value: string): void;
  setEntry(date: string, key: string, patch: Partial<DraftEntry>): void;
  addEntry(date: string): void;
  removeEntry(date: string, key: string): void;
}

/** Attributes that tie a field to its error message, so screen readers announce the problem with the field. */
function invalid(errors: ReadonlyMap<string, string>, id: string) {
  return errors.has(id) ? { invalid: 'true', describedBy: `${id}-error` } : null;
}

export function fieldError(errors: ReadonlyMap<string, string>, id: string) {
  const text = errors.get(id);
  return text ? html`<p class="field-error" id=${`${id}-error`}>${text}</p>` : nothing;
}

function renderEntry(
  day: DraftDay,
  entry: DraftEntry,
  index: number,
  h: DayFieldHandlers,
): TemplateResult {
  const textId = fieldId.text(entry.key);
  const durationId = fieldId.duration(entry.key);
  const textError = invalid(h.errors, textId);
  const durationError = invalid(h.errors, durationId);
  const hintId = `${textId}-hint`;
  const number = index + 1;
  return html`<fieldset class="entry">
    <legend>${msg(str`Eintrag ${number}`)}</legend>
    <div class="entry-grid">
      <div class="field">
        <label for=${fieldId.kind(entry.key)}>${msg('Art')}</label>
        <select
          id=${fieldId.kind(entry.key)}
          @change=${(e: Event) =>
            h.setEntry(day.date, entry.key, {
              kind: (e.target as HTMLSelectElement).value as DraftEntry['kind'],
            })}
        >
          ${ENTRY_KINDS.map(
            (kind) =>
              html`<option value=${kind} ?selected=${kind === entry.kind}>${entryKindLabel(kind)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for=${fieldId.form(entry.key)}>${msg('Form')}</label>
        <select
          id=${fieldId.form(entry.key)}
          @change=${(e: Event) =>
            h.setEntry(day.date, entry.key, {
              form: (e.target as HTMLSelectElement).value as DraftEntry['form'],
            })}
        >
          ${ENTRY_FORMS.map(
            (form) =>
              html`<option value=${form} ?selected=${form === entry.form}>${entryFormLabel(form)}</option>`,
          )}
        </select>
      </div>
      <div class="field duration">
        <label for=${durationId}>${msg('Dauer (Std.:Min.)')}</label>
        <input
          id=${durationId}
          name="duration"
          inputmode="decimal"
          autocomplete="off"
          placeholder="1:30"
          .value=${entry.duration}
          aria-invalid=${durationError?.invalid ?? 'false'}
          aria-describedby=${durationError?.describedBy ?? nothing}
          @input=${(e: Event) =>
            h.setEntry(day.date, entry.key, { duration: (e.target as HTMLInputElement).value })}
        />
        ${fieldError(h.errors, durationId)}
      </div>
    </div>
    <div class="field">
      <label for=${textId}>${msg('Tätigkeit')}</label>
      <textarea
        id=${textId}
        name="text"
        .value=${entry.text}
        aria-invalid=${textError?.invalid ?? 'false'}
        aria-describedby=${[hintId, textError?.describedBy].filter(Boolean).join(' ')}
        @input=${(e: Event) =>
          h.setEntry(day.date, entry.key, { text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <p class="hint" id=${hintId}>
        ${entry.form === 'bullets' ? msg('Ein Stichpunkt pro Zeile.') : msg('Freier Text.')}
      </p>
      ${fieldError(h.errors, textId)}
    </div>
    <button
      type="button"
      class="danger"
      aria-label=${msg(str`Eintrag entfernen (Eintrag ${number}, ${formatDayHeading(day.date)})`)}
      @click=${() => h.removeEntry(day.date, entry.key)}
    >
      ${msg('Eintrag entfernen')}
    </button>
  </fieldset>`;
}

/** The editable fields of one day: attendance, and its entries unless the apprentice was away. */
export function renderDayFields(day: DraftDay, h: DayFieldHandlers): TemplateResult {
  const attendanceId = fieldId.attendance(day.date);
  const absent = isAbsence(day.attendance);
  const heading = formatDayHeading(day.date);
  return html`<fieldset class="day">
    <legend>${heading}</legend>
    <div class="field">
      <label for=${attendanceId}>${msg('Lernort / Anwesenheit')}</label>
      <select
        id=${attendanceId}
        @change=${(e: Event) => h.setAttendance(day.date, (e.target as HTMLSelectElement).value)}
      >
        ${ATTENDANCE_TYPES.map(
          (type) =>
            html`<option value=${type} ?selected=${type === day.attendance}>${attendanceLabel(type)}</option>`,
        )}
      </select>
    </div>
    ${
      absent
        ? html`<p class="hint">${msg('Abwesend: An diesem Tag werden keine Tätigkeiten erfasst.')}</p>`
        : html`${repeat(
            day.entries,
            (entry) => entry.key,
            (entry, index) => renderEntry(day, entry, index, h),
          )}
          <div class="row">
            <button
              type="button"
              aria-label=${msg(str`Eintrag hinzufügen (${heading})`)}
              ?disabled=${!canAddEntry(day)}
              @click=${() => h.addEntry(day.date)}
            >
              ${msg('Eintrag hinzufügen')}
            </button>
            <span class="hint" id=${fieldId.dayTotal(day.date)}>
              ${msg(str`Summe: ${formatMinutes(dayTotal(day))} Std.`)}
            </span>
          </div>
          ${fieldError(h.errors, fieldId.dayTotal(day.date))}`
    }
  </fieldset>`;
}
