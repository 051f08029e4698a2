import { randomUUID } from 'node:crypto';
import { ConflictError, coreServices, NotFoundError, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { greetingCreated } from '../api/index.js';
import type { HelloDatabase } from '../schema/database.js';
import {
  createGreetingBody,
  greetingIdParams,
  greetingPage,
  greetingSchema,
  latestGreetingsQuery,
  latestGreetingsResponse,
  listGreetingsQuery,
} from '../schema/greeting.schema.js';
import { GreetingRepository } from './greeting-repository.js';
import { helloSettings, startOfVietnamDay } from './hello-settings.js';

const repository = (ctx: PluginContext) => new GreetingRepository(ctx.get(coreServices.database).kysely<HelloDatabase>());

/**
 * The plugin's JSON API under /api/hello. Every greeting belongs to the unit the call names
 * (`X-Cong-Tenant`, which the admin shell's API client sends); without one, to the platform.
 */
export function greetingRoutes(route: RouteBuilder): void {
  route.get('/greetings', {
    summary: { vi: 'Danh sách lời chào của đơn vị', en: 'List the unit\'s greetings' },
    schema: { query: listGreetingsQuery, response: { 200: greetingPage } },
    handler: async (req, ctx) => {
      const page = await repository(ctx).page(req.tenantId ?? null, req.query);
      return { ...page, limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.get('/greetings/:id', {
    summary: { vi: 'Xem một lời chào', en: 'Read a greeting' },
    schema: { params: greetingIdParams, response: { 200: greetingSchema } },
    handler: async (req, ctx) => {
      // Another unit's greeting is 404, like one that does not exist.
      const greeting = await repository(ctx).find(req.tenantId ?? null, req.params.id);
      if (!greeting) throw new NotFoundError(`Greeting ${req.params.id} does not exist`);
      return greeting;
    },
  });

  route.post('/greetings', {
    summary: { vi: 'Tạo lời chào', en: 'Create a greeting' },
    permission: 'hello.write',
    schema: { body: createGreetingBody, response: { 201: greetingSchema } },
    handler: async (req, ctx) => {
      const db = ctx.get(coreServices.database);
      const jobs = ctx.get(coreServices.jobs);
      const tenantId = req.tenantId ?? null;
      const settings = await helloSettings(ctx, tenantId);
      const now = Date.now();
      const row = {
        id: randomUUID(),
        tenant_id: tenantId,
        name: req.body.name,
        message: req.body.message ?? '',
        language: req.body.language ?? settings.defaultLanguage,
        created_at: now,
        delivered_at: null,
      };
      // The row, its delivery job and the audit entry commit together, or not at all.
      await db.transaction<HelloDatabase, void>(async (trx) => {
        const repo = new GreetingRepository(db.kysely<HelloDatabase>());
        // The unit's daily limit (a setting). Two requests at the same instant may both pass: a limit
        // that must never be exceeded needs a counter row updated in the transaction instead.
        if ((await repo.countSince(tenantId, startOfVietnamDay(now), trx)) >= settings.maxPerDay) {
          throw new ConflictError(`The unit has already created ${settings.maxPerDay} greetings today (setting maxPerDay)`);
        }
        await repo.insert(row, trx);
        await jobs.enqueue('deliver-greeting', { id: row.id, tenantId }, { trx });
        await ctx.get(coreServices.audit).record(
          { action: 'hello.greeting.create', objectType: 'greeting', objectId: row.id, tenantId, after: { name: row.name, language: row.language } },
          { request: req, trx },
        );
      });
      await ctx.get(coreServices.events).emit(greetingCreated, { id: row.id, name: row.name });
      const created = await repository(ctx).find(tenantId, row.id);
      return respond(201, created, { location: `/api/hello/greetings/${row.id}` });
    },
  });
}

/**
 * Public routes, at the root of every unit's site: `https://<unit host>/hello/greetings/latest`, or
 * `https://<portal>/t/<unit slug>/hello/greetings/latest`. Anonymous (no permission), readable from
 * the unit's allowed origins (`cors: true`: the core answers with `Access-Control-Allow-Origin` for
 * them, never with credentials), and cacheable for a minute. This is the `<cong-hello-greetings>`
 * widget's data.
 */
export function publicGreetingRoutes(route: RouteBuilder): void {
  route.get('/hello/greetings/latest', {
    summary: { vi: 'Lời chào mới nhất của đơn vị (công khai, cho tiện ích nhúng)', en: 'The unit\'s latest greetings (public, for the embedded widget)' },
    cors: true,
    schema: { query: latestGreetingsQuery, response: { 200: latestGreetingsResponse } },
    handler: async (req, ctx) => {
      const tenantId = req.tenantId ?? null;
      const [page, settings] = await Promise.all([repository(ctx).page(tenantId, { limit: req.query.limit, offset: 0 }), helloSettings(ctx, tenantId)]);
      const items = page.items.map(({ id, name, message, language, createdAt }) => ({ id, name, message, language, createdAt }));
      // Text as stored: the widget renders it as text (Lit bindings escape), never as HTML.
      return respond(200, { items, signature: settings.signature || null }, { 'cache-control': 'public, max-age=60' });
    },
  });
}
