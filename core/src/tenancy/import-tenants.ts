import { CongError, normalizeHost, normalizeText } from '@cong/sdk';
import type { TenantImportRow } from './parse-tenant-file.js';
import { TENANT_KINDS, type Tenant, type TenantKind } from './tenant.js';
import type { TenantDirectory } from './tenant-directory.js';

/** What an import does (or would do) to one unit. */
export interface TenantImportAction {
  readonly line: number;
  readonly slug: string;
  readonly action: 'create' | 'update' | 'unchanged' | 'error';
  /** For `update`: what changes; for `error`: why the row is refused. */
  readonly details: readonly string[];
}

/**
 * Creates or updates units from import rows, idempotently: a unit is matched by slug, a second run of
 * the same file changes nothing, parents may come after their children in the file. Nothing is
 * archived or removed by an import. With `dryRun`, or when any row is refused, nothing is written and
 * the report says what would happen.
 */
export async function importTenants(
  directory: TenantDirectory,
  rows: readonly TenantImportRow[],
  options: { readonly dryRun: boolean },
): Promise<{ actions: TenantImportAction[]; applied: boolean }> {
  const existing = new Map<string, Tenant>();
  for (const t of (await directory.list({ limit: 500 })).items) existing.set(t.slug, t);
  for (let offset = 500; existing.size >= offset; offset += 500) {
    for (const t of (await directory.list({ limit: 500, offset })).items) existing.set(t.slug, t);
  }
  const inFile = new Map(rows.map((r) => [r.slug, r]));
  const actions = rows.map((row) => plan(row, existing, inFile));
  if (options.dryRun || actions.some((a) => a.action === 'error')) return { actions, applied: false };

  // Parents first: repeat passes until every row whose parent is known has been written.
  const pending = rows.filter((_, i) => actions[i]!.action !== 'unchanged');
  while (pending.length > 0) {
    const ready = pending.filter((r) => r.parent === null || existing.has(r.parent));
    if (ready.length === 0) break; // cannot happen: plan() refused unknown parents
    for (const row of ready) {
      pending.splice(pending.indexOf(row), 1);
      existing.set(row.slug, await write(directory, row, existing));
    }
  }
  return { actions, applied: true };
}

function plan(row: TenantImportRow, existing: Map<string, Tenant>, inFile: Map<string, TenantImportRow>): TenantImportAction {
  const errors: string[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(row.slug) || row.slug.length > 100) errors.push(`slug "${row.slug}" must be lower-case words joined by "-"`);
  if (!row.nameVi) errors.push('name_vi is required');
  if (!(TENANT_KINDS as readonly string[]).includes(row.kind)) errors.push(`kind "${row.kind}" must be one of ${TENANT_KINDS.join(', ')}`);
  if (row.parent !== null && !existing.has(row.parent) && !inFile.has(row.parent)) errors.push(`parent "${row.parent}" is neither in the file nor in the platform`);
  if (row.parent === row.slug) errors.push('a unit cannot be its own parent');
  if (row.validFrom !== null && !/^\d{4}-\d\d-\d\d$/.test(row.validFrom)) errors.push('valid_from must be YYYY-MM-DD');
  for (const host of [row.primaryHost, ...row.aliasHosts]) if (host !== null && !normalizeHost(host)) errors.push(`"${host}" is not a host name`);
  if (errors.length > 0) return { line: row.line, slug: row.slug, action: 'error', details: errors };

  const current = existing.get(row.slug);
  if (!current) return { line: row.line, slug: row.slug, action: 'create', details: [] };
  const changes: string[] = [];
  if (normalizeText(row.nameVi) !== current.nameVi) changes.push(`name_vi: ${current.nameVi} → ${row.nameVi}`);
  if (row.nameEn !== null && row.nameEn !== current.nameEn) changes.push(`name_en: ${current.nameEn ?? '—'} → ${row.nameEn}`);
  const parentSlug = [...existing.values()].find((t) => t.id === current.parentId)?.slug ?? null;
  if (row.parent !== parentSlug) changes.push(`parent: ${parentSlug ?? '—'} → ${row.parent ?? '—'}`);
  const known = new Set([current.primaryHost, ...current.aliasHosts]);
  for (const host of [row.primaryHost, ...row.aliasHosts]) if (host && !known.has(normalizeHost(host)!)) changes.push(`host: + ${normalizeHost(host)}`);
  if (row.primaryHost && normalizeHost(row.primaryHost) !== current.primaryHost) changes.push(`primary host: ${current.primaryHost ?? '—'} → ${normalizeHost(row.primaryHost)}`);
  return { line: row.line, slug: row.slug, action: changes.length > 0 ? 'update' : 'unchanged', details: [...new Set(changes)] };
}

async function write(directory: TenantDirectory, row: TenantImportRow, existing: Map<string, Tenant>): Promise<Tenant> {
  const parentId = row.parent === null ? null : existing.get(row.parent)!.id;
  const current = existing.get(row.slug);
  try {
    if (!current) {
      return await directory.create({
        slug: row.slug,
        nameVi: row.nameVi,
        nameEn: row.nameEn,
        kind: row.kind as TenantKind,
        parentId,
        ...(row.validFrom ? { validFrom: row.validFrom } : {}),
        primaryHost: row.primaryHost,
        aliasHosts: row.aliasHosts,
      });
    }
    let tenant = current;
    if (normalizeText(row.nameVi) !== current.nameVi || (row.nameEn !== null && row.nameEn !== current.nameEn)) {
      tenant = await directory.rename(current.id, { nameVi: row.nameVi, ...(row.nameEn !== null ? { nameEn: row.nameEn } : {}) });
    }
    if (parentId !== current.parentId) tenant = await directory.move(current.id, parentId);
    for (const host of row.aliasHosts) if (!tenant.aliasHosts.includes(normalizeHost(host)!) && tenant.primaryHost !== normalizeHost(host)) tenant = await directory.addHost(current.id, host);
    if (row.primaryHost && normalizeHost(row.primaryHost) !== tenant.primaryHost) tenant = await directory.addHost(current.id, row.primaryHost, { primary: true });
    return tenant;
  } catch (error) {
    if (CongError.is(error)) throw new CongError(error.code, `line ${row.line} (${row.slug}): ${error.message}`, error.status, { cause: error });
    throw error;
  }
}
