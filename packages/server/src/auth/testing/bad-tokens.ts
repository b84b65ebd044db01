import { base64url, SignJWT } from 'jose';
import type { AuthFailureReason } from '../reasons.js';
import type { LocalIssuer } from './local-issuer.js';

/** One forged or unacceptable token per S2 case, with the reason code it must be refused with. */
export interface BadToken {
  name: string;
  make: (issuer: LocalIssuer) => Promise<string>;
  reason: AuthFailureReason;
}

const segment = (value: unknown) => base64url.encode(JSON.stringify(value));
const now = () => Math.floor(Date.now() / 1000);

export const BAD_TOKENS: BadToken[] = [
  {
    name: 'alg none',
    reason: 'alg_not_allowed',
    make: async (issuer) =>
      `${segment({ alg: 'none', typ: 'at+jwt' })}.${segment({
        iss: issuer.issuer,
        aud: issuer.audience,
        sub: 'azubi.anna',
        exp: now() + 300,
      })}.`,
  },
  {
    name: "HS256 signed with the issuer's public key",
    reason: 'alg_not_allowed',
    make: async (issuer) => {
      const rsa = issuer.keys[0];
      if (!rsa) throw new Error('the issuer has no RSA key');
      return new SignJWT({ iss: issuer.issuer, aud: issuer.audience, sub: 'azubi.anna' })
        .setProtectedHeader({ alg: 'HS256', kid: rsa.kid, typ: 'at+jwt' })
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(rsa.publicPem));
    },
  },
  {
    name: 'an algorithm not on the list, even with its key published',
    reason: 'alg_not_allowed',
    make: async (issuer) => {
      const key = await issuer.createKey('rs384-1', 'RS384');
      issuer.published.push(key);
      return issuer.sign({ key });
    },
  },
  {
    name: 'a tampered payload',
    reason: 'signature_invalid',
    make: async (issuer) => {
      const [header, , signature] = (await issuer.sign()).split('.');
      const forged = segment({
        iss: issuer.issuer,
        aud: issuer.audience,
        sub: 'admin.carla',
        exp: now() + 300,
      });
      return `${header}.${forged}.${signature}`;
    },
  },
  {
    name: 'an unknown kid',
    reason: 'unknown_kid',
    make: async (issuer) => issuer.sign({ key: await issuer.createKey('stranger-1') }),
  },
  {
    name: 'expired beyond the tolerance',
    reason: 'token_expired',
    make: (issuer) => issuer.sign({ claims: { exp: now() - 120, iat: now() - 600 } }),
  },
  {
    name: 'nbf in the future',
    reason: 'token_not_yet_valid',
    make: (issuer) => issuer.sign({ claims: { nbf: now() + 120 } }),
  },
  {
    name: 'a wrong iss',
    reason: 'issuer_mismatch',
    make: (issuer) => issuer.sign({ claims: { iss: 'https://evil.example' } }),
  },
  {
    name: 'a missing aud',
    reason: 'audience_mismatch',
    make: (issuer) => issuer.sign({ omit: ['aud'] }),
  },
  {
    name: 'another audience',
    reason: 'audience_mismatch',
    make: (issuer) => issuer.sign({ claims: { aud: 'other-api' } }),
  },
  {
    name: 'an empty sub',
    reason: 'subject_missing',
    make: (issuer) => issuer.sign({ claims: { sub: '' } }),
  },
  {
    name: 'an ID token (typ JWT, nonce, same audience)',
    reason: 'not_an_access_token',
    make: (issuer) =>
      issuer.sign({ header: { typ: 'JWT' }, claims: { nonce: 'n-0S6_WzA2Mj', auth_time: now() } }),
  },
  {
    name: 'an explicitly typed ID token',
    reason: 'not_an_access_token',
    make: (issuer) => issuer.sign({ header: { typ: 'id_token+jwt' } }),
  },
];
