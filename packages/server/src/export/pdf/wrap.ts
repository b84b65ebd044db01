/** A paragraph starting with this is a bullet point: its further lines align with its text. */
export const BULLET = '• ';

export interface Line {
  text: string;
  /** Points from the left edge of the column. */
  indent: number;
}

/** How many UTF-16 units of `word`, cut at a code point boundary, fit into `width`; at least one code point. */
function longestFit(word: string, width: number, measure: (text: string) => number): number {
  const chars = Array.from(word);
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, middle).join('')) <= width) low = middle;
    else high = middle - 1;
  }
  return chars.slice(0, low).join('').length;
}

function wrapParagraph(
  paragraph: string,
  width: number,
  hanging: number,
  measure: (text: string) => number,
  lines: Line[],
): void {
  const fits = (text: string, indent: number) => measure(text) <= width - indent;
  let line = '';
  let indent = 0;
  for (const word of paragraph.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate, indent)) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push({ text: line, indent });
      indent = hanging;
    }
    // A word wider than the column (a URL, a long compound) is cut where it reaches the edge.
    let rest = word;
    while (!fits(rest, indent)) {
      const cut = longestFit(rest, width - indent, measure);
      lines.push({ text: rest.slice(0, cut), indent });
      indent = hanging;
      rest = rest.slice(cut);
    }
    line = rest;
  }
  lines.push({ text: line, indent });
}

/**
 * Greedy word wrap into lines no wider than `width`, with widths as `measure` gives them; line breaks in the text
 * are kept. Ours rather than pdfkit's, so that a page break can fall between any two lines of a table cell.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): Line[] {
  const lines: Line[] = [];
  for (const paragraph of text.trimEnd().split(/\r?\n/)) {
    const hanging = paragraph.startsWith(BULLET) ? measure(BULLET) : 0;
    wrapParagraph(paragraph.trimEnd(), width, hanging, measure, lines);
  }
  return lines;
}
