import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts.js';
import { openPortalSite, type PortalSite } from '../portal/listen.js';
import { API_AUDIENCE, createPortal, type Portal } from '../portal/server.js';
import {
  accessibilityViolations,
  browserStorageContents,
  launchChromium,
  logIn,
  logOut,
} from './browser.js';

// Shorter than the portal's refresh margin, so every token request exercises the refresh grant.
const ACCESS_TOKEN_TTL = 20;

describe('portal login through its own OpenID provider', () => {
  let site: PortalSite;
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await openPortalSite(0);
    portal = createPortal({
      origin: site.origin,
      // No API in this test: the record page then says the record cannot be reached.
      apiUrl: 'http://localhost:9',
      accounts: DEMO_ACCOUNTS,
      demoPassword: DEMO_PASSWORD,
      accessTokenTtl: ACCESS_TOKEN_TTL,
    });
    site.install(portal);
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const tokenFromPage = () =>
    page.evaluate(async () => {
      const response = await fetch('/session/token');
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    });

  it('returns to the start page, still signed out, when the login is cancelled', async () => {
    await page.goto(`${site.origin}/`);
    await page.getByRole('link', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.waitForURL(`${site.origin}/`);
    expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(0);
    expect((await tokenFromPage()).status).toBe(401);
  });

  it('refuses a wrong password on the provider form', async () => {
    await logIn(page, site.origin, 'azubi.anna', 'falsch');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Benutzername oder Passwort ist falsch.');
    expect(await page.getByLabel('Benutzername').inputValue()).toBe('azubi.anna');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('logs in and hands the page a JWT access token for the API', async () => {
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL(`${site.origin}/berichtsheft`);
    expect(await page.getByRole('button', { name: 'Abmelden' }).isVisible()).toBe(true);
    expect(await page.locator('.account__name').textContent()).toContain('Anna Becker');

    const { status, body } = await tokenFromPage();
    expect(status).toBe(200);
    const accessToken = body.accessToken ?? '';
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const jwks = createRemoteJWKSet(new URL(`${portal.issuer}/jwks`));
    const { payload } = await jwtVerify(accessToken, jwks, {
      issuer: portal.issuer,
      audience: API_AUDIENCE,
      algorithms: ['RS256'],
    });
    expect(payload).toMatchObject({
      sub: 'azubi.anna',
      aud: API_AUDIENCE,
      name: 'Anna Becker',
      email: 'anna.becker@musterwerk.example',
      client_id: 'bildungsportal',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(ACCESS_TOKEN_TTL);
    expect(String(payload.scope).split(' ')).toContain('berichtsheft');

    // Not for anyone else: the same token does not pass as one for another audience.
    await expect(
      jwtVerify(accessToken, jwks, { issuer: portal.issuer, audience: 'urn:other' }),
    ).rejects.toThrow();

    // The token is close to expiry by design here, so the next request refreshes it.
    const second = await tokenFromPage();
    expect(second.status).toBe(200);
    expect(second.body.accessToken).not.toBe(accessToken);
    await jwtVerify(second.body.accessToken ?? '', jwks, {
      issuer: portal.issuer,
      audience: API_AUDIENCE,
    });

    expect(await browserStorageContents(page)).not.toContain(accessToken.slice(0, 20));
    expect(page.url()).not.toContain('eyJ');
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'portal_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.map((cookie) => cookie.value).join(' ')).not.toContain('eyJ');
  });

  it('does not hand tokens to other sites', async () => {
    const cookie = (await context.cookies())
      .filter((item) => item.name === 'portal_session')
      .map((item) => `${item.name}=${item.value}`)
      .join('; ');
    const response = await fetch(`${site.origin}/session/token`, {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
  });

  it('ends both sessions on logout', async () => {
    await logOut(page, site.origin);
    expect((await tokenFromPage()).status).toBe(401);
    expect(await page.getByRole('link', { name: 'Anmelden', exact: true }).isVisible()).toBe(true);
    // The provider forgot the person too: the next login asks for the password again.
    await page.getByRole('link', { name: 'Anmelden', exact: true }).click();
    expect(await page.getByLabel('Passwort').isVisible()).toBe(true);
  });

  it('sends a person who is not logged in to the login', async () => {
    const fresh = await context.browser()?.newContext();
    const other = await fresh?.newPage();
    await other?.goto(`${site.origin}/berichtsheft`);
    expect(other?.url()).toContain('/oidc/interaction/');
    await fresh?.close();
  });

  it('offers the start page in German and English, accessibly, at phone width', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.origin}/?lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Welcome to the education portal',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);
    await page.goto(`${site.origin}/?lang=de`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Willkommen im Bildungsportal',
    );
    expect(
      await page.getByRole('listitem').filter({ hasText: 'ausbilder.tom' }).textContent(),
    ).toContain('Thomas Krüger');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
