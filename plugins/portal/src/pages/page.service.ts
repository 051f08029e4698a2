import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { coreServices, fold, InputError, NotAllowedError, NotFoundError, normalizeText, slugify, type PluginContext } from '@cong/sdk';
import type { Actor } from '../content/article.service.js';
import { contentSettings } from '../content/content-settings.js';
import { diffRevisionSnapshots, revisionSummary, translationsToRestore, writeTranslatedFields, type FieldDiff } from '../content/revision-diff.js';
import {
  PORTAL_ERR_PAGE_APPROVAL_REQUIRED,
  PORTAL_ERR_PAGE_NOT_EDITABLE,
  PORTAL_ERR_PAGE_STALE_REVISION,
  PORTAL_ERR_PAGE_TRANSITION,
  PORTAL_ERR_SELF_APPROVAL,
  PORTAL_ERR_SLUG_TAKEN,
} from '../errors.js';
import { sanitizeRichText } from '../html/sanitize-html.js';
import { siteChanged } from '../site/site-events.js';
import { PageRepository, type Page, type PageSummary } from './page.repository.js';
import { syncPage } from './page-search.js';
import { PAGE_TRANSLATABLE_FIELDS, type PageRow, type PagesDatabase, type PageStatus, type PageTranslatableField } from './pages-database.js';

export const PAGES_WRITE = 'portal.pages.write';
/** Publishing a page is an approval, as for articles. */
export const PAGES_APPROVE = 'portal.content.approve';

/** How deep the tree may go: breadcrumbs stay readable. */
export const MAX_DEPTH = 8;

export type PageTranslationsInput = Readonly<Record<string, Partial<Record<PageTranslatableField, string>>>>;

export interface PageInput {
  readonly slug?: string;
  readonly parentId?: string | null;
  readonly order?: number;
  readonly title?: string;
  readonly summary?: string;
  readonly body?: string;
  readonly translations?: PageTranslationsInput;
}

export type PageAction = 'submit' | 'approve' | 'reject' | 'archive' | 'reopen';

/** The editable state of a page at a revision. */
interface Snapshot {
  readonly slug: string;
  readonly parentId: string | null;
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly status: PageStatus;
  readonly remarks: string | null;
  /** `en.title` → text. */
  readonly translations: Readonly<Record<string, string>>;
}

export interface PageRevisionSummary {
  readonly revision: number;
  readonly action: string;
  readonly authorId: string;
  readonly createdAt: string;
  readonly status: PageStatus;
}

/** What the public site does with a slug. */
export type PageResolution = { kind: 'current' | 'moved' | 'gone'; id: string; slug: string; status: PageStatus };

/**
 * The unit's pages (trang tĩnh) in a tree, with the articles' editorial workflow (POR-40):
 *
 *   draft ──submit──▶ in_review ──approve──▶ published ──archive──▶ archived
 *     ▲                  │                      │                     │
 *     └──────reject──────┘◀──────reopen─────────┘◀───────reopen───────┘
 *
 * - Approving, rejecting and archiving need `portal.content.approve`; the unit's `approvalRequired` and
 *   `approverMustDiffer` settings apply as for articles.
 * - Content edits happen in draft or review (an edit in review goes back to draft); moving a page in
 *   the tree is allowed in every state, and published pages show the move at once.
 * - Every change is one transaction with a revision and an audit entry; after the commit the page's
 *   search entries are synchronised and the unit's cached pages dropped (`siteChanged`).
 */
export class PageService {
  readonly #repo: PageRepository;

  constructor(private readonly ctx: PluginContext) {
    this.#repo = new PageRepository(ctx.get(coreServices.database).kysely<PagesDatabase>());
  }

  get repository(): PageRepository {
    return this.#repo;
  }

  async get(tenantId: string, id: string): Promise<Page> {
    const page = await this.#repo.find(tenantId, id);
    // Another unit's page is 404, like one that does not exist.
    if (!page) throw new NotFoundError(`Page ${id} does not exist`);
    return page;
  }

  tree(tenantId: string, options: { status?: PageStatus; text?: string } = {}): Promise<PageSummary[]> {
    return this.#repo.tree(tenantId, { ...options, ...(options.text !== undefined ? { text: fold(options.text) } : {}) });
  }

  async create(tenantId: string, actor: Actor, input: PageInput & { title: string }): Promise<Page> {
    const id = await this.#transaction((trx) => this.createWithin(trx, tenantId, actor, input));
    return this.get(tenantId, id);
  }

