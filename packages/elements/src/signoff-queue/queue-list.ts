import type { QueueItemView } from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { css, html, type TemplateResult } from 'lit';
import { formatDate, formatMinutes } from '../shared/format.js';
import { statusLabel } from '../shared/labels.js';

/** "Anna Schmidt, KW 48/2026": how the queue names a week, in the list, in the review and in announcements. */
export function weekName(item: {
  apprenticeName: string;
  isoWeek: number;
  isoYear: number;
}): string {
  return msg(str`${item.apprenticeName}, KW ${item.isoWeek}/${item.isoYear}`);
}

/** The selection after the queue was loaded again: only weeks that still wait stay selected. */
export function selectionAfterReload(
  items: readonly QueueItemView[],
  selected: ReadonlySet<string>,
): ReadonlySet<string> {
  return new Set(items.map((item) => item.weekId).filter((weekId) => selected.has(weekId)));
}

export function withSelected(
  selected: ReadonlySet<string>,
  weekId: string,
  on: boolean,
): ReadonlySet<string> {
  const next = new Set(selected);
  if (on) next.add(weekId);
  else next.delete(weekId);
  return next;
}

export interface QueueListOptions {
  items: readonly QueueItemView[];
  /** Ids of the weeks selected for a bulk approval. */
  selected: ReadonlySet<string>;
  busy: boolean;
  onSelect: (weekId: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onApproveSelected: () => void;
  onOpen: (item: QueueItemView) => void;
}

function renderItem(item: QueueItemView, options: QueueListOptions): TemplateResult {
  const checkboxId = `select-${item.weekId}`;
  return html`<li class="item" part="item">
    <div class="check">
      <input type="checkbox" id=${checkboxId} .checked=${options.selected.has(item.weekId)}
        ?disabled=${options.busy}
        @change=${(e: Event) => options.onSelect(item.weekId, (e.target as HTMLInputElement).checked)} />
      <label for=${checkboxId}>${msg(str`Auswählen: ${weekName(item)}`)}</label>
    </div>
    <h3>${item.apprenticeName}</h3>
    <dl>
      <div><dt>${msg('Woche')}</dt><dd>${msg(str`KW ${item.isoWeek}/${item.isoYear}`)} (${formatDate(item.weekStart)})</dd></div>
      <div><dt>${msg('Ausbildungsjahr')}</dt><dd>${item.trainingYear}</dd></div>
      <div><dt>${msg('Stunden gesamt')}</dt><dd>${formatMinutes(item.totalMinutes)}</dd></div>
      <div><dt>${msg('Status')}</dt><dd><span class="status" data-status=${item.status}>${statusLabel(item.status)}</span></dd></div>
    </dl>
    <button type="button" class="open-week" ?disabled=${options.busy}
      aria-label=${msg(str`Bericht öffnen: ${weekName(item)}`)}
      @click=${() => options.onOpen(item)}>${msg('Bericht öffnen')}</button>
  </li>`;
}

/** The weeks waiting for review, each with a checkbox, and the bulk approval of the selected ones. */
export function renderQueueList(options: QueueListOptions): TemplateResult {
  const { items, selected, busy } = options;
  if (items.length === 0) {
    return html`<p>${msg('Zurzeit wartet kein Bericht auf Sie.')}</p>`;
  }
  const count = selected.size;
  const all = count === items.length;
  return html`<div class="bulk row">
      <div class="check">
        <input type="checkbox" id="select-all" .checked=${all} .indeterminate=${count > 0 && !all}
          ?disabled=${busy} @change=${(e: Event) => options.onSelectAll((e.target as HTMLInputElement).checked)} />
        <label for="select-all">${msg('Alle auswählen')}</label>
      </div>
      <button type="button" class="primary approve-selected" ?disabled=${busy || count === 0}
        @click=${options.onApproveSelected}>${msg(str`Ausgewählte abzeichnen (${count})`)}</button>
    </div>
    <ul class="queue">${items.map((item) => renderItem(item, options))}</ul>`;
}

export const queueListStyles = css`
  .queue {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .item {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    gap: calc(var(--_space) / 2);
    margin: 0 0 var(--_space);
  }
  dt {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  dd {
    margin: 0;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: calc(var(--_space) / 2);
  }
  .check input {
    width: 1.5rem;
    min-height: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .check label {
    margin: 0;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
`;
