import type { BerichtsheftApi } from '@berichtsheft/client';
import { cleanText, type WeekTransitionInput, type WeekView } from '@berichtsheft/core';
import { msg } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import {
  BhReportSavedEvent,
  BhReportSubmittedEvent,
  BhReportWithdrawnEvent,
  type WeekEventDetail,
  weekEventDetail,
} from '../events.js';
import { isChangedElsewhere } from '../shared/api-errors.js';
import { type Connection, transitionInput } from '../shared/connection.js';
import type { FeedbackController } from '../shared/feedback.js';
import { type BlankWeek, blankPermissions } from './blank-week.js';
import { blankDraft, type Draft, daysForSave, draftFromWeek, validateDraft } from './draft.js';

export type WeekAction = 'save' | 'submit' | 'withdraw';

export interface OpenWeekState {
  /** The week as the server last returned it. */
  week: WeekView | null;
  /** The week shown while it does not exist yet; the server creates it when the apprentice first changes something. */
  blank: BlankWeek | null;
  /** What the apprentice is typing, based on `week`. */
  draft: Draft | null;
  /** The draft has edits that are not saved yet. */
  dirty: boolean;
  /** Problems of the draft by field id, found when saving and rechecked on every edit after that. */
  errors: ReadonlyMap<string, string>;
  /** Edits that could not be saved because the week left the apprentice's hands meanwhile. */
  unsaved: Draft | null;
  /** The last save was refused because the week had changed elsewhere. */
  conflict: boolean;
  /** The action that runs now; one at a time. */
  busy: WeekAction | null;
}

export interface OpenWeekHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface OpenWeekOptions {
  connection: () => Connection | null;
  feedback: FeedbackController;
  /** The week was created, saved or changed its status on the server. */
  onChanged: () => void;
}

type WeekEventClass = new (detail: WeekEventDetail) => Event;

const closed: OpenWeekState = {
  week: null,
  blank: null,
  draft: null,
  dirty: false,
  errors: new Map(),
  unsaved: null,
  conflict: false,
  busy: null,
};

/**
 * The week open in the editor and the apprentice's draft of it: editing, saving, submitting and withdrawing. When a
 * save is refused because the week changed elsewhere, the server's version is loaded and what was typed is kept.
 * A week that does not exist yet is created on the apprentice's first change, never by looking at it.
 */
export class OpenWeekController {
  #state: OpenWeekState = closed;
  /** The creation of the blank week, while it runs; saving waits for it. */
  #creating: Promise<WeekView | null> | null = null;
  readonly #host: OpenWeekHost;
  readonly #options: OpenWeekOptions;

  constructor(host: OpenWeekHost, options: OpenWeekOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.#askBeforeLeaving);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.#askBeforeLeaving);
  }

  /**
   * Leaving the page with unsaved edits makes the browser ask first: typed text lost on navigation is what users of
   * such record books complain about most.
   */
  readonly #askBeforeLeaving = (event: Event): void => {
    if (this.#state.dirty) event.preventDefault();
  };

  get state(): Readonly<OpenWeekState> {
    return this.#state;
  }

