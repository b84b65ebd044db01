import QRCode from 'qrcode';
import type { Pdf } from './pdfkit-types.js';

/**
 * Draws the QR code of `text` as filled rectangles, `size` points square with its top left corner at (x, y). Vector,
 * not an image: it stays sharp at any zoom and needs no image decoder. The caller keeps the quiet zone free.
 */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = size / count;
  doc.fillColor('#000000');
  // One rectangle per run of dark modules in a row keeps the content stream short.
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      doc.rect(x + start * unit, y + row * unit, (column - start) * unit, unit);
    }
  }
  doc.fill();
}
