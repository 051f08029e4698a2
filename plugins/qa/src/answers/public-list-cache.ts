import type { PluginContext, RouteResponse } from '@cong/sdk';

interface Entry {
  readonly response: RouteResponse;
  readonly version: string;
  readonly at: number;
}

interface Version {
  value: string;
  checkedAt: number;
  pending: Promise<string> | undefined;
}

/**
 * The rendered pages of a province's public Q&A list (`/hoi-dap`, by page, field and words), kept in
 * memory: the list is the most read page of the plugin and changes only when an answer is published,
 * edited or withdrawn. An entry is served while the province's publications are unchanged:
 * - in this process, publishing and unpublishing drop the province's pages at once (`invalidate`);
 * - from other processes, a fingerprint of the province's publications (their count and latest
 *   change) is read at most once a second, so their changes show within a second;
 * - by age (`ttlMs`), for what neither covers (a field's name).
 * At most `maxEntries` pages are kept, the least recently used dropped first.
 */
export class PublicListCache {
  readonly #entries = new Map<string, Entry>();
  readonly #versions = new Map<string, Version>();

  constructor(
    private readonly options: { readonly maxEntries: number; readonly checkEveryMs: number; readonly ttlMs: number; readonly now: () => number } = { maxEntries: 500, checkEveryMs: 1_000, ttlMs: 5 * 60_000, now: Date.now },
  ) {}

  /** The cached page for `key`, or the one `render` makes (kept when it is a 200). */
  async page(provinceId: string, key: string, fingerprint: () => Promise<string>, render: () => Promise<RouteResponse>): Promise<RouteResponse> {
    const version = await this.#version(provinceId, fingerprint);
    const fullKey = `${provinceId}\u0000${key}`;
    const hit = this.#entries.get(fullKey);
    const now = this.options.now();
    if (hit && hit.version === version && now - hit.at < this.options.ttlMs) {
      this.#entries.delete(fullKey);
      this.#entries.set(fullKey, hit); // most recently used last
      return hit.response;
    }
    const response = await render();
    if (response.status === 200) {
      this.#entries.set(fullKey, { response, version, at: now });
      while (this.#entries.size > this.options.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return response;
  }

  /** A publication of the province changed in this process: its pages are rendered again. */
  invalidate(provinceId: string): void {
    const prefix = `${provinceId}\u0000`;
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
    this.#versions.delete(provinceId);
  }

  async #version(provinceId: string, fingerprint: () => Promise<string>): Promise<string> {
    const now = this.options.now();
    let known = this.#versions.get(provinceId);
    if (known && now - known.checkedAt < this.options.checkEveryMs) return known.value;
    if (known?.pending) return known.pending;
    if (!known) this.#versions.set(provinceId, (known = { value: '', checkedAt: -Infinity, pending: undefined }));
    const entry = known;
    entry.pending = fingerprint()
      .then((value) => {
        entry.value = value;
        entry.checkedAt = this.options.now();
        return value;
      })
      .finally(() => (entry.pending = undefined));
    return entry.pending;
  }
}

const caches = new WeakMap<PluginContext, PublicListCache>();

/** The plugin's list cache (one per plugin context: the routes that read it and the services that drop it). */
export function publicListCacheOf(ctx: PluginContext): PublicListCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new PublicListCache()));
  return cache;
}
