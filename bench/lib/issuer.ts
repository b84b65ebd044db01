import { createServer, type Server } from 'node:http';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { listen } from './servers.js';

/**
 * A minimal OpenID issuer on a loopback port: a discovery document, a JWKS with one key, and a signer for access
 * tokens. The server's verifier fetches the key set once and keeps it, so the issuer is off the measured path.
 */
export interface BenchIssuer {
  issuer: string;
  audience: string;
  alg: string;
  publicKey: CryptoKey;
  sign(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export async function startIssuer(alg = 'RS256'): Promise<BenchIssuer> {
  const kid = `bench-${alg.toLowerCase()}`;
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }],
  });
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/.well-known/openid-configuration') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else if (path === '/jwks') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(jwks);
    } else {
      response.writeHead(404).end();
    }
  });
  issuer = await listen(server);
  const audience = 'berichtsheft-api';

  return {
    issuer,
    audience,
    alg,
    publicKey,
    sign(claims) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, aud: audience, iat: now, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg, kid, typ: 'at+jwt' })
        .sign(privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
