import { accessSync, constants, readFileSync } from 'node:fs';
import { GAZETTE_ERR_RENDER_FONT_MISSING } from '../errors.js';

/**
 * Font files the issue is set in. Liberation Serif is metric-compatible with Times New Roman, the
 * typeface of Vietnamese administrative documents, and has every Vietnamese glyph; DejaVu Serif stands
 * in where Liberation is not installed (STACK.md §4.7: `fonts-liberation2`, `fonts-dejavu-core`).
 */
export interface IssueFonts {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
}

const LIBERATION = '/usr/share/fonts/truetype/liberation2';
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

const CANDIDATES: Record<keyof IssueFonts, readonly string[]> = {
  regular: [`${LIBERATION}/LiberationSerif-Regular.ttf`, `${DEJAVU}/DejaVuSerif.ttf`],
  bold: [`${LIBERATION}/LiberationSerif-Bold.ttf`, `${DEJAVU}/DejaVuSerif-Bold.ttf`],
  italic: [`${LIBERATION}/LiberationSerif-Italic.ttf`, `${DEJAVU}/DejaVuSerif-Italic.ttf`],
};

/**
 * The font files to use: each given path must exist; a missing role takes the first installed of
 * Liberation Serif and DejaVu Serif. Throws `GAZETTE_ERR_RENDER_FONT_MISSING` naming the file.
 */
export function resolveIssueFonts(fonts: Partial<IssueFonts> = {}): IssueFonts {
  const pick = (role: keyof IssueFonts): string => {
    const given = fonts[role];
    if (given !== undefined) {
      if (!readable(given)) throw GAZETTE_ERR_RENDER_FONT_MISSING.create({ path: given });
      return given;
    }
    const found = CANDIDATES[role].find(readable);
    if (!found) throw GAZETTE_ERR_RENDER_FONT_MISSING.create({ path: CANDIDATES[role][0] });
    return found;
  };
  return Object.freeze({ regular: pick('regular'), bold: pick('bold'), italic: pick('italic') });
}

// Font files are read once per process: a 50-document issue stamps 500 pages and prints three HTML
// pages, and each would otherwise read the same 400 KB again.
const cache = new Map<string, Uint8Array>();

/** The bytes of a font file, cached. */
export function readFontFile(path: string): Uint8Array {
  let bytes = cache.get(path);
  if (!bytes) {
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (error) {
      throw GAZETTE_ERR_RENDER_FONT_MISSING.create({ path }, { cause: error });
    }
    cache.set(path, bytes);
  }
  return bytes;
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
