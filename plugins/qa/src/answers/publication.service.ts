import { publicListCacheOf } from './public-list-cache.js';
import { randomUUID } from 'node:crypto';
import { coreServices, fold, NotFoundError, normalizeText, slugify, type PluginContext } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import { QA_ERR_NO_CONSENT, QA_ERR_NOT_REVIEWED, QA_ERR_QUESTION_TRANSITION } from '../errors.js';
import { QuestionRepository, type Side } from '../questions/question.repository.js';
import type { Actor } from '../questions/question.service.js';
import type { AnswerAction, QaDatabase, QuestionRow } from '../questions/qa-database.js';
import { UnitTree, type UnitRef } from '../questions/unit-tree.js';
import type { AnswerSettings } from './answer-config.js';
import type { AnswersDatabase, PublicationRow, PublicationStatus } from './answer-database.js';
import { AnswerRepository } from './answer.repository.js';
import { bodyIssue } from './answer.service.js';
import { findPersonalData, maskFindings, type Finding, type PersonalDataKind } from './redaction.js';
import { syncAnswerSearch } from '../search/answer-search.js';

export type BoardSide = Side & { kind: 'board' };

/** The three texts that are published. */
export interface PublicTexts {
  readonly title: string;
  readonly question: string;
  readonly answer: string;
}

/** What the detector found in one of the texts. */
export interface FindingView {
  readonly part: keyof PublicTexts;
  readonly kind: PersonalDataKind;
  readonly text: string;
}

/** The board's redaction review of an answered question: the original, the proposal and the reviewed version. */
export interface ReviewView {
  readonly questionId: string;
  readonly consentPublish: boolean;
  readonly status: PublicationStatus | null;
  readonly original: PublicTexts;
  /** The texts with every finding masked: a proposal for a person to check and edit. */
  readonly proposal: PublicTexts;
  readonly findings: readonly FindingView[];
  /** The reviewed public version (what publication shows), with what the detector still finds in it. */
  readonly reviewed: (PublicTexts & { readonly reviewedBy: string; readonly reviewedAt: string; readonly remaining: readonly FindingView[] }) | null;
  readonly slug: string | null;
  readonly publishedAt: string | null;
}

/** A published question and answer as anyone reads it: nothing personal. */
export interface PublicAnswer {
  readonly slug: string;
  readonly title: string;
  readonly question: string;
  readonly answer: string;
  readonly field: { readonly code: string; readonly name: string };
  readonly agency: string | null;
  readonly askedAt: string;
  readonly answeredAt: string;
  readonly publishedAt: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const text = (value: string): string => normalizeText(value).trim();
const qa = (trx: Transaction<AnswersDatabase>) => trx as unknown as Transaction<QaDatabase>;
const PARTS: readonly (keyof PublicTexts)[] = ['title', 'question', 'answer'];

/** The words of a public search, folded (no diacritics, đ→d) and reduced to letters and digits; at most 8. */
export function searchWords(query: string | undefined): string[] {
  return [...new Set(fold(normalizeText(query ?? '')).split(/[^a-z0-9]+/).filter((w) => w !== ''))].slice(0, 8);
}

/**
 * Publication of answered questions (QA-04, QA-06, CORE-11), by the **editorial board** of the province
 * (permission `qa.answers.publish` in the province): the board answers for what the portal publishes,
 * and it sees every agency's answers. Only with the asker's consent, and only the version a person
 * reviewed: the detector proposes a masked text, the reviewer edits and saves it, publication shows
 * exactly that version. Every step is a timeline event and an audit entry.
 */
export class PublicationService {
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

