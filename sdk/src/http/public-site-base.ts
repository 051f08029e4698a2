import type { TenantInfo } from '../plugin/plugin-context.js';
import type { RouteRequest } from './route.js';

/** Where a unit's public site is for one request: what its links start with, and its absolute origin. */
export interface PublicSiteBase {
  /**
   * `''` when the request reached the unit on its own host (its primary host or `<slug>.localhost`),
   * else `/t/<slug>`: the platform host, or an API call naming its unit, where links need the prefix
   * (they work on any host).
   */
  readonly prefix: string;
  /** `http(s)://host[:port]` as the client reached the platform, for feeds, JSON-LD and canonical links. */
  readonly origin: string;
}

/** A host as compared: lower case, without the port. */
function bareHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d{1,5}$/, '').replace(/\.$/, '');
}

/**
 * The base of the links a public page (or a public API answer) of `unit` writes. The core resolves the
 * unit from its host or from `/t/<slug>/` and removes that prefix before the route runs, so a plugin
 * cannot see it in the path: a request on the unit's own host had none; any other gets links with the
 * prefix. A Host header that is not a plausible host is not echoed into links (`localhost` instead).
 *
 * @example
 * ```ts
 * const { prefix, origin } = publicSiteBase(req, unit);
 * html`<a href="${prefix}/mua-sam-cong">…</a>`; // '/t/so-tai-chinh/mua-sam-cong' on the platform host
 * ```
 */
export function publicSiteBase(req: Pick<RouteRequest, 'headers' | 'protocol'>, unit: Pick<TenantInfo, 'slug' | 'primaryHost'>): PublicSiteBase {
  const hostHeader = req.headers.host ?? 'localhost';
  const host = bareHost(hostHeader);
  const ownHost = host === unit.primaryHost?.toLowerCase() || host === `${unit.slug}.localhost`;
  return {
    prefix: ownHost ? '' : `/t/${unit.slug}`,
    origin: `${req.protocol}://${/^[a-z0-9.:[\]-]+$/i.test(hostHeader) ? hostHeader.toLowerCase() : 'localhost'}`,
  };
}
