import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { coreServices, fold, InputError, NotAllowedError, NotFoundError, normalizeText, slugify, type PluginContext, type RouteRequest } from '@cong/sdk';
import { sanitizeRichText } from '../html/sanitize-html.js';
import {
  PORTAL_ERR_APPROVAL_REQUIRED,
  PORTAL_ERR_NOT_EDITABLE,
  PORTAL_ERR_SELF_APPROVAL,
  PORTAL_ERR_SLUG_TAKEN,
  PORTAL_ERR_STALE_REVISION,
  PORTAL_ERR_TRANSITION,
} from '../errors.js';
import { ArticleRepository, type Article, type ArticleRow } from './article.repository.js';
import { CategoryRepository } from './category.repository.js';
import { articlePublished, articleUnpublished, type ArticleEventPayload } from './content-events.js';
import { TRANSLATABLE_FIELDS, type ArticleStatus, type ContentDatabase, type TranslatableField } from './content-database.js';
import { contentSettings } from './content-settings.js';
import { diffRevisionSnapshots, revisionSummary, translationsToRestore, writeTranslatedFields, type FieldDiff } from './revision-diff.js';

export const WRITE = 'portal.content.write';
export const APPROVE = 'portal.content.approve';

/** Translations as written: per language, per field; an empty string removes the translation. */
export type TranslationsInput = Readonly<Record<string, Partial<Record<TranslatableField, string>>>>;

export interface ArticleInput {
  readonly slug?: string;
  readonly categoryId?: string | null;
  readonly title?: string;
  readonly summary?: string;
  readonly body?: string;
  readonly translations?: TranslationsInput;
}

export type TransitionAction = 'submit' | 'approve' | 'reject' | 'archive' | 'reopen' | 'schedule';

export interface TransitionInput {
  readonly remarks?: string;
  /** ISO times; null clears. Only `schedule` and `approve` take them. */
  readonly publishAt?: string | null;
  readonly unpublishAt?: string | null;
}

/** Who acts: a person through a route, or the clock. */
export interface Actor {
  readonly id: string;
  readonly can: (permission: string) => boolean;
  readonly request?: RouteRequest;
}

/** The actor of a route call. */
export function actorOf(req: RouteRequest): Actor {
  return { id: req.principal!.id, can: (p) => req.can(p), request: req };
}

/** What a revision's snapshot holds: the editable state of the article at that moment. */
interface Snapshot {
  readonly slug: string;
  readonly categoryId: string | null;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly status: ArticleStatus;
  readonly publishAt: number | null;
  readonly unpublishAt: number | null;
  readonly remarks: string | null;
  /** `en.title` → text. */
  readonly translations: Readonly<Record<string, string>>;
}

/** The revision list's entry (no snapshot: ask for a diff). */
export interface RevisionSummary {
  readonly revision: number;
  readonly action: string;
  readonly authorId: string;
  readonly createdAt: string;
  readonly status: ArticleStatus;
}

/**
 * The editorial workflow of a unit's articles (POR-40, first version items 1, 3, 4, 6):
 *
 *   draft ──submit──▶ in_review ──approve──▶ scheduled ──clock──▶ published ──archive / clock──▶ archived
 *     ▲                  │  (publish time in the future)              ▲   │                         │
 *     └──────reject──────┘──────────────approve (now)────────────────┘   └─────reopen─────▶ draft ◀─┘
 *
 * - Approving needs `portal.content.approve`; when the unit says so (the default) the approver is not
 *   the author nor the one who submitted, and a draft cannot be approved without review.
 * - The clock publishes only `scheduled` articles, i.e. approved ones: an article still in review is
 *   never published by time, whatever its publish time says.
 * - Editing an article in review or scheduled sends it back to draft (the approval was for other text);
 *   a published or archived article is not edited in place: reopen it as a draft first.
 * - Every change runs in one transaction with a revision (full snapshot) and an audit entry; events
 *   go out after the commit.
 */
export class ArticleService {
  readonly #repo: ArticleRepository;
  readonly #categories: CategoryRepository;

  constructor(private readonly ctx: PluginContext) {
    const db = ctx.get(coreServices.database).kysely<ContentDatabase>();
    this.#repo = new ArticleRepository(db);
    this.#categories = new CategoryRepository(db);
  }

