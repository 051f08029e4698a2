import { fold } from '@cong/sdk';
import type { Clause } from './search-query.js';

/** Snippets are looked for in the first part of the body only, to bound the work per hit. */
const SNIPPET_SCAN_CHARS = 50_000;
const SNIPPET_CHARS = 200;
/**
 * The start of a body that {@link makeSnippet} can use: the scanned part, the snippet after a match at
 * its end, and one character more, so a body cut there still reads as going on (` …`).
 */
export const SNIPPET_SOURCE_CHARS = SNIPPET_SCAN_CHARS + SNIPPET_CHARS + 1;
/** Characters of context kept before the first match in a snippet. */
const SNIPPET_LEAD_CHARS = 60;
/** The body is folded this many characters at a time while looking for the first match. */
const SNIPPET_CHUNK_CHARS = 600;
/** A match this close to the folded end may be the start of a longer word: fold on before trusting it. */
const SNIPPET_WORD_GUARD = 100;

/**
 * How {@link makeSnippet} finds the first match: in the text as stored, or in its folded form. Each
 * expression matches a term's letters and the end of its word; where a word starts is checked by
 * {@link firstWordMatch}, not by a lookbehind in the expression: a lookbehind in front made the engine
 * test it at every character of the body (~23 µs for a 2,200-character body, against ~5 µs).
 */
export interface SnippetFinder {
  /** On the original text: each folded letter stands for every letter that folds to it (`d` → `[dDđĐ]`). */
  readonly original: RegExp;
  /** On folded text (lower case, no marks, `đ` → `d`). */
  readonly folded: RegExp;
}

/**
 * Regular expressions finding the places any query term occurs (the last term as a prefix when it is
 * one), for {@link firstWordMatch}. Phrases are located by their first word.
 */
export function snippetFinder(clauses: readonly Clause[]): SnippetFinder {
  const words = clauses.map((c) => ({ word: c.tokens[0]!, prefix: c.prefix }));
  const pattern = (letters: (word: string) => string) =>
    new RegExp(`(?:${words.map(({ word, prefix }) => `${letters(word)}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`).join('|')})`, 'gu');
  return { original: pattern((word) => Array.from(word, anyLetterFoldingTo).join('')), folded: pattern(escapeRegExp) };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The first match of `finder` in `text` that starts a word (no letter or digit right before it), or null. */
export function firstWordMatch(finder: RegExp, text: string): RegExpExecArray | null {
  finder.lastIndex = 0;
  for (;;) {
    const found = finder.exec(text);
    if (!found) return null;
    const at = found.index;
    // The character before, whole when it is the second half of a surrogate pair.
    const before = at === 0 ? '' : isLowSurrogate(text.charCodeAt(at - 1)) && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
    if (!LETTER_OR_DIGIT.test(before)) return found;
    finder.lastIndex = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The letters of Latin scripts that fold to each single letter (`a` → `aàáảãạăằắ…AÀÁ…`), from the
 * Latin blocks up to Latin Extended Additional, where every Vietnamese letter is.
 */
const FOLDS_TO = (() => {
  const table = new Map<string, string>();
  const add = (ch: string) => {
    const f = fold(ch);
    if (f.length === 1 && f !== ch) table.set(f, (table.get(f) ?? f) + ch);
  };
  for (let code = 0x41; code <= 0x24f; code++) add(String.fromCharCode(code));
  for (let code = 0x1e00; code <= 0x1eff; code++) add(String.fromCharCode(code));
  return table;
})();

function anyLetterFoldingTo(ch: string): string {
  const variants = FOLDS_TO.get(ch);
  if (variants) return `[${variants}]`;
  const upper = ch.toUpperCase();
  return upper !== ch && upper.length === 1 ? `[${escapeRegExp(ch)}${escapeRegExp(upper)}]` : escapeRegExp(ch);
}

/** Per-character folds of non-ASCII characters; Vietnamese text uses a small, repeating set. */
const foldCache = new Map<string, string>();

/**
 * About {@link SNIPPET_CHARS} characters of the original (unfolded) body around the first match,
 * cut at spaces and marked with `…` where cut; the start of the body when the match was only in the
 * title. Plain text: the caller escapes it like any other text when rendering HTML.
 */
export function makeSnippet(body: string, finder: SnippetFinder): string {
  const scan = body.length > SNIPPET_SCAN_CHARS ? body.slice(0, SNIPPET_SCAN_CHARS) : body;
  return around(body, firstMatchAt(scan, finder));
}

/**
 * Where the first match starts in `text` (0 when nothing matches). Stored text is NFC, where every
 * Vietnamese letter is one character: the original-text expression finds the match where it is, in one
 * native pass (folding the body took ~25 ns a character, and a hit matching only in its title folded
 * all of it). When that finds nothing in text with combining marks (decomposed text; Lao, Thai), the
 * text is folded and mapped back character by character.
 */
export function firstMatchAt(text: string, finder: SnippetFinder): number {
  const found = firstWordMatch(finder.original, text);
  if (found) return found.index;
  return COMBINING_MARK.test(text) ? firstMatchByCharacters(text, finder.folded) : 0;
}

const COMBINING_MARK = /\p{M}/u;

/** Where the first match starts, folding character by character and remembering where each folded character came from. */
export function firstMatchByCharacters(scan: string, finder: RegExp): number {
  // The first match is usually near the start: fold a chunk at a time and stop once a match ends well
  // before the folded end (a word cut at the end could still continue in the next chunk).
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  let found: RegExpExecArray | null = null;
  let checkAt = SNIPPET_CHUNK_CHARS;
  for (const ch of scan) {
    let f: string;
    if (ch.charCodeAt(0) < 0x80) f = ch.toLowerCase();
    else {
      f = foldCache.get(ch) ?? fold(ch);
      if (foldCache.size < 10_000) foldCache.set(ch, f);
    }
    for (let k = 0; k < f.length; k++) origin.push(at);
    folded += f;
    at += ch.length;
    if (folded.length >= checkAt) {
      const early = firstWordMatch(finder, folded);
      if (early && early.index + early[0].length < folded.length - SNIPPET_WORD_GUARD) {
        found = early;
        break;
      }
      checkAt += SNIPPET_CHUNK_CHARS;
    }
  }
  found ??= firstWordMatch(finder, folded);
  return found ? origin[found.index]! : 0;
}

/** The snippet's text around `matchAt`, cut at spaces. */
function around(body: string, matchAt: number): string {
  let start = Math.max(0, matchAt - SNIPPET_LEAD_CHARS);
  if (start > 0) {
    const space = body.indexOf(' ', start);
    start = space !== -1 && space < matchAt ? space + 1 : start;
  }
  let end = Math.min(body.length, start + SNIPPET_CHARS);
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    if (space > matchAt && space > start) end = space;
  }
  // Never split a surrogate pair when no space was near.
  if (start > 0 && isLowSurrogate(body.charCodeAt(start))) start++;
  if (end < body.length && isLowSurrogate(body.charCodeAt(end))) end--;
  const text = body.slice(start, end).trim();
  return `${start > 0 ? '… ' : ''}${text}${end < body.length ? ' …' : ''}`;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
