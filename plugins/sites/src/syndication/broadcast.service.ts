import { randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, type PluginContext, type TenantInfo } from '@cong/sdk';
import { linkedItemsRef, portalArticlesRef, type LinkedItemsService, type PortalArticlesService } from '@cong/plugin-portal/api';
import type { Transaction } from 'kysely';
import { SITES_ERR_ALREADY_BROADCAST, SITES_ERR_ARTICLE_NOT_PUBLISHED, SITES_ERR_BROADCAST_ENDED, SITES_ERR_BROADCAST_NO_TARGETS, SITES_ERR_BROADCAST_SCOPE } from '../errors.js';
import { articleRefs } from './article-refs.js';
import { BroadcastRepository } from './broadcast.repository.js';
import { SyndicationMail } from './syndication-mail.js';
import type { Actor } from './syndication-request.js';
import type { BroadcastEndCause, BroadcastRow, BroadcastScope, BroadcastStatus, SyndicationDatabase } from './syndication-database.js';
import type { Broadcast, BroadcastDetail, Page } from './syndication.schema.js';
import { UnitTree, type UnitRef } from './unit-tree.js';

/** A unit sends its articles down to the units below it with this permission. */
export const PUBLISH = 'sites.broadcast.publish';

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
const text = (value: string | undefined) => (value === undefined ? null : normalizeText(value).trim() || null);

/**
 * Broadcast down (TEN-07/08, mandatory downward broadcast): a unit sends one of its published articles
 * to every unit below it, or to a chosen subtree below it. Each receiving site shows it through the
 * portal's linked items — read live from the source, marked "Tin từ <sender>" — and has no way to edit
 * or remove it: the broadcast and its items belong to the sender, who alone ends it. The receiving
 * units are those below with a site at the time of sending.
 *
 * Each change is one transaction (the broadcast row, the portal's linked items with the same
 * transaction, the audit entry); the receiving sites' pages are refreshed after the commit.
 */
export class BroadcastService {
  readonly #repo: BroadcastRepository;
  readonly #units: UnitTree;
  readonly #articles: PortalArticlesService;
  readonly #linked: LinkedItemsService;

  constructor(private readonly ctx: PluginContext) {
    this.#repo = new BroadcastRepository(ctx.get(coreServices.database).kysely<SyndicationDatabase>());
    this.#units = new UnitTree(ctx);
    this.#articles = ctx.get(portalArticlesRef);
    this.#linked = ctx.get(linkedItemsRef);
  }

