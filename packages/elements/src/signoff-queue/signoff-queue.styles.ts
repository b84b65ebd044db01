import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { weekContentStyles } from '../shared/week-content.js';

export const signoffQueueStyles = [
  baseStyles,
  weekContentStyles,
  css`
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
    .actions {
      margin: var(--_space) 0;
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
    .bulk-result ul {
      margin: 0 0 var(--_space);
      padding-left: 1.25rem;
    }
    .return {
      border-top: 1px solid var(--_line);
      padding-top: var(--_space);
    }
    h2[tabindex],
    h3[tabindex] {
      outline-offset: 4px;
    }
  `,
];
