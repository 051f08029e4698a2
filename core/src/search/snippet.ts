import { fold } from '@cong/sdk';
import type { Clause } from './search-query.js';

/** Snippets are looked for in the first part of the body only, to bound the work per hit. */
const SNIPPET_SCAN_CHARS = 50_000;
const SNIPPET_CHARS = 200;
/** Characters of context kept before the first match in a snippet. */
const SNIPPET_LEAD_CHARS = 60;
/** The body is folded this many characters at a time while looking for the first match. */
const SNIPPET_CHUNK_CHARS = 600;
/** A match this close to the folded end may be the start of a longer word: fold on before trusting it. */
const SNIPPET_WORD_GUARD = 100;

/**
 * A regular expression finding the first place any query term occurs in folded text, on word
 * boundaries (the last term as a prefix when it is one). Phrases are located by their first word.
 */
export function snippetFinder(clauses: readonly Clause[]): RegExp {
  const alternatives = clauses.map((c) => {
    const word = c.tokens[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return c.prefix ? word : `${word}(?![\\p{L}\\p{N}])`;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'u');
}

/** Per-character folds of non-ASCII characters; Vietnamese text uses a small, repeating set. */
const foldCache = new Map<string, string>();

/**
 * About {@link SNIPPET_CHARS} characters of the original (unfolded) body around the first match,
 * cut at spaces and marked with `…` where cut; the start of the body when the match was only in the
 * title. Plain text: the caller escapes it like any other text when rendering HTML.
 */
export function makeSnippet(body: string, finder: RegExp): string {
  // Fold character by character, remembering where each folded character came from, so a match in
  // the folded text maps back to the original text.
  const scan = body.length > SNIPPET_SCAN_CHARS ? body.slice(0, SNIPPET_SCAN_CHARS) : body;
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
      const early = finder.exec(folded);
      if (early && early.index + early[0].length < folded.length - SNIPPET_WORD_GUARD) {
        found = early;
        break;
      }
      checkAt += SNIPPET_CHUNK_CHARS;
    }
  }
  found ??= finder.exec(folded);
  const matchAt = found ? origin[found.index]! : 0;

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
