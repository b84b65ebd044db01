import { cleanFileName, type PrintableRecord } from '@berichtsheft/core';

/** `Ausbildungsnachweis Anna Becker 2025-08-01 bis 2028-07-31.pdf`: what the person sees in their downloads. */
export function recordFileName(record: PrintableRecord, extension: 'pdf' | 'zip'): string {
  const { startDate, endDate } = record.apprenticeship;
  // A name is the person's to choose; a slash in it must not turn into a folder.
  const name = record.apprentice.displayName.replace(/[\\/]/g, '-').trim();
  const base = cleanFileName(`Ausbildungsnachweis ${name}`.trim()) ?? 'Ausbildungsnachweis';
  return `${base} ${startDate} bis ${endDate}.${extension}`;
}
