import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';

/**
 * A real, minimal OpenID issuer for tests: it serves a discovery document and a JWKS over HTTP on an ephemeral
 * port and signs tokens with keys it generated itself. Keys can be rotated and requests are counted.
 */

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  publicPem: string;
}

export interface SignOptions {
  claims?: JWTPayload;
  /** Claims to remove from the defaults (`iss`, `aud`, `sub`, `exp`, `iat`). */
  omit?: string[];
  key?: SigningKey;
  alg?: string;
  header?: Record<string, unknown>;
}

export interface LocalIssuer {
  issuer: string;
  audience: string;
  keys: SigningKey[];
  /** Keys the JWKS currently publishes. */
  published: SigningKey[];
  requests: { discovery: number; jwks: number };
  /** When false the JWKS endpoint answers 500. */
  jwksAvailable: boolean;
  sign(options?: SignOptions): Promise<string>;
  createKey(kid: string, alg?: string): Promise<SigningKey>;
  close(): Promise<void>;
}

export async function createSigningKey(kid: string, alg = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk, publicPem: await exportSPKI(publicKey) };
}

export async function startLocalIssuer(
  options: { port?: number; audience?: string } = {},
): Promise<LocalIssuer> {
  const keys = [await createSigningKey('rs-1', 'RS256'), await createSigningKey('es-1', 'ES256')];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/.well-known/openid-configuration') {
      state.requests.discovery += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ issuer: state.issuer, jwks_uri: `${state.issuer}/jwks` }));
    } else if (path === '/jwks') {
      state.requests.jwks += 1;
      if (!state.jwksAvailable) {
        response.writeHead(500).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: state.published.map((key) => key.publicJwk) }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const state: LocalIssuer = {
    issuer: `http://127.0.0.1:${port}`,
    audience: options.audience ?? 'berichtsheft-api',
    keys,
    published: [...keys],
    requests: { discovery: 0, jwks: 0 },
    jwksAvailable: true,
    createKey: createSigningKey,
    async sign(sign = {}) {
      const key = sign.key ?? keys[0];
      if (key === undefined) throw new Error('no signing key');
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        iss: state.issuer,
        aud: state.audience,
        sub: 'azubi.anna',
        iat: now,
        exp: now + 300,
        ...sign.claims,
      };
      for (const name of sign.omit ?? []) delete payload[name];
      return new SignJWT(payload)
        .setProtectedHeader({
          alg: sign.alg ?? key.alg,
          kid: key.kid,
          typ: 'at+jwt',
          ...sign.header,
        })
        .sign(key.privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return state;
}

/** A free loopback port, for an issuer that is meant to start later. */
export async function reservePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
