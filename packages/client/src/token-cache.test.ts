import { describe, expect, it } from 'vitest';
import { EXPIRY_MARGIN_MS, expiryOf, TokenCache } from './token-cache.js';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part(claims)}.signature`;
}

describe('expiryOf', () => {
  it('reads exp from a JWT payload in milliseconds', () => {
    expect(expiryOf(jwt({ sub: 'azubi.anna', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it('gives null for opaque tokens and payloads without exp', () => {
    expect(expiryOf('opaque-token')).toBeNull();
    expect(expiryOf(jwt({ sub: 'x' }))).toBeNull();
    expect(expiryOf('a.%%%.c')).toBeNull();
  });
});

describe('TokenCache', () => {
  it('reuses a token until shortly before it expires, then asks the host again', async () => {
    let now = 1_000_000;
    const issued: boolean[] = [];
    const cache = new TokenCache(
      ({ forceRefresh }) => {
        issued.push(forceRefresh);
        return jwt({ exp: (now + 120_000) / 1000, n: issued.length });
      },
      () => now,
    );
    const first = await cache.get();
    expect(await cache.get()).toBe(first);
    now += 120_000 - EXPIRY_MARGIN_MS - 1;
    expect(await cache.get()).toBe(first);
    now += 2;
    const second = await cache.get();
    expect(second).not.toBe(first);
    expect(issued).toEqual([false, false]);
  });

  it('merges concurrent requests into one call to the host', async () => {
    let calls = 0;
    let release: (token: string) => void = () => {};
    const promise = new Promise<string>((resolve) => {
      release = resolve;
    });
    const cache = new TokenCache(() => {
      calls += 1;
      return promise;
    });
    const all = Promise.all([cache.get(), cache.get(), cache.refresh(null)]);
    release(jwt({ exp: Date.now() / 1000 + 3600 }));
    const tokens = await all;
    expect(calls).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('does not reuse a token whose expiry it cannot read', async () => {
    let calls = 0;
    const cache = new TokenCache(() => `opaque-${++calls}`);
    expect(await cache.get()).toBe('opaque-1');
    expect(await cache.get()).toBe('opaque-2');
  });

  it('refreshes a rejected token but keeps one that another request already replaced', async () => {
    let calls = 0;
    const cache = new TokenCache(({ forceRefresh }) =>
      jwt({ exp: Date.now() / 1000 + 3600, n: ++calls, forceRefresh }),
    );
    const first = await cache.get();
    const fresh = await cache.refresh(first);
    expect(fresh).not.toBe(first);
    expect(await cache.refresh(first)).toBe(fresh);
    expect(calls).toBe(2);
  });

  it('lets a failing host callback fail the request and asks again next time', async () => {
    let calls = 0;
    const cache = new TokenCache(() => {
      calls += 1;
      if (calls === 1) throw new Error('login service down');
      return 'opaque';
    });
    await expect(cache.get()).rejects.toThrow('login service down');
    expect(await cache.get()).toBe('opaque');
  });
});
