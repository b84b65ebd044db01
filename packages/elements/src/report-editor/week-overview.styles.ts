import { css } from 'lit';

/**
 * The week overview: a grid of small buttons that wraps on a phone. Returned weeks carry the danger colour and a
 * heavier border, missing ones a dashed border; the open week is filled with the accent colour.
 */
export const weekOverviewStyles = css`
  .overview {
    margin-bottom: var(--_space);
  }
  .overview-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.75rem, 1fr));
    gap: calc(var(--_space) / 2);
  }
  .overview-week {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    justify-content: center;
    width: 100%;
    height: 100%;
    min-height: 2.75rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_line);
    background: var(--_bg);
    color: var(--_fg);
    text-align: left;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .overview-name {
    font-weight: 700;
  }
  .overview-status {
    font-size: 0.85rem;
  }
  .overview-week[data-status='approved'] .overview-status {
    color: #1d6b2c;
  }
  .overview-week[data-status='missing'] {
    border-style: dashed;
    border-color: var(--_fg);
  }
  .overview-week[data-status='returned'] {
    border: 2px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_bg));
    color: var(--_danger);
  }
  .overview-week[data-status='returned'] .overview-status {
    font-weight: 700;
  }
  .overview-week[aria-current='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .overview-week[aria-current='true'] .overview-status {
    color: inherit;
  }
`;
