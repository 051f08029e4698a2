import { EMAIL_ADDRESS } from '../public-forms/email-address.js';
import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, normalizeText, type PluginContext, type RouteRequest } from '@cong/sdk';
import { QA_ERR_ALREADY_SUPPORTED, QA_ERR_FEEDBACK_STATE, QA_ERR_FORM_EXPIRED, QA_ERR_FORM_TOO_FAST, QA_ERR_HONEYPOT, QA_ERR_VERIFICATION_INVALID } from '../errors.js';
import { newTrackingCode, newVerificationToken, normalizeTrackingCode, readFormToken, sameSecret, sha256, signFormToken } from '../questions/question-tokens.js';
import { CONTENT_TYPES, NOT_YET_PROCESSED, type ContentType, type FeedbackDatabase, type FeedbackKind, type FeedbackRow } from './feedback-database.js';
import type { FeedbackSettings } from './feedback-config.js';
import { feedbackVerificationMail, voteVerificationMail } from './feedback-mail.js';
import { sendInTransaction, trackingNotice } from './feedback-notices.js';
import { FeedbackRepository } from './feedback.repository.js';
import { feedbackScope, type FeedbackScope } from './receiving-unit.js';
import { formKey } from '../public-forms/form-key.js';

/** What the public form sends, as text (a browser without JavaScript posts flat text fields). */
export interface SubmissionValues {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly contentType?: string;
  readonly regulationName?: string;
  readonly regulationLink?: string;
  readonly title?: string;
  readonly content?: string;
  readonly proposal?: string;
  readonly consentProcessing?: string;
  readonly consentPublish?: string;
  readonly website?: string;
  readonly formToken?: string;
}

/** A problem with the form, naming its field (the page shows it next to the form; 400). */
export interface SubmissionProblem {
  readonly field: string;
  readonly vi: string;
  readonly en: string;
}

const PHONE = /^\+?[0-9 ().-]{8,20}$/;
const FORM_KEY = 'feedback-form-token-key';
const text = (value: string | undefined): string => normalizeText(value ?? '').trim();
const length = (value: string): number => [...value].length;
const LIST_LIMIT = 200;

/** A web address the sender gave for the regulation: http or https only, else undefined. */
export function webAddress(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a submission as the form's page shows it: every problem at once, each naming its field.
 * Feedback on a regulation needs the sender's name, address and phone (NĐ 20/2008 Art. 7, QA-11) and the
 * e-mail that verifies it; an idea needs the name and the e-mail. Entered by `staff` (a letter, a call, a
 * questionnaire, a visit), the e-mail is optional and there is no consent box: staff vouch for the sender.
 */
export function checkSubmission(kind: FeedbackKind, v: SubmissionValues, settings: FeedbackSettings, by: 'sender' | 'staff' = 'sender'): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const name = text(v.name);
  const email = text(v.email);
  const phone = text(v.phone);
  const address = text(v.address);
  const content = text(v.content);
  if (name === '' || length(name) > 200) problems.push({ field: 'name', vi: 'Họ và tên: bắt buộc, tối đa 200 ký tự.', en: 'Full name: required, at most 200 characters.' });
  if ((by === 'sender' || email !== '') && (!EMAIL_ADDRESS.test(email) || length(email) > 254)) problems.push({ field: 'email', vi: 'E-mail: địa chỉ không hợp lệ.', en: 'E-mail: not a valid address.' });
  const phoneNeeded = kind === 'regulation' || phone !== '';
  if (phoneNeeded && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 9)) problems.push({ field: 'phone', vi: 'Số điện thoại: bắt buộc, ít nhất 9 chữ số.', en: 'Phone: required, at least 9 digits.' });
  if ((kind === 'regulation' && address === '') || length(address) > 300) problems.push({ field: 'address', vi: 'Địa chỉ: bắt buộc, tối đa 300 ký tự.', en: 'Address: required, at most 300 characters.' });
  if (kind === 'regulation') {
    if (!Object.hasOwn(CONTENT_TYPES, v.contentType ?? '')) problems.push({ field: 'contentType', vi: 'Nội dung phản ánh, kiến nghị: chọn một loại.', en: 'Content type: choose one.' });
    const regulation = text(v.regulationName);
    if (regulation === '' || length(regulation) > 500) problems.push({ field: 'regulationName', vi: 'Quy định được phản ánh: ghi tên, số, ký hiệu văn bản (tối đa 500 ký tự).', en: 'Regulation concerned: its name or number (at most 500 characters).' });
    const link = text(v.regulationLink);
    if (link !== '' && (webAddress(link) === undefined || length(link) > 2000)) problems.push({ field: 'regulationLink', vi: 'Đường dẫn đến văn bản: phải là địa chỉ http hoặc https.', en: 'Link to the regulation: must be an http or https address.' });
  }
  const title = text(v.title);
  if (length(title) < 5 || length(title) > 300) problems.push({ field: 'title', vi: 'Tiêu đề: từ 5 đến 300 ký tự.', en: 'Title: 5 to 300 characters.' });
  if (length(content) < settings.contentMinLength || length(content) > settings.contentMaxLength) {
    problems.push({ field: 'content', vi: `Nội dung: từ ${settings.contentMinLength} đến ${settings.contentMaxLength} ký tự.`, en: `Content: ${settings.contentMinLength} to ${settings.contentMaxLength} characters.` });
  }
  if (length(text(v.proposal)) > settings.contentMaxLength) problems.push({ field: 'proposal', vi: `Đề xuất: tối đa ${settings.contentMaxLength} ký tự.`, en: `Proposal: at most ${settings.contentMaxLength} characters.` });
  if (by === 'sender' && (v.consentProcessing ?? '') === '') problems.push({ field: 'consentProcessing', vi: 'Bạn cần đồng ý để cơ quan nhà nước xử lý thông tin cá nhân cho mục đích này.', en: 'You need to agree to the processing of your personal data for this purpose.' });
  return problems;
}

