/** The fields of a pdf.js text item that layout needs. */
export interface PositionedTextItem {
  readonly str: string;
  /** The text matrix: [a, b, c, d, x, y]; the font size is the length of (a, b). */
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

interface Placed {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** Text on one baseline between two wide gaps. */
interface Chunk {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Line {
  readonly y: number;
  readonly size: number;
  readonly chunks: readonly Chunk[];
}

/** A gap between items wider than this many font sizes separates columns, not words. */
const COLUMN_GAP = 2.5;
/** A gap wider than this many font sizes is a space between words. */
const WORD_GAP = 0.2;
/** Lines of one column follow each other at most this many font sizes apart (single spacing is ~1.2). */
const COLUMN_LINE_SPACING = 1.8;

/**
 * Puts a page's text items into reading order, one line per baseline (top of the page first, items left
 * to right, a space where the gap between them is wider than a fifth of the font size).
 *
 * Vietnamese administrative documents set the header (issuing body and number on the left, national
 * motto and date on the right) and the closing (recipients on the left, signature on the right) as
 * borderless two-column tables. Read by baseline, those columns interleave ("ỦY BAN NHÂN DÂN CỘNG HÒA
 * XÃ HỘI …"), while the DOCX gives each cell in turn; so a run of lines split by a wide gap is read
 * column by column: the left column's lines, then the right one's. A single-column line joins the run
 * when it lies on one side of the split, follows that column's previous line at line spacing and lines
 * up with it.
 */
export function layoutPageText(items: readonly PositionedTextItem[]): string {
  const output: string[] = [];
  // The band's columns: the left one ends by `leftEnd`, the right one starts from `rightStart`.
  let band: { leftEnd: number; rightStart: number; left: Line[]; right: Line[] } | null = null;
  const closeBand = () => {
    if (!band) return;
    for (const line of [...band.left, ...band.right]) output.push(line.chunks.map((chunk) => chunk.text).join(' '));
    band = null;
  };
  for (const line of baselines(items)) {
    const chunks = line.chunks;
    if (chunks.length === 2) {
      const [left, right] = chunks as [Chunk, Chunk];
      if (!band || left.end >= band.rightStart || right.start <= band.leftEnd) {
        closeBand();
        band = { leftEnd: left.end, rightStart: right.start, left: [], right: [] };
      }
      band.leftEnd = Math.max(band.leftEnd, left.end);
      band.rightStart = Math.min(band.rightStart, right.start);
      band.left.push({ ...line, chunks: [left] });
      band.right.push({ ...line, chunks: [right] });
      continue;
    }
    if (band && chunks.length === 1) {
      const chunk = chunks[0]!;
      const fitsLeft = chunk.end < band.rightStart;
      const fitsRight = chunk.start > band.leftEnd;
      const side = fitsLeft && !fitsRight ? band.left : fitsRight && !fitsLeft ? band.right : null;
      const previous = side?.at(-1);
      if (side && previous && continuesColumn(previous, line)) {
        side.push(line);
        continue;
      }
    }
    closeBand();
    output.push(chunks.map((chunk) => chunk.text).join(' '));
  }
  closeBand();
  return output.join('\n');
}

/**
 * A line continues a column when it follows the column's last line at line spacing and lines up with it
 * (same start, end or centre, within a font size): a body line or title after the header does not.
 */
function continuesColumn(previous: Line, line: Line): boolean {
  const size = Math.max(previous.size, line.size);
  if (previous.y - line.y > COLUMN_LINE_SPACING * size) return false;
  const above = previous.chunks[0]!;
  const chunk = line.chunks[0]!;
  return (
    Math.abs(chunk.start - above.start) <= size ||
    Math.abs(chunk.end - above.end) <= size ||
    Math.abs((chunk.start + chunk.end) / 2 - (above.start + above.end) / 2) <= size
  );
}

/** Groups items into lines by baseline, and each line into chunks separated by column-wide gaps. */
function baselines(items: readonly PositionedTextItem[]): Line[] {
  const placed: Placed[] = items
    .filter((item) => item.str.length > 0)
    .map((item) => {
      const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
      return { str: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height || 10 };
    });
  // Top of the page first; a line gathers the items whose baseline is within half a font size of its
  // first item's, which keeps superscripts (footnote marks) on their line.
  placed.sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Placed[][] = [];
  for (const item of placed) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - item.y) <= Math.max(group[0]!.size, item.size) * 0.5) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      group.sort((p, q) => p.x - q.x);
      const size = Math.max(...group.map((item) => item.size));
      const chunks: Chunk[] = [];
      let text = '';
      let start = group[0]!.x;
      let end = Number.NEGATIVE_INFINITY;
      for (const item of group) {
        const gap = item.x - end;
        if (text.trim() !== '' && gap > COLUMN_GAP * item.size && item.str.trim() !== '') {
          chunks.push({ text: text.trim(), start, end });
          text = '';
          start = item.x;
        } else if (text && gap > WORD_GAP * item.size && !/\s$/.test(text) && !/^\s/.test(item.str)) {
          text += ' ';
        }
        if (text === '') start = item.x;
        text += item.str;
        end = Math.max(end, item.x + item.width);
      }
      if (text.trim() !== '') chunks.push({ text: text.trim(), start, end });
      return { y: group[0]!.y, size, chunks };
    })
    .filter((line) => line.chunks.length > 0);
}
