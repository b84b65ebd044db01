import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Real Chromium from the system; the tests never download a browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it (Debian/Ubuntu: "apt-get install -y chromium") ` +
        'or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}

/** Logs in through the portal's login service, the way a person does: start page, button, form. */
export async function logIn(page: Page, origin: string, login: string, password: string) {
  await page.goto(`${origin}/`);
  await page.getByRole('link', { name: 'Anmelden', exact: true }).click();
  await page.getByLabel('Benutzername').fill(login);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

export async function logOut(page: Page, origin: string) {
  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await page.waitForURL(`${origin}/`);
}

export interface AccessibilityViolation {
  id: string;
  impact: string | null | undefined;
  targets: string[];
}

/** Axe's WCAG 2.1 A/AA rules on the page as it stands; returns the violations with their targets. */
export async function accessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/**
 * Everything the page keeps in web storage and IndexedDB, as text, to prove tokens never land there (S1).
 */
export async function browserStorageContents(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, index) => {
        const key = storage.key(index) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      }).join('\n');
    const parts = [dump(localStorage), dump(sessionStorage)];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const name = info.name;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`${name}/${storeName}=${JSON.stringify(values)}`);
      }
      db.close();
    }
    return parts.join('\n');
  });
}
