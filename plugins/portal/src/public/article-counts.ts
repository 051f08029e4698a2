/**
 * Totals of the public article list, per unit and category, kept in memory for a few seconds (F6 in
 * docs/reference/benchmarks.md): counting a unit's published articles on every request was the one
 * part of the JSON list that grew with the unit (6,452 articles: the list's latency ×1.9).
 *
 * The published set changes only through `portal.article-published` / `-unpublished` (a published
 * article is not editable), which drop the unit's totals here at once; another process's change shows
 * within the time to live, well inside the minute the list may be cached by its `Cache-Control`.
 */
export class ArticleCounts {
  readonly #units = new Map<string, { epoch: number; totals: Map<string, { n: number; at: number }> }>();
  readonly #ttlMs: number;
  readonly #maxUnits: number;
  readonly #now: () => number;

  constructor(options: { readonly ttlMs?: number; readonly maxUnits?: number; readonly now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 10_000;
    this.#maxUnits = options.maxUnits ?? 5_000;
    this.#now = options.now ?? Date.now;
  }

  /** The unit's total for `filter` (a category id, or '' for all), counted by `count` when not known. */
  async total(tenantId: string, filter: string, count: () => Promise<number>): Promise<number> {
    const unit = this.#unit(tenantId);
    const known = unit.totals.get(filter);
    if (known && this.#now() - known.at < this.#ttlMs) return known.n;
    const epoch = unit.epoch;
    const at = this.#now();
    const n = await count();
    // A publication during the count may or may not be in it: keep it only if none came.
    if (unit.epoch === epoch && this.#units.get(tenantId) === unit) unit.totals.set(filter, { n, at });
    return n;
  }

  /** Forgets the unit's totals (an article of it was published or withdrawn). */
  invalidate(tenantId: string): void {
    const unit = this.#units.get(tenantId);
    if (!unit) return;
    unit.epoch++;
    unit.totals.clear();
  }

  #unit(tenantId: string) {
    let unit = this.#units.get(tenantId);
    if (!unit) {
      if (this.#units.size >= this.#maxUnits) this.#units.clear();
      unit = { epoch: 0, totals: new Map() };
      this.#units.set(tenantId, unit);
    }
    return unit;
  }
}
