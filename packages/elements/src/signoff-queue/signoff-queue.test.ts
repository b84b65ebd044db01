import { ApiError, type BerichtsheftApi } from '@berichtsheft/client';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/bh-signoff-queue.js';
import type {
  BhReportApprovedEvent,
  BhReportReturnedEvent,
  BhReportsApprovedEvent,
} from '../events.js';
import {
  buttonNamed,
  query,
  type SampleOptions,
  textOf,
  typeInto,
  waitForText,
  withSample,
} from '../testing/fixtures.js';
import { createSample } from '../testing/playground.js';
import type { BhSignoffQueue } from './signoff-queue.js';

function queue(options: Partial<SampleOptions> = {}) {
  return withSample<BhSignoffQueue>(html`<bh-signoff-queue></bh-signoff-queue>`, {
    ...options,
    person: options.person ?? 'tom',
  });
}

function openButtons(element: BhSignoffQueue): HTMLButtonElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.open-week') ?? [])];
}

function checkbox(element: BhSignoffQueue, id: string): HTMLInputElement {
  return query<HTMLInputElement>(element, `#${CSS.escape(id)}`);
}

function labelOf(element: BhSignoffQueue, input: HTMLInputElement): string {
  return query(element, `label[for="${input.id}"]`).textContent?.trim() ?? '';
}

function bulkButton(element: BhSignoffQueue): HTMLButtonElement {
  return query<HTMLButtonElement>(element, 'button.approve-selected');
}

function click(input: HTMLInputElement): void {
  input.click();
}