/** What the status page shows: never the sender's name, contact or text. */
export interface FeedbackStatusView {
  readonly row: FeedbackRow;
  readonly forwardedTo: string | null;
}

/**
 * The public side of feedback on regulations and ideas: the forms with the question form's anti-abuse
 * (honeypot, signed fill-time token, per-address route limit, per-e-mail limit) and e-mail
 * verification by a single-use link confirmed with a POST; tracking by code and e-mail; the public
 * results and ideas; support votes, one per verified e-mail address.
 */
export class PublicFeedbackService {
  readonly repo: FeedbackRepository;

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: FeedbackSettings,
  ) {
    this.repo = new FeedbackRepository(ctx.get(coreServices.database).kysely<FeedbackDatabase>());
  }

  async scopeOf(tenantId: string | undefined): Promise<FeedbackScope> {
    const scope = await feedbackScope(this.ctx, this.settings, tenantId);
    if (!scope) throw new NotFoundError('This site has no unit');
    return scope;
  }

  async formToken(tenantId: string): Promise<string> {
    return signFormToken(await this.#formKey(), tenantId, Date.now());
  }

  /** Stores checked feedback or an idea as `unverified` and mails its single-use link, in one transaction. */
  async submit(req: RouteRequest, scope: FeedbackScope, kind: FeedbackKind, v: SubmissionValues, linkBase: string): Promise<{ verificationHours: number }> {
    await this.#antiAbuse(req, v);
    const email = text(v.email).toLowerCase();
    await this.ctx.get(coreServices.rateLimits).enforce('feedback-by-email', sha256(email), this.settings.submitPerEmail, req);
    const now = Date.now();
    const token = newVerificationToken();
    const link = text(v.regulationLink);
    const row: FeedbackRow = {
      id: randomUUID(),
      province_id: scope.province.id,
      site_id: req.tenantId!,
      receiving_unit_id: kind === 'regulation' ? scope.receivingUnitId : scope.province.id,
      kind,
      status: 'unverified',
      channel: 'web',
      tracking_code: null,
      sender_name: text(v.name),
      sender_email: email,
      sender_phone: text(v.phone),
      sender_address: text(v.address),
      content_type: kind === 'regulation' ? (v.contentType as ContentType) : null,
      regulation_name: kind === 'regulation' ? text(v.regulationName) : null,
      regulation_link: kind === 'regulation' && link !== '' ? (webAddress(link) ?? null) : null,
      title: text(v.title),
      content: text(v.content),
      proposal: text(v.proposal) || null,
      consent_publish: (v.consentPublish ?? '') !== '' ? 1 : 0,
      consent_version: this.settings.consentVersion,
      verify_hash: sha256(token),
      verify_expires_at: now + this.settings.verificationHours * 3_600_000,
      received_at: null,
      ...NOT_YET_PROCESSED,
      created_at: now,
      updated_at: now,
    };
    const prefix = kind === 'regulation' ? 'phan-anh-kien-nghi' : 'gop-y-hien-ke';
    const mail = feedbackVerificationMail({ kind, title: row.title, link: `${linkBase}/${prefix}/xac-nhan/${token}`, hours: this.settings.verificationHours });
    await this.ctx.get(coreServices.database).transaction<FeedbackDatabase, void>(async (trx) => {
      await this.repo.insert(row, trx);
      await this.ctx.get(coreServices.mail).send({ to: email, ...mail, tenantId: req.tenantId! }, { trx });
    });
    this.ctx.logger.info('feedback submitted', { feedbackId: row.id, kind, unit: row.receiving_unit_id });
    return { verificationHours: this.settings.verificationHours };
  }

  /** The item a verification link stands for, while the link is usable. */
  async verificationPending(kind: FeedbackKind, token: string): Promise<FeedbackRow | undefined> {
    const row = await this.repo.byVerifyHash(sha256(token));
    return row && row.kind === kind && row.status === 'unverified' && (row.verify_expires_at ?? 0) > Date.now() ? row : undefined;
  }

  /**
   * Uses a verification link: the item is received, with a tracking code and a timeline entry, and the
   * code is mailed to the sender (links on `linkBase`, the site the link was opened on), all in one transaction.
   */
  async verify(kind: FeedbackKind, token: string, linkBase: string): Promise<{ trackingCode: string }> {
    const pending = await this.verificationPending(kind, token);
    if (!pending) throw QA_ERR_VERIFICATION_INVALID.create();
    const now = Date.now();
    const code = newTrackingCode(new Date(now).getUTCFullYear()).replace(/^HD/, kind === 'regulation' ? 'PA' : 'HK');
    const mail = await trackingNotice(this.ctx, { ...pending, tracking_code: code, received_at: now }, linkBase, pending.site_id);
    await this.ctx.get(coreServices.database).transaction<FeedbackDatabase, void>(async (trx) => {
      const changed = await this.repo.update(pending.id, ['unverified'], { status: 'received', tracking_code: code, verify_hash: null, verify_expires_at: null, received_at: now, updated_at: now }, trx);
      if (!changed) throw QA_ERR_VERIFICATION_INVALID.create();
      await this.repo.event({ id: randomUUID(), feedback_id: pending.id, action: 'received', actor_id: 'public', unit_id: pending.site_id, note: 'portal', created_at: now }, trx);
      await sendInTransaction(this.ctx, mail, trx);
    });
    return { trackingCode: code };
  }

  /** The status by tracking code and e-mail: an unknown code and a wrong address give the same 404. */
  async status(scope: FeedbackScope, code: string, email: string): Promise<FeedbackStatusView> {
    const row = await this.repo.byTrackingCode(normalizeTrackingCode(code));
    // An item entered by staff without an e-mail (a letter may have none) is not looked up by e-mail: never by an empty one.
    const given = text(email).toLowerCase();
    const matches = row !== undefined && row.province_id === scope.province.id && given !== '' && row.sender_email !== '' && sameSecret(row.sender_email, given);
    if (!row || !matches) throw new NotFoundError('No feedback with this code and e-mail address');
    return { row, forwardedTo: row.forwarded_to };
  }

  /** Published results of feedback on regulations in the province (no personal data: the texts staff wrote for publication). */
  results(scope: FeedbackScope): Promise<FeedbackRow[]> {
    return this.repo.listed(scope.province.id, 'regulation', ['published', 'archived'], LIST_LIMIT);
  }

  /** Accepted ideas of the province, newest first. */
  ideas(scope: FeedbackScope): Promise<FeedbackRow[]> {
    return this.repo.listed(scope.province.id, 'idea', ['accepted', 'archived'], LIST_LIMIT);
  }

  async idea(scope: FeedbackScope, slug: string): Promise<FeedbackRow> {
    const row = await this.repo.bySlug(scope.province.id, slug);
    if (!row || row.kind !== 'idea' || row.published_at === null) throw new NotFoundError('No such idea');
    return row;
  }

  /** A support vote: stored unverified and mailed; counted when its link is confirmed. One per idea and e-mail address. */
  async support(req: RouteRequest, scope: FeedbackScope, slug: string, v: { email?: string; website?: string; formToken?: string }, linkBase: string): Promise<{ verificationHours: number }> {
    const idea = await this.idea(scope, slug);
    if (idea.status !== 'accepted') throw QA_ERR_FEEDBACK_STATE.create({ status: idea.status, action: 'supported' });
    await this.#antiAbuse(req, v);
    const email = text(v.email).toLowerCase();
    await this.ctx.get(coreServices.rateLimits).enforce('feedback-vote-by-email', sha256(email), this.settings.submitPerEmail, req);
    const emailHash = sha256(`${idea.id}|${email}`);
    const now = Date.now();
    const existing = await this.repo.vote(idea.id, emailHash);
    if (existing && (existing.status === 'counted' || (existing.verify_expires_at ?? 0) > now)) throw QA_ERR_ALREADY_SUPPORTED.create();
    const token = newVerificationToken();
    const mail = voteVerificationMail({ title: idea.public_title ?? idea.title, link: `${linkBase}/gop-y-hien-ke/ung-ho/${token}`, hours: this.settings.verificationHours });
    await this.ctx.get(coreServices.database).transaction<FeedbackDatabase, void>(async (trx) => {
      if (existing) await this.repo.deleteVote(existing.id, trx);
      await this.repo.insertVote({ id: randomUUID(), feedback_id: idea.id, email_hash: emailHash, status: 'unverified', verify_hash: sha256(token), verify_expires_at: now + this.settings.verificationHours * 3_600_000, counted_at: null, created_at: now }, trx);
      await this.ctx.get(coreServices.mail).send({ to: email, ...mail, tenantId: req.tenantId! }, { trx });
    });
    return { verificationHours: this.settings.verificationHours };
  }

  /** The idea a vote link stands for, while the link is usable. */
  async votePending(token: string): Promise<FeedbackRow | undefined> {
    const vote = await this.repo.voteByVerifyHash(sha256(token));
    if (!vote || vote.status !== 'unverified' || (vote.verify_expires_at ?? 0) <= Date.now()) return undefined;
    return this.repo.byId(vote.feedback_id);
  }

  /** Counts a vote once. */
  async confirmVote(token: string): Promise<FeedbackRow> {
    const vote = await this.repo.voteByVerifyHash(sha256(token));
    if (!vote || vote.status !== 'unverified' || (vote.verify_expires_at ?? 0) <= Date.now()) throw QA_ERR_VERIFICATION_INVALID.create();
    const idea = await this.repo.byId(vote.feedback_id);
    if (!idea) throw QA_ERR_VERIFICATION_INVALID.create();
    const counted = await this.ctx.get(coreServices.database).transaction<FeedbackDatabase, boolean>((trx) => this.repo.countVote(vote, Date.now(), trx));
    if (!counted) throw QA_ERR_VERIFICATION_INVALID.create();
    return idea;
  }

  async purgeExpired(): Promise<number> {
    return this.repo.purgeUnverified(Date.now());
  }

  async #antiAbuse(req: RouteRequest, v: { website?: string; formToken?: string }): Promise<void> {
    if (v.website !== undefined && v.website !== '') throw QA_ERR_HONEYPOT.create({}, { errors: [{ in: 'body', pointer: '/website', message: 'must stay empty', keyword: 'maxLength' }] });
    const issuedAt = readFormToken(await this.#formKey(), req.tenantId!, v.formToken ?? '');
    const now = Date.now();
    if (issuedAt === undefined || now - issuedAt > this.settings.formMaxAgeHours * 3_600_000 || issuedAt > now + 60_000) {
      throw QA_ERR_FORM_EXPIRED.create({}, { errors: [{ in: 'body', pointer: '/formToken', message: 'is not valid or too old: reload the form', keyword: 'format' }] });
    }
    if (now - issuedAt < this.settings.minFillSeconds * 1000) {
      const seconds = Math.floor((now - issuedAt) / 1000);
      throw QA_ERR_FORM_TOO_FAST.create({ seconds, minimum: this.settings.minFillSeconds }, { errors: [{ in: 'body', pointer: '/formToken', message: `was sent ${seconds} s after the form opened`, keyword: 'minimum' }] });
    }
  }

  #formKey(): Promise<string> {
    return formKey(this.ctx, FORM_KEY);
  }
}