  async review(side: BoardSide, id: string): Promise<ReviewView> {
    const { question, answer } = await this.#answered(side, id);
    const original: PublicTexts = { title: question.title, question: question.content, answer };
    const person = { name: question.asker_name, address: question.asker_address };
    const findings: FindingView[] = [];
    const proposal = {} as Record<keyof PublicTexts, string>;
    for (const part of PARTS) {
      const found = findPersonalData(original[part], person);
      findings.push(...found.map((f: Finding) => ({ part, kind: f.kind, text: f.text })));
      proposal[part] = maskFindings(original[part], found, this.settings.redactionMask);
    }
    const row = await this.repo.publication(side.provinceId, question.id);
    return {
      questionId: question.id,
      consentPublish: question.consent_publish === 1,
      status: row?.status ?? null,
      original,
      proposal,
      findings,
      reviewed: row
        ? {
            title: row.title,
            question: row.question,
            answer: row.answer,
            reviewedBy: row.reviewed_by,
            reviewedAt: iso(row.reviewed_at),
            remaining: PARTS.flatMap((part) => findPersonalData(row[part], person).map((f) => ({ part, kind: f.kind, text: f.text }))),
          }
        : null,
      slug: row?.slug ?? null,
      publishedAt: row?.published_at ? iso(row.published_at) : null,
    };
  }