describe('<bh-signoff-queue>', () => {
  it('is accessible while loading', async () => {
    const sample = await createSample();
    const release = sample.faults.hold();
    const { element } = await queue({ sample });
    expect(textOf(element)).to.include('Wird geladen');
    await expect(element).to.be.accessible();
    release();
    await waitForText(element, 'Anna Schmidt');
  });

  it('lists the weeks waiting for the trainer', async () => {
    const { element } = await queue();
    await waitForText(element, 'Ben Yılmaz');
    const items = element.shadowRoot?.querySelectorAll('.item') ?? [];
    expect(items).to.have.length(2);
    const anna = textOf(element);
    expect(anna).to.include('KW 47/2026');
    expect(anna).to.include('Eingereicht');
    expect(anna).to.include('13:30');
    expect(openButtons(element)[0]?.getAttribute('aria-label')).to.equal(
      'Bericht öffnen: Anna Schmidt, KW 47/2026',
    );
    await expect(element).to.be.accessible();
  });

  it('opens a week, approves it ("Abzeichnen") and announces the result', async () => {
    const { element, sample } = await queue();
    await waitForText(element, 'Anna Schmidt');
    openButtons(element)[0]?.click();
    await waitForText(element, 'Daily-Stand-up im Team');
    expect(element.shadowRoot?.activeElement?.id).to.equal('detail-title');
    await expect(element).to.be.accessible();
    setTimeout(() => buttonNamed(element, 'Abzeichnen').click());
    const approved = (await oneEvent(element, 'bh-report-approved')) as BhReportApprovedEvent;
    expect(approved.detail).to.include({ weekId: sample.weeks.annaSubmitted, status: 'approved' });
    await waitForText(element, 'Abgezeichnet: Anna Schmidt, KW 47/2026.');
    expect(query(element, '[role=status]').textContent).to.include('Abgezeichnet: Anna Schmidt');
    expect(element.shadowRoot?.querySelectorAll('.item')).to.have.length(1);
    const stored = await sample.read('anna', sample.weeks.annaSubmitted);
    expect(stored.status).to.equal('approved');
    expect(stored.approval?.contentHash).to.match(/^[0-9a-f]{64}$/);
  });

  it('requires a reason to return a week', async () => {
    const { element, sample } = await queue();
    await waitForText(element, 'Ben Yılmaz');
    openButtons(element)[1]?.click();
    await waitForText(element, 'Wartung der Fräsmaschine');
    let returned = false;
    element.addEventListener('bh-report-returned', () => {
      returned = true;
    });
    buttonNamed(element, 'Zur Überarbeitung zurückgeben').click();
    await waitForText(element, 'Bitte geben Sie an, was überarbeitet werden soll.');
    const reason = query<HTMLTextAreaElement>(element, '#reason');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect(reason.getAttribute('aria-describedby')).to.include('reason-error');
    expect(element.shadowRoot?.activeElement).to.equal(reason);
    expect(returned).to.equal(false);
    expect((await sample.read('ben', sample.weeks.benSubmitted)).status).to.equal('submitted');
    await expect(element).to.be.accessible();

    typeInto(reason, 'Bitte die Dauer für Dienstag ergänzen.');
    setTimeout(() => buttonNamed(element, 'Zur Überarbeitung zurückgeben').click());
    const event = (await oneEvent(element, 'bh-report-returned')) as BhReportReturnedEvent;
    expect(event.detail).to.include({ weekId: sample.weeks.benSubmitted, status: 'returned' });
    await waitForText(element, 'Zur Überarbeitung zurückgegeben: Ben Yılmaz, KW 47/2026.');
    expect((await sample.read('ben', sample.weeks.benSubmitted)).returnReason).to.equal(
      'Bitte die Dauer für Dienstag ergänzen.',
    );
  });

  it('cancels the load a new one replaces, and shows no error for it', async () => {
    const sample = await createSample();
    const api = sample.apiAs('tom');
    const signals: (AbortSignal | undefined)[] = [];
    const recording: BerichtsheftApi = {
      ...api,
      reviewQueue: (companyId, options) => {
        signals.push(options?.signal);
        return api.reviewQueue(companyId, options);
      },
    };
    const release = sample.faults.hold();
    const { element, provider } = await queue({ sample, api: recording });
    provider.setAttribute('company-id', sample.otherCompanyId);
    await waitUntil(() => signals.length === 2, 'the new company was not loaded');
    expect(signals[0]?.aborted, 'the replaced load is cancelled').to.equal(true);
    expect(signals[1]?.aborted).to.equal(false);
    provider.setAttribute('company-id', sample.companyId);
    await waitUntil(() => signals.length === 3, 'the first company was not loaded again');
    release();
    await waitForText(element, 'Anna Schmidt');
    expect(element.shadowRoot?.querySelector('[role=alert]')).to.equal(null);
  });

  it('shows an empty queue', async () => {
    const { element } = await queue({ person: 'anna' });
    await waitForText(element, 'Zurzeit wartet kein Bericht auf Sie.');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry', async () => {
    const sample = await createSample();
    sample.faults.failNext(new ApiError('NETWORK_ERROR', 'network_error'));
    const { element } = await queue({ sample });
    await waitForText(element, 'nicht erreichbar');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Erneut versuchen').click();
    await waitForText(element, 'Anna Schmidt');
  });

  it('can be operated with the keyboard', async () => {
    const { element } = await queue();
    await waitForText(element, 'Anna Schmidt');
    openButtons(element)[0]?.focus();
    await sendKeys({ press: 'Enter' });
    await waitForText(element, 'Daily-Stand-up im Team');
    const reached = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      await sendKeys({ press: 'Tab' });
      const active = element.shadowRoot?.activeElement;
      if (active) reached.add(active.id || active.textContent?.trim() || '');
    }
    expect([...reached]).to.include.members(['Abzeichnen', 'Zurück zur Liste', 'reason']);
  });

  it('speaks English when the provider says so', async () => {
    const { element, provider } = await queue({ lang: 'en' });
    await waitForText(element, 'Reports to approve');
    expect(textOf(element)).to.include('Week 47, 2026');
    expect(textOf(element)).to.include('Submitted');
    await expect(element).to.be.accessible();
    provider.lang = 'de';
    await waitForText(element, 'Berichte zum Abzeichnen');
  });

  describe('bulk approval', () => {
    it('offers a labelled checkbox per week, "Alle auswählen" and a counting button', async () => {
      const { element, sample } = await queue();
      await waitForText(element, 'Ben Yılmaz');
      const anna = checkbox(element, `select-${sample.weeks.annaSubmitted}`);
      const ben = checkbox(element, `select-${sample.weeks.benSubmitted}`);
      expect(labelOf(element, anna)).to.equal('Auswählen: Anna Schmidt, KW 47/2026');
      expect(labelOf(element, ben)).to.equal('Auswählen: Ben Yılmaz, KW 47/2026');
      const all = checkbox(element, 'select-all');
      expect(labelOf(element, all)).to.equal('Alle auswählen');
      expect(bulkButton(element).disabled).to.equal(true);
      expect(bulkButton(element).textContent?.trim()).to.equal('Ausgewählte abzeichnen (0)');

      click(anna);
      await element.updateComplete;
      expect(bulkButton(element).disabled).to.equal(false);
      expect(bulkButton(element).textContent?.trim()).to.equal('Ausgewählte abzeichnen (1)');
      expect(all.indeterminate).to.equal(true);
      await expect(element).to.be.accessible();

      click(all);
      await element.updateComplete;
      expect([anna.checked, ben.checked, all.checked]).to.deep.equal([true, true, true]);
      expect(bulkButton(element).textContent?.trim()).to.equal('Ausgewählte abzeichnen (2)');
      click(all);
      await element.updateComplete;
      expect([anna.checked, ben.checked]).to.deep.equal([false, false]);
      expect(bulkButton(element).disabled).to.equal(true);
    });

    it("approves several apprentices' weeks at once and says so", async () => {
      const { element, sample } = await queue();
      await waitForText(element, 'Ben Yılmaz');
      click(checkbox(element, 'select-all'));
      await element.updateComplete;
      setTimeout(() => bulkButton(element).click());
      const event = (await oneEvent(element, 'bh-reports-approved')) as BhReportsApprovedEvent;
      expect(event.detail).to.deep.equal({
        approvedWeekIds: [sample.weeks.annaSubmitted, sample.weeks.benSubmitted],
        reviewedWeekIds: [],
      });
      await waitForText(element, '2 Berichte abgezeichnet.');
      await waitForText(element, 'Zurzeit wartet kein Bericht auf Sie.');
      expect(query(element, '.bulk-result').getAttribute('role')).to.equal('status');
      for (const stored of [
        await sample.read('anna', sample.weeks.annaSubmitted),
        await sample.read('ben', sample.weeks.benSubmitted),
      ]) {
        expect(stored.status).to.equal('approved');
        expect(stored.approval?.contentHash).to.match(/^[0-9a-f]{64}$/);
      }
      await expect(element).to.be.accessible();
    });

    it('lists the weeks it could not approve with the reason, and keeps them in the queue', async () => {
      const { element, sample } = await queue();
      await waitForText(element, 'Ben Yılmaz');
      click(checkbox(element, 'select-all'));
      await element.updateComplete;
      // Ben withdraws his week after the list was loaded, then submits it again: the version the trainer holds is stale.
      const ben = sample.directAs('ben');
      const { companyId } = sample;
      const withdrawn = await ben.withdrawWeek({
        companyId,
        weekId: sample.weeks.benSubmitted,
        version: (await sample.read('ben', sample.weeks.benSubmitted)).version,
      });
      await ben.submitWeek({ companyId, weekId: withdrawn.id, version: withdrawn.version });
      let fired: BhReportsApprovedEvent | null = null;
      element.addEventListener('bh-reports-approved', (e) => {
        fired = e;
      });
      bulkButton(element).click();
      await waitForText(element, '1 Bericht abgezeichnet. 1 Bericht nicht abgezeichnet:');
      const refusals = [...(element.shadowRoot?.querySelectorAll('.bulk-result li') ?? [])];
      expect(refusals.map((li) => li.textContent?.trim())).to.deep.equal([
        'Ben Yılmaz, KW 47/2026: Die Woche wurde inzwischen geändert. Bitte öffnen und erneut prüfen.',
      ]);
      expect((fired as BhReportsApprovedEvent | null)?.detail).to.deep.equal({
        approvedWeekIds: [sample.weeks.annaSubmitted],
        reviewedWeekIds: [],
      });
      expect((await sample.read('anna', sample.weeks.annaSubmitted)).status).to.equal('approved');
      expect((await sample.read('ben', sample.weeks.benSubmitted)).status).to.equal('submitted');
      expect(element.shadowRoot?.querySelectorAll('.item')).to.have.length(1);
      expect(checkbox(element, `select-${sample.weeks.benSubmitted}`).checked).to.equal(false);
      expect(bulkButton(element).disabled).to.equal(true);
      await expect(element).to.be.accessible();
    });

    it('selects and approves with the keyboard', async () => {
      const { element, sample } = await queue();
      await waitForText(element, 'Ben Yılmaz');
      checkbox(element, 'select-all').focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(bulkButton(element).textContent?.trim()).to.equal('Ausgewählte abzeichnen (2)');
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot?.activeElement).to.equal(bulkButton(element));
      await sendKeys({ press: 'Enter' });
      await waitForText(element, '2 Berichte abgezeichnet.');
      expect((await sample.read('ben', sample.weeks.benSubmitted)).status).to.equal('approved');
      expect(element.shadowRoot?.activeElement?.id).to.equal('queue-title');
    });

    it('speaks English', async () => {
      const { element, sample } = await queue({ lang: 'en' });
      await waitForText(element, 'Select all');
      expect(textOf(element)).to.include('Approve selected (0)');
      click(checkbox(element, `select-${sample.weeks.benSubmitted}`));
      await element.updateComplete;
      const ben = checkbox(element, `select-${sample.weeks.benSubmitted}`);
      expect(labelOf(element, ben)).to.equal('Select: Ben Yılmaz, week 47, 2026');
      expect(bulkButton(element).textContent?.trim()).to.equal('Approve selected (1)');
    });

    it('fits a 360 px wide screen with a selection', async () => {
      await setViewport({ width: 360, height: 740 });
      try {
        const { element, sample } = await queue();
        await waitForText(element, 'Ben Yılmaz');
        click(checkbox(element, `select-${sample.weeks.annaSubmitted}`));
        await element.updateComplete;
        expect(element.scrollWidth).to.be.at.most(360);
        expect(document.documentElement.scrollWidth).to.be.at.most(360);
        await expect(element).to.be.accessible();
      } finally {
        await setViewport({ width: 1024, height: 768 });
      }
    });
  });
});
