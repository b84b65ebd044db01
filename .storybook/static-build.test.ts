import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../examples/host-portal/src/e2e/browser.js';

const STATIC_DIR = fileURLToPath(new URL('../storybook-static/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** The plainest static file server there is: a file for a path, a type by its extension, nothing else. */
function serveStatically(root: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Stories whose sample data can only have come from the real router: seeded through its procedures. */
const STORIES: [id: string, text: string][] = [
  ['elements-bh-signoff-queue--queue', 'Ben Yılmaz'],
  ['elements-bh-report-editor--approved', 'Abgezeichnet von Tom Becker'],
  ['elements-bh-report-editor-week-overview--current-week', 'Wochenübersicht'],
  ['elements-bh-dialogue-thread--conversation', 'Stundenplan November.pdf'],
  ['elements-bh-record-export--printed', 'Heruntergeladen:'],
];

describe('the static Storybook', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'iframe.html'))) {
      throw new Error('storybook-static is missing: run `npm run build-storybook` first.');
    }
    server = await serveStatically(STATIC_DIR);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each(STORIES)(
    'plays %s against the real router, served as plain files',
    async (id, text) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // Chromium asks every site for a favicon of its own; Storybook has none at that address.
        const { url } = message.location();
        if (message.type() === 'error' && !url.endsWith('/favicon.ico')) {
          errors.push(`${message.text()} ${url}`);
        }
      });
      await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`);
      // The page boots PGlite, migrates it and writes the sample record through the real procedures: about 10 s on a
      // quiet 2-core machine, several times that while the other suites run beside it.
      await page.getByText(text).first().waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );
});
