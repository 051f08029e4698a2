// The SQLite index's tokens carry their unit (migration 2026_11_29_0016): every token of a document is
// written as `<unit code><token>` (`k3f9a0c1chuyen`), so each unit has its own posting lists and a
// search reads only the unit's. Without it, a common syllable ("hanh", "chinh", "so") meant reading
// its postings across the whole platform: 40–60 ms per query at a million articles.

/** Length of a unit code: `k` and 7 base-36 digits. Prefix indexes are at this length + 2 and + 3. */
export const UNIT_CODE_CHARS = 8;

/**
 * A short, fixed-length code for a unit, from its id (FNV-1a, base 36). Two units may share a code;
 * that only costs speed, since every search also filters the stored `tenant_id`.
 */
export function unitCode(tenantId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tenantId.length; i++) {
    hash ^= tenantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `k${hash.toString(36).padStart(UNIT_CODE_CHARS - 1, '0').slice(-(UNIT_CODE_CHARS - 1))}`;
}

/** A stored token form (`o__ xa_ dak_`, see toIndexForm) as the unit's tokens: `k…o k…xa k…dak`. */
export function unitTokens(code: string, indexForm: string): string {
  return eachToken(indexForm, (token) => code + token);
}

/** The tokens of a stored form (`o__ xa_`: padding dropped), each mapped, joined by spaces. */
function eachToken(indexForm: string, map: (token: string) => string): string {
  let out = '';
  for (const token of indexForm.split(/[\s_]+/)) if (token !== '') out += out === '' ? map(token) : ` ${map(token)}`;
  return out;
}

/**
 * The longest token InnoDB's FULLTEXT index holds (`innodb_ft_max_token_size`, 84 by default); longer
 * ones are silently left out. A unit token for MySQL/MariaDB is cut to it, in documents and queries alike.
 */
export const INNODB_MAX_TOKEN_CHARS = 84;

/** A token as the MySQL/MariaDB index holds it: the unit's code and the token, cut to {@link INNODB_MAX_TOKEN_CHARS}. */
export function innodbUnitToken(code: string, token: string): string {
  const unitToken = code + token;
  return unitToken.length <= INNODB_MAX_TOKEN_CHARS ? unitToken : Array.from(unitToken).slice(0, INNODB_MAX_TOKEN_CHARS).join('');
}

/**
 * A stored token form (`o__ xa_ dak_`) as the MySQL/MariaDB FULLTEXT columns hold it (migration
 * 2026_11_29_0020): `k…o k…xa k…dak`, each token cut to what InnoDB indexes. No padding is needed: a
 * unit token is never shorter than InnoDB's minimum nor a stopword.
 */
export function innodbUnitTokens(code: string, indexForm: string): string {
  return eachToken(indexForm, (token) => innodbUnitToken(code, token));
}
