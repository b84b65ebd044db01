import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { attachmentStyles } from './attachments.js';
import { composerStyles } from './composer.js';
import { messageListStyles } from './message-list.js';

export const dialogueThreadStyles = [
  baseStyles,
  messageListStyles,
  composerStyles,
  attachmentStyles,
  css`
    .scroller {
      max-height: min(32rem, 70vh);
      overflow-y: auto;
      padding: 2px;
      overscroll-behavior: contain;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
      margin-top: 0.25rem;
    }
    .empty {
      color: var(--_muted);
    }
    @media (prefers-reduced-motion: no-preference) {
      .scroller {
        scroll-behavior: smooth;
      }
    }
  `,
];
