import type { BerichtsheftApi } from '@berichtsheft/client';
import type { QueueItemView, WeekTransitionInput, WeekView } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import {
  BhReportApprovedEvent,
  BhReportReturnedEvent,
  BhReportsApprovedEvent,
  type WeekEventDetail,
  weekEventDetail,
} from '../events.js';
import { BhConnectedElement } from '../shared/bh-connected-element.js';
import { connectionOf, transitionInput } from '../shared/connection.js';
import { FeedbackController, type LoadPhase } from '../shared/feedback.js';
import { formatDate, formatMinutes } from '../shared/format.js';
import { statusLabel } from '../shared/labels.js';
import { renderWeekContent } from '../shared/week-content.js';
import { type BulkResultText, bulkResultText } from './bulk-result.js';
import { signoffQueueStyles } from './signoff-queue.styles.js';

type Phase = LoadPhase | 'list' | 'detail';

function weekName(item: { apprenticeName: string; isoWeek: number; isoYear: number }): string {
  return msg(str`${item.apprenticeName}, KW ${item.isoWeek}/${item.isoYear}`);
}

/**
 * The trainer's queue: weeks that wait for their review. Opens one to read it, approves it ("Abzeichnen") or returns
 * it with a reason ("Zur Überarbeitung zurückgeben"). Several weeks, also of different apprentices, can be selected
 * and approved at once ("Ausgewählte abzeichnen"); each is approved on its own, and weeks that could not be approved
 * are listed with the reason.
 *
 * @summary Review, approve and return submitted report weeks.
 * @fires bh-report-approved - A week was approved; `detail` carries ids, version and status.
 * @fires bh-report-returned - A week was returned to the apprentice with a reason.
 * @fires bh-reports-approved - A bulk approval acted on at least one week; `detail` carries only the ids of the
 * approved (`approvedWeekIds`) and, in two-stage review, pre-approved (`reviewedWeekIds`) weeks.
 * @csspart item - One week in the queue.
 * @cssprop [--bh-accent=#0b5cad] - Accent colour of buttons, focus ring and links.
 * @cssprop [--bh-foreground=#1b1f24] - Text colour.
 * @cssprop [--bh-background=#ffffff] - Background colour.
 * @cssprop [--bh-radius=6px] - Corner radius of buttons and fields.
 * @cssprop [--bh-space=0.75rem] - Base spacing unit.
 * @cssprop [--bh-font-family=system-ui, sans-serif] - Font family.
 */
export class BhSignoffQueue extends BhConnectedElement {
  static override styles = signoffQueueStyles;

  @state() protected phase: Phase = 'unconfigured';
  @state() protected items: QueueItemView[] = [];
  @state() protected open: WeekView | null = null;
  @state() protected reason = '';
  @state() protected reasonError = '';
  @state() protected busy = false;
  /** Ids of the weeks selected for a bulk approval. */
  @state() protected selected: ReadonlySet<string> = new Set();
  @state() protected bulkResult: BulkResultText | null = null;

