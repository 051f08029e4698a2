import { slugify } from '@cong/sdk';

/**
 * The ELI-style path of a published document (European Legislation Identifier shape, DOMAIN.md §4.6):
 * `/eli/{type}/{year}/{number-symbol}`, e.g. `/eli/quyet-dinh/2026/41-2026-qd-ubnd`. The year is the
 * one in the number (41/2026/…), else the year of signing. Stable: computed once at publication.
 */
export function eliPath(input: { readonly documentType: string; readonly numberSymbol: string; readonly docYear: number | null; readonly signedOn: string }): string {
  const year = input.docYear ?? Number(input.signedOn.slice(0, 4));
  return `/eli/${slugify(input.documentType, 40)}/${year}/${slugify(input.numberSymbol, 120) || 'van-ban'}`;
}

/** `path`, or `path-2`, `path-3`… : the first not in `taken` (ELI paths are unique per office). */
export function uniqueEliPath(path: string, taken: ReadonlySet<string>): string {
  if (!taken.has(path)) return path;
  for (let n = 2; ; n++) if (!taken.has(`${path}-${n}`)) return `${path}-${n}`;
}
