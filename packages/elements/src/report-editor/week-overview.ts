import type { BerichtsheftApi } from '@berichtsheft/client';
import {
  addDays,
  type IsoWeek,
  isoWeekOf,
  mondayOf,
  type WeekStatus,
  type WeekSummaryView,
  weekOverlaps,
} from '@berichtsheft/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { shiftWeek } from '../shared/format.js';
import { statusLabel } from '../shared/labels.js';
import { LoadTask } from '../shared/load-task.js';

/** A week in the overview: its report's status, or why there is none yet. */
export type OverviewStatus = WeekStatus | 'missing' | 'not_started';

export interface OverviewWeek extends IsoWeek {
  status: OverviewStatus;
}

/** How many weeks up to the current one the overview shows. */
export const OVERVIEW_WEEKS = 8;

/** Older weeks that still wait for the apprentice are listed too, however far back they are. */
const NEEDS_APPRENTICE: readonly WeekStatus[] = ['returned', 'draft'];

const sameWeek = (a: IsoWeek, b: IsoWeek) => a.isoYear === b.isoYear && a.isoWeek === b.isoWeek;
const newestFirst = (a: IsoWeek, b: IsoWeek) => b.isoYear - a.isoYear || b.isoWeek - a.isoWeek;

/**
 * The weeks to list, newest first: the last `count` ISO weeks up to today (or up to the end of the apprenticeship,
 * if that is earlier) that overlap the apprenticeship, plus older weeks that are still a draft or were returned.
 * A week without a report is `missing` once it is over, and `not_started` while it is still running.
 */
export function overviewWeeks(
  summaries: readonly WeekSummaryView[],
  period: { today: string; startDate: string; endDate: string },
  count: number = OVERVIEW_WEEKS,
): OverviewWeek[] {
  const { today, startDate, endDate } = period;
  if (today < startDate) return [];
  const window: IsoWeek[] = [];
  let week = isoWeekOf(today < endDate ? today : endDate);
  while (window.length < count && weekOverlaps(week, startDate, endDate)) {
    window.push(week);
    week = shiftWeek(week, -1);
  }
  const oldest = window.at(-1);
  const inWindow = window.map((w): OverviewWeek => {
    const summary = summaries.find((s) => sameWeek(s, w));
    if (summary) return { ...w, status: summary.status };
    const over = addDays(mondayOf(w), 6) < today;
    return { ...w, status: over ? 'missing' : 'not_started' };
  });
  const olderOpen = summaries
    .filter((s) => NEEDS_APPRENTICE.includes(s.status) && oldest && newestFirst(s, oldest) > 0)
    .map((s): OverviewWeek => ({ isoYear: s.isoYear, isoWeek: s.isoWeek, status: s.status }));
  return [...inWindow, ...olderOpen].sort(newestFirst);
}

export function overviewStatusLabel(status: OverviewStatus): string {
  switch (status) {
    case 'missing':
      return msg('Fehlt');
    case 'not_started':
      return msg('Noch nicht angelegt');
    default:
      return statusLabel(status);
  }
}

type SummariesLoad = (signal: AbortSignal) => Promise<WeekSummaryView[]>;

/**
 * The week summaries of one apprenticeship for the overview. They come with the editor's page load, or are loaded
 * again after a change; the last answer stays while a refresh runs, so the list does not flicker after every save.
 */
export class WeekOverviewController {
  /** `null` until the first answer for `apprenticeshipId` arrived. */
  summaries: WeekSummaryView[] | null = null;
  apprenticeshipId: string | null = null;
  readonly #task: LoadTask<[apprenticeshipId: string, load: SummariesLoad], WeekSummaryView[]>;

  constructor(host: ReactiveControllerHost) {
    this.#task = new LoadTask(host, {
      autoRun: false,
      task: ([, load], { signal }) => load(signal),
      onComplete: (summaries) => {
        this.summaries = summaries;
      },
    });
  }

  get failed(): boolean {
    return this.#task.state === 'failed';
  }

  /** Shows the summaries `load` brings; an earlier load still running is cancelled and its answer dropped. */
  show(apprenticeshipId: string, load: SummariesLoad): void {
    if (apprenticeshipId !== this.apprenticeshipId) {
      this.apprenticeshipId = apprenticeshipId;
      this.summaries = null;
    }
    void this.#task.run([apprenticeshipId, load]);
  }

  /** Loads the summaries of the apprenticeship again, e.g. after the week changed. */
  refresh(api: BerichtsheftApi, companyId: string, apprenticeshipId: string): void {
    this.show(apprenticeshipId, (signal) =>
      api.listWeeks({ companyId, apprenticeshipId }, { signal }),
    );
  }
}

export interface WeekOverviewOptions {
  weeks: readonly OverviewWeek[] | null;
  failed: boolean;
  open: IsoWeek;
  onOpen: (week: IsoWeek) => void;
  onRetry: () => void;
}

function weekName(week: IsoWeek, newestYear: number | undefined) {
  return week.isoYear === newestYear
    ? msg(str`KW ${week.isoWeek}`)
    : msg(str`KW ${week.isoWeek}/${week.isoYear}`);
}

/** The recent weeks as buttons that open them; the open week carries `aria-current`. */
export function renderWeekOverview(options: WeekOverviewOptions) {
  const { weeks, failed, open } = options;
  let body: unknown;
  if (failed && !weeks) {
    body = html`<p class="hint">${msg('Die Wochenübersicht konnte nicht geladen werden.')}</p>
      <button type="button" @click=${options.onRetry}>${msg('Übersicht erneut laden')}</button>`;
  } else if (!weeks) {
    body = html`<p class="hint" aria-busy="true">${msg('Wochenübersicht wird geladen …')}</p>`;
  } else if (weeks.length === 0) {
    body = html`<p class="hint">${msg('Noch keine Wochen in der Ausbildungszeit.')}</p>`;
  } else {
    const newestYear = weeks[0]?.isoYear;
    body = html`<ul class="overview-list">
      ${repeat(
        weeks,
        (week) => `${week.isoYear}-${week.isoWeek}`,
        (week) =>
          html`<li>
            <button
              type="button"
              class="overview-week"
              data-status=${week.status}
              aria-current=${sameWeek(week, open) ? 'true' : nothing}
              @click=${() => options.onOpen({ isoYear: week.isoYear, isoWeek: week.isoWeek })}
            >
              <span class="overview-name">${weekName(week, newestYear)}</span>
              <span class="overview-status">${overviewStatusLabel(week.status)}</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }
  return html`<nav class="overview" aria-labelledby="overview-title">
    <h3 id="overview-title">${msg('Wochenübersicht')}</h3>
    ${body}
  </nav>`;
}
