import { coreServices, NotFoundError, normalizeText, type PluginContext, type RouteBuilder } from '@cong/sdk';
import type { GazetteIntakeDatabase, IssuerContactRow } from './gazette-database.js';
import { actorOf, callingUnit, SUBMIT } from './intake-request.js';
import { contactBody, contactSchema, type IssuerContact } from './submission.schema.js';
import { SubmissionRepository } from './submission.repository.js';
import { iso } from './vietnam-date.js';

const repository = (ctx: PluginContext) => new SubmissionRepository(ctx.get(coreServices.database).kysely<GazetteIntakeDatabase>());
const clean = (value: string | null | undefined) => (value === undefined || value === null ? null : normalizeText(value).trim() || null);

function view(row: IssuerContactRow): IssuerContact {
  return { name: row.name, email: row.email, phone: row.phone, updatedBy: row.updated_by, updatedAt: iso(row.updated_at) };
}

/**
 * The issuing unit's gazette contact (đầu mối gửi văn bản đăng Công báo), under /api/gazette/contact:
 * the office's discrepancy notices go to this address as well as to the person who sent the document.
 */
export function contactRoutes(route: RouteBuilder): void {
  route.get('/contact', {
    summary: { vi: 'Đầu mối Công báo của đơn vị', en: 'The unit\'s gazette contact' },
    permission: SUBMIT,
    schema: { response: { 200: contactSchema } },
    handler: async (req, ctx) => {
      const row = await repository(ctx).contact(callingUnit(req));
      if (!row) throw new NotFoundError('The unit has no gazette contact yet');
      return view(row);
    },
  });

  route.put('/contact', {
    summary: { vi: 'Đặt đầu mối Công báo của đơn vị', en: 'Set the unit\'s gazette contact' },
    description: 'The address receives the office\'s notices of discrepancies (GAZ-14).',
    permission: SUBMIT,
    schema: { body: contactBody, response: { 200: contactSchema } },
    handler: async (req, ctx) => {
      const unitId = callingUnit(req);
      const repo = repository(ctx);
      const before = await repo.contact(unitId);
      const row: IssuerContactRow = { tenant_id: unitId, name: clean(req.body.name), email: req.body.email.trim(), phone: clean(req.body.phone), updated_by: actorOf(req).id, updated_at: Date.now() };
      await ctx.get(coreServices.database).transaction<GazetteIntakeDatabase, void>(async (trx) => {
        if (before) await trx.updateTable('gazette_issuer_contacts').set(row).where('tenant_id', '=', unitId).execute();
        else await trx.insertInto('gazette_issuer_contacts').values(row).execute();
        await ctx.get(coreServices.audit).record(
          { action: 'gazette.contact.set', objectType: 'gazette-contact', objectId: unitId, tenantId: unitId, before: before ? { email: before.email, name: before.name } : undefined, after: { email: row.email, name: row.name } },
          { request: req, trx },
        );
      });
      return view(row);
    },
  });
}
