import { type Pdf, type StructElement, struct } from './pdfkit-types.js';
import { type Line, wrapText } from './wrap.js';

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

export interface TextStyle {
  font: string;
  size: number;
}

export const STYLE = {
  body: { font: FONT.regular, size: 9 },
  strong: { font: FONT.bold, size: 9 },
  small: { font: FONT.regular, size: 7.5 },
  h1: { font: FONT.bold, size: 22 },
  h2: { font: FONT.bold, size: 14 },
  h3: { font: FONT.bold, size: 10.5 },
} as const satisfies Record<string, TextStyle>;

export const COLOR = { text: '#000000', muted: '#555555', rule: '#8c8c8c', shade: '#e4e4e4' };

/** Wrapped text that goes into one structure element, placed beside the other cells of its row. */
export interface Cell {
  element: StructElement;
  lines: Line[];
  x: number;
  width: number;
  style: TextStyle;
  align: 'left' | 'right';
}

/**
 * Places tagged content on pages from top to bottom. Every piece of text is a structure element's marked content or
 * an artifact, and page breaks fall only between lines, never inside marked content, so nothing has to be carried
 * over to the next page.
 */
export class Layout {
  y = 0;
  private pageNumber = 0;
  private pageOpen = false;
  private runningHead: string | null = null;
  /** Where content starts on this page: what does not fit below it is split rather than moved on. */
  private top = 0;

  constructor(
    readonly doc: Pdf,
    private readonly footer: (page: number) => string,
  ) {}

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    const { width, margins } = this.doc.page;
    return width - margins.left - margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a page; pages that its content runs onto repeat `runningHead` (null: nothing) atop, as an artifact. */
  newPage(runningHead: string | null): void {
    this.runningHead = runningHead;
    this.addPage();
  }

  /** Puts the footer on the last page; pdfkit writes a page out when the next one starts or the document ends. */
  finish(): void {
    if (!this.pageOpen) return;
    this.pageOpen = false;
    const footer = [{ text: this.footer(this.pageNumber), indent: 0 }];
    const y = this.bottom + 20;
    this.artifact(
      'Pagination',
      () => this.drawLines(footer, STYLE.small, this.left, y, this.width, 'left', COLOR.muted),
      'Bottom',
    );
  }

  space(points: number): void {
    this.y += points;
  }

  /** Moves on to a new page unless `height` more points fit on this one, or nothing is on it yet. */
  keep(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.continueOnNewPage();
  }

  section(parent: StructElement, type = 'Sect'): StructElement {
    const element = struct(this.doc, type);
    parent.add(element);
    return element;
  }

  /** A heading or paragraph as one structure element, kept on one page with `keepWithNext` points after it. */
  text(
    parent: StructElement,
    role: string,
    text: string,
    style: TextStyle,
    options: { width?: number; keepWithNext?: number } = {},
  ): void {
    const width = options.width ?? this.width;
    const lines = this.wrap(text, width, style);
    const lineHeight = this.lineHeight(style);
    this.keep(lines.length * lineHeight + (options.keepWithNext ?? 0));
    const element = this.section(parent, role);
    this.flow([{ element, lines, x: this.left, width, style, align: 'left' }], lineHeight, 0);
    element.end();
  }

  /** The height `text` takes when wrapped to `width`. */
  measure(text: string, style: TextStyle, width = this.width): number {
    return this.wrap(text, width, style).length * this.lineHeight(style);
  }

  /** A bulleted list, one item per entry. */
  list(parent: StructElement, items: readonly string[]): void {
    const list = this.section(parent, 'L');
    const lineHeight = this.lineHeight(STYLE.body);
    const indent = 12;
    const style = STYLE.body;
    for (const item of items) {
      const entry = this.section(list, 'LI');
      const label = this.section(entry, 'Lbl');
      const body = this.section(entry, 'LBody');
      const lines = this.wrap(item, this.width - indent, style);
      const bullet = [{ text: '•', indent: 0 }];
      this.flow(
        [
          { element: label, lines: bullet, x: this.left, width: indent, style, align: 'left' },
          {
            element: body,
            lines,
            x: this.left + indent,
            width: this.width - indent,
            style,
            align: 'left',
          },
        ],
        lineHeight,
        0,
      );
      entry.end();
    }
    list.end();
  }

