import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { weekContentStyles } from '../shared/week-content.js';

export const reportEditorStyles = [
  baseStyles,
  weekContentStyles,
  css`
    section {
      padding: var(--_space);
    }
    .meta {
      color: var(--_muted);
    }
    .week-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_space) / 2);
      margin-bottom: var(--_space);
    }
    .week-label {
      display: flex;
      flex-direction: column;
      align-items: center;
      margin: 0;
      flex: 1 1 10rem;
      text-align: center;
    }
    fieldset {
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      padding: var(--_space);
      margin: 0 0 var(--_space);
      min-width: 0;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    fieldset.entry {
      background: var(--_surface);
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