  async get(senderId: string, id: string): Promise<BroadcastDetail> {
    const row = await this.#row(senderId, id);
    const [broadcast] = await this.#toBroadcasts([row]);
    const links = await this.#linked.byOrigin('broadcast', row.id);
    const targets = [];
    for (const link of links) targets.push({ unit: await this.#units.ref(link.tenantId), path: link.path, removedAt: link.removedAt });
    return { ...broadcast!, targets };
  }

  async page(senderId: string, options: { status?: BroadcastStatus; limit: number; offset: number }): Promise<Page<Broadcast>> {
    const page = await this.#repo.page(senderId, options);
    return { items: await this.#toBroadcasts(page.items), total: page.total, limit: options.limit, offset: options.offset };
  }

  /** The units below the sender with a site, to choose a subtree from. */
  async unitsBelow(senderId: string): Promise<(UnitRef & { parentId: string | null })[]> {
    return (await this.#units.below(senderId)).map((u) => ({ id: u.id, slug: u.slug, name: u.nameVi, parentId: u.parentId }));
  }

  async publish(senderId: string, actor: Actor, input: { articleId: string; scope: BroadcastScope; rootId?: string; note?: string }): Promise<BroadcastDetail> {
    const [article] = await this.#articles.find([{ tenantId: senderId, id: input.articleId }]);
    if (!article) throw new InputError(`Article ${input.articleId} does not exist in this unit`, { errors: [{ in: 'body', pointer: '/articleId', message: 'no such article in this unit', keyword: 'exists' }] });
    if (article.status !== 'published') throw SITES_ERR_ARTICLE_NOT_PUBLISHED.create({ article: article.id, status: article.status });
    const { rootId, targets } = await this.#targets(senderId, input);
    if (targets.length === 0) throw SITES_ERR_BROADCAST_NO_TARGETS.create();
    const now = Date.now();
    const row: BroadcastRow = {
      id: randomUUID(),
      tenant_id: senderId,
      article_id: article.id,
      scope: input.scope,
      root_id: rootId,
      status: 'active',
      active_key: `${senderId}:${article.id}`,
      note: text(input.note),
      target_count: targets.length,
      created_by: actor.id,
      created_at: now,
      ended_by: null,
      ended_at: null,
      end_cause: null,
      end_reason: null,
      updated_at: now,
    };
    const tenantIds = targets.map((t) => t.id);
    const mails = new SyndicationMail(this.ctx);
    const notices = await mails.broadcastArrived({ unitIds: tenantIds, articleTitle: article.title, sender: (await this.#units.ref(senderId)).name, note: row.note });
    await this.#transaction(async (trx) => {
      await this.#repo.insert(row, trx).catch((error: unknown) => {
        const e = error as { code?: string; message?: string };
        if (e.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e.message ?? '')) throw SITES_ERR_ALREADY_BROADCAST.create({ article: article.id });
        throw error;
      });
      await this.#linked.link({ tenantIds, kind: 'broadcast', sourceTenantId: senderId, articleId: article.id, originId: row.id }, { trx });
      await this.#audit(row, 'publish', actor, trx, { targets: tenantIds });
      await mails.send(notices, trx);
    });
    await this.#linked.refresh(tenantIds);
    return this.get(senderId, row.id);
  }

  /** The sender ends the broadcast: its items leave every receiving site. */
  end(senderId: string, id: string, actor: Actor, reason: string | undefined): Promise<BroadcastDetail> {
    return this.#end(senderId, id, actor, 'sender', text(reason));
  }

  /** The source article left the site for good: its active broadcasts end. */
  async sourceWithdrawn(senderId: string, articleId: string, actor: Actor): Promise<number> {
    const active = await this.#repo.active(senderId, [articleId]);
    for (const row of active) {
      await this.#end(senderId, row.id, actor, 'source-withdrawn', null).catch((error: unknown) => {
        if (!SITES_ERR_BROADCAST_ENDED.is(error)) throw error;
      });
    }
    return active.length;
  }

  async #end(senderId: string, id: string, actor: Actor, cause: BroadcastEndCause, reason: string | null): Promise<BroadcastDetail> {
    const current = await this.#row(senderId, id);
    if (current.status !== 'active') throw SITES_ERR_BROADCAST_ENDED.create({ id });
    let touched: string[] = [];
    await this.#transaction(async (trx) => {
      const now = Math.max(Date.now(), Number(current.updated_at) + 1);
      const changes = { ended_by: actor.id, ended_at: now, end_cause: cause, end_reason: reason, updated_at: now };
      if (!(await this.#repo.end(senderId, id, changes, trx))) throw SITES_ERR_BROADCAST_ENDED.create({ id });
      touched = (await this.#linked.unlink({ kind: 'broadcast', originId: id }, { trx })).map((l) => l.tenantId);
      await this.#audit({ ...current, ...changes, status: 'ended', active_key: null }, 'end', actor, trx, { cause, ...(reason ? { reason } : {}) });
    });
    await this.#linked.refresh(touched);
    return this.get(senderId, id);
  }

