import { layoutPageText, type PositionedTextItem } from './pdf-page-layout.js';

/** A recognised line's box height is about this many times its font size (accents and descenders). */
const LINE_BOX_PER_FONT_SIZE = 1.15;

/**
 * Turns Tesseract's TSV output (one row per block, paragraph, line and word, with pixel boxes) into a
 * page's text, laid out by {@link layoutPageText} like a PDF's text layer: the same reading order for a
 * scanned original as for a born-digital one, including two-column headers read column by column.
 * Every word of a line sits on the line's bottom edge, so the words of one line share a baseline.
 */
export function tesseractTsvToText(tsv: string): string {
  const lines = new Map<string, { top: number; height: number }>();
  const words: { line: string; left: number; width: number; text: string }[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, paragraph, line, , left, top, width, height] = cells.map(Number);
    const key = `${block}.${paragraph}.${line}`;
    if (level === 4) lines.set(key, { top: top!, height: height! });
    const text = cells.slice(11).join('\t').trim();
    if (level === 5 && text !== '') words.push({ line: key, left: left!, width: width!, text });
  }
  const items: PositionedTextItem[] = [];
  for (const word of words) {
    const line = lines.get(word.line);
    if (!line) continue;
    const size = line.height / LINE_BOX_PER_FONT_SIZE;
    // Image rows grow downwards, PDF baselines upwards. The trailing space keeps Tesseract's word
    // boundaries even where two boxes nearly touch.
    items.push({ str: `${word.text} `, transform: [size, 0, 0, size, word.left, -(line.top + line.height)], width: word.width, height: size });
  }
  return layoutPageText(items);
}
