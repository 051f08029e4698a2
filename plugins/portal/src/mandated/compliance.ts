import { coreServices, type PluginContext, type Rule } from '@cong/sdk';
import type { Kysely } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';
import type { MandatedDatabase } from './mandated-database.js';
import { STALE_DEFAULT_RULE, STALE_RULE_PREFIX } from './mandated-rules.js';
import { organisationStats } from './organisation-stats.js';
import { SectionRepository, type SectionRow } from './section.repository.js';

export const COMPLIANCE_STATUSES = ['ok', 'empty', 'stale', 'english-missing', 'not-applicable'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** One section of a unit, with where it stands. */
export interface SectionCompliance {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en: string };
  readonly basis: string;
  readonly source: SectionRow['source'];
  readonly status: ComplianceStatus;
  readonly itemCount: number;
  /** ISO time of the newest item (published article, document, organisation row; the link's setting). */
  readonly lastUpdate: string | null;
  /** Days without an update before the section is stale; null for sections that do not age (links, the generated list). */
  readonly staleAfterDays: number | null;
  readonly staleRule: { readonly name: string; readonly version: string; readonly citation: string } | null;
  /** Organisation rows whose English is out of date (POR-23). */
  readonly englishStale: number;
  readonly notApplicableReason: string | null;
  readonly linkUrl: string | null;
  readonly categoryId: string | null;
  readonly sitePath: string | null;
  readonly deadlineKind: string | null;
  readonly form: { readonly vi: string; readonly en: string };
  /** Why a check could not look at the content, e.g. tables not installed yet. */
  readonly note: string | null;
}

export type ComplianceSummary = Readonly<Record<ComplianceStatus, number>> & { readonly total: number };

const DAY_MS = 86_400_000;
type Db = Kysely<MandatedDatabase & ContentDatabase & LegalDatabase>;

interface Content {
  readonly count: number;
  readonly last: number | null;
  readonly englishStale: number;
  readonly note: string | null;
}

/**
 * The compliance of every section of a unit at `now`: `not-applicable` when the unit said so;
 * `empty` when nothing is there; `english-missing` when a section whose English is mandatory has
 * rows with stale English; `stale` when the newest item is older than the section's staleness rule
 * (`portal.mandatedStaleDays.<code>`, else `.default`, in force today); else `ok`.
 */
export async function unitCompliance(ctx: PluginContext, tenantId: string, now = Date.now()): Promise<SectionCompliance[]> {
  const db: Db = ctx.get(coreServices.database).kysely();
  const sections = await new SectionRepository(ctx.get(coreServices.database).kysely<MandatedDatabase>()).list(tenantId);
  const staleRules = new StaleRules(ctx);
  const categoryTree = sections.some((s) => s.source === 'category') ? await categoryChildren(db, tenantId) : new Map<string, string[]>();
  const applicable = sections.filter((s) => s.not_applicable === 0).length;
  const out: SectionCompliance[] = [];
  for (const section of sections) {
    const content = await contentOf(db, section, tenantId, categoryTree, applicable);
    const ages = section.source === 'legal' || section.source === 'category' || section.source === 'organisation';
    const rule = ages ? await staleRules.for(section.code) : null;
    const status = sectionStatus(section, content, rule?.value ?? null, now);
    out.push({
      code: section.code,
      name: { vi: section.name_vi, en: section.name_en },
      basis: section.basis,
      source: section.source,
      status,
      itemCount: content.count,
      lastUpdate: content.last === null ? null : new Date(content.last).toISOString(),
      staleAfterDays: rule?.value ?? null,
      staleRule: rule === null ? null : { name: rule.name, version: rule.version, citation: rule.citation },
      englishStale: content.englishStale,
      notApplicableReason: section.not_applicable === 1 ? section.na_reason : null,
      linkUrl: section.link_url,
      categoryId: section.category_id,
      sitePath: section.site_path,
      deadlineKind: section.deadline_kind,
      form: { vi: section.form_vi, en: section.form_en },
      note: content.note,
    });
  }
  return out;
}

