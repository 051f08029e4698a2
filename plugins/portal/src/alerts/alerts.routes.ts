import { randomUUID } from 'node:crypto';
import { coreServices, InputError, normalizeText, NotFoundError, respond, type FieldIssue, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { refreshSites } from '../navigation/site-refresh.js';
import { alertsInForce } from './alerts-in-force.js';
import { PUBLIC_HEADERS, publicUnit } from '../public/public-site.js';
import type { Languages } from '../site/languages.js';
import type { AlertsDatabase } from './alerts-database.js';
import { AlertRepository, toAlert, type AlertRow } from './alerts.repository.js';
import { alertIdParams, alertPage, alertSchema, createAlertBody, listAlertsQuery, publicAlertList, publicAlertsQuery, updateAlertBody } from './alerts.schema.js';

/** Who may post, change and end a unit's alerts: the approvers (what goes public at once). */
export const ALERTS_PERMISSION = 'portal.content.approve';

const repository = (ctx: PluginContext) => new AlertRepository(ctx.get(coreServices.database).kysely<AlertsDatabase>());

function unit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its alerts');
  return req.tenantId;
}

const text = (value: string) => normalizeText(value).trim();

/** The window must close after it opens; a message must not be blank once trimmed. */
function checkAlert(row: Pick<AlertRow, 'message_vi' | 'starts_at' | 'ends_at'>): void {
  const errors: FieldIssue[] = [];
  if (row.message_vi === '') errors.push({ in: 'body', pointer: '/message/vi', message: 'must not be blank', keyword: 'minLength' });
  if (row.ends_at !== null && row.ends_at <= row.starts_at) errors.push({ in: 'body', pointer: '/endsAt', message: 'must be after startsAt', keyword: 'formatMinimum' });
  if (errors.length > 0) throw new InputError(`body ${errors[0]!.pointer} ${errors[0]!.message}`, { errors });
}

/**
 * Emergency alert banners (cảnh báo khẩn), per unit, under /api/portal/alerts: listed, posted, changed
 * and ended by the unit's approvers, every write audited. `GET /api/portal/public/alerts` is what a
 * site (and `<cong-portal-alert>`) shows now.
 */
