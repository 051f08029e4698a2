/**
 * What a role's permission entry stands for among the permissions that exist: `*` is every one,
 * `plugin.*` every one of the plugin (its id prefix), anything else itself.
 */
export function expandPermission(entry: string, known: readonly string[]): string[] {
  if (entry === '*') return [...known];
  if (entry.endsWith('.*')) return known.filter((k) => k.startsWith(entry.slice(0, -1)));
  return [entry];
}

/** Whether a role may name the entry: `*`, a permission that exists, or a prefix that covers one. */
export function isKnownPermissionEntry(entry: string, known: readonly string[]): boolean {
  return entry === '*' || (entry.endsWith('.*') ? expandPermission(entry, known).length > 0 : known.includes(entry));
}