  /**
   * A unit that joined the tree after a broadcast (created, moved in, or the successor of a merger)
   * receives the active broadcasts whose scope now covers it: every broadcast of a unit above it, or a
   * subtree broadcast rooted at it or above it. Already linked items are left as they are. Returns
   * the broadcasts it now receives.
   */
  async reachNewUnit(unitId: string): Promise<string[]> {
    const tenancy = this.ctx.get(coreServices.tenancy);
    const unit = await this.#units.get(unitId);
    if (!unit || !(await tenancy.isEnabled(unitId))) return [];
    const above: string[] = [];
    for (let cursor = unit.parentId === null ? undefined : await this.#units.get(unit.parentId); cursor; cursor = cursor.parentId === null ? undefined : await this.#units.get(cursor.parentId)) {
      if (above.includes(cursor.id) || above.length > 20) break;
      above.push(cursor.id);
    }
    const covering = (await this.#repo.activeFrom(above)).filter((b) => b.scope === 'all' || b.root_id === unitId || above.includes(b.root_id));
    const reached: string[] = [];
    for (const broadcast of covering) {
      const links = await this.#linked.byOrigin('broadcast', broadcast.id);
      if (links.some((l) => l.tenantId === unitId)) continue;
      const actor = { id: 'system:sites-broadcast' };
      await this.#transaction(async (trx) => {
        await this.#linked.link({ tenantIds: [unitId], kind: 'broadcast', sourceTenantId: broadcast.tenant_id, articleId: broadcast.article_id, originId: broadcast.id }, { trx });
        await this.#repo.addTarget(broadcast.id, trx);
        await this.#audit(broadcast, 'reach', actor, trx, { unit: unitId });
      });
      reached.push(broadcast.id);
    }
    if (reached.length > 0) await this.#linked.refresh([unitId]);
    return reached;
  }

  /** The units that receive: every unit below the sender, or the chosen unit below it and its own subtree. */
  async #targets(senderId: string, input: { scope: BroadcastScope; rootId?: string }): Promise<{ rootId: string; targets: TenantInfo[] }> {
    const below = await this.#units.below(senderId);
    if (input.scope === 'all') return { rootId: senderId, targets: below };
    if (input.rootId === undefined) {
      throw new InputError('A subtree broadcast names its root unit', { errors: [{ in: 'body', pointer: '/rootId', message: 'is required when scope is subtree', keyword: 'required' }] });
    }
    const root = below.find((u) => u.id === input.rootId || u.slug === input.rootId);
    if (!root) throw SITES_ERR_BROADCAST_SCOPE.create({ unit: input.rootId }, { errors: [{ in: 'body', pointer: '/rootId', message: 'is not a unit below the sender', keyword: 'exists' }] });
    return { rootId: root.id, targets: [root, ...(await this.#units.below(root.id))] };
  }

  async #row(senderId: string, id: string): Promise<BroadcastRow> {
    const row = await this.#repo.find(senderId, id);
    // Another unit's broadcast (a receiving unit's included) is 404, like one that does not exist.
    if (!row) throw new NotFoundError(`Broadcast ${id} does not exist`);
    return row;
  }

  async #audit(row: BroadcastRow, verb: 'publish' | 'end' | 'reach', actor: Actor, trx: Transaction<SyndicationDatabase>, extra: Record<string, unknown>): Promise<void> {
    await this.ctx.get(coreServices.audit).record(
      {
        action: `sites.broadcast.${verb}`,
        objectType: 'broadcast',
        objectId: row.id,
        tenantId: row.tenant_id,
        after: { status: row.status, articleId: row.article_id, scope: row.scope, rootId: row.root_id, targetCount: Number(row.target_count), ...(row.note ? { note: row.note } : {}), ...extra },
      },
      { ...(actor.request ? { request: actor.request } : {}), trx },
    );
  }

  async #toBroadcasts(rows: readonly BroadcastRow[]): Promise<Broadcast[]> {
    const articles = await articleRefs(this.#articles, rows);
    const out: Broadcast[] = [];
    for (const row of rows) {
      out.push({
        id: row.id,
        sender: await this.#units.ref(row.tenant_id),
        articleId: row.article_id,
        article: articles.get(row.article_id) ?? null,
        scope: row.scope,
        root: await this.#units.ref(row.root_id),
        status: row.status,
        note: row.note,
        targetCount: Number(row.target_count),
        createdBy: row.created_by,
        createdAt: iso(row.created_at),
        endedBy: row.ended_by,
        endedAt: row.ended_at === null ? null : iso(row.ended_at),
        endCause: row.end_cause,
        endReason: row.end_reason,
      });
    }
    return out;
  }

  #transaction<T>(work: (trx: Transaction<SyndicationDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<SyndicationDatabase, T>(work);
  }
}
