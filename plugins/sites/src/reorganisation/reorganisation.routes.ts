import { coreServices, NotFoundError, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { SITES_ERR_REORGANISATION_NOT_FAILED } from '../errors.js';
import { SiteNetwork } from '../registry/site-network.js';
import { NETWORK_PERMISSION } from '../registry/site.routes.js';
import type { ReorganisationDatabase, ReorganisationRow } from './reorganisation-database.js';
import { emptyBody, reorganisationIdParams, reorganisationListQuery, reorganisationPageSchema, reorganisationSchema, type ReorganisationView } from './reorganisation.schema.js';
import { SiteSuccession } from './site-succession.js';

const db = (ctx: PluginContext) => ctx.get(coreServices.database).kysely<ReorganisationDatabase>();

function view(row: ReorganisationRow, network: SiteNetwork): ReorganisationView {
  const ref = (id: string) => {
    const unit = network.get(id);
    return { id, slug: unit?.slug ?? null, nameVi: unit?.nameVi ?? null };
  };
  return {
    id: row.id,
    kind: row.kind,
    source: ref(row.source_tenant_id),
    successor: row.successor_tenant_id === null ? null : ref(row.successor_tenant_id),
    effectiveDate: row.effective_date,
    mode: row.mode,
    status: row.status,
    report: row.report === null ? null : (JSON.parse(row.report) as Record<string, unknown>),
    error: row.error,
    attempts: Number(row.attempts),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

/** The units whose reorganisations the request's network admins see: theirs and every unit below. */
async function visibleUnits(req: RouteRequest, ctx: PluginContext) {
  const network = await SiteNetwork.load(ctx);
  return { network, ids: network.subtree(req.tenantId ?? network.root?.id ?? '').map((u) => u.id) };
}

/** The record of how the sites followed each merger, split, archive and rename (`/api/sites/reorganisations`). */
export function reorganisationRoutes(route: RouteBuilder): void {
  route.get('/reorganisations', {
    summary: { vi: 'Các lần sắp xếp đơn vị mà trang đã theo', en: 'Reorganisations the sites followed' },
    description:
      'One entry per former unit and change: what moved to the successor\'s site (counts, and the former paths that redirect to another path), ' +
      'or that the former site was kept as a readable archive, or the hosts a rename changed. Newest first; failed ones are retried by a job and can be retried here.',
    permission: NETWORK_PERMISSION,
    schema: { query: reorganisationListQuery, response: { 200: reorganisationPageSchema } },
    handler: async (req, ctx) => {
      const { network, ids } = await visibleUnits(req, ctx);
      if (ids.length === 0) return { items: [], total: 0, limit: req.query.limit, offset: req.query.offset };
      let q = db(ctx).selectFrom('sites_reorganisations').where('tenant_id', 'in', ids);
      if (req.query.status) q = q.where('status', '=', req.query.status);
      const [rows, count] = await Promise.all([
        q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(req.query.limit).offset(req.query.offset).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map((r) => view(r, network)), total: Number(count.n), limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.post('/reorganisations/:id/retry', {
    summary: { vi: 'Chạy lại một lần sắp xếp chưa thành công', en: 'Retry a reorganisation that failed' },
    description: 'Follows the change again (moving what is left to move). Only a failed entry of a merger, split or archive can be retried (409 otherwise).',
    permission: NETWORK_PERMISSION,
    schema: { params: reorganisationIdParams, body: emptyBody, response: { 200: reorganisationSchema } },
    handler: async (req, ctx) => {
      const { ids } = await visibleUnits(req, ctx);
      const row = await db(ctx).selectFrom('sites_reorganisations').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      if (!row || !ids.includes(row.tenant_id)) throw new NotFoundError(`Reorganisation ${req.params.id} does not exist`);
      if (row.status !== 'failed' || row.kind === 'rename' || row.successor_tenant_id === null) throw SITES_ERR_REORGANISATION_NOT_FAILED.create({ id: row.id, status: row.status });
      const done = await new SiteSuccession(ctx).follow({ kind: row.kind, sourceId: row.source_tenant_id, successorId: row.successor_tenant_id, effectiveDate: row.effective_date ?? '' });
      // Read the tree again: following the change may have opened the successor's site.
      return view(done, await SiteNetwork.load(ctx));
    },
  });
}
