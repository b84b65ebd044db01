import type { Following, FollowStatus } from '@berichtsheft/client';
import type {
  DialogueEventView,
  MessageFileView,
  MessageView,
  ThreadPageView,
} from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BhUnreadChangedEvent } from '../events/unread-changed.js';
import { BhConnectedElement } from '../shared/bh-connected-element.js';
import { type Connection, connectionOf } from '../shared/connection.js';
import { FeedbackController, type LoadPhase } from '../shared/feedback.js';
import { saveFile } from '../shared/files.js';
import { initialState, LoadTask } from '../shared/load-task.js';
import { outlineLevel } from '../shared/outline-level.js';
import { type ChosenFile, chooseFiles, renderFilePicker } from './attachments.js';
import { draftProblem, type PendingMessage, renderComposer } from './composer.js';
import { dialogueThreadStyles } from './dialogue-thread.styles.js';
import { renderMessageList } from './message-list.js';
import {
  applyEvent,
  newestSeq,
  stateOfPage,
  type ThreadState,
  unreadOf,
  withOlder,
} from './thread-state.js';

interface LoadedThread {
  viewerId: string;
  apprenticeshipId: string;
  page: ThreadPageView;
  /** Unread in the whole company when the thread was loaded. */
  total: number;
}

/** How often the edit and delete buttons of one's own messages are checked against the end of their window. */
const CLOCK_MS = 30_000;
/** How long the thread waits for more messages before telling the server how far it was read. */
const MARK_READ_DELAY_MS = 400;

/**
 * The conversation between an apprentice and their trainers, about the whole apprenticeship or one week
 * (`week-id`), live: messages, edits and read markers of the others appear as they happen, also across server
 * instances. Authors can edit or delete their messages for a short while after sending.
 *
 * @summary A live conversation between an apprentice and their trainers.
 * @fires bh-unread-changed - The number of unread messages changed; `detail` has `unread` (this thread) and
 * `total` (the company, as far as known).
 * @csspart message - One message of the thread.
 * @cssprop [--bh-accent=#0b5cad] - Accent colour of buttons, focus ring and the line above new messages.
 * @cssprop [--bh-foreground=#1b1f24] - Text colour.
 * @cssprop [--bh-background=#ffffff] - Background colour.
 * @cssprop [--bh-radius=6px] - Corner radius of messages, buttons and fields.
 * @cssprop [--bh-space=0.75rem] - Base spacing unit.
 * @cssprop [--bh-font-family=system-ui, sans-serif] - Font family.
 */
export class BhDialogueThread extends BhConnectedElement {
  static override styles = dialogueThreadStyles;

  /** The apprenticeship talked about; the signed-in apprentice's own when not set. */
  @property({ attribute: 'apprenticeship-id' }) apprenticeshipId: string | null = null;
  /** The week talked about; the apprenticeship as a whole when not set. */
  @property({ attribute: 'week-id' }) weekId: string | null = null;
  /** The level of the thread's heading in the page's outline, 2 by default; deeper where it sits inside a section. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() protected thread: ThreadState | null = null;
  @state() protected status: FollowStatus | 'offline' = 'connecting';
  @state() protected draft = '';
  @state() protected draftError = '';
  @state() protected pending: PendingMessage[] = [];
  @state() protected chosenFiles: ChosenFile[] = [];
  @state() protected fileProblems: string[] = [];
  @state() protected editing: { id: string; text: string } | null = null;
  @state() protected busy = false;
  @state() protected now = new Date();

  readonly #feedback = new FeedbackController(this);
  #loaded: LoadedThread | null = null;
  #following: Following | null = null;
  #clock: ReturnType<typeof setInterval> | undefined;
  #markTimer: ReturnType<typeof setTimeout> | undefined;
  #unreadAtLoad = 0;

  /** Unread messages of others in this thread. */
  get unread(): number {
    return this.thread && this.#loaded ? unreadOf(this.thread, this.#loaded.viewerId) : 0;
  }

