import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { coreServices, InputError, normalizeText, type FieldIssue, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { ContentDatabase } from '../content/content-database.js';
import type { PagesDatabase } from '../pages/pages-database.js';
import { siteChanged } from '../site/site-events.js';
import { hrefOf, isHttpsUrl, isSitePath, type MenuTarget } from './menu-target.js';
import type { MenuItemRow, MenuLocation, NavigationDatabase } from './navigation-database.js';

/** A menu holds at most this many items, submenus included. */
export const MAX_MENU_ITEMS = 60;

/** A menu item as written: a submenu's items have no submenu of their own (two levels). */
export interface MenuItemInput {
  readonly label: { readonly vi: string; readonly en?: string | null };
  readonly target: { readonly kind: MenuTarget['kind']; readonly value?: string };
  readonly newTab?: boolean;
  readonly children?: readonly Omit<MenuItemInput, 'children'>[];
}

/** A menu item as the API returns it; `href` is the language-neutral path or the external URL. */
export interface MenuItem {
  readonly id: string;
  readonly label: { readonly vi: string; readonly en: string | null };
  readonly target: MenuTarget;
  readonly newTab: boolean;
  readonly href: string;
  readonly children: readonly MenuItem[];
}

export interface Menu {
  readonly location: MenuLocation;
  readonly items: readonly MenuItem[];
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

type Db = Kysely<NavigationDatabase & ContentDatabase & PagesDatabase>;

function toItem(row: MenuItemRow, children: readonly MenuItem[]): MenuItem {
  const target: MenuTarget = { kind: row.target_kind, value: row.target_value };
  const href = hrefOf(target);
  return {
    id: row.id,
    label: { vi: row.label_vi, en: row.label_en },
    target,
    newTab: Number(row.new_tab) === 1,
    href: href.internal ? href.path : href.url,
    children,
  };
}

/** Rows of one menu (or of every menu of a unit) as trees, siblings in order. */
function treesOf(rows: readonly MenuItemRow[]): Map<string, MenuItem[]> {
  const sorted = [...rows].sort((a, b) => Number(a.sort_order) - Number(b.sort_order));
  const children = new Map<string, MenuItem[]>();
  for (const row of sorted) if (row.parent_id !== null) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), toItem(row, [])]);
  const byMenu = new Map<string, MenuItem[]>();
  for (const row of sorted) if (row.parent_id === null) byMenu.set(row.menu_id, [...(byMenu.get(row.menu_id) ?? []), toItem(row, children.get(row.id) ?? [])]);
  return byMenu;
}

/**
 * The unit's menus (trình đơn): the header's main menu, the footer links and the quick links. A menu is
 * read whole and replaced whole, in one transaction, after every item is checked: two levels at most,
 * at most {@link MAX_MENU_ITEMS} items, and each target valid (a slug of the unit's category, page or
 * article; a site path; an https URL).
 */
export class MenuService {
  readonly #db: Db;

  constructor(private readonly ctx: PluginContext) {
    this.#db = ctx.get(coreServices.database).kysely();
  }

  async get(tenantId: string, location: MenuLocation): Promise<Menu> {
    const menu = await this.#db.selectFrom('portal_menus').selectAll().where('tenant_id', '=', tenantId).where('location', '=', location).executeTakeFirst();
    if (!menu) return { location, items: [], updatedAt: null, updatedBy: null };
    const rows = await this.#db.selectFrom('portal_menu_items').selectAll().where('tenant_id', '=', tenantId).where('menu_id', '=', menu.id).execute();
    return { location, items: treesOf(rows).get(menu.id) ?? [], updatedAt: new Date(Number(menu.updated_at)).toISOString(), updatedBy: menu.updated_by };
  }

