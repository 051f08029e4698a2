import { fold } from '@cong/sdk';

/** Query text beyond this is ignored: nobody types more, and it bounds the work per query. */
const MAX_QUERY_CHARS = 500;
/** Terms and phrases beyond this are ignored, for the same reason. */
const MAX_CLAUSES = 12;
/** InnoDB does not index tokens longer than 84 characters; cut to 80 plus padding, on both engines alike. */
const MAX_TOKEN_CHARS = 80;
/** InnoDB's default `innodb_ft_min_token_size`: MySQL tokens are padded to at least this length. */
const MIN_TOKEN_CHARS = 3;

/** One clause of a query: a word (`tokens.length === 1`) or a "quoted phrase". */
export interface Clause {
  readonly tokens: readonly string[];
}

/**
 * The search tokens of some text: folded (no diacritics, đ → d, lower case), split on everything that
 * is not a letter or digit. Documents and queries go through the same function, which is what makes
 * "quyet dinh" find "Quyết định" and "dat dai" find "đất đai".
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const token of fold(text.normalize('NFC')).split(/[^\p{L}\p{N}]+/u)) {
    if (token === '') continue;
    const chars = Array.from(token);
    tokens.push(chars.length > MAX_TOKEN_CHARS ? chars.slice(0, MAX_TOKEN_CHARS).join('') : token);
  }
  return tokens;
}

/** `o` → `o__`, `xa` → `xa_`, `dat` → `dat_`: never below InnoDB's minimum, never a stopword. */
export function padToken(token: string): string {
  const padded = `${token}_`;
  const missing = MIN_TOKEN_CHARS - Array.from(padded).length;
  return missing > 0 ? padded + '_'.repeat(missing) : padded;
}

/** The token form SQLite's FTS5 indexes: tokens joined by spaces. */
export function ftsForm(text: string): string {
  return searchTokens(text).join(' ');
}

/** The token form MySQL's FULLTEXT indexes: padded tokens joined by spaces. */
export function mysqlForm(text: string): string {
  return searchTokens(text).map(padToken).join(' ');
}

/**
 * Splits user text into clauses: text between a pair of `"` is a phrase, the rest single words. An
 * unpaired `"` is ignored. Only letters and digits survive, so no operator of either engine gets through.
 */
export function parseSearchText(text: string): Clause[] {
  const parts = text.slice(0, MAX_QUERY_CHARS).split('"');
  const unterminated = parts.length % 2 === 0;
  const clauses: Clause[] = [];
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1 && !(unterminated && index === parts.length - 1);
    const tokens = searchTokens(part);
    if (quoted && tokens.length > 1) clauses.push({ tokens });
    else for (const token of tokens) clauses.push({ tokens: [token] });
  });
  return clauses.slice(0, MAX_CLAUSES);
}

/** An FTS5 query: each clause a quoted phrase (so `AND`, `NEAR`, `col:` are never keywords), all required; optionally limited to one column. */
export function fts5Query(clauses: readonly Clause[], column: 'summary' | null): string {
  const body = clauses.map((c) => `"${c.tokens.join(' ')}"`).join(' AND ');
  return column === null ? body : `${column} : (${body})`;
}

/** A MySQL boolean-mode query: `+term_` for each word, `+"a_ b_"` for phrases. */
export function mysqlBooleanQuery(clauses: readonly Clause[]): string {
  return clauses.map((c) => (c.tokens.length > 1 ? `+"${c.tokens.map(padToken).join(' ')}"` : `+${padToken(c.tokens[0]!)}`)).join(' ');
}