  #loadId = 0;
  readonly #feedback = new FeedbackController(this);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('context')) void this.#loadQueue();
  }

  async #loadQueue(): Promise<void> {
    const connection = connectionOf(this.context);
    const id = ++this.#loadId;
    this.open = null;
    if (!connection) {
      this.phase = 'unconfigured';
      return;
    }
    this.phase = 'loading';
    try {
      const items = await connection.api.reviewQueue(connection.companyId);
      if (id !== this.#loadId) return;
      this.items = items;
      // A selection survives a reload only for weeks that still wait.
      this.selected = new Set(items.map((item) => item.weekId).filter((w) => this.selected.has(w)));
      this.#feedback.problem = '';
      this.phase = 'list';
    } catch (error) {
      if (id !== this.#loadId) return;
      this.#feedback.fail(error);
      this.phase = 'error';
    }
  }

  async #openWeek(item: QueueItemView): Promise<void> {
    const connection = connectionOf(this.context);
    if (!connection) return;
    this.busy = true;
    this.#feedback.announcement = '';
    this.bulkResult = null;
    try {
      this.open = await connection.api.getWeek({
        companyId: connection.companyId,
        weekId: item.weekId,
      });
      this.reason = '';
      this.reasonError = '';
      this.#feedback.problem = '';
      this.phase = 'detail';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    } catch (error) {
      this.#feedback.fail(error);
    } finally {
      this.busy = false;
    }
  }

  async #backToList(announcement = ''): Promise<void> {
    await this.#loadQueue();
    this.#feedback.announcement = announcement;
    await this.updateComplete;
    // Focus goes to the next week waiting, or to the heading when the queue is done.
    (
      this.renderRoot.querySelector<HTMLElement>('.open-week') ??
      this.renderRoot.querySelector<HTMLElement>('#queue-title')
    )?.focus();
  }

  #approve = () =>
    this.#decide(
      (api, input) => api.approveWeek(input),
      BhReportApprovedEvent,
      (approved) => msg(str`Abgezeichnet: ${weekName(approved)}.`),
    );

  #return = async (event: Event) => {
    event.preventDefault();
    if (!connectionOf(this.context) || !this.open || this.busy) return;
    const reason = this.reason.trim();
    if (reason.length === 0) {
      this.reasonError = msg('Bitte geben Sie an, was überarbeitet werden soll.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
      return;
    }
    await this.#decide(
      (api, input) => api.returnWeek({ ...input, reason }),
      BhReportReturnedEvent,
      (returned) => msg(str`Zur Überarbeitung zurückgegeben: ${weekName(returned)}.`),
    );
  };

  /** Approves or returns the open week, then goes back to the list and says what was done. */
  async #decide(
    send: (api: BerichtsheftApi, input: WeekTransitionInput) => Promise<WeekView>,
    Done: new (detail: WeekEventDetail) => Event,
    announce: (week: WeekView) => string,
  ): Promise<void> {
    const connection = connectionOf(this.context);
    const week = this.open;
    if (!connection || !week || this.busy) return;
    this.busy = true;
    try {
      const decided = await send(connection.api, transitionInput(connection.companyId, week));
      this.dispatchEvent(new Done(weekEventDetail(decided)));
      await this.#backToList(announce(decided));
    } catch (error) {
      this.#feedback.fail(error);
    } finally {
      this.busy = false;
    }
  }

  #toggle(weekId: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(weekId);
    else next.delete(weekId);
    this.selected = next;
  }

  #toggleAll(on: boolean): void {
    this.selected = new Set(on ? this.items.map((item) => item.weekId) : []);
  }

  /** Approves the selected weeks in one call, then reloads the list and says what became of each. */
  #approveSelected = async () => {
    const connection = connectionOf(this.context);
    const chosen = this.items.filter((item) => this.selected.has(item.weekId));
    if (!connection || chosen.length === 0 || this.busy) return;
    this.busy = true;
    this.bulkResult = null;
    this.#feedback.announcement = '';
    try {
      const view = await connection.api.approveWeeks({
        companyId: connection.companyId,
        weeks: chosen.map((item) => ({ weekId: item.weekId, version: item.version })),
        idempotencyKey: crypto.randomUUID(),
      });
      const idsOf = (outcome: 'approved' | 'reviewed') =>
        view.results.filter((r) => r.outcome === outcome).map((r) => r.weekId);
      const detail = { approvedWeekIds: idsOf('approved'), reviewedWeekIds: idsOf('reviewed') };
      if (detail.approvedWeekIds.length + detail.reviewedWeekIds.length > 0) {
        this.dispatchEvent(new BhReportsApprovedEvent(detail));
      }
      const names = new Map(chosen.map((item) => [item.weekId, weekName(item)]));
      const result = bulkResultText(view, (weekId) => names.get(weekId) ?? weekId);
      this.selected = new Set();
      await this.#loadQueue();
      this.bulkResult = result;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#queue-title')?.focus();
    } catch (error) {
      this.#feedback.fail(error);
    } finally {
      this.busy = false;
    }
  };

  #renderBulkResult() {
    // Always in the page, so that screen readers announce what is written into it.
    const result = this.bulkResult;
    return html`<div class="bulk-result" role="status">
      ${
        result
          ? html`<p>${result.summary}</p>
            ${result.refusals.length > 0 ? html`<ul>${result.refusals.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    return html`<section aria-labelledby="queue-title">
      <h2 id="queue-title" tabindex="-1">${msg('Berichte zum Abzeichnen')}</h2>
      ${this.#feedback.renderAnnouncement()}
      ${this.#renderBulkResult()}
      ${this.phase === 'error' ? nothing : this.#feedback.renderProblem()}
      ${this.#renderBody()}
    </section>`;
  }

  #renderBody() {
    switch (this.phase) {
      case 'list':
        return this.#renderList();
      case 'detail':
        return this.open ? this.#renderDetail(this.open) : nothing;
      default:
        return this.#feedback.renderLoadPhase(this.phase, () => void this.#loadQueue());
    }
  }

  #renderList() {
    if (this.items.length === 0) {
      return html`<p>${msg('Zurzeit wartet kein Bericht auf Sie.')}</p>`;
    }
    const count = this.selected.size;
    const all = count === this.items.length;
    return html`<div class="bulk row">
        <div class="check">
          <input type="checkbox" id="select-all" .checked=${all} .indeterminate=${count > 0 && !all}
            ?disabled=${this.busy} @change=${(e: Event) => this.#toggleAll((e.target as HTMLInputElement).checked)} />
          <label for="select-all">${msg('Alle auswählen')}</label>
        </div>
        <button type="button" class="primary approve-selected" ?disabled=${this.busy || count === 0}
          @click=${this.#approveSelected}>${msg(str`Ausgewählte abzeichnen (${count})`)}</button>
      </div>
      <ul class="queue">
      ${this.items.map(
        (item) => html`<li class="item" part="item">
          <div class="check">
            <input type="checkbox" id=${`select-${item.weekId}`} .checked=${this.selected.has(item.weekId)}
              ?disabled=${this.busy}
              @change=${(e: Event) => this.#toggle(item.weekId, (e.target as HTMLInputElement).checked)} />
            <label for=${`select-${item.weekId}`}>${msg(str`Auswählen: ${weekName(item)}`)}</label>
          </div>
          <h3>${item.apprenticeName}</h3>
          <dl>
            <div><dt>${msg('Woche')}</dt><dd>${msg(str`KW ${item.isoWeek}/${item.isoYear}`)} (${formatDate(item.weekStart)})</dd></div>
            <div><dt>${msg('Ausbildungsjahr')}</dt><dd>${item.trainingYear}</dd></div>
            <div><dt>${msg('Stunden gesamt')}</dt><dd>${formatMinutes(item.totalMinutes)}</dd></div>
            <div><dt>${msg('Status')}</dt><dd><span class="status" data-status=${item.status}>${statusLabel(item.status)}</span></dd></div>
          </dl>
          <button type="button" class="open-week" ?disabled=${this.busy}
            aria-label=${msg(str`Bericht öffnen: ${weekName(item)}`)}
            @click=${() => void this.#openWeek(item)}>${msg('Bericht öffnen')}</button>
        </li>`,
      )}
    </ul>`;
  }

  #renderDetail(week: WeekView) {
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
        ${canApprove ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${this.#approve}>${msg('Abzeichnen')}</button>` : nothing}
        <button type="button" ?disabled=${this.busy} @click=${() => void this.#backToList()}>${msg('Zurück zur Liste')}</button>
      </div>
      ${canReturn ? this.#renderReturnForm() : nothing}
    </article>`;
  }

  #renderReturnForm() {
    const invalid = this.reasonError !== '';
    return html`<form class="return" novalidate @submit=${this.#return}>
      <div class="field">
        <label for="reason">${msg('Begründung für die Rückgabe')}</label>
        <textarea id="reason" required .value=${this.reason}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'reason-hint reason-error' : 'reason-hint'}
          @input=${(e: Event) => {
            this.reason = (e.target as HTMLTextAreaElement).value;
            if (this.reason.trim()) this.reasonError = '';
          }}></textarea>
        <p class="hint" id="reason-hint">${msg('Pflichtfeld. Die oder der Auszubildende sieht diesen Text.')}</p>
        ${invalid ? html`<p class="field-error" id="reason-error">${this.reasonError}</p>` : nothing}
      </div>
      <button type="submit" class="danger" ?disabled=${this.busy}>${msg('Zur Überarbeitung zurückgeben')}</button>
    </form>`;
  }
}
