import { InputError, NotAllowedError, NotFoundError, respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { actorOf } from '../content/article.service.js';
import type { Languages } from '../site/languages.js';
import { PAGES_APPROVE, PAGES_WRITE, PageService } from './page.service.js';
import {
  createPageBody,
  pageDiffQuery,
  pageDiffResponse,
  pageIdParams,
  pageResolveQuery,
  pageResolveResponse,
  pageRestoreBody,
  pageRevisionList,
  pageSchema,
  pageTransitionBody,
  pageTransitionParams,
  pageTree,
  pageTreeQuery,
  updatePageBody,
} from './pages.schema.js';

const pages = (ctx: PluginContext) => new PageService(ctx);

/** Pages belong to a unit: a call that names none finds nothing. */
function unit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its pages');
  return req.tenantId;
}

/** Reading the admin side (drafts included) takes the pages permission or the approver's. */
function mayRead(req: RouteRequest): string {
  const tenantId = unit(req);
  if (!req.can(PAGES_WRITE) && !req.can(PAGES_APPROVE)) throw new NotAllowedError(PAGES_WRITE);
  return tenantId;
}

/**
 * The pages area's admin JSON API under /api/portal/pages: the unit's page tree, the editorial
 * workflow, revisions. Another unit's page answers 404.
 */
export function pageRoutes(route: RouteBuilder, languages: Languages): void {
  route.get('/pages', {
    summary: { vi: 'Cây trang tĩnh của đơn vị', en: 'The unit\'s page tree' },
    description: 'Every page (no bodies), siblings in order; build the tree from parentId.',
    authenticated: true,
    schema: { query: pageTreeQuery, response: { 200: pageTree } },
    handler: async (req, ctx) => ({ items: await pages(ctx).tree(mayRead(req), req.query) }),
  });

  // Before /pages/:id, so "resolve" is not read as an id (the id schema would refuse it anyway).
  route.get('/pages/resolve', {
    summary: { vi: 'Tra địa chỉ trang (chuyển hướng 301, 410)', en: 'Resolve a page slug (301 moved, 410 archived)' },
    authenticated: true,
    schema: { query: pageResolveQuery, response: { 200: pageResolveResponse } },
    handler: async (req, ctx) => pages(ctx).resolve(mayRead(req), req.query.slug),
  });

  route.get('/pages/:id', {
    summary: { vi: 'Xem trang', en: 'Read a page' },
    authenticated: true,
    schema: { params: pageIdParams, response: { 200: pageSchema } },
    handler: async (req, ctx) => pages(ctx).get(mayRead(req), req.params.id),
  });

  route.post('/pages', {
    summary: { vi: 'Tạo trang (bản nháp)', en: 'Create a page (a draft)' },
    permission: PAGES_WRITE,
    schema: { body: createPageBody(languages), response: { 201: pageSchema } },
    handler: async (req, ctx) => {
      const created = await pages(ctx).create(unit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/portal/pages/${created.id}` });
    },
  });

  route.patch('/pages/:id', {
    summary: { vi: 'Sửa trang hoặc chuyển vị trí trong cây', en: 'Update a page or move it in the tree' },
    description: 'Content changes only in draft or review; parentId and order change in every state.',
    permission: PAGES_WRITE,
    schema: { params: pageIdParams, body: updatePageBody(languages), response: { 200: pageSchema } },
    handler: async (req, ctx) => pages(ctx).update(unit(req), req.params.id, actorOf(req), req.body),
  });

  route.post('/pages/:id/transitions/:action', {
    summary: { vi: 'Chuyển trạng thái trang: gửi duyệt, duyệt, trả lại, lưu trữ, mở lại', en: 'Page workflow step: submit, approve, reject, archive, reopen' },
    description: 'submit needs portal.pages.write; approve, reject, archive (and reopening a published page) need portal.content.approve; reject needs remarks.',
    authenticated: true,
    schema: { params: pageTransitionParams, body: pageTransitionBody, response: { 200: pageSchema } },
    handler: async (req, ctx) => {
      const tenantId = mayRead(req);
      if (req.params.action === 'reject' && !req.body.remarks) {
        throw new InputError('Say why the page goes back', { errors: [{ in: 'body', pointer: '/remarks', message: 'is required to reject', keyword: 'required' }] });
      }
      return pages(ctx).transition(tenantId, req.params.id, actorOf(req), req.params.action, req.body.remarks);
    },
  });

  route.get('/pages/:id/revisions', {
    summary: { vi: 'Các phiên bản của trang', en: 'A page\'s revisions' },
    authenticated: true,
    schema: { params: pageIdParams, response: { 200: pageRevisionList } },
    handler: async (req, ctx) => ({ items: await pages(ctx).revisions(mayRead(req), req.params.id) }),
  });

  route.get('/pages/:id/diff', {
    summary: { vi: 'So sánh hai phiên bản của trang', en: 'Compare two revisions of a page' },
    authenticated: true,
    schema: { params: pageIdParams, query: pageDiffQuery, response: { 200: pageDiffResponse } },
    handler: async (req, ctx) => pages(ctx).diff(mayRead(req), req.params.id, req.query.from, req.query.to),
  });

  route.post('/pages/:id/restore', {
    summary: { vi: 'Khôi phục một phiên bản của trang (thành phiên bản mới)', en: 'Restore a page revision (as a new revision)' },
    permission: PAGES_WRITE,
    schema: { params: pageIdParams, body: pageRestoreBody, response: { 200: pageSchema } },
    handler: async (req, ctx) => pages(ctx).restore(unit(req), req.params.id, actorOf(req), req.body.revision),
  });
}
