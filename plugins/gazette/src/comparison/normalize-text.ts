/** One word of a text as the comparison sees it, with where it came from in the text as given. */
export interface TextToken {
  /** The normalised word: NFC, one kind of dash and quote, no soft hyphens or zero-width characters. */
  readonly text: string;
  /** Offset of the word's first code unit in the original string. */
  readonly start: number;
  /** Offset just past the word's last code unit in the original string. */
  readonly end: number;
}

// Characters that carry no text: soft hyphen, zero-width space and joiners, word joiner, BOM.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
// Hyphen, non-breaking hyphen, figure dash, en and em dashes, horizontal bar, minus sign and their
// small and full-width forms: one `-`. Word and PDF producers swap them freely; a law's meaning does not
// change with them.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const SINGLE_QUOTES = /[\u2018-\u201B\u2032\u00B4]/gu;
const DOUBLE_QUOTES = /[\u201C-\u201F\u2033\u00AB\u00BB]/gu;
// Typographic ligatures a PDF's text layer may return for "fi", "fl", …
const LIGATURES = /[\uFB00-\uFB06]/gu;
// Whitespace that ends a line in a PDF's text (or a page: form feed).
const LINE_BREAK = /[\n\r\f\u2028\u2029]/u;

/**
 * One word normalised for comparison: Unicode NFC (decomposed Vietnamese, as some Mac and "Unicode tổ
 * hợp" input methods produce, becomes the composed form), invisible characters dropped, dashes, quotes,
 * ellipses and ligatures unified. Letter case and punctuation are kept: they are part of a law's text.
 */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/\u2026/gu, '...')
    .replace(LIGATURES, (ligature) => ligature.normalize('NFKC'));
}

/**
 * Splits a text into normalised words for comparison, keeping each word's offsets in the text given, so
 * a discrepancy can be shown in its original context. Whitespace of any kind and amount only separates
 * words. A word broken across a line with a hyphen (`QĐ-` / `UBND`) or a soft hyphen is joined again:
 * a hard hyphen is kept (`QĐ-UBND`, since Vietnamese document symbols are full of them), a soft hyphen
 * is dropped.
 */
export function tokenizeForComparison(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let previousRaw = '';
  let previousEnd = 0;
  for (const match of text.matchAll(/\S+/gu)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const word = normalizeWord(raw);
    if (word === '') continue;
    const last = tokens.at(-1);
    if (last && continuesAcrossLineBreak(previousRaw, text.slice(previousEnd, start), word)) {
      tokens[tokens.length - 1] = { text: last.text + word, start: last.start, end };
    } else {
      tokens.push({ text: word, start, end });
    }
    previousRaw = raw;
    previousEnd = end;
  }
  return tokens;
}

/** The text as the comparison sees it: its normalised words joined by single spaces. */
export function normalizeForComparison(text: string): string {
  return tokenizeForComparison(text)
    .map((token) => token.text)
    .join(' ');
}

function continuesAcrossLineBreak(previousRaw: string, gap: string, next: string): boolean {
  if (!LINE_BREAK.test(gap) || !/^\p{L}/u.test(next)) return false;
  return /\p{L}\u00AD$/u.test(previousRaw) || /\p{L}[-\u2010\u2011]$/u.test(previousRaw);
}
