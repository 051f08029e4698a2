// Vietnamese typed before Unicode was common (and still in some offices) uses 8-bit font encodings:
// TCVN3/ABC with the `.VnTime` family and VNI with `VNI-Times`. Such a file stores Latin-1 code points
// that only the legacy font draws as Vietnamese, so its text reads as "ViÖt Nam" (TCVN3) or
// "Vieät Nam" (VNI), and never compares equal to a Unicode copy (GAZ-12: the electronic copy must use a
// Unicode TCVN 6909:2001 font).

/** A legacy 8-bit Vietnamese encoding. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** What {@link detectLegacyEncoding} found. */
export interface LegacyEncodingDetection {
  /** The encoding the text looks typed in; `null` when it reads as Unicode (or has too few suspect words). */
  readonly encoding: LegacyEncoding | null;
  /** Words that contain a character Unicode Vietnamese never uses there. */
  readonly suspectWords: number;
  /** Words with letters, the denominator of the ratio. */
  readonly words: number;
  /** Up to five suspect words, to show a clerk what was seen. */
  readonly samples: readonly string[];
}

// Latin-1 letters and signs that are not part of the Vietnamese alphabet. TCVN3 puts its letters at
// 0xA1–0xBE (¡ ¢ £ ¤ ¥ ¦ § for Ă Â Ê Ô Ơ Ư Đ, ¨–® for ă â ê ô ơ ư đ, µ ¶ · ¸ ¹ for à ả ã á ạ …) and
// in 0xC6–0xFE; VNI writes a base letter followed by a mark such as ä ø û ï ö ñ.
const TCVN3_ONLY = /[\u00A1-\u00AE\u00B5-\u00B9\u00BB-\u00BE\u00C6\u00C7\u00CE\u00D0\u00D7\u00DE\u00DF\u00E6\u00E7\u00EE\u00F7\u00FE]/u;
const NOT_VIETNAMESE = /[\u00A1-\u00AE\u00B5-\u00B9\u00BB-\u00BE\u00C4-\u00C8\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE]/u;
// TCVN3 draws lowercase ế ệ ề … with upper-case Latin-1 code points (Õ Ö Ò), so "ViÖt" has an upper-case
// accented letter right after a lower-case one, which Unicode Vietnamese words never have.
const UPPER_AFTER_LOWER = /[a-z][\u00C0-\u00DE]/u;
// Letters only Unicode Vietnamese has (ă đ ơ ư and the Latin Extended Additional block): a word with
// one is Unicode, whatever else it contains (a stray Ð for Đ, say).
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/u;
const ASCII_LETTER = /[A-Za-z]/;
const EDGE_QUOTES = /^[«»"'“”(]+|[«»"'“”).,;:!?]+$/gu;

/** Minimum suspect words, and their minimum share of all words, before a text counts as legacy-encoded. */
const MIN_SUSPECT_WORDS = 3;
const MIN_SUSPECT_RATIO = 0.02;

/**
 * Looks for text typed in TCVN3 (ABC) or VNI in what a PDF's text layer or a DOCX gave. Run it on the
 * raw extracted text, before normalisation: TCVN3's ư is U+00AD, which normalisation drops as a soft
 * hyphen.
 *
 * @example
 * ```ts
 * detectLegacyEncoding('Céng hoµ x· héi chñ nghÜa ViÖt Nam').encoding // 'tcvn3'
 * detectLegacyEncoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam').encoding // 'vni'
 * ```
 */
export function detectLegacyEncoding(text: string): LegacyEncodingDetection {
  let words = 0;
  let tcvn3 = 0;
  let vni = 0;
  const samples: string[] = [];
  for (const raw of text.split(/[\s\u00A0]+/u)) {
    const word = raw.replace(EDGE_QUOTES, '');
    if (!/\p{L}/u.test(word)) continue;
    words++;
    if (!ASCII_LETTER.test(word) || UNICODE_VIETNAMESE.test(word)) continue;
    if (!NOT_VIETNAMESE.test(word) && !UPPER_AFTER_LOWER.test(word)) continue;
    if (TCVN3_ONLY.test(word) || UPPER_AFTER_LOWER.test(word)) tcvn3++;
    else vni++;
    if (samples.length < 5) samples.push(word);
  }
  const suspectWords = tcvn3 + vni;
  const legacy = suspectWords >= MIN_SUSPECT_WORDS && suspectWords >= words * MIN_SUSPECT_RATIO;
  return { encoding: legacy ? (tcvn3 >= vni ? 'tcvn3' : 'vni') : null, suspectWords, words, samples };
}

/** Font families made for TCVN3 (`.VnTime`, `.VnTimeH`, `.VnArial`…) or VNI (`VNI-Times`, `VNI-Helve`…). */
export function isLegacyVietnameseFont(family: string): LegacyEncoding | null {
  const name = family.trim();
  if (/^\.vn/i.test(name)) return 'tcvn3';
  if (/^vni[-_ ]/i.test(name)) return 'vni';
  return null;
}

/** The name shown to clerks for an encoding. */
export function legacyEncodingLabel(encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? 'TCVN3 (ABC, .VnTime)' : 'VNI (VNI-Times)';
}
