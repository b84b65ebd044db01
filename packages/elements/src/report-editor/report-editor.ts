import {
  type ApprenticeshipView,
  cleanText,
  type IsoWeek,
  type WeekView,
} from '@berichtsheft/core';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type BerichtsheftContext, berichtsheftContext } from '../context.js';
import {
  BhReportSavedEvent,
  BhReportSubmittedEvent,
  BhReportWithdrawnEvent,
  weekEventDetail,
} from '../events.js';
import { errorMessage, isChangedElsewhere } from '../shared/api-errors.js';
import {
  currentWeek,
  formatWeekParam,
  localToday,
  parseWeekParam,
  shiftWeek,
} from '../shared/format.js';
import { renderWeekContent } from '../shared/week-content.js';
import { type DayFieldHandlers, fieldError, renderDayFields } from './day-fields.js';
import {
  type Draft,
  type DraftEntry,
  daysForSave,
  draftFromWeek,
  fieldId,
  newEntry,
  validateDraft,
} from './draft.js';
import { reportEditorStyles } from './report-editor.styles.js';
import { overviewWeeks, renderWeekOverview, WeekOverviewController } from './week-overview.js';
import { renderApprenticeshipPicker, renderReadOnlyWeek, renderWeekHeader } from './week-parts.js';

type Phase = 'unconfigured' | 'loading' | 'empty' | 'error' | 'ready';
type Busy = 'save' | 'submit' | 'withdraw' | null;

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
@localized()
export class BhReportEditor extends LitElement {
  static override styles = reportEditorStyles;

  /** Which apprenticeship to show; the first of the user's apprenticeships when not set. */
  @property({ attribute: 'apprenticeship-id' }) apprenticeshipId: string | null = null;

  /** ISO week to show, like `2026-W48`; the current week when not set. */
  @property() week: string | null = null;

  @consume({ context: berichtsheftContext, subscribe: true })
  @state()
  protected context: BerichtsheftContext | undefined;

  @state() protected phase: Phase = 'unconfigured';
  @state() protected apprenticeships: ApprenticeshipView[] = [];
  @state() protected current: WeekView | null = null;
  @state() protected draft: Draft | null = null;
  @state() protected dirty = false;
  @state() protected busy: Busy = null;
  @state() protected announcement = '';
  @state() protected problem = '';
  @state() protected errors: ReadonlyMap<string, string> = new Map();
  /** Edits that could not be saved because the week left the apprentice's hands meanwhile. */
  @state() protected unsaved: Draft | null = null;
  @state() protected conflict = false;

  #loadId = 0;
  readonly #overview = new WeekOverviewController(this);

