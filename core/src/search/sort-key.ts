// SQLite: a document's row in the full-text table has its date as rowid (migration 2026_11_29_0019).
// FTS5 walks a match's postings in rowid order and stops at LIMIT, so "the newest 20 matches" reads 20
// matches, not all of them: at a million articles a common word matches thousands of a unit's documents,
// and choosing the page by sorting them all grew the search's latency ×3 over the small set.

/** Low bits of a key that tell apart documents of the same second. */
export const SORT_KEY_TIE_BITS = 20;
const TIE_MASK = (1 << SORT_KEY_TIE_BITS) - 1;

/**
 * The key a document would like: its second of publication, shifted, plus a hash of its identity, so
 * keys sort as dates (newest last) and two documents of the same second rarely want the same one.
 * Exact in a double until the year 2242 (seconds × 2^20 < 2^53), so JavaScript reads it back whole.
 * The index takes the first free key at or below it ({@link DefaultSearchIndex}).
 */
export function preferredSortKey(publishedAtMs: number, owner: string, type: string, docId: string): number {
  return Math.floor(publishedAtMs / 1000) * 2 ** SORT_KEY_TIE_BITS + (fnv1a(`${owner}\u0000${type}\u0000${docId}`) & TIE_MASK);
}

/** Whether two publication times fall in the same second, so a re-indexed document may keep its key. */
export function sameSortSecond(aMs: number, bMs: number): boolean {
  return Math.floor(aMs / 1000) === Math.floor(bMs / 1000);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
