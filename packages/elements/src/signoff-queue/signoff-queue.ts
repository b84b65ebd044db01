import type { BerichtsheftApi } from '@berichtsheft/client';
import type { QueueItemView, WeekTransitionInput, WeekView } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
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
import { initialState, LoadTask } from '../shared/load-task.js';
import { type BulkResultText, bulkResultText } from './bulk-result.js';
import { renderQueueList, selectionAfterReload, weekName, withSelected } from './queue-list.js';
import { signoffQueueStyles } from './signoff-queue.styles.js';
import { renderWeekReview } from './week-review.js';

type Phase = LoadPhase | 'list' | 'detail';

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

  @state() protected items: QueueItemView[] = [];
  @state() protected open: WeekView | null = null;
  @state() protected reason = '';
  @state() protected reasonError = '';
  @state() protected busy = false;
  /** Ids of the weeks selected for a bulk approval. */
  @state() protected selected: ReadonlySet<string> = new Set();
  @state() protected bulkResult: BulkResultText | null = null;
  /** Whether the open week's conversation is shown. */
  @state() protected weekDialogueOpen = false;

  readonly #feedback = new FeedbackController(this);

  /** The weeks waiting; loaded again whenever the provider's API or company change, and after every decision. */
  readonly #queue = new LoadTask(this, {
    args: () => [this.context?.api ?? null, this.context?.companyId ?? null] as const,
    task: ([api, companyId], { signal }) => {
      this.open = null;
      if (!api || !companyId) return initialState;
      return api.reviewQueue(companyId, { signal });
    },
    onComplete: (items) => {
      this.items = items;
      this.selected = selectionAfterReload(items, this.selected);
      this.#feedback.problem = '';
    },
    onError: (error) => this.#feedback.fail(error),
  });

  get #phase(): Phase {
    return this.open ? 'detail' : this.#queue.phase(() => 'list' as const);
  }

  async #reloadQueue(): Promise<void> {
    this.open = null;
    await this.#queue.run().catch(() => {});
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
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    } catch (error) {
      this.#feedback.fail(error);
    } finally {
      this.busy = false;
    }
  }

  async #backToList(announcement = ''): Promise<void> {
    await this.#reloadQueue();
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
      await this.#reloadQueue();
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
    const phase = this.#phase;
    return html`<section aria-labelledby="queue-title">
      <h2 id="queue-title" tabindex="-1">${msg('Berichte zum Abzeichnen')}</h2>
      ${this.#feedback.renderAnnouncement()}
      ${this.#renderBulkResult()}
      ${phase === 'error' ? nothing : this.#feedback.renderProblem()}
      ${this.#renderBody(phase)}
    </section>`;
  }

  #renderBody(phase: Phase) {
    switch (phase) {
      case 'list':
        return renderQueueList({
          items: this.items,
          selected: this.selected,
          busy: this.busy,
          onSelect: (weekId, on) => {
            this.selected = withSelected(this.selected, weekId, on);
          },
          onSelectAll: (on) => {
            this.selected = new Set(on ? this.items.map((item) => item.weekId) : []);
          },
          onApproveSelected: this.#approveSelected,
          onOpen: (item) => void this.#openWeek(item),
        });
      case 'detail':
        return this.open
          ? renderWeekReview(this.open, {
              busy: this.busy,
              reason: this.reason,
              reasonError: this.reasonError,
              onApprove: this.#approve,
              onBack: () => void this.#backToList(),
              onReasonInput: (reason) => {
                this.reason = reason;
                if (reason.trim()) this.reasonError = '';
              },
              onReturn: this.#return,
              dialogueOpen: this.weekDialogueOpen,
              onDialogueToggle: (open) => {
                this.weekDialogueOpen = open;
              },
            })
          : nothing;
      default:
        return this.#feedback.renderLoadPhase(phase, () => void this.#reloadQueue());
    }
  }
}
