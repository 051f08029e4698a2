import { randomUUID } from 'node:crypto';
import { coreServices, InputError, type PluginContext } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../content/article.service.js';
import type { ContentDatabase } from '../content/content-database.js';
import { readMandatedList, seedMandatedSectionsWithin, type MandatedList } from '../mandated/mandated-seed.js';
import { checkedMenuItems, cleanMenuItems, menuItemRows, type SlugTargetKind } from '../navigation/menu.service.js';
import type { MenuLocation, NavigationDatabase } from '../navigation/navigation-database.js';
import { PageService } from '../pages/page.service.js';
import { syncPage } from '../pages/page-search.js';
import type { PagesDatabase } from '../pages/pages-database.js';
import { siteChanged } from '../site/site-events.js';
import type { BlueprintPage, SiteBlueprint, SiteSetup, SiteSetupChange, SiteSetupOptions } from './site-setup.js';

type Db = NavigationDatabase & PagesDatabase & ContentDatabase;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** How one pass ends: what it created, and the pages it published (to index after the commit). */
interface Outcome {
  readonly changes: SiteSetupChange[];
  readonly published: string[];
}

/**
 * The portal's {@link SiteSetup}: one pass that decides what the unit lacks and, unless planning,
 * writes it. Planning and applying run the same decisions on the same reads (the plan inside no
 * transaction, the apply inside its own), so the plan is what the apply does.
 */
export class DefaultSiteSetup implements SiteSetup {
  readonly #pages: PageService;

  constructor(private readonly ctx: PluginContext) {
    this.#pages = new PageService(ctx);
  }

  async plan(tenantId: string, blueprint: SiteBlueprint): Promise<readonly SiteSetupChange[]> {
    const list = blueprint.mandatedSections === false ? undefined : await readMandatedList(this.ctx);
    return (await this.#pass(this.ctx.get(coreServices.database).kysely<Db>(), tenantId, blueprint, list, undefined)).changes;
  }

  async apply(tenantId: string, blueprint: SiteBlueprint, options: SiteSetupOptions = {}): Promise<readonly SiteSetupChange[]> {
    // Read before the transaction: inside it, every read goes through it (SQLite has one connection).
    const list = blueprint.mandatedSections === false ? undefined : await readMandatedList(this.ctx);
    const actor: Actor = { id: options.request?.principal?.id ?? options.actorId ?? 'system', can: () => true, ...(options.request ? { request: options.request } : {}) };
    const outcome = await this.ctx.get(coreServices.database).transaction<Db, Outcome>(async (trx) => {
      const done = await this.#pass(trx, tenantId, blueprint, list, { trx, actor, options });
      await options.within?.(trx);
      return done;
    });
    for (const id of outcome.published) await syncPage(this.ctx, tenantId, id);
    if (outcome.changes.length > 0) await this.ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'setup' }, { tenantId });
    return outcome.changes;
  }

  /** Decides, and writes when `write` is given. */
  async #pass(
    db: Kysely<Db> | Transaction<Db>,
    tenantId: string,
    blueprint: SiteBlueprint,
    list: MandatedList | undefined,
    write: { readonly trx: Transaction<Db>; readonly actor: Actor; readonly options: SiteSetupOptions } | undefined,
  ): Promise<Outcome> {
    const changes: SiteSetupChange[] = [];
    const published: string[] = [];
    const seeded = list
      ? await seedMandatedSectionsWithin(this.ctx, db as Transaction<any>, { id: tenantId }, list, {
          dryRun: write === undefined,
          ...(write?.options.request ? { request: write.options.request } : {}),
          ...(write?.options.actorId ? { actorId: write.options.actorId } : {}),
        })
      : { added: [], categoriesCreated: [] };
    changes.push(...seeded.categoriesCreated.map((key) => ({ area: 'category' as const, key })), ...seeded.added.map((key) => ({ area: 'mandated-section' as const, key })));

    const pageRows = await db.selectFrom('portal_pages').select(['id', 'slug']).where('tenant_id', '=', tenantId).execute();
    const pageIds = new Map(pageRows.map((p) => [p.slug, p.id]));
    for (const [index, page] of (blueprint.pages ?? []).entries()) {
      if (pageIds.has(page.slug)) continue;
      checkPage(page, index, pageIds);
      const parentId = page.parent === undefined ? null : pageIds.get(page.parent)!;
      const id = write
        ? await this.#pages.createWithin(write.trx as unknown as Transaction<PagesDatabase>, tenantId, write.actor, pageInput(page, parentId), { publish: page.publish === true })
        : randomUUID();
      pageIds.set(page.slug, id);
      if (page.publish === true) published.push(id);
      changes.push({ area: 'page', key: page.slug });
    }

    const menus = Object.entries(blueprint.menus ?? {}) as [MenuLocation, NonNullable<SiteBlueprint['menus']>[MenuLocation]][];
    if (menus.length > 0) {
      const have = new Set((await db.selectFrom('portal_menus').select('location').where('tenant_id', '=', tenantId).execute()).map((m) => m.location));
      const exists = await this.#targets(db, tenantId, pageIds, seeded.categoriesCreated);
      for (const [location, items] of menus) {
        if (have.has(location) || !items) continue;
        const clean = checkedMenuItems(cleanMenuItems(items), exists);
        if (write) {
          const menuId = randomUUID();
          const now = Date.now();
          await write.trx.insertInto('portal_menus').values({ id: menuId, tenant_id: tenantId, location, updated_by: write.actor.id, created_at: now, updated_at: now }).execute();
          const rows = menuItemRows(tenantId, menuId, clean);
          if (rows.length > 0) await write.trx.insertInto('portal_menu_items').values(rows).execute();
          await this.ctx.get(coreServices.audit).record(
            { action: 'portal.menu.create', objectType: 'menu', objectId: menuId, tenantId, after: { location, items: rows.length } },
            { trx: write.trx, ...(write.options.request ? { request: write.options.request } : { actorId: write.actor.id }) },
          );
        }
        changes.push({ area: 'menu', key: location });
      }
    }
    return { changes, published };
  }

  /** Whether a menu target exists: the unit's content, and what this pass creates. */
  async #targets(db: Kysely<Db> | Transaction<Db>, tenantId: string, pages: ReadonlyMap<string, string>, newCategories: readonly string[]): Promise<(kind: SlugTargetKind, slug: string) => boolean> {
    const [categories, articles] = await Promise.all([
      db.selectFrom('portal_categories').select('slug').where('tenant_id', '=', tenantId).execute(),
      db.selectFrom('portal_articles').select('slug').where('tenant_id', '=', tenantId).execute(),
    ]);
    const known = { category: new Set([...categories.map((c) => c.slug), ...newCategories]), page: new Set(pages.keys()), article: new Set(articles.map((a) => a.slug)) };
    return (kind, slug) => known[kind].has(slug);
  }
}

