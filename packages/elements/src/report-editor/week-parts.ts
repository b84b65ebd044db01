import type { ApprenticeshipView, WeekView } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatInstant } from '../shared/format.js';
import { renderWeekContent } from '../shared/week-content.js';
import type { WeekHeading } from './blank-week.js';
import { type Draft, draftAsContent } from './draft.js';
import { overviewStatusLabel } from './week-overview.js';

/** The parts of the editor around the form: who and which week, status, and the week once it is not editable. */

export function renderApprenticeshipPicker(
  apprenticeships: readonly ApprenticeshipView[],
  selectedId: string | undefined,
  onSelect: (id: string) => void,
): TemplateResult | typeof nothing {
  if (apprenticeships.length < 2) return nothing;
  return html`<div class="field">
    <label for="apprenticeship">${msg('Ausbildungsverhältnis')}</label>
    <select
      id="apprenticeship"
      @change=${(e: Event) => onSelect((e.target as HTMLSelectElement).value)}
    >
      ${apprenticeships.map(
        (a) =>
          html`<option value=${a.id} ?selected=${a.id === selectedId}>
            ${a.occupation} (${formatDate(a.startDate)})
          </option>`,
      )}
    </select>
  </div>`;
}

export function renderWeekHeader(
  week: WeekHeading,
  nav: { busy: boolean; onPrevious: () => void; onNext: () => void },
): TemplateResult {
  return html`<p class="meta">
      ${week.apprenticeName} · ${week.occupation} ·
      ${msg(str`${week.trainingYear}. Ausbildungsjahr`)}
    </p>
    <nav class="week-nav" aria-label=${msg('Woche wählen')}>
      <button type="button" ?disabled=${nav.busy} @click=${nav.onPrevious}>
        ${msg('Vorherige Woche')}
      </button>
      <p class="week-label">
        <strong>${msg(str`KW ${week.isoWeek}/${week.isoYear}`)}</strong>
        <span>${formatDate(week.weekStart)} – ${formatDate(week.weekEnd)}</span>
      </p>
      <button type="button" ?disabled=${nav.busy} @click=${nav.onNext}>
        ${msg('Nächste Woche')}
      </button>
    </nav>
    <p>
      ${msg('Status:')}
      <span class="status" data-status=${week.status}>${overviewStatusLabel(week.status)}</span>
    </p>
    ${
      week.returnReason
        ? html`<div class="notice error">
          <strong>${msg('Zur Überarbeitung zurückgegeben:')}</strong>
          <p class="reason">${week.returnReason}</p>
        </div>`
        : nothing
    }`;
}

export function renderReadOnlyWeek(
  week: WeekView,
  options: { unsaved: Draft | null; busy: boolean; onWithdraw: () => void },
): TemplateResult {
  return html`
    <p class="hint">${msg('Diese Woche kann in ihrem Status nicht bearbeitet werden.')}</p>
    ${renderWeekContent(week)}
    ${
      week.approval
        ? html`<p>
          ${msg(
            str`Abgezeichnet von ${week.approval.approvedByName} am ${formatInstant(week.approval.approvedAt)}.`,
          )}
        </p>`
        : nothing
    }
    ${
      options.unsaved
        ? html`<details class="unsaved" open>
          <summary>${msg('Ihre nicht gespeicherten Eingaben')}</summary>
          ${renderWeekContent(draftAsContent(options.unsaved))}
        </details>`
        : nothing
    }
    ${
      week.viewer.actions.includes('withdraw')
        ? html`<div class="row actions" part="actions">
          <button type="button" ?disabled=${options.busy} @click=${options.onWithdraw}>
            ${msg('Zurückziehen')}
          </button>
        </div>`
        : nothing
    }
  `;
}
