import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../../packages/server/src/testing/pdf-text.js';
import { DEMO_PASSWORD } from '../demo-accounts.js';
import { type RunningDemo, startDemo } from '../start.js';
import {
  accessibilityViolations,
  browserStorageContents,
  launchChromium,
  logIn,
  logOut,
} from './browser.js';
import { createDemoDatabase, type DemoDatabase } from './demo-target.js';

/** A JWT's first bytes (`{"`), however a token is issued: how a token would show up anywhere it must not be. */
const JWT_PREFIX = 'eyJ';

describe('a week from writing to sign-off in the example portal', { timeout: 120_000 }, () => {
  let database: DemoDatabase;
  let demo: RunningDemo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requestedUrls: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    database = await createDemoDatabase();
    demo = await startDemo({ port: 0, quiet: true, ...database.options });
    browser = await launchChromium();
    context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    // The portal serves a strict CSP; any violation by the portal or the elements is collected here.
    await context.exposeBinding('reportCspViolation', (_source, text: string) => {
      cspViolations.push(text);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportCspViolation(text: string): void })
          .reportCspViolation;
        report(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page = await context.newPage();
    page.on('request', (request) => requestedUrls.push(request.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await database?.dispose();
  });

  const statusOf = (element: 'bh-report-editor' | 'bh-signoff-queue') =>
    page.locator(element).locator('.status').first().textContent();

  async function logInAs(login: string) {
    await logIn(page, demo.portalUrl, login, DEMO_PASSWORD);
    await page.waitForURL(`${demo.portalUrl}/berichtsheft`);
  }

  let weekLabel = '';

  it('lets Anna write, save and submit her week', async () => {
    await logInAs('azubi.anna');
    const editor = page.locator('bh-report-editor');
    expect(await page.locator('bh-signoff-queue').count()).toBe(0);

    await editor.getByLabel('Ausbildungsabteilung').fill('Instandhaltung');
    await editor
      .getByRole('button', { name: /^Eintrag hinzufügen/ })
      .first()
      .click();
    await editor.getByLabel('Tätigkeit').first().fill('Pumpe P3 gewartet\nDichtungen gewechselt');
    await editor.getByLabel('Dauer (Std.:Min.)').first().fill('8:00');
    await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
    await editor.getByText('Gespeichert.').waitFor();

    weekLabel =
      (await editor
        .getByText(/^KW \d+\/\d{4}$/)
        .first()
        .textContent()) ?? '';
    expect(weekLabel).toMatch(/^KW \d+\/\d{4}$/);

    await editor.getByRole('button', { name: 'Einreichen', exact: true }).click();
    await expect.poll(() => statusOf('bh-report-editor')).toBe('Eingereicht');
    // The portal heard the element's event and says so in its own words.
    await expect.poll(() => page.locator('#portal-status').textContent()).toContain('eingereicht');

    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps tokens out of storage, cookies and URLs (S1)', async () => {
    expect(await browserStorageContents(page)).not.toContain(JWT_PREFIX);
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => cookie.value).join('\n')).not.toContain(JWT_PREFIX);
    expect(requestedUrls.length).toBeGreaterThan(0);
    expect(requestedUrls.filter((url) => url.includes(JWT_PREFIX))).toEqual([]);
    // The elements did talk to the API with a token: the API is on its own origin.
    expect(requestedUrls.some((url) => url.startsWith(demo.apiUrl))).toBe(true);
  });

  it('lets Tom find the week in his queue and sign it off', async () => {
    await logOut(page, demo.portalUrl);
    await logInAs('ausbilder.tom');
    const queue = page.locator('bh-signoff-queue');
    expect(await page.locator('bh-report-editor').count()).toBe(0);

    await queue.getByRole('button', { name: `Bericht öffnen: Anna Becker, ${weekLabel}` }).click();
    await queue.getByText('Pumpe P3 gewartet').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await queue.getByRole('button', { name: 'Abzeichnen', exact: true }).click();
    await queue.getByText(`Abgezeichnet: Anna Becker, ${weekLabel}.`).waitFor();
    await expect.poll(() => page.locator('#portal-status').textContent()).toContain('abgezeichnet');
    expect(
      await queue
        .getByRole('button', { name: `Bericht öffnen: Anna Becker, ${weekLabel}` })
        .count(),
    ).toBe(0);
  });

  it('shows Anna her week as signed off', async () => {
    await logOut(page, demo.portalUrl);
    await logInAs('azubi.anna');
    await expect.poll(() => statusOf('bh-report-editor')).toBe('Abgezeichnet');
    await page.locator('bh-report-editor').getByText('Abgezeichnet von Thomas Krüger').waitFor();
    expect(await browserStorageContents(page)).not.toContain(JWT_PREFIX);
    expect(cspViolations).toEqual([]);
  });

  it('lets Anna print her record for the exam, and an examiner check the signed week by its Prüfcode', async () => {
    const recordExport = page.locator('bh-record-export');
    const download = page.waitForEvent('download');
    await recordExport.getByRole('button', { name: 'Als PDF herunterladen' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Ausbildungsnachweis Anna Becker .*\.pdf$/);
    const pdf = await readPdf(new Uint8Array(await readFile(await file.path())));
    expect(pdf.text).toContain('Pumpe P3 gewartet');
    const code = /Prüfcode: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(pdf.text)?.[1];
    expect(code).toBeDefined();
    await recordExport.getByText('Heruntergeladen:').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The examiner has no login: the public page of the API answers from the code alone.
    const examinerContext = await browser.newContext();
    const examiner = await examinerContext.newPage();
    await examiner.goto(`${demo.apiUrl}/verify`);
    await examiner.getByLabel('Prüfcode').fill(code ?? '');
    await examiner.getByRole('button', { name: 'Prüfen' }).click();
    await examiner.getByText('Bestätigt.').waitFor();
    expect(await examiner.getByText('Thomas Krüger').count()).toBe(1);
    expect(await examiner.getByText('Anna Becker').count()).toBe(0);
    expect(await accessibilityViolations(examiner)).toEqual([]);
    await examinerContext.close();
    expect(cspViolations).toEqual([]);
  });
});
