import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';

export interface WeekDialogueOptions {
  week: { id: string; apprenticeshipId: string };
  open: boolean;
  onToggle: (open: boolean) => void;
}

/**
 * The link from a week to its conversation, in the editor and in the review: a disclosure that shows the week's
 * `<bh-dialogue-thread>` while it is open, so that a closed one loads and follows nothing.
 */
export function renderWeekDialogue(options: WeekDialogueOptions): TemplateResult {
  return html`<details
    class="week-dialogue"
    ?open=${options.open}
    @toggle=${(event: Event) => options.onToggle((event.target as HTMLDetailsElement).open)}
  >
    <summary>${msg('Nachrichten zu dieser Woche')}</summary>
    ${
      options.open
        ? html`<bh-dialogue-thread
            heading-level="4"
            apprenticeship-id=${options.week.apprenticeshipId}
            week-id=${options.week.id}
          ></bh-dialogue-thread>`
        : nothing
    }
  </details>`;
}

export const weekDialogueStyles = css`
  .week-dialogue {
    margin-top: var(--_space);
    border-top: 1px solid var(--_line);
    padding-top: calc(var(--_space) / 2);
  }
  .week-dialogue > summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 2.75rem;
    display: flex;
    align-items: center;
  }
`;
