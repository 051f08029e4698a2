import type { Tenant } from './tenant.js';
import type { TenantDirectory } from './tenant-directory.js';

/** How long a read stays good when another process may have changed the unit (as the host resolver's). */
const CACHE_MS = 5_000;
/** Hostile or mistaken ids must not grow memory without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Units as plugins read them by id (`tenancy.get`), kept per process. A public page asks for its unit
 * on every request, and the answer is two queries (the unit, its hosts): of an uncached category page's
 * eight queries, five were this. A change made in this process drops every entry at once (the
 * directory's `version`); one made in another process shows within five seconds, as host resolution does.
 */
export class TenantReadCache {
  readonly #entries = new Map<string, { readonly at: number; readonly version: number; readonly tenant: Tenant | undefined }>();

  constructor(
    private readonly directory: TenantDirectory,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<Tenant | undefined> {
    const now = this.now();
    const cached = this.#entries.get(id);
    if (cached && cached.version === this.directory.version && now - cached.at < CACHE_MS) return cached.tenant;
    const version = this.directory.version;
    const tenant = await this.directory.get(id);
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(id, { at: now, version, tenant });
    return tenant;
  }
}