  /**
   * Creates a page in the caller's transaction, with its first revision and audit entry; returns its id.
   * `publish` puts it straight on the public site (a site template's pages, which an approver set up):
   * the caller then syncs its search entries ({@link syncPage}) and tells the site, after the commit.
   */
  async createWithin(trx: Transaction<PagesDatabase>, tenantId: string, actor: Actor, input: PageInput & { title: string }, options: { readonly publish?: boolean } = {}): Promise<string> {
    const now = Date.now();
    const title = normalizeText(input.title).trim();
    const slug = input.slug ?? (slugify(title, 120) || randomUUID().slice(0, 8));
    const row: PageRow = {
      id: randomUUID(),
      tenant_id: tenantId,
      parent_id: input.parentId ?? null,
      sort_order: input.order ?? 0,
      slug,
      title,
      title_folded: fold(title),
      summary: normalizeText(input.summary ?? '').trim(),
      body: sanitizeRichText(input.body ?? ''),
      status: options.publish ? 'published' : 'draft',
      author_id: actor.id,
      submitted_by: null,
      approver_id: options.publish ? actor.id : null,
      remarks: null,
      published_at: options.publish ? now : null,
      revision_no: 1,
      created_at: now,
      updated_at: now,
    };
    if (row.parent_id !== null) await this.#checkParent(tenantId, row.id, row.parent_id, trx);
    if (await this.#repo.bySlug(tenantId, slug, trx)) throw slugTaken(slug);
    await this.#repo.releaseFormerSlug(tenantId, slug, trx);
    await this.#repo.insert(row, trx).catch((error: unknown) => rethrowDuplicate(error, slug));
    await this.#writeTranslations(row, input.translations, now, trx);
    await this.#record(row, 'create', actor, trx, undefined);
    return row.id;
  }

  async update(tenantId: string, id: string, actor: Actor, input: PageInput & { revision?: number }, action = 'update'): Promise<Page> {
    const now = Date.now();
    let after!: PageRow;
    let moved = false;
    await this.#transaction(async (trx) => {
      const row = await this.#lockedRow(tenantId, id, trx);
      if (input.revision !== undefined && input.revision !== Number(row.revision_no)) {
        throw PORTAL_ERR_PAGE_STALE_REVISION.create({ expected: input.revision, actual: Number(row.revision_no) });
      }
      const contentEdit = input.title !== undefined || input.summary !== undefined || input.body !== undefined || input.slug !== undefined || input.translations !== undefined;
      if (contentEdit && (row.status === 'published' || row.status === 'archived')) throw PORTAL_ERR_PAGE_NOT_EDITABLE.create({ status: row.status });
      const before = await this.#snapshot(row, trx);
      const changes: Partial<PageRow> = { updated_at: now, revision_no: Number(row.revision_no) + 1 };
      if (input.title !== undefined) {
        changes.title = normalizeText(input.title).trim();
        changes.title_folded = fold(changes.title);
      }
      if (input.summary !== undefined) changes.summary = normalizeText(input.summary).trim();
      if (input.body !== undefined) changes.body = sanitizeRichText(input.body);
      if (input.parentId !== undefined && input.parentId !== row.parent_id) {
        if (input.parentId !== null) await this.#checkParent(tenantId, id, input.parentId, trx);
        changes.parent_id = input.parentId;
        moved = true;
      }
      if (input.order !== undefined && input.order !== Number(row.sort_order)) {
        changes.sort_order = input.order;
        moved = true;
      }
      if (input.slug !== undefined && input.slug !== row.slug) {
        if (await this.#repo.bySlug(tenantId, input.slug, trx)) throw slugTaken(input.slug);
        changes.slug = input.slug;
        await this.#repo.moveSlug(tenantId, id, row.slug, input.slug, now, trx);
      }
      // The approval was given to other text: an edited page in review goes back to draft.
      if (contentEdit && row.status === 'in_review') Object.assign(changes, { status: 'draft', approver_id: null, submitted_by: null });
      await this.#repo.update(tenantId, id, changes, trx).catch((error: unknown) => rethrowDuplicate(error, input.slug ?? row.slug));
      after = { ...row, ...changes };
      await this.#writeTranslations(after, input.translations, now, trx);
      await this.#record(after, moved && !contentEdit ? 'move' : action, actor, trx, before);
    });
    // A move of a published page changes breadcrumbs, child lists and the sitemap page.
    if (moved && after.status === 'published') await this.#siteChanged(tenantId);
    return this.get(tenantId, id);
  }

