import type { WeekView } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../shared/format.js';
import { statusLabel } from '../shared/labels.js';
import { renderWeekContent } from '../shared/week-content.js';
import { renderWeekDialogue } from '../shared/week-dialogue.js';
import { weekName } from './queue-list.js';

export interface WeekReviewOptions {
  busy: boolean;
  /** The reason typed for returning the week, and why it cannot be sent yet ('' when it can). */
  reason: string;
  reasonError: string;
  onApprove: () => void;
  onBack: () => void;
  onReasonInput: (reason: string) => void;
  onReturn: (event: Event) => void;
  /** Whether the week's conversation is shown. */
  dialogueOpen: boolean;
  onDialogueToggle: (open: boolean) => void;
}

function renderReturnForm(options: WeekReviewOptions): TemplateResult {
  const invalid = options.reasonError !== '';
  return html`<form class="return" novalidate @submit=${options.onReturn}>
    <div class="field">
      <label for="reason">${msg('Begründung für die Rückgabe')}</label>
      <textarea id="reason" required .value=${options.reason}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'reason-hint reason-error' : 'reason-hint'}
        @input=${(e: Event) => options.onReasonInput((e.target as HTMLTextAreaElement).value)}></textarea>
      <p class="hint" id="reason-hint">${msg('Pflichtfeld. Die oder der Auszubildende sieht diesen Text.')}</p>
      ${invalid ? html`<p class="field-error" id="reason-error">${options.reasonError}</p>` : nothing}
    </div>
    <button type="submit" class="danger" ?disabled=${options.busy}>${msg('Zur Überarbeitung zurückgeben')}</button>
  </form>`;
}

/** One week under review: its content, and approving it or returning it with a reason, as the viewer may. */
export function renderWeekReview(week: WeekView, options: WeekReviewOptions): TemplateResult {
  const canApprove = week.viewer.actions.includes('approve');
  const canReturn = week.viewer.actions.includes('return');
  return html`<article aria-labelledby="detail-title">
    <h3 id="detail-title" tabindex="-1">${weekName(week)}</h3>
    <p class="meta">
      ${week.occupation} · ${msg(str`${week.trainingYear}. Ausbildungsjahr`)} ·
      ${formatDate(week.weekStart)} – ${formatDate(week.weekEnd)}
    </p>
    <p>${msg('Status:')} <span class="status" data-status=${week.status}>${statusLabel(week.status)}</span></p>
    ${renderWeekContent(week)}
    <div class="row actions">
      ${canApprove ? html`<button type="button" class="primary" ?disabled=${options.busy} @click=${options.onApprove}>${msg('Abzeichnen')}</button>` : nothing}
      <button type="button" ?disabled=${options.busy} @click=${options.onBack}>${msg('Zurück zur Liste')}</button>
    </div>
    ${canReturn ? renderReturnForm(options) : nothing}
    ${renderWeekDialogue({ week, open: options.dialogueOpen, onToggle: options.onDialogueToggle })}
  </article>`;
}

export const weekReviewStyles = css`
  .actions {
    margin: var(--_space) 0;
  }
  .return {
    border-top: 1px solid var(--_line);
    padding-top: var(--_space);
  }
`;