  #set(change: Partial<OpenWeekState>): void {
    this.#state = { ...this.#state, ...change };
    this.#host.requestUpdate();
  }

  /** Forgets the problems and kept edits of the week shown before; called when another week starts loading. */
  reset(): void {
    this.#set({ errors: new Map(), unsaved: null, conflict: false });
  }

  show(week: WeekView): void {
    this.#set({ week, blank: null, draft: draftFromWeek(week), dirty: false });
  }

  showBlank(blank: BlankWeek): void {
    this.#set({ week: null, blank, draft: blankDraft(blank), dirty: false });
  }

  /** What the apprentice may do with the open week now, whether it exists yet or not. */
  get viewer(): WeekView['viewer'] {
    const { week, blank } = this.#state;
    if (week) return week.viewer;
    return blank ? blankPermissions(blank) : { canEdit: false, actions: [] };
  }

  edit(change: (draft: Draft) => Draft): void {
    const { draft, errors, blank } = this.#state;
    if (!draft) return;
    const changed = change(draft);
    this.#set({
      draft: changed,
      dirty: true,
      errors: errors.size > 0 ? validateDraft(changed) : errors,
    });
    this.#options.feedback.announcement = '';
    if (blank && !this.#creating) this.#creating = this.#create(blank);
  }

  /** Creates the blank week as an empty draft; what was typed meanwhile stays in the draft, still unsaved. */
  async #create(blank: BlankWeek): Promise<WeekView | null> {
    const connection = this.#options.connection();
    if (!connection) return null;
    try {
      const week = await connection.api.openWeek({
        companyId: connection.companyId,
        apprenticeshipId: blank.apprenticeship.id,
        isoYear: blank.isoYear,
        isoWeek: blank.isoWeek,
      });
      // Another week may have been opened meanwhile; this one exists now, but is no longer shown.
      if (this.#state.blank !== blank) return null;
      this.#set({ week, blank: null });
      this.#options.onChanged();
      return week;
    } catch (error) {
      if (this.#state.blank === blank) this.#options.feedback.fail(error);
      return null;
    } finally {
      this.#creating = null;
    }
  }

  /** The open week as it exists on the server, created first if the apprentice wrote in a blank week. */
  async #existing(): Promise<WeekView | null> {
    const { week, blank } = this.#state;
    if (week) return week;
    if (!blank) return null;
    return (this.#creating ??= this.#create(blank));
  }

  save(): Promise<void> {
    return this.#run('save', async () => {
      if (await this.#save()) {
        this.#options.feedback.announcement = msg('Gespeichert.');
        this.#options.onChanged();
      }
    });
  }

  submit(): Promise<void> {
    return this.#run('submit', async () => {
      const { week, blank, dirty } = this.#state;
      if (!this.#options.connection() || !(week || blank)) return;
      const saved = dirty || !week || week.version === 1 ? await this.#save() : week;
      if (!saved) return;
      await this.#transition(
        saved,
        (api, input) => api.submitWeek(input),
        () => msg('Eingereicht. Die Woche liegt jetzt zur Prüfung vor.'),
        BhReportSubmittedEvent,
      );
    });
  }

  withdraw(): Promise<void> {
    return this.#run('withdraw', async () => {
      const { week } = this.#state;
      if (!week) return;
      await this.#transition(
        week,
        (api, input) => api.withdrawWeek(input),
        () => msg('Zurückgezogen. Die Woche ist wieder ein Entwurf.'),
        BhReportWithdrawnEvent,
      );
    });
  }

  /** Runs `leave` once unsaved edits are saved, so switching weeks never loses work; not at all if they are not. */
  saveThen(leave: () => void): Promise<void> {
    return this.#run('save', async () => {
      if (this.#state.dirty && !(await this.#save())) return;
      leave();
    });
  }

  async #run(action: WeekAction, work: () => Promise<void>): Promise<void> {
    if (this.#state.busy) return;
    this.#set({ busy: action });
    this.#options.feedback.announcement = '';
    try {
      await work();
    } finally {
      this.#set({ busy: null });
    }
  }

  /** Saves the draft; resolves to the saved week, or `null` when nothing could be saved. */
  async #save(): Promise<WeekView | null> {
    const connection = this.#options.connection();
    const { feedback } = this.#options;
    const { draft } = this.#state;
    if (!connection || !draft) return null;
    const errors = validateDraft(draft);
    this.#set({ errors });
    if (errors.size > 0) {
      feedback.problem = msg('Bitte korrigieren Sie die markierten Felder.');
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return null;
    }
    const week = await this.#existing();
    if (!week) return null;
    try {
      const saved = await connection.api.saveWeek({
        companyId: connection.companyId,
        weekId: week.id,
        version: week.version,
        department: cleanText(draft.department),
        days: daysForSave(draft),
      });
      this.#set({ week: saved, dirty: false, conflict: false });
      feedback.problem = '';
      this.#host.dispatchEvent(new BhReportSavedEvent(weekEventDetail(saved)));
      return saved;
    } catch (error) {
      feedback.fail(error);
      if (isChangedElsewhere(error)) await this.#reloadKeepingDraft(draft);
      return null;
    }
  }

  /** After a refused save: take the server's version and status, keep what the apprentice typed. */
  async #reloadKeepingDraft(draft: Draft): Promise<void> {
    const connection = this.#options.connection();
    const { week } = this.#state;
    if (!connection || !week) return;
    try {
      const fresh = await connection.api.getWeek({
        companyId: connection.companyId,
        weekId: week.id,
      });
      this.#set({ week: fresh, conflict: true });
      this.#options.onChanged();
      if (!fresh.viewer.canEdit) {
        this.#set({ unsaved: draft, draft: draftFromWeek(fresh), dirty: false });
      }
    } catch (error) {
      this.#options.feedback.fail(error);
    }
  }

  /** Moves the week to its next status; the draft follows the server's answer. */
  async #transition(
    week: WeekView,
    send: (api: BerichtsheftApi, input: WeekTransitionInput) => Promise<WeekView>,
    announce: () => string,
    Done: WeekEventClass,
  ): Promise<void> {
    const connection = this.#options.connection();
    const { feedback } = this.#options;
    if (!connection) return;
    try {
      const changed = await send(connection.api, transitionInput(connection.companyId, week));
      this.#set({ week: changed, draft: draftFromWeek(changed), unsaved: null });
      feedback.problem = '';
      feedback.announcement = announce();
      this.#options.onChanged();
      this.#host.dispatchEvent(new Done(weekEventDetail(changed)));
    } catch (error) {
      feedback.fail(error);
    }
  }
}
