import { ApiError, type BerichtsheftApi } from '@berichtsheft/client';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/bh-report-editor.js';
import type { BhReportSavedEvent, BhReportSubmittedEvent } from '../events.js';
import {
  buttonNamed,
  query,
  type SampleOptions,
  textOf,
  typeInto,
  waitForText,
  withSample,
} from '../testing/fixtures.js';
import { createSample, type Sample } from '../testing/playground.js';
import type { BhReportEditor } from './report-editor.js';

function editor(week: string, options: Partial<SampleOptions> = {}) {
  return withSample<BhReportEditor>(html`<bh-report-editor week=${week}></bh-report-editor>`, {
    ...options,
    person: options.person ?? 'anna',
  });
}

/** Whether the page, asked to unload now, would make the browser ask the user first. */
function leavingIsQuestioned(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

interface Call {
  name: string;
  signal: AbortSignal | undefined;
}

/** Anna's API in `sample`, recording each call with the signal it was given. */
function recordingApi(sample: Sample, calls: Call[]): BerichtsheftApi {
  const api = sample.apiAs('anna');
  return new Proxy(api, {
    get(target, name) {
      // Only the API's methods; lit asks objects for markers of its own, which must stay absent.
      if (typeof name !== 'string' || !(name in target)) return undefined;
      const method = target[name as keyof BerichtsheftApi] as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const options = args[1] as { signal?: AbortSignal } | undefined;
        calls.push({ name, signal: options?.signal });
        return method(...args);
      };
    },
  });
}

/** Anna's week of 2026 as the server holds it, or null when it was never created. */
function storedWeek(sample: Sample, isoWeek: number) {
  return sample.directAs('anna').findWeek({ companyId: sample.companyId, isoYear: 2026, isoWeek });
}

