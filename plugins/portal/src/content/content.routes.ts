import { randomUUID } from 'node:crypto';
import { coreServices, fold, InputError, NotAllowedError, NotFoundError, normalizeText, respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { PORTAL_ERR_CATEGORY_IN_USE, PORTAL_ERR_SLUG_TAKEN } from '../errors.js';
import type { Languages } from '../site/languages.js';
import { siteChanged } from '../site/site-events.js';
import { actorOf, APPROVE, ArticleService, WRITE } from './article.service.js';
import { CategoryRepository } from './category.repository.js';
import type { ContentDatabase } from './content-database.js';
import {
  articlePage,
  articleSchema,
  categoryList,
  categorySchema,
  createArticleBody,
  createCategoryBody,
  diffQuery,
  diffResponse,
  idParams,
  listArticlesQuery,
  resolveQuery,
  resolveResponse,
  restoreBody,
  revisionList,
  transitionBody,
  transitionParams,
  updateArticleBody,
  updateCategoryBody,
  type CategoryNamesInput,
} from './content.schema.js';

const articles = (ctx: PluginContext) => new ArticleService(ctx);
const categories = (ctx: PluginContext) => new CategoryRepository(ctx.get(coreServices.database).kysely<ContentDatabase>());
/** After a category write commits: the unit's pages (navigation, lists, breadcrumbs) name its categories. */
const categoriesChanged = (ctx: PluginContext, tenantId: string) => ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'categories' }, { tenantId });

/** Content belongs to a unit: a call that names none (and has none by default) finds nothing. */
function unit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its content');
  return req.tenantId;
}

/** Reading the admin side (drafts included) takes either content permission. */
function mayRead(req: RouteRequest): string {
  const tenantId = unit(req);
  if (!req.can(WRITE) && !req.can(APPROVE)) throw new NotAllowedError(WRITE);
  return tenantId;
}

/** A name as stored: NFC, trimmed; empty is none. */
const cleanName = (name: string | null | undefined) => (name ? normalizeText(name).trim() || null : null);

/** The names in the configured languages (the row holds Vietnamese and English): each given, or none. */
const configuredNames = (languages: Languages, name: CategoryNamesInput) => Object.fromEntries(languages.configured.map((l) => [l.code, cleanName(name[l.code])]));

/**
 * The content area's admin JSON API under /api/portal. Every object belongs to the unit the call
 * names (`X-Cong-Tenant`); another unit's object answers 404. Translations (of articles, of category
 * names) take English and the languages configured in cong.config.json.
 */
