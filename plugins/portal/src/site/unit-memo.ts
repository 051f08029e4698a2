/**
 * Reads of a unit's public data kept for a moment per process (`ttlMs`), by key (the key starts with the
 * unit id and `\u0000`): an uncached page would otherwise read the same menus, banners, alerts and list
 * totals again for every visitor. {@link forgetUnitReads} drops a unit's entries in every memo at once:
 * register-site.ts calls it on the portal's events and whenever the page cache drops the unit, so a
 * change made in this process shows on the next page, and one made in another process within `ttlMs`
 * (as the page cache's changes do).
 */
export class UnitMemo<T> {
  readonly #entries = new Map<string, { readonly at: number; readonly value: Promise<T> }>();
  constructor(readonly ttlMs: number) {}

  get(key: string, now: number, load: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found && now - found.at < this.ttlMs) return found.value;
    const value = load();
    this.#entries.set(key, { at: now, value });
    value.catch(() => this.#entries.delete(key)); // a failed read is not kept
    if (this.#entries.size > 10_000) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  invalidate(tenantId: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(`${tenantId}\u0000`)) this.#entries.delete(key);
  }
}

const memos = new Set<UnitMemo<unknown>>();

/** A memo that {@link forgetUnitReads} reaches. */
export function unitMemo<T>(ttlMs: number): UnitMemo<T> {
  const memo = new UnitMemo<T>(ttlMs);
  memos.add(memo as UnitMemo<unknown>);
  return memo;
}

/** Drops what every memo holds of the unit. */
export function forgetUnitReads(tenantId: string): void {
  for (const memo of memos) memo.invalidate(tenantId);
}
