import { randomUUID } from 'node:crypto';
import { InputError, respond, type FieldIssue, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { englishState } from './english-tracking.js';
import { CONTACT_FIELDS, CONTACT_REQUIRED, contactList, contactSchema, createContactBody, toContact, updateContactBody } from './contact.schema.js';
import type { ContactRow } from './organisation-database.js';
import { columnsFrom, idParams, reorderBody, translatedPairs } from './organisation-fields.js';
import { checkReorder, ORGANISATION_WRITE, unitOf } from './organisation-request.js';
import { OrganisationStore } from './organisation-store.js';

const PAIRS = translatedPairs(CONTACT_FIELDS);
const store = (ctx: PluginContext) => new OrganisationStore(ctx);

/** The unit's contacts: agency blocks first, then officials, each in their order. */
export async function contactRows(s: OrganisationStore, tenantId: string): Promise<ContactRow[]> {
  return s.db.selectFrom('portal_contacts').selectAll().where('tenant_id', '=', tenantId).orderBy('kind').orderBy('sort_order').orderBy('id').execute();
}

function checkContact(row: ContactRow): void {
  const errors: FieldIssue[] = CONTACT_REQUIRED[row.kind]
    .filter(([, column]) => String(row[column] ?? '').trim() === '')
    .map(([pointer]) => ({ in: 'body', pointer, message: `is required for ${row.kind === 'agency' ? 'an agency contact' : 'an official'}`, keyword: 'required' }));
  if (errors.length > 0) throw new InputError(`body ${errors[0]!.pointer} ${errors[0]!.message}`, { errors });
}

/** The unit's contact block (POR-05) under /api/portal/organisation/contacts. */
export function contactRoutes(route: RouteBuilder): void {
  route.get('/organisation/contacts', {
    summary: { vi: 'Thông tin liên hệ của đơn vị', en: 'The unit\'s contacts' },
    authenticated: true,
    schema: { response: { 200: contactList } },
    handler: async (req, ctx) => ({ items: (await contactRows(store(ctx), unitOf(req))).map(toContact) }),
  });

  route.get('/organisation/contacts/:id', {
    summary: { vi: 'Xem một liên hệ', en: 'Read a contact' },
    authenticated: true,
    schema: { params: idParams, response: { 200: contactSchema } },
    handler: async (req, ctx) => toContact(await store(ctx).get('portal_contacts', unitOf(req), req.params.id)),
  });

  route.post('/organisation/contacts', {
    summary: { vi: 'Thêm liên hệ (cơ quan hoặc cán bộ đầu mối)', en: 'Add a contact (agency or official)' },
    description: 'kind `agency` needs label; kind `official` needs personName and position.',
    permission: ORGANISATION_WRITE,
    schema: { body: createContactBody, response: { 201: contactSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const columns = columnsFrom(CONTACT_FIELDS, req.body, 'create');
      const now = Date.now();
      const sameKind = (await contactRows(s, tenantId)).filter((r) => r.kind === req.body.kind);
      const row = {
        id: randomUUID(),
        tenant_id: tenantId,
        kind: req.body.kind,
        official_role: req.body.kind === 'official' ? (req.body.role ?? 'focal') : null,
        sort_order: req.body.order ?? (sameKind.length === 0 ? 0 : Math.max(...sameKind.map((r) => Number(r.sort_order))) + 1),
        ...columns,
        revision: 1,
        ...englishState(PAIRS, undefined, columns, now),
        created_at: now,
        updated_at: now,
      } as ContactRow;
      checkContact(row);
      await s.insert('portal_contacts', row, req);
      return respond(201, toContact(row), { location: `/api/portal/organisation/contacts/${row.id}` });
    },
  });

  route.patch('/organisation/contacts/:id', {
    summary: { vi: 'Sửa liên hệ', en: 'Update a contact' },
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, body: updateContactBody, response: { 200: contactSchema } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      const current = await s.get('portal_contacts', tenantId, req.params.id);
      const columns = columnsFrom(CONTACT_FIELDS, req.body, 'patch');
      const now = Date.now();
      const changes: Partial<ContactRow> = {
        ...columns,
        ...(req.body.role !== undefined && current.kind === 'official' ? { official_role: req.body.role } : {}),
        ...(req.body.order !== undefined ? { sort_order: req.body.order } : {}),
        ...englishState(PAIRS, current as unknown as Record<string, unknown>, columns, now),
        updated_at: now,
      };
      checkContact({ ...current, ...changes });
      return toContact(await s.update('portal_contacts', current, changes, req.body.revision, req));
    },
  });

  route.delete('/organisation/contacts/:id', {
    summary: { vi: 'Xóa liên hệ', en: 'Delete a contact' },
    permission: ORGANISATION_WRITE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const s = store(ctx);
      await s.delete('portal_contacts', await s.get('portal_contacts', unitOf(req), req.params.id), req);
      return respond(204);
    },
  });

  route.post('/organisation/contacts/reorder', {
    summary: { vi: 'Sắp xếp thứ tự liên hệ', en: 'Reorder the contacts' },
    description: 'Agency blocks always come before officials; the order counts within each kind.',
    permission: ORGANISATION_WRITE,
    schema: { body: reorderBody, response: { 200: contactList } },
    handler: async (req, ctx) => {
      const tenantId = unitOf(req);
      const s = store(ctx);
      checkReorder(req.body.ids, new Set((await contactRows(s, tenantId)).map((r) => r.id)));
      await s.reorder('portal_contacts', tenantId, req.body.ids, req);
      return { items: (await contactRows(s, tenantId)).map(toContact) };
    },
  });
}
