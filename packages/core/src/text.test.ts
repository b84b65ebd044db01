import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, hasControlCharacters } from './text.js';

describe('text cleaning', () => {
  it('turns pasted line and page breaks into line breaks and drops other controls', () => {
    expect(cleanText(' Montage\u000bPrüfung\u000cAbnahme\u0000\u0007 ')).toBe(
      'Montage\nPrüfung\nAbnahme',
    );
    expect(cleanText('Spalte\tWert\r\nZeile')).toBe('Spalte\tWert\r\nZeile');
  });

  it('always leaves text that the inputs accept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => !hasControlCharacters(cleanText(text))),
    );
  });
});
