import { accessSync, constants, readFileSync } from 'node:fs';

/**
 * Serif fonts with every Vietnamese glyph for the PDF report: Liberation Serif (metric-compatible with
 * Times New Roman, the typeface of administrative documents), else DejaVu Serif (STACK.md §4.7:
 * `fonts-liberation2`, `fonts-dejavu-core`). The same choice as the gazette's issues.
 */
const CANDIDATES = {
  regular: ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'],
  bold: ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf'],
  italic: ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf'],
} as const;

export type FontRole = keyof typeof CANDIDATES;

// Read once per process.
const cache = new Map<FontRole, Buffer>();

/** The bytes of the font for `role`; throws naming the files looked for when none is installed. */
export function reportFont(role: FontRole): Buffer {
  let bytes = cache.get(role);
  if (!bytes) {
    const path = CANDIDATES[role].find((p) => {
      try {
        accessSync(p, constants.R_OK);
        return true;
      } catch {
        return false;
      }
    });
    if (!path) throw new Error(`No font with Vietnamese glyphs installed for the PDF report: install fonts-liberation2 or fonts-dejavu-core (${CANDIDATES[role].join(', ')})`);
    bytes = readFileSync(path);
    cache.set(role, bytes);
  }
  return bytes;
}
