import { css } from 'lit';

/**
 * The design tokens a host may set (`--bh-accent`, `--bh-foreground`, `--bh-background`, `--bh-radius`, `--bh-space`,
 * `--bh-font-family`), resolved once on `:host` with fallbacks that meet WCAG AA contrast, plus the controls every
 * element shares. No fonts or images are loaded from anywhere.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--bh-accent, #0b5cad);
    --_on-accent: #ffffff;
    --_fg: var(--bh-foreground, #1b1f24);
    --_bg: var(--bh-background, #ffffff);
    --_muted: color-mix(in srgb, var(--_fg) 72%, var(--_bg));
    --_line: color-mix(in srgb, var(--_fg) 60%, var(--_bg));
    --_surface: color-mix(in srgb, var(--_fg) 4%, var(--_bg));
    --_danger: #b3261e;
    --_radius: var(--bh-radius, 6px);
    --_space: var(--bh-space, 0.75rem);
    display: block;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--bh-font-family, system-ui, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 calc(var(--_space) / 2);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  /* The heading of an element whose level the host sets (heading-level): a div with role="heading". */
  .title {
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) / 2);
  }
  h3 {
    font-size: 1.1rem;
  }
  h4 {
    font-size: 1rem;
  }
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  /* The frame of every element, and the muted line under a heading that says what it is about. */
  section {
    padding: var(--_space);
  }
  .meta {
    color: var(--_muted);
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 0.45rem 0.6rem;
    min-height: 2.75rem;
    width: 100%;
    max-width: 100%;
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.2rem;
  }
  .field {
    margin-bottom: var(--_space);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9rem;
    margin-top: 0.2rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .status {
    display: inline-block;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.9rem;
    font-weight: 600;
  }
  .status[data-status='approved'] {
    color: #1d6b2c;
  }
  .status[data-status='returned'] {
    color: var(--_danger);
  }
  .notice {
    padding: var(--_space);
    border-radius: var(--_radius);
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
    margin-bottom: var(--_space);
  }
  .notice.error {
    border-left-color: var(--_danger);
  }
  .live:empty {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
