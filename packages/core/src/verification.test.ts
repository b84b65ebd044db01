import { describe, expect, it } from 'vitest';
import { formatVerificationCode, normalizeVerificationCode } from './verification.js';

describe('Prüfcodes as people read and type them', () => {
  it('prints a code in groups of four', () => {
    expect(formatVerificationCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
  });

  it('takes back what was printed, in any case, with spaces, and with O, I and L read as digits', () => {
    expect(normalizeVerificationCode('abcd-efgh-jkmn-pqrs')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeVerificationCode(' 0OIL 1234 5678 9ABC ')).toBe('0011123456789ABC');
  });

  it('refuses what cannot be a code', () => {
    for (const input of [
      '',
      'ABCD',
      'ABCDEFGHJKMNPQRSTV',
      'ABCDEFGHJKMNPQRU',
      '<script>alert(1)</script>',
    ]) {
      expect(normalizeVerificationCode(input)).toBeNull();
    }
  });
});