  /** A figure drawn by `draw` into the square of `size` points at (x, y), which the caller has kept room for. */
  figure(
    parent: StructElement,
    alt: string,
    x: number,
    y: number,
    size: number,
    draw: () => void,
  ): void {
    parent.add(struct(this.doc, 'Figure', { alt, bbox: [x, y, x + size, y + size] }, draw));
  }

  /**
   * Lays out side-by-side cells line by line from `y`. Cells that do not fit move to a new page as a whole if a page
   * can hold them; taller ones are split between pages, each part its own marked content of the same element.
   */
  flow(
    cells: readonly Cell[],
    lineHeight: number,
    padding: number,
    hooks: {
      onNewPage?: (() => void) | undefined;
      afterSegment?: ((y: number) => void) | undefined;
    } = {},
  ): void {
    const total = Math.max(1, ...cells.map((cell) => cell.lines.length));
    const pageLines = Math.floor((this.bottom - this.doc.page.margins.top - 60) / lineHeight);
    let done = 0;
    while (done < total) {
      const room = Math.floor((this.bottom - this.y - 2 * padding) / lineHeight);
      const rest = total - done;
      const moveWhole = done === 0 && rest > room && rest <= pageLines;
      if ((moveWhole || room < 1) && this.y > this.top) {
        this.continueOnNewPage();
        hooks.onNewPage?.();
        continue;
      }
      const count = Math.min(rest, Math.max(room, 1));
      const top = this.y;
      for (const cell of cells) {
        const lines = cell.lines.slice(done, done + count);
        if (lines.length === 0) continue;
        cell.element.add(() =>
          this.drawLines(lines, cell.style, cell.x, top + padding, cell.width, cell.align),
        );
      }
      this.y = top + count * lineHeight + 2 * padding;
      hooks.afterSegment?.(this.y);
      done += count;
      if (done < total) {
        this.continueOnNewPage();
        hooks.onNewPage?.();
      }
    }
  }

  // Colours and line widths are set before a path starts: PDF allows no state changes inside a path object.
  rule(y: number, lineWidth: number): void {
    this.artifact('Layout', () => {
      this.doc
        .lineWidth(lineWidth)
        .strokeColor(COLOR.rule)
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .stroke();
    });
  }

  /** Content that is no part of the text (rules, shading, running heads, page numbers), hidden from readers. */
  artifact(type: 'Layout' | 'Pagination', draw: () => void, attached?: 'Top' | 'Bottom'): void {
    this.doc.markContent('Artifact', attached ? { type, attached: [attached] } : { type });
    draw();
    this.doc.endMarkedContent();
  }

  lineHeight(style: TextStyle): number {
    return this.doc.font(style.font).fontSize(style.size).currentLineHeight(true);
  }

  wrap(text: string, width: number, style: TextStyle): Line[] {
    this.doc.font(style.font).fontSize(style.size);
    return wrapText(text, width, (part) => this.doc.widthOfString(part));
  }

  drawLines(
    lines: readonly Line[],
    style: TextStyle,
    x: number,
    y: number,
    width: number,
    align: 'left' | 'right',
    color = COLOR.text,
  ): void {
    const lineHeight = this.lineHeight(style);
    this.doc.fillColor(color);
    lines.forEach((line, index) => {
      if (line.text === '') return;
      const offset = align === 'right' ? width - this.doc.widthOfString(line.text) : line.indent;
      this.doc.text(line.text, x + offset, y + index * lineHeight, { lineBreak: false });
    });
  }

  private addPage(): void {
    this.finish();
    this.doc.addPage();
    this.pageNumber++;
    this.pageOpen = true;
    this.y = this.doc.page.margins.top;
    this.top = this.y;
  }

  private continueOnNewPage(): void {
    this.addPage();
    if (this.runningHead === null) return;
    const head = [{ text: `${this.runningHead} (Fortsetzung)`, indent: 0 }];
    const y = this.y;
    this.artifact(
      'Pagination',
      () => this.drawLines(head, STYLE.h3, this.left, y, this.width, 'left', COLOR.muted),
      'Top',
    );
    this.y += this.lineHeight(STYLE.h3) + 8;
    this.top = this.y;
  }
}
