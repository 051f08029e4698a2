import type { RouteBuilder } from '@cong/sdk';
import { SiteNetwork } from './site-network.js';
import { SiteRegistry } from './site-registry.js';
import { hostsBody, siteDetailSchema, siteIdParams, siteListQuery, sitePageSchema, siteUpdateBody, statusChangeBody, suggestionPageSchema, suggestionsQuery } from './site.schema.js';

/** Managing the network of sites: the province's (or a parent unit's) network admins. */
export const NETWORK_PERMISSION = 'sites.network.manage';

/**
 * The registry under `/api/sites`: the sites of the request's unit and every unit below it, one site
 * with its status history, status changes, notes, hosts, and CORE-02 host suggestions.
 */
export function siteRoutes(route: RouteBuilder): void {
  route.get('/sites', {
    summary: { vi: 'Danh sách trang thành phần', en: 'List component sites' },
    description: 'The sites of the unit the call names and of every unit below it. Filters and sort are allowlisted; `text` folds diacritics.',
    permission: NETWORK_PERMISSION,
    schema: { query: siteListQuery, response: { 200: sitePageSchema } },
    handler: (req, ctx) => new SiteRegistry(ctx).list(req, req.query),
  });

  route.get('/sites/:id', {
    summary: { vi: 'Xem một trang thành phần', en: 'Read a component site' },
    description: 'With its status history, newest first. A site of a unit outside the caller\'s subtree is 404.',
    permission: NETWORK_PERMISSION,
    schema: { params: siteIdParams, response: { 200: siteDetailSchema } },
    handler: (req, ctx) => new SiteRegistry(ctx).get(req, req.params.id),
  });

  route.patch('/sites/:id', {
    summary: { vi: 'Sửa ghi chú, ngày vận hành của trang', en: 'Change a site\'s notes or go-live date' },
    permission: NETWORK_PERMISSION,
    schema: { params: siteIdParams, body: siteUpdateBody, response: { 200: siteDetailSchema } },
    handler: (req, ctx) => new SiteRegistry(ctx).update(req, req.params.id, req.body),
  });

  route.post('/sites/:id/status', {
    summary: { vi: 'Đổi trạng thái trang', en: 'Change a site\'s status' },
    description:
      'draft → live | archived; live → draft | suspended | archived; suspended → live | archived; archived → draft. ' +
      'Suspending or archiving needs `reason`. A draft site answers 404 to the public (signed-in staff of the unit preview it), ' +
      'a suspended one 503 with Retry-After, an archived one is served with a notice (or 410, setting `archivedSites`).',
    permission: NETWORK_PERMISSION,
    schema: { params: siteIdParams, body: statusChangeBody, response: { 200: siteDetailSchema } },
    handler: (req, ctx) => new SiteRegistry(ctx).changeStatus(req, req.params.id, req.body),
  });

  route.put('/sites/:id/hosts', {
    summary: { vi: 'Đặt tên miền của trang', en: 'Set a site\'s hosts' },
    description: 'Replaces the unit\'s hosts through the core (same checks and audit as PATCH /api/core/tenants/:id): aliases answer 301 to the primary host; a host of another unit is 409.',
    permission: NETWORK_PERMISSION,
    schema: { params: siteIdParams, body: hostsBody, response: { 200: siteDetailSchema } },
    handler: (req, ctx) => new SiteRegistry(ctx).setHosts(req, req.params.id, req.body),
  });

  route.get('/host-suggestions', {
    summary: { vi: 'Gợi ý tên miền theo quy định', en: 'Host names suggested by the national pattern' },
    description:
      'For each active unit of the caller\'s subtree (registered as a site or not), the CORE-02 host: tencoquan.<province domain> for agencies, ' +
      'tenphuongxa.<province domain> for communes and wards, the domain itself for the province; collisions resolved deterministically.',
    permission: NETWORK_PERMISSION,
    schema: { query: suggestionsQuery, response: { 200: suggestionPageSchema } },
    handler: async (req, ctx) => {
      const network = await SiteNetwork.load(ctx);
      const suggestions = network.suggestions();
      const units = network
        .subtree(req.tenantId ?? network.root?.id ?? '')
        .filter((u) => u.status === 'active' && (!req.query.kind || u.kind === req.query.kind) && (!req.query.missing || !network.isNational(u.primaryHost)));
      return {
        domain: network.domain,
        total: units.length,
        items: units.slice(req.query.offset, req.query.offset + req.query.limit).map((u) => ({
          unit: { id: u.id, slug: u.slug, nameVi: u.nameVi, nameEn: u.nameEn, kind: u.kind, parentId: u.parentId, status: u.status },
          primaryHost: u.primaryHost,
          suggestedHost: suggestions.get(u.id)!,
          national: network.isNational(u.primaryHost),
        })),
      };
    },
  });
}
