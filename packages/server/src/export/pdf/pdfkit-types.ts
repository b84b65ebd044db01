import PDFDocument from 'pdfkit';

// @types/pdfkit 0.17 trails pdfkit 0.20: it knows neither the PDF/UA subset, nor a document without a default font,
// nor the table and layout attributes that pdfkit writes for structure elements. This file is the one place that
// widens those types; everything else uses the names below.

export type Pdf = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;
type StructChild = PDFKit.PDFStructureElementChild;

export interface StructOptions extends PDFKit.Mixins.StructureElementOptions {
  /** The /Scope table attribute of a header cell. */
  scope?: 'Row' | 'Column' | 'Both';
  /** The /BBox layout attribute, in pdfkit's top-down coordinates: [left, top, right, bottom]. */
  bbox?: [number, number, number, number];
}

export function struct(
  doc: Pdf,
  type: string,
  options: StructOptions = {},
  children?: StructChild | StructChild[],
): StructElement {
  return doc.struct(type, options, children);
}

export interface DocumentOptions extends Omit<PDFKit.PDFDocumentOptions, 'subset' | 'font'> {
  subset: 'PDF/UA';
  /** No default font: pdfkit would otherwise set up Helvetica, which knows Latin-1 only. */
  font: null;
}

export function createDocument(options: DocumentOptions): Pdf {
  return new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
}