  /** Every menu of the unit, by location (the public layout's one read). */
  async all(tenantId: string): Promise<Map<MenuLocation, MenuItem[]>> {
    const [menus, rows] = await Promise.all([
      this.#db.selectFrom('portal_menus').select(['id', 'location']).where('tenant_id', '=', tenantId).execute(),
      this.#db.selectFrom('portal_menu_items').selectAll().where('tenant_id', '=', tenantId).execute(),
    ]);
    const trees = treesOf(rows);
    return new Map(menus.map((m) => [m.location, trees.get(m.id) ?? []]));
  }

  /** Replaces the menu at `location` with `items`, or refuses naming every invalid field. */
  async replace(tenantId: string, location: MenuLocation, items: readonly MenuItemInput[], req: RouteRequest): Promise<Menu> {
    const clean = await this.#check(tenantId, items);
    const now = Date.now();
    const before = await this.get(tenantId, location);
    await this.ctx.get(coreServices.database).transaction<NavigationDatabase, void>(async (trx) => {
      const existing = await trx.selectFrom('portal_menus').select('id').where('tenant_id', '=', tenantId).where('location', '=', location).executeTakeFirst();
      const menuId = existing?.id ?? randomUUID();
      if (existing) {
        await trx.updateTable('portal_menus').set({ updated_at: now, updated_by: req.principal!.id }).where('tenant_id', '=', tenantId).where('id', '=', menuId).execute();
        await trx.deleteFrom('portal_menu_items').where('tenant_id', '=', tenantId).where('menu_id', '=', menuId).execute();
      } else {
        await trx.insertInto('portal_menus').values({ id: menuId, tenant_id: tenantId, location, updated_by: req.principal!.id, created_at: now, updated_at: now }).execute();
      }
      const rows = menuItemRows(tenantId, menuId, clean);
      if (rows.length > 0) await trx.insertInto('portal_menu_items').values(rows).execute();
      await this.ctx.get(coreServices.audit).record(
        { action: 'portal.menu.replace', objectType: 'menu', objectId: menuId, tenantId, before: { items: before.items.length }, after: { location, items: rows.length } },
        { request: req, trx },
      );
    });
    await this.ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'menus' }, { tenantId });
    return this.get(tenantId, location);
  }

  /** Every item's fields, cleaned; every problem at once, each with its pointer. */
  async #check(tenantId: string, items: readonly MenuItemInput[]): Promise<CleanMenuItem[]> {
    const cleaned = cleanMenuItems(items);
    const found = await this.#existing(tenantId, cleaned.wanted);
    return checkedMenuItems(cleaned, (kind, slug) => found[kind].has(slug));
  }

  async #existing(tenantId: string, wanted: Record<SlugTargetKind, Set<string>>): Promise<Record<SlugTargetKind, Set<string>>> {
    const read = async (table: 'portal_categories' | 'portal_pages' | 'portal_articles', slugs: Set<string>) =>
      slugs.size === 0 ? new Set<string>() : new Set((await this.#db.selectFrom(table).select('slug').where('tenant_id', '=', tenantId).where('slug', 'in', [...slugs]).execute()).map((r) => r.slug));
    const [category, page, article] = await Promise.all([read('portal_categories', wanted.category), read('portal_pages', wanted.page), read('portal_articles', wanted.article)]);
    return { category, page, article };
  }
}

/** Menu targets that name a slug of the unit's content. */
export type SlugTargetKind = 'category' | 'page' | 'article';

/** A menu item's fields, cleaned, with its submenu's. */
export interface CleanMenuItem {
  readonly row: ItemFields;
  readonly children: ItemFields[];
}

/** Items cleaned without the database: the problems found so far, and the slugs whose existence decides the rest. */
export interface CleanedMenu {
  readonly items: CleanMenuItem[];
  readonly issues: FieldIssue[];
  readonly wanted: Record<SlugTargetKind, Set<string>>;
  readonly pending: readonly { readonly pointer: string; readonly kind: SlugTargetKind; readonly slug: string }[];
}

