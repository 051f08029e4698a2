import { sql, type RawBuilder } from 'kysely';
import { fold } from '@cong/sdk';
import { innodbUnitToken } from './unit-tokens.js';

/** Query text beyond this is ignored; nobody types more, and it bounds the work per query. */
const MAX_QUERY_CHARS = 1000;
/** Terms and phrases beyond this are ignored, for the same reason. */
const MAX_CLAUSES = 16;
/**
 * Tokens are cut to this many characters, in documents and queries alike. InnoDB does not index
 * tokens longer than `innodb_ft_max_token_size` (84 by default); its unit tokens (the unit's code and
 * the token) are cut to that again (`innodbUnitToken`), the same way in documents and queries.
 */
const MAX_TOKEN_CHARS = 80;
/** InnoDB's default `innodb_ft_min_token_size`: tokens are padded to at least this length. */
const MIN_TOKEN_CHARS = 3;

/** One clause of a parsed query: a single term (`tokens.length === 1`) or a phrase. */
export interface Clause {
  readonly tokens: readonly string[];
  /** Match the term as a prefix (only ever set on a single-token, last, still-being-typed term). */
  readonly prefix: boolean;
}

/**
 * The search tokens of some text: folded, split on everything that is not a letter or digit, each cut
 * to {@link MAX_TOKEN_CHARS}. Used for documents and queries alike, which is what makes them agree.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const token of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (token === '') continue;
    const chars = Array.from(token);
    tokens.push(chars.length > MAX_TOKEN_CHARS ? chars.slice(0, MAX_TOKEN_CHARS).join('') : token);
  }
  return tokens;
}

/**
 * `o` → `o__`, `xa` → `xa_`, `the` → `the_`: never below InnoDB's minimum, never a stopword. The stored
 * token form keeps this padding (MySQL/MariaDB indexed it until migration 2026_11_29_0020); both
 * indexes now take their unit tokens from it (unit-tokens.ts), which drop it.
 */
function padToken(token: string): string {
  const padded = `${token}_`;
  const missing = MIN_TOKEN_CHARS - Array.from(padded).length;
  return missing > 0 ? padded + '_'.repeat(missing) : padded;
}

export function toIndexForm(text: string): string {
  return tokenize(text).map(padToken).join(' ');
}

/**
 * Splits user text into clauses. Text between a pair of `"` is a phrase; an unpaired `"` is ignored
 * and the rest read as plain words. Everything else is words, so operators of either engine cannot
 * get through. With `asYouType`, a last word still being typed is a prefix (see SearchQuery.asYouType).
 */
export function parseQuery(text: string, asYouType = true): Clause[] {
  const raw = text.slice(0, MAX_QUERY_CHARS);
  const parts = raw.split('"');
  // An even number of parts means an odd number of quotes: the last one opens nothing.
  const unterminated = parts.length % 2 === 0;
  const clauses: Array<{ tokens: string[]; quoted: boolean }> = [];
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1 && !(unterminated && index === parts.length - 1);
    const tokens = tokenize(part);
    if (quoted && tokens.length > 1) clauses.push({ tokens, quoted });
    else for (const token of tokens) clauses.push({ tokens: [token], quoted });
  });
  const kept = clauses.slice(0, MAX_CLAUSES);
  const last = kept[kept.length - 1];
  // Still typing the last word: the text ends in a letter or digit right after it.
  const typing =
    asYouType &&
    last !== undefined &&
    kept.length === clauses.length &&
    !last.quoted &&
    last.tokens.length === 1 &&
    Array.from(last.tokens[0]!).length >= 2 &&
    /[\p{L}\p{N}]$/u.test(fold(raw));
  return kept.map((c, i) => ({ tokens: c.tokens, prefix: typing && i === kept.length - 1 }));
}

/**
 * An FTS5 query over the SQLite index's unit tokens (see unit-tokens.ts): each clause is a phrase of
 * `<unit code><token>` (`"k3f9a0c1chuyen k3f9a0c1doi"`), `*` after a prefix clause, one alternative per
 * unit (`(… OR …)`); clauses joined by AND (FTS5 has no implicit AND between groups). Every term is a
 * quoted string, so `AND`, `NEAR`, `col:` are never keywords; tokens hold only letters and digits, so
 * there is nothing to escape.
 */
export function fts5Query(clauses: readonly Clause[], unitCodes: readonly string[]): string {
  return clauses
    .map((c) => {
      const alternatives = unitCodes.map((code) => `"${c.tokens.map((t) => code + t).join(' ')}"${c.prefix ? '*' : ''}`);
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * A MySQL boolean-mode query over the units' tokens (see unit-tokens.ts, `innodbUnitToken`): `+k…term`
 * for each term, `+"k…a k…b"` for a phrase, `+k…pre*` for a prefix, one alternative per unit in a
 * group (`+(k1…term k2…term)`, any of them). Tokens hold only letters and digits, so no operator can
 * get through.
 */
export function mysqlBooleanQuery(clauses: readonly Clause[], unitCodes: readonly string[]): string {
  return clauses
    .map((c) => {
      const alternatives = unitCodes.map((code) => {
        if (c.tokens.length > 1) return `"${c.tokens.map((t) => innodbUnitToken(code, t)).join(' ')}"`;
        return `${innodbUnitToken(code, c.tokens[0]!)}${c.prefix ? '*' : ''}`;
      });
      return alternatives.length === 1 ? `+${alternatives[0]}` : `+(${alternatives.join(' ')})`;
    })
    .join(' ');
}

export function mysqlMatch(columns: 'd.title_fold, d.body_fold' | 'd.title_fold', query: string): RawBuilder<boolean> {
  return sql<boolean>`MATCH(${sql.raw(columns)}) AGAINST(${query} IN BOOLEAN MODE)`;
}
