import type { BerichtsheftApi } from '@berichtsheft/client';
import type { BulkApprovalResultView } from '@berichtsheft/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './define/bh-signoff-queue.js';
import { allLocales } from './generated/locale-codes.js';
import { applyLocale, getLocale } from './localization.js';
import type { BhProvider } from './provider/provider.js';
import { PLURAL_CATEGORIES, plural } from './shared/plural.js';
import { bulkResultText } from './signoff-queue/bulk-result.js';

/**
 * An API with one fixed answer: no week waits in the queue. Opening the queue asks for nothing else; any other call
 * would fail with a TypeError and show up as an error in the element.
 */
const emptyQueue = { reviewQueue: async () => [] } as Partial<BerichtsheftApi> as BerichtsheftApi;

const GERMAN = 'Zurzeit wartet kein Bericht auf Sie.';
const ENGLISH = 'No report is waiting for you right now.';

const textOf = (element: Element | null) =>
  (element?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

async function queueIn(provider: Promise<BhProvider>) {
  const queue = (await provider).querySelector('bh-signoff-queue');
  if (!queue) throw new Error('No queue rendered');
  return queue;
}

const waitForText = (element: Element, text: string) =>
  waitUntil(() => textOf(element).includes(text), `"${text}" did not appear`, { timeout: 5000 });

describe('language of the elements', () => {
  const pageLang = document.documentElement.lang;
  afterEach(async () => {
    document.documentElement.lang = pageLang;
    await applyLocale('de');
  });

  it("uses the page's <html lang> when the provider has no lang, and leaves the attribute off", async () => {
    document.documentElement.lang = 'en';
    const provider = fixture<BhProvider>(
      html`<bh-provider .api=${emptyQueue} company-id="c1"><bh-signoff-queue></bh-signoff-queue></bh-provider>`,
    );
    await waitForText(await queueIn(provider), ENGLISH);
    expect((await provider).hasAttribute('lang')).to.equal(false);
  });

  it('follows the page when it switches <html lang> at runtime', async () => {
    document.documentElement.lang = 'en';
    const queue = await queueIn(
      fixture<BhProvider>(
        html`<bh-provider .api=${emptyQueue} company-id="c1"><bh-signoff-queue></bh-signoff-queue></bh-provider>`,
      ),
    );
    await waitForText(queue, ENGLISH);
    document.documentElement.lang = 'de-AT';
    await waitForText(queue, GERMAN);
  });

  it("prefers the provider's own lang to the page's, and reflects it", async () => {
    document.documentElement.lang = 'en';
    const provider = fixture<BhProvider>(
      html`<bh-provider lang="de" .api=${emptyQueue} company-id="c1"><bh-signoff-queue></bh-signoff-queue></bh-provider>`,
    );
    const queue = await queueIn(provider);
    await waitForText(queue, GERMAN);
    expect(getLocale()).to.equal('de');
    (await provider).lang = 'en-GB';
    await waitForText(queue, ENGLISH);
    expect((await provider).getAttribute('lang')).to.equal('en-GB');
  });

  it('speaks German when neither the provider nor the page names a supported language', async () => {
    await applyLocale('en');
    document.documentElement.lang = 'fr';
    const queue = await queueIn(
      fixture<BhProvider>(
        html`<bh-provider .api=${emptyQueue} company-id="c1"><bh-signoff-queue></bh-signoff-queue></bh-provider>`,
      ),
    );
    await waitForText(queue, GERMAN);
  });
});

const outcomes = (approved: number, refused = 0): BulkApprovalResultView[] => [
  ...Array.from({ length: approved }, (_, i) => ({
    weekId: `a${i}`,
    outcome: 'approved' as const,
    reason: null,
    week: null,
  })),
  ...Array.from({ length: refused }, (_, i) => ({
    weekId: `r${i}`,
    outcome: 'refused' as const,
    reason: 'stale_version',
    week: null,
  })),
];
const summary = (approved: number, refused = 0) =>
  bulkResultText({ results: outcomes(approved, refused) }, (id) => id).summary;

describe('plural forms', () => {
  after(() => applyLocale('de'));

  it('offers every plural category that a supported language uses for counts', () => {
    for (const locale of allLocales) {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      expect(PLURAL_CATEGORIES, locale).to.include.members(needed);
    }
  });

  it('chooses the German form by the German rules', async () => {
    await applyLocale('de');
    expect(summary(1)).to.equal('1 Bericht abgezeichnet.');
    expect(summary(2)).to.equal('2 Berichte abgezeichnet.');
    expect(summary(0, 1)).to.equal('0 Berichte abgezeichnet. 1 Bericht nicht abgezeichnet:');
    expect(summary(1, 3)).to.equal('1 Bericht abgezeichnet. 3 Berichte nicht abgezeichnet:');
  });

  it('chooses the English form by the English rules', async () => {
    await applyLocale('en');
    expect(summary(1)).to.equal('1 report approved.');
    expect(summary(2)).to.equal('2 reports approved.');
    expect(summary(0, 1)).to.equal('0 reports approved. 1 report not approved:');
  });

  it('writes the count as the language writes numbers', async () => {
    const forms = { one: (n: string) => `one ${n}`, other: (n: string) => `other ${n}` };
    await applyLocale('de');
    expect(plural(1, forms)).to.equal('one 1');
    expect(plural(1000, forms)).to.equal('other 1.000');
    expect(plural(1.5, forms)).to.equal('other 1,5');
    await applyLocale('en');
    expect(plural(1000, forms)).to.equal('other 1,000');
  });
});