  /** One workflow step; the search index and the site caches follow after the commit. */
  async transition(tenantId: string, id: string, actor: Actor, action: PageAction, remarks?: string): Promise<Page> {
    const now = Date.now();
    const settings = await contentSettings(this.ctx, tenantId);
    let publicChange = false;
    await this.#transaction(async (trx) => {
      const row = await this.#lockedRow(tenantId, id, trx);
      const before = await this.#snapshot(row, trx);
      const refuse = () => PORTAL_ERR_PAGE_TRANSITION.create({ action, status: row.status });
      const changes: Partial<PageRow> = {};
      switch (action) {
        case 'submit':
          if (!actor.can(PAGES_WRITE)) throw new NotAllowedError(PAGES_WRITE);
          if (row.status !== 'draft') throw refuse();
          Object.assign(changes, { status: 'in_review', submitted_by: actor.id, remarks: null });
          break;
        case 'approve':
          if (!actor.can(PAGES_APPROVE)) throw new NotAllowedError(PAGES_APPROVE);
          if (row.status === 'draft') {
            if (settings.approvalRequired) throw PORTAL_ERR_PAGE_APPROVAL_REQUIRED.create();
          } else if (row.status !== 'in_review') throw refuse();
          if (settings.approvalRequired && settings.approverMustDiffer && (actor.id === row.author_id || actor.id === row.submitted_by)) throw PORTAL_ERR_SELF_APPROVAL.create();
          Object.assign(changes, { status: 'published', approver_id: actor.id, published_at: now, ...(remarks !== undefined ? { remarks } : {}) });
          publicChange = true;
          break;
        case 'reject':
          if (!actor.can(PAGES_APPROVE)) throw new NotAllowedError(PAGES_APPROVE);
          if (row.status !== 'in_review') throw refuse();
          Object.assign(changes, { status: 'draft', remarks: remarks ?? null, approver_id: null, submitted_by: null });
          break;
        case 'archive':
          if (!actor.can(PAGES_APPROVE)) throw new NotAllowedError(PAGES_APPROVE);
          if (row.status === 'archived') throw refuse();
          publicChange = row.status === 'published';
          Object.assign(changes, { status: 'archived', ...(remarks !== undefined ? { remarks } : {}) });
          break;
        case 'reopen':
          if (row.status !== 'archived' && row.status !== 'published') throw refuse();
          // Taking a page off the public site is the approver's decision; reopening an archived one is not.
          if (!actor.can(row.status === 'published' ? PAGES_APPROVE : PAGES_WRITE)) throw new NotAllowedError(row.status === 'published' ? PAGES_APPROVE : PAGES_WRITE);
          publicChange = row.status === 'published';
          Object.assign(changes, { status: 'draft', approver_id: null, submitted_by: null });
          break;
      }
      changes.updated_at = now;
      changes.revision_no = Number(row.revision_no) + 1;
      // Compare-and-set on the status: two approvers cannot both win.
      if (!(await this.#repo.update(tenantId, id, changes, trx, row.status))) throw refuse();
      await this.#record({ ...row, ...changes }, action, actor, trx, before);
    });
    if (publicChange) {
      await syncPage(this.ctx, tenantId, id);
      await this.#siteChanged(tenantId);
    }
    return this.get(tenantId, id);
  }

