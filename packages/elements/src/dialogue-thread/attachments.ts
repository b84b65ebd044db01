import { FILE_LIMITS, type MessageFileView, mediaTypeOf } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { formatSize } from '../shared/files.js';

/** A file chosen for the next message. */
export interface ChosenFile {
  key: string;
  file: File;
}

/**
 * The files that may go with the next message, and why the others may not: the same rules the server applies (its
 * type by its first bytes, at most the default size, at most a few files), checked before anything is uploaded.
 */
export async function chooseFiles(
  already: readonly ChosenFile[],
  picked: readonly File[],
): Promise<{ chosen: ChosenFile[]; problems: string[] }> {
  const chosen = [...already];
  const problems: string[] = [];
  for (const file of picked) {
    if (chosen.length >= FILE_LIMITS.perMessage) {
      problems.push(msg(str`Höchstens ${FILE_LIMITS.perMessage} Dateien je Nachricht.`));
      break;
    }
    if (file.size > FILE_LIMITS.maxBytes) {
      problems.push(msg(str`${file.name}: Die Datei ist zu groß.`));
      continue;
    }
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    if (mediaTypeOf(head) === null) {
      problems.push(
        msg(str`${file.name}: Nur PDF-, PNG- und JPEG-Dateien können angehängt werden.`),
      );
      continue;
    }
    chosen.push({ key: crypto.randomUUID(), file });
  }
  return { chosen, problems };
}

export interface FilePickerOptions {
  chosen: readonly ChosenFile[];
  problems: readonly string[];
  onPick: (files: File[]) => void;
  onRemove: (key: string) => void;
}

/** The file field of the composer and the files chosen so far, each with a button to take it off again. */
export function renderFilePicker(options: FilePickerOptions) {
  return html`<div class="field files">
    <label for="composer-files">${msg('Dateien anhängen (PDF, PNG, JPEG)')}</label>
    <input
      id="composer-files"
      type="file"
      multiple
      accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
      aria-describedby=${options.problems.length > 0 ? 'composer-files-error' : nothing}
      @change=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        options.onPick([...(input.files ?? [])]);
        input.value = '';
      }}
    />
    ${
      options.problems.length > 0
        ? html`<div id="composer-files-error" class="field-error">
            ${options.problems.map((problem) => html`<p>${problem}</p>`)}
          </div>`
        : nothing
    }
    ${
      options.chosen.length > 0
        ? html`<ul class="chosen-files">
            ${options.chosen.map(
              ({ key, file }) => html`<li>
                <span>${file.name} (${formatSize(file.size)})</span>
                <button type="button" @click=${() => options.onRemove(key)}
                  aria-label=${msg(str`Anhang entfernen: ${file.name}`)}>${msg('Entfernen')}</button>
              </li>`,
            )}
          </ul>`
        : nothing
    }
  </div>`;
}

/** A message's files, each a button that downloads it. */
export function renderAttachments(
  files: readonly MessageFileView[],
  onDownload: (file: MessageFileView) => void,
) {
  if (files.length === 0) return nothing;
  return html`<ul class="attachments">
    ${files.map(
      (file) => html`<li>
        <button type="button" class="link" @click=${() => onDownload(file)}
          aria-label=${msg(str`Anhang herunterladen: ${file.fileName}`)}>
          ${file.fileName} (${formatSize(file.sizeBytes)})
        </button>
      </li>`,
    )}
  </ul>`;
}

export const attachmentStyles = css`
  .attachments,
  .chosen-files {
    list-style: none;
    margin: 0.25rem 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .chosen-files li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  button.link {
    border: none;
    padding: 0.25rem 0;
    min-height: 2.75rem;
    text-decoration: underline;
    text-align: left;
    overflow-wrap: anywhere;
  }
  input[type='file'] {
    padding: 0.35rem;
  }
`;
