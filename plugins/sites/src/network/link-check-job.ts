import { coreServices, type PluginContext } from '@cong/sdk';
import { siteActivityRef } from '@cong/plugin-portal/api';
import type { RegistryDatabase } from '../registry/registry-database.js';
import { probeLink } from './link-probe.js';
import { LinkRepository } from './link.repository.js';
import type { NetworkDatabase } from './network-database.js';
import { networkSettings } from './network-settings.js';
import { runPolitely } from './polite-scheduler.js';

export const LINK_CHECK_JOB = 'check-links';

/** What one run did, for the log and the tests. */
export interface LinkCheckRun {
  readonly sites: number;
  readonly links: number;
  readonly checked: number;
  readonly failed: number;
}

/**
 * One run of the link checker (POR-21): for every site that is not archived, the outbound links of its
 * published articles and pages are stored (one transaction per site), then the least recently checked
 * addresses (at most `maxPerRun`, each address once whatever the number of sites linking to it) are
 * checked politely (see {@link runPolitely}, {@link probeLink}) and their results recorded.
 */
export async function runLinkCheck(ctx: PluginContext, now = Date.now()): Promise<LinkCheckRun> {
  const settings = (await networkSettings(ctx, null)).linkChecker;
  const database = ctx.get(coreServices.database);
  const sites = await database.kysely<RegistryDatabase>().selectFrom('sites_sites').select('tenant_id').where('status', '!=', 'archived').orderBy('tenant_id').execute();
  const activity = ctx.get(siteActivityRef);
  let links = 0;
  for (const site of sites) {
    const found = await activity.outboundLinks(site.tenant_id);
    links += found.length;
    await database.transaction<NetworkDatabase, void>((trx) => new LinkRepository(trx).sync(trx, site.tenant_id, found, now));
  }
  const repo = new LinkRepository(database.kysely<NetworkDatabase>());
  const due = await repo.due(settings.maxPerRun);
  let failed = 0;
  await runPolitely(due, (url) => new URL(url).host.toLowerCase(), settings, async (url) => {
    const result = await probeLink(url, settings);
    if (!result.ok) failed++;
    await repo.record(url, result, Date.now());
  });
  const run = { sites: sites.length, links, checked: due.length, failed };
  ctx.get(coreServices.logger).info('link check finished', { ...run });
  return run;
}
