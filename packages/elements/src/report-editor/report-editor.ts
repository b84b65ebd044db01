import type { BerichtsheftApi } from '@berichtsheft/client';
import type { ApprenticeshipView, IsoWeek } from '@berichtsheft/core';
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BhConnectedElement } from '../shared/bh-connected-element.js';
import { connectionOf } from '../shared/connection.js';
import { FeedbackController, type LoadPhase } from '../shared/feedback.js';
import {
  currentWeek,
  formatWeekParam,
  localToday,
  parseWeekParam,
  shiftWeek,
} from '../shared/format.js';
import { initialState, LoadTask } from '../shared/load-task.js';
import { renderWeekContent } from '../shared/week-content.js';
import { renderWeekDialogue } from '../shared/week-dialogue.js';
import { blankIsInApprenticeship, headingOfBlank } from './blank-week.js';
import { type DayFieldHandlers, fieldError, renderDayFields } from './day-fields.js';
import { type Draft, type DraftEntry, fieldId, newEntry } from './draft.js';
import { OpenWeekController } from './open-week.js';
import { chooseApprenticeship, type EditorPage, loadEditorPage } from './page-load.js';
import { reportEditorStyles } from './report-editor.styles.js';
import { overviewWeeks, renderWeekOverview, WeekOverviewController } from './week-overview.js';
import { renderApprenticeshipPicker, renderReadOnlyWeek, renderWeekHeader } from './week-parts.js';

type Phase = LoadPhase | 'empty' | 'ready';

/**
 * The apprentice's week: department, attendance per day and the activities with their duration; save, submit
 * ("Einreichen") and withdraw. What may be done comes from the server (`week.viewer`), decided by the core rules.
 * Above the week, an overview of the recent weeks with their status (and the weeks without a report) opens any of them.
 *
 * @summary Write, save and submit one report week.
 * @fires bh-report-saved - The week was saved; `detail` carries ids, version and status.
 * @fires bh-report-submitted - The week was submitted for review.
 * @fires bh-report-withdrawn - A submitted week was taken back into draft.
 * @csspart actions - The row of action buttons.
 * @cssprop [--bh-accent=#0b5cad] - Accent colour of buttons, focus ring and links.
 * @cssprop [--bh-foreground=#1b1f24] - Text colour.
 * @cssprop [--bh-background=#ffffff] - Background colour.
 * @cssprop [--bh-radius=6px] - Corner radius of buttons and fields.
 * @cssprop [--bh-space=0.75rem] - Base spacing unit.
 * @cssprop [--bh-font-family=system-ui, sans-serif] - Font family.
 */
export class BhReportEditor extends BhConnectedElement {
  static override styles = reportEditorStyles;

  /** Which apprenticeship to show; the first of the user's apprenticeships when not set. */
  @property({ attribute: 'apprenticeship-id' }) apprenticeshipId: string | null = null;

  /** ISO week to show, like `2026-W48`; the current week when not set. */
  @property() week: string | null = null;

  @state() protected apprenticeships: ApprenticeshipView[] = [];
  /** Whether the open week's conversation is shown. */
  @state() protected weekDialogueOpen = false;

