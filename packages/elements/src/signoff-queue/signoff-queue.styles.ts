import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { weekContentStyles } from '../shared/week-content.js';
import { weekDialogueStyles } from '../shared/week-dialogue.js';
import { queueListStyles } from './queue-list.js';
import { weekReviewStyles } from './week-review.js';

export const signoffQueueStyles = [
  baseStyles,
  weekContentStyles,
  weekDialogueStyles,
  queueListStyles,
  weekReviewStyles,
  css`
    .bulk-result ul {
      margin: 0 0 var(--_space);
      padding-left: 1.25rem;
    }
    h2[tabindex],
    h3[tabindex] {
      outline-offset: 4px;
    }
  `,
];
