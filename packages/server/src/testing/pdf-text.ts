import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF read back the way a screen reader or a copy from a viewer sees it: its pages and their text. */
export interface ReadPdf {
  document: pdfjs.PDFDocumentProxy;
  pages: string[];
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of the buffer it reads; the caller keeps its own bytes.
  const document = await pdfjs.getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join(''),
    );
  }
  return { document, pages, text: pages.join('\n') };
}