  get #isoWeek(): IsoWeek {
    return parseWeekParam(this.week) ?? currentWeek();
  }

  get #apprenticeship(): ApprenticeshipView | undefined {
    return (
      this.apprenticeships.find((a) => a.id === this.apprenticeshipId) ?? this.apprenticeships[0]
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('context') || changed.has('apprenticeshipId') || changed.has('week')) {
      void this.#load(changed.has('context'));
    }
  }

  async #load(reloadApprenticeships: boolean): Promise<void> {
    const { api, companyId } = this.context ?? { api: null, companyId: null };
    const id = ++this.#loadId;
    if (!api || !companyId) {
      this.phase = 'unconfigured';
      return;
    }
    this.phase = 'loading';
    this.problem = '';
    this.errors = new Map();
    this.unsaved = null;
    this.conflict = false;
    try {
      if (reloadApprenticeships || this.apprenticeships.length === 0) {
        this.apprenticeships = await api.listMyApprenticeships(companyId);
      }
      const apprenticeship = this.#apprenticeship;
      if (!apprenticeship) {
        if (id === this.#loadId) this.phase = 'empty';
        return;
      }
      const week = await api.openWeek({
        companyId,
        apprenticeshipId: apprenticeship.id,
        ...this.#isoWeek,
      });
      if (id !== this.#loadId) return;
      this.current = week;
      this.draft = draftFromWeek(week);
      this.dirty = false;
      this.phase = 'ready';
      // After opening: opening creates the draft, which the overview then shows instead of a gap.
      this.#refreshOverview();
    } catch (error) {
      if (id !== this.#loadId) return;
      this.problem = errorMessage(error);
      this.phase = 'error';
    }
  }

  #refreshOverview(): void {
    const { api, companyId } = this.context ?? {};
    const apprenticeship = this.#apprenticeship;
    if (api && companyId && apprenticeship) {
      void this.#overview.load(api, companyId, apprenticeship.id);
    }
  }

  #edit(change: (draft: Draft) => Draft): void {
    if (!this.draft) return;
    this.draft = change(this.draft);
    this.dirty = true;
    this.announcement = '';
    if (this.errors.size > 0) this.errors = validateDraft(this.draft);
  }

  #mapDay(date: string, change: (day: Draft['days'][number]) => Draft['days'][number]) {
    this.#edit((draft) => ({
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

  /** Saves the draft; resolves to the saved week, or `null` when nothing could be saved. */
  async #save(): Promise<WeekView | null> {
    const { api, companyId } = this.context ?? {};
    const week = this.current;
    const draft = this.draft;
    if (!api || !companyId || !week || !draft) return null;
    const errors = validateDraft(draft);
    this.errors = errors;
    if (errors.size > 0) {
      this.problem = msg('Bitte korrigieren Sie die markierten Felder.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return null;
    }
    try {
      const saved = await api.saveWeek({
        companyId,
        weekId: week.id,
        version: week.version,
        department: cleanText(draft.department),
        days: daysForSave(draft),
      });
      this.current = saved;
      this.dirty = false;
      this.conflict = false;
      this.problem = '';
      this.dispatchEvent(new BhReportSavedEvent(weekEventDetail({ ...saved, weekId: saved.id })));
      return saved;
    } catch (error) {
      this.problem = errorMessage(error);
      if (isChangedElsewhere(error)) await this.#reloadKeepingDraft(draft);
      return null;
    }
  }

  /** After a refused save: take the server's version and status, keep what the apprentice typed. */
  async #reloadKeepingDraft(draft: Draft): Promise<void> {
    const { api, companyId } = this.context ?? {};
    const week = this.current;
    if (!api || !companyId || !week) return;
    try {
      const fresh = await api.getWeek({ companyId, weekId: week.id });
      this.current = fresh;
      this.conflict = true;
      this.#refreshOverview();
      if (!fresh.viewer.canEdit) {
        this.unsaved = draft;
        this.draft = draftFromWeek(fresh);
        this.dirty = false;
      }
    } catch (error) {
      this.problem = errorMessage(error);
    }
  }

  async #run(busy: Exclude<Busy, null>, action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = busy;
    this.announcement = '';
    try {
      await action();
    } finally {
      this.busy = null;
    }
  }

  #onSave = (event: Event) => {
    event.preventDefault();
    void this.#run('save', async () => {
      if (await this.#save()) {
        this.announcement = msg('Gespeichert.');
        this.#refreshOverview();
      }
    });
  };

  #onSubmit = () =>
    this.#run('submit', async () => {
      const { api, companyId } = this.context ?? {};
      if (!api || !companyId || !this.current) return;
      const week = this.dirty || this.current.version === 1 ? await this.#save() : this.current;
      if (!week) return;
      try {
        const submitted = await api.submitWeek({
          companyId,
          weekId: week.id,
          version: week.version,
          idempotencyKey: crypto.randomUUID(),
        });
        this.current = submitted;
        this.draft = draftFromWeek(submitted);
        this.problem = '';
        this.announcement = msg('Eingereicht. Die Woche liegt jetzt zur Prüfung vor.');
        this.#refreshOverview();
        this.dispatchEvent(
          new BhReportSubmittedEvent(weekEventDetail({ ...submitted, weekId: submitted.id })),
        );
      } catch (error) {
        this.problem = errorMessage(error);
      }
    });

  #onWithdraw = () =>
    this.#run('withdraw', async () => {
      const { api, companyId } = this.context ?? {};
      const week = this.current;
      if (!api || !companyId || !week) return;
      try {
        const withdrawn = await api.withdrawWeek({
          companyId,
          weekId: week.id,
          version: week.version,
          idempotencyKey: crypto.randomUUID(),
        });
        this.current = withdrawn;
        this.draft = draftFromWeek(withdrawn);
        this.unsaved = null;
        this.problem = '';
        this.announcement = msg('Zurückgezogen. Die Woche ist wieder ein Entwurf.');
        this.#refreshOverview();
        this.dispatchEvent(
          new BhReportWithdrawnEvent(weekEventDetail({ ...withdrawn, weekId: withdrawn.id })),
        );
      } catch (error) {
        this.problem = errorMessage(error);
      }
    });

  #go(to: IsoWeek): void {
    void this.#run('save', async () => {
      // Unsaved edits are saved before leaving the week, so switching weeks never loses work.
      if (this.dirty && !(await this.#save())) return;
      this.week = formatWeekParam(to);
    });
  }

  protected override render() {
    return html`<section aria-labelledby="title">
      <h2 id="title">${msg('Ausbildungsnachweis')}</h2>
      ${this.#renderChooser()}
      ${this.#renderBody()}
      <div class="live" role="status">${this.announcement}</div>
    </section>`;
  }

  /** Which apprenticeship and which week: stays in place while a week loads, so focus is not lost. */
  #renderChooser() {
    const apprenticeship = this.#apprenticeship;
    if (this.phase === 'unconfigured' || this.phase === 'empty' || !apprenticeship) return nothing;
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
    switch (this.phase) {
      case 'unconfigured':
        return html`<p>${msg('Nicht verbunden: Dieses Element muss innerhalb von bh-provider stehen.')}</p>`;
      case 'loading':
        return html`<p aria-busy="true">${msg('Wird geladen …')}</p>`;
      case 'empty':
        return html`<p>${msg('Für Sie ist in diesem Unternehmen kein Ausbildungsverhältnis hinterlegt.')}</p>`;
      case 'error':
        return html`<div class="notice error" role="alert">${this.problem}</div>
          <button type="button" @click=${() => void this.#load(true)}>${msg('Erneut versuchen')}</button>`;
      case 'ready':
        return this.#renderWeek();
    }
  }

  #renderWeek() {
    const week = this.current;
    const draft = this.draft;
    if (!week || !draft || !this.#apprenticeship) return nothing;
    const busy = this.busy !== null;
    return html`
      ${renderWeekHeader(week, {
        busy,
        onPrevious: () => this.#go(shiftWeek(this.#isoWeek, -1)),
        onNext: () => this.#go(shiftWeek(this.#isoWeek, 1)),
      })}
      ${this.problem ? html`<div class="notice error" role="alert">${this.problem}</div>` : nothing}
      ${
        week.viewer.canEdit
          ? this.#renderForm(draft)
          : renderReadOnlyWeek(week, { unsaved: this.unsaved, busy, onWithdraw: this.#onWithdraw })
      }
    `;
  }

  #renderForm(draft: Draft) {
    const week = this.current;
    const busy = this.busy !== null;
    const handlers: DayFieldHandlers = { ...this.#handlers, errors: this.errors };
    const departmentId = fieldId.department();
    return html`<form novalidate @submit=${this.#onSave}>
      <div class="field">
        <label for=${departmentId}>${msg('Ausbildungsabteilung')}</label>
        <input id=${departmentId} autocomplete="off" .value=${draft.department}
          aria-invalid=${this.errors.has(departmentId) ? 'true' : 'false'}
          @input=${(e: Event) => this.#edit((d) => ({ ...d, department: (e.target as HTMLInputElement).value }))} />
        ${fieldError(this.errors, departmentId)}
      </div>
      ${draft.days.map((day) => renderDayFields(day, handlers))}
      ${
        this.conflict && week
          ? html`<details class="server-version">
              <summary>${msg('Aktuelle Fassung auf dem Server anzeigen')}</summary>
              ${renderWeekContent(week)}
            </details>`
          : nothing
      }
      <div class="row actions" part="actions">
        <button type="submit" ?disabled=${busy}>${this.busy === 'save' ? msg('Wird gespeichert …') : msg('Speichern')}</button>
        ${
          week?.viewer.actions.includes('submit')
            ? html`<button type="button" class="primary" ?disabled=${busy} @click=${this.#onSubmit}>${msg('Einreichen')}</button>`
            : nothing
        }
        ${this.dirty ? html`<span class="hint">${msg('Ungespeicherte Änderungen')}</span>` : nothing}
      </div>
    </form>`;
  }
}
