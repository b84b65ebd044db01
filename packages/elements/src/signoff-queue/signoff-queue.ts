import type { QueueItemView, WeekView } from '@berichtsheft/core';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { type BerichtsheftContext, berichtsheftContext } from '../context.js';
import { BhReportApprovedEvent, BhReportReturnedEvent, weekEventDetail } from '../events.js';
import { errorMessage } from '../shared/api-errors.js';
import { formatDate, formatMinutes } from '../shared/format.js';
import { statusLabel } from '../shared/labels.js';
import { renderWeekContent } from '../shared/week-content.js';
import { signoffQueueStyles } from './signoff-queue.styles.js';

type Phase = 'unconfigured' | 'loading' | 'error' | 'list' | 'detail';

function weekName(item: { apprenticeName: string; isoWeek: number; isoYear: number }): string {
  return msg(str`${item.apprenticeName}, KW ${item.isoWeek}/${item.isoYear}`);
}

/**
 * The trainer's queue: weeks that wait for their review. Opens one to read it, approves it ("Abzeichnen") or returns
 * it with a reason ("Zur Überarbeitung zurückgeben").
 *
 * @summary Review, approve and return submitted report weeks.
 * @fires bh-report-approved - A week was approved; `detail` carries ids, version and status.
 * @fires bh-report-returned - A week was returned to the apprentice with a reason.
 * @csspart item - One week in the queue.
 * @cssprop [--bh-accent=#0b5cad] - Accent colour of buttons, focus ring and links.
 * @cssprop [--bh-foreground=#1b1f24] - Text colour.
 * @cssprop [--bh-background=#ffffff] - Background colour.
 * @cssprop [--bh-radius=6px] - Corner radius of buttons and fields.
 * @cssprop [--bh-space=0.75rem] - Base spacing unit.
 * @cssprop [--bh-font-family=system-ui, sans-serif] - Font family.
 */
@localized()
export class BhSignoffQueue extends LitElement {
  static override styles = signoffQueueStyles;

  @consume({ context: berichtsheftContext, subscribe: true })
  @state()
  protected context: BerichtsheftContext | undefined;

  @state() protected phase: Phase = 'unconfigured';
  @state() protected items: QueueItemView[] = [];
  @state() protected open: WeekView | null = null;
  @state() protected reason = '';
  @state() protected reasonError = '';
  @state() protected problem = '';
  @state() protected announcement = '';
  @state() protected busy = false;

  #loadId = 0;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('context')) void this.#loadQueue();
  }

  async #loadQueue(): Promise<void> {
    const { api, companyId } = this.context ?? { api: null, companyId: null };
    const id = ++this.#loadId;
    this.open = null;
    if (!api || !companyId) {
      this.phase = 'unconfigured';
      return;
    }
    this.phase = 'loading';
    try {
      const items = await api.reviewQueue(companyId);
      if (id !== this.#loadId) return;
      this.items = items;
      this.problem = '';
      this.phase = 'list';
    } catch (error) {
      if (id !== this.#loadId) return;
      this.problem = errorMessage(error);
      this.phase = 'error';
    }
  }

  async #openWeek(item: QueueItemView): Promise<void> {
    const { api, companyId } = this.context ?? {};
    if (!api || !companyId) return;
    this.busy = true;
    this.announcement = '';
    try {
      this.open = await api.getWeek({ companyId, weekId: item.weekId });
      this.reason = '';
      this.reasonError = '';
      this.problem = '';
      this.phase = 'detail';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    } catch (error) {
      this.problem = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  async #backToList(announcement = ''): Promise<void> {
    await this.#loadQueue();
    this.announcement = announcement;
    await this.updateComplete;
    // Focus goes to the next week waiting, or to the heading when the queue is done.
    (
      this.renderRoot.querySelector<HTMLElement>('.open-week') ??
      this.renderRoot.querySelector<HTMLElement>('#queue-title')
    )?.focus();
  }

  #approve = async () => {
    const { api, companyId } = this.context ?? {};
    const week = this.open;
    if (!api || !companyId || !week || this.busy) return;
    this.busy = true;
    try {
      const approved = await api.approveWeek({
        companyId,
        weekId: week.id,
        version: week.version,
        idempotencyKey: crypto.randomUUID(),
      });
      this.dispatchEvent(
        new BhReportApprovedEvent(weekEventDetail({ ...approved, weekId: approved.id })),
      );
      await this.#backToList(msg(str`Abgezeichnet: ${weekName(approved)}.`));
    } catch (error) {
      this.problem = errorMessage(error);
    } finally {
      this.busy = false;
    }
  };

  #return = async (event: Event) => {
    event.preventDefault();
    const { api, companyId } = this.context ?? {};
    const week = this.open;
    if (!api || !companyId || !week || this.busy) return;
    const reason = this.reason.trim();
    if (reason.length === 0) {
      this.reasonError = msg('Bitte geben Sie an, was überarbeitet werden soll.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
      return;
    }
    this.busy = true;
    try {
      const returned = await api.returnWeek({
        companyId,
        weekId: week.id,
        version: week.version,
        idempotencyKey: crypto.randomUUID(),
        reason,
      });
      this.dispatchEvent(
        new BhReportReturnedEvent(weekEventDetail({ ...returned, weekId: returned.id })),
      );
      await this.#backToList(msg(str`Zur Überarbeitung zurückgegeben: ${weekName(returned)}.`));
    } catch (error) {
      this.problem = errorMessage(error);
    } finally {
      this.busy = false;
    }
  };

  protected override render() {
    return html`<section aria-labelledby="queue-title">
      <h2 id="queue-title" tabindex="-1">${msg('Berichte zum Abzeichnen')}</h2>
      <div class="live" role="status">${this.announcement}</div>
      ${this.problem && this.phase !== 'error' ? html`<div class="notice error" role="alert">${this.problem}</div>` : nothing}
      ${this.#renderBody()}
    </section>`;
  }

  #renderBody() {
    switch (this.phase) {
      case 'unconfigured':
        return html`<p>${msg('Nicht verbunden: Dieses Element muss innerhalb von bh-provider stehen.')}</p>`;
      case 'loading':
        return html`<p aria-busy="true">${msg('Wird geladen …')}</p>`;
      case 'error':
        return html`<div class="notice error" role="alert">${this.problem}</div>
          <button type="button" @click=${() => void this.#loadQueue()}>${msg('Erneut versuchen')}</button>`;
      case 'list':
        return this.#renderList();
      case 'detail':
        return this.open ? this.#renderDetail(this.open) : nothing;
    }
  }

  #renderList() {
    if (this.items.length === 0) {
      return html`<p>${msg('Zurzeit wartet kein Bericht auf Sie.')}</p>`;
    }
    return html`<ul class="queue">
      ${this.items.map(
        (item) => html`<li class="item" part="item">
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
