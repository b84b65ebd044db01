import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, hasControlCharacters, isCleanText } from './text.js';

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
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => isCleanText(cleanText(text))));
  });

  it('drops lone surrogates, keeps pairs, and calls only text without either clean', () => {
    expect(cleanText('Prüfung \uD800 bestanden \uD83D\uDE00')).toBe(
      'Prüfung  bestanden \uD83D\uDE00',
    );
    expect(isCleanText('Prüfung \uD83D\uDE00')).toBe(true);
    expect(isCleanText('Prüfung \uDE00')).toBe(false);
    expect(isCleanText('Prüfung\u0000')).toBe(false);
    expect(isCleanText('Zeile\nZeile\tSpalte')).toBe(true);
  });
});
