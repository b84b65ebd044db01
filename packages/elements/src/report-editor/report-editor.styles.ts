import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { weekContentStyles } from '../shared/week-content.js';
import { weekDialogueStyles } from '../shared/week-dialogue.js';
import { weekOverviewStyles } from './week-overview.styles.js';

export const reportEditorStyles = [
  baseStyles,
  weekContentStyles,
  weekDialogueStyles,
  weekOverviewStyles,
  css`
    section {
      container-type: inline-size;
    }
    .week-nav {
      display: grid;
      grid-template-columns: auto 1fr auto;
      grid-template-areas: 'previous label next';
      align-items: center;
      gap: calc(var(--_space) / 2);
      margin-bottom: var(--_space);
    }
    .week-nav > :first-child {
      grid-area: previous;
    }
    .week-nav > :last-child {
      grid-area: next;
    }
    .week-label {
      grid-area: label;
      display: flex;
      flex-direction: column;
      align-items: center;
      margin: 0;
      text-align: center;
    }
    /* On a phone the week comes first and both buttons share the row below it. */
    @container (max-width: 30rem) {
      .week-nav {
        grid-template-columns: 1fr 1fr;
        grid-template-areas: 'label label' 'previous next';
      }
      .week-nav button {
        align-self: stretch;
        padding-inline: 0.5rem;
      }
    }
    fieldset {
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      padding: calc(var(--_space) / 2) var(--_space) var(--_space);
      margin: 0 0 var(--_space);
      min-width: 0;
    }
    legend {
      font-weight: 700;
      padding: 0 0.35rem;
      margin-left: -0.35rem;
    }
    fieldset.day > .field:first-of-type {
      margin-top: calc(var(--_space) / 2);
    }
    fieldset.entry {
      background: var(--_surface);
      padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75) calc(var(--_space) * 0.75);
    }
    fieldset.entry legend {
      font-weight: 600;
    }
    fieldset.entry .field:last-of-type {
      margin-bottom: calc(var(--_space) / 2);
    }
    .entry-grid {
      display: grid;
      gap: 0 var(--_space);
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    }
    .reason {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0.25rem 0 0;
    }
    details {
      margin-bottom: var(--_space);
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      padding: 0.6rem 0;
    }
    .actions {
      position: sticky;
      bottom: 0;
      padding: calc(var(--_space) / 2) 0;
      background: var(--_bg);
    }
  `,
];
