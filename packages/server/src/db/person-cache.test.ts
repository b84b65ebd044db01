import { describe, expect, it } from 'vitest';
import { PersonIdCache } from './person-cache.js';

describe('the person id cache', () => {
  it('knows a pair by issuer and subject, which never run together', () => {
    const cache = new PersonIdCache();
    cache.set('https://a.test', 'bc', 'first');
    cache.set('https://a.testb', 'c', 'second');
    expect(cache.get('https://a.test', 'bc')).toBe('first');
    expect(cache.get('https://a.testb', 'c')).toBe('second');
    expect(cache.get('https://a.test', 'b')).toBeUndefined();
  });

  it('stays within its limit by dropping the pair used longest ago', () => {
    const cache = new PersonIdCache(2);
    cache.set('i', 'a', '1');
    cache.set('i', 'b', '2');
    expect(cache.get('i', 'a')).toBe('1');
    cache.set('i', 'c', '3');
    expect(cache.size).toBe(2);
    expect(cache.get('i', 'b')).toBeUndefined();
    expect([cache.get('i', 'a'), cache.get('i', 'c')]).toEqual(['1', '3']);
  });

  it('forgets a pair on request', () => {
    const cache = new PersonIdCache();
    cache.set('i', 'a', '1');
    cache.forget('i', 'a');
    expect(cache.get('i', 'a')).toBeUndefined();
  });

  it('refuses a limit that is no positive integer', () => {
    expect(() => new PersonIdCache(0)).toThrow(RangeError);
    expect(() => new PersonIdCache(1.5)).toThrow(RangeError);
  });
});
