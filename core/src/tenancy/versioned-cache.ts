/** What a {@link VersionedCache} watches: a counter bumped on every change made through it (the tenant directory). */
export interface Versioned {
  readonly version: number;
}

/** Hostile or mistaken keys (Host headers, slugs, ids) must not grow memory without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Reads of the tenant directory kept per process for `ttlMs`, by key. A change made in this process
 * drops every entry at once (the directory's `version`); one made in another process shows within
 * `ttlMs`. A read that started before a change is not kept as if it came after it.
 */
export class VersionedCache<T> {
  readonly #entries = new Map<string, { readonly at: number; readonly version: number; readonly value: T }>();

  constructor(
    private readonly source: Versioned,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const cached = this.#entries.get(key);
    if (cached && cached.version === this.source.version && now - cached.at < this.ttlMs) return cached.value;
    const version = this.source.version;
    const value = await load();
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, { at: now, version, value });
    return value;
  }
}
