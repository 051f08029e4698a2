import { randomUUID } from 'node:crypto';
import { coreServices, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Transaction } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import { siteChanged } from '../site/site-events.js';
import type { MandatedSectionDefinition } from './mandated-catalogue.js';
import type { MandatedDatabase } from './mandated-database.js';
import { SECTIONS_RULE } from './mandated-rules.js';

type Db = MandatedDatabase & ContentDatabase;

/** What a seeding pass added to a unit. */
export interface SeedResult {
  /** Codes of the sections created, in list order. */
  readonly added: readonly string[];
  /**
   * Slugs of the categories created for them, or again for a section whose category was deleted (a slug
   * the unit already had is adopted, not created).
   */
  readonly categoriesCreated: readonly string[];
}

/** Seeded categories sort after the ones a unit made before, in the list's order. */
const CATEGORY_ORDER_BASE = 100;

/** The required-information list in force today, as {@link seedMandatedSectionsWithin} takes it. */
export type MandatedList = Awaited<ReturnType<typeof readMandatedList>>;

/** Reads the list in force (the rule `portal.mandatedSections`): before a transaction, which must not read outside itself. */
export function readMandatedList(ctx: PluginContext) {
  return ctx.get(coreServices.rules).get<MandatedSectionDefinition[]>(SECTIONS_RULE);
}

/**
 * Gives the unit every section of the required-information list in force today (the rule
 * `portal.mandatedSections`), each `category` section with its category. Idempotent: sections the
 * unit has are left as they are (with their settings), so calling it again adds only what is missing
 * (a section a new list version adds) and gives a `category` section whose category was deleted its
 * category back. Runs from `onTenantEnable` and from `POST
 * /api/portal/mandated-sections/seed`; one transaction, audited, and the site is told when it added
 * something (the categories show in its navigation).
 */
export async function seedMandatedSections(ctx: PluginContext, tenant: { readonly id: string }, request?: RouteRequest): Promise<SeedResult> {
  const list = await readMandatedList(ctx);
  const result = await ctx.get(coreServices.database).transaction<Db, SeedResult>((trx) => seedMandatedSectionsWithin(ctx, trx, tenant, list, { ...(request ? { request } : {}) }));
  if (result.added.length > 0 || result.categoriesCreated.length > 0) await ctx.get(coreServices.events).emit(siteChanged, { tenantId: tenant.id, area: 'mandated' }, { tenantId: tenant.id });
  return result;
}

/**
 * The seeding pass in the caller's transaction (the site setup service applies a template with it):
 * with `dryRun`, what it would add, reading only; otherwise it writes and audits. Both take the same
 * decisions, so a dry run's answer is what the real pass then does. The caller tells the site after
 * its commit.
 */
export async function seedMandatedSectionsWithin(
  ctx: PluginContext,
  trx: Transaction<any>,
  tenant: { readonly id: string },
  rule: MandatedList,
  options: { readonly request?: RouteRequest; readonly actorId?: string; readonly dryRun?: boolean },
): Promise<SeedResult> {
  const db = trx as Transaction<Db>;
  const have = await db.selectFrom('portal_mandated_sections').select(['id', 'code', 'category_id']).where('tenant_id', '=', tenant.id).execute();
  const existing = new Map(have.map((r) => [r.code, r]));
  const categories = await db.selectFrom('portal_categories').select(['id', 'slug']).where('tenant_id', '=', tenant.id).execute();
  const categoryIds = new Set(categories.map((c) => c.id));
  const lostCategory = (d: MandatedSectionDefinition) => {
    const section = existing.get(d.code);
    return section !== undefined && d.source === 'category' && (section.category_id === null || !categoryIds.has(section.category_id));
  };
  if (rule.value.every((d) => existing.has(d.code) && !lostCategory(d))) return { added: [], categoriesCreated: [] };
  const bySlug = new Map(categories.map((c) => [c.slug, c.id]));
  const now = Date.now();
  const actor = options.request?.principal?.id ?? options.actorId ?? 'system';
  const write = options.dryRun !== true;
  const added: string[] = [];
  const categoriesCreated: string[] = [];
  /** The section's category: the unit's category with its slug, or a new one. */
  const categoryFor = async (definition: MandatedSectionDefinition, order: number): Promise<string | null> => {
    if (definition.source !== 'category' || !definition.category) return null;
    const found = bySlug.get(definition.category.slug);
    if (found !== undefined) return found;
    const id = write ? await createCategory(db, tenant.id, definition.category, CATEGORY_ORDER_BASE + order, now) : randomUUID();
    bySlug.set(definition.category.slug, id);
    categoriesCreated.push(definition.category.slug);
    return id;
  };
  for (const [order, definition] of rule.value.entries()) {
    const section = existing.get(definition.code);
    if (section) {
      if (lostCategory(definition)) {
        const categoryId = await categoryFor(definition, order);
        if (write) await db.updateTable('portal_mandated_sections').set({ category_id: categoryId, updated_at: now, updated_by: actor }).where('tenant_id', '=', tenant.id).where('id', '=', section.id).execute();
      }
      continue;
    }
    const categoryId = await categoryFor(definition, order);
    if (write) {
      await db
        .insertInto('portal_mandated_sections')
        .values({
          id: randomUUID(),
          tenant_id: tenant.id,
          code: definition.code,
          name_vi: definition.name.vi,
          name_en: definition.name.en,
          basis: definition.basis,
          source: definition.source,
          category_id: categoryId,
          org_tables: definition.tables?.join(',') ?? null,
          english_required: definition.englishRequired ? 1 : 0,
          link_url: definition.defaultUrl ?? null,
          site_path: definition.category ? `/chuyen-muc/${definition.category.slug}` : (definition.sitePath ?? null),
          deadline_kind: definition.deadline ?? null,
          form_vi: definition.form.vi,
          form_en: definition.form.en,
          not_applicable: 0,
          na_reason: null,
          sort_order: order,
          rule_version: rule.version,
          created_at: now,
          updated_at: now,
          updated_by: actor,
        })
        .execute();
    }
    added.push(definition.code);
  }
  if (write) {
    await ctx.get(coreServices.audit).record(
      { action: 'portal.mandated.seed', objectType: 'mandated-sections', objectId: tenant.id, tenantId: tenant.id, after: { added, categoriesCreated, ruleVersion: rule.version } },
      { trx, ...(options.request ? { request: options.request } : options.actorId ? { actorId: options.actorId } : {}) },
    );
  }
  return { added, categoriesCreated };
}

async function createCategory(trx: Transaction<Db>, tenantId: string, category: NonNullable<MandatedSectionDefinition['category']>, order: number, now: number): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('portal_categories')
    .values({ id, tenant_id: tenantId, slug: category.slug, name_vi: category.name.vi, name_en: category.name.en, parent_id: null, sort_order: order, created_at: now, updated_at: now })
    .execute();
  return id;
}
