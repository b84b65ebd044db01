import { describe, expect, it } from 'vitest';
import { cleanFileName, FILE_LIMITS, mediaTypeOf } from './files.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('mediaTypeOf', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(mediaTypeOf(text('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(mediaTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(mediaTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
  });

  it('refuses HTML, SVG, programs and anything short, whatever the name says', () => {
    expect(mediaTypeOf(text('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(
      mediaTypeOf(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')),
    ).toBeNull();
    expect(mediaTypeOf(text('MZ\x90\x00'))).toBeNull();
    expect(mediaTypeOf(text(' %PDF-1.7'))).toBeNull();
    expect(mediaTypeOf(bytes(0xff, 0xd8))).toBeNull();
    expect(mediaTypeOf(bytes())).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps the last part of a path, without control characters', () => {
    expect(cleanFileName('C:\\Users\\anna\\Nachweis KW 47.pdf')).toBe('Nachweis KW 47.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('Bericht\u0000\u001b.pdf')).toBe('Bericht.pdf');
    expect(cleanFileName('Prüfung – Übersicht ß.pdf')).toBe('Prüfung – Übersicht ß.pdf');
  });

  it('gives null when nothing usable is left, and cuts long names', () => {
    for (const name of ['', '   ', '..', 'a/', '\u0001']) expect(cleanFileName(name)).toBeNull();
    expect(cleanFileName('x'.repeat(500))).toHaveLength(FILE_LIMITS.nameMax);
  });
});
