import { randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import { linkedItemsRef, portalArticlesRef, type LinkedItemsService, type PortalArticlesService } from '@cong/plugin-portal/api';
import type { Transaction } from 'kysely';
import { SITES_ERR_ALREADY_PROPOSED, SITES_ERR_ARTICLE_NOT_PUBLISHED, SITES_ERR_PROPOSAL_TRANSITION, SITES_ERR_PROPOSER_IS_PROVINCE } from '../errors.js';
import { articleRefs } from './article-refs.js';
import { SyndicationMail } from './syndication-mail.js';
import { OPEN, ProposalRepository, type Side } from './proposal.repository.js';
import type { Actor } from './syndication-request.js';
import type { ProposalAction, ProposalRow, ProposalStatus, SyndicationDatabase } from './syndication-database.js';
import type { ArticleRef, Page, Proposal, ProposalDetail } from './syndication.schema.js';
import { UnitTree } from './unit-tree.js';

/** A unit proposes its articles with this permission. */
export const PROPOSE = 'sites.syndication.propose';
/** The province's editorial board decides on proposals with this one. */
export const REVIEW = 'sites.syndication.review';

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
const text = (value: string | undefined) => (value === undefined ? null : normalizeText(value).trim() || null);

/** What a step changes besides the status: it may also take the item off the province site. */
interface Step {
  readonly action: ProposalAction;
  readonly from: readonly ProposalStatus[];
  readonly to: ProposalStatus;
  readonly remark: string | null;
  readonly changes?: Partial<ProposalRow>;
  /** Take the accepted item off the province site in the same transaction. */
  readonly unlink?: boolean;
}

/**
 * Syndication up (TEN-07): a unit proposes one of its published articles to the province; the
 * province's editorial board accepts it (the article then shows on the province site as a linked item:
 * live from the source, with "Nguồn: <unit>" and a canonical link to it) or rejects it with a reason.
 *
 *   proposed ──accept──▶ accepted ──revoke (province, reason)──▶ revoked
 *      │  └──reject (reason)──▶ rejected        │
 *      └──────withdraw (unit) / source withdrawn─┴──▶ withdrawn
 *
 * The unit works on its proposals by `tenant_id`, the province on its queue by `receiver_id`; anyone
 * else finds nothing (404). Each step is one transaction: the compare-and-set on the status, the
 * portal's linked item (through its service, with the same transaction), the step row and the audit
 * entry. The province's pages are refreshed after the commit.
 */
export class ProposalService {
  readonly #repo: ProposalRepository;
  readonly #units: UnitTree;
  readonly #articles: PortalArticlesService;
  readonly #linked: LinkedItemsService;

  constructor(private readonly ctx: PluginContext) {
    this.#repo = new ProposalRepository(ctx.get(coreServices.database).kysely<SyndicationDatabase>());
    this.#units = new UnitTree(ctx);
    this.#articles = ctx.get(portalArticlesRef);
    this.#linked = ctx.get(linkedItemsRef);
  }

  async get(side: Side, unitId: string, id: string): Promise<ProposalDetail> {
    const row = await this.#row(side, unitId, id);
    const history = (await this.#repo.events(row.id)).map((e) => ({ action: e.action, actorId: e.actor_id, unitId: e.actor_unit_id, remark: e.remark, at: iso(e.created_at) }));
    const [proposal] = await this.#toProposals([row]);
    return { ...proposal!, history };
  }

  async page(side: Side, unitId: string, options: { status?: ProposalStatus; unitId?: string; limit: number; offset: number }): Promise<Page<Proposal>> {
    const page = await this.#repo.page(side, unitId, options);
    return { items: await this.#toProposals(page.items), total: page.total, limit: options.limit, offset: options.offset };
  }

  /** The unit proposes one of its published articles to its province. */
  async propose(unitId: string, actor: Actor, input: { articleId: string; note?: string }): Promise<ProposalDetail> {
    const [article] = await this.#articles.find([{ tenantId: unitId, id: input.articleId }]);
    // Another unit's article is the same answer as none: nothing about it leaks.
    if (!article) throw new InputError(`Article ${input.articleId} does not exist in this unit`, { errors: [{ in: 'body', pointer: '/articleId', message: 'no such article in this unit', keyword: 'exists' }] });
    if (article.status !== 'published') throw SITES_ERR_ARTICLE_NOT_PUBLISHED.create({ article: article.id, status: article.status });
    const province = await this.#units.province(unitId);
    if (!province || province.id === unitId) throw SITES_ERR_PROPOSER_IS_PROVINCE.create({ unit: unitId });
    const now = Date.now();
    const row: ProposalRow = {
      id: randomUUID(),
      tenant_id: unitId,
      receiver_id: province.id,
      article_id: article.id,
      status: 'proposed',
      open_key: `${unitId}:${article.id}`,
      note: text(input.note),
      reason: null,
      category_id: null,
      link_id: null,
      link_path: null,
      proposed_by: actor.id,
      proposed_at: now,
      decided_by: null,
      decided_at: null,
      updated_at: now,
    };
    await this.#transaction(async (trx) => {
      // The unique open key refuses a second open proposal of the article, also when two race.
      await this.#repo.insert(row, trx).catch((error: unknown) => {
        const e = error as { code?: string; message?: string };
        if (e.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e.message ?? '')) throw SITES_ERR_ALREADY_PROPOSED.create({ article: article.id });
        throw error;
      });
      await this.#record(row, 'propose', actor, unitId, row.note, trx);
    });
    return this.get('unit', unitId, row.id);
  }

  /** The unit takes its proposal back (also an accepted one: the item leaves the province site). */
  withdraw(unitId: string, id: string, actor: Actor, remark: string | undefined): Promise<ProposalDetail> {
    return this.#step('unit', unitId, id, actor, { action: 'withdraw', from: OPEN, to: 'withdrawn', remark: text(remark), unlink: true });
  }

  /** The province accepts: the article shows on its site, in `categoryId` when given. */
  accept(provinceId: string, id: string, actor: Actor, input: { categoryId?: string | null; remark?: string }): Promise<ProposalDetail> {
    return this.#step('province', provinceId, id, actor, { action: 'accept', from: ['proposed'], to: 'accepted', remark: text(input.remark), changes: { category_id: input.categoryId ?? null } });
  }

  reject(provinceId: string, id: string, actor: Actor, reason: string): Promise<ProposalDetail> {
    return this.#step('province', provinceId, id, actor, { action: 'reject', from: ['proposed'], to: 'rejected', remark: text(reason) });
  }

  /** The province withdraws its acceptance: the item leaves its site. */
  revoke(provinceId: string, id: string, actor: Actor, reason: string): Promise<ProposalDetail> {
    return this.#step('province', provinceId, id, actor, { action: 'revoke', from: ['accepted'], to: 'revoked', remark: text(reason), unlink: true });
  }

  /** The source article left the site for good (withdrawn, archived): its open proposals are withdrawn. */
  async sourceWithdrawn(unitId: string, articleId: string, actor: Actor): Promise<number> {
    const open = await this.#repo.open(unitId, [articleId]);
    for (const row of open) {
      await this.#step('unit', unitId, row.id, actor, { action: 'source-withdraw', from: OPEN, to: 'withdrawn', remark: null, unlink: true }).catch((error: unknown) => {
        // Someone else closed it meanwhile: nothing left to do.
        if (!SITES_ERR_PROPOSAL_TRANSITION.is(error)) throw error;
      });
    }
    return open.length;
  }

  async #step(side: Side, unitId: string, id: string, actor: Actor, step: Step): Promise<ProposalDetail> {
    const current = await this.#row(side, unitId, id);
    const refuse = (status: ProposalStatus) => SITES_ERR_PROPOSAL_TRANSITION.create({ action: step.action, status });
    if (!step.from.includes(current.status)) throw refuse(current.status);
    const notice = await this.#decisionMail(current, step);
    let changedSites: string[] = [];
    await this.#transaction(async (trx) => {
      // Steps of one proposal are strictly ordered in time, so its history reads in order.
      const now = Math.max(Date.now(), Number(current.updated_at) + 1);
      const decides = step.action === 'accept' || step.action === 'reject';
      const changes: Partial<ProposalRow> = {
        status: step.to,
        updated_at: now,
        ...(step.to === 'accepted' ? {} : { open_key: null }),
        // The reason is the closing step's (a rejection's, a revocation's, a withdrawal's remark).
        ...(step.action === 'accept' ? {} : { reason: step.remark }),
        ...(decides ? { decided_by: actor.id, decided_at: now } : {}),
        ...step.changes,
      };
      // Compare-and-set on the status read above: a step that raced this one (an acceptance while the
      // unit withdraws) makes this one refuse, so what follows always matches the status it changed.
      if (!(await this.#repo.update(side, unitId, id, [current.status], changes, trx))) {
        const latest = await this.#repo.find(side, unitId, id, trx);
        throw refuse(latest?.status ?? current.status);
      }
      let row: ProposalRow = { ...current, ...changes };
      if (step.action === 'accept') {
        const [link] = await this.#linked.link(
          { tenantIds: [row.receiver_id], kind: 'syndicated', sourceTenantId: row.tenant_id, articleId: row.article_id, categoryId: row.category_id, originId: row.id },
          { trx },
        );
        row = { ...row, link_id: link!.id, link_path: link!.path };
        await this.#repo.update(side, unitId, id, [step.to], { link_id: row.link_id, link_path: row.link_path }, trx);
        changedSites = [row.receiver_id];
      }
      if (step.unlink && current.status === 'accepted') {
        changedSites = (await this.#linked.unlink({ kind: 'syndicated', originId: row.id }, { trx })).map((l) => l.tenantId);
        row = { ...row, link_path: null };
        await this.#repo.update(side, unitId, id, [step.to], { link_path: null }, trx);
      }
      await this.#record(row, step.action, actor, side === 'unit' ? row.tenant_id : row.receiver_id, step.remark, trx);
      if (notice) await notice.mails.send([notice.mails.proposalDecided({ ...notice.input, link: row.link_path && notice.siteUrl(row.link_path) })], trx);
    });
    await this.#linked.refresh(changedSites);
    return this.get(side, unitId, id);
  }

  /** The proposer hears how the province decided (accept, reject, revoke): who and what, read before the step's transaction. */
  async #decisionMail(current: ProposalRow, step: Step) {
    if (step.action !== 'accept' && step.action !== 'reject' && step.action !== 'revoke') return null;
    const mails = new SyndicationMail(this.ctx);
    const [to, [article], province] = await Promise.all([mails.proposer(current.proposed_by), this.#articles.find([{ tenantId: current.tenant_id, id: current.article_id }]), this.#units.get(current.receiver_id)]);
    // The accepted item's address on the province's site: its host, or the platform's `/t/<slug>` path.
    const siteUrl = (path: string) =>
      province?.primaryHost ? `https://${province.primaryHost}${path}` : this.ctx.get(coreServices.httpRouter).url(`/t/${province?.slug ?? current.receiver_id}${path}`);
    const input = { to, unitId: current.tenant_id, decision: step.action, articleTitle: article?.title ?? current.article_id, province: province?.nameVi ?? current.receiver_id, remark: step.remark };
    return { mails, input, siteUrl };
  }

  async #row(side: Side, unitId: string, id: string): Promise<ProposalRow> {
    const row = await this.#repo.find(side, unitId, id);
    // Another unit's proposal is 404, like one that does not exist.
    if (!row) throw new NotFoundError(`Proposal ${id} does not exist`);
    return row;
  }

  /** The step row and the audit entry (in the log of the unit that acted), in the step's transaction. */
  async #record(row: ProposalRow, action: ProposalAction, actor: Actor, actorUnitId: string, remark: string | null, trx: Transaction<SyndicationDatabase>): Promise<void> {
    await this.#repo.addEvent(
      { id: randomUUID(), proposal_id: row.id, tenant_id: row.tenant_id, receiver_id: row.receiver_id, action, actor_id: actor.id, actor_unit_id: actorUnitId, remark, created_at: Number(row.updated_at) },
      trx,
    );
    await this.ctx.get(coreServices.audit).record(
      {
        action: `sites.syndication.${action}`,
        objectType: 'syndication-proposal',
        objectId: row.id,
        tenantId: actorUnitId,
        after: {
          status: row.status,
          unit: row.tenant_id,
          province: row.receiver_id,
          articleId: row.article_id,
          ...(row.category_id ? { categoryId: row.category_id } : {}),
          ...(row.link_id ? { linkedItemId: row.link_id, onSite: row.link_path !== null } : {}),
          ...(remark ? { remark } : {}),
        },
      },
      { ...(actor.request ? { request: actor.request } : {}), trx },
    );
  }

  async #toProposals(rows: readonly ProposalRow[]): Promise<Proposal[]> {
    const articles: Map<string, ArticleRef> = await articleRefs(this.#articles, rows);
    const out: Proposal[] = [];
    for (const row of rows) {
      out.push({
        id: row.id,
        unit: await this.#units.ref(row.tenant_id),
        province: await this.#units.ref(row.receiver_id),
        articleId: row.article_id,
        article: articles.get(row.article_id) ?? null,
        status: row.status,
        note: row.note,
        reason: row.reason,
        categoryId: row.category_id,
        provincePath: row.link_path,
        proposedBy: row.proposed_by,
        proposedAt: iso(row.proposed_at),
        decidedBy: row.decided_by,
        decidedAt: row.decided_at === null ? null : iso(row.decided_at),
        updatedAt: iso(row.updated_at),
      });
    }
    return out;
  }

  #transaction<T>(work: (trx: Transaction<SyndicationDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<SyndicationDatabase, T>(work);
  }
}
