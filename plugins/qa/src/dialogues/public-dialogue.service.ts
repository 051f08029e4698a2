import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, normalizeText, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Kysely } from 'kysely';
import { QA_ERR_DIALOGUE_STATUS, QA_ERR_FORM_EXPIRED, QA_ERR_FORM_TOO_FAST, QA_ERR_HONEYPOT, QA_ERR_VERIFICATION_INVALID } from '../errors.js';
import type { QaDatabase } from '../questions/qa-database.js';
import { QuestionRepository } from '../questions/question.repository.js';
import { newVerificationToken, readFormToken, sha256, signFormToken } from '../questions/question-tokens.js';
import { UnitTree } from '../questions/unit-tree.js';
import type { DialogueSettings } from './dialogue-config.js';
import type { DialogueDatabase, DialogueQuestionRow, DialogueRow, GuestRow } from './dialogue-database.js';
import { dialogueVerificationMail } from './dialogue-mail.js';
import { DialogueRepository, type DialogueScope } from './dialogue.repository.js';
import { bodyIssue } from './dialogue.service.js';
import { MailTemplateService } from '../templates/mail-template.service.js';
import { formKey } from '../public-forms/form-key.js';

/** What a member of the public sends on an event's page. */
export interface AskInput {
  readonly name: string;
  readonly email: string;
  readonly content: string;
  readonly consentPublish: boolean;
  /** The honeypot: hidden from people, must stay empty. */
  readonly website?: string;
  readonly formToken: string;
}

/** An event as its public page shows it. */
export interface PublicDialogue {
  readonly row: DialogueRow;
  readonly unitName: string;
  readonly fieldName: string;
  readonly guests: readonly GuestRow[];
  /** Approved questions, being answered, answered and forwarded, oldest first; no e-mail in them. */
  readonly questions: readonly DialogueQuestionRow[];
}

/** The statuses in which an event takes questions. */
export const ASKING_STATUSES = ['announced', 'live'] as const;
/** The questions a public page shows. */
const SHOWN = ['approved', 'answering', 'answered', 'forwarded'] as const;
const FORM_KEY = 'dialogue-form-token-key';
const text = (value: string): string => normalizeText(value).trim();

/**
 * The public side of online dialogues: the list and the event page, questions sent before or during
 * the event with the same anti-abuse and e-mail verification as the question form (honeypot, signed
 * fill-time token, per-address route limit, per-e-mail limit, single-use link confirmed by a POST).
 */
