import { type Cell, COLOR, type Layout, STYLE } from './layout.js';
import { type StructElement, struct } from './pdfkit-types.js';

export interface Column {
  header: string;
  /** Points; the column without a width takes what the others leave. */
  width?: number;
  align?: 'left' | 'right';
  /** The column's cells name their row (TH, scope Row) rather than holding data. */
  rowHeader?: boolean;
}

interface Box {
  x: number;
  width: number;
}

const PADDING = 3;

function boxesOf(layout: Layout, columns: readonly Column[]): Box[] {
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  let x = layout.left;
  return columns.map((column) => {
    const width = column.width ?? layout.width - fixed;
    const box = { x, width };
    x += width;
    return box;
  });
}

function headerCells(layout: Layout, columns: readonly Column[], boxes: readonly Box[]) {
  return columns.map((column, index) => {
    const box = boxes[index] ?? { x: layout.left, width: layout.width };
    const width = box.width - 2 * PADDING;
    return {
      column,
      x: box.x + PADDING,
      width,
      lines: layout.wrap(column.header, width, STYLE.strong),
    };
  });
}

function headerHeight(layout: Layout, columns: readonly Column[], boxes: readonly Box[]): number {
  const lines = Math.max(
    1,
    ...headerCells(layout, columns, boxes).map((cell) => cell.lines.length),
  );
  return lines * layout.lineHeight(STYLE.strong) + 2 * PADDING;
}

/** The header row on a shaded band: tagged TH cells in `table`, or an artifact where a page repeats it (null). */
function headerRow(
  layout: Layout,
  table: StructElement | null,
  columns: readonly Column[],
  boxes: readonly Box[],
): void {
  const top = layout.y;
  const height = headerHeight(layout, columns, boxes);
  layout.artifact('Layout', () => {
    layout.doc.fillColor(COLOR.shade).rect(layout.left, top, layout.width, height).fill();
  });
  const row = table ? layout.section(table, 'TR') : null;
  for (const cell of headerCells(layout, columns, boxes)) {
    const align = cell.column.align ?? 'left';
    const draw = () =>
      layout.drawLines(cell.lines, STYLE.strong, cell.x, top + PADDING, cell.width, align);
    if (row) row.add(struct(layout.doc, 'TH', { scope: 'Column' }, draw));
    else layout.artifact('Layout', draw);
  }
  row?.end();
  layout.y = top + height;
  layout.rule(layout.y, 0.8);
}

/**
 * A table drawn row by row. With `columnHeaders` a header row names the columns and is repeated, as an artifact,
 * where the table continues on a new page; without, columns marked `rowHeader` label the rows.
 */
export function drawTable(
  layout: Layout,
  parent: StructElement,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: { columnHeaders: boolean },
): void {
  const boxes = boxesOf(layout, columns);
  const lineHeight = layout.lineHeight(STYLE.body);
  const table = layout.section(parent, 'Table');
  const header = options.columnHeaders ? headerHeight(layout, columns, boxes) : 0;
  // A table does not start with its header alone at the foot of a page.
  layout.keep(header + 3 * lineHeight + 2 * PADDING);
  if (options.columnHeaders) headerRow(layout, table, columns, boxes);
  for (const texts of rows) {
    const row = layout.section(table, 'TR');
    const cells = columns.map((column, index): Cell => {
      const style = column.rowHeader ? STYLE.strong : STYLE.body;
      const box = boxes[index] ?? { x: layout.left, width: layout.width };
      const element = column.rowHeader
        ? struct(layout.doc, 'TH', { scope: 'Row' })
        : struct(layout.doc, 'TD');
      row.add(element);
      const width = box.width - 2 * PADDING;
      const lines = layout.wrap(texts[index] ?? '', width, style);
      return { element, lines, x: box.x + PADDING, width, style, align: column.align ?? 'left' };
    });
    layout.flow(cells, lineHeight, PADDING, {
      onNewPage: options.columnHeaders ? () => headerRow(layout, null, columns, boxes) : undefined,
      afterSegment: options.columnHeaders ? (y) => layout.rule(y, 0.4) : undefined,
    });
    row.end();
  }
  table.end();
}