/**
 * The checks a menu needs before its targets are looked up: two levels at most, at most
 * {@link MAX_MENU_ITEMS} items, labels not blank, each target well formed (a slug, a site path, an
 * https URL). Shared by the menu editor and by templates applied to a new site.
 */
export function cleanMenuItems(items: readonly MenuItemInput[]): CleanedMenu {
  const issues: FieldIssue[] = [];
  const total = items.reduce((n, item) => n + 1 + (item.children?.length ?? 0), 0);
  if (total > MAX_MENU_ITEMS) issues.push({ in: 'body', pointer: '/items', message: `must hold at most ${MAX_MENU_ITEMS} items, submenus included (has ${total})`, keyword: 'maxItems' });
  const wanted = { category: new Set<string>(), page: new Set<string>(), article: new Set<string>() };
  const pending: { pointer: string; kind: SlugTargetKind; slug: string }[] = [];
  const clean = (item: Omit<MenuItemInput, 'children'>, pointer: string): ItemFields => {
    const labelVi = normalizeText(item.label.vi).trim();
    const labelEn = item.label.en ? normalizeText(item.label.en).trim() || null : null;
    if (labelVi === '') issues.push({ in: 'body', pointer: `${pointer}/label/vi`, message: 'must not be blank', keyword: 'minLength' });
    const kind = item.target.kind;
    const value = (item.target.value ?? '').trim();
    const bad = (message: string) => issues.push({ in: 'body', pointer: `${pointer}/target/value`, message, keyword: 'format' });
    if (kind === 'category' || kind === 'page' || kind === 'article') {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) || value.length > 120) bad('must be a slug (a–z, 0–9, single hyphens)');
      else {
        wanted[kind].add(value);
        pending.push({ pointer: `${pointer}/target/value`, kind, slug: value });
      }
    } else if (kind === 'path' && !isSitePath(value)) bad('must be a site path starting with / (not //, and without /en: English links are made for you)');
    else if (kind === 'url' && !isHttpsUrl(value)) bad('must be an https:// URL');
    else if (kind === 'legal' && value !== '') bad('must be empty for the legal documents list');
    return { label_vi: labelVi, label_en: labelEn, target_kind: kind, target_value: value, new_tab: item.newTab ? 1 : 0 };
  };
  const out = items.map((item, i) => ({ row: clean(item, `/items/${i}`), children: (item.children ?? []).map((child, j) => clean(child, `/items/${i}/children/${j}`)) }));
  return { items: out, issues, wanted, pending };
}

/** The cleaned items, or a 400 naming every problem: those found while cleaning and every target that does not exist. */
export function checkedMenuItems(cleaned: CleanedMenu, exists: (kind: SlugTargetKind, slug: string) => boolean): CleanMenuItem[] {
  const issues = [...cleaned.issues];
  for (const p of cleaned.pending) if (!exists(p.kind, p.slug)) issues.push({ in: 'body', pointer: p.pointer, message: `no ${p.kind} of this unit has this slug`, keyword: 'exists' });
  if (issues.length > 0) throw new InputError(`body ${issues[0]!.pointer} ${issues[0]!.message}`, { errors: issues });
  return cleaned.items;
}

/** The rows of a menu's items: top-level items in order, each followed by its submenu's. */
export function menuItemRows(tenantId: string, menuId: string, items: readonly CleanMenuItem[]): MenuItemRow[] {
  const rows: MenuItemRow[] = [];
  items.forEach((item, i) => {
    const id = randomUUID();
    rows.push({ ...item.row, id, tenant_id: tenantId, menu_id: menuId, parent_id: null, sort_order: i });
    item.children.forEach((child, j) => rows.push({ ...child, id: randomUUID(), tenant_id: tenantId, menu_id: menuId, parent_id: id, sort_order: j }));
  });
  return rows;
}

type ItemFields = Pick<MenuItemRow, 'label_vi' | 'label_en' | 'target_kind' | 'target_value' | 'new_tab'>;
