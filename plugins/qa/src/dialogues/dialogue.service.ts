import { randomBytes, randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, slugify, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import { QA_ERR_DIALOGUE_QUESTION_STATE, QA_ERR_DIALOGUE_STATUS } from '../errors.js';
import type { QaDatabase } from '../questions/qa-database.js';
import { QuestionRepository } from '../questions/question.repository.js';
import { UnitTree } from '../questions/unit-tree.js';
import type { DialogueSettings } from './dialogue-config.js';
import type { DialogueDatabase, DialogueModerationAction, DialogueQuestionRow, DialogueQuestionStatus, DialogueRow, DialogueStatus, GuestRow } from './dialogue-database.js';
import { DialogueRepository } from './dialogue.repository.js';

/** Who acts: a person through a route, in the request's unit (the organising unit). */
export interface DialogueActor {
  readonly id: string;
  readonly unitId: string;
  readonly request: RouteRequest;
}

export interface GuestInput {
  readonly id?: string;
  readonly name: string;
  readonly position: string;
  readonly unit: string;
}

export interface DialogueInput {
  readonly title: string;
  readonly field: string;
  readonly description: string;
  readonly guests: readonly GuestInput[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly livestreamUrl?: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const text = (value: string): string => normalizeText(value).trim();
export const bodyIssue = (field: string, message: string, keyword = 'format') => new InputError(`body /${field} ${message}`, { errors: [{ in: 'body', pointer: `/${field}`, message, keyword }] });

/** A web link staff typed: only http and https, parsed and given back in its normal form; anything else is refused naming the field. */
export function webLink(value: string | null | undefined, field: string): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw bodyIssue(field, 'is not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bodyIssue(field, 'must be an http or https address', 'pattern');
  return url.href;
}

export function dialogueView(row: DialogueRow, guests: readonly GuestRow[]) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    field: row.field_code,
    description: row.description,
    guests: guests.map((g) => ({ id: g.id, name: g.name, position: g.title, unit: g.unit_name })),
    startsAt: iso(row.starts_at)!,
    endsAt: iso(row.ends_at)!,
    livestreamUrl: row.livestream_url,
    status: row.status,
    cancelReason: row.cancel_reason,
    summary: row.summary,
    videoUrl: row.video_url,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    publishedAt: iso(row.published_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** A question as staff read it: the asker's e-mail is there because staff may need to reach them. */
export function staffQuestionView(q: DialogueQuestionRow) {
  return {
    id: q.id,
    status: q.status,
    askedDuring: q.asked_during,
    asker: { name: q.asker_name, email: q.asker_email },
    content: q.content,
    consentPublish: q.consent_publish === 1,
    rejectReason: q.reject_reason,
    answer: q.answered_at === null ? null : { text: q.answer_text ?? '', guest: { id: q.answered_by_guest_id ?? '', name: q.answered_by_name ?? '', position: q.answered_by_title ?? '' }, at: iso(q.answered_at)! },
    forwardedQuestionId: q.forwarded_question_id,
    createdAt: iso(q.created_at)!,
  };
}

/** How a refused move reads in the error ("A dialogue that is live cannot be started"). */
const MOVE_WORDS = { start: 'started', end: 'ended', cancel: 'cancelled', publish: 'published' } as const;

/** Which statuses allow which step of a question; the step's moderation-log action. */
const QUESTION_STEPS = {
  approve: { from: ['pending'], to: 'approved', events: ['announced', 'live', 'ended'] },
  reject: { from: ['pending', 'approved'], to: 'rejected', events: ['announced', 'live', 'ended'] },
  answering: { from: ['approved'], to: 'answering', events: ['live'] },
  answer: { from: ['approved', 'answering'], to: 'answered', events: ['live', 'ended'] },
} as const satisfies Record<string, { from: readonly DialogueQuestionStatus[]; to: DialogueQuestionStatus; events: readonly DialogueStatus[] }>;

/**
 * Online dialogues with leaders (QA-30, QA-31), the organising unit's side: create and edit an event,
 * start and end it (by hand: see dialogue-database.ts), cancel it, moderate the public's questions,
 * record the guests' answers, publish the summary and video. Every write keeps its audit entry in the
 * same transaction; the moderation log is its own append-only table.
 */
export class DialogueService {
  readonly repo: DialogueRepository;

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: DialogueSettings,
  ) {
    this.repo = new DialogueRepository(ctx.get(coreServices.database).kysely<DialogueDatabase>());
  }

  async page(unitId: string, limit: number, offset: number) {
    const { items, total } = await this.repo.page(unitId, limit, offset);
    return { items: await Promise.all(items.map(async (row) => dialogueView(row, await this.repo.guests(row.id)))), total, limit, offset };
  }

  async detail(unitId: string, id: string) {
    const row = await this.#own(unitId, id);
    return dialogueView(row, await this.repo.guests(row.id));
  }

  async create(actor: DialogueActor, input: DialogueInput) {
    const province = await new UnitTree(this.ctx).province(actor.unitId);
    if (!province) throw new NotFoundError('The request names no unit');
    const checked = await this.#checked(province.id, input);
    const now = Date.now();
    const id = randomUUID();
    const row: DialogueRow = {
      id,
      province_id: province.id,
      unit_id: actor.unitId,
      slug: `${slugify(checked.title, 60) || 'doi-thoai'}-${randomBytes(4).toString('hex')}`,
      title: checked.title,
      field_code: input.field,
      description: checked.description,
      starts_at: checked.startsAt,
      ends_at: checked.endsAt,
      livestream_url: checked.livestreamUrl,
      status: 'announced',
      cancel_reason: null,
      summary: null,
      video_url: null,
      started_at: null,
      ended_at: null,
      published_at: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    const guests = this.#guestRows(id, input.guests, []);
    await this.#transaction(async (trx) => {
      await this.repo.insert(row, guests, trx);
      await this.#audit(actor, 'qa.dialogue.create', id, undefined, { title: row.title, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at), guests: guests.length }, trx);
    });
    return dialogueView(row, guests);
  }

  /** Edits the details while the event is announced or live; guests named by `id` keep it. */
  async update(actor: DialogueActor, id: string, input: DialogueInput) {
    const row = await this.#own(actor.unitId, id);
    this.#status(row, ['announced', 'live'], 'edited');
    const checked = await this.#checked(row.province_id, input);
    const before = await this.repo.guests(id);
    const guests = this.#guestRows(id, input.guests, before);
    const changes: Partial<DialogueRow> = { title: checked.title, field_code: input.field, description: checked.description, starts_at: checked.startsAt, ends_at: checked.endsAt, livestream_url: checked.livestreamUrl, updated_at: Date.now() };
    await this.#transaction(async (trx) => {
      if (!(await this.repo.update(id, ['announced', 'live'], changes, trx))) throw QA_ERR_DIALOGUE_STATUS.create({ status: 'changed meanwhile', action: 'edited' });
      await this.repo.replaceGuests(id, guests, trx);
      await this.#audit(actor, 'qa.dialogue.update', id, { title: row.title, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at), livestreamUrl: row.livestream_url, guests: before.map((g) => g.name) }, { title: checked.title, startsAt: iso(checked.startsAt), endsAt: iso(checked.endsAt), livestreamUrl: checked.livestreamUrl, guests: guests.map((g) => g.name) }, trx);
    });
    return dialogueView({ ...row, ...changes }, guests);
  }

  start(actor: DialogueActor, id: string) {
    return this.#move(actor, id, ['announced'], 'live', 'start', (now) => ({ started_at: now }));
  }

  end(actor: DialogueActor, id: string) {
    return this.#move(actor, id, ['live'], 'ended', 'end', (now) => ({ ended_at: now }));
  }

  cancel(actor: DialogueActor, id: string, reason: string) {
    const why = text(reason);
    if (why === '') throw bodyIssue('reason', 'must say why the event is cancelled', 'minLength');
    return this.#move(actor, id, ['announced'], 'cancelled', 'cancel', () => ({ cancel_reason: why }));
  }

  /** Publishes (or corrects) the summary or transcript and the video link after the event (QA-31). */
  async publish(actor: DialogueActor, id: string, summary: string, videoUrl: string | null | undefined) {
    const body = text(summary);
    if (body === '') throw bodyIssue('summary', 'must not be blank', 'minLength');
    const video = webLink(videoUrl, 'videoUrl');
    return this.#move(actor, id, ['ended', 'published'], 'published', 'publish', (now, row) => ({ summary: body, video_url: video, published_at: row.published_at ?? now }));
  }

  // ─── Questions ──────────────────────────────────────────────────────────────────────────────
  async questions(unitId: string, id: string, status?: DialogueQuestionStatus) {
    await this.#own(unitId, id);
    const statuses: DialogueQuestionStatus[] = status ? [status] : ['pending', 'approved', 'rejected', 'answering', 'answered', 'forwarded'];
    return { items: (await this.repo.questions(id, statuses)).map(staffQuestionView) };
  }

  /** Approves or rejects (with a reason) a verified question, or marks an approved one as being answered now. */
  async moderate(actor: DialogueActor, id: string, questionId: string, step: 'approve' | 'reject' | 'answering', reason: string | null) {
    const why = reason === null ? null : text(reason) || null;
    if (step === 'reject' && why === null) throw bodyIssue('reason', 'must say why the question is not shown', 'minLength');
    return this.#questionStep(actor, id, questionId, step, why, () => (step === 'reject' ? { reject_reason: why } : {}));
  }

  /** Records a guest's answer to an approved question (live, or typed up just after the event). */
  async answer(actor: DialogueActor, id: string, questionId: string, guestId: string, answer: string) {
    const body = text(answer);
    if (body === '') throw bodyIssue('text', 'must not be blank', 'minLength');
    const guest = (await this.repo.guests(id)).find((g) => g.id === guestId);
    if (!guest) throw bodyIssue('guestId', 'is not a guest of this dialogue', 'enum');
    return this.#questionStep(actor, id, questionId, 'answer', null, (now) => ({ answer_text: body, answered_by_guest_id: guest.id, answered_by_name: guest.name, answered_by_title: guest.title, answered_at: now }));
  }

  async moderationLog(unitId: string, id: string) {
    await this.#own(unitId, id);
    return { items: (await this.repo.moderationLog(id)).map((m) => ({ questionId: m.question_id, action: m.action, reason: m.reason, actor: m.actor_id, at: iso(m.created_at)! })) };
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────
  async #own(unitId: string, id: string): Promise<DialogueRow> {
    const row = await this.repo.own(unitId, id);
    if (!row) throw new NotFoundError(`Dialogue ${id} does not exist`);
    return row;
  }

  #status(row: DialogueRow, allowed: readonly DialogueStatus[], action: string): void {
    if (!allowed.includes(row.status)) throw QA_ERR_DIALOGUE_STATUS.create({ status: row.status, action });
  }

  async #move(actor: DialogueActor, id: string, from: readonly DialogueStatus[], to: DialogueStatus, verb: 'start' | 'end' | 'cancel' | 'publish', extra: (now: number, row: DialogueRow) => Partial<DialogueRow>) {
    const row = await this.#own(actor.unitId, id);
    this.#status(row, from, MOVE_WORDS[verb]);
    const guests = await this.repo.guests(id);
    const now = Date.now();
    const changes: Partial<DialogueRow> = { status: to, updated_at: now, ...extra(now, row) };
    await this.#transaction(async (trx) => {
      if (!(await this.repo.update(id, from, changes, trx))) throw QA_ERR_DIALOGUE_STATUS.create({ status: 'changed meanwhile', action: verb });
      await this.#audit(actor, `qa.dialogue.${verb}`, id, { status: row.status }, { status: to, ...(changes.cancel_reason ? { reason: changes.cancel_reason } : {}), ...(changes.video_url !== undefined ? { videoUrl: changes.video_url } : {}) }, trx);
    });
    return dialogueView({ ...row, ...changes }, guests);
  }

  async #questionStep(actor: DialogueActor, id: string, questionId: string, step: keyof typeof QUESTION_STEPS, reason: string | null, extra: (now: number) => Partial<DialogueQuestionRow>) {
    const row = await this.#own(actor.unitId, id);
    const rule = QUESTION_STEPS[step];
    const question = await this.repo.question(id, questionId);
    if (!question || question.status === 'unverified') throw new NotFoundError(`Question ${questionId} does not exist`);
    if (!(rule.from as readonly DialogueQuestionStatus[]).includes(question.status)) throw QA_ERR_DIALOGUE_QUESTION_STATE.create({ status: question.status, action: step });
    this.#status(row, rule.events, step === 'answering' ? 'answering questions' : step === 'answer' ? 'answered' : 'moderated');
    const now = Date.now();
    const changes: Partial<DialogueQuestionRow> = { status: rule.to, updated_at: now, ...extra(now) };
    await this.#transaction(async (trx) => {
      if (!(await this.repo.updateQuestion(questionId, rule.from, changes, trx))) throw QA_ERR_DIALOGUE_QUESTION_STATE.create({ status: 'changed meanwhile', action: step });
      await this.repo.log({ id: randomUUID(), dialogue_id: id, question_id: questionId, action: step as DialogueModerationAction, reason, actor_id: actor.id, created_at: now }, trx);
      await this.#audit(actor, `qa.dialogue.question.${step}`, id, { question: questionId, status: question.status }, { question: questionId, status: rule.to, ...(reason ? { reason } : {}), ...(changes.answered_by_guest_id ? { guest: changes.answered_by_guest_id } : {}) }, trx);
    });
    return staffQuestionView({ ...question, ...changes });
  }

  /** The checks a field's value needs beyond its schema, each refusal naming the field. */
  async #checked(provinceId: string, input: DialogueInput) {
    const title = text(input.title);
    if (title.length < 5) throw bodyIssue('title', 'must have at least 5 characters', 'minLength');
    const fields = await new QuestionRepository(this.ctx.get(coreServices.database).kysely<QaDatabase>() as Kysely<QaDatabase>).fields(provinceId);
    if (!fields.some((f) => f.code === input.field)) throw bodyIssue('field', 'is not one of the fields of this province', 'enum');
    const startsAt = Date.parse(input.startsAt);
    const endsAt = Date.parse(input.endsAt);
    if (Number.isNaN(startsAt)) throw bodyIssue('startsAt', 'is not a date and time');
    if (Number.isNaN(endsAt) || endsAt <= startsAt) throw bodyIssue('endsAt', 'must be after startsAt', 'minimum');
    if (input.guests.some((g) => text(g.name) === '')) throw bodyIssue('guests', 'each guest needs a name', 'minLength');
    return { title, description: text(input.description), startsAt, endsAt, livestreamUrl: webLink(input.livestreamUrl, 'livestreamUrl') };
  }

  #guestRows(dialogueId: string, input: readonly GuestInput[], existing: readonly GuestRow[]): GuestRow[] {
    return input.map((g, i) => {
      if (g.id !== undefined && !existing.some((e) => e.id === g.id)) throw bodyIssue(`guests/${i}/id`, 'is not a guest of this dialogue', 'enum');
      return { id: g.id ?? randomUUID(), dialogue_id: dialogueId, position: i + 1, name: text(g.name), title: text(g.position), unit_name: text(g.unit) };
    });
  }

  async #audit(actor: DialogueActor, action: string, objectId: string, before: unknown, after: unknown, trx: Transaction<DialogueDatabase>): Promise<void> {
    await this.ctx.get(coreServices.audit).record({ action, objectType: 'qa.dialogue', objectId, tenantId: actor.unitId, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }, { request: actor.request, trx });
  }

  #transaction<T>(work: (trx: Transaction<DialogueDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<DialogueDatabase, T>(work);
  }
}
