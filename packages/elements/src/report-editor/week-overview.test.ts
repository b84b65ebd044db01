import { ApiError, type BerichtsheftApi } from '@berichtsheft/client';
import type { IsoWeek, WeekStatus, WeekSummaryView } from '@berichtsheft/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/bh-report-editor.js';
import type { BhReportSubmittedEvent } from '../events.js';
import { currentWeek, formatWeekParam, shiftWeek } from '../shared/format.js';
import {
  buttonNamed,
  query,
  textOf,
  typeInto,
  waitForText,
  withSample,
} from '../testing/fixtures.js';
import { createSample, type Sample } from '../testing/playground.js';
import type { BhReportEditor } from './report-editor.js';
import { type OverviewWeek, overviewWeeks, renderWeekOverview } from './week-overview.js';

function summary(isoYear: number, isoWeek: number, status: WeekStatus): WeekSummaryView {
  return {
    id: `${isoYear}-${isoWeek}`,
    apprenticeshipId: 'aaaaaaaa-0000-4000-8000-000000000001',
    isoYear,
    isoWeek,
    weekStart: '',
    trainingYear: 1,
    status,
    version: 1,
  };
}

const brief = (weeks: OverviewWeek[]) => weeks.map((w) => `${formatWeekParam(w)} ${w.status}`);

const period = { startDate: '2025-08-01', endDate: '2028-07-31' };

describe('overviewWeeks', () => {
  it('lists the last eight weeks newest first, with gaps as missing and the running week as not started', () => {
    // 2026-11-25 is the Wednesday of 2026-W48.
    const weeks = overviewWeeks(
      [
        summary(2026, 47, 'submitted'),
        summary(2026, 45, 'returned'),
        summary(2026, 41, 'approved'),
      ],
      { ...period, today: '2026-11-25' },
    );
    expect(brief(weeks)).to.deep.equal([
      '2026-W48 not_started',
      '2026-W47 submitted',
      '2026-W46 missing',
      '2026-W45 returned',
      '2026-W44 missing',
      '2026-W43 missing',
      '2026-W42 missing',
      '2026-W41 approved',
    ]);
  });

  it('counts a week as missing only once it is over', () => {
    expect(brief(overviewWeeks([], { ...period, today: '2026-11-29' }, 2))).to.deep.equal([
      '2026-W48 not_started',
      '2026-W47 missing',
    ]);
    expect(brief(overviewWeeks([], { ...period, today: '2026-11-30' }, 2))).to.deep.equal([
      '2026-W49 not_started',
      '2026-W48 missing',
    ]);
  });

  it('stays within the apprenticeship', () => {
    // The apprenticeship started on Friday of 2025-W31; it ended on Monday of 2028-W31.
    expect(brief(overviewWeeks([], { ...period, today: '2025-08-12' }))).to.deep.equal([
      '2025-W33 not_started',
      '2025-W32 missing',
      '2025-W31 missing',
    ]);
    expect(overviewWeeks([], { ...period, today: '2025-07-31' })).to.deep.equal([]);
    const afterEnd = overviewWeeks([summary(2028, 31, 'approved')], {
      ...period,
      today: '2029-01-10',
    });
    expect(brief(afterEnd).slice(0, 2)).to.deep.equal(['2028-W31 approved', '2028-W30 missing']);
    expect(afterEnd).to.have.length(8);
  });

  it('also lists older weeks that are still a draft or were returned, but no older done weeks', () => {
    const weeks = overviewWeeks(
      [
        summary(2026, 30, 'draft'),
        summary(2026, 20, 'approved'),
        summary(2026, 12, 'returned'),
        summary(2025, 50, 'submitted'),
      ],
      { ...period, today: '2026-11-25' },
    );
    expect(brief(weeks).slice(8)).to.deep.equal(['2026-W30 draft', '2026-W12 returned']);
  });

  it('crosses the turn of the year, with its 53rd week', () => {
    const weeks = overviewWeeks(
      [summary(2026, 53, 'draft')],
      { ...period, today: '2027-01-06' },
      3,
    );
    expect(brief(weeks)).to.deep.equal([
      '2027-W01 not_started',
      '2026-W53 draft',
      '2026-W52 missing',
    ]);
  });
});

