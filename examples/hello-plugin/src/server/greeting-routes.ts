import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { greetingCreated } from '../api/index.js';
import type { HelloDatabase } from '../schema/database.js';
import { createGreetingBody, greetingIdParams, greetingPage, greetingSchema, listGreetingsQuery } from '../schema/greeting.schema.js';
import { GreetingRepository } from './greeting-repository.js';

const repository = (ctx: PluginContext) => new GreetingRepository(ctx.get(coreServices.database).kysely<HelloDatabase>());

/** The plugin's JSON API under /api/hello. */
export function greetingRoutes(route: RouteBuilder): void {
  route.get('/greetings', {
    summary: { vi: 'Danh sách lời chào', en: 'List greetings' },
    schema: { query: listGreetingsQuery, response: { 200: greetingPage } },
    handler: async (req, ctx) => {
      const page = await repository(ctx).page(req.query);
      return { ...page, limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.get('/greetings/:id', {
    summary: { vi: 'Xem một lời chào', en: 'Read a greeting' },
    schema: { params: greetingIdParams, response: { 200: greetingSchema } },
    handler: async (req, ctx) => {
      const greeting = await repository(ctx).find(req.params.id);
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
      const row = {
        id: randomUUID(),
        name: req.body.name,
        message: req.body.message ?? '',
        language: req.body.language ?? 'vi',
        created_at: Date.now(),
        delivered_at: null,
      };
      // The row, its delivery job and the audit entry commit together, or not at all.
      await db.transaction<HelloDatabase, void>(async (trx) => {
        await new GreetingRepository(db.kysely<HelloDatabase>()).insert(row, trx);
        await jobs.enqueue('deliver-greeting', { id: row.id }, { trx });
        await ctx.get(coreServices.audit).record(
          { action: 'hello.greeting.create', objectType: 'greeting', objectId: row.id, tenantId: req.tenantId ?? null, after: { name: row.name, language: row.language } },
          { request: req, trx },
        );
      });
      await ctx.get(coreServices.events).emit(greetingCreated, { id: row.id, name: row.name });
      const created = await repository(ctx).find(row.id);
      return respond(201, created, { location: `/api/hello/greetings/${row.id}` });
    },
  });
}
