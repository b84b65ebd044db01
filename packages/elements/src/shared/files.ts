import { getLocale } from '../localization.js';

/** Sizes as people read them: "850 KB", "2,4 MB" in the page's language. */
export function formatSize(bytes: number): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  return bytes < 1024 * 1024
    ? format(Math.max(1, bytes / 1024), 'KB')
    : format(bytes / 1024 / 1024, 'MB');
}

/** Hands a downloaded file to the browser as a download under its own name; no page of the API is ever opened. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
