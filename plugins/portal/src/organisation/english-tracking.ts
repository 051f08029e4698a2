import { plainText } from '../html/sanitize-html.js';

/** A Vietnamese/English column pair that POR-23 tracks, named as the API names the field. */
export interface TranslatedPair {
  /** The API field (`name`, `functions`, `position`…), reported in `englishMissing`. */
  readonly field: string;
  readonly vi: string;
  readonly en: string;
  /** Rich text: empty when it has no text once the tags are removed (`<p></p>`). */
  readonly rich?: boolean;
}

type Row = Readonly<Record<string, unknown>>;

const textOf = (value: unknown, rich: boolean | undefined): string => {
  const s = typeof value === 'string' ? value : '';
  return rich ? plainText(s) : s.trim();
};

/** The API fields whose Vietnamese has text and whose English has none. */
export function missingEnglish(pairs: readonly TranslatedPair[], row: Row): string[] {
  return pairs.filter((p) => textOf(row[p.vi], p.rich) !== '' && textOf(row[p.en], p.rich) === '').map((p) => p.field);
}

/**
 * The POR-23 columns after a write (a create is a write over an empty row):
 *
 * - a Vietnamese field that changes while its English does not change in the same write makes the row
 *   stale (`en_stale = 1`);
 * - otherwise, a write that sets any English field clears the flag: the translator has caught up;
 * - otherwise the flag stays as it was;
 * - and whatever the above, a field with Vietnamese text and no English keeps the row flagged.
 *
 * `written` holds the columns the write sets (normalised and sanitised as they will be stored).
 */
export function englishState(
  pairs: readonly TranslatedPair[],
  before: Row | undefined,
  written: Row,
  now: number,
): { en_stale: number; en_updated_at: number | null } {
  const was = (column: string) => (before ? before[column] : '') ?? '';
  // Rich text with no text in it (`<p></p>`) is the same as none.
  const changes = (column: string, rich: boolean | undefined) =>
    column in written && written[column] !== was(column) && !(rich && textOf(written[column], true) === '' && textOf(was(column), true) === '');
  const newlyStale = pairs.some((p) => changes(p.vi, p.rich) && !changes(p.en, p.rich));
  const englishWritten = pairs.some((p) => p.en in written);
  const after = { ...before, ...written };
  const previouslyStale = before ? Number(before.en_stale) === 1 : false;
  const stale = newlyStale || (previouslyStale && !englishWritten) || missingEnglish(pairs, after).length > 0;
  const previousAt = before ? ((before.en_updated_at as number | null) ?? null) : null;
  return { en_stale: stale ? 1 : 0, en_updated_at: englishWritten && pairs.some((p) => textOf(written[p.en], p.rich) !== '') ? now : previousAt };
}
