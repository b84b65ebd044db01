import { expect, fixture, html } from '@open-wc/testing';
import { BhAuthRequiredEvent } from './auth-required.js';
import { BhReportApprovedEvent } from './report-approved.js';
import { BhReportReturnedEvent } from './report-returned.js';
import { BhReportSavedEvent } from './report-saved.js';
import { BhReportSubmittedEvent } from './report-submitted.js';
import { BhReportWithdrawnEvent } from './report-withdrawn.js';
import { BhReportsApprovedEvent } from './reports-approved.js';
import type { WeekEventDetail } from './week-event.js';

const week: WeekEventDetail = {
  weekId: 'w1',
  apprenticeshipId: 'a1',
  isoYear: 2026,
  isoWeek: 48,
  version: 2,
  status: 'submitted',
};

const events = [
  new BhAuthRequiredEvent(),
  new BhReportSavedEvent(week),
  new BhReportSubmittedEvent(week),
  new BhReportWithdrawnEvent(week),
  new BhReportApprovedEvent(week),
  new BhReportReturnedEvent(week),
  new BhReportsApprovedEvent({ approvedWeekIds: ['w1'], reviewedWeekIds: [] }),
];

describe('events', () => {
  it('each class names its own event, and every name is distinct', () => {
    const names = events.map((event) => event.type);
    expect(new Set(names).size).to.equal(events.length);
    for (const event of events) {
      expect(event.type).to.equal((event.constructor as { eventName?: string }).eventName);
      expect(event.type).to.match(/^bh-[a-z-]+$/);
    }
  });

  it('leave the shadow root and reach a listener on the host page', async () => {
    const page = await fixture<HTMLElement>(html`<div><span></span></div>`);
    const inside = (page.querySelector('span') as HTMLElement).attachShadow({ mode: 'open' });
    const origin = document.createElement('button');
    inside.append(origin);
    const heard: string[] = [];
    for (const event of events) page.addEventListener(event.type, () => heard.push(event.type));
    for (const event of events) origin.dispatchEvent(event);
    expect(heard).to.deep.equal(events.map((event) => event.type));
  });

  it('are typed on the event map, so listeners see the detail', async () => {
    const page = await fixture<HTMLElement>(html`<div></div>`);
    let version = 0;
    // Type-checked: `detail` is known from GlobalEventHandlersEventMap without a cast.
    page.addEventListener('bh-report-saved', (event) => {
      version = event.detail.version;
    });
    page.addEventListener('bh-reports-approved', (event) => {
      version += event.detail.approvedWeekIds.length;
    });
    page.dispatchEvent(new BhReportSavedEvent(week));
    page.dispatchEvent(
      new BhReportsApprovedEvent({ approvedWeekIds: ['w1'], reviewedWeekIds: [] }),
    );
    expect(version).to.equal(3);
  });
});