  get repository(): ArticleRepository {
    return this.#repo;
  }

  async get(tenantId: string, id: string): Promise<Article> {
    const article = await this.#repo.find(tenantId, id);
    // Another unit's article is 404, like one that does not exist.
    if (!article) throw new NotFoundError(`Article ${id} does not exist`);
    return article;
  }

  async create(tenantId: string, actor: Actor, input: ArticleInput & { title: string }): Promise<Article> {
    const now = Date.now();
    const title = normalizeText(input.title).trim();
    const slug = input.slug ?? slugFrom(title);
    await this.#checkCategory(tenantId, input.categoryId ?? null);
    const row: ArticleRow = {
      id: randomUUID(),
      tenant_id: tenantId,
      category_id: input.categoryId ?? null,
      slug,
      title,
      title_folded: fold(title),
      summary: normalizeText(input.summary ?? '').trim(),
      body: sanitizeRichText(input.body ?? ''),
      status: 'draft',
      author_id: actor.id,
      submitted_by: null,
      approver_id: null,
      remarks: null,
      publish_at: null,
      unpublish_at: null,
      published_at: null,
      revision_no: 1,
      created_at: now,
      updated_at: now,
    };
    await this.#transaction(async (trx) => {
      if (await this.#repo.bySlug(tenantId, slug, trx)) throw slugTaken(slug);
      await this.#repo.releaseFormerSlug(tenantId, slug, trx);
      await this.#repo.insert(row, trx).catch((error: unknown) => rethrowDuplicate(error, slug));
      await this.#writeTranslations(row, input.translations, now, trx);
      await this.#record(row, 'create', actor, trx, undefined);
    });
    return this.get(tenantId, row.id);
  }

  async update(tenantId: string, id: string, actor: Actor, input: ArticleInput & { revision?: number }, action = 'update'): Promise<Article> {
    const now = Date.now();
    await this.#transaction(async (trx) => {
      const row = await this.#lockedRow(tenantId, id, trx);
      if (input.revision !== undefined && input.revision !== Number(row.revision_no)) {
        throw PORTAL_ERR_STALE_REVISION.create({ expected: input.revision, actual: Number(row.revision_no) });
      }
      if (row.status === 'published' || row.status === 'archived') throw PORTAL_ERR_NOT_EDITABLE.create({ status: row.status });
      const before = await this.#snapshot(row, trx);
      const changes: Partial<ArticleRow> = { updated_at: now, revision_no: Number(row.revision_no) + 1 };
      if (input.title !== undefined) {
        changes.title = normalizeText(input.title).trim();
        changes.title_folded = fold(changes.title);
      }
      if (input.summary !== undefined) changes.summary = normalizeText(input.summary).trim();
      if (input.body !== undefined) changes.body = sanitizeRichText(input.body);
      if (input.categoryId !== undefined) {
        await this.#checkCategory(tenantId, input.categoryId, trx);
        changes.category_id = input.categoryId;
      }
      if (input.slug !== undefined && input.slug !== row.slug) {
        const holder = await this.#repo.bySlug(tenantId, input.slug, trx);
        if (holder) throw slugTaken(input.slug);
        changes.slug = input.slug;
        await this.#repo.moveSlug(tenantId, id, row.slug, input.slug, now, trx);
      }
      // The approval was given to other text: an edited article goes back to draft.
      if (row.status === 'in_review' || row.status === 'scheduled') Object.assign(changes, { status: 'draft', approver_id: null, submitted_by: null });
      await this.#repo.update(tenantId, id, changes, trx).catch((error: unknown) => rethrowDuplicate(error, input.slug ?? row.slug));
      const after = { ...row, ...changes };
      await this.#writeTranslations(after, input.translations, now, trx);
      await this.#record(after, action, actor, trx, before);
    });
    return this.get(tenantId, id);
  }

  /** One workflow step. The events of a publication or withdrawal go out after the commit. */
  async transition(tenantId: string, id: string, actor: Actor, action: TransitionAction, input: TransitionInput = {}): Promise<Article> {
    const now = Date.now();
    const settings = await contentSettings(this.ctx, tenantId);
    let emit: 'published' | 'unpublished' | undefined;
    let after!: ArticleRow;
    await this.#transaction(async (trx) => {
      const row = await this.#lockedRow(tenantId, id, trx);
      const before = await this.#snapshot(row, trx);
      const refuse = () => PORTAL_ERR_TRANSITION.create({ action, status: row.status });
      const changes: Partial<ArticleRow> = {};
      const dates = this.#dates(row, input);
      switch (action) {
        case 'submit':
          if (row.status !== 'draft') throw refuse();
          Object.assign(changes, { status: 'in_review', submitted_by: actor.id, remarks: null, ...dates });
          break;
        case 'approve': {
          if (!actor.can(APPROVE)) throw new NotAllowedError(APPROVE);
          if (row.status === 'draft') {
            if (settings.approvalRequired) throw PORTAL_ERR_APPROVAL_REQUIRED.create();
          } else if (row.status !== 'in_review') throw refuse();
          if (settings.approvalRequired && settings.approverMustDiffer && (actor.id === row.author_id || actor.id === row.submitted_by)) {
            throw PORTAL_ERR_SELF_APPROVAL.create();
          }
          const publishAt = dates.publish_at ?? row.publish_at;
          if (publishAt !== null && publishAt > now) Object.assign(changes, { status: 'scheduled', approver_id: actor.id, ...dates });
          else {
            Object.assign(changes, { status: 'published', approver_id: actor.id, published_at: now, ...dates });
            emit = 'published';
          }
          if (input.remarks !== undefined) changes.remarks = input.remarks;
          break;
        }
        case 'reject':
          if (!actor.can(APPROVE)) throw new NotAllowedError(APPROVE);
          if (row.status !== 'in_review' && row.status !== 'scheduled') throw refuse();
          Object.assign(changes, { status: 'draft', remarks: input.remarks ?? null, approver_id: null, submitted_by: null });
          break;
        case 'archive':
          if (!actor.can(APPROVE)) throw new NotAllowedError(APPROVE);
          if (row.status === 'archived') throw refuse();
          if (row.status === 'published') emit = 'unpublished';
          Object.assign(changes, { status: 'archived', ...(input.remarks !== undefined ? { remarks: input.remarks } : {}) });
          break;
        case 'reopen':
          if (row.status !== 'archived' && row.status !== 'published') throw refuse();
          if (row.status === 'published') {
            if (!actor.can(APPROVE)) throw new NotAllowedError(APPROVE);
            emit = 'unpublished';
          }
          Object.assign(changes, { status: 'draft', approver_id: null, submitted_by: null });
          break;
        case 'schedule':
          // Moving the dates of an approved or published article is the approver's decision.
          if ((row.status === 'scheduled' || row.status === 'published') && !actor.can(APPROVE)) throw new NotAllowedError(APPROVE);
          if (row.status === 'archived') throw refuse();
          Object.assign(changes, dates);
          // An approved article whose publish time was moved to now or earlier waits for the clock's next tick.
          break;
      }
      changes.updated_at = now;
      changes.revision_no = Number(row.revision_no) + 1;
      // Compare-and-set on the status: two approvers (or an approver and the clock) cannot both win.
      if (!(await this.#repo.update(tenantId, id, changes, trx, row.status))) throw refuse();
      after = { ...row, ...changes };
      await this.#record(after, action, actor, trx, before);
    });
    await this.#emit(after, emit, now);
    return this.get(tenantId, id);
  }

  /**
   * The clock (run every minute by the `publish-schedule` job): publishes approved articles whose
   * publish time came, withdraws published ones whose unpublish time came, each in its own transaction.
   * Articles in review are never touched. Returns what it did.
   */
  async runClock(now = Date.now(), tenantId?: string): Promise<{ published: string[]; unpublished: string[] }> {
    const due = await this.#repo.dueForClock(now, tenantId);
    const clock: Actor = { id: 'system', can: () => true };
    const done = { published: [] as string[], unpublished: [] as string[] };
    for (const [rows, from, to, kind] of [
      [due.publish, 'scheduled', 'published', 'published'],
      [due.unpublish, 'published', 'archived', 'unpublished'],
    ] as const) {
      for (const row of rows) {
        let after: ArticleRow | undefined;
        await this.#transaction(async (trx) => {
          const before = await this.#snapshot(row, trx);
          const changes: Partial<ArticleRow> = { status: to, updated_at: now, revision_no: Number(row.revision_no) + 1 };
          if (to === 'published') changes.published_at = now;
          // Compare-and-set: an approver who rejected or withdrew it meanwhile wins.
          if (!(await this.#repo.update(row.tenant_id, row.id, changes, trx, from))) return;
          after = { ...row, ...changes };
          await this.#record(after, kind === 'published' ? 'scheduled-publish' : 'scheduled-unpublish', clock, trx, before);
        });
        if (after) {
          await this.#emit(after, kind, now);
          done[kind].push(row.id);
        }
      }
    }
    return done;
  }

  async revisions(tenantId: string, id: string): Promise<RevisionSummary[]> {
    await this.get(tenantId, id);
    return (await this.#repo.revisions(tenantId, id)).map((r) => revisionSummary<ArticleStatus>(r));
  }

  async diff(tenantId: string, id: string, from: number, to: number): Promise<{ from: number; to: number; changes: FieldDiff[] }> {
    const [a, b] = await Promise.all([this.#snapshotOf(tenantId, id, from, '/from'), this.#snapshotOf(tenantId, id, to, '/to')]);
    return { from, to, changes: diffRevisionSnapshots(a, b) };
  }

  /** Restores a revision's content (not its status or dates) as a new revision. */
  async restore(tenantId: string, id: string, actor: Actor, revision: number): Promise<Article> {
    const snapshot = await this.#snapshotOf(tenantId, id, revision, '/revision');
    const current = await this.get(tenantId, id);
    const translations = translationsToRestore<TranslatableField>(current.translations, snapshot.translations);
    const categoryId = snapshot.categoryId !== null && !(await this.#categories.find(tenantId, snapshot.categoryId)) ? null : snapshot.categoryId;
    return this.update(
      tenantId,
      id,
      actor,
      { slug: snapshot.slug, categoryId, title: snapshot.title, summary: snapshot.summary, body: snapshot.body, translations },
      `restore:${revision}`,
    );
  }

  /**
   * What the public site does with a slug: the article; a 301 to its current slug when the slug is a
   * former one; a 410 (with its category, for a link) when the article was withdrawn.
   */
  async resolve(tenantId: string, slug: string): Promise<{ kind: 'current' | 'moved' | 'gone'; id: string; slug: string; categoryId: string | null; status: ArticleStatus }> {
    const current = await this.#repo.bySlug(tenantId, slug);
    const row = current ?? (await this.#repo.formerSlug(tenantId, slug).then((id) => (id ? this.#repo.row(tenantId, id) : undefined)));
    if (!row) throw new NotFoundError(`No article has slug ${slug}`);
    const kind = row.status === 'archived' ? 'gone' : current ? 'current' : 'moved';
    return { kind, id: row.id, slug: row.slug, categoryId: row.category_id, status: row.status };
  }

  async #snapshotOf(tenantId: string, id: string, no: number, pointer: string): Promise<Snapshot> {
    await this.get(tenantId, id);
    const revision = await this.#repo.revision(tenantId, id, no);
    if (!revision) throw new InputError(`Article ${id} has no revision ${no}`, { errors: [{ in: 'body', pointer, message: 'no such revision', keyword: 'exists' }] });
    return JSON.parse(revision.snapshot) as Snapshot;
  }

  /** The row, read inside the transaction (MySQL: locked until commit, so two writers queue). */
  async #lockedRow(tenantId: string, id: string, trx: Transaction<ContentDatabase>): Promise<ArticleRow> {
    let query = trx.selectFrom('portal_articles').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
    if (this.ctx.get(coreServices.database).dialect === 'mysql') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError(`Article ${id} does not exist`);
    return row;
  }

  #dates(row: ArticleRow, input: TransitionInput): Partial<Pick<ArticleRow, 'publish_at' | 'unpublish_at'>> {
    const out: Partial<Pick<ArticleRow, 'publish_at' | 'unpublish_at'>> = {};
    if (input.publishAt !== undefined) out.publish_at = input.publishAt === null ? null : Date.parse(input.publishAt);
    if (input.unpublishAt !== undefined) out.unpublish_at = input.unpublishAt === null ? null : Date.parse(input.unpublishAt);
    const publishAt = out.publish_at !== undefined ? out.publish_at : row.publish_at;
    const unpublishAt = out.unpublish_at !== undefined ? out.unpublish_at : row.unpublish_at;
    if (publishAt !== null && unpublishAt !== null && unpublishAt <= publishAt) {
      throw new InputError('The unpublish time must come after the publish time', { errors: [{ in: 'body', pointer: '/unpublishAt', message: 'must be after publishAt', keyword: 'formatMinimum' }] });
    }
    return out;
  }

  async #checkCategory(tenantId: string, categoryId: string | null, trx?: Transaction<ContentDatabase>): Promise<void> {
    if (categoryId === null) return;
    if (!(await this.#categories.find(tenantId, categoryId, trx))) {
      throw new InputError(`Category ${categoryId} does not exist`, { errors: [{ in: 'body', pointer: '/categoryId', message: 'no such category in this unit', keyword: 'exists' }] });
    }
  }

  async #writeTranslations(row: ArticleRow, translations: TranslationsInput | undefined, now: number, trx: Transaction<ContentDatabase>): Promise<void> {
    await writeTranslatedFields(TRANSLATABLE_FIELDS, translations, (lang, field, clean) => this.#repo.setTranslation(row.tenant_id, row.id, lang, field, clean, row[field], now, trx));
  }

  async #snapshot(row: ArticleRow, trx: Transaction<ContentDatabase>): Promise<Snapshot> {
    const translations: Record<string, string> = {};
    for (const t of await this.#repo.translations(row.tenant_id, row.id, trx)) translations[`${t.lang}.${t.field}`] = t.value;
    return {
      slug: row.slug,
      categoryId: row.category_id,
      title: row.title,
      summary: row.summary,
      body: row.body,
      status: row.status,
      publishAt: row.publish_at === null ? null : Number(row.publish_at),
      unpublishAt: row.unpublish_at === null ? null : Number(row.unpublish_at),
      remarks: row.remarks,
      translations,
    };
  }

  /** The revision (snapshot after the change) and the audit entry, in the change's transaction. */
  async #record(after: ArticleRow, action: string, actor: Actor, trx: Transaction<ContentDatabase>, before: Snapshot | undefined): Promise<void> {
    const snapshot = await this.#snapshot(after, trx);
    await this.#repo.addRevision(
      {
        id: randomUUID(),
        tenant_id: after.tenant_id,
        article_id: after.id,
        revision_no: Number(after.revision_no),
        action,
        author_id: actor.id,
        snapshot: JSON.stringify(snapshot),
        created_at: Number(after.updated_at),
      },
      trx,
    );
    const verb = action.startsWith('restore:') ? 'restore' : action;
    await this.ctx.get(coreServices.audit).record(
      {
        action: `portal.article.${verb}`,
        objectType: 'article',
        objectId: after.id,
        tenantId: after.tenant_id,
        before: before && { status: before.status, slug: before.slug, title: before.title },
        after: { status: after.status, slug: after.slug, title: after.title, revision: Number(after.revision_no), ...(action !== verb ? { restoredFrom: Number(action.slice(8)) } : {}) },
      },
      { ...(actor.request ? { request: actor.request } : {}), trx },
    );
  }

  async #emit(row: ArticleRow, kind: 'published' | 'unpublished' | undefined, now: number): Promise<void> {
    if (!kind) return;
    const payload: ArticleEventPayload = { tenantId: row.tenant_id, id: row.id, slug: row.slug, title: row.title, categoryId: row.category_id, at: new Date(now).toISOString() };
    await this.ctx.get(coreServices.events).emit(kind === 'published' ? articlePublished : articleUnpublished, payload, { tenantId: row.tenant_id });
  }

  #transaction<T>(work: (trx: Transaction<ContentDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<ContentDatabase, T>(work);
  }
}

/** A snapshot as flat fields for the diff: translations become `translations.en.title`. */
function slugFrom(title: string): string {
  return slugify(title, 120) || randomUUID().slice(0, 8);
}

function slugTaken(slug: string) {
  return PORTAL_ERR_SLUG_TAKEN.create({ kind: 'an article', slug }, { errors: [{ in: 'body', pointer: '/slug', message: 'is already used in this unit', keyword: 'unique' }] });
}

/** A unique-index race (two creates with one slug) is the same 409 as the checked case. */
function rethrowDuplicate(error: unknown, slug: string): never {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e.message ?? '')) throw slugTaken(slug);
  throw error;
}