  async revisions(tenantId: string, id: string): Promise<PageRevisionSummary[]> {
    await this.get(tenantId, id);
    return (await this.#repo.revisions(tenantId, id)).map((r) => revisionSummary<PageStatus>(r));
  }

  async diff(tenantId: string, id: string, from: number, to: number): Promise<{ from: number; to: number; changes: FieldDiff[] }> {
    const [a, b] = await Promise.all([this.#snapshotOf(tenantId, id, from, '/from'), this.#snapshotOf(tenantId, id, to, '/to')]);
    return { from, to, changes: diffRevisionSnapshots(a, b) };
  }

  /** Restores a revision's content (not its status, nor its place in the tree) as a new revision. */
  async restore(tenantId: string, id: string, actor: Actor, revision: number): Promise<Page> {
    const snapshot = await this.#snapshotOf(tenantId, id, revision, '/revision');
    const current = await this.get(tenantId, id);
    const translations = translationsToRestore<PageTranslatableField>(current.translations, snapshot.translations);
    return this.update(tenantId, id, actor, { slug: snapshot.slug, title: snapshot.title, summary: snapshot.summary, body: snapshot.body, translations }, `restore:${revision}`);
  }

  /** The page at a slug: current, moved (a former slug: 301) or gone (archived: 410). */
  async resolve(tenantId: string, slug: string): Promise<PageResolution> {
    const current = await this.#repo.bySlug(tenantId, slug);
    const row = current ?? (await this.#repo.formerSlug(tenantId, slug).then((id) => (id ? this.#repo.row(tenantId, id) : undefined)));
    if (!row) throw new NotFoundError(`No page has slug ${slug}`);
    const kind = row.status === 'archived' ? 'gone' : current ? 'current' : 'moved';
    return { kind, id: row.id, slug: row.slug, status: row.status };
  }

  /** The parent is a page of the unit, not the page itself nor below it, and the tree stays shallow. */
  async #checkParent(tenantId: string, self: string, parentId: string, trx: Transaction<PagesDatabase>): Promise<void> {
    const bad = (message: string) => new InputError(`Parent page: ${message}`, { errors: [{ in: 'body', pointer: '/parentId', message, keyword: 'exists' }] });
    let cursor: string | null = parentId;
    for (let depth = 1; cursor !== null; depth++) {
      if (cursor === self) throw bad('would make a cycle');
      if (depth >= MAX_DEPTH) throw bad(`the tree is at most ${MAX_DEPTH} levels deep`);
      const found: PageRow | undefined = await this.#repo.row(tenantId, cursor, trx);
      if (!found) throw bad('no such page in this unit');
      cursor = found.parent_id;
    }
  }

  async #snapshotOf(tenantId: string, id: string, no: number, pointer: string): Promise<Snapshot> {
    await this.get(tenantId, id);
    const revision = await this.#repo.revision(tenantId, id, no);
    if (!revision) throw new InputError(`Page ${id} has no revision ${no}`, { errors: [{ in: pointer === '/revision' ? 'body' : 'query', pointer, message: 'no such revision', keyword: 'exists' }] });
    return JSON.parse(revision.snapshot) as Snapshot;
  }

  /** The row, read inside the transaction (MySQL: locked until commit, so two writers queue). */
  async #lockedRow(tenantId: string, id: string, trx: Transaction<PagesDatabase>): Promise<PageRow> {
    let query = trx.selectFrom('portal_pages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
    if (this.ctx.get(coreServices.database).dialect === 'mysql') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new NotFoundError(`Page ${id} does not exist`);
    return row;
  }

  async #writeTranslations(row: PageRow, translations: PageTranslationsInput | undefined, now: number, trx: Transaction<PagesDatabase>): Promise<void> {
    await writeTranslatedFields(PAGE_TRANSLATABLE_FIELDS, translations, (lang, field, clean) => this.#repo.setTranslation(row.tenant_id, row.id, lang, field, clean, row[field], now, trx));
  }

  async #snapshot(row: PageRow, trx: Transaction<PagesDatabase>): Promise<Snapshot> {
    const translations: Record<string, string> = {};
    for (const t of await this.#repo.translations(row.tenant_id, row.id, trx)) translations[`${t.lang}.${t.field}`] = t.value;
    return {
      slug: row.slug,
      parentId: row.parent_id,
      order: Number(row.sort_order),
      title: row.title,
      summary: row.summary,
      body: row.body,
      status: row.status,
      remarks: row.remarks,
      translations,
    };
  }

  /** The revision (snapshot after the change) and the audit entry, in the change's transaction. */
  async #record(after: PageRow, action: string, actor: Actor, trx: Transaction<PagesDatabase>, before: Snapshot | undefined): Promise<void> {
    await this.#repo.addRevision(
      {
        id: randomUUID(),
        tenant_id: after.tenant_id,
        page_id: after.id,
        revision_no: Number(after.revision_no),
        action,
        author_id: actor.id,
        snapshot: JSON.stringify(await this.#snapshot(after, trx)),
        created_at: Number(after.updated_at),
      },
      trx,
    );
    const verb = action.startsWith('restore:') ? 'restore' : action;
    await this.ctx.get(coreServices.audit).record(
      {
        action: `portal.page.${verb}`,
        objectType: 'page',
        objectId: after.id,
        tenantId: after.tenant_id,
        before: before && { status: before.status, slug: before.slug, title: before.title, parentId: before.parentId },
        after: { status: after.status, slug: after.slug, title: after.title, parentId: after.parent_id, revision: Number(after.revision_no), ...(action !== verb ? { restoredFrom: Number(action.slice(8)) } : {}) },
      },
      { ...(actor.request ? { request: actor.request } : {}), trx },
    );
  }

  async #siteChanged(tenantId: string): Promise<void> {
    await this.ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'pages' }, { tenantId });
  }

  #transaction<T>(work: (trx: Transaction<PagesDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<PagesDatabase, T>(work);
  }
}

/** A snapshot as flat fields for the diff: translations become `translations.en.title`. */
function slugTaken(slug: string) {
  return PORTAL_ERR_SLUG_TAKEN.create({ kind: 'a page', slug }, { errors: [{ in: 'body', pointer: '/slug', message: 'is already used in this unit', keyword: 'unique' }] });
}

/** A unique-index race (two creates with one slug) is the same 409 as the checked case. */
function rethrowDuplicate(error: unknown, slug: string): never {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e.message ?? '')) throw slugTaken(slug);
  throw error;
}
