import type { PluginContext } from '@cong/sdk';

/**
 * Reads of a unit's public data kept per process, by key (the key starts with the unit id and
 * `\u0000`): an uncached page would otherwise read the same categories, menus, banners, alerts and
 * list totals again for every visitor. They are kept as long as the unit's fingerprint holds:
 * - {@link forgetUnitReads} drops a unit's entries in every memo at once. register-site.ts calls it on
 *   the portal's events (a change made in this process shows on the next page) and whenever the page
 *   cache drops the unit;
 * - every page of a unit is rendered, and every answer of the JSON content API that reads a memo is
 *   made, after a check of the unit's fingerprint at most a second old (`PageCache.freshen`, also when
 *   the page cache is off or bypassed; {@link CheckUnitFresh}), which drops the unit when another
 *   process changed it: its changes show within a second, as the page cache's do;
 * - {@link UNIT_READS_TTL_MS} bounds what neither covers, as the page cache's own age limit does.
 */
export const UNIT_READS_TTL_MS = 60_000;

/**
 * Checks the unit's fingerprint (at most once a second; at once after this process's own change) and
 * drops what is kept of the unit when another process changed it. Whatever reads a memo of this file
 * outside the site's pages (the JSON content API) calls it first, as every page does.
 */
export type CheckUnitFresh = (ctx: PluginContext, tenantId: string) => Promise<void>;

export class UnitMemo<T> {
  readonly #entries = new Map<string, { readonly at: number; readonly value: Promise<T> }>();
  constructor(readonly ttlMs: number = UNIT_READS_TTL_MS) {}

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
export function unitMemo<T>(ttlMs: number = UNIT_READS_TTL_MS): UnitMemo<T> {
  const memo = new UnitMemo<T>(ttlMs);
  memos.add(memo as UnitMemo<unknown>);
  return memo;
}

/** Drops what every memo holds of the unit. */
export function forgetUnitReads(tenantId: string): void {
  for (const memo of memos) memo.invalidate(tenantId);
}