  readonly #load = new LoadTask(this, {
    args: () =>
      [
        this.context?.api ?? null,
        this.context?.companyId ?? null,
        this.apprenticeshipId,
        this.weekId,
      ] as const,
    task: async ([api, companyId, apprenticeshipId, weekId], { signal }) => {
      this.#stopFollowing();
      this.thread = null;
      if (!api || !companyId) return initialState;
      const [me, ownId, unread] = await Promise.all([
        api.me({ signal }),
        apprenticeshipId ??
          api.listMyApprenticeships(companyId, { signal }).then((list) => list[0]?.id ?? null),
        api.unreadMessages(companyId, { signal }),
      ]);
      if (ownId === null) return null;
      const page = await api.threadPage(
        { companyId, apprenticeshipId: ownId, ...(weekId ? { weekId } : {}) },
        { signal },
      );
      return { viewerId: me.person.id, apprenticeshipId: ownId, page, total: unread.total };
    },
    onComplete: (loaded) => {
      this.#loaded = loaded;
      if (!loaded) return;
      this.thread = stateOfPage(loaded.page);
      this.#unreadAtLoad = loaded.page.unread;
      this.#feedback.problem = '';
      this.#follow(loaded);
      this.#announceUnread();
      this.#markReadSoon();
    },
    onError: (error) => this.#feedback.fail(error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
    document.addEventListener('visibilitychange', this.#markReadSoon);
    this.#clock = setInterval(() => {
      this.now = new Date();
    }, CLOCK_MS);
    if (this.#loaded && !this.#following) this.#follow(this.#loaded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    document.removeEventListener('visibilitychange', this.#markReadSoon);
    clearInterval(this.#clock);
    clearTimeout(this.#markTimer);
    this.#stopFollowing();
  }

  #onNetwork = () => {
    this.status = navigator.onLine ? 'reconnecting' : 'offline';
    // Whatever stream was open before going offline cannot be trusted; a new one resumes after the last event.
    if (navigator.onLine) this.#following?.resume();
  };

  #input(loaded: LoadedThread, connection: Connection) {
    return {
      companyId: connection.companyId,
      apprenticeshipId: loaded.apprenticeshipId,
      ...(this.weekId ? { weekId: this.weekId } : {}),
    };
  }

  #follow(loaded: LoadedThread): void {
    const connection = connectionOf(this.context);
    if (!connection) return;
    this.#following = connection.api.followThread(
      { ...this.#input(loaded, connection), lastEventId: String(loaded.page.lastSeq) },
      {
        onEvent: (event) => this.#onEvent(event),
        onStatus: (status) => {
          this.status = navigator.onLine ? status : 'offline';
        },
        onError: (error) => this.#feedback.fail(error),
      },
    );
  }

  #stopFollowing(): void {
    this.#following?.stop();
    this.#following = null;
  }

  #onEvent(event: DialogueEventView): void {
    const loaded = this.#loaded;
    if (!this.thread || !loaded) return;
    const before = this.unread;
    const list = this.renderRoot.querySelector('.scroller');
    const atBottom = !list || list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const known = this.thread.messages.some(
      (message) => event.kind === 'message' && message.id === event.message.id,
    );
    this.thread = applyEvent(this.thread, event, loaded.viewerId);
    if (event.kind === 'message') {
      const { message } = event;
      if (message.authorId === loaded.viewerId) {
        this.pending = this.pending.filter((p) => p.body !== message.body || p.failed);
      } else if (!known) {
        this.#feedback.announcement = msg(str`Neue Nachricht von ${message.authorName}`);
      }
      if (atBottom) void this.updateComplete.then(() => this.#scrollToEnd());
      this.#markReadSoon();
    }
    if (this.unread !== before) this.#announceUnread();
  }

  #announceUnread(): void {
    const total = Math.max(0, (this.#loaded?.total ?? 0) - this.#unreadAtLoad + this.unread);
    this.dispatchEvent(new BhUnreadChangedEvent({ unread: this.unread, total }));
  }

  /** Marks the thread read up to its newest message while it is in view, once a burst of messages is over. */
  #markReadSoon = () => {
    clearTimeout(this.#markTimer);
    this.#markTimer = setTimeout(() => void this.#markRead(), MARK_READ_DELAY_MS);
  };

  async #markRead(): Promise<void> {
    const connection = connectionOf(this.context);
    const loaded = this.#loaded;
    const thread = this.thread;
    if (!connection || !loaded || !thread || document.visibilityState !== 'visible') return;
    const seq = newestSeq(thread);
    if (seq <= thread.readSeq) return;
    try {
      const marker = await connection.api.markThreadRead({
        ...this.#input(loaded, connection),
        seq,
      });
      if (marker && this.thread) {
        this.thread = { ...this.thread, readSeq: Math.max(this.thread.readSeq, marker.readSeq) };
        this.#announceUnread();
      }
    } catch {
      // Read markers are a courtesy: the next message or visit marks the thread read again.
    }
  }

  #scrollToEnd(): void {
    const list = this.renderRoot.querySelector('.scroller');
    if (list) list.scrollTop = list.scrollHeight;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    void this.#load.taskComplete.then(() => this.updateComplete).then(() => this.#scrollToEnd());
  }

  #send = async (event: Event) => {
    event.preventDefault();
    const problem = draftProblem(this.draft);
    if (problem) {
      this.draftError = problem;
      this.renderRoot.querySelector<HTMLElement>('#composer')?.focus();
      return;
    }
    const pending: PendingMessage = {
      clientKey: crypto.randomUUID(),
      body: this.draft.trim(),
      files: this.chosenFiles,
      uploaded: {},
      failed: false,
    };
    this.draft = '';
    this.draftError = '';
    this.chosenFiles = [];
    this.fileProblems = [];
    await this.#deliver(pending);
  };

  /** Sends a message, or sends it again with the same key: the server stores it once however often it arrives. */
  async #deliver(pending: PendingMessage): Promise<void> {
    const connection = connectionOf(this.context);
    const loaded = this.#loaded;
    if (!connection || !loaded) return;
    const sending = { ...pending, failed: false };
    this.pending = [...this.pending.filter((p) => p.clientKey !== pending.clientKey), sending];
    await this.updateComplete;
    this.#scrollToEnd();
    const uploaded = { ...pending.uploaded };
    try {
      for (const { key, file } of pending.files) {
        uploaded[key] ??= (
          await connection.api.uploadMessageFile(connection.companyId, file, file.name)
        ).id;
      }
      const attachmentIds = pending.files.flatMap(({ key }) => uploaded[key] ?? []);
      const sent = await connection.api.postMessage({
        ...this.#input(loaded, connection),
        body: pending.body,
        clientKey: pending.clientKey,
        ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
      });
      this.pending = this.pending.filter((p) => p.clientKey !== pending.clientKey);
      if (this.thread) {
        this.thread = applyEvent(this.thread, { kind: 'message', message: sent }, loaded.viewerId);
      }
      this.#feedback.problem = '';
      this.#feedback.announcement = msg('Nachricht gesendet.');
    } catch (error) {
      this.pending = this.pending.map((p) =>
        p.clientKey === pending.clientKey ? { ...p, uploaded, failed: true } : p,
      );
      this.#feedback.fail(error);
    }
  }

  #pickFiles = async (files: File[]) => {
    const { chosen, problems } = await chooseFiles(this.chosenFiles, files);
    this.chosenFiles = chosen;
    this.fileProblems = problems;
  };

  async #download(file: MessageFileView): Promise<void> {
    const connection = connectionOf(this.context);
    if (!connection) return;
    try {
      saveFile(
        await connection.api.downloadMessageFile(connection.companyId, file.id),
        file.fileName,
      );
    } catch (error) {
      this.#feedback.fail(error);
    }
  }

  async #change(message: MessageView, change: 'edit' | 'delete'): Promise<void> {
    const connection = connectionOf(this.context);
    const loaded = this.#loaded;
    if (!connection || !loaded || this.busy) return;
    const body = this.editing?.text.trim() ?? '';
    if (change === 'edit' && draftProblem(body)) {
      this.#feedback.problem = draftProblem(body);
      return;
    }
    this.busy = true;
    try {
      const input = { companyId: connection.companyId, messageId: message.id };
      const changed =
        change === 'edit'
          ? await connection.api.editMessage({ ...input, body })
          : await connection.api.deleteMessage(input);
      if (this.thread) {
        this.thread = applyEvent(
          this.thread,
          { kind: 'message', message: changed },
          loaded.viewerId,
        );
      }
      this.editing = null;
      this.#feedback.problem = '';
      this.#feedback.announcement =
        change === 'edit' ? msg('Nachricht geändert.') : msg('Nachricht gelöscht.');
      this.renderRoot.querySelector<HTMLElement>('#composer')?.focus();
    } catch (error) {
      this.#feedback.fail(error);
    } finally {
      this.busy = false;
    }
  }

  #loadOlder = async () => {
    const connection = connectionOf(this.context);
    const loaded = this.#loaded;
    const thread = this.thread;
    if (!connection || !loaded || !thread || this.busy) return;
    this.busy = true;
    const list = this.renderRoot.querySelector('.scroller');
    const fromEnd = list ? list.scrollHeight - list.scrollTop : 0;
    try {
      const page = await connection.api.threadPage({
        ...this.#input(loaded, connection),
        before: thread.messages[0]?.seq ?? 0,
      });
      this.thread = withOlder(this.thread ?? thread, page);
      await this.updateComplete;
      // The messages read so far stay where they were; the older ones appear above them.
      if (list) list.scrollTop = list.scrollHeight - fromEnd;
    } catch (error) {
      this.#feedback.fail(error);
    } finally {
      this.busy = false;
    }
  };

  get #phase(): LoadPhase | 'none' | 'thread' {
    return this.#load.phase(() => (this.thread ? 'thread' : 'none'));
  }

  #renderStatus() {
    const text =
      this.status === 'offline'
        ? msg('Offline – neue Nachrichten erscheinen, sobald die Verbindung zurück ist.')
        : this.status === 'reconnecting'
          ? msg('Verbindung unterbrochen – wird wiederhergestellt …')
          : '';
    return text ? html`<p class="notice connection" role="status">${text}</p>` : nothing;
  }

  get #level(): number {
    return outlineLevel(this.headingLevel);
  }

  protected override render() {
    const phase = this.#phase;
    return html`<section aria-labelledby="thread-title">
      <div class="title" id="thread-title" role="heading" aria-level=${this.#level}>
        ${this.weekId ? msg('Nachrichten zu dieser Woche') : msg('Nachrichten')}
      </div>
      ${this.#feedback.renderAnnouncement()}
      ${phase === 'error' ? nothing : this.#feedback.renderProblem()}
      ${this.#renderBody(phase)}
    </section>`;
  }

  #renderBody(phase: LoadPhase | 'none' | 'thread') {
    if (phase === 'none') {
      return html`<p>${msg('Es gibt hier kein Gespräch, an dem Sie teilnehmen.')}</p>`;
    }
    if (phase !== 'thread' || !this.thread || !this.#loaded) {
      return this.#feedback.renderLoadPhase(
        phase === 'thread' ? 'loading' : phase,
        () => void this.#load.run(),
      );
    }
    const thread = this.thread;
    return html`${this.#renderStatus()}
      <div class="scroller" tabindex="0" aria-label=${msg('Verlauf')}>
        ${
          thread.messages.length === 0
            ? html`<p class="empty">${msg('Noch keine Nachrichten. Schreiben Sie die erste.')}</p>`
            : renderMessageList({
                state: thread,
                viewerId: this.#loaded.viewerId,
                now: this.now,
                editing: this.editing,
                busy: this.busy,
                onLoadOlder: this.#loadOlder,
                onEdit: (message) => {
                  this.editing = { id: message.id, text: message.body };
                  void this.updateComplete.then(() =>
                    this.renderRoot.querySelector<HTMLElement>(`#edit-${message.id}`)?.focus(),
                  );
                },
                onEditInput: (text) => {
                  if (this.editing) this.editing = { ...this.editing, text };
                },
                onEditSave: (event) => {
                  event.preventDefault();
                  const message = thread.messages.find((m) => m.id === this.editing?.id);
                  if (message) void this.#change(message, 'edit');
                },
                onEditCancel: () => {
                  this.editing = null;
                },
                onDelete: (message) => void this.#change(message, 'delete'),
                onDownload: (file) => void this.#download(file),
              })
        }
      </div>
      ${renderComposer({
        draft: this.draft,
        problem: this.draftError,
        pending: this.pending,
        onInput: (text) => {
          this.draft = text;
          if (this.draftError && !draftProblem(text)) this.draftError = '';
        },
        onSend: this.#send,
        onRetry: (pending) => void this.#deliver(pending),
        onDiscard: (pending) => {
          this.pending = this.pending.filter((p) => p.clientKey !== pending.clientKey);
        },
        filePicker: renderFilePicker({
          chosen: this.chosenFiles,
          problems: this.fileProblems,
          onPick: (files) => void this.#pickFiles(files),
          onRemove: (key) => {
            this.chosenFiles = this.chosenFiles.filter((chosen) => chosen.key !== key);
          },
        }),
      })}`;
  }
}
