import { ApiError } from '@berichtsheft/client';
import { RECORD_FORMAT } from '@berichtsheft/core';
import { expect, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import '../define/bh-record-export.js';
import { buttonNamed, query, textOf, waitForText, withSample } from '../testing/fixtures.js';
import { createSample, type Sample } from '../testing/playground.js';
import type { BhRecordExport } from './record-export.js';

async function exportAs(person: 'anna' | 'tom' | 'ben', sample: Sample) {
  const { element } = await withSample<BhRecordExport>(
    html`<bh-record-export apprenticeship-id=${sample.apprenticeships.anna}></bh-record-export>`,
    { sample, person },
  );
  return element;
}

/** The files the element hands to the browser as downloads, caught before the browser saves them. */
async function downloadsOf(action: () => void): Promise<{ name: string; bytes: Uint8Array }[]> {
  const saved: Promise<{ name: string; bytes: Uint8Array }>[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const { download, href } = this;
    saved.push(
      fetch(href)
        .then((response) => response.arrayBuffer())
        .then((buffer) => ({ name: download, bytes: new Uint8Array(buffer) })),
    );
  };
  try {
    action();
    await waitUntil(() => saved.length === 1, 'nothing was downloaded', { timeout: 30_000 });
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return Promise.all(saved);
}

describe('<bh-record-export>', () => {
  it('is accessible while loading, for the apprentice and for the trainer', async () => {
    const sample = await createSample();
    const release = sample.faults.hold();
    const anna = await exportAs('anna', sample);
    expect(textOf(anna)).to.include('Wird geladen');
    await expect(anna).to.be.accessible();
    release();
    await waitForText(anna, 'Alle Daten exportieren (ZIP)');
    expect(textOf(anna)).to.include('1. Ausbildungsjahr');
    expect(textOf(anna)).to.include('Nachweise 1–4');
    await expect(anna).to.be.accessible();

    const tom = await exportAs('tom', sample);
    await waitForText(tom, 'Als PDF herunterladen');
    // The trainer does not see the apprenticeship's dates; the training years come from the weeks written so far.
    expect(textOf(tom)).to.match(/\d\. Ausbildungsjahr \(KW \d+\/\d{4} – KW \d+\/\d{4}\)/);
    // The portable record, its import and its deletion are the apprentice's alone.
    expect(textOf(tom)).not.to.include('Alle Daten exportieren');
    expect(tom.shadowRoot?.querySelector('#import')).to.equal(null);
    await expect(tom).to.be.accessible();
  });

  it('prints the record as a PDF in the page and hands it over under its own name', async function () {
    // The first PDF of a page loads the printing code and its fonts.
    this.timeout(60_000);
    const sample = await createSample();
    const anna = await exportAs('anna', sample);
    await waitForText(anna, 'Als PDF herunterladen');
    const [pdf] = await downloadsOf(() => buttonNamed(anna, 'Als PDF herunterladen').click());
    expect(pdf?.name).to.match(/^Ausbildungsnachweis .* bis .*\.pdf$/);
    expect(new TextDecoder().decode(pdf?.bytes.slice(0, 5))).to.equal('%PDF-');
    await waitForText(anna, 'Heruntergeladen:');
    await expect(anna).to.be.accessible();
  });

  it('shows how far a long export is while it runs, and can cancel it', async () => {
    const sample = await createSample();
    const anna = await exportAs('anna', sample);
    await waitForText(anna, 'Als PDF herunterladen');
    const release = sample.faults.hold();
    buttonNamed(anna, 'Als PDF herunterladen').click();
    await waitForText(anna, 'Wird erstellt');
    expect(anna.shadowRoot?.querySelector('progress')).not.to.equal(null);
    expect(buttonNamed(anna, 'Als PDF herunterladen').disabled).to.equal(true);
    await expect(anna).to.be.accessible();
    buttonNamed(anna, 'Abbrechen').click();
    release();
    await waitUntil(() => !anna.shadowRoot?.querySelector('progress'), 'still busy');
    expect(buttonNamed(anna, 'Als PDF herunterladen').disabled).to.equal(false);
    expect(textOf(anna)).to.include('Abgebrochen.');
    expect(anna.shadowRoot?.querySelector('[role="alert"]')).to.equal(null);
  });

  it('exports all of the apprentice’s data as a ZIP and explains a file it cannot import', async () => {
    const sample = await createSample();
    const anna = await exportAs('anna', sample);
    await waitForText(anna, 'Alle Daten exportieren (ZIP)');
    const [zip] = await downloadsOf(() =>
      buttonNamed(anna, 'Alle Daten exportieren (ZIP)').click(),
    );
    const entries = unzipSync(zip?.bytes ?? new Uint8Array());
    const record = JSON.parse(strFromU8(entries[RECORD_FORMAT.documentPath] ?? new Uint8Array()));
    expect(record.format).to.equal('berichtsheft-record');
    expect(record.weeks.length).to.be.greaterThan(0);

    // The same weeks again: nothing is imported twice, and the element says why.
    const input = query<HTMLInputElement>(anna, '#import');
    const transfer = new DataTransfer();
    transfer.items.add(
      new File([zipSync(entries) as Uint8Array<ArrayBuffer>], 'export.zip', {
        type: 'application/zip',
      }),
    );
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitForText(anna, 'schon vorhanden');
    await expect(anna).to.be.accessible();
  });

  it('asks before deleting, keeps the record while the apprenticeship runs, and returns focus', async () => {
    const sample = await createSample();
    const anna = await exportAs('anna', sample);
    await waitForText(anna, 'Ausbildungsnachweis löschen …');
    query<HTMLButtonElement>(anna, '#delete').click();
    await waitForText(anna, 'Wirklich löschen?');
    expect(anna.shadowRoot?.activeElement?.id).to.equal('confirm-delete');
    await expect(anna).to.be.accessible();
    query<HTMLButtonElement>(anna, '#confirm-delete').click();
    await waitForText(anna, 'erst nach dem Ende der Ausbildung gelöscht werden');
    await waitUntil(
      () => anna.shadowRoot?.activeElement?.id === 'delete',
      'focus was not returned',
    );
    const weeks = await sample
      .directAs('anna')
      .listWeeks({ companyId: sample.companyId, apprenticeshipId: sample.apprenticeships.anna });
    expect(weeks.length).to.be.greaterThan(0);
    await expect(anna).to.be.accessible();
  });

  it('shows nothing of a record to someone outside the apprenticeship, and explains a failed load', async () => {
    const sample = await createSample();
    const ben = await exportAs('ben', sample);
    await waitForText(ben, 'nicht gefunden');
    expect(ben.shadowRoot?.querySelector('select, #import')).to.equal(null);
    await expect(ben).to.be.accessible();

    sample.faults.failNext(new ApiError('NETWORK_ERROR', 'network_error'));
    const failed = await exportAs('anna', sample);
    await waitForText(failed, 'Erneut versuchen');
    await expect(failed).to.be.accessible();
  });

  it('fits a phone: nothing wider than the screen, in English too', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const sample = await createSample();
      const { element } = await withSample<BhRecordExport>(
        html`<bh-record-export></bh-record-export>`,
        { sample, person: 'anna', lang: 'en' },
      );
      await waitForText(element, 'Export all data (ZIP)');
      const section = query(element, 'section');
      expect(section.scrollWidth).to.be.at.most(360);
      await expect(element).to.be.accessible();
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
