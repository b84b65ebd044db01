import type { IncomingMessage, ServerResponse } from 'node:http';
import { appendSetCookie, readCookies, serializeCookie } from '../portal/cookies.js';
import { redirect, sendJson } from '../portal/http.js';
import { type PortalOidcClient, TokenRequestError, type TokenSet } from './oidc-client.js';
import type { PortalSession, SessionStore } from './sessions.js';

export const SESSION_COOKIE = 'portal_session';
const PENDING_LOGIN_MILLISECONDS = 10 * 60 * 1000;
/** Hand out a token only if it lives at least this long, so a request made with it does not expire on the way. */
const TOKEN_MARGIN_MILLISECONDS = 30 * 1000;

export interface AuthRoutesOptions {
  client: PortalOidcClient;
  sessions: SessionStore;
  secureCookies: boolean;
  /** Where a person lands after login when no page asked for it. */
  defaultReturnTo: string;
  onError?: (error: unknown) => void;
}

/** Only paths on this origin: `//evil.example` and absolute URLs would make the login an open redirect. */
export function safeReturnTo(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  return value;
}

export function createAuthRoutes(options: AuthRoutesOptions) {
  const { client, sessions, secureCookies } = options;

  const setSessionCookie = (res: ServerResponse, session: PortalSession) =>
    appendSetCookie(res, serializeCookie(SESSION_COOKIE, session.id, secureCookies));
  const clearSessionCookie = (res: ServerResponse) =>
    appendSetCookie(res, serializeCookie(SESSION_COOKIE, '', secureCookies, { maxAgeSeconds: 0 }));

  function currentSession(req: IncomingMessage): PortalSession | undefined {
    return sessions.get(readCookies(req).get(SESSION_COOKIE));
  }

  function signedIn(req: IncomingMessage): PortalSession | undefined {
    const session = currentSession(req);
    return session?.identity && session.tokens ? session : undefined;
  }

  async function login(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const returnTo = safeReturnTo(url.searchParams.get('returnTo'), options.defaultReturnTo);
    const session = currentSession(req) ?? sessions.create();
    const request = await client.authorizationRequest();
    session.pending = {
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      returnTo,
      createdAt: Date.now(),
    };
    setSessionCookie(res, session);
    redirect(res, request.url);
  }

  /** The provider sends the browser back here with the code; the code is redeemed server-side. */
  async function callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const session = currentSession(req);
    const pending = session?.pending;
    const state = url.searchParams.get('state');
    const code = url.searchParams.get('code');
    if (
      session === undefined ||
      pending === undefined ||
      state !== pending.state ||
      Date.now() - pending.createdAt > PENDING_LOGIN_MILLISECONDS
    ) {
      return false;
    }
    session.pending = undefined;
    if (code === null) {
      // The person cancelled at the provider (error=access_denied): back to the start page, still signed out.
      redirect(res, '/');
      return true;
    }
    const { tokens, identity } = await client.exchangeCode(
      code,
      pending.codeVerifier,
      pending.nonce,
    );
    const signedInSession = sessions.rotate(session);
    signedInSession.identity = identity;
    signedInSession.tokens = tokens;
    setSessionCookie(res, signedInSession);
    redirect(res, pending.returnTo);
    return true;
  }

  async function logout(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = currentSession(req);
    const idToken = session?.tokens?.idToken;
    const refreshToken = session?.tokens?.refreshToken;
    if (session) sessions.destroy(session.id);
    clearSessionCookie(res);
    if (refreshToken !== undefined) {
      await client.revoke(refreshToken).catch((error: unknown) => options.onError?.(error));
    }
    // The provider's session ends too, so the next login asks for the password again.
    redirect(res, await client.endSessionUrl(idToken));
  }

  /** `force`: the API refused the current token although it has not expired (e.g. keys rotated). */
  async function freshTokens(session: PortalSession, force = false): Promise<TokenSet | undefined> {
    const tokens = session.tokens;
    if (tokens === undefined) return undefined;
    if (!force && tokens.accessTokenExpiresAt - Date.now() > TOKEN_MARGIN_MILLISECONDS) {
      return tokens;
    }
    const refreshToken = tokens.refreshToken;
    if (refreshToken === undefined) return undefined;
    session.refreshing ??= client.refresh(refreshToken).finally(() => {
      session.refreshing = undefined;
    });
    try {
      session.tokens = { ...(await session.refreshing), idToken: tokens.idToken };
      return session.tokens;
    } catch (error) {
      if (error instanceof TokenRequestError && error.status < 500) return undefined;
      throw error;
    }
  }

  /**
   * `GET /session/token`: what the page's `getToken` calls. A current access token for the API, refreshed when
   * needed or when `?refresh=1` asks for it; 401 when the person has to log in again.
   */
  async function token(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // Browsers mark cross-site requests; only the portal's own pages get tokens.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      sendJson(res, 403, { error: 'cross_site_request' });
      return;
    }
    const session = signedIn(req);
    const force = url.searchParams.get('refresh') === '1';
    const tokens = session ? await freshTokens(session, force) : undefined;
    if (session === undefined || tokens === undefined) {
      if (session) {
        sessions.destroy(session.id);
        clearSessionCookie(res);
      }
      sendJson(res, 401, { error: 'login_required' });
      return;
    }
    sendJson(res, 200, {
      accessToken: tokens.accessToken,
      expiresAt: new Date(tokens.accessTokenExpiresAt).toISOString(),
    });
  }

  return { login, callback, logout, token, signedIn, freshTokens };
}

export type AuthRoutes = ReturnType<typeof createAuthRoutes>;