  /** The connection `apprenticeships` were listed for; another connection lists them anew. */
  #listedFor: { api: BerichtsheftApi; companyId: string } | null = null;
  readonly #feedback = new FeedbackController(this);
  readonly #overview = new WeekOverviewController(this);
  readonly #open = new OpenWeekController(this, {
    connection: () => connectionOf(this.context),
    feedback: this.#feedback,
    onChanged: () => this.#refreshOverview(),
  });

  /** Loads again whenever the provider's API or company, the apprenticeship or the week change. */
  readonly #page = new LoadTask(this, {
    args: () =>
      [
        this.context?.api ?? null,
        this.context?.companyId ?? null,
        this.apprenticeshipId,
        this.week,
      ] as const,
    task: ([api, companyId, requestedId], { signal }) => {
      if (!api || !companyId) return initialState;
      this.#feedback.problem = '';
      this.#open.reset();
      const listed = this.#listedFor;
      const known =
        listed?.api === api && listed.companyId === companyId ? this.apprenticeships : null;
      return loadEditorPage({ api, companyId, requestedId, week: this.#isoWeek, known, signal });
    },
    onComplete: (page) => this.#show(page),
    onError: (error) => this.#feedback.fail(error),
  });

  get #isoWeek(): IsoWeek {
    return parseWeekParam(this.week) ?? currentWeek();
  }

  get #apprenticeship(): ApprenticeshipView | undefined {
    return chooseApprenticeship(this.apprenticeships, this.apprenticeshipId);
  }

  get #phase(): Phase {
    return this.#page.phase(() => (this.#page.value?.apprenticeship ? 'ready' : 'empty'));
  }

  #show(page: EditorPage): void {
    const connection = connectionOf(this.context);
    this.apprenticeships = page.apprenticeships;
    this.#listedFor = connection;
    const { apprenticeship, found } = page;
    if (!apprenticeship) return;
    if (found) this.#open.show(found);
    else this.#open.showBlank({ apprenticeship, ...page.week });
    this.#overview.show(apprenticeship.id, () => page.summaries);
  }

  /** Loads everything again, the list of apprenticeships included. */
  #reload(): void {
    this.#listedFor = null;
    void this.#page.run();
  }

  #refreshOverview(): void {
    const connection = connectionOf(this.context);
    const apprenticeship = this.#apprenticeship;
    if (connection && apprenticeship) {
      this.#overview.refresh(connection.api, connection.companyId, apprenticeship.id);
    }
  }

  #mapDay(date: string, change: (day: Draft['days'][number]) => Draft['days'][number]) {
    this.#open.edit((draft) => ({
      ...draft,
      days: draft.days.map((day) => (day.date === date ? change(day) : day)),
    }));
  }

  readonly #handlers: Omit<DayFieldHandlers, 'errors'> = {
    setAttendance: (date: string, value: string) =>
      this.#mapDay(date, (day) => ({ ...day, attendance: value as typeof day.attendance })),
    setEntry: (date: string, key: string, patch: Partial<DraftEntry>) =>
      this.#mapDay(date, (day) => ({
        ...day,
        entries: day.entries.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)),
      })),
    addEntry: (date: string) => {
      const entry = newEntry();
      this.#mapDay(date, (day) => ({ ...day, entries: [...day.entries, entry] }));
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#${fieldId.kind(entry.key)}`)?.focus(),
      );
    },
    removeEntry: (date: string, key: string) =>
      this.#mapDay(date, (day) => ({ ...day, entries: day.entries.filter((e) => e.key !== key) })),
  };

  #onSave = (event: Event) => {
    event.preventDefault();
    void this.#open.save();
  };

  #go(to: IsoWeek): void {
    void this.#open.saveThen(() => {
      this.week = formatWeekParam(to);
    });
  }

  protected override render() {
    return html`<section aria-labelledby="title">
      <h2 id="title">${msg('Ausbildungsnachweis')}</h2>
      ${this.#renderChooser()}
      ${this.#renderBody()}
      ${this.#feedback.renderAnnouncement()}
    </section>`;
  }

  /** Which apprenticeship and which week: stays in place while a week loads, so focus is not lost. */
  #renderChooser() {
    const apprenticeship = this.#apprenticeship;
    const phase = this.#phase;
    if (phase === 'unconfigured' || phase === 'empty' || !apprenticeship) return nothing;
    const overview = this.#overview;
    const loaded = overview.apprenticeshipId === apprenticeship.id ? overview.summaries : null;
    return html`
      ${renderApprenticeshipPicker(this.apprenticeships, apprenticeship.id, (id) => {
        this.apprenticeshipId = id;
      })}
      ${renderWeekOverview({
        weeks: loaded && overviewWeeks(loaded, { ...apprenticeship, today: localToday() }),
        failed: overview.failed,
        open: this.#isoWeek,
        onOpen: (week) => this.#go(week),
        onRetry: () => this.#refreshOverview(),
      })}
    `;
  }

  #renderBody() {
    const phase = this.#phase;
    switch (phase) {
      case 'empty':
        return html`<p>${msg('Für Sie ist in diesem Unternehmen kein Ausbildungsverhältnis hinterlegt.')}</p>`;
      case 'ready':
        return this.#renderWeek();
      default:
        return this.#feedback.renderLoadPhase(phase, () => this.#reload());
    }
  }

  #renderWeek() {
    const { week, blank, draft, unsaved, busy } = this.#open.state;
    const heading = week ?? (blank && headingOfBlank(blank));
    if (!heading || !draft) return nothing;
    let body: unknown;
    if (this.#open.viewer.canEdit) body = this.#renderForm(draft);
    else if (week) {
      body = renderReadOnlyWeek(week, {
        unsaved,
        busy: busy !== null,
        onWithdraw: () => void this.#open.withdraw(),
      });
    } else if (blank && !blankIsInApprenticeship(blank)) {
      body = html`<p class="hint">${msg('Diese Woche liegt außerhalb Ihrer Ausbildungszeit.')}</p>`;
    }
    return html`
      ${renderWeekHeader(heading, {
        busy: busy !== null,
        onPrevious: () => this.#go(shiftWeek(this.#isoWeek, -1)),
        onNext: () => this.#go(shiftWeek(this.#isoWeek, 1)),
      })}
      ${this.#feedback.renderProblem()}
      ${body ?? nothing}
      ${
        week
          ? renderWeekDialogue({
              week,
              open: this.weekDialogueOpen,
              onToggle: (open) => {
                this.weekDialogueOpen = open;
              },
            })
          : nothing
      }
    `;
  }

  #renderForm(draft: Draft) {
    const { week, errors, conflict, dirty, busy } = this.#open.state;
    const handlers: DayFieldHandlers = { ...this.#handlers, errors };
    const departmentId = fieldId.department();
    return html`<form novalidate @submit=${this.#onSave}>
      <div class="field">
        <label for=${departmentId}>${msg('Ausbildungsabteilung')}</label>
        <input id=${departmentId} autocomplete="off" .value=${draft.department}
          aria-invalid=${errors.has(departmentId) ? 'true' : 'false'}
          @input=${(e: Event) => this.#open.edit((d) => ({ ...d, department: (e.target as HTMLInputElement).value }))} />
        ${fieldError(errors, departmentId)}
      </div>
      ${draft.days.map((day) => renderDayFields(day, handlers))}
      ${
        conflict && week
          ? html`<details class="server-version">
              <summary>${msg('Aktuelle Fassung auf dem Server anzeigen')}</summary>
              ${renderWeekContent(week)}
            </details>`
          : nothing
      }
      <div class="row actions" part="actions">
        <button type="submit" ?disabled=${busy !== null}>${busy === 'save' ? msg('Wird gespeichert …') : msg('Speichern')}</button>
        ${
          this.#open.viewer.actions.includes('submit')
            ? html`<button type="button" class="primary" ?disabled=${busy !== null} @click=${() => void this.#open.submit()}>${msg('Einreichen')}</button>`
            : nothing
        }
        ${dirty ? html`<span class="hint">${msg('Ungespeicherte Änderungen')}</span>` : nothing}
      </div>
    </form>`;
  }
}
