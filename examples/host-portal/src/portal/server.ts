import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { PortalOidcClient } from '../auth/oidc-client.js';
import { createAuthRoutes } from '../auth/routes.js';
import { SessionStore } from '../auth/sessions.js';
import type { DemoAccount } from '../demo-accounts.js';
import { createInteractionHandler } from '../oidc/interactions.js';
import { randomSecret } from '../oidc/keys.js';
import { createOidcProvider, INTERACTION_PATH } from '../oidc/provider.js';
import { errorView } from '../oidc/views.js';
import { homePage } from '../pages/home.js';
import { recordPage } from '../pages/record.js';
import { type Lang, parseLang, textFor } from '../pages/text.js';
import { fetchMemberships } from './berichtsheft-api.js';
import { appendSetCookie, readCookies, serializeCookie } from './cookies.js';
import { HttpError, redirect, sendHtml } from './http.js';
import { findElementsBundleDir, PUBLIC_DIR, serveFile } from './static.js';

export const API_AUDIENCE = 'urn:berichtsheft:api';
export const API_SCOPE = 'berichtsheft';
export const OIDC_PATH = '/oidc';
const LANG_COOKIE = 'portal_lang';

export interface PortalOptions {
  /** The portal's origin, e.g. `http://localhost:8080`. */
  origin: string;
  /** Where the Berichtsheft API answers, e.g. `http://localhost:8081`. */
  apiUrl: string;
  /** Settles when the API can be asked; the record page waits for it. Default: ready now. */
  apiReady?: Promise<void>;
  accounts: readonly DemoAccount[];
  demoPassword: string;
  /** Seconds an API access token lives; the portal refreshes it when it runs out. */
  accessTokenTtl?: number;
  onError?: (error: unknown) => void;
}

export interface Portal {
  issuer: string;
  audience: string;
  provider: Provider;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

/** The Bildungsportal Musterregion: its pages, its login service under `/oidc`, and its session-backed login. */
export function createPortal(options: PortalOptions): Portal {
  const issuer = `${options.origin}${OIDC_PATH}`;
  const secureCookies = options.origin.startsWith('https:');
  const reportError = options.onError ?? ((error: unknown) => console.error(error));
  const client = {
    clientId: 'bildungsportal',
    clientSecret: randomSecret(),
    clientName: textFor('de').portalName,
    redirectUri: `${options.origin}/callback`,
    postLogoutRedirectUri: `${options.origin}/`,
  };
  const provider = createOidcProvider({
    issuer,
    apiAudience: API_AUDIENCE,
    apiScope: API_SCOPE,
    client,
    accounts: options.accounts,
    ...(options.accessTokenTtl !== undefined ? { accessTokenTtl: options.accessTokenTtl } : {}),
  });
  const providerCallback = provider.callback();
  const interactionBase = `${OIDC_PATH}${INTERACTION_PATH}`;
  const handleInteraction = createInteractionHandler({
    provider,
    accounts: options.accounts,
    clientName: client.clientName,
    basePath: interactionBase,
  });
  const auth = createAuthRoutes({
    client: new PortalOidcClient({
      issuer,
      ...client,
      scope: `openid profile email ${API_SCOPE}`,
      resource: API_AUDIENCE,
    }),
    sessions: new SessionStore(),
    secureCookies,
    defaultReturnTo: '/berichtsheft',
    onError: reportError,
  });
  const bundleDir = findElementsBundleDir();
  const apiOrigin = new URL(options.apiUrl).origin;
  const pageHeaders = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ${apiOrigin}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; '),
  };

  const langOf = (req: IncomingMessage): Lang =>
    parseLang(readCookies(req).get(LANG_COOKIE)) ?? 'de';

  async function recordRoute(req: IncomingMessage, res: ServerResponse, url: URL, lang: Lang) {
    const session = auth.signedIn(req);
    const tokens = session ? await auth.freshTokens(session) : undefined;
    if (session?.identity === undefined || tokens === undefined) {
      redirect(res, `/login?returnTo=${encodeURIComponent(url.pathname)}`);
      return;
    }
    await options.apiReady;
    const memberships = await fetchMemberships(options.apiUrl, tokens.accessToken);
    const page = recordPage({
      lang,
      user: { name: session.identity.name },
      apiUrl: options.apiUrl,
      memberships,
      companyId: url.searchParams.get('company') ?? undefined,
    });
    sendHtml(res, 200, page, pageHeaders);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', options.origin);
    const path = url.pathname;
    // HEAD is answered as GET: Node's response leaves the body out by itself, so status and headers stay the same.
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');

    if (path === OIDC_PATH || path.startsWith(`${OIDC_PATH}/`)) {
      if (path.startsWith(interactionBase)) {
        await handleInteraction(req, res, path.slice(interactionBase.length), langOf(req));
        return;
      }
      // Mounted like a connect-style app: the provider sees its own paths and finds its mount point in originalUrl.
      const mounted = req as IncomingMessage & { originalUrl?: string };
      mounted.originalUrl = req.url;
      req.url = (req.url ?? '/').slice(OIDC_PATH.length) || '/';
      providerCallback(req, res);
      return;
    }

    if (method === 'GET' && path.startsWith('/assets/')) {
      const served = path.startsWith('/assets/elements/')
        ? await serveFile(res, bundleDir, path.slice('/assets/elements/'.length))
        : await serveFile(res, PUBLIC_DIR, path.slice('/assets/'.length));
      if (!served) sendHtml(res, 404, textFor(langOf(req)).notFound);
      return;
    }

    const requestedLang = parseLang(url.searchParams.get('lang'));
    if (method === 'GET' && requestedLang !== undefined) {
      appendSetCookie(
        res,
        serializeCookie(LANG_COOKIE, requestedLang, secureCookies, { maxAgeSeconds: 31_536_000 }),
      );
      url.searchParams.delete('lang');
      redirect(res, `${url.pathname}${url.search}`);
      return;
    }
    const lang = langOf(req);

    switch (`${method} ${path}`) {
      case 'GET /': {
        const session = auth.signedIn(req);
        const user = session?.identity ? { name: session.identity.name } : undefined;
        const page = homePage({
          lang,
          user,
          accounts: options.accounts,
          password: options.demoPassword,
        });
        sendHtml(res, 200, page, pageHeaders);
        return;
      }
      case 'GET /login':
        await auth.login(req, res, url);
        return;
      case 'GET /callback':
        if (!(await auth.callback(req, res, url))) {
          sendHtml(res, 400, errorView(lang, 'login_state_mismatch'), pageHeaders);
        }
        return;
      case 'POST /logout':
        await auth.logout(req, res);
        return;
      case 'GET /session/token':
        await auth.token(req, res, url);
        return;
      case 'GET /berichtsheft':
        await recordRoute(req, res, url, lang);
        return;
      default:
        throw new HttpError(404, textFor(lang).notFound);
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendHtml(res, error.status, error.message);
        return;
      }
      reportError(error);
      sendHtml(res, 500, errorView(langOf(req), undefined));
    });
  }

  return { issuer, audience: API_AUDIENCE, provider, handle };
}
