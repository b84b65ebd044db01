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
