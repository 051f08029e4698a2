import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CongError, coreServices, InputError, NotFoundError, normalizeText, type PluginContext, type RouteRequest, type StoredFile } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import { QA_ERR_ALREADY_RATED, QA_ERR_ANSWER_STATE, QA_ERR_APPROVAL_REQUIRED, QA_ERR_APPROVER_IS_AUTHOR, QA_ERR_QUESTION_TRANSITION, QA_ERR_RATING_INVALID } from '../errors.js';
import { QuestionRepository, type Side } from '../questions/question.repository.js';
import { normalizeTrackingCode, sameSecret } from '../questions/question-tokens.js';
import type { AnswerAction, QaDatabase, QuestionRow, QuestionStatus } from '../questions/qa-database.js';
import { UnitTree, type UnitRef } from '../questions/unit-tree.js';
import type { Actor } from '../questions/question.service.js';
import { DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from './answer-config.js';
import type { AnswerRow, AnswersDatabase, AnswerStatus, AttachmentRow } from './answer-database.js';
import { answerMail, clarificationMail } from './answer-mail.js';
import { AnswerRepository } from './answer.repository.js';
import { readLinkToken, signLinkToken } from './link-token.js';
import { latestProgressReport, type StatusProgressReport } from './latest-progress-report.js';
import { referencedAnswer } from './referenced-answer.js';
import { StaffNotifier } from './staff-notifier.js';
import { siteLinkBase } from './site-link.js';
import { MailTemplateService } from '../templates/mail-template.service.js';

export type AgencySide = Side & { kind: 'agency' };

/** An agency's answer as its staff read it: the draft, its revisions, the approval state and the internal notes. */
export interface AnswerView {
  readonly questionId: string;
  readonly questionStatus: QuestionStatus;
  readonly requiresApproval: boolean;
  readonly answer: {
    readonly status: AnswerStatus;
    readonly body: string;
    readonly revision: number;
    readonly createdBy: string;
    readonly submittedBy: string | null;
    readonly submittedAt: string | null;
    readonly decidedBy: string | null;
    readonly decidedAt: string | null;
    readonly remarks: string | null;
    readonly sentAt: string | null;
    readonly updatedAt: string;
    readonly revisions: readonly { readonly number: number; readonly body: string; readonly author: string; readonly at: string }[];
    readonly attachments: readonly AttachmentView[];
  } | null;
  /** Internal: never shown to the asker or the public. */
  readonly notes: readonly { readonly id: string; readonly author: string; readonly body: string; readonly at: string }[];
}

/** A file attached to an answer. */
export interface AttachmentView {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly author: string;
  readonly at: string;
}

/** What the asker's status page adds once an agency is on it: the answer, the agency's request for information, the rating. */
export interface StatusExtras {
  readonly answer: {
    readonly text: string;
    readonly agency: string | null;
    readonly answeredAt: string;
    /** `path` is under the site of the question (`/hoi-dap/tep/<token>/<id>`). */
    readonly attachments: readonly { readonly name: string; readonly size: number; readonly path: string }[];
  } | null;
  readonly informationRequest: string | null;
  readonly rating: { readonly token: string | null; readonly rated: boolean } | null;
  /** QA-03: the agency's latest report of progress with the date it will answer, while it has the question. */
  readonly progressReport: StatusProgressReport | null;
}

/** Ratings of one agency, for the agency's and the board's figures (CORE-07: no rater is named). */
export interface RatingSummary {
  readonly agency: UnitRef | null;
  readonly answered: number;
  readonly rated: number;
  readonly average: number | null;
  readonly scores: { readonly '1': number; readonly '2': number; readonly '3': number; readonly '4': number; readonly '5': number };
}

/** The status page's additions for a question whose code and e-mail matched (called by the questions' status look-up). */
export function statusExtrasOf(ctx: PluginContext, question: QuestionRow): Promise<StatusExtras> {
  return new AnswerService(ctx, DEFAULT_ANSWER_SETTINGS).statusExtras(question);
}

const LINK_KEY = 'answer-link-key';
/** The key of the asker's links, per running plugin (its context): read from the database once, never changes. */
const linkKeys = new WeakMap<PluginContext, Promise<string>>();
/** What an answer may carry: documents and scans, sniffed from the bytes by the core. */
export const ATTACHMENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_ANSWER = 10;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const text = (value: string): string => normalizeText(value).trim();
const attachmentView = (r: AttachmentRow): AttachmentView => ({ id: r.file_id, name: r.name, contentType: r.content_type, size: r.size, author: r.author_id, at: iso(r.created_at)! });
export const bodyIssue = (field: string, message: string, keyword = 'minLength') => new InputError(`body /${field} ${message}`, { errors: [{ in: 'body', pointer: `/${field}`, message, keyword }] });

/** A question is answered while it is with the agency: forwarded to it, or waiting for the citizen's information. */
const ANSWERABLE: readonly QuestionStatus[] = ['forwarded', 'waiting'];
/** The question tables' repository takes the plugin's narrower database type. */
const qa = (trx: Transaction<AnswersDatabase>) => trx as unknown as Transaction<QaDatabase>;

/**
 * Answers (QA-03…QA-05 groundwork, CORE-07): an agency drafts an answer (every save a revision), keeps
 * internal notes, asks the citizen for information (`waiting`), sends the answer itself or, when the
 * unit requires it, submits it to a leader who approves (≠ its authors) or sends it back with remarks.
 * Sending makes the question `answered` and mails the asker the answer and a rating link. Every step is
 * one transaction: the change, a timeline event (its time is what SLA clocks will read) and an audit
 * entry (summaries only: no answer text, no personal data).
 */
export class AnswerService {
  readonly repo: AnswerRepository;
  readonly questions: QuestionRepository;

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: AnswerSettings,
  ) {
    const db = ctx.get(coreServices.database).kysely<AnswersDatabase>();
    this.repo = new AnswerRepository(db);
    this.questions = new QuestionRepository(db as unknown as Kysely<QaDatabase>);
  }

  agencySide(req: RouteRequest): AgencySide {
    if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant)');
    return { kind: 'agency', agencyId: req.tenantId };
  }

  async requiresApproval(unitId: string): Promise<boolean> {
    return (await this.repo.requireApproval(unitId)) ?? this.settings.requireApprovalDefault;
  }

  async setRequiresApproval(actor: Actor, unitId: string, value: boolean): Promise<{ requireApproval: boolean }> {
    const before = await this.requiresApproval(unitId);
    await this.#transaction(async (trx) => {
      await this.repo.setRequireApproval(unitId, value, actor.id, trx);
      await this.#audit(actor, 'qa.answer-settings.update', 'qa.answer-settings', unitId, unitId, { requireApproval: before }, { requireApproval: value }, trx);
    });
    return { requireApproval: value };
  }

  // ─── Drafting ───────────────────────────────────────────────────────────────────────────────
  async view(side: AgencySide, id: string): Promise<AnswerView> {
    const question = await this.#question(side, id);
    const [answer, notes, requiresApproval] = await Promise.all([this.repo.answer(question.id, side.agencyId), this.repo.notes(question.id, side.agencyId), this.requiresApproval(side.agencyId)]);
    const [revisions, attachments] = answer ? await Promise.all([this.repo.revisions(answer.id), this.repo.attachments(answer.id)]) : [[], []];
    return {
      questionId: question.id,
      questionStatus: question.status,
      requiresApproval,
      answer: answer
        ? {
            status: answer.status,
            body: answer.body,
            revision: answer.revision,
            createdBy: answer.created_by,
            submittedBy: answer.submitted_by,
            submittedAt: iso(answer.submitted_at),
            decidedBy: answer.decided_by,
            decidedAt: iso(answer.decided_at),
            remarks: answer.remarks,
            sentAt: iso(answer.sent_at),
            updatedAt: iso(answer.updated_at)!,
            revisions: revisions.map((r) => ({ number: r.number, body: r.body, author: r.author_id, at: iso(r.created_at)! })),
            attachments: attachments.map(attachmentView),
          }
        : null,
      notes: notes.map((n) => ({ id: n.id, author: n.author_id, body: n.body, at: iso(n.created_at)! })),
    };
  }

  /** Saves the draft as a new revision (the first save creates the answer). A submitted or sent answer is not edited. */
  async saveDraft(actor: Actor, side: AgencySide, id: string, body: string): Promise<AnswerView> {
    const question = await this.#question(side, id);
    const value = text(body);
    if (value === '') throw bodyIssue('body', 'must not be blank');
    if ([...value].length > this.settings.answerMaxLength) throw bodyIssue('body', `must have at most ${this.settings.answerMaxLength} characters`, 'maxLength');
    if (!ANSWERABLE.includes(question.status)) throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'answered' });
    const existing = await this.repo.answer(question.id, side.agencyId);
    if (existing && existing.status !== 'draft') throw QA_ERR_ANSWER_STATE.create({ state: existing.status, action: 'edited' });
    const now = Date.now();
    await this.#raced(async () => this.repo.answer(question.id, side.agencyId).then((a) => a !== undefined && !existing), QA_ERR_ANSWER_STATE.create({ state: 'changed meanwhile', action: 'edited' }), () => this.#transaction(async (trx) => {
      let answer = existing;
      if (!answer) {
        answer = { id: randomUUID(), question_id: question.id, province_id: question.province_id, agency_id: side.agencyId, status: 'draft', body: value, revision: 1, created_by: actor.id, submitted_by: null, submitted_at: null, decided_by: null, decided_at: null, remarks: null, sent_at: null, created_at: now, updated_at: now };
        await this.repo.insertAnswer(answer, trx);
      } else if (!(await this.repo.updateAnswer(answer.id, ['draft'], answer.revision, { body: value, revision: answer.revision + 1, updated_at: now }, trx))) {
        throw QA_ERR_ANSWER_STATE.create({ state: 'changed meanwhile', action: 'edited' });
      }
      const number = existing ? existing.revision + 1 : 1;
      await this.repo.addRevision({ id: randomUUID(), answer_id: answer.id, number, body: value, author_id: actor.id, created_at: now }, trx);
      await this.#event(trx, question, 'drafted', actor.id, actor.unitId, null, `revision ${number}`, now);
      await this.#audit(actor, 'qa.answer.draft', 'qa.question', question.id, question.province_id, existing ? { revision: existing.revision } : undefined, { revision: number, length: [...value].length }, trx);
    }));
    return this.view(side, id);
  }

  /** An internal note of the agency on the question: its staff read it, nobody else. */
  async addNote(actor: Actor, side: AgencySide, id: string, body: string): Promise<AnswerView> {
    const question = await this.#question(side, id);
    const value = text(body);
    if (value === '') throw bodyIssue('body', 'must not be blank');
    const now = Date.now();
    const noteId = randomUUID();
    await this.#transaction(async (trx) => {
      await this.repo.addNote({ id: noteId, question_id: question.id, agency_id: side.agencyId, author_id: actor.id, body: value, created_at: now }, trx);
      await this.#audit(actor, 'qa.answer.note', 'qa.question', question.id, question.province_id, undefined, { note: noteId, length: [...value].length }, trx);
    });
    await new StaffNotifier(this.ctx).mentioned(actor.request, question.id, side.agencyId, { id: noteId, authorId: actor.id, body: value });
    return this.view(side, id);
  }

  // ─── Approval and sending ───────────────────────────────────────────────────────────────────
  /** Submits the draft for a leader's approval (ký duyệt). */
  async submit(actor: Actor, side: AgencySide, id: string): Promise<AnswerView> {
    const { question, answer } = await this.#draft(side, id, 'submitted');
    const now = Date.now();
    await this.#transaction(async (trx) => {
      if (!(await this.repo.updateAnswer(answer.id, ['draft'], answer.revision, { status: 'pending', submitted_by: actor.id, submitted_at: now, updated_at: now }, trx))) {
        throw QA_ERR_ANSWER_STATE.create({ state: 'changed meanwhile', action: 'submitted' });
      }
      await this.#event(trx, question, 'approval-asked', actor.id, actor.unitId, null, `revision ${answer.revision}`, now);
      await this.#audit(actor, 'qa.answer.submit', 'qa.question', question.id, question.province_id, { status: 'draft' }, { status: 'pending', revision: answer.revision }, trx);
    });
    await new StaffNotifier(this.ctx).approvalAsked(actor.request, question.id, side.agencyId);
    return this.view(side, id);
  }

  /** The leader sends a submitted answer back to its authors with remarks. */
  async sendBack(actor: Actor, side: AgencySide, id: string, remarks: string): Promise<AnswerView> {
    const { question, answer } = await this.#pending(side, id, 'sent back');
    const why = text(remarks);
    if (why === '') throw bodyIssue('remarks', 'must not be blank');
    const now = Date.now();
    await this.#transaction(async (trx) => {
      if (!(await this.repo.updateAnswer(answer.id, ['pending'], answer.revision, { status: 'draft', decided_by: actor.id, decided_at: now, remarks: why, updated_at: now }, trx))) {
        throw QA_ERR_ANSWER_STATE.create({ state: 'changed meanwhile', action: 'sent back' });
      }
      await this.#event(trx, question, 'sent-back', actor.id, actor.unitId, null, why, now);
      await this.#audit(actor, 'qa.answer.send-back', 'qa.question', question.id, question.province_id, { status: 'pending' }, { status: 'draft', revision: answer.revision }, trx);
    });
    return this.view(side, id);
  }

  /** The leader approves a submitted answer: it is sent. The approver wrote no revision of it and did not submit it. */
  async approve(actor: Actor, side: AgencySide, id: string): Promise<AnswerView> {
    const { question, answer } = await this.#pending(side, id, 'approved');
    const authors = new Set((await this.repo.revisions(answer.id)).map((r) => r.author_id));
    if (authors.has(actor.id) || answer.submitted_by === actor.id) throw QA_ERR_APPROVER_IS_AUTHOR.create();
    await this.#deliver(actor, question, answer, ['pending'], true);
    return this.view(side, id);
  }

  /** The author sends the answer without approval: only where the unit does not require one. */
  async send(actor: Actor, side: AgencySide, id: string): Promise<AnswerView> {
    const { question, answer } = await this.#draft(side, id, 'sent');
    if (await this.requiresApproval(side.agencyId)) throw QA_ERR_APPROVAL_REQUIRED.create();
    await this.#deliver(actor, question, answer, ['draft'], false);
    return this.view(side, id);
  }

  // ─── Attachments ────────────────────────────────────────────────────────────────────────────
  /** Attaches a stored file (the route's upload) to the draft; the core removes the file again if this fails. */
  async attach(actor: Actor, side: AgencySide, id: string, file: StoredFile): Promise<AnswerView> {
    const { question, answer } = await this.#draft(side, id, 'given attachments');
    if ((await this.repo.attachments(answer.id)).length >= ATTACHMENTS_PER_ANSWER) throw bodyIssue('file', `is one too many: at most ${ATTACHMENTS_PER_ANSWER} attachments`, 'maxItems');
    const now = Date.now();
    await this.#transaction(async (trx) => {
      await this.repo.addAttachment({ file_id: file.id, answer_id: answer.id, name: file.originalName.slice(0, 255) || 'tep-dinh-kem', content_type: file.contentType, size: file.size, author_id: actor.id, created_at: now }, trx);
      await this.#audit(actor, 'qa.answer.attach', 'qa.question', question.id, question.province_id, undefined, { file: file.id, type: file.contentType, size: file.size }, trx);
    });
    return this.view(side, id);
  }

  async detach(actor: Actor, side: AgencySide, id: string, fileId: string): Promise<AnswerView> {
    const { question, answer } = await this.#draft(side, id, 'changed');
    const found = await this.repo.attachment(answer.id, fileId);
    if (!found) throw new NotFoundError(`Attachment ${fileId} does not exist`);
    await this.#transaction(async (trx) => {
      await this.repo.removeAttachment(answer.id, fileId, trx);
      await this.#audit(actor, 'qa.answer.detach', 'qa.question', question.id, question.province_id, { file: fileId }, undefined, trx);
    });
    await this.ctx.get(coreServices.files).remove(fileId).catch(() => undefined); // after the commit: a failed removal leaves an orphan file, never a dangling row
    return this.view(side, id);
  }

  /** An attachment of the agency's answer, for its staff to download. */
  async staffFile(side: AgencySide, id: string, fileId: string): Promise<{ row: AttachmentRow; content: Readable }> {
    const question = await this.#question(side, id);
    const answer = await this.repo.answer(question.id, side.agencyId);
    const row = answer ? await this.repo.attachment(answer.id, fileId) : undefined;
    if (!row) throw new NotFoundError(`Attachment ${fileId} does not exist`);
    return { row, content: await this.ctx.get(coreServices.files).open(fileId) };
  }

  /** An attachment of a sent answer, for the asker's link (`files` token); undefined when the link or the file is not genuine. */
  async askerFile(token: string, fileId: string): Promise<{ row: AttachmentRow; content: Readable } | undefined> {
    const questionId = readLinkToken(await this.#linkKey(), 'files', token);
    const answer = questionId ? await this.repo.sentAnswer(questionId) : undefined;
    const row = answer ? await this.repo.attachment(answer.id, fileId) : undefined;
    if (!row) return undefined;
    return { row, content: await this.ctx.get(coreServices.files).open(fileId) };
  }

  // ─── Waiting for the citizen ────────────────────────────────────────────────────────────────
  /** The agency asks the citizen for information: the question waits (the SLA's pause) and the asker is mailed. */
  async requestInformation(actor: Actor, side: AgencySide, id: string, message: string): Promise<{ id: string; status: 'waiting' }> {
    const question = await this.#question(side, id);
    const request = text(message);
    if (request === '') throw bodyIssue('message', 'must not be blank');
    if (question.status !== 'forwarded') throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'put on hold' });
    const units = new UnitTree(this.ctx);
    const agency = (await units.get(side.agencyId))?.nameVi ?? '';
    const base = await siteLinkBase(this.ctx, actor.request, question.site_id);
    const mail = clarificationMail({ code: question.tracking_code ?? '', title: question.title, agency, request, statusLink: `${base}/hoi-dap/tra-cuu` }, await new MailTemplateService(this.ctx).textFor(question.province_id, 'answer-clarification'));
    const now = Date.now();
    await this.#transaction(async (trx) => {
      if (!(await this.questions.update(question.id, ['forwarded'], { status: 'waiting', updated_at: now }, qa(trx), side.agencyId))) {
        throw QA_ERR_QUESTION_TRANSITION.create({ from: 'changed meanwhile', action: 'put on hold' });
      }
      await this.#event(trx, question, 'info-requested', actor.id, actor.unitId, null, request, now);
      await this.#audit(actor, 'qa.question.request-info', 'qa.question', question.id, question.province_id, { status: 'forwarded' }, { status: 'waiting', length: [...request].length }, trx);
      await this.ctx.get(coreServices.mail).send({ to: question.asker_email, ...mail, tenantId: question.site_id }, { trx });
    });
    return { id: question.id, status: 'waiting' };
  }

  /** The citizen's reply through the status page (tracking code and e-mail): the question is with the agency again. */
  async citizenReply(req: RouteRequest, code: string, email: string, message: string): Promise<{ status: 'forwarded' }> {
    const question = await this.#asked(code, email);
    const reply = text(message);
    if (reply === '') throw bodyIssue('message', 'must not be blank');
    if (question.status !== 'waiting') throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'replied to' });
    const now = Date.now();
    await this.#transaction(async (trx) => {
      if (!(await this.questions.update(question.id, ['waiting'], { status: 'forwarded', updated_at: now }, qa(trx), question.agency_id))) {
        throw QA_ERR_QUESTION_TRANSITION.create({ from: 'changed meanwhile', action: 'replied to' });
      }
      await this.#event(trx, question, 'citizen-replied', 'public', question.site_id, question.agency_id, reply, now);
      await this.ctx.get(coreServices.audit).record(
        { action: 'qa.question.citizen-reply', objectType: 'qa.question', objectId: question.id, tenantId: question.province_id, before: { status: 'waiting' }, after: { status: 'forwarded', length: [...reply].length } },
        { request: req, trx, actorId: 'public' },
      );
    });
    return { status: 'forwarded' };
  }

  // ─── The asker's view and rating ────────────────────────────────────────────────────────────
  /** What the status page shows besides the question's status (called after code and e-mail matched). */
  async statusExtras(question: QuestionRow): Promise<StatusExtras> {
    let informationRequest: string | null = null;
    if (question.status === 'waiting') {
      const events = await this.questions.events(question.id);
      informationRequest = [...events].reverse().find((e) => e.action === 'info-requested')?.note ?? null;
    }
    if (question.status !== 'answered') return { answer: null, informationRequest, rating: null, progressReport: await latestProgressReport(this.ctx, question) };
    const answer = await this.repo.sentAnswer(question.id);
    if (!answer) {
      // QA-06: the board answered it by pointing to a published Q&A; its address is the answer.
      const reference = await referencedAnswer(this.ctx, question.id);
      const text = reference ? `Câu hỏi của bạn đã được trả lời tại / Answered at: /hoi-dap/${reference.slug}\n"${reference.title}"` : null;
      return { answer: reference && text ? { text, agency: null, answeredAt: iso(reference.at)!, attachments: [] } : null, informationRequest, rating: null, progressReport: null };
    }
    const rated = (await this.repo.rating(question.id)) !== undefined;
    const agency = (await new UnitTree(this.ctx).get(answer.agency_id))?.nameVi ?? null;
    const files = await this.#fileLinks(question.id, answer.id);
    return {
      answer: { text: answer.body, agency, answeredAt: iso(answer.sent_at)!, attachments: files.map((f) => ({ name: f.name, size: f.size, path: f.path })) },
      informationRequest,
      rating: { token: rated ? null : signLinkToken(await this.#linkKey(), 'rate', question.id), rated },
      progressReport: null,
    };
  }

  /** The question a rating link is for, when the link is genuine and the question answered. */
  async ratingTarget(token: string): Promise<{ question: QuestionRow; rated: boolean } | undefined> {
    const questionId = readLinkToken(await this.#linkKey(), 'rate', token);
    if (!questionId) return undefined;
    const question = await this.repo.question(questionId);
    if (!question || question.status !== 'answered') return undefined;
    return { question, rated: (await this.repo.rating(questionId)) !== undefined };
  }

  /** The asker's rating, 1–5 with an optional comment, once. Kept with the question and the agency, not the rater. */
  async rate(req: RouteRequest, token: string, score: number, comment: string | undefined): Promise<{ score: number }> {
    const target = await this.ratingTarget(token);
    if (!target) throw QA_ERR_RATING_INVALID.create();
    const { question } = target;
    const answer = await this.repo.sentAnswer(question.id);
    if (!answer) throw QA_ERR_RATING_INVALID.create();
    const note = comment === undefined ? null : text(comment) || null;
    const now = Date.now();
    await this.#raced(async () => (await this.repo.rating(question.id)) !== undefined, QA_ERR_ALREADY_RATED.create(), () => this.#transaction(async (trx) => {
      const fresh = await this.repo.insertRating({ question_id: question.id, province_id: question.province_id, agency_id: answer.agency_id, score, comment: note, created_at: now }, trx);
      if (!fresh) throw QA_ERR_ALREADY_RATED.create();
      await this.#event(trx, question, 'rated', 'public', question.site_id, answer.agency_id, `${score}/5`, now);
      await this.ctx.get(coreServices.audit).record(
        { action: 'qa.answer.rate', objectType: 'qa.question', objectId: question.id, tenantId: question.province_id, after: { score } },
        { request: req, trx, actorId: 'public' },
      );
    }));
    return { score };
  }

  /** Ratings per agency: one agency's, or every agency's of a province (the board). */
  async ratingSummaries(scope: { agencyId: string } | { provinceId: string }): Promise<RatingSummary[]> {
    const [counts, answered] = await Promise.all([this.repo.ratingCounts(scope), this.repo.answeredCounts(scope)]);
    const agencies = new Set([...answered.keys(), ...counts.map((c) => c.agencyId)]);
    if ('agencyId' in scope) agencies.add(scope.agencyId);
    const units = new UnitTree(this.ctx);
    const out: RatingSummary[] = [];
    for (const agencyId of [...agencies].sort()) {
      const c = counts.find((x) => x.agencyId === agencyId)?.counts ?? { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      const rated = c[1] + c[2] + c[3] + c[4] + c[5];
      const sum = c[1] + 2 * c[2] + 3 * c[3] + 4 * c[4] + 5 * c[5];
      out.push({
        agency: await units.refOrNull(agencyId),
        answered: answered.get(agencyId) ?? 0,
        rated,
        average: rated === 0 ? null : Math.round((sum / rated) * 100) / 100,
        scores: { '1': c[1], '2': c[2], '3': c[3], '4': c[4], '5': c[5] },
      });
    }
    return out;
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────
  async #question(side: AgencySide, id: string): Promise<QuestionRow> {
    const row = await this.questions.find(side, id);
    if (!row) throw new NotFoundError(`Question ${id} does not exist`);
    return row;
  }

  async #draft(side: AgencySide, id: string, action: string): Promise<{ question: QuestionRow; answer: AnswerRow }> {
    const question = await this.#question(side, id);
    const answer = await this.repo.answer(question.id, side.agencyId);
    if (!answer) throw QA_ERR_ANSWER_STATE.create({ state: 'not written yet', action });
    if (answer.status !== 'draft') throw QA_ERR_ANSWER_STATE.create({ state: answer.status, action });
    if (!ANSWERABLE.includes(question.status)) throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'answered' });
    return { question, answer };
  }

  async #pending(side: AgencySide, id: string, action: string): Promise<{ question: QuestionRow; answer: AnswerRow }> {
    const question = await this.#question(side, id);
    const answer = await this.repo.answer(question.id, side.agencyId);
    if (!answer) throw QA_ERR_ANSWER_STATE.create({ state: 'not written yet', action });
    if (answer.status !== 'pending') throw QA_ERR_ANSWER_STATE.create({ state: answer.status, action });
    return { question, answer };
  }

  /** Sends the answer: it is `sent`, the question `answered`, the asker mailed the answer and a rating link. */
  async #deliver(actor: Actor, question: QuestionRow, answer: AnswerRow, from: readonly AnswerStatus[], approved: boolean): Promise<void> {
    if (!ANSWERABLE.includes(question.status)) throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'answered' });
    // Everything read before the transaction: on SQLite a read outside it would wait for it.
    const agency = (await new UnitTree(this.ctx).get(answer.agency_id))?.nameVi ?? '';
    const base = await siteLinkBase(this.ctx, actor.request, question.site_id);
    const token = signLinkToken(await this.#linkKey(), 'rate', question.id);
    const files = (await this.#fileLinks(question.id, answer.id)).map((f) => ({ name: f.name, link: `${base}${f.path}` }));
    const mail = answerMail({ code: question.tracking_code ?? '', title: question.title, agency, answer: answer.body, files, statusLink: `${base}/hoi-dap/tra-cuu`, ratingLink: `${base}/hoi-dap/danh-gia/${token}` }, await new MailTemplateService(this.ctx).textFor(question.province_id, 'answer-sent'));
    const now = Date.now();
    await this.#transaction(async (trx) => {
      const decision = approved ? { decided_by: actor.id, decided_at: now, remarks: null } : {};
      if (!(await this.repo.updateAnswer(answer.id, from, answer.revision, { status: 'sent', sent_at: now, updated_at: now, ...decision }, trx))) {
        throw QA_ERR_ANSWER_STATE.create({ state: 'changed meanwhile', action: 'sent' });
      }
      if (!(await this.questions.update(question.id, ANSWERABLE, { status: 'answered', updated_at: now }, qa(trx), answer.agency_id))) {
        throw QA_ERR_QUESTION_TRANSITION.create({ from: 'changed meanwhile', action: 'answered' });
      }
      // The approval a millisecond before the answer: the timeline sorts by time (then a random id).
      if (approved) await this.#event(trx, question, 'approved', actor.id, actor.unitId, null, `revision ${answer.revision}`, now - 1);
      await this.#event(trx, question, 'answered', actor.id, actor.unitId, null, null, now);
      await this.#audit(actor, approved ? 'qa.answer.approve' : 'qa.answer.send', 'qa.question', question.id, question.province_id, { status: question.status, answer: answer.status }, { status: 'answered', answer: 'sent', revision: answer.revision }, trx);
      await this.ctx.get(coreServices.mail).send({ to: question.asker_email, ...mail, tenantId: question.site_id }, { trx });
    });
  }

  /** The asker's download paths of a sent answer's attachments (under the question's site). */
  async #fileLinks(questionId: string, answerId: string): Promise<{ name: string; size: number; path: string }[]> {
    const rows = await this.repo.attachments(answerId);
    if (rows.length === 0) return [];
    const token = signLinkToken(await this.#linkKey(), 'files', questionId);
    return rows.map((r) => ({ name: r.name, size: r.size, path: `/hoi-dap/tep/${token}/${r.file_id}` }));
  }

  /** The asker's question by tracking code and e-mail: an unknown code and a wrong address answer alike (404). */
  async #asked(code: string, email: string): Promise<QuestionRow> {
    const row = await this.questions.byTrackingCode(normalizeTrackingCode(code));
    const matches = sameSecret(row?.asker_email ?? '\u0000no-question', text(email).toLowerCase());
    if (!row || !matches) throw new NotFoundError('No question has this tracking code and e-mail address');
    return row;
  }

  async #event(trx: Transaction<AnswersDatabase>, question: QuestionRow, action: AnswerAction, actorId: string, unitId: string, target: string | null, note: string | null, at: number): Promise<void> {
    await this.questions.addEvent({ id: randomUUID(), question_id: question.id, province_id: question.province_id, action, actor_id: actorId, actor_unit_id: unitId, target_unit_id: target, note, created_at: at }, qa(trx));
  }

  async #audit(actor: Actor, action: string, objectType: string, objectId: string, tenantId: string, before: unknown, after: unknown, trx: Transaction<AnswersDatabase>): Promise<void> {
    await this.ctx.get(coreServices.audit).record({ action, objectType, objectId, tenantId, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }, { request: actor.request, trx });
  }

  /**
   * Runs a write that a concurrent request may have beaten to a unique key (the first draft of an
   * answer, a rating): when it fails and `lost()` then says the other request won, the caller gets
   * `conflict` (a 409) instead of the database's error.
   */
  async #raced<T>(lost: () => Promise<boolean>, conflict: Error, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!CongError.is(error) && (await lost().catch(() => false))) throw conflict;
      throw error;
    }
  }

  #transaction<T>(work: (trx: Transaction<AnswersDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<AnswersDatabase, T>(work);
  }

  #linkKey(): Promise<string> {
    let key = linkKeys.get(this.ctx);
    if (!key) {
      key = this.questions.secret(LINK_KEY, () => randomBytes(32).toString('base64url'));
      key.catch(() => linkKeys.delete(this.ctx)); // a failed read is retried by the next request
      linkKeys.set(this.ctx, key);
    }
    return key;
  }
}