export function alertRoutes(route: RouteBuilder, languages: Languages): void {
  route.get('/alerts', {
    summary: { vi: 'Cảnh báo khẩn của đơn vị', en: 'The unit\'s emergency alerts' },
    permission: ALERTS_PERMISSION,
    schema: { query: listAlertsQuery, response: { 200: alertPage } },
    handler: async (req, ctx) => {
      const now = Date.now();
      const page = await repository(ctx).page(unit(req), req.query, now);
      return { items: page.items.map((r) => toAlert(r, now)), total: page.total, limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.post('/alerts', {
    summary: { vi: 'Đăng cảnh báo khẩn', en: 'Post an emergency alert' },
    description: 'scope `subtree` also shows the alert on every unit below this one; from the province it is sitewide.',
    permission: ALERTS_PERMISSION,
    schema: { body: createAlertBody, response: { 201: alertSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const now = Date.now();
      const row: AlertRow = {
        id: randomUUID(),
        tenant_id: tenantId,
        message_vi: text(req.body.message.vi),
        message_en: req.body.message.en ? text(req.body.message.en) || null : null,
        severity: req.body.severity,
        scope: req.body.scope ?? 'unit',
        starts_at: req.body.startsAt ? Date.parse(req.body.startsAt) : now,
        ends_at: req.body.endsAt ? Date.parse(req.body.endsAt) : null,
        created_by: req.principal!.id,
        created_at: now,
        updated_at: now,
      };
      checkAlert(row);
      await ctx.get(coreServices.database).transaction<AlertsDatabase, void>(async (trx) => {
        await trx.insertInto('portal_alerts').values(row).execute();
        await ctx.get(coreServices.audit).record(
          { action: 'portal.alert.create', objectType: 'alert', objectId: row.id, tenantId, after: { severity: row.severity, scope: row.scope, message: row.message_vi, startsAt: row.starts_at, endsAt: row.ends_at } },
          { request: req, trx },
        );
      });
      // The site's layout shows the alert: drop the cached pages of every unit that shows it.
      await refreshSites(ctx, tenantId, { area: 'alerts', subtree: row.scope === 'subtree' });
      return respond(201, toAlert(row, Date.now()), { location: `/api/portal/alerts/${row.id}` });
    },
  });

  route.patch('/alerts/:id', {
    summary: { vi: 'Sửa cảnh báo khẩn', en: 'Update an emergency alert' },
    permission: ALERTS_PERMISSION,
    schema: { params: alertIdParams, body: updateAlertBody, response: { 200: alertSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const repo = repository(ctx);
      const current = await repo.find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Alert ${req.params.id} does not exist`);
      const b = req.body;
      const next: AlertRow = {
        ...current,
        ...(b.message !== undefined ? { message_vi: text(b.message.vi), message_en: b.message.en ? text(b.message.en) || null : null } : {}),
        ...(b.severity !== undefined ? { severity: b.severity } : {}),
        ...(b.scope !== undefined ? { scope: b.scope } : {}),
        ...(b.startsAt !== undefined ? { starts_at: Date.parse(b.startsAt) } : {}),
        ...(b.endsAt !== undefined ? { ends_at: b.endsAt === null ? null : Date.parse(b.endsAt) } : {}),
        updated_at: Date.now(),
      };
      checkAlert(next);
      await ctx.get(coreServices.database).transaction<AlertsDatabase, void>(async (trx) => {
        const { id: _id, tenant_id: _tenant, created_by: _by, created_at: _at, ...changes } = next;
        await trx.updateTable('portal_alerts').set(changes).where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record(
          { action: 'portal.alert.update', objectType: 'alert', objectId: current.id, tenantId, before: toAlert(current, next.updated_at), after: b },
          { request: req, trx },
        );
      });
      await refreshSites(ctx, tenantId, { area: 'alerts', subtree: current.scope === 'subtree' || next.scope === 'subtree' });
      return toAlert(next, Date.now());
    },
  });

  route.post('/alerts/:id/end', {
    summary: { vi: 'Kết thúc cảnh báo ngay', en: 'End an alert now' },
    description: 'Sets its end to now; an alert that already ended is returned unchanged.',
    permission: ALERTS_PERMISSION,
    schema: { params: alertIdParams, response: { 200: alertSchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const current = await repository(ctx).find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Alert ${req.params.id} does not exist`);
      const now = Date.now();
      if (current.ends_at !== null && current.ends_at <= now) return toAlert(current, now);
      // A scheduled alert that is ended never shows: its window closes where it opens.
      const ended: AlertRow = { ...current, starts_at: Math.min(current.starts_at, now), ends_at: now, updated_at: now };
      await ctx.get(coreServices.database).transaction<AlertsDatabase, void>(async (trx) => {
        await trx.updateTable('portal_alerts').set({ starts_at: ended.starts_at, ends_at: now, updated_at: now }).where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record({ action: 'portal.alert.end', objectType: 'alert', objectId: current.id, tenantId, before: { endsAt: current.ends_at }, after: { endsAt: now } }, { request: req, trx });
      });
      await refreshSites(ctx, tenantId, { area: 'alerts', subtree: current.scope === 'subtree' });
      return toAlert(ended, now);
    },
  });

  route.get('/public/alerts', {
    summary: { vi: 'Cảnh báo khẩn đang hiệu lực tại đơn vị (công khai)', en: 'Emergency alerts in force for the unit (public)' },
    description: 'The unit\'s own alerts and the subtree-scoped alerts of the units above it, in force now; danger first, then newest. For the `<cong-portal-alert>` widget.',
    tags: ['portal-public'],
    cors: true,
    schema: { query: publicAlertsQuery(languages), response: { 200: publicAlertList } },
    handler: async (req, ctx) => {
      const { tenant } = await publicUnit(req, ctx);
      const { rows, units } = await alertsInForce(ctx, tenant, Date.now());
      const lang = req.query.lang;
      const items = rows.map((row) => {
        const owner = units.get(row.tenant_id)!;
        const message = languages.pair(lang, row.message_vi, row.message_en);
        return {
          id: row.id,
          message: message.text,
          lang: message.lang,
          severity: row.severity,
          startsAt: new Date(row.starts_at).toISOString(),
          endsAt: row.ends_at === null ? null : new Date(row.ends_at).toISOString(),
          unit: { slug: owner.slug, name: languages.pair(lang, owner.nameVi, owner.nameEn).text },
        };
      });
      return respond(200, { items }, PUBLIC_HEADERS);
    },
  });
}
