import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo-accounts.js';
import { type RunningDemo, startDemo } from '../start.js';
import { accessibilityViolations, launchChromium, logIn } from './browser.js';
import { createDemoDatabase, type DemoDatabase } from './demo-target.js';

/**
 * Anna and Tom, each in a browser of their own (two contexts: two sessions, two sets of cookies), talk about Anna's
 * submitted week in the example portal: each sees the other's messages arrive without reloading, a file Anna attaches
 * reaches Tom over the real file routes, a message sent while
 * Anna is offline arrives once when she is back, and the portal's unread count follows what she has read.
 */
describe('the dialogue between apprentice and trainer in the example portal', {
  timeout: 120_000,
}, () => {
  let database: DemoDatabase;
  let demo: RunningDemo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await createDemoDatabase();
    demo = await startDemo({ port: 0, quiet: true, ...database.options });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await database?.dispose();
  });

  async function signedIn(login: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, demo.portalUrl, login, DEMO_PASSWORD);
    await page.waitForURL(`${demo.portalUrl}/berichtsheft`);
    return { context, page };
  }

  /** Anna's editor on her submitted week (two weeks back, as the demo seeds it) with its conversation open. */
  async function annasWeekConversation(page: Page): Promise<Locator> {
    const editor = page.locator('bh-report-editor');
    for (let step = 0; step < 2; step += 1) {
      await editor.getByRole('button', { name: 'Vorherige Woche' }).click();
    }
    await editor.getByText('Eingereicht', { exact: true }).first().waitFor();
    await editor.getByText('Nachrichten zu dieser Woche').first().click();
    const thread = editor.locator('bh-dialogue-thread');
    await thread.getByLabel('Ihre Nachricht').waitFor();
    return thread;
  }

  async function send(thread: Locator, text: string): Promise<void> {
    await thread.getByLabel('Ihre Nachricht').fill(text);
    await thread.getByRole('button', { name: 'Senden', exact: true }).click();
  }

  /** Waits until the server has the message: it then stands in the thread, no longer among those being sent. */
  async function sent(thread: Locator, text: string): Promise<void> {
    await thread.locator('.message', { hasText: text }).waitFor();
  }

  let anna: { context: BrowserContext; page: Page };
  let tom: { context: BrowserContext; page: Page };
  let annaThread: Locator;
  let tomThread: Locator;

  it('shows each of them the other one writing, live', async () => {
    anna = await signedIn('azubi.anna');
    annaThread = await annasWeekConversation(anna.page);
    await send(annaThread, 'Ist die Woche so in Ordnung?');

    tom = await signedIn('ausbilder.tom');
    const queue = tom.page.locator('bh-signoff-queue');
    await queue
      .getByRole('button', { name: /^Bericht öffnen: Anna Becker/ })
      .first()
      .click();
    await queue.getByText('Nachrichten zu dieser Woche').first().click();
    tomThread = queue.locator('bh-dialogue-thread');
    await tomThread.getByText('Ist die Woche so in Ordnung?').waitFor();

    await send(tomThread, 'Ja, ich zeichne sie gleich ab.');
    await annaThread.getByText('Ja, ich zeichne sie gleich ab.').waitFor();
    // Each has read the other's message while the conversation was open.
    await annaThread.getByText('Gelesen von Thomas Krüger').waitFor();
    await tomThread.getByText('Gelesen von Anna Becker').waitFor();
    expect(await accessibilityViolations(anna.page)).toEqual([]);
    expect(await accessibilityViolations(tom.page)).toEqual([]);
  });

  it('lets Anna attach her timetable as a PDF, which Tom downloads under its name', async () => {
    const content = Buffer.from('%PDF-1.7\nStundenplan November\n%%EOF');
    await annaThread
      .getByLabel('Dateien anhängen (PDF, PNG, JPEG)')
      .setInputFiles({ name: 'Stundenplan.pdf', mimeType: 'application/pdf', buffer: content });
    await send(annaThread, 'Hier der Stundenplan.');
    const attachment = tomThread.getByRole('button', {
      name: 'Anhang herunterladen: Stundenplan.pdf',
    });
    await attachment.waitFor();
    const downloading = tom.page.waitForEvent('download');
    await attachment.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Stundenplan.pdf');
    expect(await readFile(await download.path())).toEqual(content);
  });

  it('brings a message sent while Anna was offline once she is back, and only once', async () => {
    const streams: string[] = [];
    anna.page.on('request', (request) => {
      if (request.url().includes('/trpc/dialogue.events')) streams.push(request.url());
    });
    await anna.context.setOffline(true);
    await annaThread.getByText(/^Offline/).waitFor();
    await send(tomThread, 'Eine Frage noch zum Mittwoch.');
    await sent(tomThread, 'Eine Frage noch zum Mittwoch.');
    await anna.context.setOffline(false);
    await annaThread.getByText('Eine Frage noch zum Mittwoch.').waitFor({ timeout: 30_000 });
    await expect.poll(() => annaThread.getByText('Eine Frage noch zum Mittwoch.').count()).toBe(1);
    expect(await annaThread.locator('.message').count()).toBe(4);
    // Back online, the thread opened its stream anew, resuming after the last event it had seen.
    const resumedFrom = streams
      .map((url) => JSON.parse(new URL(url).searchParams.get('input') ?? '{}').json)
      .filter((input) => input?.weekId !== undefined)
      .map((input) => Number(input.lastEventId));
    expect(resumedFrom.length).toBeGreaterThan(0);
    expect(Math.min(...resumedFrom)).toBeGreaterThan(0);
    // Anna reads it before she leaves the conversation.
    await expect.poll(() => tomThread.getByText('Gelesen von Anna Becker').count()).toBe(2);
  });

  it('counts what Anna has not read, until she reads it', async () => {
    // Closed, the conversation follows nothing: Tom's next message stays unread.
    await anna.page
      .locator('bh-report-editor')
      .getByText('Nachrichten zu dieser Woche')
      .first()
      .click();
    await send(tomThread, 'Und bitte den Berufsschultag ergänzen.');
    await sent(tomThread, 'Und bitte den Berufsschultag ergänzen.');

    await anna.page.reload();
    const badge = anna.page.locator('#portal-unread');
    await expect.poll(() => badge.textContent()).toBe('Ungelesene Nachrichten: 1');
    const thread = await annasWeekConversation(anna.page);
    await thread.getByText('Und bitte den Berufsschultag ergänzen.').waitFor();
    await expect.poll(() => badge.textContent()).toBe('Ungelesene Nachrichten: 0');
  });
});
