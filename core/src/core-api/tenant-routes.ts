import type { Transaction } from 'kysely';
import { defineSchema, NotFoundError, respond, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { TenantChangeOptions } from '../tenancy/tenant-directory.js';
import { TENANT_KINDS, type NewTenant, type Tenant } from '../tenancy/tenant.js';
import { setTenantHosts } from '../tenancy/set-tenant-hosts.js';
import type { CoreApiDeps } from './core-api-deps.js';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 } as const;
const host = { type: 'string', minLength: 1, maxLength: 253 } as const;

export const tenantSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'slug', 'nameVi', 'nameEn', 'kind', 'parentId', 'status', 'validFrom', 'validTo', 'successorId', 'archiveServed', 'primaryHost', 'aliasHosts', 'allowedOrigins'],
  properties: {
    id: { type: 'string' },
    slug: { type: 'string' },
    nameVi: { type: 'string' },
    nameEn: { type: ['string', 'null'] },
    kind: { enum: [...TENANT_KINDS] },
    parentId: { type: ['string', 'null'] },
    status: { enum: ['active', 'archived'] },
    validFrom: { type: 'string' },
    validTo: { type: ['string', 'null'] },
    successorId: { type: ['string', 'null'] },
    archiveServed: { type: 'boolean', description: 'An archived unit whose hosts keep serving its archive instead of redirecting to the successor.' },
    primaryHost: { type: ['string', 'null'] },
    aliasHosts: { type: 'array', items: { type: 'string' } },
    allowedOrigins: { type: 'array', items: { type: 'string' } },
  },
} as const;

const countPair = {
  type: 'object',
  additionalProperties: false,
  required: ['inUnit', 'inSubtree'],
  properties: { inUnit: { type: 'integer' }, inSubtree: { type: 'integer', description: 'The unit and every unit below it.' } },
} as const;

const impactSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tenantId', 'action', 'blockers', 'activeChildren', 'activeDescendants', 'grants', 'users', 'apiTokens', 'plugins', 'hosts', 'formerSlugs'],
  properties: {
    tenantId: { type: 'string' },
    action: { enum: ['archive', 'merge'] },
    blockers: {
      type: 'array',
      items: { enum: ['archived', 'active-children'] },
      description: 'Why the action would be refused now: the unit is already archived, or units directly below it are still active.',
    },
    activeChildren: { type: 'integer' },
    activeDescendants: { type: 'integer' },
    grants: countPair,
    users: { ...countPair, description: 'Accounts holding a grant there.' },
    apiTokens: { type: 'integer', description: 'API tokens of the unit that still work (not revoked, not expired).' },
    plugins: { type: 'array', items: { type: 'string' }, description: 'Plugins enabled for the unit.' },
    hosts: { type: 'array', items: { type: 'string' }, description: 'Primary host first. After a merge (or an archive with a successor) they redirect there; without a successor the archived site keeps answering on them.' },
    formerSlugs: { type: 'integer', description: 'Slugs from earlier renames, which redirect too.' },
  },
} as const;

const newTenantProperties = {
  slug,
  nameVi: { type: 'string', minLength: 1, maxLength: 300 },
  nameEn: { type: ['string', 'null'], maxLength: 300 },
  kind: { enum: [...TENANT_KINDS] },
  parentId: { type: ['string', 'null'], maxLength: 36 },
  validFrom: date,
  primaryHost: { type: ['string', 'null'], maxLength: 253 },
  aliasHosts: { type: 'array', maxItems: 20, items: host },
} as const;
const newTenant = defineSchema<NewTenant>({ type: 'object', additionalProperties: false, required: ['slug', 'nameVi', 'kind'], properties: newTenantProperties });
const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } });

/** Organisational units: list for everyone signed in; changes need `core.tenants.manage` at the province. */
export function tenantRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  /** Records the change in the change's own transaction: both commit or neither does. */
  const audited = (action: string, req: RouteRequest<any, any, any>, before?: Tenant): TenantChangeOptions => ({
    within: (trx: Transaction<any>, tenant: Tenant) =>
      deps.audit.record({ action: `core.tenant.${action}`, objectType: 'tenant', objectId: tenant.id, tenantId: tenant.id, ...(before ? { before } : {}), after: tenant }, { request: req, trx }),
  });
  /** Changes the unit `req.params.id` (404 when there is none) and audits it with its state before and after. */
  const change = async (action: string, req: RouteRequest<{ id: string }>, apply: (options: TenantChangeOptions) => Promise<Tenant>): Promise<Tenant> => {
    const before = await deps.tenants.get(req.params.id);
    if (!before) throw new NotFoundError();
    return apply(audited(action, req, before));
  };

  route.get('/tenants', {
    summary: { vi: 'Danh sách đơn vị', en: 'List units' },
    description: 'Search folds diacritics: "quang tri" finds "Quảng Trị".',
    schema: {
      query: defineSchema<{ text?: string; kind?: Tenant['kind']; status?: 'active' | 'archived'; limit: number; offset: number }>({
        type: 'object',
        additionalProperties: false,
        properties: {
          text: { type: 'string', maxLength: 100 },
          kind: { enum: [...TENANT_KINDS] },
          status: { enum: ['active', 'archived'] },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
        },
      }),
      response: {
        200: { type: 'object', additionalProperties: false, required: ['items', 'total'], properties: { items: { type: 'array', items: tenantSchema }, total: { type: 'integer' } } },
      },
    },
    authenticated: true,
    handler: async (req) => deps.tenants.list(req.query),
  });

  route.get('/tenants/:id', {
    summary: { vi: 'Xem một đơn vị', en: 'Read a unit' },
    schema: { params: idParams, response: { 200: tenantSchema } },
    authenticated: true,
    handler: async (req) => {
      const tenant = await deps.tenants.get(req.params.id);
      if (!tenant) throw new NotFoundError();
      return tenant;
    },
  });

  route.post('/tenants', {
    summary: { vi: 'Tạo đơn vị', en: 'Create a unit' },
    permission: 'core.tenants.manage',
    schema: { body: newTenant, response: { 201: tenantSchema } },
    handler: async (req) => {
      return respond(201, await deps.tenants.create(req.body, audited('create', req)));
    },
  });

  route.patch('/tenants/:id', {
    summary: { vi: 'Đổi tên, tên miền của đơn vị', en: 'Rename a unit or change its hosts' },
    description:
      'The old slug keeps redirecting. `primaryHost` and `aliasHosts` replace the unit\'s hosts (aliases answer 301 to the primary; ' +
      'a host left out is released; one of another unit is 409). Names and hosts change in one transaction.',
    permission: 'core.tenants.manage',
    schema: {
      params: idParams,
      body: defineSchema<{ slug?: string; nameVi?: string; nameEn?: string | null; primaryHost?: string | null; aliasHosts?: string[] }>({
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { slug, nameVi: newTenantProperties.nameVi, nameEn: newTenantProperties.nameEn, primaryHost: newTenantProperties.primaryHost, aliasHosts: newTenantProperties.aliasHosts },
      }),
      response: { 200: tenantSchema },
    },
    handler: async (req) => {
      const { primaryHost, aliasHosts, ...names } = req.body;
      const before = await deps.tenants.get(req.params.id);
      if (!before) throw new NotFoundError();
      const hosts = primaryHost === undefined && aliasHosts === undefined ? undefined : { primaryHost: primaryHost === undefined ? before.primaryHost : primaryHost, aliasHosts: aliasHosts ?? before.aliasHosts };
      const changeHosts = (trx?: Transaction<any>) => setTenantHosts(deps, req.params.id, hosts!, { request: req, ...(trx ? { trx } : {}) });
      if (Object.keys(names).length === 0) return changeHosts();
      const renamed = audited('rename', req, before);
      // Both in the rename's transaction: a host conflict leaves the names as they were.
      await deps.tenants.rename(req.params.id, names, {
        within: async (trx, tenant) => {
          await renamed.within!(trx, tenant);
          if (hosts) await changeHosts(trx);
        },
      });
      return (await deps.tenants.get(req.params.id))!;
    },
  });

  route.post('/tenants/:id/move', {
    summary: { vi: 'Chuyển đơn vị cấp trên', en: 'Move a unit' },
    permission: 'core.tenants.manage',
    schema: {
      params: idParams,
      body: defineSchema<{ parentId: string | null }>({ type: 'object', additionalProperties: false, required: ['parentId'], properties: { parentId: { type: ['string', 'null'], maxLength: 36 } } }),
      response: { 200: tenantSchema },
    },
    handler: (req) => change('move', req, (options) => deps.tenants.move(req.params.id, req.body.parentId, options)),
  });

  route.post('/tenants/merge', {
    summary: { vi: 'Hợp nhất đơn vị', en: 'Merge units' },
    description: 'Sources are archived the day before the date; their hosts redirect 301 to the successor; plugins receive core.tenant-merged.',
    permission: 'core.tenants.manage',
    schema: {
      body: defineSchema<{ sourceIds: string[]; successorId?: string; successor?: NewTenant; effectiveDate: string }>({
        type: 'object',
        additionalProperties: false,
        required: ['sourceIds', 'effectiveDate'],
        properties: {
          sourceIds: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: { type: 'string', maxLength: 36 } },
          successorId: { type: 'string', maxLength: 36 },
          successor: { type: 'object', additionalProperties: false, required: ['slug', 'nameVi', 'kind'], properties: newTenantProperties },
          effectiveDate: date,
        },
        oneOf: [{ required: ['successorId'] }, { required: ['successor'] }],
      }),
      response: { 200: tenantSchema },
    },
    handler: async (req) => {
      const successor = req.body.successorId ? { id: req.body.successorId } : req.body.successor!;
      return deps.tenants.merge(req.body.sourceIds, successor, req.body.effectiveDate, {
        within: (trx, tenant) =>
          deps.audit.record(
            { action: 'core.tenant.merge', objectType: 'tenant', objectId: tenant.id, tenantId: tenant.id, after: { sourceIds: req.body.sourceIds, successor: tenant.slug, effectiveDate: req.body.effectiveDate } },
            { request: req, trx },
          ),
      });
    },
  });

  route.put('/tenants/:id/origins', {
    summary: { vi: 'Trang web được nhúng tiện ích', en: 'Origins allowed to embed widgets' },
    description: 'Pages of these origins may call the unit\'s widget endpoints from the browser (CORS, without cookies).',
    permission: 'core.tenants.manage',
    schema: {
      params: idParams,
      body: defineSchema<{ origins: string[] }>({
        type: 'object',
        additionalProperties: false,
        required: ['origins'],
        properties: { origins: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 8, maxLength: 300 } } },
      }),
      response: { 200: tenantSchema },
    },
    handler: (req) => change('origins', req, (options) => deps.tenants.setAllowedOrigins(req.params.id, req.body.origins, options)),
  });

  route.post('/tenants/:id/archive', {
    summary: { vi: 'Lưu trữ đơn vị', en: 'Archive a unit' },
    permission: 'core.tenants.manage',
    schema: {
      params: idParams,
      body: defineSchema<{ effectiveDate: string; successorId?: string }>({
        type: 'object',
        additionalProperties: false,
        required: ['effectiveDate'],
        properties: { effectiveDate: date, successorId: { type: 'string', maxLength: 36 } },
      }),
      response: { 200: tenantSchema },
    },
    handler: (req) => change('archive', req, (options) => deps.tenants.archive(req.params.id, req.body.effectiveDate, req.body.successorId ?? null, options)),
  });

  route.get('/tenants/:id/impact', {
    summary: { vi: 'Ảnh hưởng của việc lưu trữ, hợp nhất đơn vị', en: 'What archiving or merging a unit would touch' },
    description:
      'Read-only, for the confirmation dialog: active units below (while `activeChildren` > 0 the change is refused), grants and accounts in the unit and below, ' +
      'working API tokens, plugins enabled there, and the hosts that will redirect to the successor.',
    permission: 'core.tenants.manage',
    schema: {
      params: idParams,
      query: defineSchema<{ action: 'archive' | 'merge' }>({ type: 'object', additionalProperties: false, required: ['action'], properties: { action: { enum: ['archive', 'merge'] } } }),
      response: { 200: impactSchema },
    },
    handler: async (req) => {
      const tenant = await deps.tenants.get(req.params.id);
      const tree = tenant && (await deps.tenants.impact(tenant.id));
      if (!tenant || !tree) throw new NotFoundError();
      const [inUnit, inSubtree, apiTokens] = await Promise.all([
        deps.access.grantStats([tenant.id]),
        deps.access.grantStats(tree.subtreeIds),
        deps.auth.apiTokens.countActive([tenant.id]),
      ]);
      const disabled = new Set(await deps.modules.disabledFor(tenant.id));
      const blockers = [...(tenant.status !== 'active' ? ['archived' as const] : []), ...(tree.activeChildren > 0 ? ['active-children' as const] : [])];
      return {
        tenantId: tenant.id,
        action: req.query.action,
        blockers,
        activeChildren: tree.activeChildren,
        activeDescendants: tree.activeDescendants,
        grants: { inUnit: inUnit.grants, inSubtree: inSubtree.grants },
        users: { inUnit: inUnit.users, inSubtree: inSubtree.users },
        apiTokens,
        plugins: deps.pluginIds().filter((id) => id !== 'core' && !disabled.has(id)).sort(),
        hosts: tree.hosts,
        formerSlugs: tree.formerSlugs,
      };
    },
  });
}
