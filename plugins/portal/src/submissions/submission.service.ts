import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { coreServices, InputError, NotFoundError, normalizeText, slugify, type PluginContext } from '@cong/sdk';
import { plainText, sanitizeRichText } from '../html/sanitize-html.js';
import { escapeHtml } from '../site/html.js';
import { ArticleService, type Actor } from '../content/article.service.js';
import { CategoryRepository } from '../content/category.repository.js';
import type { ContentDatabase } from '../content/content-database.js';
import { PORTAL_ERR_REQUEST_CLOSED, PORTAL_ERR_SUBMISSION_RECEIVER, PORTAL_ERR_SUBMISSION_TRANSITION } from '../errors.js';
import { InformationRequestRepository } from './information-request.repository.js';
import { SubmissionRepository, type Side, type SubmissionEventRow, type SubmissionRow } from './submission.repository.js';
import type { SubmissionAction, SubmissionStatus, SubmissionsDatabase } from './submissions-database.js';
import type { Attachment, CreateSubmissionBody, Submission, SubmissionContentInput, SubmissionDetail } from './submissions.schema.js';
import { UnitTree } from './unit-tree.js';

/** A unit sends with this permission. */
export const SUBMIT = 'portal.submissions.submit';
/** A receiving unit handles its inbox and sends information requests with this one. */
export const HANDLE = 'portal.submissions.handle';

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
const text = (value: string) => normalizeText(value).trim();
/** Titles are one line: they end up in mail subjects, where a line break is refused. */
const oneLine = (value: string) => text(value).replace(/\s+/gu, ' ');
const optional = (value: string | null | undefined) => (value === undefined || value === null ? null : text(value) || null);

/** The attribution line the receiver's draft carries: "Nguồn: <sender unit>" (and the sender's byline). */
export function attribution(senderName: string, byline: string | null): string {
  const source = byline ? `${senderName} (${byline})` : senderName;
  return `<p><em>Nguồn: ${escapeHtml(source)}</em></p>`;
}

/**
 * The submission inbox (tiếp nhận tin bài, POR-41):
 *
 *   submitted ──accept──▶ accepted (a draft article in the receiving unit, linked back)
 *      │  ▲  └──return──▶ returned ──edit…──resubmit──┘
 *      └──┴──withdraw (sender, before it is accepted)──▶ withdrawn
 *
 * The sender works on its submissions as its own unit (rows by `tenant_id`), the receiver on its inbox
 * as its own unit (rows by `receiver_id`); anyone else finds nothing (404). Each step is one
 * transaction with its row in `portal_submission_events` and an audit entry; status changes are
 * compare-and-set, so two people handling one submission cannot both win.
 */
export class SubmissionService {
  readonly #repo: SubmissionRepository;
  readonly #requests: InformationRequestRepository;
  readonly #units: UnitTree;

  constructor(private readonly ctx: PluginContext) {
    const db = ctx.get(coreServices.database).kysely<SubmissionsDatabase>();
    this.#repo = new SubmissionRepository(db);
    this.#requests = new InformationRequestRepository(db);
    this.#units = new UnitTree(ctx);
  }

