import { describe, expect, it } from 'vitest';
import { AUTH_REASON_CODES, isReasonCode, REASON_CODES } from './reasons.js';

describe('REASON_CODES', () => {
  it('names every code once', () => {
    const repeated = REASON_CODES.filter((code, index) => REASON_CODES.indexOf(code) !== index);
    expect(repeated).toEqual([]);
  });

  it('holds only snake_case codes, the form clients accept as a reason', () => {
    for (const code of REASON_CODES) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('includes every reason a token is refused with', () => {
    for (const code of AUTH_REASON_CODES) expect(REASON_CODES).toContain(code);
  });

  it('recognises its own codes and nothing else', () => {
    expect(isReasonCode('stale_version')).toBe(true);
    expect(isReasonCode('Stale version')).toBe(false);
    expect(isReasonCode('toString')).toBe(false);
    expect(isReasonCode(undefined)).toBe(false);
  });
});
