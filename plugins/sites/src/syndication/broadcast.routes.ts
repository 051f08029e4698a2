import { respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { BroadcastService, PUBLISH } from './broadcast.service.js';
import { actorOf, callingUnit } from './syndication-request.js';
import { broadcastBody, broadcastDetailSchema, broadcastPageSchema, broadcastsQuery, endBroadcastBody, idParams, unitsBelowSchema } from './syndication.schema.js';

const service = (ctx: PluginContext) => new BroadcastService(ctx);

/**
 * The sender's side, under /api/sites/broadcasts: the calling unit sends its published articles down and
 * ends them. Only the sending unit reaches its broadcasts; a receiving unit has no route to change them.
 */
export function broadcastRoutes(route: RouteBuilder): void {
  route.get('/broadcasts', {
    summary: { vi: 'Tin đơn vị đã gửi xuống các trang', en: 'Items the unit broadcast to the sites below' },
    permission: PUBLISH,
    schema: { query: broadcastsQuery, response: { 200: broadcastPageSchema } },
    handler: (req, ctx) => service(ctx).page(callingUnit(req), req.query),
  });

  route.post('/broadcasts', {
    summary: { vi: 'Gửi một tin bài đã xuất bản xuống các trang cấp dưới', en: 'Broadcast a published article to the sites below' },
    description: '`scope: all` reaches every unit below the sender with a site; `scope: subtree` the unit `rootId` (id or slug, below the sender) and every unit below it.',
    permission: PUBLISH,
    schema: { body: broadcastBody, response: { 201: broadcastDetailSchema } },
    handler: async (req, ctx) => {
      const created = await service(ctx).publish(callingUnit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/sites/broadcasts/${created.id}` });
    },
  });

  route.get('/broadcasts/units', {
    summary: { vi: 'Các đơn vị cấp dưới có trang, để chọn nhánh nhận tin', en: 'Units below with a site, to choose a subtree' },
    permission: PUBLISH,
    schema: { response: { 200: unitsBelowSchema } },
    handler: async (req, ctx) => ({ items: await service(ctx).unitsBelow(callingUnit(req)) }),
  });

  route.get('/broadcasts/:id', {
    summary: { vi: 'Xem tin đã gửi và các trang nhận', en: 'Read a broadcast and its receiving sites' },
    permission: PUBLISH,
    schema: { params: idParams, response: { 200: broadcastDetailSchema } },
    handler: (req, ctx) => service(ctx).get(callingUnit(req), req.params.id),
  });

  route.post('/broadcasts/:id/end', {
    summary: { vi: 'Kết thúc: tin rời mọi trang nhận', en: 'End: the item leaves every receiving site' },
    permission: PUBLISH,
    schema: { params: idParams, body: endBroadcastBody, response: { 200: broadcastDetailSchema } },
    handler: (req, ctx) => service(ctx).end(callingUnit(req), req.params.id, actorOf(req), req.body.reason),
  });
}
