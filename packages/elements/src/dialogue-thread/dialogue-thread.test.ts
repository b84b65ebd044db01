import { ApiError } from '@berichtsheft/client';
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/bh-dialogue-thread.js';
import '../define/bh-report-editor.js';
import '../define/bh-signoff-queue.js';
import type { BhUnreadChangedEvent } from '../events.js';
import {
  buttonNamed,
  inProvider,
  query,
  textOf,
  typeInto,
  waitForText,
  withSample,
} from '../testing/fixtures.js';
import { createSample, type Sample } from '../testing/playground.js';
import type { BhDialogueThread } from './dialogue-thread.js';

function threadOf(sample: Sample, weekId?: string) {
  return html`<bh-dialogue-thread
    apprenticeship-id=${sample.apprenticeships.anna}
    week-id=${weekId ?? ''}
  ></bh-dialogue-thread>`;
}

async function threadAs(person: 'anna' | 'tom', sample: Sample) {
  const { element } = await inProvider<BhDialogueThread>(sample.apiAs(person), threadOf(sample), {
    companyId: sample.companyId,
  });
  await waitUntil(() => element.shadowRoot?.querySelector('#composer'), 'no composer', {
    timeout: 10_000,
  });
  return element;
}

async function send(element: BhDialogueThread, text: string): Promise<void> {
  typeInto(query<HTMLTextAreaElement>(element, '#composer'), text);
  buttonNamed(element, 'Senden').click();
}

/** The conversation an element shows inside itself, once it is there. */
async function nested(host: HTMLElement): Promise<BhDialogueThread> {
  const find = () => host.shadowRoot?.querySelector<BhDialogueThread>('bh-dialogue-thread');
  await waitUntil(find, `<${host.localName}> shows no conversation`);
  const thread = find();
  if (!thread) throw new Error('no conversation');
  return thread;
}

function bodies(element: BhDialogueThread): string[] {
  return [...(element.shadowRoot?.querySelectorAll('.message .body') ?? [])].map(
    (body) => body.textContent ?? '',
  );
}

