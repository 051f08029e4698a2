import { randomUUID } from 'node:crypto';
import { coreServices, type PluginContext } from '@cong/sdk';
import type { RegistryDatabase } from '../registry/registry-database.js';
import { suggestHosts } from '../registry/host-suggestion.js';
import { SiteNetwork } from '../registry/site-network.js';
import { SiteRepository } from '../registry/site.repository.js';
import type { ReorganisationDatabase, ReorganisationRow } from './reorganisation-database.js';

/**
 * A renamed unit's site follows its new name (Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ):
 * when its primary host is the national pattern's and the new name gives another host, that host
 * becomes primary and the old one an alias, which answers 301 to the same page. A host outside the
 * pattern (a domain the unit chose) is left alone, as is a unit without a site. Returns the record, or
 * undefined when nothing changed.
 */
export async function followRename(ctx: PluginContext, tenantId: string): Promise<ReorganisationRow | undefined> {
  const [site] = await new SiteRepository(ctx.get(coreServices.database).kysely<RegistryDatabase>()).ofUnits([tenantId]);
  if (!site) return undefined;
  const network = await SiteNetwork.load(ctx);
  const unit = network.get(tenantId);
  if (!unit || unit.status !== 'active' || unit.primaryHost === null || unit.kind === 'province' || !network.isNational(unit.primaryHost)) return undefined;
  const taken = network.hostOwners();
  const next = suggestHosts([unit], { domain: network.domain, provinceName: network.root?.nameVi ?? '', taken }).get(unit.id)!;
  if (next === unit.primaryHost) return undefined;
  const before = { primaryHost: unit.primaryHost, aliasHosts: unit.aliasHosts };
  const after = { primaryHost: next, aliasHosts: [unit.primaryHost, ...unit.aliasHosts.filter((h) => h !== next)] };
  const now = Date.now();
  const row: ReorganisationRow = {
    id: randomUUID(),
    tenant_id: tenantId,
    kind: 'rename',
    source_tenant_id: tenantId,
    successor_tenant_id: null,
    effective_date: null,
    mode: 'hosts',
    status: 'done',
    report: JSON.stringify({ before, after }),
    error: null,
    attempts: 1,
    created_at: now,
    updated_at: now,
  };
  await ctx.get(coreServices.database).transaction<ReorganisationDatabase, void>(async (trx) => {
    await ctx.get(coreServices.tenancy).setHosts(tenantId, after, { trx });
    await trx.insertInto('sites_reorganisations').values(row).execute();
  });
  return row;
}
