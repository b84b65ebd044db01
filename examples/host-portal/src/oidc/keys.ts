import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'oidc-provider';

/**
 * A fresh RS256 signing key for each start: the demo keeps no secrets on disk, and tokens from an earlier run become
 * invalid by design.
 */
export function generateSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' } as JWK;
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