describe('renderWeekOverview', () => {
  it('names the year only for weeks of an earlier year than the newest', async () => {
    const el = await fixture(
      html`<div>${renderWeekOverview({
        weeks: [
          { isoYear: 2027, isoWeek: 1, status: 'draft' },
          { isoYear: 2026, isoWeek: 53, status: 'missing' },
        ],
        failed: false,
        open: { isoYear: 2027, isoWeek: 1 },
        onOpen: () => {},
        onRetry: () => {},
      })}</div>`,
    );
    const names = [...el.querySelectorAll('.overview-name')].map((n) => n.textContent);
    expect(names).to.deep.equal(['KW 1', 'KW 53/2026']);
    expect(el.querySelector('[aria-current]')?.textContent).to.include('KW 1');
  });
});

/** The sample weeks fall on the current week and the three before, so the tests do not depend on the date. */
async function editorNow(
  options: { sample?: Sample; api?: BerichtsheftApi; week?: IsoWeek; lang?: string } = {},
) {
  return withSample<BhReportEditor>(
    options.week
      ? html`<bh-report-editor week=${formatWeekParam(options.week)}></bh-report-editor>`
      : html`<bh-report-editor></bh-report-editor>`,
    { ...options, person: 'anna', sample: options.sample ?? (await createSample(currentWeek())) },
  );
}

const back = (weeks: number): IsoWeek => {
  let week = currentWeek();
  for (let i = 0; i < weeks; i += 1) week = shiftWeek(week, -1);
  return week;
};

function overviewButtons(element: Element): HTMLButtonElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>('.overview-week') ?? [])];
}

function overviewButton(element: Element, week: IsoWeek): HTMLButtonElement {
  const label = `KW ${week.isoWeek}`;
  const button = overviewButtons(element).find(
    (b) => b.querySelector('.overview-name')?.textContent?.trim().split('/')[0] === label,
  );
  if (!button) throw new Error(`No overview button for ${formatWeekParam(week)}`);
  return button;
}

const statusOf = (button: HTMLButtonElement) =>
  button.querySelector('.overview-status')?.textContent?.trim();

function untilOverview(element: Element): Promise<void> {
  return waitUntil(() => overviewButtons(element).length > 0, 'the overview did not appear', {
    timeout: 3000,
  });
}