/**
 * A section's status from what it holds: the unit's "not applicable" first, then nothing there, then
 * stale English where English is mandatory, then no update within `staleDays` (null: never stale).
 */
export function sectionStatus(
  section: Pick<SectionRow, 'not_applicable' | 'english_required'>,
  content: { readonly count: number; readonly last: number | null; readonly englishStale: number },
  staleDays: number | null,
  now: number,
): ComplianceStatus {
  if (section.not_applicable === 1) return 'not-applicable';
  if (content.count === 0) return 'empty';
  if (section.english_required === 1 && content.englishStale > 0) return 'english-missing';
  if (staleDays !== null && content.last !== null && now - content.last > staleDays * DAY_MS) return 'stale';
  return 'ok';
}

/** How many sections are in each status. */
export function summarize(sections: readonly SectionCompliance[]): ComplianceSummary {
  const counts = Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0])) as Record<ComplianceStatus, number>;
  for (const s of sections) counts[s.status]++;
  return { ...counts, total: sections.length };
}

/** The staleness rule of each code, read once per check: a code without its own rule uses the default. */
export class StaleRules {
  readonly #cache = new Map<string, Promise<Rule<number>>>();
  constructor(private readonly ctx: PluginContext) {}

  for(code: string): Promise<Rule<number>> {
    let rule = this.#cache.get(code);
    if (rule === undefined) {
      const rules = this.ctx.get(coreServices.rules);
      rule = rules.get<number>(`${STALE_RULE_PREFIX}.${code}`).catch((error: { code?: string }) => {
        if (error?.code !== 'CONG_ERR_RULE_NOT_FOUND') throw error;
        return rules.get<number>(STALE_DEFAULT_RULE);
      });
      this.#cache.set(code, rule);
    }
    return rule;
  }
}

async function categoryChildren(db: Db, tenantId: string): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('portal_categories').select(['id', 'parent_id']).where('tenant_id', '=', tenantId).execute();
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (row.parent_id === null) continue;
    children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row.id]);
  }
  return children;
}

/** The category and its subcategories: a section's articles may sit one level (or more) down. */
function subtree(root: string, children: ReadonlyMap<string, string[]>): string[] {
  const out = [root];
  for (let i = 0; i < out.length && out.length < 1000; i++) for (const child of children.get(out[i]!) ?? []) if (!out.includes(child)) out.push(child);
  return out;
}

async function contentOf(db: Db, section: SectionRow, tenantId: string, tree: ReadonlyMap<string, string[]>, applicable: number): Promise<Content> {
  switch (section.source) {
    case 'category': {
      if (section.category_id === null) return { count: 0, last: null, englishStale: 0, note: 'no category' };
      const row = await db
        .selectFrom('portal_articles')
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'published')
        .where('category_id', 'in', subtree(section.category_id, tree))
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number | null>('published_at').as('last')])
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), last: row.last === null ? null : Number(row.last), englishStale: 0, note: null };
    }
    case 'legal': {
      const row = await db
        .selectFrom('portal_legal_documents')
        .where('tenant_id', '=', tenantId)
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number | null>('updated_at').as('last')])
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), last: row.last === null ? null : Number(row.last), englishStale: 0, note: null };
    }
    case 'organisation': {
      let count = 0;
      let last: number | null = null;
      let englishStale = 0;
      const missing: string[] = [];
      for (const table of (section.org_tables ?? '').split(',').filter(Boolean)) {
        const stats = await organisationStats(db, table, tenantId);
        if (stats === undefined) {
          missing.push(table);
          continue;
        }
        count += stats.count;
        englishStale += stats.englishStale;
        if (stats.lastUpdate !== null) last = Math.max(last ?? 0, stats.lastUpdate);
      }
      return { count, last, englishStale, note: missing.length > 0 ? `not installed yet: ${missing.join(', ')}` : null };
    }
    case 'link':
      return section.link_url ? { count: 1, last: Number(section.updated_at), englishStale: 0, note: null } : { count: 0, last: null, englishStale: 0, note: 'no address set' };
    case 'generated':
      return { count: applicable, last: null, englishStale: 0, note: null };
  }
}
