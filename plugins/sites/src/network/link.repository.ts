import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { LinkRow, LinkStatus, NetworkDatabase, OccurrenceRow } from './network-database.js';

export const urlHash = (url: string) => createHash('sha256').update(url).digest('hex');

/** The link tables: always scoped to a unit, or to a list of units. */
export class LinkRepository {
  constructor(private readonly db: Kysely<NetworkDatabase>) {}

  /**
   * Makes the unit's stored links what its content holds now, in the caller's transaction: new links
   * are added `unchecked`, links no longer in any item are removed with their occurrences, the
   * occurrences are replaced. Results of links still present are kept.
   */
  async sync(trx: Transaction<NetworkDatabase>, tenantId: string, found: readonly { url: string; itemType: 'article' | 'page'; itemId: string; title: string; path: string }[], now: number): Promise<void> {
    const existing = await trx.selectFrom('sites_links').select(['id', 'url_hash']).where('tenant_id', '=', tenantId).execute();
    const idByHash = new Map(existing.map((r) => [r.url_hash, r.id]));
    const seen = new Map<string, string>();
    for (const link of found) {
      const hash = urlHash(link.url);
      if (seen.has(hash)) continue;
      let id = idByHash.get(hash);
      if (!id) {
        id = randomUUID();
        await trx
          .insertInto('sites_links')
          .values({ id, tenant_id: tenantId, url_hash: hash, url: link.url, host: new URL(link.url).hostname.toLowerCase(), status: 'unchecked', http_status: null, error: null, failures: 0, last_checked_at: null, first_seen_at: now, last_seen_at: now })
          .execute();
      }
      seen.set(hash, id);
    }
    const keep = [...seen.values()];
    if (keep.length > 0) await trx.updateTable('sites_links').set({ last_seen_at: now }).where('tenant_id', '=', tenantId).where('id', 'in', keep).execute();
    const gone = existing.filter((r) => !seen.has(r.url_hash)).map((r) => r.id);
    await trx.deleteFrom('sites_link_occurrences').where('tenant_id', '=', tenantId).execute();
    for (let i = 0; i < gone.length; i += 500) await trx.deleteFrom('sites_links').where('tenant_id', '=', tenantId).where('id', 'in', gone.slice(i, i + 500)).execute();
    const occurrences = new Map<string, OccurrenceRow>();
    for (const link of found) {
      const row: OccurrenceRow = { tenant_id: tenantId, link_id: seen.get(urlHash(link.url))!, item_type: link.itemType, item_id: link.itemId, title: link.title.slice(0, 1000), path: link.path.slice(0, 1000) };
      occurrences.set(`${row.link_id}/${row.item_type}/${row.item_id}`, row);
    }
    const rows = [...occurrences.values()];
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('sites_link_occurrences').values(rows.slice(i, i + 200)).execute();
  }

  /** The addresses to check this run: the least recently checked first (never checked before all), at most `limit` distinct addresses. */
  async due(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('sites_links')
      .select((eb) => ['url_hash', eb.fn.min('url').as('url'), eb.fn.min('last_checked_at').as('checked')])
      .groupBy('url_hash')
      .orderBy('checked', 'asc')
      .orderBy('url_hash')
      .limit(limit)
      .execute();
    return rows.map((r) => String(r.url));
  }

  /** Records a run's result for an address in every unit that links to it: two failed runs in a row make it broken. */
  async record(url: string, result: { ok: boolean; httpStatus: number | null; error: string | null }, now: number): Promise<void> {
    const hash = urlHash(url);
    if (result.ok) {
      await this.db.updateTable('sites_links').set({ status: 'ok', http_status: result.httpStatus, error: null, failures: 0, last_checked_at: now }).where('url_hash', '=', hash).execute();
      return;
    }
    await this.db
      .updateTable('sites_links')
      // `status` before `failures`: MySQL assigns left to right, so the case must read the old count.
      .set((eb) => ({
        status: eb.case().when('failures', '>=', 1).then('broken' as LinkStatus).else('failing' as LinkStatus).end(),
        failures: eb('failures', '+', 1),
        http_status: result.httpStatus,
        error: result.error,
        last_checked_at: now,
      }))
      .where('url_hash', '=', hash)
      .execute();
  }

  /** Broken links per unit, for the dashboard: one grouped read. */
  async brokenCounts(tenantIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < tenantIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('sites_links')
        .where('tenant_id', 'in', tenantIds.slice(i, i + 500))
        .where('status', '=', 'broken')
        .select((eb) => ['tenant_id', eb.fn.countAll<number | string>().as('n')])
        .groupBy('tenant_id')
        .execute();
      for (const r of rows) out.set(r.tenant_id, Number(r.n));
    }
    return out;
  }

  /** A page of one unit's links, with where each appears. */
  async page(tenantId: string, query: { status?: LinkStatus; limit: number; offset: number }): Promise<{ items: (LinkRow & { occurrences: OccurrenceRow[] })[]; total: number }> {
    let base = this.db.selectFrom('sites_links').where('tenant_id', '=', tenantId);
    if (query.status) base = base.where('status', '=', query.status);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('failures', 'desc').orderBy('url').orderBy('id').limit(query.limit).offset(query.offset).execute(),
      base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const ids = rows.map((r) => r.id);
    const occurrences = ids.length === 0 ? [] : await this.db.selectFrom('sites_link_occurrences').selectAll().where('tenant_id', '=', tenantId).where('link_id', 'in', ids).orderBy('path').execute();
    return { items: rows.map((r) => ({ ...r, occurrences: occurrences.filter((o) => o.link_id === r.id) })), total: Number(count.n) };
  }
}
