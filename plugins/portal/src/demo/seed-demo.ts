import { coreServices, type PluginContext, type RouteRequest } from '@cong/sdk';
import { ArticleService, type Actor } from '../content/article.service.js';
import type { ContentDatabase } from '../content/content-database.js';
import { LegalService } from '../legal/legal-service.js';
import { escapeHtml } from '../site/html.js';
import { MenuService } from '../navigation/menu.service.js';
import { PageService } from '../pages/page.service.js';
import { DEMO_ARTICLES, DEMO_FOOTER_MENU, DEMO_INTRODUCTION, DEMO_LEGAL, DEMO_MAIN_MENU } from './demo-content.js';

const DAY_MS = 86_400_000;

/**
 * The demo's editorial office: a reporter writes, an editor approves (the units require review and an
 * approver other than the author, as a real board does). They act with every permission.
 */
const reporter: Actor = { id: 'demo-phong-vien', can: () => true };
const editor: Actor = { id: 'demo-bien-tap', can: () => true };

/**
 * The request the services record in the audit log for the demo's writes: no client, a system actor.
 * Only the seeding at a demo's first start uses it.
 */
function seedRequest(tenantId: string): RouteRequest {
  return {
    params: {},
    query: {},
    body: {},
    headers: { 'user-agent': 'cong demo seed' },
    id: 'demo-seed',
    ip: '127.0.0.1',
    protocol: 'http',
    tenantId,
    principal: { id: 'demo-seed', kind: 'system', permissions: new Set(['*']) },
    signal: new AbortController().signal,
    can: () => true,
  };
}

/**
 * Sample articles (published through the real workflow, so they have revisions, are indexed for search
 * and appear in feeds) and legal documents for the province, a department and a ward of the demo; the
 * province's introduction page and its main and footer menus.
 */
export async function seedPortalDemo(ctx: PluginContext): Promise<void> {
  const tenancy = ctx.get(coreServices.tenancy);
  const db = ctx.get(coreServices.database).kysely<ContentDatabase>();
  const articles = new ArticleService(ctx);
  const now = Date.now();
  for (const sample of DEMO_ARTICLES) {
    const unit = await tenancy.getBySlug(sample.unit);
    if (!unit) continue;
    const category = await db.selectFrom('portal_categories').select('id').where('tenant_id', '=', unit.id).where('slug', '=', sample.category).executeTakeFirst();
    const article = await articles.create(unit.id, reporter, {
      title: sample.title,
      summary: sample.summary,
      body: sample.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
      categoryId: category?.id ?? null,
      ...(sample.en ? { translations: { en: { title: sample.en.title, summary: sample.en.summary } } } : {}),
    });
    await articles.transition(unit.id, article.id, reporter, 'submit');
    await articles.transition(unit.id, article.id, editor, 'approve');
    // Spread over the last days, so the lists and feeds read like a working week.
    const at = now - sample.daysAgo * DAY_MS - 3_600_000;
    await db.updateTable('portal_articles').set({ published_at: at, created_at: at }).where('tenant_id', '=', unit.id).where('id', '=', article.id).execute();
  }
  const legal = new LegalService(ctx);
  for (const { unit: slug, ...document } of DEMO_LEGAL) {
    const unit = await tenancy.getBySlug(slug);
    if (unit) await legal.create(unit.id, document, seedRequest(unit.id));
  }
  const province = await tenancy.getBySlug('quang-tri');
  if (!province) return;
  const pages = new PageService(ctx);
  const intro = DEMO_INTRODUCTION;
  const page = await pages.create(province.id, reporter, {
    slug: intro.slug,
    title: intro.title,
    summary: intro.summary,
    body: intro.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    translations: { en: { title: intro.en.title, summary: intro.en.summary } },
  });
  await pages.transition(province.id, page.id, reporter, 'submit');
  await pages.transition(province.id, page.id, editor, 'approve');
  const menus = new MenuService(ctx);
  await menus.replace(province.id, 'main', DEMO_MAIN_MENU, seedRequest(province.id));
  await menus.replace(province.id, 'footer', DEMO_FOOTER_MENU, seedRequest(province.id));
}
