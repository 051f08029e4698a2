import { randomBytes, timingSafeEqual } from 'node:crypto';
import { coreServices, NotFoundError, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { HomeBlock } from '@cong/plugin-portal/api';
import type { Transaction } from 'kysely';
import { SITES_ERR_NO_DRAFT } from '../errors.js';
import type { RegistryDatabase } from '../registry/registry-database.js';
import { templateAppearance } from '../provisioning/template-theme.js';
import type { AppearanceDatabase, AppearanceRow } from './appearance-database.js';
import { appearanceChanged } from './appearance-events.js';
import { checkAppearance, type Appearance } from './appearance-model.js';

type Db = AppearanceDatabase & Pick<RegistryDatabase, 'sites_sites'>;

/** A unit's appearance as the admin pages see it. */
export interface AppearanceView {
  readonly published: Appearance;
  readonly draft: Appearance | null;
  /** The draft's preview token: open the site's pages with `?xem-truoc=<token>`; null without a draft. */
  readonly previewToken: string | null;
  /** True while the unit wears its template's appearance (nothing published yet). */
  readonly fromTemplate: boolean;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  readonly updatedAt: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const parse = (json: string): Appearance => JSON.parse(json) as Appearance;

/**
 * The unit's appearance (TEN-06, first version items 5 and 6): a draft its site admin edits and
 * previews, published (audited, announced to every process) or discarded. A unit with a site and no
 * row wears its template's appearance. Every write is one transaction with its audit entry.
 */
export class AppearanceStore {
  constructor(private readonly ctx: PluginContext) {}

  #db() {
    return this.ctx.get(coreServices.database).kysely<Db>();
  }

  /** The published appearance the public sees, or null when the unit has no site. */
  async published(tenantId: string): Promise<Appearance | null> {
    const row = await this.#db().selectFrom('sites_appearance').select('published').where('tenant_id', '=', tenantId).executeTakeFirst();
    if (row) return parse(row.published);
    const site = await this.#db().selectFrom('sites_sites').select('template').where('tenant_id', '=', tenantId).executeTakeFirst();
    return site ? templateAppearance(site.template) : null;
  }

  /** The draft when `token` is its preview token, else null (constant-time comparison). */
  async draftForPreview(tenantId: string, token: string): Promise<Appearance | null> {
    const row = await this.#db().selectFrom('sites_appearance').select(['draft', 'preview_token']).where('tenant_id', '=', tenantId).executeTakeFirst();
    if (!row?.draft || !row.preview_token) return null;
    const a = Buffer.from(row.preview_token);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? parse(row.draft) : null;
  }

  async view(tenantId: string): Promise<AppearanceView> {
    const row = await this.#db().selectFrom('sites_appearance').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
    if (row) {
      return {
        published: parse(row.published),
        draft: row.draft ? parse(row.draft) : null,
        previewToken: row.preview_token,
        fromTemplate: false,
        publishedAt: iso(row.published_at),
        publishedBy: row.published_by,
        updatedAt: iso(row.updated_at),
      };
    }
    const published = await this.published(tenantId);
    if (!published) throw new NotFoundError('The unit has no component site');
    return { published, draft: null, previewToken: null, fromTemplate: true, publishedAt: null, publishedBy: null, updatedAt: null };
  }

  /** Replaces the draft (checked: approved theme, AA contrast, known blocks) and gives it a new preview token. */
  async saveDraft(req: RouteRequest, tenantId: string, input: Appearance, blocks: readonly HomeBlock[]): Promise<AppearanceView> {
    const published = await this.published(tenantId);
    if (!published) throw new NotFoundError('The unit has no component site');
    const draft = checkAppearance(input, blocks);
    const now = Date.now();
    const actor = req.principal?.id ?? 'system';
    const token = randomBytes(24).toString('base64url');
    const changes = { draft: JSON.stringify(draft), preview_token: token, updated_at: now, updated_by: actor };
    const database = this.ctx.get(coreServices.database);
    const mysql = database.dialect === 'mysql';
    // One upsert, without first reading the row: two first saves at once both land (the later draft
    // wins). A locking read of a row not there yet would give both InnoDB gap locks, then a deadlock.
    await database.transaction<Db, void>(async (trx) => {
      const insert = trx.insertInto('sites_appearance').values({ tenant_id: tenantId, published: JSON.stringify(published), published_at: null, published_by: null, ...changes });
      await (mysql ? insert.onDuplicateKeyUpdate(changes) : insert.onConflict((oc) => oc.column('tenant_id').doUpdateSet(changes))).execute();
      await this.ctx.get(coreServices.audit).record({ action: 'sites.appearance.draft', objectType: 'site-appearance', objectId: tenantId, tenantId, after: draft }, { request: req, trx });
    });
    return this.view(tenantId);
  }

  /** The draft becomes what the public sees; the unit's pages are dropped in every process. */
  async publish(req: RouteRequest, tenantId: string): Promise<AppearanceView> {
    const now = Date.now();
    const actor = req.principal?.id ?? 'system';
    await this.#transaction(tenantId, async (trx, row) => {
      if (!row?.draft) throw SITES_ERR_NO_DRAFT.create({ action: 'publish' });
      await trx.updateTable('sites_appearance').set({ published: row.draft, draft: null, preview_token: null, published_at: now, published_by: actor, updated_at: now, updated_by: actor }).where('tenant_id', '=', tenantId).execute();
      await this.ctx.get(coreServices.audit).record(
        { action: 'sites.appearance.publish', objectType: 'site-appearance', objectId: tenantId, tenantId, before: parse(row.published), after: parse(row.draft) },
        { request: req, trx },
      );
    });
    await this.ctx.get(coreServices.events).emit(appearanceChanged, { tenantId }, { tenantId });
    return this.view(tenantId);
  }

  /** Drops the draft and its preview token; the public site does not change. */
  async discard(req: RouteRequest, tenantId: string): Promise<AppearanceView> {
    const actor = req.principal?.id ?? 'system';
    await this.#transaction(tenantId, async (trx, row) => {
      if (!row?.draft) throw SITES_ERR_NO_DRAFT.create({ action: 'discard' });
      await trx.updateTable('sites_appearance').set({ draft: null, preview_token: null, updated_at: Date.now(), updated_by: actor }).where('tenant_id', '=', tenantId).execute();
      await this.ctx.get(coreServices.audit).record({ action: 'sites.appearance.discard', objectType: 'site-appearance', objectId: tenantId, tenantId, before: parse(row.draft) }, { request: req, trx });
    });
    return this.view(tenantId);
  }

  /** A transaction with the unit's row read (locked on MySQL, so two publishes cannot interleave). */
  #transaction(tenantId: string, work: (trx: Transaction<Db>, row: AppearanceRow | undefined) => Promise<void>): Promise<void> {
    const database = this.ctx.get(coreServices.database);
    return database.transaction<Db, void>(async (trx) => {
      let query = trx.selectFrom('sites_appearance').selectAll().where('tenant_id', '=', tenantId);
      if (database.dialect === 'mysql') query = query.forUpdate();
      await work(trx, await query.executeTakeFirst());
    });
  }
}
