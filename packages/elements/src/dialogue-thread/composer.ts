import { TEXT_RULES, textProblem } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ChosenFile } from './attachments.js';

/** A message on its way: shown in the thread until the server has it, or with a retry when sending failed. */
export interface PendingMessage {
  clientKey: string;
  body: string;
  /** The files to go with it, and the ids of those uploaded already: a retry uploads only the rest. */
  files: readonly ChosenFile[];
  uploaded: Readonly<Record<string, string>>;
  failed: boolean;
}

/** Why the draft cannot be sent, in the user's words; empty when it can. */
export function draftProblem(body: string): string {
  switch (textProblem(body, TEXT_RULES.message)) {
    case 'missing':
      return msg('Bitte schreiben Sie eine Nachricht.');
    case 'too_long':
      return msg(str`Eine Nachricht hat höchstens ${TEXT_RULES.message.max} Zeichen.`);
    default:
      return '';
  }
}

export interface ComposerOptions {
  draft: string;
  problem: string;
  pending: readonly PendingMessage[];
  onInput: (text: string) => void;
  onSend: (event: Event) => void;
  onRetry: (pending: PendingMessage) => void;
  onDiscard: (pending: PendingMessage) => void;
  /** The file field, inside the form before the send button. */
  filePicker: TemplateResult;
}

function renderPending(options: ComposerOptions) {
  if (options.pending.length === 0) return nothing;
  return html`<ul class="pending">
    ${options.pending.map(
      (pending) => html`<li class=${pending.failed ? 'failed' : ''}>
        <p class="body">${pending.body}</p>
        ${pending.files.length > 0 ? html`<p class="meta">${pending.files.map(({ file }) => file.name).join(', ')}</p>` : nothing}
        ${
          pending.failed
            ? html`<p class="field-error">${msg('Nicht gesendet.')}</p>
              <div class="actions">
                <button type="button" class="retry" @click=${() => options.onRetry(pending)}>
                  ${msg('Erneut senden')}
                </button>
                <button type="button" @click=${() => options.onDiscard(pending)}>${msg('Verwerfen')}</button>
              </div>`
            : html`<p class="meta" aria-busy="true">${msg('Wird gesendet …')}</p>`
        }
      </li>`,
    )}
  </ul>`;
}

/** The field to write in; Ctrl+Enter (⌘+Enter) sends, as in most chats, while Enter starts a new line. */
export function renderComposer(options: ComposerOptions) {
  return html`${renderPending(options)}
    <form class="composer" @submit=${options.onSend} novalidate>
      <label for="composer">${msg('Ihre Nachricht')}</label>
      <textarea
        id="composer"
        rows="3"
        maxlength=${TEXT_RULES.message.max}
        aria-describedby="composer-hint${options.problem ? ' composer-error' : ''}"
        aria-invalid=${options.problem ? 'true' : 'false'}
        .value=${options.draft}
        @input=${(event: Event) => options.onInput((event.target as HTMLTextAreaElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            (event.target as HTMLTextAreaElement).form?.requestSubmit();
          }
        }}
      ></textarea>
      <p id="composer-hint" class="hint">${msg('Mit Strg+Enter senden.')}</p>
      ${options.problem ? html`<p id="composer-error" class="field-error">${options.problem}</p>` : nothing}
      ${options.filePicker}
      <button type="submit" class="primary send">${msg('Senden')}</button>
    </form>`;
}

export const composerStyles = css`
  .pending {
    list-style: none;
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0;
  }
  .pending li {
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px dashed var(--_line);
    border-radius: var(--_radius);
    margin-left: auto;
    max-width: min(40rem, 100%);
  }
  .pending li.failed {
    border-color: var(--_danger);
  }
  .composer {
    margin-top: var(--_space);
  }
  .composer .hint {
    margin: 0.2rem 0 calc(var(--_space) / 2);
  }
`;
