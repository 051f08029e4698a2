import { randomUUID } from 'node:crypto';
import { InputError, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { PORTAL_ERR_ORG_ROOT_EXISTS, PORTAL_ERR_ORG_UNIT_CYCLE, PORTAL_ERR_ORG_UNIT_HAS_CHILDREN } from '../errors.js';
import { englishState } from './english-tracking.js';
import type { OrgUnitRow } from './organisation-database.js';
import { columnsFrom, idParams, reorderBody, translatedPairs } from './organisation-fields.js';
import { checkReorder, ORGANISATION_WRITE, unitOf } from './organisation-request.js';
import { OrganisationStore } from './organisation-store.js';
import { createOrgUnitBody, ORG_UNIT_FIELDS, orgUnitList, orgUnitSchema, toOrgUnit, updateOrgUnitBody } from './org-unit.schema.js';

const PAIRS = translatedPairs(ORG_UNIT_FIELDS);
const store = (ctx: PluginContext) => new OrganisationStore(ctx);

/** Every node of the unit's chart in reading order: depth first from the root, siblings in their order. */
export async function orgUnitRows(s: OrganisationStore, tenantId: string): Promise<OrgUnitRow[]> {
  const rows = await s.db.selectFrom('portal_org_units').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('name_vi').orderBy('id').execute();
  const children = new Map<string | null, OrgUnitRow[]>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const ordered: OrgUnitRow[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    for (const row of children.get(parent) ?? []) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  // Rows cut off from the root (a parent deleted outside the API) still show, last.
  return [...ordered, ...rows.filter((r) => !seen.has(r.id))];
}

const badParent = (message: string) => new InputError(`Parent unit: ${message}`, { errors: [{ in: 'body', pointer: '/parentId', message, keyword: 'exists' }] });

/**
 * Where a node may hang: under a node of the same unit that is not itself nor below it; at the top
 * only while the chart has no other root (the one root is the agency itself).
 */
function checkPlace(rows: readonly OrgUnitRow[], self: OrgUnitRow | undefined, parentId: string | null, name: string): void {
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (parentId === null) {
    const root = rows.find((r) => r.parent_id === null && r.id !== self?.id);
    if (root) throw PORTAL_ERR_ORG_ROOT_EXISTS.create({ name: root.name_vi }, { errors: [{ in: 'body', pointer: '/parentId', message: 'the chart already has its root', keyword: 'required' }] });
    return;
  }
  if (!byId.has(parentId)) throw badParent('no such organisation unit in this unit');
  for (let cursor: string | null = parentId, depth = 0; cursor !== null; depth++) {
    if (cursor === self?.id) throw PORTAL_ERR_ORG_UNIT_CYCLE.create({ name }, { errors: [{ in: 'body', pointer: '/parentId', message: 'would make a cycle', keyword: 'exists' }] });
    if (depth > 50) throw badParent('is nested too deep');
    cursor = byId.get(cursor)?.parent_id ?? null;
  }
}

/** The organisation chart (cơ cấu tổ chức, POR-04) under /api/portal/organisation/units. */
export function orgUnitRoutes(route: RouteBuilder): void {
  route.get('/organisation/units', {
    summary: { vi: 'Cơ cấu tổ chức của đơn vị', en: 'The unit\'s organisation chart' },
    description: 'Every node, flat: siblings in their order; build the tree from parentId.',
    authenticated: true,
    schema: { response: { 200: orgUnitList } },
    handler: async (req, ctx) => ({ items: (await orgUnitRows(store(ctx), unitOf(req))).map(toOrgUnit) }),
  });

  route.get('/organisation/units/:id', {
    summary: { vi: 'Xem một đơn vị trong cơ cấu tổ chức', en: 'Read an organisation unit' },
    authenticated: true,
    schema: { params: idParams, response: { 200: orgUnitSchema } },
    handler: async (req, ctx) => toOrgUnit(await store(ctx).get('portal_org_units', unitOf(req), req.params.id)),
  });

  route.post('/organisation/units', {
    summary: { vi: 'Thêm đơn vị vào cơ cấu tổ chức', en: 'Add an organisation unit' },
    description: 'Without parentId the node is the root: the agency itself (one per unit).',
    permission: ORGANISATION_WRITE,
    schema: { body: createOrgUnitBody, response: { 201: orgUnitSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const columns = columnsFrom(ORG_UNIT_FIELDS, req.body, 'create');
      const parentId = req.body.parentId ?? null;
      const rows = await orgUnitRows(s, tenantId);
      checkPlace(rows, undefined, parentId, columns.name_vi!);
      const now = Date.now();
      const siblings = rows.filter((r) => r.parent_id === parentId);
      const row = {
        id: randomUUID(),
        tenant_id: tenantId,
        parent_id: parentId,
        sort_order: req.body.order ?? (siblings.length === 0 ? 0 : Math.max(...siblings.map((r) => Number(r.sort_order))) + 1),
        ...columns,
        revision: 1,
        ...englishState(PAIRS, undefined, columns, now),
        created_at: now,
        updated_at: now,
      } as OrgUnitRow;
      await s.insert('portal_org_units', row, req);
      return respond(201, toOrgUnit(row), { location: `/api/portal/organisation/units/${row.id}` });
    },
  });

  route.patch('/organisation/units/:id', {
    summary: { vi: 'Sửa hoặc di chuyển đơn vị trong cơ cấu tổ chức', en: 'Update or move an organisation unit' },
    description: 'A parentId under the node itself answers 409 PORTAL_ERR_ORG_UNIT_CYCLE; an older revision answers 409.',
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, body: updateOrgUnitBody, response: { 200: orgUnitSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const current = await s.get('portal_org_units', tenantId, req.params.id);
      const columns = columnsFrom(ORG_UNIT_FIELDS, req.body, 'patch');
      if (req.body.parentId !== undefined && req.body.parentId !== current.parent_id) {
        checkPlace(await orgUnitRows(s, tenantId), current, req.body.parentId, current.name_vi);
      }
      const now = Date.now();
      const changes: Partial<OrgUnitRow> = {
        ...columns,
        ...(req.body.parentId !== undefined ? { parent_id: req.body.parentId } : {}),
        ...(req.body.order !== undefined ? { sort_order: req.body.order } : {}),
        ...englishState(PAIRS, current as unknown as Record<string, unknown>, columns, now),
        updated_at: now,
      };
      return toOrgUnit(await s.update('portal_org_units', current, changes, req.body.revision, req));
    },
  });

  route.delete('/organisation/units/:id', {
    summary: { vi: 'Xóa đơn vị khỏi cơ cấu tổ chức', en: 'Delete an organisation unit' },
    description: 'Only a node with nothing below it (else 409 PORTAL_ERR_ORG_UNIT_HAS_CHILDREN); its leaders stay, no longer tied to it.',
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const current = await s.get('portal_org_units', tenantId, req.params.id);
      const children = (await orgUnitRows(s, tenantId)).filter((r) => r.parent_id === current.id).length;
      if (children > 0) throw PORTAL_ERR_ORG_UNIT_HAS_CHILDREN.create({ name: current.name_vi, count: children });
      await s.delete('portal_org_units', current, req, async (trx) => {
        await trx.updateTable('portal_leaders').set({ org_unit_id: null, updated_at: Date.now() }).where('tenant_id', '=', tenantId).where('org_unit_id', '=', current.id).execute();
      });
      return respond(204);
    },
  });

  route.post('/organisation/units/reorder', {
    summary: { vi: 'Sắp xếp các đơn vị cùng cấp', en: 'Reorder sibling organisation units' },
    description: 'ids: siblings (one parent) in their new order.',
    permission: ORGANISATION_WRITE,
    schema: { body: reorderBody, response: { 200: orgUnitList } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const rows = await orgUnitRows(s, tenantId);
      checkReorder(req.body.ids, new Set(rows.map((r) => r.id)));
      const parents = new Set(req.body.ids.map((id) => rows.find((r) => r.id === id)!.parent_id));
      if (parents.size > 1) throw new InputError('Reorder siblings only', { errors: [{ in: 'body', pointer: '/ids', message: 'must share one parent', keyword: 'const' }] });
      await s.reorder('portal_org_units', tenantId, req.body.ids, req);
      return { items: (await orgUnitRows(s, tenantId)).map(toOrgUnit) };
    },
  });
}