  /** Saves the reviewed public version. A published one shows the new version at once. */
  async saveReview(actor: Actor, side: BoardSide, id: string, input: PublicTexts): Promise<ReviewView> {
    const { question, sentAt } = await this.#answered(side, id);
    if (question.consent_publish !== 1) throw QA_ERR_NO_CONSENT.create();
    const texts = { title: text(input.title), question: text(input.question), answer: text(input.answer) };
    for (const part of PARTS) if (texts[part] === '') throw bodyIssue(part, 'must not be blank');
    const existing = await this.repo.publication(side.provinceId, question.id);
    const now = Date.now();
    const row: PublicationRow = {
      question_id: question.id,
      province_id: question.province_id,
      agency_id: question.agency_id!,
      field_code: question.field_code,
      slug: existing?.slug ?? `${slugify(texts.title, 80) || 'hoi-dap'}-${question.id.slice(0, 8)}`,
      status: existing?.status ?? 'reviewed',
      ...texts,
      search_fold: fold(`${texts.title} ${texts.question} ${texts.answer}`),
      asked_at: question.verified_at ?? question.created_at,
      answered_at: sentAt,
      reviewed_by: actor.id,
      reviewed_at: now,
      published_by: existing?.published_by ?? null,
      published_at: existing?.published_at ?? null,
      updated_at: now,
    };
    await this.#transaction(async (trx) => {
      await this.repo.savePublication(row, existing !== undefined, trx);
      await this.#event(trx, question, 'redacted', actor, null, now);
      await this.#audit(actor, 'qa.publication.review', question, existing ? { status: existing.status } : undefined, { status: row.status, slug: row.slug }, trx);
      if (row.status === 'published') await syncAnswerSearch(this.ctx, question.id, trx); // the new version, at once
    });
    publicListCacheOf(this.ctx).invalidate(side.provinceId);
    return this.review(side, id);
  }

  async publish(actor: Actor, side: BoardSide, id: string): Promise<ReviewView> {
    const { question } = await this.#answered(side, id);
    if (question.consent_publish !== 1) throw QA_ERR_NO_CONSENT.create();
    const row = await this.repo.publication(side.provinceId, question.id);
    if (!row) throw QA_ERR_NOT_REVIEWED.create();
    if (row.status === 'published') return this.review(side, id);
    const now = Date.now();
    await this.#transaction(async (trx) => {
      await this.repo.setPublicationStatus(question.id, 'published', { published_by: actor.id, published_at: now, updated_at: now }, trx);
      await this.#event(trx, question, 'published', actor, row.slug, now);
      await this.#audit(actor, 'qa.publication.publish', question, { status: row.status }, { status: 'published', slug: row.slug }, trx);
      await syncAnswerSearch(this.ctx, question.id, trx); // the site-wide search finds it
    });
    publicListCacheOf(this.ctx).invalidate(side.provinceId);
    return this.review(side, id);
  }

  async unpublish(actor: Actor, side: BoardSide, id: string, reason: string | null): Promise<ReviewView> {
    const { question } = await this.#answered(side, id);
    const row = await this.repo.publication(side.provinceId, question.id);
    if (!row || row.status !== 'published') throw QA_ERR_QUESTION_TRANSITION.create({ from: 'not published', action: 'unpublished' });
    const now = Date.now();
    await this.#transaction(async (trx) => {
      await this.repo.setPublicationStatus(question.id, 'unpublished', { updated_at: now }, trx);
      await this.#event(trx, question, 'unpublished', actor, reason, now);
      await this.#audit(actor, 'qa.publication.unpublish', question, { status: 'published' }, { status: 'unpublished', reason }, trx);
      await syncAnswerSearch(this.ctx, question.id, trx); // and no longer finds it
    });
    publicListCacheOf(this.ctx).invalidate(side.provinceId);
    return this.review(side, id);
  }

  // ─── The public side ────────────────────────────────────────────────────────────────────────
  /** The province's published questions and answers, newest first; by field and folded words. */
  async publicPage(provinceId: string, query: { field?: string; q?: string; limit: number; offset: number }): Promise<{ items: PublicAnswer[]; total: number; limit: number; offset: number }> {
    const page = await this.repo.publishedPage({ provinceId, words: searchWords(query.q), limit: query.limit, offset: query.offset, ...(query.field ? { field: query.field } : {}) });
    const names = await this.#fieldNames(provinceId);
    const units = new UnitTree(this.ctx);
    return { items: await Promise.all(page.items.map((r) => this.#public(units, names, r))), total: page.total, limit: query.limit, offset: query.offset };
  }

  async publicOne(provinceId: string, slugOrId: string): Promise<PublicAnswer> {
    const row = await this.repo.published(provinceId, slugOrId);
    if (!row) throw new NotFoundError('No published question has this address');
    return this.#public(new UnitTree(this.ctx), await this.#fieldNames(provinceId), row);
  }

  /** The province's fields with how many published answers each has. */
  async publicFields(provinceId: string): Promise<{ code: string; name: string; count: number }[]> {
    const [fields, counts] = await Promise.all([this.questions.fields(provinceId), this.repo.publishedFields(provinceId)]);
    return fields.map((f) => ({ code: f.code, name: f.name_vi, count: counts.find((c) => c.field === f.code)?.n ?? 0 }));
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────
  /** An answered question of the board's province with its sent answer; others answer 404 or 409. */
  async #answered(side: BoardSide, id: string): Promise<{ question: QuestionRow; answer: string; sentAt: number }> {
    const question = await this.questions.find(side, id);
    if (!question) throw new NotFoundError(`Question ${id} does not exist`);
    const answer = question.status === 'answered' ? await this.repo.sentAnswer(question.id) : undefined;
    if (!answer) throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'published' });
    return { question, answer: answer.body, sentAt: answer.sent_at ?? answer.updated_at };
  }

  async #fieldNames(provinceId: string): Promise<Map<string, string>> {
    return new Map((await this.questions.fields(provinceId)).map((f) => [f.code, f.name_vi]));
  }

  async #public(units: UnitTree, names: Map<string, string>, r: PublicationRow): Promise<PublicAnswer> {
    const agency: UnitRef | null = await units.refOrNull(r.agency_id);
    return {
      slug: r.slug,
      title: r.title,
      question: r.question,
      answer: r.answer,
      field: { code: r.field_code, name: names.get(r.field_code) ?? r.field_code },
      agency: agency?.name ?? null,
      askedAt: iso(r.asked_at),
      answeredAt: iso(r.answered_at),
      publishedAt: iso(r.published_at ?? r.updated_at),
    };
  }

  async #event(trx: Transaction<AnswersDatabase>, question: QuestionRow, action: AnswerAction, actor: Actor, note: string | null, at: number): Promise<void> {
    await this.questions.addEvent({ id: randomUUID(), question_id: question.id, province_id: question.province_id, action, actor_id: actor.id, actor_unit_id: actor.unitId, target_unit_id: null, note, created_at: at }, qa(trx));
  }

  async #audit(actor: Actor, action: string, question: QuestionRow, before: unknown, after: unknown, trx: Transaction<AnswersDatabase>): Promise<void> {
    await this.ctx.get(coreServices.audit).record({ action, objectType: 'qa.question', objectId: question.id, tenantId: question.province_id, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }, { request: actor.request, trx });
  }

  #transaction<T>(work: (trx: Transaction<AnswersDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<AnswersDatabase, T>(work);
  }
}