/** A template page that cannot be created: a 400 naming it, in planning as in applying. */
function checkPage(page: BlueprintPage, index: number, pages: ReadonlyMap<string, string>): void {
  const pointer = `/pages/${index}`;
  if (!SLUG.test(page.slug) || page.slug.length > 120) throw new InputError(`${pointer}/slug must be lower-case words joined by "-"`, { errors: [{ in: 'body', pointer: `${pointer}/slug`, message: 'must be a slug', keyword: 'pattern' }] });
  if (page.title.vi.trim() === '') throw new InputError(`${pointer}/title/vi must not be blank`, { errors: [{ in: 'body', pointer: `${pointer}/title/vi`, message: 'must not be blank', keyword: 'minLength' }] });
  if (page.parent !== undefined && !pages.has(page.parent)) {
    throw new InputError(`${pointer}/parent: the unit has no page ${page.parent}`, { errors: [{ in: 'body', pointer: `${pointer}/parent`, message: 'no page of this unit or earlier in the template has this slug', keyword: 'exists' }] });
  }
}

/** The page editor's input for a template page, English as its translation. */
function pageInput(page: BlueprintPage, parentId: string | null) {
  const en = { ...(page.title.en ? { title: page.title.en } : {}), ...(page.summary?.en ? { summary: page.summary.en } : {}), ...(page.body.en ? { body: page.body.en } : {}) };
  return {
    slug: page.slug,
    title: page.title.vi,
    summary: page.summary?.vi ?? '',
    body: page.body.vi,
    parentId,
    order: page.order ?? 0,
    ...(Object.keys(en).length > 0 ? { translations: { en } } : {}),
  };
}
