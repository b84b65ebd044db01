import { randomBytes } from 'node:crypto';
import type { Identity, TokenSet } from './oidc-client.js';

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: number;
}

export interface PortalSession {
  id: string;
  lastSeen: number;
  pending?: PendingLogin | undefined;
  identity?: Identity | undefined;
  tokens?: TokenSet | undefined;
  /** One refresh at a time per session: parallel token requests share it. */
  refreshing?: Promise<TokenSet> | undefined;
}

const newId = () => randomBytes(32).toString('base64url');

/**
 * The portal's server-side sessions. The browser holds only a random id in an HttpOnly cookie; tokens never leave
 * the server except the short-lived API access token handed to the page's `getToken`.
 */
export class SessionStore {
  readonly #sessions = new Map<string, PortalSession>();

  constructor(readonly idleMilliseconds = 8 * 3600 * 1000) {}

  create(): PortalSession {
    this.#sweep();
    const session: PortalSession = { id: newId(), lastSeen: Date.now() };
    this.#sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): PortalSession | undefined {
    if (id === undefined) return undefined;
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    if (Date.now() - session.lastSeen > this.idleMilliseconds) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeen = Date.now();
    return session;
  }

  /** A new id for the same session, so an id known before login is worthless after it. */
  rotate(session: PortalSession): PortalSession {
    this.#sessions.delete(session.id);
    const rotated: PortalSession = { ...session, id: newId(), lastSeen: Date.now() };
    this.#sessions.set(rotated.id, rotated);
    return rotated;
  }

  destroy(id: string): void {
    this.#sessions.delete(id);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.#sessions) {
      if (now - session.lastSeen > this.idleMilliseconds) this.#sessions.delete(id);
    }
  }
}
