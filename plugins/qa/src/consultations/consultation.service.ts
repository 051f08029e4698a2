import { randomBytes, randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, slugify, type PluginContext, type RouteRequest, type StoredFile } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { QA_ERR_ARTICLES_COMMENTED, QA_ERR_COMMENT_STATE, QA_ERR_COMMENTS_UNANSWERED, QA_ERR_CONSULTATION_PERIOD, QA_ERR_CONSULTATION_PHASE } from '../errors.js';
import { UnitTree, type UnitRef } from '../questions/unit-tree.js';
import { splitDraft, type DraftArticle } from './article-splitter.js';
import type { ConsultationSettings } from './consultation-config.js';
import {
  BUILT_IN_CONSULTEES,
  type ArticleRow,
  type BuiltInConsultee,
  type CommentRow,
  type CommentStatus,
  type ConsultationDatabase,
  type ConsultationRow,
  type ConsulteeRow,
  type ModerationAction,
  type ReplyDecision,
} from './consultation-database.js';
import { phaseOf, type ConsultationPhase } from './consultation-phase.js';
import { ConsultationRepository } from './consultation.repository.js';
import { addDays, CONSULTATION_PERIODS_RULE, daysBetween, vietnamToday, type ConsultationPeriodsValue } from './consultation-rules.js';

/** Who acts: a person through a route, in the request's unit. */
export interface ConsultationActor {
  readonly id: string;
  readonly unitId: string;
  readonly request: RouteRequest;
}

export interface ConsultationInput {
  readonly title: string;
  readonly documentType: string;
  readonly summary: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly shortened?: boolean;
  readonly contact: { readonly address: string; readonly email: string; readonly phone?: string };
  /** The full text, split into articles; or `articles`, already split. */
  readonly text?: string;
  readonly articles?: readonly DraftArticle[];
  /** Built-in consultees (QA-21); default: all four for a decision of the People's Committee, none otherwise. */
  readonly builtInConsultees?: readonly BuiltInConsultee[];
  /** Other units of the province (slug or id) asked for their opinion. */
  readonly otherConsultees?: readonly string[];
}

/** What staff may change before the consultation opens. */
export type ConsultationUpdate = Partial<Pick<ConsultationInput, 'title' | 'summary' | 'opensOn' | 'closesOn' | 'contact'>>;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const text = (value: string): string => normalizeText(value).trim();
export const bodyIssue = (field: string, message: string, keyword = 'enum') => new InputError(`body /${field} ${message}`, { errors: [{ in: 'body', pointer: `/${field}`, message, keyword }] });

/** A comment as staff read it: the commenter's e-mail is there because staff may need to reach them. */
export function staffCommentView(c: CommentRow) {
  return {
    id: c.id,
    articleId: c.article_id,
    status: c.status,
    hidden: c.hidden_at !== null,
    reports: c.report_count,
    author: { name: c.author_name, organisation: c.author_org, email: c.author_email },
    body: c.body,
    reply: c.reply_decision === null ? null : { decision: c.reply_decision, explanation: c.reply_text ?? '', by: c.replied_by ?? '', at: iso(c.replied_at)! },
    createdAt: iso(c.created_at)!,
  };
}

/**
 * Public consultations on draft documents (QA-20…QA-25), the drafting unit's side and the consulted
 * agencies' side. Every staff write keeps its audit entry in the same transaction; the moderation log
 * (QA-25) is its own append-only table.
 */
