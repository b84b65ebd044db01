import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const recordExportStyles = [
  baseStyles,
  css`
    .subtitle {
      font-size: 1.1rem;
      font-weight: 700;
      margin: 0 0 calc(var(--_space) / 2);
    }
    .part {
      padding-block: var(--_space);
      border-top: 1px solid color-mix(in srgb, var(--_fg) 15%, var(--_bg));
    }
    .part:first-of-type {
      border-top: none;
      padding-top: 0;
    }
    .field select {
      max-width: 32rem;
    }
    .progress {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2);
      margin-block: calc(var(--_space) / 2);
    }
    .progress progress {
      inline-size: min(14rem, 100%);
      accent-color: var(--_accent);
    }
    .confirm {
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      padding: var(--_space);
    }
    input[type='file'] {
      min-height: auto;
    }
  `,
];
