import type { PrintableRecord } from '@berichtsheft/core';
import { renderCover } from './cover.js';
import { formatDate } from './labels.js';
import { FONT, Layout } from './layout.js';
import { createDocument, type Pdf, struct } from './pdfkit-types.js';
import { renderWeek } from './week.js';

export interface RenderRecordPdfOptions {
  /** Where a printed Prüfcode can be checked; the QR code next to it encodes this address. */
  verificationUrl: (code: string) => string;
  /** The document's title, shown by viewers; `Ausbildungsnachweis – {apprentice}` when unset. */
  title?: string;
  /** The TrueType fonts to embed: every character must come from them, none from a built-in font. */
  fonts: PdfFonts;
}

/** DejaVu Sans, regular and bold, as the files of `dejavu-fonts-ttf` hold them. */
export type PdfFonts = Record<keyof typeof FONT, Uint8Array>;

// pdfkit copies the document information into the XMP metadata without escaping it, so a `&` or `<` there would
// leave the metadata malformed. Look-alike characters keep the text readable in both places.
function metadataText(text: string): string {
  return text.replace(/&/g, '＆').replace(/</g, '‹').replace(/>/g, '›');
}

function openDocument(record: PrintableRecord, title: string | undefined, files: PdfFonts): Pdf {
  const { apprentice, apprenticeship } = record;
  const doc = createDocument({
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: metadataText(title ?? `Ausbildungsnachweis – ${apprentice.displayName}`),
      Author: metadataText(apprentice.displayName),
      Subject: metadataText(
        `Ausbildungsnachweis ${apprenticeship.occupation}, ${formatDate(apprenticeship.startDate)} – ${formatDate(apprenticeship.endDate)}`,
      ),
      Creator: 'Berichtsheft',
    },
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    autoFirstPage: false,
    bufferPages: false,
    font: null,
  });
  doc.registerFont(FONT.regular, files.regular);
  doc.registerFont(FONT.bold, files.bold);
  doc.font(FONT.regular);
  return doc;
}

/** A turn of the event loop for other work; a browser (the playground) has no setImmediate. */
const yieldToOthers = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

/**
 * Lets go of a document nobody reads any more. In Node it is a stream to destroy; pdfkit's browser build (the
 * playground) has no such method, and there the rendering simply stops.
 */
function release(doc: Pdf): void {
  (doc as Partial<{ destroy(): void }>).destroy?.();
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The record as an accessible (tagged, PDF/UA-flagged) PDF: a cover sheet, then every week on pages of its own.
 * Rendered as it is read: the cover on the first pull, then one week per pull, so a long apprenticeship never lies
 * in memory whole and a reader that stops reading stops the rendering.
 */
export function renderRecordPdf(
  record: PrintableRecord,
  options: RenderRecordPdfOptions,
): ReadableStream<Uint8Array> {
  const doc = openDocument(record, options.title, options.fonts);
  const layout = new Layout(
    doc,
    (page) => `${record.apprentice.displayName} · Ausbildungsnachweis · Seite ${page}`,
  );
  const document = struct(doc, 'Document');
  // Each step renders one part and stops before the next: the cover, then one week at a time, the end with the last.
  function* steps(): Generator<void, void, void> {
    renderCover(layout, document, record);
    for (const week of record.weeks) {
      yield;
      renderWeek(layout, document, record, week, options.verificationUrl);
    }
    layout.finish();
    doc.end();
  }
  const render = steps();
  // pdfkit emits an object in several small pieces; each pull hands on what it produced as one chunk.
  let pending: Uint8Array[] = [];
  let stopped = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      doc.on('data', (chunk: Uint8Array) => {
        if (!stopped) pending.push(chunk);
      });
      doc.once('end', () => {
        if (stopped) return;
        stopped = true;
        if (pending.length > 0) controller.enqueue(concat(pending));
        pending = [];
        controller.close();
      });
      doc.once('error', (error: unknown) => {
        if (stopped) return;
        stopped = true;
        controller.error(error);
      });
      doc.addStructure(document);
    },

    async pull(controller) {
      if (stopped) return;
      try {
        render.next();
      } catch (error) {
        stopped = true;
        release(doc);
        throw error;
      }
      // Lets other work run between weeks; pdfkit also delivers some data on the next tick, which arrives meanwhile.
      await yieldToOthers();
      if (stopped || pending.length === 0) return;
      controller.enqueue(concat(pending));
      pending = [];
    },

    cancel() {
      stopped = true;
      pending = [];
      release(doc);
    },
  });
}