describe('<bh-dialogue-thread>', () => {
  it('is accessible while loading and when nobody has written yet', async () => {
    const sample = await createSample();
    const release = sample.faults.hold();
    const { element } = await withSample<BhDialogueThread>(
      html`<bh-dialogue-thread></bh-dialogue-thread>`,
      {
        sample,
        person: 'anna',
      },
    );
    expect(textOf(element)).to.include('Wird geladen');
    await expect(element).to.be.accessible();
    release();
    await waitForText(element, 'Noch keine Nachrichten');
    await expect(element).to.be.accessible();
  });

  it('shows each side the other one writing, live, and counts what is unread', async () => {
    const sample = await createSample();
    const anna = await threadAs('anna', sample);
    const tom = await threadAs('tom', sample);
    const unread = oneEvent(tom, 'bh-unread-changed') as Promise<BhUnreadChangedEvent>;

    await send(anna, 'Ich habe eine Frage zu Woche 48.');
    await waitForText(tom, 'Ich habe eine Frage zu Woche 48.');
    expect(textOf(tom)).to.include('Neue Nachricht von Anna Schmidt');
    expect((await unread).detail.unread).to.be.greaterThanOrEqual(0);

    await send(tom, 'Gern – was ist unklar?');
    await waitForText(anna, 'Gern – was ist unklar?');
    expect(bodies(anna)).to.deep.equal([
      'Ich habe eine Frage zu Woche 48.',
      'Gern – was ist unklar?',
    ]);
    // Both read the thread while it is open; each sees that the other has read their message.
    await waitForText(anna, 'Gelesen von Tom Becker');
    await waitUntil(() => tom.unread === 0, 'the trainer still has unread messages');
    await expect(anna).to.be.accessible();
    await expect(tom).to.be.accessible();
  });

  it('asks for text before sending, on the field', async () => {
    const sample = await createSample();
    const anna = await threadAs('anna', sample);
    buttonNamed(anna, 'Senden').click();
    await waitForText(anna, 'Bitte schreiben Sie eine Nachricht.');
    const field = query<HTMLTextAreaElement>(anna, '#composer');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(anna.shadowRoot?.activeElement).to.equal(field);
    await expect(anna).to.be.accessible();
  });

  it('keeps a message that could not be sent and sends it once when tried again', async () => {
    const sample = await createSample();
    const anna = await threadAs('anna', sample);
    sample.faults.failNext(new ApiError('NETWORK_ERROR', 'network_error'));
    await send(anna, 'Geht das durch?');
    await waitForText(anna, 'Nicht gesendet.');
    await expect(anna).to.be.accessible();
    buttonNamed(anna, 'Erneut senden').click();
    await waitForText(anna, 'Nachricht gesendet.');
    const page = await sample
      .directAs('tom')
      .threadPage({ companyId: sample.companyId, apprenticeshipId: sample.apprenticeships.anna });
    expect(page.messages.map((message) => message.body)).to.deep.equal(['Geht das durch?']);
  });

  it('shows markup in a message as text', async () => {
    const sample = await createSample();
    const anna = await threadAs('anna', sample);
    const hostile = '<img src=x onerror="window.__bhXss=1"><script>window.__bhXss=2</script>';
    await send(anna, hostile);
    await waitUntil(() => bodies(anna).includes(hostile), 'the message did not appear as text');
    expect(anna.shadowRoot?.querySelector('.message img, .message script')).to.equal(null);
    expect((window as { __bhXss?: number }).__bhXss).to.equal(undefined);
  });

  it('lets the author edit and delete a message, with the keyboard', async () => {
    const sample = await createSample();
    const anna = await threadAs('anna', sample);
    const tom = await threadAs('tom', sample);
    await send(anna, 'Bis Freitag');
    await waitForText(anna, 'Bearbeiten');
    buttonNamed(anna, 'Bearbeiten').click();
    await waitUntil(() => anna.shadowRoot?.activeElement?.localName === 'textarea', 'no focus');
    const field = anna.shadowRoot?.activeElement as HTMLTextAreaElement;
    typeInto(field, 'Bis Donnerstag');
    await expect(anna).to.be.accessible();
    buttonNamed(anna, 'Speichern').click();
    await waitForText(tom, 'Bis Donnerstag');
    expect(textOf(tom)).to.include('(bearbeitet)');

    buttonNamed(anna, 'Löschen').focus();
    await sendKeys({ press: 'Enter' });
    await waitForText(tom, 'Diese Nachricht wurde gelöscht.');
    expect(textOf(tom)).not.to.include('Bis Donnerstag');
  });

  it('loads older messages above without moving what is shown', async () => {
    const sample = await createSample();
    const api = sample.directAs('tom');
    const ref = { companyId: sample.companyId, apprenticeshipId: sample.apprenticeships.anna };
    for (let n = 1; n <= 35; n += 1) {
      await api.postMessage({ ...ref, body: `Nachricht ${n}`, clientKey: crypto.randomUUID() });
    }
    const anna = await threadAs('anna', sample);
    await waitForText(anna, 'Nachricht 35');
    expect(bodies(anna)).to.have.length(30);
    await expect(anna).to.be.accessible();
    buttonNamed(anna, 'Ältere Nachrichten laden').click();
    await waitUntil(() => bodies(anna).length === 35, 'older messages did not load');
    expect(bodies(anna)[0]).to.equal('Nachricht 1');
    expect(anna.shadowRoot?.querySelector('.load-older')).to.equal(null);
  });

  it('says when it is offline, and is usable at 360 px', async () => {
    await setViewport({ width: 360, height: 740 });
    const sample = await createSample();
    const anna = await threadAs('anna', sample);
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await waitForText(anna, 'Offline');
      await expect(anna).to.be.accessible();
      expect(anna.scrollWidth).to.be.at.most(360);
    } finally {
      if (online) Object.defineProperty(navigator, 'onLine', online);
      delete (navigator as { onLine?: boolean }).onLine;
      window.dispatchEvent(new Event('online'));
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it("links a week's conversation from the editor and from the review", async () => {
    const sample = await createSample();
    const { element: editor } = await inProvider<HTMLElement>(
      sample.apiAs('anna'),
      html`<bh-report-editor week="2026-W47"></bh-report-editor>`,
      { companyId: sample.companyId },
    );
    await waitForText(editor, 'KW 47/2026');
    const disclosure = query<HTMLDetailsElement>(editor, 'details.week-dialogue');
    expect(disclosure.querySelector('bh-dialogue-thread')).to.equal(null);
    query(editor, 'details.week-dialogue > summary').click();
    const annaThread = await nested(editor);
    await waitUntil(() => annaThread.shadowRoot?.querySelector('#composer'), 'no composer', {
      timeout: 10_000,
    });
    await send(annaThread, 'Frage zu KW 47');

    const { element: queue } = await inProvider<HTMLElement>(
      sample.apiAs('tom'),
      html`<bh-signoff-queue></bh-signoff-queue>`,
      { companyId: sample.companyId },
    );
    await waitForText(queue, 'Anna Schmidt');
    queue.shadowRoot?.querySelector<HTMLButtonElement>('button.open-week')?.click();
    await waitForText(queue, 'Nachrichten zu dieser Woche');
    query(queue, 'details.week-dialogue > summary').click();
    const tomThread = await nested(queue);
    await waitForText(tomThread, 'Frage zu KW 47');
    await expect(editor).to.be.accessible();
    await expect(queue).to.be.accessible();
  });

  it('attaches a PDF to a message and refuses a renamed HTML file before uploading it', async () => {
    const sample = await createSample();
    const anna = await threadAs('anna', sample);
    const tom = await threadAs('tom', sample);
    const pick = (file: File) => {
      const input = query<HTMLInputElement>(anna, '#composer-files');
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    };
    pick(new File(['<!doctype html><script>alert(1)</script>'], 'Nachweis.pdf'));
    await waitForText(anna, 'Nur PDF-, PNG- und JPEG-Dateien');
    await expect(anna).to.be.accessible();

    const content = '%PDF-1.7\nStundenplan\n%%EOF';
    pick(new File([content], 'Stundenplan.pdf', { type: 'application/pdf' }));
    await waitForText(anna, 'Stundenplan.pdf (1 KB)');
    await send(anna, 'Der Stundenplan für November');
    await waitForText(tom, 'Stundenplan.pdf (1 KB)');
    await expect(tom).to.be.accessible();

    const saved: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    try {
      query<HTMLButtonElement>(tom, '.attachments button').click();
      await waitUntil(() => saved.length === 1, 'nothing was downloaded');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved).to.deep.equal(['Stundenplan.pdf']);
    const page = await sample
      .directAs('tom')
      .threadPage({ companyId: sample.companyId, apprenticeshipId: sample.apprenticeships.anna });
    const [attachment] = page.messages[0]?.attachments ?? [];
    if (!attachment) throw new Error('the message has no attachment');
    const blob = await sample.directAs('tom').downloadMessageFile(sample.companyId, attachment.id);
    expect(await blob.text()).to.equal(content);
  });
});
