import type { Article, TranslatableField } from '../types.js';

export const TRANSLATED_FIELDS: readonly TranslatableField[] = ['title', 'summary', 'body'];

/** An article's fields in one language as the server holds them (`''` where there is none). */
export function translationOf(article: Article | undefined, lang: string): Record<TranslatableField, { value: string; stale: boolean }> {
  const tr = article?.translations?.[lang] ?? {};
  return Object.fromEntries(TRANSLATED_FIELDS.map((f) => [f, { value: tr[f]?.value ?? '', stale: tr[f]?.stale ?? false }])) as Record<
    TranslatableField,
    { value: string; stale: boolean }
  >;
}

/**
 * What a save sends of one language (`translations.<lang>`), or undefined for nothing.
 *
 * Only the fields the author changed, because the server stamps every translated field it receives
 * as translated from the Vietnamese of that moment: sending an untouched title along with every
 * Vietnamese edit would clear the "out of date" flag without anyone having looked at it.
 * `confirm` (the author says the translation still matches) sends the stale fields as they are, which
 * is what clears the flag. An emptied field is sent as `''`: the server then drops it.
 */
export function translationChanges(
  article: Article | undefined,
  lang: string,
  now: Readonly<Record<TranslatableField, string>>,
  bodyEdited: boolean,
  confirm: boolean,
): Partial<Record<TranslatableField, string>> | undefined {
  const before = translationOf(article, lang);
  const out: Partial<Record<TranslatableField, string>> = {};
  for (const field of TRANSLATED_FIELDS) {
    const changed = field === 'body' ? bodyEdited && now.body !== before.body.value : now[field] !== before[field].value;
    if (changed || (confirm && before[field].stale)) out[field] = now[field];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
