import type { Tenant } from './tenant.js';
import type { TenantDirectory } from './tenant-directory.js';
import { VersionedCache } from './versioned-cache.js';

/** How long a read stays good when another process may have changed the unit (as the host resolver's). */
const CACHE_MS = 5_000;

/**
 * Units as plugins read them by id (`tenancy.get`), kept per process. A public page asks for its unit
 * on every request, and the answer is two queries (the unit, its hosts): of an uncached category page's
 * eight queries, five were this. A change made in this process drops every entry at once (the
 * directory's `version`); one made in another process shows within five seconds, as host resolution does.
 */
export class TenantReadCache {
  readonly #cache: VersionedCache<Tenant | undefined>;

  constructor(
    private readonly directory: TenantDirectory,
    now: () => number = Date.now,
  ) {
    this.#cache = new VersionedCache(directory, CACHE_MS, now);
  }

  get(id: string): Promise<Tenant | undefined> {
    return this.#cache.get(id, () => this.directory.get(id));
  }
}
