import { coreServices, normalizeText, NotFoundError, type PluginContext, type RouteRequest } from '@cong/sdk';
import { SiteNetwork } from '../registry/site-network.js';
import type { AppearanceDatabase } from './appearance-database.js';
import { networkAppearanceChanged } from './appearance-events.js';

/** What the province locks for every site of its network (TEN-06), besides the portal's fixed layout. */
export interface NetworkAppearance {
  /** A line above each unit's name in the header (the province's name), or ''. */
  readonly headerLine: string;
  /** A line in each site's footer (the governing body, the licence), or ''. */
  readonly footerNote: string;
}

export const NO_NETWORK_APPEARANCE: NetworkAppearance = { headerLine: '', footerNote: '' };

/**
 * The network's locked parts: set only at the province (the root unit) by a network admin; a unit's site
 * admin has no field for them. Every change is one transaction with its audit entry, then every
 * process drops every unit's pages.
 */
export class NetworkAppearanceStore {
  constructor(private readonly ctx: PluginContext) {}

  #db() {
    return this.ctx.get(coreServices.database).kysely<AppearanceDatabase>();
  }

  /** The province's locked parts (empty when never set), for the public site. */
  async current(): Promise<NetworkAppearance> {
    const rootId = (await SiteNetwork.load(this.ctx)).root?.id;
    if (!rootId) return NO_NETWORK_APPEARANCE;
    const row = await this.#db().selectFrom('sites_network_appearance').selectAll().where('tenant_id', '=', rootId).executeTakeFirst();
    return row ? { headerLine: row.header_line, footerNote: row.footer_note } : NO_NETWORK_APPEARANCE;
  }

  /** The locked parts, for the province's network admins; 404 from any other unit. */
  async read(req: RouteRequest): Promise<NetworkAppearance> {
    await this.#province(req);
    return this.current();
  }

  async write(req: RouteRequest, input: NetworkAppearance): Promise<NetworkAppearance> {
    const rootId = await this.#province(req);
    const next = { headerLine: normalizeText(input.headerLine).trim(), footerNote: normalizeText(input.footerNote).trim() };
    const database = this.ctx.get(coreServices.database);
    const actor = req.principal?.id ?? 'system';
    await database.transaction<AppearanceDatabase, void>(async (trx) => {
      let query = trx.selectFrom('sites_network_appearance').selectAll().where('tenant_id', '=', rootId);
      if (database.dialect === 'mysql') query = query.forUpdate();
      const row = await query.executeTakeFirst();
      const values = { header_line: next.headerLine, footer_note: next.footerNote, updated_at: Date.now(), updated_by: actor };
      if (row) await trx.updateTable('sites_network_appearance').set(values).where('tenant_id', '=', rootId).execute();
      else await trx.insertInto('sites_network_appearance').values({ tenant_id: rootId, ...values }).execute();
      await this.ctx.get(coreServices.audit).record(
        { action: 'sites.appearance.network', objectType: 'site-network-appearance', objectId: rootId, tenantId: rootId, before: row ? { headerLine: row.header_line, footerNote: row.footer_note } : null, after: next },
        { request: req, trx },
      );
    });
    await this.ctx.get(coreServices.events).emit(networkAppearanceChanged, { tenantId: rootId }, { tenantId: rootId });
    return next;
  }

  /** The province's id when the request works there; 404 otherwise (a unit has no say on the locked parts). */
  async #province(req: RouteRequest): Promise<string> {
    const rootId = (await SiteNetwork.load(this.ctx)).root?.id;
    if (!rootId || req.tenantId !== rootId) throw new NotFoundError('The parts locked for every site are set at the province');
    return rootId;
  }
}
