import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_TOKENS } from './testing/bad-tokens.js';
import { type LocalIssuer, reservePort, startLocalIssuer } from './testing/local-issuer.js';
import { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from './verifier.js';

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const quiet = { onIssuerError: () => {} };

let issuer: LocalIssuer;
let verifier: TokenVerifier;

function verifierFor(overrides: Partial<TokenVerifierOptions> = {}): TokenVerifier {
  return createTokenVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    algorithms: ALGORITHMS,
    ...quiet,
    ...overrides,
  });
}

const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  issuer = await startLocalIssuer();
  verifier = verifierFor();
});

afterAll(async () => {
  await issuer.close();
});

describe('createTokenVerifier', () => {
  it('accepts a valid access token and returns the identity with e-mail and name', async () => {
    const token = await issuer.sign({ claims: { email: 'anna@example.com', name: 'Anna Azubi' } });
    expect(await verifier.verify(token)).toEqual({
      ok: true,
      identity: {
        issuer: issuer.issuer,
        subject: 'azubi.anna',
        email: 'anna@example.com',
        displayName: 'Anna Azubi',
      },
    });
  });

  it('accepts ES256 keys and tokens without typ or with the generic JWT typ', async () => {
    const es = issuer.keys[1];
    const untyped = await issuer.sign({ key: es, header: { typ: undefined } });
    const generic = await issuer.sign({ header: { typ: 'JWT' } });
    expect(await verifier.verify(untyped)).toMatchObject({ ok: true });
    expect(await verifier.verify(generic)).toMatchObject({ ok: true });
  });

  it('tolerates small clock skew on exp', async () => {
    const token = await issuer.sign({ claims: { exp: now() - 10 } });
    expect(await verifier.verify(token)).toMatchObject({ ok: true });
  });

  it.each(BAD_TOKENS)('refuses $name', async ({ make, reason }) => {
    expect(await verifier.verify(await make(issuer))).toEqual({ ok: false, reason, status: 401 });
  });

  it.each([
    ['a missing sub', () => issuer.sign({ omit: ['sub'] }), 'subject_missing'],
    ['a token without exp', () => issuer.sign({ omit: ['exp'] }), 'token_malformed'],
    ['a token that is not a JWS', async () => 'not.a-token!', 'token_malformed'],
  ])('refuses %s', async (_name, makeToken, reason) => {
    expect(await verifier.verify(await makeToken())).toEqual({ ok: false, reason, status: 401 });
  });

  it('reports a missing token', async () => {
    expect(await verifier.verify(undefined)).toEqual({
      ok: false,
      reason: 'token_missing',
      status: 401,
    });
  });

  it('fetches the key set at most once per cooldown for a flood of unknown kids', async () => {
    const fresh = verifierFor();
    expect(await fresh.verify(await issuer.sign())).toMatchObject({ ok: true });
    const before = issuer.requests.jwks;
    const strangers = await Promise.all(
      Array.from({ length: 5 }, (_, index) => issuer.createKey(`flood-${index}`)),
    );
    const results = await Promise.all(
      strangers.map(async (key) => fresh.verify(await issuer.sign({ key }))),
    );
    expect(results.every((result) => !result.ok && result.reason === 'unknown_kid')).toBe(true);
    expect(issuer.requests.jwks - before).toBeLessThanOrEqual(1);
  });

  it('picks up a rotated key without restart once the cooldown has passed', async () => {
    const rotating = verifierFor({ jwksCooldownMs: 50 });
    expect(await rotating.verify(await issuer.sign())).toMatchObject({ ok: true });
    const next = await issuer.createKey('rs-2');
    issuer.published.push(next);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await rotating.verify(await issuer.sign({ key: next }))).toMatchObject({ ok: true });
  });

  it('answers issuer_unreachable (503) while the issuer is down and recovers when it starts', async () => {
    const port = await reservePort();
    const errors: Error[] = [];
    const early = createTokenVerifier({
      issuer: `http://127.0.0.1:${port}`,
      audience: 'berichtsheft-api',
      algorithms: ALGORITHMS,
      fetchTimeoutMs: 1000,
      onIssuerError: (error) => errors.push(error),
    });
    const late = await startLocalIssuer({ port });
    await late.close();
    const tokenFromLate = await late.sign();
    expect(await early.verify(tokenFromLate)).toEqual({
      ok: false,
      reason: 'issuer_unreachable',
      status: 503,
    });
    expect(errors).toHaveLength(1);
    const started = await startLocalIssuer({ port });
    try {
      // Same port, new keys: the token must come from the issuer that is now running.
      expect(await early.verify(await started.sign())).toMatchObject({ ok: true });
    } finally {
      await started.close();
    }
  });

  it('answers issuer_unreachable when the key set cannot be loaded and nothing is cached', async () => {
    const fresh = verifierFor();
    issuer.jwksAvailable = false;
    try {
      expect(await fresh.verify(await issuer.sign())).toMatchObject({
        ok: false,
        reason: 'issuer_unreachable',
        status: 503,
      });
    } finally {
      issuer.jwksAvailable = true;
    }
    expect(await fresh.verify(await issuer.sign())).toMatchObject({ ok: true });
  });

  it('keeps verifying with the keys it has when a refetch fails, without retrying on every request', async () => {
    const stale = verifierFor({ jwksCacheMaxAgeMs: 20, jwksCooldownMs: 10_000 });
    expect(await stale.verify(await issuer.sign())).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 40));
    issuer.jwksAvailable = false;
    try {
      const before = issuer.requests.jwks;
      for (let index = 0; index < 3; index += 1) {
        expect(await stale.verify(await issuer.sign())).toMatchObject({ ok: true });
      }
      const stranger = await issuer.createKey('stale-stranger');
      expect(await stale.verify(await issuer.sign({ key: stranger }))).toMatchObject({
        reason: 'unknown_kid',
      });
      expect(issuer.requests.jwks - before).toBe(1);
    } finally {
      issuer.jwksAvailable = true;
    }
  });

  it('refuses a discovery document that names another issuer', async () => {
    const errors: Error[] = [];
    const mismatched = createTokenVerifier({
      issuer: `${issuer.issuer}/`,
      audience: issuer.audience,
      algorithms: ALGORITHMS,
      onIssuerError: (error) => errors.push(error),
    });
    expect(await mismatched.verify(await issuer.sign())).toMatchObject({
      reason: 'issuer_unreachable',
    });
    expect(errors[0]?.message).toMatch(/names issuer/);
  });
});
