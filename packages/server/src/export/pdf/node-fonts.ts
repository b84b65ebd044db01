import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PdfFonts } from './render-record-pdf.js';

const require = createRequire(import.meta.url);
let loading: Promise<PdfFonts> | undefined;

/** The fonts from the installed package, read once per process: every document embeds its own subset of them. */
export function nodeFonts(): Promise<PdfFonts> {
  loading ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return loading;
}