  async get(side: Side, unitId: string, id: string): Promise<SubmissionDetail> {
    const row = await this.#row(side, unitId, id);
    const history = (await this.#repo.events(row.id)).map((e) => ({
      action: e.action,
      actorId: e.actor_id,
      unitId: e.actor_unit_id,
      remark: e.remark,
      revision: Number(e.revision_no),
      at: iso(e.created_at),
    }));
    return { ...(await this.#toSubmission(row)), history };
  }

  async page(side: Side, unitId: string, options: { status?: SubmissionStatus; senderId?: string; limit: number; offset: number }): Promise<{ items: Submission[]; total: number }> {
    const page = await this.#repo.page(side, unitId, options);
    const items: Submission[] = [];
    for (const row of page.items) items.push(await this.#toSubmission(row));
    return { items, total: page.total };
  }

  /** Sends content from `senderId` to the receiver it names, the requester it answers, or its nearest portal above. */
  async create(senderId: string, actor: Actor, input: CreateSubmissionBody): Promise<SubmissionDetail> {
    let receiverId: string;
    if (input.requestId !== undefined) {
      const assigned = await this.#requests.assigned(senderId, input.requestId);
      if (!assigned) {
        throw new InputError(`Information request ${input.requestId} is not addressed to this unit`, {
          errors: [{ in: 'body', pointer: '/requestId', message: 'no such request addressed to this unit', keyword: 'exists' }],
        });
      }
      if (assigned.request.status !== 'open') throw PORTAL_ERR_REQUEST_CLOSED.create({ id: input.requestId });
      receiverId = assigned.request.tenant_id;
      if (input.receiverId !== undefined && input.receiverId !== receiverId) throw receiverError(input.receiverId, 'an answer goes to the unit that asked');
    } else {
      receiverId = await this.#receiver(senderId, input.receiverId);
    }
    const now = Date.now();
    const row: SubmissionRow = {
      id: randomUUID(),
      tenant_id: senderId,
      receiver_id: receiverId,
      ...content(input),
      request_id: input.requestId ?? null,
      status: 'submitted',
      remarks: null,
      article_id: null,
      revision_no: 1,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      submitted_at: now,
      handled_by: null,
      handled_at: null,
    };
    await this.#transaction(async (trx) => {
      await this.#repo.insert(row, trx);
      await this.#record(row, 'submit', actor, senderId, null, trx, true);
    });
    return this.get('sender', senderId, row.id);
  }

  /** The sender edits a returned submission; it stays returned until resubmitted. */
  async update(senderId: string, id: string, actor: Actor, input: SubmissionContentInput): Promise<SubmissionDetail> {
    await this.#transaction(async (trx) => {
      const row = await this.#locked('sender', senderId, id, trx);
      if (row.status !== 'returned') throw PORTAL_ERR_SUBMISSION_TRANSITION.create({ action: 'edit', status: row.status });
      const next = { ...row, ...content(input, row), revision_no: Number(row.revision_no) + 1, updated_at: Date.now() };
      const { id: _id, tenant_id: _t, receiver_id: _r, ...changes } = next;
      if (!(await this.#repo.update('sender', senderId, id, ['returned'], changes, trx))) throw PORTAL_ERR_SUBMISSION_TRANSITION.create({ action: 'edit', status: row.status });
      await this.#record(next, 'edit', actor, senderId, null, trx, true);
    });
    return this.get('sender', senderId, id);
  }

  async resubmit(senderId: string, id: string, actor: Actor, remark: string | undefined): Promise<SubmissionDetail> {
    // The return's reason stays in the history; the submission itself waits afresh.
    return this.#step('sender', senderId, id, actor, 'resubmit', ['returned'], remark ?? null, (row, now) => ({
      status: 'submitted',
      submitted_at: now,
      remarks: null,
      handled_by: null,
      handled_at: null,
      revision_no: Number(row.revision_no) + 1,
    }));
  }

  async withdraw(senderId: string, id: string, actor: Actor, remark: string | undefined): Promise<SubmissionDetail> {
    return this.#step('sender', senderId, id, actor, 'withdraw', ['submitted', 'returned'], remark ?? null, () => ({ status: 'withdrawn' }));
  }

  async return(receiverId: string, id: string, actor: Actor, reason: string): Promise<SubmissionDetail> {
    return this.#step('receiver', receiverId, id, actor, 'return', ['submitted'], text(reason), (_row, now) => ({
      status: 'returned',
      remarks: text(reason),
      handled_by: actor.id,
      handled_at: now,
    }));
  }

  /**
   * The receiver accepts: the submission is claimed first (so a second acceptance or a withdrawal
   * loses), then the draft article is made through the content area (its own transaction, revision
   * and audit), then linked. If the article cannot be made, the claim is undone and the error goes up.
   */
  async accept(receiverId: string, id: string, actor: Actor, input: { categoryId?: string | null; slug?: string; remark?: string }): Promise<SubmissionDetail> {
    const row = await this.#row('receiver', receiverId, id);
    if (row.status !== 'submitted') throw PORTAL_ERR_SUBMISSION_TRANSITION.create({ action: 'accept', status: row.status });
    const sender = await this.#units.ref(row.tenant_id);
    const articles = new ArticleService(this.ctx);
    const categoryId = input.categoryId !== undefined ? input.categoryId : await this.#suggestedCategory(receiverId, row.category_slug);
    const slug = input.slug ?? (await this.#freeSlug(articles, receiverId, row.title));
    const now = Date.now();
    const remark = input.remark !== undefined ? text(input.remark) || null : null;
    const eventId = randomUUID();
    await this.#transaction(async (trx) => {
      const claimed = await this.#repo.update('receiver', receiverId, id, ['submitted'], { status: 'accepted', remarks: remark, handled_by: actor.id, handled_at: now, updated_at: now }, trx);
      if (!claimed) throw PORTAL_ERR_SUBMISSION_TRANSITION.create({ action: 'accept', status: (await this.#repo.find('receiver', receiverId, id, trx))?.status ?? row.status });
      // The step row holds the claim; the audit entry waits for the article, so an undone claim leaves none.
      await this.#repo.addEvent(this.#stepRow({ ...row, status: 'accepted' }, 'accept', actor, receiverId, remark, false, eventId), trx);
    });
    let articleId: string;
    try {
      const article = await articles.create(receiverId, actor, {
        title: row.title,
        summary: row.summary,
        body: `${row.body}\n${attribution(sender.name, row.byline)}`,
        categoryId,
        slug,
      });
      articleId = article.id;
    } catch (error) {
      await this.#transaction(async (trx) => {
        await this.#repo.update('receiver', receiverId, id, ['accepted'], { status: 'submitted', remarks: row.remarks, handled_by: row.handled_by, handled_at: row.handled_at, updated_at: row.updated_at }, trx);
        await this.#repo.removeEvent(eventId, trx);
      });
      throw error;
    }
    await this.#transaction(async (trx) => {
      await this.#repo.update('receiver', receiverId, id, ['accepted'], { article_id: articleId }, trx);
      await this.#audit({ ...row, status: 'accepted', article_id: articleId }, 'accept', actor, receiverId, remark, trx);
    });
    return this.get('receiver', receiverId, id);
  }

  /** The nearest receiver above the sender, or the one it named if that one may receive. */
  async #receiver(senderId: string, named: string | undefined): Promise<string> {
    const ancestors = await this.#units.ancestors(senderId);
    if (named !== undefined) {
      const target = ancestors.find((a) => a.id === named || a.slug === named);
      if (!target) throw receiverError(named, 'it is not above this unit');
      if (!(await this.#units.isEnabled(target.id))) throw receiverError(named, 'its portal is not enabled');
      return target.id;
    }
    for (const ancestor of ancestors) if (await this.#units.isEnabled(ancestor.id)) return ancestor.id;
    throw receiverError('(none)', 'no unit above this one has the portal enabled');
  }

  async #suggestedCategory(receiverId: string, slug: string | null): Promise<string | null> {
    if (slug === null) return null;
    const categories = new CategoryRepository(this.ctx.get(coreServices.database).kysely<ContentDatabase>());
    return (await categories.bySlug(receiverId, slug))?.id ?? null;
  }

  /** A slug from the title that no article of the receiver holds: the inbox is not the place to fight over slugs. */
  async #freeSlug(articles: ArticleService, receiverId: string, title: string): Promise<string> {
    const base = slugify(title, 110) || randomUUID().slice(0, 8);
    for (let n = 1; n < 50; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await articles.repository.bySlug(receiverId, candidate))) return candidate;
    }
    return `${base}-${randomUUID().slice(0, 8)}`;
  }

  async #step(
    side: Side,
    unitId: string,
    id: string,
    actor: Actor,
    action: SubmissionAction,
    from: readonly SubmissionStatus[],
    remark: string | null,
    changes: (row: SubmissionRow, now: number) => Partial<SubmissionRow>,
  ): Promise<SubmissionDetail> {
    await this.#transaction(async (trx) => {
      const row = await this.#locked(side, unitId, id, trx);
      const refuse = () => PORTAL_ERR_SUBMISSION_TRANSITION.create({ action, status: row.status });
      if (!from.includes(row.status)) throw refuse();
      const now = Date.now();
      const next = { ...row, ...changes(row, now), updated_at: now };
      if (!(await this.#repo.update(side, unitId, id, from, { ...changes(row, now), updated_at: now }, trx))) throw refuse();
      await this.#record(next, action, actor, unitId, remark, trx, false);
    });
    return this.get(side, unitId, id);
  }

  async #row(side: Side, unitId: string, id: string): Promise<SubmissionRow> {
    const row = await this.#repo.find(side, unitId, id);
    // A submission of another pair of units answers 404, like one that does not exist.
    if (!row) throw new NotFoundError(`Submission ${id} does not exist`);
    return row;
  }

  /** The row, read inside the transaction (MySQL: locked until commit, so two writers queue). */
  async #locked(side: Side, unitId: string, id: string, trx: Transaction<SubmissionsDatabase>): Promise<SubmissionRow> {
    let query = trx
      .selectFrom('portal_submissions')
      .selectAll()
      .where(side === 'sender' ? 'tenant_id' : 'receiver_id', '=', unitId)
      .where('id', '=', id);
    if (this.ctx.get(coreServices.database).dialect === 'mysql') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError(`Submission ${id} does not exist`);
    return row;
  }

  /** The step's row and audit entry, in the step's transaction; steps that change the text keep a snapshot. */
  async #record(row: SubmissionRow, action: SubmissionAction, actor: Actor, actorUnitId: string, remark: string | null, trx: Transaction<SubmissionsDatabase>, snapshot: boolean): Promise<void> {
    await this.#repo.addEvent(this.#stepRow(row, action, actor, actorUnitId, remark, snapshot), trx);
    await this.#audit(row, action, actor, actorUnitId, remark, trx);
  }

  #stepRow(row: SubmissionRow, action: SubmissionAction, actor: Actor, actorUnitId: string, remark: string | null, snapshot: boolean, id: string = randomUUID()): SubmissionEventRow {
    return {
      id,
      submission_id: row.id,
      tenant_id: row.tenant_id,
      receiver_id: row.receiver_id,
      action,
      actor_id: actor.id,
      actor_unit_id: actorUnitId,
      remark,
      revision_no: Number(row.revision_no),
      snapshot: snapshot ? JSON.stringify(snapshotOf(row)) : null,
      created_at: Date.now(),
    };
  }

  async #audit(row: SubmissionRow, action: SubmissionAction, actor: Actor, actorUnitId: string, remark: string | null, trx: Transaction<SubmissionsDatabase>): Promise<void> {
    await this.ctx.get(coreServices.audit).record(
      {
        action: `portal.submission.${action}`,
        objectType: 'submission',
        objectId: row.id,
        tenantId: actorUnitId,
        after: {
          status: row.status,
          sender: row.tenant_id,
          receiver: row.receiver_id,
          title: row.title,
          revision: Number(row.revision_no),
          ...(row.article_id ? { articleId: row.article_id } : {}),
          ...(remark ? { remark } : {}),
        },
      },
      { ...(actor.request ? { request: actor.request } : {}), trx },
    );
  }

  async #toSubmission(row: SubmissionRow): Promise<Submission> {
    return {
      id: row.id,
      sender: await this.#units.ref(row.tenant_id),
      receiver: await this.#units.ref(row.receiver_id),
      title: row.title,
      summary: row.summary,
      body: row.body,
      categorySlug: row.category_slug,
      byline: row.byline,
      contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
      attachments: JSON.parse(row.attachments) as Attachment[],
      requestId: row.request_id,
      status: row.status,
      remarks: row.remarks,
      articleId: row.article_id,
      revision: Number(row.revision_no),
      createdBy: row.created_by,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      submittedAt: iso(row.submitted_at),
      handledBy: row.handled_by,
      handledAt: row.handled_at === null ? null : iso(row.handled_at),
    };
  }

  #transaction<T>(work: (trx: Transaction<SubmissionsDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<SubmissionsDatabase, T>(work);
  }
}

