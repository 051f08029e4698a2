import { ConflictError, InputError, normalizeHost, normalizeText, type TenantHosts, type TenantNode } from '@cong/sdk';
import type { SiteSetupChange } from '@cong/plugin-portal/api';
import { SITES_ERR_TEMPLATE_UNKNOWN } from '../errors.js';
import type { SiteRow } from '../registry/registry-database.js';
import type { SiteStatus } from '../registry/site-status.js';
import { BUILTIN_TEMPLATES, defaultTemplateFor } from './builtin-templates.js';
import type { CsvSiteRow } from './provisioning-csv.js';
import type { SiteTemplate } from './site-template.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** What one unit needs, decided from the state before the run: the same for a dry run and a real one. */
export interface SitePlan {
  readonly template: SiteTemplate;
  /** The site row to create (no site yet), or the row's fields to change. */
  readonly create: { readonly status: SiteStatus; readonly goLiveOn: string | null; readonly notes: string | null } | undefined;
  readonly update: Partial<Pick<SiteRow, 'template' | 'go_live_on' | 'notes'>>;
  /** The unit's new hosts, or undefined to leave them. */
  readonly hosts: TenantHosts | undefined;
  /** Every host the unit answers on afterwards (claimed in the run). */
  readonly claims: readonly string[];
  /** One line per change of the site and its hosts, for the report. */
  readonly changes: readonly string[];
  /** What the portal's site setup will add, as it planned it. */
  readonly portal: readonly SiteSetupChange[];
}

/** A change the portal's site setup makes, as the report writes it. */
export const portalLine = (change: SiteSetupChange) => `${change.area}: ${change.key}`;

/** What the plan reads besides the unit: the run's options and what other units hold. */
export interface PlanContext {
  readonly template: string | undefined;
  readonly initialStatus: 'draft' | 'live';
  /** The CORE-02 host for the unit. */
  readonly suggestedHost: string | undefined;
  /** Host → unit: every unit's hosts before the run, and the hosts units earlier in the run took. */
  readonly owner: (host: string) => string | undefined;
}

/** A CSV value that cannot be used: a 400 naming the column, on the report's line. */
function badValue(column: string, message: string): InputError {
  return new InputError(`${column}: ${message}`, { errors: [{ in: 'body', pointer: `/${column}`, message, keyword: 'format' }] });
}

function host(value: string, column: string): string {
  const normal = normalizeHost(value);
  if (!normal) throw badValue(column, `"${value}" is not a host name`);
  return normal;
}

/** The template a unit gets: the run's, its CSV line's, its site's, or its kind's default, in that order. */
export function templateFor(unit: TenantNode, row: CsvSiteRow | undefined, site: SiteRow | undefined, runTemplate: string | undefined): SiteTemplate {
  const id = runTemplate ?? row?.template ?? site?.template;
  const template = id !== undefined ? BUILTIN_TEMPLATES.get(id) : defaultTemplateFor(unit.kind);
  if (!template) throw SITES_ERR_TEMPLATE_UNKNOWN.create({ template: id ?? `(none for a ${unit.kind})` });
  return template;
}

/**
 * Decides what a unit needs: its site (created in the run's initial status, or the CSV line's), the
 * template, go-live date and notes a CSV line or the run names, and hosts: a CSV line's primary and
 * aliases, else the unit's own primary host, else the CORE-02 suggestion. A primary host that changes
 * stays as an alias (it then answers 301 to the new one); no host is ever removed. Throws what the
 * real run would refuse, so the line reports it.
 */
export function planSite(unit: TenantNode, row: CsvSiteRow | undefined, site: SiteRow | undefined, portal: readonly SiteSetupChange[], context: PlanContext): SitePlan {
  const template = templateFor(unit, row, site, context.template);
  const changes: string[] = [];
  if (row?.goLiveOn != null && !DATE.test(row.goLiveOn)) throw badValue('go_live_on', 'must be a date YYYY-MM-DD');
  const notes = row?.notes != null ? normalizeText(row.notes).slice(0, 2000) : undefined;
  let create: SitePlan['create'];
  const update: SitePlan['update'] = {};
  if (!site) {
    const status = row?.status ?? context.initialStatus;
    if (status !== 'draft' && status !== 'live') throw badValue('status', 'must be draft or live for a new site');
    create = { status, goLiveOn: row?.goLiveOn ?? null, notes: notes ?? null };
    changes.push(`site: create (${status}, template ${template.id})`);
  } else {
    if (site.template !== template.id) {
      update.template = template.id;
      changes.push(`template: ${site.template} → ${template.id}`);
    }
    if (row?.goLiveOn != null && row.goLiveOn !== site.go_live_on) {
      update.go_live_on = row.goLiveOn;
      changes.push(`go-live date: ${row.goLiveOn}`);
    }
    if (notes !== undefined && notes !== site.notes) {
      update.notes = notes;
      changes.push('notes');
    }
  }

  const primary = row?.primaryHost ? host(row.primaryHost, 'primary_host') : (unit.primaryHost ?? context.suggestedHost ?? null);
  const aliases = new Set([...unit.aliasHosts, ...(row?.aliasHosts ?? []).map((h) => host(h, 'alias_hosts'))]);
  if (unit.primaryHost && unit.primaryHost !== primary) aliases.add(unit.primaryHost);
  if (primary) aliases.delete(primary);
  const claims = [...(primary ? [primary] : []), ...aliases];
  for (const h of claims) {
    const owner = context.owner(h);
    if (owner !== undefined && owner !== unit.id) throw new ConflictError(`Host ${h} already belongs to another unit`);
  }
  const added = [...aliases].filter((h) => !unit.aliasHosts.includes(h)).sort();
  let hosts: TenantHosts | undefined;
  if (primary !== unit.primaryHost || added.length > 0) {
    hosts = { primaryHost: primary, aliasHosts: [...aliases].sort() };
    if (primary !== unit.primaryHost) changes.push(`primary host: ${unit.primaryHost ? `${unit.primaryHost} → ` : ''}${primary}`);
    for (const h of added) changes.push(`alias host: ${h}`);
  }

  return { template, create, update, hosts, claims, changes, portal };
}
