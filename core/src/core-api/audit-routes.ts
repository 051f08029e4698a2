import { Readable } from 'node:stream';
import { defineSchema, respond, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { AuditFilter, DefaultAuditLog } from '../audit/default-audit-log.js';
import type { CoreApiDeps } from './core-api-deps.js';

interface AuditQuery {
  subtree?: boolean;
  actorId?: string;
  action?: string;
  actionPrefix?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

const filterProperties = {
  subtree: { type: 'boolean', default: false, description: 'Also the units below (and, from the province, platform-wide entries such as sign-ins).' },
  actorId: { type: 'string', maxLength: 100 },
  action: { type: 'string', maxLength: 120 },
  actionPrefix: { type: 'string', maxLength: 120 },
  objectType: { type: 'string', maxLength: 100 },
  objectId: { type: 'string', maxLength: 191 },
  from: { type: 'string', format: 'date-time' },
  to: { type: 'string', format: 'date-time' },
} as const;

const entrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'at', 'actorId', 'actorKind', 'tenantId', 'owner', 'action', 'objectType', 'objectId'],
  properties: {
    id: { type: 'string' },
    at: { type: 'string' },
    actorId: { type: 'string' },
    actorKind: { type: 'string' },
    tenantId: { type: ['string', 'null'] },
    owner: { type: 'string' },
    action: { type: 'string' },
    objectType: { type: 'string' },
    objectId: { type: 'string' },
    before: {},
    after: {},
    ip: { type: ['string', 'null'] },
    userAgent: { type: ['string', 'null'] },
    requestId: { type: ['string', 'null'] },
  },
} as const;

/** The audit log of the unit the call names, read-only: a page at a time, or all of it as CSV. */
export function auditRoutes(route: RouteBuilder, deps: CoreApiDeps & { readonly auditLog: DefaultAuditLog }): void {
  const filter = async (req: RouteRequest<unknown, AuditQuery, unknown>): Promise<AuditFilter> => {
    const q = req.query;
    const root = await deps.defaultTenantId();
    const tenantIds: (string | null)[] = q.subtree ? await deps.tenants.subtreeIds(req.tenantId!) : [req.tenantId!];
    if (q.subtree && req.tenantId === root) tenantIds.push(null);
    return {
      tenantIds,
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.actionPrefix ? { actionPrefix: q.actionPrefix } : {}),
      ...(q.objectType ? { objectType: q.objectType } : {}),
      ...(q.objectId ? { objectId: q.objectId } : {}),
      ...(q.from ? { from: new Date(q.from) } : {}),
      ...(q.to ? { to: new Date(q.to) } : {}),
    };
  };

  route.get('/audit', {
    summary: { vi: 'Nhật ký thao tác', en: 'Audit log' },
    description: 'Newest first; pass `cursor` from the previous page for the next one.',
    permission: 'core.audit.read',
    schema: {
      query: defineSchema<AuditQuery & { limit: number; cursor?: string }>({
        type: 'object',
        additionalProperties: false,
        properties: { ...filterProperties, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, cursor: { type: 'string', maxLength: 100 } },
      }),
      response: {
        200: {
          type: 'object',
          additionalProperties: false,
          required: ['items', 'nextCursor'],
          properties: { items: { type: 'array', items: entrySchema }, nextCursor: { type: ['string', 'null'] } },
        },
      },
    },
    handler: async (req) => {
      const page = await deps.auditLog.query({ ...(await filter(req)), limit: req.query.limit, ...(req.query.cursor ? { cursor: req.query.cursor } : {}) });
      return { items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })), nextCursor: page.nextCursor };
    },
  });

  route.get('/audit.csv', {
    summary: { vi: 'Xuất nhật ký thao tác (CSV)', en: 'Export the audit log (CSV)' },
    description: 'UTF-8 with BOM for spreadsheet programs; cells that look like formulas are neutralised.',
    permission: 'core.audit.read',
    schema: { query: defineSchema<AuditQuery>({ type: 'object', additionalProperties: false, properties: filterProperties }) },
    handler: async (req) => {
      const lines = deps.auditLog.exportCsv(await filter(req));
      return respond(200, Readable.from(lines), {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="nhat-ky-thao-tac.csv"',
        'cache-control': 'no-store',
      });
    },
  });
}