describe('<bh-report-editor> week overview', () => {
  it('lists the recent weeks with their status, the missing ones, and marks the open week', async () => {
    const { element } = await editorNow();
    await untilOverview(element);
    const buttons = overviewButtons(element);
    expect(buttons).to.have.length(8);
    expect(buttons.map(statusOf)).to.deep.equal([
      'Entwurf',
      'Eingereicht',
      'Abgezeichnet',
      'Zur Überarbeitung',
      'Fehlt',
      'Fehlt',
      'Fehlt',
      'Fehlt',
    ]);
    expect(buttons[0]?.getAttribute('aria-current')).to.equal('true');
    expect(buttons.filter((b) => b.hasAttribute('aria-current'))).to.have.length(1);
    expect(buttons[3]?.dataset.status).to.equal('returned');
    expect(query(element, 'nav.overview').getAttribute('aria-labelledby')).to.equal(
      'overview-title',
    );
    await expect(element).to.be.accessible();
  });

  it('opens a week chosen in the overview and marks it as open', async () => {
    const { element } = await editorNow();
    await untilOverview(element);
    const returned = back(3);
    overviewButton(element, returned).click();
    await waitForText(element, 'Zur Überarbeitung zurückgegeben:');
    expect(element.week).to.equal(formatWeekParam(returned));
    expect(textOf(element)).to.include(`KW ${returned.isoWeek}/${returned.isoYear}`);
    expect(query(element, '.reason').textContent).to.include('Themen der Berufsschule');
    expect(overviewButton(element, returned).getAttribute('aria-current')).to.equal('true');
    expect(overviewButton(element, currentWeek()).hasAttribute('aria-current')).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('opens a missing week without creating it, and creates the draft on the first change', async () => {
    const { element, sample } = await editorNow();
    await untilOverview(element);
    const missing = back(5);
    const stored = () =>
      sample.directAs('anna').findWeek({ companyId: sample.companyId, ...missing });
    expect(statusOf(overviewButton(element, missing))).to.equal('Fehlt');
    overviewButton(element, missing).click();
    await waitForText(element, `KW ${missing.isoWeek}/${missing.isoYear}`);
    expect(query(element, '.status').textContent).to.equal('Noch nicht angelegt');
    expect(query<HTMLInputElement>(element, '#department').value).to.equal('');
    expect(await stored(), 'looking at a week writes nothing').to.equal(null);
    expect(statusOf(overviewButton(element, missing))).to.equal('Fehlt');
    await expect(element).to.be.accessible();

    typeInto(query(element, '#department'), 'Lager');
    await waitUntil(() => statusOf(overviewButton(element, missing)) === 'Entwurf', 'no draft');
    expect(await stored()).not.to.equal(null);
    expect(query(element, '.status').textContent).to.equal('Entwurf');
    expect(query<HTMLInputElement>(element, '#department').value).to.equal('Lager');
    expect(textOf(element)).to.include('Ungespeicherte Änderungen');
    buttonNamed(element, 'Speichern').click();
    await waitForText(element, 'Gespeichert.');
    expect((await stored())?.department).to.equal('Lager');
  });

  it('saves unsaved edits before opening another week from the overview', async () => {
    const { element, sample } = await editorNow();
    await untilOverview(element);
    typeInto(query(element, '#department'), 'Qualitätssicherung');
    overviewButton(element, back(1)).click();
    await waitForText(element, 'Diese Woche kann in ihrem Status nicht bearbeitet werden.');
    expect((await sample.read('anna', sample.weeks.annaDraft)).department).to.equal(
      'Qualitätssicherung',
    );
  });

  it('follows submit and withdraw', async () => {
    const { element } = await editorNow();
    await untilOverview(element);
    setTimeout(() => buttonNamed(element, 'Einreichen').click());
    (await oneEvent(element, 'bh-report-submitted')) as BhReportSubmittedEvent;
    await waitUntil(
      () => statusOf(overviewButton(element, currentWeek())) === 'Eingereicht',
      'the overview did not follow the submit',
    );
    buttonNamed(element, 'Zurückziehen').click();
    await waitUntil(
      () => statusOf(overviewButton(element, currentWeek())) === 'Entwurf',
      'the overview did not follow the withdraw',
    );
  });

  it('opens a week with the keyboard and keeps the focus on the chosen week', async () => {
    const { element } = await editorNow();
    await untilOverview(element);
    const approved = back(2);
    overviewButton(element, back(1)).focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot?.activeElement).to.equal(overviewButton(element, approved));
    await sendKeys({ press: 'Enter' });
    await waitForText(element, 'Abgezeichnet von Tom Becker');
    expect(element.shadowRoot?.activeElement).to.equal(overviewButton(element, approved));
    expect(overviewButton(element, approved).getAttribute('aria-current')).to.equal('true');
  });

  it('is accessible while loading and when it could not be loaded, and can be retried', async () => {
    const sample = await createSample(currentWeek());
    const api = sample.apiAs('anna');
    let answer: (() => void) | null = null;
    let fail = true;
    const flaky: BerichtsheftApi = {
      ...api,
      listWeeks: (input) =>
        new Promise((resolve, reject) => {
          answer = () =>
            fail
              ? reject(new ApiError('SERVICE_UNAVAILABLE', 'unavailable'))
              : resolve(api.listWeeks(input));
        }),
    };
    const { element } = await editorNow({ sample, api: flaky });
    await waitForText(element, 'Wochenübersicht wird geladen');
    await expect(element).to.be.accessible();
    (answer as (() => void) | null)?.();
    await waitForText(element, 'Die Wochenübersicht konnte nicht geladen werden.');
    expect(query(element, '.status').textContent).to.equal('Entwurf');
    await expect(element).to.be.accessible();
    fail = false;
    buttonNamed(element, 'Übersicht erneut laden').click();
    await waitUntil(() => answer !== null);
    (answer as (() => void) | null)?.();
    await untilOverview(element);
  });

  it('speaks English through the provider', async () => {
    const { element } = await editorNow({ lang: 'en' });
    await untilOverview(element);
    // The English strings load as a module of their own; the elements re-render once it has arrived.
    await waitForText(element, 'Week overview');
    expect(overviewButtons(element).map(statusOf)).to.include.members([
      'Draft',
      'Returned for revision',
      'Missing',
    ]);
    expect(overviewButtons(element)[0]?.textContent).to.include(`Week ${currentWeek().isoWeek}`);
  });

  it('wraps on a 360 px screen and shows the focus ring in full', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const { element } = await editorNow();
      await untilOverview(element);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      const list = query(element, '.overview-list');
      expect(list.scrollWidth).to.be.at.most(list.clientWidth);
      const button = overviewButton(element, back(3));
      button.focus();
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot?.activeElement).to.equal(button);
      const style = getComputedStyle(button);
      expect(style.outlineStyle).to.equal('solid');
      expect(style.outlineWidth).to.equal('3px');
      const box = button.getBoundingClientRect();
      expect(box.left).to.be.at.least(5);
      expect(box.right).to.be.at.most(355);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