type ContentColumns = Pick<SubmissionRow, 'title' | 'summary' | 'body' | 'category_slug' | 'byline' | 'contact_name' | 'contact_phone' | 'contact_email' | 'attachments'>;

/** The content columns from what the sender wrote, over `current` when editing. Rich text is sanitised. */
function content(input: SubmissionContentInput, current?: SubmissionRow): ContentColumns {
  const body = input.body !== undefined ? sanitizeRichText(input.body) : current!.body;
  // An editor's empty paragraph, or markup the sanitiser removed, is no content.
  if (plainText(body) === '' && !/<img\b/.test(body)) {
    throw new InputError('The body is empty', { errors: [{ in: 'body', pointer: '/body', message: 'must not be blank', keyword: 'minLength' }] });
  }
  const title = input.title !== undefined ? oneLine(input.title) : current!.title;
  if (title === '') throw new InputError('The title is blank', { errors: [{ in: 'body', pointer: '/title', message: 'must not be blank', keyword: 'minLength' }] });
  const contactName = input.contact !== undefined ? text(input.contact.name) : current!.contact_name;
  if (contactName === '') throw new InputError('The contact name is blank', { errors: [{ in: 'body', pointer: '/contact/name', message: 'must not be blank', keyword: 'minLength' }] });
  return {
    title,
    summary: input.summary !== undefined ? text(input.summary) : (current?.summary ?? ''),
    body,
    category_slug: input.categorySlug !== undefined ? input.categorySlug : (current?.category_slug ?? null),
    byline: input.byline !== undefined ? optional(input.byline) : (current?.byline ?? null),
    contact_name: contactName,
    contact_phone: input.contact !== undefined ? optional(input.contact.phone) : current!.contact_phone,
    contact_email: input.contact !== undefined ? optional(input.contact.email) : current!.contact_email,
    attachments: input.attachments !== undefined ? JSON.stringify(input.attachments.map((a) => ({ url: a.url, title: text(a.title) }))) : (current?.attachments ?? '[]'),
  };
}

function snapshotOf(row: SubmissionRow): Record<string, unknown> {
  return {
    title: row.title,
    summary: row.summary,
    body: row.body,
    categorySlug: row.category_slug,
    byline: row.byline,
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
    attachments: JSON.parse(row.attachments) as unknown,
  };
}

function receiverError(receiver: string, reason: string) {
  return PORTAL_ERR_SUBMISSION_RECEIVER.create({ receiver, reason }, { errors: [{ in: 'body', pointer: '/receiverId', message: reason, keyword: 'exists' }] });
}
