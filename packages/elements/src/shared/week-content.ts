import { type AttendanceType, type EntryForm, type EntryKind, isAbsence } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDayHeading, formatMinutes } from './format.js';
import { attendanceLabel, entryKindLabel } from './labels.js';

export interface ContentEntry {
  kind: EntryKind;
  form: EntryForm;
  text: string;
  minutes: number;
}

export interface ContentDay {
  date: string;
  attendance: AttendanceType;
  entries: readonly ContentEntry[];
}

export interface ContentWeek {
  department: string;
  days: readonly ContentDay[];
}

// Scoped to .week-content: the editor's form uses the same class names for its fieldsets.
export const weekContentStyles = css`
  .week-content .day {
    border-top: 1px solid var(--_line);
    padding: calc(var(--_space) / 2) 0;
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .week-content .entry {
    margin: calc(var(--_space) / 2) 0;
  }
  .entry-meta {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .free-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .bullets {
    margin: 0;
    padding-left: 1.25rem;
    overflow-wrap: anywhere;
  }
`;

/** Bullet-point entries hold one point per line. */
export function bulletLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line.length > 0);
}

function renderText(entry: ContentEntry): TemplateResult {
  // Lit interpolates user text as text nodes; it never becomes markup.
  if (entry.form === 'bullets') {
    return html`<ul class="bullets">
      ${bulletLines(entry.text).map((line) => html`<li>${line}</li>`)}
    </ul>`;
  }
  return html`<p class="free-text">${entry.text}</p>`;
}

function renderDay(day: ContentDay): TemplateResult {
  const absent = isAbsence(day.attendance);
  const total = day.entries.reduce((sum, entry) => sum + entry.minutes, 0);
  // Headings, not labelled regions: the same day may appear twice (server version next to unsaved edits).
  return html`<div class="day">
    <h3>${formatDayHeading(day.date)}</h3>
    <p>
      ${attendanceLabel(day.attendance)}${
        absent || total === 0 ? nothing : html` · ${msg(str`${formatMinutes(total)} Std.`)}`
      }
    </p>
    ${
      day.entries.length === 0
        ? nothing
        : html`<ul class="entries">
          ${day.entries.map(
            (entry) => html`<li class="entry">
              <div class="entry-meta">
                ${entryKindLabel(entry.kind)} · ${msg(str`${formatMinutes(entry.minutes)} Std.`)}
              </div>
              ${renderText(entry)}
            </li>`,
          )}
        </ul>`
    }
  </div>`;
}

/** A week's content as read-only text: for the trainer, and for the apprentice once the week left their hands. */
export function renderWeekContent(week: ContentWeek): TemplateResult {
  return html`<div class="week-content">
    <p><span class="label">${msg('Ausbildungsabteilung')}</span>${week.department || '—'}</p>
    ${
      week.days.length === 0
        ? html`<p>${msg('Für diese Woche sind keine Tage erfasst.')}</p>`
        : week.days.map(renderDay)
    }
  </div>`;
}