export class PublicDialogueService {
  readonly repo: DialogueRepository;

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: DialogueSettings,
  ) {
    this.repo = new DialogueRepository(ctx.get(coreServices.database).kysely<DialogueDatabase>());
  }

  async scopeOf(tenantId: string | undefined): Promise<DialogueScope> {
    const unit = tenantId === undefined ? undefined : await new UnitTree(this.ctx).get(tenantId);
    if (!unit) throw new NotFoundError('This site has no unit');
    return { unitId: unit.id, isProvince: unit.parentId === null };
  }

  /** Page `page` (from 1) of the site's events, newest schedule first, `size` a page, and how many there are. */
  async list(scope: DialogueScope, page: number, size: number): Promise<{ items: { row: DialogueRow; unitName: string }[]; total: number }> {
    const found = await this.repo.listedPage(scope, size, (page - 1) * size);
    const units = new UnitTree(this.ctx);
    return { items: await Promise.all(found.items.map(async (row) => ({ row, unitName: (await units.refOrNull(row.unit_id))?.name ?? '' }))), total: found.total };
  }

  /** The site's events still ahead (and cancelled ones that were), for the calendar feed (at most `limit`). */
  async upcoming(scope: DialogueScope, limit: number): Promise<{ row: DialogueRow; unitName: string }[]> {
    const units = new UnitTree(this.ctx);
    return Promise.all((await this.repo.upcoming(scope, Date.now(), limit)).map(async (row) => ({ row, unitName: (await units.refOrNull(row.unit_id))?.name ?? '' })));
  }

  /** An event shown on `scope`'s site; anything else does not exist (404). */
  async find(scope: DialogueScope, slug: string): Promise<DialogueRow> {
    const row = await this.repo.bySlug(slug);
    if (!row || (scope.isProvince ? row.province_id !== scope.unitId : row.unit_id !== scope.unitId)) throw new NotFoundError('No such dialogue');
    return row;
  }

  async page(scope: DialogueScope, slug: string): Promise<PublicDialogue> {
    const row = await this.find(scope, slug);
    const fields = await this.#questionRepo().fields(row.province_id);
    const [guests, questions, unit] = await Promise.all([this.repo.guests(row.id), this.repo.questions(row.id, SHOWN), new UnitTree(this.ctx).refOrNull(row.unit_id)]);
    return { row, unitName: unit?.name ?? '', fieldName: fields.find((f) => f.code === row.field_code)?.name_vi ?? row.field_code, guests, questions };
  }

  async formToken(tenantId: string): Promise<string> {
    return signFormToken(await this.#formKey(), tenantId, Date.now());
  }

  /** Stores a question as `unverified` and mails its single-use link, in one transaction. */
  async ask(req: RouteRequest, scope: DialogueScope, slug: string, input: AskInput, linkBase: string): Promise<{ verificationHours: number }> {
    const row = await this.find(scope, slug);
    if (row.status !== 'announced' && row.status !== 'live') throw QA_ERR_DIALOGUE_STATUS.create({ status: row.status, action: 'sent questions' });
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
    const email = text(input.email).toLowerCase();
    const content = text(input.content);
    if (name === '') throw bodyIssue('name', 'must not be blank', 'minLength');
    if ([...content].length < this.settings.questionMinLength) throw bodyIssue('content', `must have at least ${this.settings.questionMinLength} characters`, 'minLength');
    await this.ctx.get(coreServices.rateLimits).enforce('dialogue-question-by-email', sha256(email), this.settings.askPerEmail, req);

    const token = newVerificationToken();
    const question: DialogueQuestionRow = {
      id: randomUUID(),
      dialogue_id: row.id,
      status: 'unverified',
      asked_during: row.status === 'live' ? 'during' : 'before',
      asker_name: name,
      asker_email: email,
      content,
      consent_publish: input.consentPublish ? 1 : 0,
      consent_version: this.settings.consentVersion,
      verify_hash: sha256(token),
      verify_expires_at: now + this.settings.verificationHours * 3_600_000,
      verified_at: null,
      reject_reason: null,
      answer_text: null,
      answered_by_guest_id: null,
      answered_by_name: null,
      answered_by_title: null,
      answered_at: null,
      forwarded_question_id: null,
      created_at: now,
      updated_at: now,
    };
    const mail = dialogueVerificationMail({ title: row.title, link: `${linkBase}/doi-thoai/xac-nhan/${token}`, hours: this.settings.verificationHours }, await new MailTemplateService(this.ctx).textFor(row.province_id, 'dialogue-verification'));
    await this.ctx.get(coreServices.database).transaction<DialogueDatabase, void>(async (trx) => {
      await this.repo.insertQuestion(question, trx);
      await this.ctx.get(coreServices.mail).send({ to: email, ...mail, tenantId: req.tenantId! }, { trx });
    });
    this.ctx.logger.info('dialogue question submitted', { dialogueId: row.id, questionId: question.id });
    return { verificationHours: this.settings.verificationHours };
  }

  /** The question a verification link stands for, while the link is usable. */
  async verificationPending(token: string): Promise<{ question: DialogueQuestionRow; dialogue: DialogueRow } | undefined> {
    const question = await this.repo.questionByVerifyHash(sha256(token));
    if (!question || question.status !== 'unverified' || (question.verify_expires_at ?? 0) <= Date.now()) return undefined;
    const dialogue = await this.repo.byId(question.dialogue_id);
    return dialogue ? { question, dialogue } : undefined;
  }

  /** Uses a verification link: the question waits for moderation. */
  async verify(token: string): Promise<{ dialogue: DialogueRow }> {
    const pending = await this.verificationPending(token);
    if (!pending) throw QA_ERR_VERIFICATION_INVALID.create();
    const now = Date.now();
    const changed = await this.repo.updateQuestion(pending.question.id, ['unverified'], { status: 'pending', verify_hash: null, verify_expires_at: null, verified_at: now, updated_at: now });
    if (!changed) throw QA_ERR_VERIFICATION_INVALID.create();
    return { dialogue: pending.dialogue };
  }

  async purgeExpired(): Promise<number> {
    return this.repo.purgeUnverified(Date.now());
  }

  #questionRepo(): QuestionRepository {
    return new QuestionRepository(this.ctx.get(coreServices.database).kysely<QaDatabase>() as Kysely<QaDatabase>);
  }

  #formKey(): Promise<string> {
    return formKey(this.ctx, FORM_KEY);
  }
}
