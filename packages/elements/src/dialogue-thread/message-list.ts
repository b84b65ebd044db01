import type { MessageFileView, MessageView } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { formatInstant } from '../shared/format.js';
import { renderAttachments } from './attachments.js';
import { readersOf, type ThreadState } from './thread-state.js';

export interface MessageListOptions {
  state: ThreadState;
  viewerId: string;
  now: Date;
  /** The message being edited, and its text so far. */
  editing: { id: string; text: string } | null;
  busy: boolean;
  onLoadOlder: () => void;
  onEdit: (message: MessageView) => void;
  onEditInput: (text: string) => void;
  onEditSave: (event: Event) => void;
  onEditCancel: () => void;
  onDelete: (message: MessageView) => void;
  onDownload: (file: MessageFileView) => void;
}

function changeable(message: MessageView, now: Date): boolean {
  return message.changeableUntil !== null && message.changeableUntil.getTime() > now.getTime();
}

function renderBody(message: MessageView, options: MessageListOptions) {
  if (message.deletedAt !== null) {
    return html`<p class="deleted">${msg('Diese Nachricht wurde gelöscht.')}</p>`;
  }
  if (options.editing?.id === message.id) {
    const field = `edit-${message.id}`;
    return html`<form class="edit" @submit=${options.onEditSave}>
      <label for=${field}>${msg('Nachricht bearbeiten')}</label>
      <textarea
        id=${field}
        rows="3"
        .value=${options.editing.text}
        @input=${(event: Event) => options.onEditInput((event.target as HTMLTextAreaElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') options.onEditCancel();
        }}
      ></textarea>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${options.busy}>${msg('Speichern')}</button>
        <button type="button" @click=${options.onEditCancel}>${msg('Abbrechen')}</button>
      </div>
    </form>`;
  }
  // Text only, never markup (S7): the template puts it in as a text node.
  return html`<p class="body">${message.body}</p>
    ${renderAttachments(message.attachments, options.onDownload)}`;
}

function renderMessage(message: MessageView, options: MessageListOptions, newLine: boolean) {
  const mine = message.authorId === options.viewerId;
  const readers = mine && message.deletedAt === null ? readersOf(options.state, message) : [];
  const canChange = mine && changeable(message, options.now) && options.editing?.id !== message.id;
  return html`<li class=${mine ? 'message mine' : 'message'} part="message" data-seq=${message.seq}>
      ${newLine ? html`<p class="new-line">${msg('Neu')}</p>` : nothing}
      <p class="meta">
        <span class="author">${mine ? msg('Sie') : message.authorName}</span>
        <time datetime=${message.sentAt.toISOString()}>${formatInstant(message.sentAt)}</time>
        ${message.editedAt && message.deletedAt === null ? html`<span>${msg('(bearbeitet)')}</span>` : nothing}
      </p>
      ${renderBody(message, options)}
      ${readers.length > 0 ? html`<p class="meta read-by">${msg(str`Gelesen von ${readers.join(', ')}`)}</p>` : nothing}
      ${
        canChange
          ? html`<div class="actions">
            <button type="button" class="edit-message" @click=${() => options.onEdit(message)}>
              ${msg('Bearbeiten')}
            </button>
            <button type="button" class="danger delete-message" ?disabled=${options.busy}
              @click=${() => options.onDelete(message)}>${msg('Löschen')}</button>
          </div>`
          : nothing
      }
    </li>`;
}

/** The thread from its oldest loaded message to its newest, with a line above the first one the viewer has not read. */
export function renderMessageList(options: MessageListOptions) {
  const { state, viewerId } = options;
  const firstNew = state.messages.find(
    (message) => message.authorId !== viewerId && message.seq > state.newSince,
  );
  return html`${
    state.hasOlder
      ? html`<button type="button" class="load-older" ?disabled=${options.busy} @click=${options.onLoadOlder}>
          ${msg('Ältere Nachrichten laden')}
        </button>`
      : nothing
  }
    <ol class="messages">
      ${state.messages.map((message) => renderMessage(message, options, message === firstNew))}
    </ol>`;
}

export const messageListStyles = css`
  .messages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .message {
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    max-width: min(40rem, 100%);
  }
  .message.mine {
    justify-self: end;
    background: var(--_surface);
  }
  .message .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    font-size: 0.875rem;
    margin: 0;
  }
  .author {
    font-weight: 600;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0.25rem 0;
  }
  .deleted {
    font-style: italic;
    color: var(--_muted);
    margin: 0.25rem 0;
  }
  .new-line {
    margin: 0 0 0.25rem;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
    color: var(--_accent);
  }
  .new-line::before,
  .new-line::after {
    content: '';
    flex: 1;
    border-top: 2px solid var(--_accent);
  }
  .load-older {
    margin-bottom: var(--_space);
  }
  .edit textarea {
    width: 100%;
  }
`;