export class ConsultationService {
  readonly repo: ConsultationRepository;

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: ConsultationSettings,
  ) {
    this.repo = new ConsultationRepository(ctx.get(coreServices.database).kysely<ConsultationDatabase>());
  }

  /** The rule in force today: document types, minimum periods, reply days. */
  async periods(): Promise<{ value: ConsultationPeriodsValue; version: string; citation: string }> {
    const rule = await this.ctx.get(coreServices.rules).get<ConsultationPeriodsValue>(CONSULTATION_PERIODS_RULE);
    return { value: rule.value, version: rule.version, citation: rule.citation };
  }

  // ─── The drafting unit ──────────────────────────────────────────────────────────────────────
  async create(actor: ConsultationActor, input: ConsultationInput) {
    const units = new UnitTree(this.ctx);
    const province = await units.province(actor.unitId);
    if (!province) throw new NotFoundError('The request names no unit');
    const rule = await this.periods();
    const type = rule.value.documentTypes[input.documentType];
    if (!type) throw bodyIssue('documentType', `is not one of ${Object.keys(rule.value.documentTypes).join(', ')}`);
    this.#checkDates(input.opensOn, input.closesOn, input.documentType, type.minimumDays);
    const articles = input.articles ?? (input.text === undefined ? [] : splitDraft(input.text));
    if (articles.length === 0) throw bodyIssue(input.text === undefined ? 'articles' : 'text', 'must contain the draft’s text', 'minItems');

    const builtIn = input.builtInConsultees ?? (input.documentType === 'qd-ubnd' ? BUILT_IN_CONSULTEES : []);
    const consulted = new Map<string, BuiltInConsultee | null>();
    for (const flag of builtIn) {
      const unit = await units.agencyOf(province.id, this.settings.builtInConsultees[flag]);
      if (!unit) throw bodyIssue('builtInConsultees', `names ${flag}, but ${this.settings.builtInConsultees[flag]} is not a unit of this province`);
      if (unit.id !== actor.unitId) consulted.set(unit.id, flag);
    }
    for (const ref of input.otherConsultees ?? []) {
      const unit = await units.agencyOf(province.id, ref);
      if (!unit) throw bodyIssue('otherConsultees', `names ${ref}, which is not a unit of this province`);
      if (unit.id !== actor.unitId && !consulted.has(unit.id)) consulted.set(unit.id, null);
    }

    const now = Date.now();
    const id = randomUUID();
    const replyDays = input.shortened ? rule.value.agencyReplyDaysShortened : rule.value.agencyReplyDays;
    const row: ConsultationRow = {
      id,
      province_id: province.id,
      unit_id: actor.unitId,
      slug: `${slugify(text(input.title), 60) || 'du-thao'}-${randomBytes(4).toString('hex')}`,
      title: text(input.title),
      summary: text(input.summary),
      document_type: input.documentType,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      shortened: input.shortened ? 1 : 0,
      minimum_days: type.minimumDays,
      rule_version: rule.version.slice(0, 100),
      contact_address: text(input.contact.address),
      contact_email: text(input.contact.email).toLowerCase(),
      contact_phone: input.contact.phone ? text(input.contact.phone) : null,
      announced_at: null,
      outcome_summary: null,
      outcome_published_at: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    const articleRows = this.#articleRows(id, articles);
    const consulteeRows: ConsulteeRow[] = [...consulted].map(([unitId, flag]) => ({
      consultation_id: id,
      unit_id: unitId,
      built_in: flag,
      deadline_on: addDays(input.opensOn, replyDays),
      reply_text: null,
      reply_file_id: null,
      reply_file_name: null,
      reply_file_type: null,
      reply_file_size: null,
      replied_by: null,
      replied_at: null,
      late: 0,
    }));
    await this.#transaction(async (trx) => {
      await this.repo.insert(row, articleRows, consulteeRows, trx);
      await this.#audit(actor, 'qa.consultation.create', id, undefined, { title: row.title, type: row.document_type, opensOn: row.opens_on, closesOn: row.closes_on, rule: row.rule_version, consultees: consulteeRows.map((c) => c.unit_id) }, trx);
    });
    return this.detail(actor.unitId, id);
  }

  async page(unitId: string, limit: number, offset: number) {
    const page = await this.repo.pageOfUnit(unitId, limit, offset);
    return { items: page.items.map((r) => this.#summary(r)), total: page.total, limit, offset };
  }

  async detail(unitId: string, id: string) {
    const row = await this.#own(unitId, id);
    const [articles, files, consultees, commentCount] = await Promise.all([this.repo.articles(id), this.repo.files(id), this.repo.consultees(id), this.repo.countComments(id)]);
    const units = new UnitTree(this.ctx);
    return {
      ...this.#summary(row),
      summary: row.summary,
      shortened: row.shortened === 1,
      rule: { version: row.rule_version, minimumDays: row.minimum_days },
      contact: { address: row.contact_address, email: row.contact_email, phone: row.contact_phone },
      articles: articles.map((a) => ({ id: a.id, chapter: a.chapter, number: a.number, heading: a.heading, body: a.body })),
      files: files.map((f) => ({ id: f.file_id, name: f.name, contentType: f.content_type, size: Number(f.size) })),
      consultees: await Promise.all(consultees.map(async (c) => this.#consulteeView(c, await units.refOrNull(c.unit_id)))),
      comments: commentCount,
      outcome: row.outcome_published_at === null ? null : { summary: row.outcome_summary ?? '', publishedAt: iso(row.outcome_published_at)! },
    };
  }

  /**
   * Changes the title, summary, contacts or days before the consultation opens (draft or announced);
   * the days are checked against the rule again and the consultees' deadlines follow the opening day.
   */
  async update(actor: ConsultationActor, id: string, input: ConsultationUpdate) {
    const row = await this.#own(actor.unitId, id);
    this.#phase(row, ['draft', 'announced'], 'changed');
    const opensOn = input.opensOn ?? row.opens_on;
    const closesOn = input.closesOn ?? row.closes_on;
    const rule = await this.periods();
    const type = rule.value.documentTypes[row.document_type];
    const minimum = type?.minimumDays ?? row.minimum_days;
    if (input.opensOn !== undefined || input.closesOn !== undefined) this.#checkDates(opensOn, closesOn, row.document_type, minimum);
    const now = Date.now();
    const changes: Partial<ConsultationRow> = {
      ...(input.title !== undefined ? { title: text(input.title) } : {}),
      ...(input.summary !== undefined ? { summary: text(input.summary) } : {}),
      ...(input.contact !== undefined ? { contact_address: text(input.contact.address), contact_email: text(input.contact.email).toLowerCase(), contact_phone: input.contact.phone ? text(input.contact.phone) : null } : {}),
      ...(input.opensOn !== undefined || input.closesOn !== undefined ? { opens_on: opensOn, closes_on: closesOn, minimum_days: minimum, rule_version: rule.version.slice(0, 100) } : {}),
      updated_at: now,
    };
    const replyDays = row.shortened === 1 ? rule.value.agencyReplyDaysShortened : rule.value.agencyReplyDays;
    const consultees = opensOn === row.opens_on ? [] : await this.repo.consultees(id);
    await this.#transaction(async (trx) => {
      await this.repo.update(id, changes, trx);
      for (const c of consultees) await this.repo.updateConsultee(id, c.unit_id, { deadline_on: addDays(opensOn, replyDays) }, trx);
      await this.#audit(actor, 'qa.consultation.update', id, { opensOn: row.opens_on, closesOn: row.closes_on }, { opensOn, closesOn, fields: Object.keys(input) }, trx);
    });
    return this.detail(actor.unitId, id);
  }

  /** Staff correct the split: allowed until the public has commented (comments point to articles). */
  async replaceArticles(actor: ConsultationActor, id: string, articles: readonly DraftArticle[]) {
    const row = await this.#own(actor.unitId, id);
    this.#phase(row, ['draft', 'announced', 'open'], 'given new articles');
    if ((await this.repo.countComments(id)) > 0) throw QA_ERR_ARTICLES_COMMENTED.create();
    const rows = this.#articleRows(id, articles);
    await this.#transaction(async (trx) => {
      await this.repo.replaceArticles(id, rows, trx);
      await this.repo.update(id, { updated_at: Date.now() }, trx);
      await this.#audit(actor, 'qa.consultation.articles', id, undefined, { articles: rows.length }, trx);
    });
    return this.detail(actor.unitId, id);
  }

  async attach(actor: ConsultationActor, id: string, file: StoredFile) {
    const row = await this.#own(actor.unitId, id);
    this.#phase(row, ['draft', 'announced', 'open'], 'given dossier files');
    await this.#transaction(async (trx) => {
      await this.repo.addFile({ file_id: file.id, consultation_id: id, name: file.originalName.slice(0, 255) || 'ho-so', content_type: file.contentType, size: file.size, created_by: actor.id, created_at: Date.now() }, trx);
      await this.#audit(actor, 'qa.consultation.attach', id, undefined, { file: file.id, type: file.contentType, size: file.size }, trx);
    });
    return this.detail(actor.unitId, id);
  }

  async detach(actor: ConsultationActor, id: string, fileId: string) {
    const row = await this.#own(actor.unitId, id);
    this.#phase(row, ['draft', 'announced', 'open'], 'changed');
    await this.#transaction(async (trx) => {
      if ((await this.repo.removeFile(id, fileId, trx)) === 0) throw new NotFoundError(`File ${fileId} does not exist`);
      await this.#audit(actor, 'qa.consultation.detach', id, { file: fileId }, undefined, trx);
    });
    await this.ctx.get(coreServices.files).remove(fileId).catch(() => undefined); // after the commit: an orphan file at worst
    return this.detail(actor.unitId, id);
  }

  /** Announces the consultation: it appears on the public pages, and opens on its opening day. */
  async announce(actor: ConsultationActor, id: string) {
    const row = await this.#own(actor.unitId, id);
    this.#phase(row, ['draft'], 'announced');
    if (row.closes_on < vietnamToday()) throw QA_ERR_CONSULTATION_PHASE.create({ phase: 'past its closing day', action: 'announced' });
    const now = Date.now();
    await this.#transaction(async (trx) => {
      await this.repo.update(id, { announced_at: now, updated_at: now }, trx);
      await this.#audit(actor, 'qa.consultation.announce', id, { phase: 'draft' }, { phase: phaseOf({ ...row, announced_at: now }) }, trx);
    });
    return this.detail(actor.unitId, id);
  }

  // ─── Moderation (QA-25) ─────────────────────────────────────────────────────────────────────
  /** A page of the moderation queue: verified comments in `statuses` (all three by default), oldest first. */
  async comments(unitId: string, id: string, statuses: readonly CommentStatus[] | undefined, limit: number, offset: number) {
    await this.#own(unitId, id);
    const page = await this.repo.commentPage(id, (statuses ?? ['pending', 'approved', 'rejected']).filter((s) => s !== 'unverified'), limit, offset);
    return { items: page.items.map(staffCommentView), total: page.total, limit, offset };
  }

  async moderate(actor: ConsultationActor, id: string, commentId: string, action: 'approve' | 'reject' | 'restore', reason: string | null) {
    const row = await this.#own(actor.unitId, id);
    const comment = await this.repo.comment(id, commentId);
    if (!comment || comment.status === 'unverified') throw new NotFoundError(`Comment ${commentId} does not exist`);
    const now = Date.now();
    const why = reason === null ? null : text(reason) || null;
    if (action === 'reject' && why === null) throw bodyIssue('reason', 'must say why the comment is not shown', 'minLength');
    const from: CommentStatus[] = action === 'restore' ? ['approved'] : ['pending'];
    if (!from.includes(comment.status) || (action === 'restore' && comment.hidden_at === null)) throw QA_ERR_COMMENT_STATE.create({ status: comment.hidden_at !== null ? 'hidden' : comment.status, action });
    const changes: Partial<CommentRow> = action === 'restore' ? { hidden_at: null, report_count: 0, updated_at: now } : { status: action === 'approve' ? 'approved' : 'rejected', updated_at: now };
    await this.#transaction(async (trx) => {
      if (!(await this.repo.updateComment(commentId, from, changes, trx))) throw QA_ERR_COMMENT_STATE.create({ status: 'changed meanwhile', action });
      if (action === 'restore') await this.repo.clearReports(commentId, trx);
      await this.repo.log(this.#logRow(row.id, commentId, action, why, actor.id, now), trx);
      await this.#audit(actor, `qa.consultation.comment.${action}`, row.id, { comment: commentId, status: comment.status }, { comment: commentId, status: changes.status ?? comment.status, reason: why }, trx);
    });
    return staffCommentView({ ...comment, ...changes });
  }

  async moderationLog(unitId: string, id: string) {
    await this.#own(unitId, id);
    return { items: (await this.repo.moderationLog(id)).map((m) => ({ commentId: m.comment_id, action: m.action, reason: m.reason, actor: m.actor_id, at: iso(m.created_at)! })) };
  }

  // ─── Outcome (QA-23) ────────────────────────────────────────────────────────────────────────
  /** The drafting unit answers a shown comment once the consultation has closed (until the outcome is published). */
  async reply(actor: ConsultationActor, id: string, commentId: string, decision: ReplyDecision, explanation: string) {
    const row = await this.#own(actor.unitId, id);
    this.#phase(row, ['closed'], 'answered');
    const comment = await this.repo.comment(id, commentId);
    if (!comment || comment.status === 'unverified') throw new NotFoundError(`Comment ${commentId} does not exist`);
    if (comment.status !== 'approved' || comment.hidden_at !== null) throw QA_ERR_COMMENT_STATE.create({ status: comment.hidden_at !== null ? 'hidden' : comment.status, action: 'answered' });
    const why = text(explanation);
    if (why === '') throw bodyIssue('explanation', 'must not be blank', 'minLength');
    const now = Date.now();
    const changes: Partial<CommentRow> = { reply_decision: decision, reply_text: why, replied_by: actor.id, replied_at: now, updated_at: now };
    await this.#transaction(async (trx) => {
      await this.repo.updateComment(commentId, ['approved'], changes, trx);
      await this.#audit(actor, 'qa.consultation.comment.reply', row.id, comment.reply_decision === null ? undefined : { comment: commentId, decision: comment.reply_decision }, { comment: commentId, decision }, trx);
    });
    return staffCommentView({ ...comment, ...changes });
  }

  /** Publishes the outcome: the report on acceptance and explanation goes on the consultation's page. */
  async publishOutcome(actor: ConsultationActor, id: string, summary: string) {
    const row = await this.#own(actor.unitId, id);
    this.#phase(row, ['closed'], 'given an outcome');
    const unanswered = (await this.repo.comments(id, ['approved'])).filter((c) => c.hidden_at === null && c.reply_decision === null).length;
    if (unanswered > 0) throw QA_ERR_COMMENTS_UNANSWERED.create({ count: unanswered });
    const now = Date.now();
    await this.#transaction(async (trx) => {
      await this.repo.update(id, { outcome_summary: text(summary), outcome_published_at: now, updated_at: now }, trx);
      await this.#audit(actor, 'qa.consultation.publish-outcome', id, { phase: 'closed' }, { phase: 'outcome-published' }, trx);
    });
    return this.detail(actor.unitId, id);
  }

  // ─── Consulted agencies ─────────────────────────────────────────────────────────────────────
  async requests(unitId: string) {
    const units = new UnitTree(this.ctx);
    const rows = await this.repo.requestsOf(unitId);
    return {
      items: await Promise.all(
        rows.map(async (r) => ({ consultationId: r.consultation_id, title: r.title, slug: r.slug, draftingUnit: await units.refOrNull(r.drafting_unit), ...this.#consulteeView(r, await units.refOrNull(r.unit_id)) })),
      ),
    };
  }

  /** A consulted unit replies (text, and a file through the upload route); late replies are taken and flagged. */
  async agencyReply(actor: ConsultationActor, id: string, replyText: string | null, file: StoredFile | null) {
    const { row, consultee } = await this.#consulted(actor.unitId, id);
    this.#phase(row, ['announced', 'open', 'closed'], 'replied to');
    const now = Date.now();
    const body = replyText === null ? consultee.reply_text : text(replyText);
    if (!body && !file && !consultee.reply_file_id) throw bodyIssue('text', 'must not be blank', 'minLength');
    const changes: Partial<ConsulteeRow> = {
      reply_text: body || null,
      replied_by: actor.id,
      replied_at: now,
      late: vietnamToday(now) > consultee.deadline_on ? 1 : 0,
      ...(file ? { reply_file_id: file.id, reply_file_name: file.originalName.slice(0, 255) || 'y-kien', reply_file_type: file.contentType, reply_file_size: file.size } : {}),
    };
    await this.#transaction(async (trx) => {
      await this.repo.updateConsultee(id, actor.unitId, changes, trx);
      await this.#audit(actor, 'qa.consultation.agency-reply', id, undefined, { unit: actor.unitId, late: changes.late === 1, file: file?.id ?? null }, trx);
    });
    const replaced = file && consultee.reply_file_id ? consultee.reply_file_id : null;
    if (replaced) await this.ctx.get(coreServices.files).remove(replaced).catch(() => undefined);
    return this.#consulteeView({ ...consultee, ...changes }, await new UnitTree(this.ctx).refOrNull(actor.unitId));
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────
  async #own(unitId: string, id: string): Promise<ConsultationRow> {
    const row = await this.repo.ofUnit(unitId, id);
    if (!row) throw new NotFoundError(`Consultation ${id} does not exist`);
    return row;
  }

  async #consulted(unitId: string, id: string): Promise<{ row: ConsultationRow; consultee: ConsulteeRow }> {
    const [row, consultee] = await Promise.all([this.repo.byId(id), this.repo.consultee(id, unitId)]);
    if (!row || !consultee || row.announced_at === null) throw new NotFoundError(`Consultation ${id} does not exist`);
    return { row, consultee };
  }

  #phase(row: ConsultationRow, allowed: readonly ConsultationPhase[], action: string): void {
    const phase = phaseOf(row);
    if (!allowed.includes(phase)) throw QA_ERR_CONSULTATION_PHASE.create({ phase, action });
  }

  #checkDates(opensOn: string, closesOn: string, type: string, minimum: number): void {
    if (opensOn < vietnamToday()) throw bodyIssue('opensOn', 'must not be before today', 'minimum');
    const days = daysBetween(opensOn, closesOn);
    if (days < minimum) {
      throw QA_ERR_CONSULTATION_PERIOD.create(
        { days, type, minimum },
        { errors: [{ in: 'body', pointer: '/closesOn', message: `must be at least ${minimum} calendar days after opensOn (${addDays(opensOn, minimum)} or later) for a draft of type ${type}`, keyword: 'minimum' }] },
      );
    }
  }

  #articleRows(consultationId: string, articles: readonly DraftArticle[]): ArticleRow[] {
    return articles.map((a, position) => ({
      id: randomUUID(),
      consultation_id: consultationId,
      position,
      chapter: a.chapter === null ? null : text(a.chapter).slice(0, 500) || null,
      number: a.number === null ? null : text(a.number).slice(0, 20) || null,
      heading: text(a.heading).slice(0, 500),
      body: normalizeText(a.body).trim(),
    }));
  }

  #summary(r: ConsultationRow) {
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      documentType: r.document_type,
      phase: phaseOf(r),
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      announcedAt: iso(r.announced_at),
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
    };
  }

  #consulteeView(c: ConsulteeRow, unit: UnitRef | null) {
    return {
      unit: unit ?? { id: c.unit_id, slug: c.unit_id, name: c.unit_id },
      builtIn: c.built_in,
      deadlineOn: c.deadline_on,
      reply:
        c.replied_at === null
          ? null
          : { text: c.reply_text, file: c.reply_file_id === null ? null : { id: c.reply_file_id, name: c.reply_file_name ?? '', contentType: c.reply_file_type ?? '', size: Number(c.reply_file_size ?? 0) }, by: c.replied_by ?? '', at: iso(c.replied_at)!, late: c.late === 1 },
    };
  }

  #logRow(consultationId: string, commentId: string, action: ModerationAction, reason: string | null, actorId: string, at: number) {
    return { id: randomUUID(), consultation_id: consultationId, comment_id: commentId, action, reason, actor_id: actorId, created_at: at };
  }

  async #audit(actor: ConsultationActor, action: string, objectId: string, before: unknown, after: unknown, trx: Transaction<ConsultationDatabase>): Promise<void> {
    await this.ctx.get(coreServices.audit).record({ action, objectType: 'qa.consultation', objectId, tenantId: actor.unitId, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }, { request: actor.request, trx });
  }

  #transaction<T>(work: (trx: Transaction<ConsultationDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<ConsultationDatabase, T>(work);
  }
}