export function contentRoutes(route: RouteBuilder, languages: Languages): void {
  // ─── Categories ───────────────────────────────────────────────────────────────────────────
  route.get('/categories', {
    summary: { vi: 'Chuyên mục của đơn vị', en: 'The unit\'s categories' },
    authenticated: true,
    schema: { response: { 200: categoryList } },
    handler: async (req, ctx) => ({ items: await categories(ctx).list(mayRead(req)) }),
  });

  route.get('/categories/:id', {
    summary: { vi: 'Xem chuyên mục', en: 'Read a category' },
    authenticated: true,
    schema: { params: idParams, response: { 200: categorySchema } },
    handler: async (req, ctx) => {
      const found = await categories(ctx).find(mayRead(req), req.params.id);
      if (!found) throw new NotFoundError(`Category ${req.params.id} does not exist`);
      return found;
    },
  });

  route.post('/categories', {
    summary: { vi: 'Tạo chuyên mục', en: 'Create a category' },
    permission: WRITE,
    schema: { body: createCategoryBody(languages), response: { 201: categorySchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const repo = categories(ctx);
      if (await repo.bySlug(tenantId, req.body.slug)) throw categorySlugTaken(req.body.slug);
      if (req.body.parentId) await checkParent(repo, tenantId, undefined, req.body.parentId);
      const now = Date.now();
      const id = randomUUID();
      await ctx.get(coreServices.database).transaction<ContentDatabase, void>(async (trx) => {
        await trx
          .insertInto('portal_categories')
          .values({
            id,
            tenant_id: tenantId,
            slug: req.body.slug,
            name_vi: normalizeText(req.body.name.vi).trim(),
            name_en: cleanName(req.body.name.en),
            parent_id: req.body.parentId ?? null,
            sort_order: req.body.order ?? 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await repo.setNames(trx, tenantId, id, configuredNames(languages, req.body.name), now);
        await ctx.get(coreServices.audit).record({ action: 'portal.category.create', objectType: 'category', objectId: id, tenantId, after: { slug: req.body.slug, name: req.body.name.vi } }, { request: req, trx });
      });
      await categoriesChanged(ctx, tenantId);
      return respond(201, await repo.find(tenantId, id), { location: `/api/portal/categories/${id}` });
    },
  });

  route.patch('/categories/:id', {
    summary: { vi: 'Sửa chuyên mục', en: 'Update a category' },
    permission: WRITE,
    schema: { params: idParams, body: updateCategoryBody(languages), response: { 200: categorySchema } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const repo = categories(ctx);
      const current = await repo.find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Category ${req.params.id} does not exist`);
      if (req.body.slug !== undefined && req.body.slug !== current.slug && (await repo.bySlug(tenantId, req.body.slug))) throw categorySlugTaken(req.body.slug);
      if (req.body.parentId) await checkParent(repo, tenantId, current.id, req.body.parentId);
      const now = Date.now();
      const changes = {
        updated_at: now,
        ...(req.body.slug !== undefined ? { slug: req.body.slug } : {}),
        ...(req.body.name !== undefined ? { name_vi: normalizeText(req.body.name.vi).trim(), name_en: cleanName(req.body.name.en) } : {}),
        ...(req.body.parentId !== undefined ? { parent_id: req.body.parentId } : {}),
        ...(req.body.order !== undefined ? { sort_order: req.body.order } : {}),
      };
      await ctx.get(coreServices.database).transaction<ContentDatabase, void>(async (trx) => {
        await trx.updateTable('portal_categories').set(changes).where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        if (req.body.name !== undefined) await repo.setNames(trx, tenantId, current.id, configuredNames(languages, req.body.name), now);
        await ctx.get(coreServices.audit).record({ action: 'portal.category.update', objectType: 'category', objectId: current.id, tenantId, before: current, after: req.body }, { request: req, trx });
      });
      await categoriesChanged(ctx, tenantId);
      return (await repo.find(tenantId, current.id))!;
    },
  });

  route.delete('/categories/:id', {
    summary: { vi: 'Xóa chuyên mục trống', en: 'Delete an empty category' },
    permission: WRITE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const tenantId = unit(req);
      const repo = categories(ctx);
      const current = await repo.find(tenantId, req.params.id);
      if (!current) throw new NotFoundError(`Category ${req.params.id} does not exist`);
      const count = (await repo.countChildren(tenantId, current.id)) + (await articles(ctx).repository.countInCategory(tenantId, current.id));
      if (count > 0) throw PORTAL_ERR_CATEGORY_IN_USE.create({ slug: current.slug, count });
      await ctx.get(coreServices.database).transaction<ContentDatabase, void>(async (trx) => {
        await trx.deleteFrom('portal_category_translations').where('tenant_id', '=', tenantId).where('category_id', '=', current.id).execute();
        await trx.deleteFrom('portal_categories').where('tenant_id', '=', tenantId).where('id', '=', current.id).execute();
        await ctx.get(coreServices.audit).record({ action: 'portal.category.delete', objectType: 'category', objectId: current.id, tenantId, before: current }, { request: req, trx });
      });
      await categoriesChanged(ctx, tenantId);
      return respond(204);
    },
  });

  // ─── Articles ─────────────────────────────────────────────────────────────────────────────
  route.get('/articles', {
    summary: { vi: 'Danh sách tin bài của đơn vị', en: 'List the unit\'s articles' },
    authenticated: true,
    schema: { query: listArticlesQuery, response: { 200: articlePage } },
    handler: async (req, ctx) => {
      const tenantId = mayRead(req);
      const { text, ...rest } = req.query;
      const page = await articles(ctx).repository.page(tenantId, { ...rest, ...(text !== undefined ? { text: fold(text) } : {}) });
      return { ...page, limit: req.query.limit, offset: req.query.offset };
    },
  });

  // Before /articles/:id, so "resolve" is not read as an id (the id schema would refuse it anyway).
  route.get('/articles/resolve', {
    summary: { vi: 'Tra địa chỉ tin bài (chuyển hướng 301, 410)', en: 'Resolve an article slug (301 moved, 410 withdrawn)' },
    authenticated: true,
    schema: { query: resolveQuery, response: { 200: resolveResponse } },
    handler: async (req, ctx) => articles(ctx).resolve(mayRead(req), req.query.slug),
  });

  route.get('/articles/:id', {
    summary: { vi: 'Xem tin bài', en: 'Read an article' },
    authenticated: true,
    schema: { params: idParams, response: { 200: articleSchema } },
    handler: async (req, ctx) => articles(ctx).get(mayRead(req), req.params.id),
  });

  route.post('/articles', {
    summary: { vi: 'Tạo tin bài (bản nháp)', en: 'Create an article (a draft)' },
    permission: WRITE,
    schema: { body: createArticleBody(languages), response: { 201: articleSchema } },
    handler: async (req, ctx) => {
      const created = await articles(ctx).create(unit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/portal/articles/${created.id}` });
    },
  });

  route.patch('/articles/:id', {
    summary: { vi: 'Sửa tin bài (tạo phiên bản mới)', en: 'Update an article (makes a revision)' },
    permission: WRITE,
    schema: { params: idParams, body: updateArticleBody(languages), response: { 200: articleSchema } },
    handler: async (req, ctx) => articles(ctx).update(unit(req), req.params.id, actorOf(req), req.body),
  });

  route.post('/articles/:id/transitions/:action', {
    summary: { vi: 'Chuyển trạng thái: gửi duyệt, duyệt, trả lại, lưu trữ, mở lại, hẹn giờ', en: 'Workflow step: submit, approve, reject, archive, reopen, schedule' },
    description: 'approve, reject and archive need portal.content.approve; reject needs remarks.',
    permission: WRITE,
    schema: { params: transitionParams, body: transitionBody, response: { 200: articleSchema } },
    handler: async (req, ctx) => {
      if (req.params.action === 'reject' && !req.body.remarks) {
        throw new InputError('Say why the article goes back', { errors: [{ in: 'body', pointer: '/remarks', message: 'is required to reject', keyword: 'required' }] });
      }
      return articles(ctx).transition(unit(req), req.params.id, actorOf(req), req.params.action, req.body);
    },
  });

  route.post('/content-clock', {
    summary: { vi: 'Chạy ngay việc xuất bản / gỡ theo lịch của đơn vị', en: 'Run the unit\'s scheduled publishing now' },
    description: 'What the every-minute job does, for this unit only: publishes approved (scheduled) articles whose time came and withdraws published ones whose unpublish time came. Articles in review are never published.',
    permission: APPROVE,
    schema: {
      response: {
        200: {
          type: 'object',
          additionalProperties: false,
          required: ['published', 'unpublished'],
          properties: { published: { type: 'array', items: { type: 'string' } }, unpublished: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
    handler: async (req, ctx) => articles(ctx).runClock(Date.now(), unit(req)),
  });

  route.get('/articles/:id/revisions', {
    summary: { vi: 'Các phiên bản của tin bài', en: 'An article\'s revisions' },
    authenticated: true,
    schema: { params: idParams, response: { 200: revisionList } },
    handler: async (req, ctx) => ({ items: await articles(ctx).revisions(mayRead(req), req.params.id) }),
  });

  route.get('/articles/:id/diff', {
    summary: { vi: 'So sánh hai phiên bản', en: 'Compare two revisions' },
    authenticated: true,
    schema: { params: idParams, query: diffQuery, response: { 200: diffResponse } },
    handler: async (req, ctx) => articles(ctx).diff(mayRead(req), req.params.id, req.query.from, req.query.to),
  });

  route.post('/articles/:id/restore', {
    summary: { vi: 'Khôi phục một phiên bản (thành phiên bản mới)', en: 'Restore a revision (as a new revision)' },
    permission: WRITE,
    schema: { params: idParams, body: restoreBody, response: { 200: articleSchema } },
    handler: async (req, ctx) => articles(ctx).restore(unit(req), req.params.id, actorOf(req), req.body.revision),
  });
}

function categorySlugTaken(slug: string) {
  return PORTAL_ERR_SLUG_TAKEN.create({ kind: 'a category', slug }, { errors: [{ in: 'body', pointer: '/slug', message: 'is already used in this unit', keyword: 'unique' }] });
}

/** The parent exists in the unit and is not the category itself nor one of its descendants. */
async function checkParent(repo: CategoryRepository, tenantId: string, self: string | undefined, parentId: string): Promise<void> {
  const bad = (message: string) => new InputError(`Parent category: ${message}`, { errors: [{ in: 'body', pointer: '/parentId', message, keyword: 'exists' }] });
  let cursor: string | null = parentId;
  for (let depth = 0; cursor !== null; depth++) {
    if (cursor === self) throw bad('would make a cycle');
    if (depth > 20) throw bad('is nested too deep');
    const found: { parentId: string | null } | undefined = await repo.find(tenantId, cursor);
    if (!found) throw bad('no such category in this unit');
    cursor = found.parentId;
  }
}
