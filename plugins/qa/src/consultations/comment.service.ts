import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { coreServices, NotFoundError, normalizeText, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { QA_ERR_COMMENT_STATE, QA_ERR_CONSULTATION_PHASE, QA_ERR_FORM_EXPIRED, QA_ERR_FORM_TOO_FAST, QA_ERR_HONEYPOT, QA_ERR_VERIFICATION_INVALID } from '../errors.js';
import { newVerificationToken, readFormToken, sha256, signFormToken } from '../questions/question-tokens.js';
import { UnitTree } from '../questions/unit-tree.js';
import { commentVerificationMail } from './comment-mail.js';
import type { ConsultationSettings } from './consultation-config.js';
import type { ArticleRow, CommentRow, ConsultationDatabase, ConsultationRow, ConsulteeRow, DossierFileRow } from './consultation-database.js';
import { phaseOf, type ConsultationPhase } from './consultation-phase.js';
import { ConsultationRepository } from './consultation.repository.js';
import { vietnamToday } from './consultation-rules.js';
import { bodyIssue } from './consultation.service.js';
import { MailTemplateService } from '../templates/mail-template.service.js';
import { formKey } from '../public-forms/form-key.js';

/** What a member of the public sends on a consultation's page. */
export interface CommentInput {
  readonly name: string;
  readonly organisation?: string;
  readonly email: string;
  /** The article commented on; empty or absent for the draft as a whole. */
  readonly article?: string;
  readonly body: string;
  /** The honeypot: hidden from people, must stay empty. */
  readonly website?: string;
  readonly formToken: string;
}

/** The site a public request is for: the unit, and whether it is the province's own site (it shows the whole province's consultations). */
export interface PublicSite {
  readonly unitId: string;
  readonly isProvince: boolean;
}

/** A consultation as its public page shows it. */
export interface PublicConsultation {
  readonly row: ConsultationRow;
  readonly phase: ConsultationPhase;
  readonly unitName: string;
  readonly articles: readonly ArticleRow[];
  readonly files: readonly DossierFileRow[];
  readonly consultees: readonly (ConsulteeRow & { unitName: string })[];
  /** Approved comments not hidden by reports, oldest first. */
  readonly comments: readonly CommentRow[];
}

const FORM_KEY = 'consultation-form-token-key';
const text = (value: string): string => normalizeText(value).trim();

/**
 * The public side of consultations: the list and the page, comments with e-mail verification (the
 * same token link and confirm POST as questions), the honeypot and fill-time token, per-address and
 * per-e-mail limits, and "report abuse" with automatic hiding after N different reporters.
 */
export class CommentService {
  readonly repo: ConsultationRepository;

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: ConsultationSettings,
  ) {
    this.repo = new ConsultationRepository(ctx.get(coreServices.database).kysely<ConsultationDatabase>());
  }

  async siteOf(tenantId: string | undefined): Promise<PublicSite> {
    const unit = tenantId === undefined ? undefined : await new UnitTree(this.ctx).get(tenantId);
    if (!unit) throw new NotFoundError('This site has no unit');
    return { unitId: unit.id, isProvince: unit.parentId === null };
  }

  /** Page `page` (from 1) of the site's announced consultations, `size` a page, and how many there are. */
  async list(site: PublicSite, page: number, size: number) {
    const found = await this.repo.announcedPage(site, size, (page - 1) * size);
    const units = new UnitTree(this.ctx);
    const items = await Promise.all(found.items.map(async (row) => ({ row, phase: phaseOf(row), unitName: (await units.refOrNull(row.unit_id))?.name ?? '' })));
    return { items, total: found.total };
  }

  /** The site's consultations announced or open today, for the calendar feed (at most `limit`). */
  async current(site: PublicSite, limit: number) {
    const rows = await this.repo.current(site, vietnamToday(), limit);
    const units = new UnitTree(this.ctx);
    return Promise.all(rows.map(async (row) => ({ row, unitName: (await units.refOrNull(row.unit_id))?.name ?? '' })));
  }

  /** The name of the unit that drafts `row`, as the pages show it. */
  async unitName(row: ConsultationRow): Promise<string> {
    return (await new UnitTree(this.ctx).refOrNull(row.unit_id))?.name ?? '';
  }

  /** An announced consultation shown on `site`; anything else does not exist (404). */
  async find(site: PublicSite, slug: string): Promise<ConsultationRow> {
    const row = await this.repo.bySlug(slug);
    if (!row || row.announced_at === null || (site.isProvince ? row.province_id !== site.unitId : row.unit_id !== site.unitId)) throw new NotFoundError('No such consultation');
    return row;
  }

  async page(site: PublicSite, slug: string): Promise<PublicConsultation> {
    const row = await this.find(site, slug);
    const units = new UnitTree(this.ctx);
    const [articles, files, consultees, comments] = await Promise.all([this.repo.articles(row.id), this.repo.files(row.id), this.repo.consultees(row.id), this.repo.comments(row.id, ['approved'])]);
    return {
      row,
      phase: phaseOf(row),
      unitName: (await units.refOrNull(row.unit_id))?.name ?? '',
      articles,
      files,
      consultees: await Promise.all(consultees.map(async (c) => ({ ...c, unitName: (await units.refOrNull(c.unit_id))?.name ?? c.unit_id }))),
      comments: comments.filter((c) => c.hidden_at === null),
    };
  }

  async formToken(tenantId: string): Promise<string> {
    return signFormToken(await this.#formKey(), tenantId, Date.now());
  }

  /** Stores a comment as `unverified` and mails its single-use link, in one transaction. */
  async submit(req: RouteRequest, site: PublicSite, slug: string, input: CommentInput, linkBase: string): Promise<{ verificationHours: number }> {
    const row = await this.find(site, slug);
    const phase = phaseOf(row);
    if (phase !== 'open') throw QA_ERR_CONSULTATION_PHASE.create({ phase, action: 'commented on' });
    if (input.website !== undefined && input.website !== '') throw QA_ERR_HONEYPOT.create({}, { errors: [{ in: 'body', pointer: '/website', message: 'must stay empty', keyword: 'maxLength' }] });
    const issuedAt = readFormToken(await this.#formKey(), req.tenantId!, input.formToken);
    const now = Date.now();
    if (issuedAt === undefined || now - issuedAt > this.settings.formMaxAgeHours * 3_600_000 || issuedAt > now + 60_000) {
      throw QA_ERR_FORM_EXPIRED.create({}, { errors: [{ in: 'body', pointer: '/formToken', message: 'is not valid or too old: reload the form', keyword: 'format' }] });
    }
    const seconds = Math.floor((now - issuedAt) / 1000);
    if (now - issuedAt < this.settings.minFillSeconds * 1000) {
      throw QA_ERR_FORM_TOO_FAST.create({ seconds, minimum: this.settings.minFillSeconds }, { errors: [{ in: 'body', pointer: '/formToken', message: `was sent ${seconds} s after the form opened`, keyword: 'minimum' }] });
    }
    const name = text(input.name);
    const body = text(input.body);
    const email = text(input.email).toLowerCase();
    if (name === '') throw bodyIssue('name', 'must not be blank', 'minLength');
    if (body === '') throw bodyIssue('body', 'must not be blank', 'minLength');
    let articleId: string | null = null;
    if (input.article) {
      const article = (await this.repo.articles(row.id)).find((a) => a.id === input.article);
      if (!article) throw bodyIssue('article', 'is not an article of this draft');
      articleId = article.id;
    }
    await this.ctx.get(coreServices.rateLimits).enforce('consultation-comment-by-email', sha256(email), this.settings.commentPerEmail, req);

    const token = newVerificationToken();
    const comment: CommentRow = {
      id: randomUUID(),
      consultation_id: row.id,
      article_id: articleId,
      status: 'unverified',
      author_name: name,
      author_org: input.organisation ? text(input.organisation) || null : null,
      author_email: email,
      body,
      verify_hash: sha256(token),
      verify_expires_at: now + this.settings.verificationHours * 3_600_000,
      verified_at: null,
      report_count: 0,
      hidden_at: null,
      reply_decision: null,
      reply_text: null,
      replied_by: null,
      replied_at: null,
      created_at: now,
      updated_at: now,
    };
    const mail = commentVerificationMail({ title: row.title, link: `${linkBase}/gop-y-du-thao/xac-nhan/${token}`, hours: this.settings.verificationHours }, await new MailTemplateService(this.ctx).textFor(row.province_id, 'consultation-comment-verification'));
    await this.#transaction(async (trx) => {
      await this.repo.insertComment(comment, trx);
      await this.ctx.get(coreServices.mail).send({ to: email, ...mail, tenantId: req.tenantId! }, { trx });
    });
    this.ctx.logger.info('consultation comment submitted', { consultationId: row.id, commentId: comment.id });
    return { verificationHours: this.settings.verificationHours };
  }

  /** The comment a verification link stands for, while the link is usable. */
  async verificationPending(token: string): Promise<{ comment: CommentRow; consultation: ConsultationRow } | undefined> {
    const comment = await this.repo.commentByVerifyHash(sha256(token));
    if (!comment || comment.status !== 'unverified' || (comment.verify_expires_at ?? 0) <= Date.now()) return undefined;
    const consultation = await this.repo.byId(comment.consultation_id);
    return consultation ? { comment, consultation } : undefined;
  }

  /** Uses a verification link: the comment waits for moderation (QA-25). */
  async verify(token: string): Promise<{ consultation: ConsultationRow }> {
    const pending = await this.verificationPending(token);
    if (!pending) throw QA_ERR_VERIFICATION_INVALID.create();
    const now = Date.now();
    const changed = await this.repo.updateComment(pending.comment.id, ['unverified'], { status: 'pending', verify_hash: null, verify_expires_at: null, verified_at: now, updated_at: now });
    if (!changed) throw QA_ERR_VERIFICATION_INVALID.create();
    return { consultation: pending.consultation };
  }

  /**
   * One reporter's "report abuse" on a shown comment; a reporter counts once (a hash of the client's
   * address). At `maxReportsBeforeHiding` different reporters the comment is hidden until staff
   * restore it, and the moderation log says so.
   */
  async report(req: RouteRequest, site: PublicSite, slug: string, commentId: string): Promise<{ hidden: boolean }> {
    const row = await this.find(site, slug);
    const comment = await this.repo.comment(row.id, commentId);
    if (!comment || comment.status !== 'approved') throw new NotFoundError(`Comment ${commentId} does not exist`);
    if (comment.hidden_at !== null) return { hidden: true };
    const reporter = sha256(`${row.id}|${req.ip}`);
    const now = Date.now();
    return this.#transaction(async (trx) => {
      if (!(await this.repo.addReport(comment.id, reporter, now, trx))) return { hidden: false };
      const current = await trx.selectFrom('qa_consultation_comments').select(['report_count', 'hidden_at', 'status']).where('id', '=', comment.id).executeTakeFirstOrThrow();
      if (current.status !== 'approved') throw QA_ERR_COMMENT_STATE.create({ status: current.status, action: 'reported' });
      const count = Number(current.report_count) + 1;
      const hide = count >= this.settings.maxReportsBeforeHiding && current.hidden_at === null;
      await trx.updateTable('qa_consultation_comments').set({ report_count: count, ...(hide ? { hidden_at: now } : {}) }).where('id', '=', comment.id).execute();
      if (hide) {
        await this.repo.log({ id: randomUUID(), consultation_id: row.id, comment_id: comment.id, action: 'auto-hide', reason: `${count} báo cáo vi phạm / ${count} abuse reports`, actor_id: 'public', created_at: now }, trx);
      }
      return { hidden: hide || current.hidden_at !== null };
    });
  }

  /** A dossier file of a shown consultation, for download. */
  async dossierFile(site: PublicSite, slug: string, fileId: string): Promise<{ row: DossierFileRow; content: Readable }> {
    const consultation = await this.find(site, slug);
    const row = (await this.repo.files(consultation.id)).find((f) => f.file_id === fileId);
    if (!row) throw new NotFoundError(`File ${fileId} does not exist`);
    return { row, content: await this.ctx.get(coreServices.files).open(fileId) };
  }

  async purgeExpired(): Promise<number> {
    return this.repo.purgeUnverified(Date.now());
  }

  #formKey(): Promise<string> {
    return formKey(this.ctx, FORM_KEY);
  }

  #transaction<T>(work: (trx: Transaction<ConsultationDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<ConsultationDatabase, T>(work);
  }
}
