import { normalizeHost } from '@cong/sdk';
import type { Tenant } from './tenant.js';
import type { TenantDirectory } from './tenant-directory.js';
import { VersionedCache } from './versioned-cache.js';

/** What a public request is for. */
export type TenantResolution =
  /** Serve `tenant`; `path` is the request path without a `/t/<slug>` prefix, which `prefix` holds. */
  | { readonly kind: 'tenant'; readonly tenant: Tenant; readonly path: string; readonly prefix: string }
  /** Answer 301 to `location`: an alias host, a renamed slug, or a merged or archived unit. */
  | { readonly kind: 'redirect'; readonly location: string }
  /** No unit answers here: a plain 404 page. */
  | { readonly kind: 'unknown' }
  /** The platform has no units at all: it serves as one site. */
  | { readonly kind: 'single-site' };

/** The parts of a request the resolver reads. */
export interface PublicRequest {
  /** The Host header as sent, port included. */
  readonly host: string;
  readonly path: string;
  /** `?a=b` or empty. */
  readonly search: string;
  readonly protocol: 'http' | 'https';
}

const PREFIX = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)(\/.*)?$/;
const MAX_SUCCESSION = 10;

/**
 * Finds the unit a public request is for: by `/t/<slug>/…` prefix (local use without DNS), by Host
 * (`tenant.gov.vn`), or by `<slug>.localhost`. Alias hosts, renamed slugs and merged or archived
 * units answer 301 to where the content lives now; redirects only ever point at hosts of the
 * platform's own units. Host and slug lookups are cached for a few seconds and dropped on any change
 * made through this process's directory: a unit's JSON API (`/t/<slug>/api/…`) otherwise read the
 * unit and its hosts on every call.
 */
export class TenantResolver {
  readonly #hosts: VersionedCache<{ tenant: Tenant | undefined; primary: boolean }>;
  readonly #slugs: VersionedCache<{ tenant: Tenant; renamed: boolean } | undefined>;
  readonly #empty: VersionedCache<boolean>;

  constructor(
    private readonly directory: TenantDirectory,
    options: { readonly cacheMs?: number; readonly now?: () => number } = {},
  ) {
    const cache = <T>() => new VersionedCache<T>(directory, options.cacheMs ?? 5000, options.now);
    this.#hosts = cache();
    this.#slugs = cache();
    this.#empty = cache();
  }

  async resolve(request: PublicRequest): Promise<TenantResolution> {
    const prefixed = PREFIX.exec(request.path);
    if (prefixed) return this.#byPrefix(prefixed[1]!, prefixed[2] ?? '/', request);

    const host = normalizeHost(request.host);
    if (host) {
      const found = await this.#lookupHost(host);
      if (found.tenant) return this.#serveOrRedirect(found.tenant, found.primary, request);
      const local = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.localhost$/.exec(host);
      if (local) {
        const bySlug = await this.#lookupSlug(local[1]!);
        if (bySlug) {
          const current = await this.#current(bySlug.tenant);
          if (current.id !== bySlug.tenant.id || bySlug.renamed) {
            return redirect(request, current.primaryHost ?? `${current.slug}.localhost`, await this.#successorPath(bySlug.tenant, current, request.path));
          }
          return { kind: 'tenant', tenant: current, path: request.path, prefix: '' };
        }
      }
    }
    return (await this.#isEmpty()) ? { kind: 'single-site' } : { kind: 'unknown' };
  }

  /** The active unit an API call names (`X-Cong-Tenant: <slug or id>`), following renames and merges. */
  async byName(nameOrId: string): Promise<Tenant | undefined> {
    const found = (await this.#lookupSlug(nameOrId))?.tenant ?? (/^[0-9a-f-]{36}$/.test(nameOrId) ? await this.directory.get(nameOrId) : undefined);
    if (!found) return undefined;
    const current = await this.#current(found);
    return current.status === 'active' ? current : undefined;
  }

  async #byPrefix(slug: string, rest: string, request: PublicRequest): Promise<TenantResolution> {
    const found = await this.#lookupSlug(slug);
    if (!found) return (await this.#isEmpty()) ? { kind: 'single-site' } : { kind: 'unknown' };
    const current = await this.#current(found.tenant);
    if (current.id !== found.tenant.id || found.renamed) {
      const path = await this.#successorPath(found.tenant, current, rest);
      return { kind: 'redirect', location: `/t/${current.slug}${path === '/' ? '/' : path}${request.search}` };
    }
    return { kind: 'tenant', tenant: current, path: rest, prefix: `/t/${slug}` };
  }

  async #serveOrRedirect(tenant: Tenant, primary: boolean, request: PublicRequest): Promise<TenantResolution> {
    const current = await this.#current(tenant);
    if (current.id !== tenant.id) {
      const path = await this.#successorPath(tenant, current, request.path);
      return current.primaryHost ? redirect(request, current.primaryHost, path) : { kind: 'redirect', location: `/t/${current.slug}${path}${request.search}` };
    }
    if (!primary && tenant.primaryHost) return redirect(request, tenant.primaryHost, request.path);
    return { kind: 'tenant', tenant, path: request.path, prefix: '' };
  }

  /**
   * Follows successors from an archived unit to the active one that holds its content now, stopping
   * at an archive that is kept readable on its own hosts.
   */
  async #current(tenant: Tenant): Promise<Tenant> {
    let cursor = tenant;
    for (let i = 0; i < MAX_SUCCESSION && cursor.status === 'archived' && cursor.successorId && !cursor.archiveServed; i++) {
      const next = await this.directory.get(cursor.successorId);
      if (!next) break;
      cursor = next;
    }
    return cursor;
  }

  /**
   * The path a former unit's page has on `current`'s site: each unit on the way from `from` may have
   * recorded where a page went (a renamed article); any other page keeps its path.
   */
  async #successorPath(from: Tenant, current: Tenant, path: string): Promise<string> {
    let cursor: Tenant | undefined = from;
    for (let i = 0; i < MAX_SUCCESSION && cursor && cursor.id !== current.id && cursor.successorId; i++) {
      path = (await this.directory.formerPath(cursor.id, path)) ?? path;
      cursor = await this.directory.get(cursor.successorId);
    }
    return path;
  }

  #lookupHost(host: string): Promise<{ tenant: Tenant | undefined; primary: boolean }> {
    return this.#hosts.get(host, async () => {
      const found = await this.directory.getByHost(host);
      return { tenant: found?.tenant, primary: found?.primary ?? false };
    });
  }

  #lookupSlug(slug: string): Promise<{ tenant: Tenant; renamed: boolean } | undefined> {
    return this.#slugs.get(slug, () => this.directory.getBySlug(slug));
  }

  #isEmpty(): Promise<boolean> {
    return this.#empty.get('', async () => (await this.directory.list({ limit: 1 })).total === 0);
  }
}

function redirect(request: PublicRequest, host: string, path: string): TenantResolution {
  // Local hosts keep the port the request came in on (a demo on :3000); public hosts are on 80/443.
  const port = /:(\d{1,5})$/.exec(request.host)?.[1];
  const local = host === 'localhost' || host.endsWith('.localhost') || /^[\d.]+$/.test(host);
  return { kind: 'redirect', location: `${request.protocol}://${host}${local && port ? `:${port}` : ''}${path}${request.search}` };
}