describe('<bh-report-editor>', () => {
  it('asks for all it shows at once, and writes nothing by looking at a week', async () => {
    const sample = await createSample();
    const calls: Call[] = [];
    const release = sample.faults.hold();
    const { element } = await editor('2026-W49', { sample, api: recordingApi(sample, calls) });
    // All reads are out before any has answered: none waits for another, so the client sends them in one batch.
    expect(calls.map((c) => c.name).sort()).to.deep.equal([
      'findWeek',
      'listMyApprenticeships',
      'listWeeks',
    ]);
    release();
    await waitForText(element, 'KW 49/2026');
    expect(query(element, '.status').textContent).to.equal('Noch nicht angelegt');
    expect(calls.map((c) => c.name)).not.to.include('openWeek');
    expect(await storedWeek(sample, 49)).to.equal(null);
  });

  it('cancels the reads of a week the user has left, and shows no error for them', async () => {
    const sample = await createSample();
    const calls: Call[] = [];
    const { element } = await editor('2026-W48', { sample, api: recordingApi(sample, calls) });
    await waitForText(element, 'KW 48/2026');
    calls.length = 0;
    const release = sample.faults.hold();
    element.week = '2026-W47';
    await element.updateComplete;
    element.week = '2026-W46';
    await element.updateComplete;
    const left = calls.filter((c) => c.name === 'findWeek');
    expect(left).to.have.length(2);
    expect(left[0]?.signal?.aborted, 'the left week is cancelled').to.equal(true);
    expect(left[1]?.signal?.aborted, 'the week shown is not').to.equal(false);
    release();
    await waitForText(element, 'Abgezeichnet von Tom Becker');
    expect(textOf(element)).to.include('KW 46/2026');
    expect(element.shadowRoot?.querySelector('[role=alert]')).to.equal(null);
  });

  it('creates the week only when the apprentice starts writing in it', async () => {
    const { element, sample } = await editor('2026-W49');
    await waitForText(element, 'KW 49/2026');
    expect(await storedWeek(sample, 49)).to.equal(null);
    buttonNamed(element, 'Eintrag hinzufügen').click();
    await waitUntil(
      async () => (await storedWeek(sample, 49)) !== null,
      'the first change did not create the week',
    );
    expect((await storedWeek(sample, 49))?.days).to.deep.equal([]);
    const monday = query(element, 'fieldset.day');
    typeInto(monday.querySelector('textarea') as HTMLTextAreaElement, 'Inventur');
    typeInto(monday.querySelector('input[name=duration]') as HTMLInputElement, '2');
    setTimeout(() => buttonNamed(element, 'Einreichen').click());
    await oneEvent(element, 'bh-report-submitted');
    const submitted = await storedWeek(sample, 49);
    expect(submitted?.status).to.equal('submitted');
    expect(submitted?.days[0]?.entries[0]).to.include({ text: 'Inventur', minutes: 120 });
  });

  it('shows a loading state that is accessible', async () => {
    const sample = await createSample();
    const release = sample.faults.hold();
    const { element } = await editor('2026-W48', { sample });
    expect(textOf(element)).to.include('Wird geladen');
    await expect(element).to.be.accessible();
    release();
    await waitForText(element, 'KW 48/2026');
  });

  it('opens the draft week for editing', async () => {
    const { element } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    expect(textOf(element)).to.include('Entwurf');
    expect(textOf(element)).to.include('Anna Schmidt');
    expect(query<HTMLInputElement>(element, '#department').value).to.equal('Softwareentwicklung');
    expect(element.shadowRoot?.querySelectorAll('fieldset.day')).to.have.length(5);
    await expect(element).to.be.accessible();
  });

  it('saves the edited week with its version and announces it', async () => {
    const { element, sample } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    typeInto(query(element, '#department'), 'Qualitätssicherung');
    buttonNamed(element, 'Eintrag hinzufügen').click();
    await element.updateComplete;
    const monday = query(element, 'fieldset.day');
    const texts = monday.querySelectorAll('textarea');
    // Pasted from a word processor: a vertical tab for a line break, a stray NUL.
    typeInto(
      texts[texts.length - 1] as HTMLTextAreaElement,
      'Code-Review\u000bmit <script>alert(1)</script>\u0000',
    );
    const durations = monday.querySelectorAll<HTMLInputElement>('input[name=duration]');
    typeInto(durations[durations.length - 1] as HTMLInputElement, '1:15');
    expect(leavingIsQuestioned(), 'unsaved edits make the browser ask before leaving').to.equal(
      true,
    );
    setTimeout(() => buttonNamed(element, 'Speichern').click());
    const saved = (await oneEvent(element, 'bh-report-saved')) as BhReportSavedEvent;
    expect(leavingIsQuestioned(), 'saved edits let the page go').to.equal(false);
    expect(saved.detail).to.include({
      weekId: sample.weeks.annaDraft,
      version: 3,
      status: 'draft',
    });
    expect(saved.composed).to.equal(true);
    await waitForText(element, 'Gespeichert.');
    expect(query(element, '[role=status]').textContent).to.include('Gespeichert.');
    const stored = await sample.read('anna', sample.weeks.annaDraft);
    expect(stored.department).to.equal('Qualitätssicherung');
    const savedMonday = stored.days.find((d) => d.date === '2026-11-23');
    expect(savedMonday?.entries.at(-1)).to.include({ minutes: 75 });
    expect(savedMonday?.entries.at(-1)?.text).to.equal(
      'Code-Review\nmit <script>alert(1)</script>',
    );
  });

  it('marks invalid fields, ties the message to them and focuses the first one', async () => {
    const { element, sample } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    buttonNamed(element, 'Eintrag hinzufügen').click();
    await element.updateComplete;
    buttonNamed(element, 'Speichern').click();
    await waitForText(element, 'Bitte beschreiben Sie die Tätigkeit.');
    const invalid = query<HTMLTextAreaElement>(element, 'textarea[aria-invalid=true]');
    const describedBy = invalid.getAttribute('aria-describedby') ?? '';
    const message = describedBy
      .split(' ')
      .map((id) => element.shadowRoot?.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(message).to.include('Bitte beschreiben Sie die Tätigkeit.');
    expect(element.shadowRoot?.activeElement).to.equal(
      element.shadowRoot?.querySelector('[aria-invalid=true]'),
    );
    expect((await sample.read('anna', sample.weeks.annaDraft)).version).to.equal(2);
    await expect(element).to.be.accessible();
  });

  it('submits ("Einreichen"), becomes read-only, and can be withdrawn', async () => {
    const { element } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    setTimeout(() => buttonNamed(element, 'Einreichen').click());
    const submitted = (await oneEvent(element, 'bh-report-submitted')) as BhReportSubmittedEvent;
    expect(submitted.detail.status).to.equal('submitted');
    await waitForText(element, 'Eingereicht');
    expect(element.shadowRoot?.querySelector('textarea')).to.equal(null);
    expect(textOf(element)).to.include('Daily-Stand-up im Team');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Zurückziehen').click();
    await waitForText(element, 'Die Woche ist wieder ein Entwurf.');
    expect(query(element, '.status').textContent).to.equal('Entwurf');
    expect(element.shadowRoot?.querySelector('textarea')).not.to.equal(null);
  });

  it('keeps the typed text on a stale version, shows the server version, and saves on retry', async () => {
    const { element, sample } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    await sample.saveElsewhere('anna', sample.weeks.annaDraft, { department: 'Vertrieb' });
    typeInto(query(element, '#department'), 'Meine Abteilung');
    buttonNamed(element, 'Speichern').click();
    await waitForText(element, 'an anderer Stelle geändert');
    expect(query(element, '[role=alert]').textContent).to.include('Ihre Eingaben sind erhalten');
    expect(query<HTMLInputElement>(element, '#department').value).to.equal('Meine Abteilung');
    expect(textOf(element)).to.include('Ungespeicherte Änderungen');
    expect(query(element, 'details.server-version').textContent).to.include('Vertrieb');
    await expect(element).to.be.accessible();
    setTimeout(() => buttonNamed(element, 'Speichern').click());
    const saved = (await oneEvent(element, 'bh-report-saved')) as BhReportSavedEvent;
    expect(saved.detail.version).to.equal(4);
    expect((await sample.read('anna', sample.weeks.annaDraft)).department).to.equal(
      'Meine Abteilung',
    );
  });

  it('keeps unsaved edits visible when the week was submitted elsewhere', async () => {
    const { element, sample } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    await sample.directAs('anna').submitWeek({
      companyId: sample.companyId,
      weekId: sample.weeks.annaDraft,
      version: 2,
    });
    typeInto(query(element, '#department'), 'Nicht verloren');
    buttonNamed(element, 'Speichern').click();
    await waitForText(element, 'Ihre nicht gespeicherten Eingaben');
    expect(query(element, 'details.unsaved').textContent).to.include('Nicht verloren');
    expect(query(element, '.status').textContent).to.equal('Eingereicht');
    await expect(element).to.be.accessible();
  });

  it('shows an approved week read-only', async () => {
    const { element } = await editor('2026-W46');
    await waitForText(element, 'Abgezeichnet von Tom Becker');
    expect(query(element, '.status').textContent).to.equal('Abgezeichnet');
    expect(element.shadowRoot?.querySelector('form')).to.equal(null);
    expect(textOf(element)).not.to.include('Zurückziehen');
    await expect(element).to.be.accessible();
  });

  it('shows the reason of a returned week and lets the apprentice rework it', async () => {
    const { element } = await editor('2026-W45');
    await waitForText(element, 'Zur Überarbeitung zurückgegeben:');
    expect(query(element, '.reason').textContent).to.include('Themen der Berufsschule genauer');
    expect(query(element, '.status').textContent).to.equal('Zur Überarbeitung');
    expect(element.shadowRoot?.querySelector('form')).not.to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('navigates to the previous and next week', async () => {
    const { element } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    buttonNamed(element, 'Vorherige Woche').click();
    await waitForText(element, 'KW 47/2026');
    expect(element.week).to.equal('2026-W47');
    expect(query(element, '.status').textContent).to.equal('Eingereicht');
    buttonNamed(element, 'Nächste Woche').click();
    await waitForText(element, 'KW 48/2026');
  });

  it('says so when the user has no apprenticeship', async () => {
    const { element } = await editor('2026-W48', { person: 'tom' });
    await waitForText(element, 'kein Ausbildungsverhältnis');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry', async () => {
    const sample = await createSample();
    sample.faults.failNext(new ApiError('SERVICE_UNAVAILABLE', 'unavailable'));
    const { element } = await editor('2026-W48', { sample });
    await waitForText(element, 'nicht erreichbar');
    expect(query(element, '[role=alert]')).to.exist;
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Erneut versuchen').click();
    await waitForText(element, 'KW 48/2026');
  });

  it('can be used with the keyboard alone', async () => {
    const { element } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    const reached = new Set<string>();
    query(element, 'button').focus();
    for (let i = 0; i < 80; i += 1) {
      const active = element.shadowRoot?.activeElement;
      if (active) reached.add(active.id || active.textContent?.trim() || active.localName);
      await sendKeys({ press: 'Tab' });
    }
    expect([...reached]).to.include.members([
      'Nächste Woche',
      'department',
      'attendance-2026-11-23',
      'Speichern',
      'Einreichen',
    ]);
  });

  it('switches to English through the provider', async () => {
    const { element, provider } = await editor('2026-W48', { lang: 'en' });
    await waitForText(element, 'Week 48, 2026');
    expect(textOf(element)).to.include('Training record');
    expect(query(element, '.status').textContent).to.equal('Draft');
    expect(provider.getAttribute('lang')).to.equal('en');
    await expect(element).to.be.accessible();
    provider.lang = 'de';
    await waitForText(element, 'KW 48/2026');
    expect(query(element, '.status').textContent).to.equal('Entwurf');
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const { element } = await editor('2026-W48');
      await waitForText(element, 'KW 48/2026');
      expect(element.scrollWidth).to.be.at.most(360);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('takes the theme tokens of the host page', async () => {
    const { element, provider } = await editor('2026-W48');
    await waitForText(element, 'KW 48/2026');
    provider.style.setProperty('--bh-accent', 'rgb(120, 20, 60)');
    provider.style.setProperty('--bh-radius', '0px');
    const submit = buttonNamed(element, 'Einreichen');
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(120, 20, 60)');
    expect(getComputedStyle(submit).borderTopLeftRadius).to.equal('0px');
  });

  it('shows what the apprentice wrote as text, never as markup', async () => {
    const sample = await createSample();
    const attack = '<img src=x onerror="window.__bhHacked=1"><script>window.__bhHacked=1</script>';
    const draft = await sample.read('anna', sample.weeks.annaDraft);
    const saved = await sample.saveElsewhere('anna', draft.id, {
      department: attack,
      days: [
        {
          date: draft.weekStart,
          attendance: 'company',
          entries: [{ kind: 'company_work', form: 'free_text', text: attack, minutes: 60 }],
        },
      ],
    });
    // Submitted, the week is shown as text rather than in form fields.
    await sample
      .directAs('anna')
      .submitWeek({ companyId: sample.companyId, weekId: saved.id, version: saved.version });
    const { element } = await editor('2026-W48', { sample });
    await waitForText(element, 'KW 48/2026');
    expect(textOf(element)).to.include(attack);
    expect(element.shadowRoot?.querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __bhHacked?: number }).__bhHacked).to.equal(undefined);
  });
});
