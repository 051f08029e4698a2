import { coreServices, InputError, NotFoundError, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { PORTAL_ERR_NOT_PROVINCE } from '../errors.js';
import { siteChanged } from '../site/site-events.js';
import { summarize, unitCompliance } from './compliance.js';
import { MANAGE, mayRead, unit } from './mandated-access.js';
import type { MandatedDatabase } from './mandated-database.js';
import { seedMandatedSections } from './mandated-seed.js';
import { complianceQuery, complianceResponse, sectionCodeParams, sectionComplianceSchema, seedResponse, unitsQuery, unitsResponse, updateSectionBody, type UnitRef } from './mandated.schema.js';
import { SectionRepository } from './section.repository.js';

const sections = (ctx: PluginContext) => new SectionRepository(ctx.get(coreServices.database).kysely<MandatedDatabase>());

async function unitRef(ctx: PluginContext, tenantId: string): Promise<UnitRef> {
  const tenant = await ctx.get(coreServices.tenancy).get(tenantId);
  if (!tenant) throw new NotFoundError(`Unit ${tenantId} does not exist`);
  return { id: tenant.id, slug: tenant.slug, name: { vi: tenant.nameVi, en: tenant.nameEn } };
}

const PROBLEMS: ReadonlySet<string> = new Set(['empty', 'stale', 'english-missing']);

/**
 * Mandated information (POR-01 to POR-16) under /api/portal: each unit's sections with their
 * compliance, the settings a unit may change (not applicable with a reason, the address of a `link`
 * section), re-seeding missing sections, and the province's overview of every unit.
 */
export function mandatedRoutes(route: RouteBuilder): void {
  route.get('/compliance', {
    summary: { vi: 'Mức độ đáp ứng thông tin bắt buộc của đơn vị', en: 'The unit\'s compliance with mandated information' },
    description: 'Each section: ok, empty, stale (per portal.mandatedStaleDays.*), english-missing (POR-04/POR-05 with stale English) or not-applicable.',
    authenticated: true,
    schema: { query: complianceQuery, response: { 200: complianceResponse } },
    handler: async (req, ctx) => {
      const tenantId = mayRead(req);
      const items = await unitCompliance(ctx, tenantId);
      const shown = req.query.problems ? items.filter((s) => PROBLEMS.has(s.status)) : items;
      return { unit: await unitRef(ctx, tenantId), summary: summarize(items), items: shown };
    },
  });

  route.get('/compliance/units', {
    summary: { vi: 'Tổng hợp mức độ đáp ứng của các đơn vị (cấp tỉnh)', en: 'Every unit\'s compliance summary (province)' },
    description: 'At the province only (the unit without a parent); units in slug order, paged.',
    permission: MANAGE,
    schema: { query: unitsQuery, response: { 200: unitsResponse } },
    handler: async (req, ctx) => {
      const tenancy = ctx.get(coreServices.tenancy);
      const here = await tenancy.get(unit(req));
      if (!here) throw new NotFoundError(`Unit ${req.tenantId} does not exist`);
      if (here.parentId !== null) throw PORTAL_ERR_NOT_PROVINCE.create({ unit: here.slug });
      const all = [...(await tenancy.enabledTenants())].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
      const page = all.slice(req.query.offset, req.query.offset + req.query.limit);
      const items = [];
      for (const t of page) items.push({ unit: { id: t.id, slug: t.slug, name: { vi: t.nameVi, en: t.nameEn } }, summary: summarize(await unitCompliance(ctx, t.id)) });
      return { items, total: all.length, limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.patch('/mandated-sections/:code', {
    summary: { vi: 'Đánh dấu không áp dụng, đặt địa chỉ liên kết', en: 'Mark a section not applicable, set a link address' },
    description: 'notApplicable: true needs a reason; linkUrl is for link sections only (POR-03 Cổng DVCQG, POR-15 Công báo).',
    permission: MANAGE,
    schema: { params: sectionCodeParams, body: updateSectionBody, response: { 200: sectionComplianceSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const repo = sections(ctx);
      const current = await repo.find(tenantId, req.params.code);
      if (!current) throw new NotFoundError(`Section ${req.params.code} does not exist in this unit`);
      const b = req.body;
      const reason = b.reason?.normalize('NFC').trim() || null;
      const notApplicable = b.notApplicable ?? current.not_applicable === 1;
      if (b.notApplicable === true && reason === null) throw bodyError('/reason', 'is required to mark a section not applicable', 'required');
      if (b.linkUrl !== undefined && current.source !== 'link') throw bodyError('/linkUrl', `is only for link sections; ${current.code} is a ${current.source} section`, 'source');
      const changes = {
        not_applicable: notApplicable ? 1 : 0,
        na_reason: notApplicable ? (reason ?? current.na_reason) : null,
        ...(b.linkUrl !== undefined ? { link_url: b.linkUrl } : {}),
        updated_at: Date.now(),
        updated_by: req.principal!.id,
      };
      await ctx.get(coreServices.database).transaction<MandatedDatabase, void>(async (trx) => {
        await repo.update(tenantId, current.code, changes, trx);
        await ctx.get(coreServices.audit).record(
          {
            action: 'portal.mandated.update',
            objectType: 'mandated-section',
            objectId: current.code,
            tenantId,
            before: { notApplicable: current.not_applicable === 1, reason: current.na_reason, linkUrl: current.link_url },
            after: b,
          },
          { request: req, trx },
        );
      });
      // The list of mandated information (POR-13) shows these settings.
      await ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'mandated' }, { tenantId });
      return (await unitCompliance(ctx, tenantId)).find((s) => s.code === current.code)!;
    },
  });

  route.post('/mandated-sections/seed', {
    summary: { vi: 'Bổ sung các mục thông tin bắt buộc còn thiếu', en: 'Add the missing mandated sections' },
    description: 'Idempotent: sections the unit has keep their settings; only missing ones (and their categories) are added.',
    permission: MANAGE,
    schema: { response: { 200: seedResponse } },
    handler: async (req, ctx) => seedMandatedSections(ctx, { id: unit(req) }, req),
  });
}

function bodyError(pointer: string, message: string, keyword: string): InputError {
  return new InputError(`body ${pointer} ${message}`, { errors: [{ in: 'body', pointer, message, keyword }] });
}
