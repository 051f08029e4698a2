import { coreServices, InputError, NotFoundError, normalizeText, slugify, type PluginContext } from '@cong/sdk';
import { findPersonalData } from '../answers/redaction.js';
import { siteLinkBase } from '../answers/site-link.js';
import { PETITION_FORWARD_RULE, type WorkingDaysRuleValue } from '../deadlines/deadline-rules.js';
import { vietnamDate } from '../deadlines/vietnam-date.js';
import { QA_ERR_FEEDBACK_NOT_REVIEWED, QA_ERR_FEEDBACK_STATE } from '../errors.js';
import { UnitTree } from '../questions/unit-tree.js';
import type { FeedbackSettings } from './feedback-config.js';
import { REVIEW_CRITERIA, type Classification, type Decision, type FeedbackDatabase, type FeedbackKind, type FeedbackRow, type FeedbackStatus, type Review } from './feedback-database.js';
import { outcomes, resultNotice, type Outcome, type SenderMail } from './feedback-notices.js';
import { AREAS } from './feedback-pages.js';
import { runFeedbackStep, type FeedbackActor, type FeedbackStep } from './feedback-step.js';
import { staffFeedbackView } from './feedback-views.js';
import { FeedbackRepository } from './feedback.repository.js';
import { feedbackScope } from './receiving-unit.js';

const text = (value: string | undefined | null): string => normalizeText(value ?? '').trim();
export const bodyIssue = (field: string, message: string, keyword = 'minLength') => new InputError(`body /${field} ${message}`, { errors: [{ in: 'body', pointer: `/${field}`, message, keyword }] });
const required = (value: string | undefined, field: string): string => {
  const t = text(value);
  if (t === '') throw bodyIssue(field, 'must not be blank');
  return t;
};

/** The statuses from which an item is archived. */
const CLOSED: Readonly<Record<FeedbackKind, readonly FeedbackStatus[]>> = { regulation: ['not-accepted', 'forwarded', 'decided', 'published'], idea: ['accepted', 'rejected'] };

/**
 * Feedback on regulations, the receiving unit's side (NĐ 20/2008 Arts. 9 and 14, QA-12, QA-13):
 * register it (số vào sổ), classify it into one of the four outcomes with a reason, forward it within
 * the working days of the rule `qa.deadline.petitionForward` (5) when it is a complaint about officials
 * or outside the unit's competence, or process it: clarify with the sender, assess the basis, review
 * the regulation against the six criteria, decide, publish the result without personal data, archive.
 * Every step is a timeline event and an audit entry in one transaction.
 */
export class FeedbackService {
  readonly repo: FeedbackRepository;
  readonly #units: UnitTree;

  constructor(
    private readonly ctx: PluginContext,
    readonly settings: FeedbackSettings,
    readonly kind: FeedbackKind = 'regulation',
  ) {
    this.repo = new FeedbackRepository(ctx.get(coreServices.database).kysely<FeedbackDatabase>());
    this.#units = new UnitTree(ctx);
  }

  /** The unit acting must be the one that receives this kind in its province: feedback its Department of Justice, ideas the province. Else 404. */
  async assertReceiving(unitId: string): Promise<void> {
    const scope = await feedbackScope(this.ctx, this.settings, unitId);
    const receiving = this.kind === 'regulation' ? scope?.receivingUnitId : scope?.province.id;
    if (receiving !== unitId) throw new NotFoundError(this.kind === 'regulation' ? 'This unit does not receive feedback on regulations' : 'Ideas are handled by the province');
  }

  async page(unitId: string, status: FeedbackStatus | undefined, limit: number, offset: number) {
    await this.assertReceiving(unitId);
    const { items, total } = await this.repo.page(unitId, this.kind, status, limit, offset);
    return { items: items.map((row) => staffFeedbackView(row)), total, limit, offset };
  }

  async detail(unitId: string, id: string) {
    const row = await this.own(unitId, id);
    return staffFeedbackView(row, await this.repo.events(id));
  }

  async own(unitId: string, id: string): Promise<FeedbackRow> {
    const row = await this.repo.own(unitId, this.kind, id);
    if (!row) throw new NotFoundError(`Feedback ${id} does not exist`);
    return row;
  }

  /** Registers a received item (số vào sổ): the number given (as in a paper register) or the next of the unit's year, `0001/2027`. */
  async register(actor: FeedbackActor, id: string, number: string | undefined) {
    const row = await this.own(actor.unitId, id);
    if (row.status !== 'received') throw QA_ERR_FEEDBACK_STATE.create({ status: row.status, action: 'registered' });
    const now = Date.now();
    const year = vietnamDate(now).slice(0, 4);
    let registerNumber = text(number);
    if (registerNumber === '') {
      const since = Date.parse(`${year}-01-01T00:00:00+07:00`);
      registerNumber = `${String((await this.repo.registeredSince(actor.unitId, since)) + 1).padStart(4, '0')}/${year}`;
    }
    const taken = await this.repo.byRegisterNumber(actor.unitId, registerNumber);
    if (taken) throw bodyIssue('number', 'is already used in the register', 'uniqueItems');
    try {
      return await this.#step(actor, row, 'registered', { from: ['received'], changes: { status: 'registered', register_number: registerNumber, registered_at: now }, event: 'registered', note: registerNumber, audit: 'qa.feedback.register', after: { status: 'registered', registerNumber } });
    } catch (error) {
      // Two registrations at once took the same next number: the unique index refused the second.
      if (error instanceof Error && /unique|duplicate/i.test(error.message) && (await this.repo.byRegisterNumber(actor.unitId, registerNumber))?.id !== row.id) {
        throw bodyIssue('number', 'is already used in the register: try again', 'uniqueItems');
      }
      throw error;
    }
  }

  /**
   * Classifies a registered item (Art. 9(1)): `not-accepted` closes it; `official-complaint` and
   * `outside-competence` wait to be forwarded by the due date (the received day + the rule's working
   * days on the core calendar); `within-competence` starts processing.
   */
  async classify(actor: FeedbackActor, id: string, outcome: Classification, reason: string) {
    const why = required(reason, 'reason');
    const row = await this.own(actor.unitId, id);
    if (row.status !== 'registered') throw QA_ERR_FEEDBACK_STATE.create({ status: row.status, action: 'classified' });
    const forwarding = outcome === 'official-complaint' || outcome === 'outside-competence';
    let due: { on: string; version: string } | null = null;
    if (forwarding) {
      // Read on the platform's connection before the transaction (SQLite has one connection).
      const receivedOn = vietnamDate(row.received_at ?? row.created_at);
      const rule = await this.ctx.get(coreServices.rules).get<WorkingDaysRuleValue>(PETITION_FORWARD_RULE, receivedOn);
      due = { on: await this.ctx.get(coreServices.calendar).addWorkingDays(receivedOn, rule.value.days), version: rule.version };
    }
    const status: FeedbackStatus = outcome === 'not-accepted' ? 'not-accepted' : forwarding ? 'forwarding' : 'processing';
    const mail = status === 'not-accepted' ? await this.#resultMail(actor, row, () => outcomes.notAccepted(why)) : undefined;
    return this.#step(actor, row, 'classified', {
      ...(mail ? { mail } : {}),
      from: ['registered'],
      changes: { status, classification: outcome, classify_reason: why, forward_due_on: due?.on ?? null, forward_rule_version: due?.version ?? null },
      event: 'classified',
      note: `${outcome}: ${why}`,
      audit: 'qa.feedback.classify',
      after: { status, classification: outcome, ...(due ? { forwardDueOn: due.on } : {}) },
    });
  }

  /** Forwards to the competent body: a unit of the province (by slug or id) or a body named in words (a ministry). */
  async forward(actor: FeedbackActor, id: string, to: string, note: string | undefined) {
    const target = required(to, 'to');
    const row = await this.own(actor.unitId, id);
    const unit = await this.#units.agencyOf(row.province_id, target);
    const name = unit?.nameVi ?? target;
    const now = Date.now();
    const onTime = row.forward_due_on === null ? null : vietnamDate(now) <= row.forward_due_on;
    const mail = row.status === 'forwarding' ? await this.#resultMail(actor, row, () => outcomes.forwarded(name)) : undefined;
    return this.#step(actor, row, 'forwarded', {
      ...(mail ? { mail } : {}),
      from: ['forwarding'],
      changes: { status: 'forwarded', forwarded_to: name, forwarded_at: now },
      event: 'forwarded',
      note: text(note) ? `${name}: ${text(note)}` : name,
      audit: 'qa.feedback.forward',
      after: { status: 'forwarded', to: unit?.id ?? name, onTime },
    });
  }

  /** Records that the sender was asked to clarify (by phone or e-mail, with what was asked). */
  async clarify(actor: FeedbackActor, id: string, note: string) {
    const what = required(note, 'note');
    const row = await this.own(actor.unitId, id);
    return this.#step(actor, row, 'clarification recorded', { from: ['processing'], changes: {}, event: 'clarified', note: what, audit: 'qa.feedback.clarify', after: { status: row.status } });
  }

  /** Records whether there is enough basis to review the regulation. */
  async assess(actor: FeedbackActor, id: string, sufficientBasis: boolean, note: string) {
    const why = required(note, 'note');
    const row = await this.own(actor.unitId, id);
    return this.#step(actor, row, 'assessed', { from: ['processing'], changes: {}, event: 'assessed', note: `${sufficientBasis ? 'đủ căn cứ' : 'chưa đủ căn cứ'}: ${why}`, audit: 'qa.feedback.assess', after: { sufficientBasis } });
  }

  /** Records the review of the regulation against every criterion of Art. 14 (again to correct it). */
  async review(actor: FeedbackActor, id: string, criteria: Review) {
    const review = Object.fromEntries(
      (Object.keys(REVIEW_CRITERIA) as (keyof typeof REVIEW_CRITERIA)[]).map((c) => [c, { met: criteria[c].met, note: text(criteria[c].note) }]),
    ) as unknown as Review;
    const row = await this.own(actor.unitId, id);
    const notMet = Object.entries(review).filter(([, v]) => !v.met).map(([k]) => k);
    return this.#step(actor, row, 'reviewed', {
      from: ['processing'],
      changes: { review_json: JSON.stringify(review) },
      event: 'reviewed',
      note: notMet.length === 0 ? 'đáp ứng mọi tiêu chí / meets every criterion' : `không đáp ứng / not met: ${notMet.join(', ')}`,
      audit: 'qa.feedback.review',
      after: { notMet },
    });
  }

  async decide(actor: FeedbackActor, id: string, decision: Decision, note: string) {
    const why = required(note, 'note');
    const row = await this.own(actor.unitId, id);
    if (row.status === 'processing' && row.review_json === null) throw QA_ERR_FEEDBACK_NOT_REVIEWED.create();
    return this.#step(actor, row, 'decided', { from: ['processing'], changes: { status: 'decided', decision, decision_note: why }, event: 'decided', note: `${decision}: ${why}`, audit: 'qa.feedback.decide', after: { status: 'decided', decision } });
  }

  /** Publishes the result (QA-13): texts written for the public, refused (400 naming the field) when they carry the sender's data. */
  async publish(actor: FeedbackActor, id: string, input: { title: string; summary: string; result: string }) {
    const row = await this.own(actor.unitId, id);
    const texts = { title: required(input.title, 'title'), summary: required(input.summary, 'summary'), result: required(input.result, 'result') };
    this.#noPersonalData(row, texts);
    const slug = row.public_slug ?? `${slugify(texts.title, 80) || 'ket-qua'}-${row.id.slice(0, 8)}`;
    const now = Date.now();
    // The sender hears of the result once: when it is first published, not when its text is corrected.
    const mail = row.status === 'decided' && row.published_at === null ? await this.#resultMail(actor, row, (base) => outcomes.published(texts.result, `${base}/${AREAS.regulation.path}/ket-qua#${slug}`)) : undefined;
    return this.#step(actor, row, 'published', {
      ...(mail ? { mail } : {}),
      from: ['decided', 'published'],
      changes: { status: 'published', public_slug: slug, public_title: texts.title, public_summary: texts.summary, public_result: texts.result, published_at: row.published_at ?? now },
      event: 'published',
      note: slug,
      audit: 'qa.feedback.publish',
      after: { status: 'published', slug },
    });
  }

  async archive(actor: FeedbackActor, id: string) {
    const row = await this.own(actor.unitId, id);
    return this.#step(actor, row, 'archived', { from: CLOSED[this.kind], changes: { status: 'archived', archived_at: Date.now() }, event: 'archived', note: null, audit: `qa.${this.kind === 'idea' ? 'idea' : 'feedback'}.archive`, after: { status: 'archived' } });
  }

  /** Ideas: accepted for the public list with a text staff wrote, or rejected with a reason. */
  async accept(actor: FeedbackActor, id: string, input: { title: string; summary: string }) {
    const row = await this.own(actor.unitId, id);
    const texts = { title: required(input.title, 'title'), summary: required(input.summary, 'summary') };
    this.#noPersonalData(row, texts);
    const slug = `${slugify(texts.title, 80) || 'hien-ke'}-${row.id.slice(0, 8)}`;
    const mail = row.status === 'received' ? await this.#resultMail(actor, row, (base) => outcomes.accepted(`${base}/${AREAS.idea.path}/${slug}`)) : undefined;
    return this.#step(actor, row, 'accepted', {
      ...(mail ? { mail } : {}),
      from: ['received'],
      changes: { status: 'accepted', public_slug: slug, public_title: texts.title, public_summary: texts.summary, published_at: Date.now() },
      event: 'accepted',
      note: slug,
      audit: 'qa.idea.accept',
      after: { status: 'accepted', slug },
    });
  }

  async reject(actor: FeedbackActor, id: string, reason: string) {
    const why = required(reason, 'reason');
    const row = await this.own(actor.unitId, id);
    const mail = row.status === 'received' ? await this.#resultMail(actor, row, () => outcomes.rejected(why)) : undefined;
    return this.#step(actor, row, 'rejected', { ...(mail ? { mail } : {}), from: ['received'], changes: { status: 'rejected', classify_reason: why }, event: 'rejected', note: why, audit: 'qa.idea.reject', after: { status: 'rejected' } });
  }

  /** Public acknowledgement of an accepted idea: acknowledged, or adopted, with a note shown on its page. */
  async acknowledge(actor: FeedbackActor, id: string, level: 'acknowledged' | 'adopted', note: string) {
    const what = required(note, 'note');
    const row = await this.own(actor.unitId, id);
    this.#noPersonalData(row, { note: what });
    return this.#step(actor, row, 'acknowledged', { from: ['accepted'], changes: { acknowledgement: level, acknowledgement_note: what }, event: level, note: what, audit: 'qa.idea.acknowledge', after: { acknowledgement: level } });
  }

  /** The outcome message to the sender (none without an e-mail), with links on the site the item came from. */
  async #resultMail(actor: FeedbackActor, row: FeedbackRow, outcome: (linkBase: string) => Outcome): Promise<SenderMail | undefined> {
    if (row.sender_email === '') return undefined;
    const base = await siteLinkBase(this.ctx, actor.request, row.site_id);
    return resultNotice(this.ctx, row, outcome(base), base, actor.unitId);
  }

  #noPersonalData(row: FeedbackRow, texts: Record<string, string>): void {
    for (const [field, value] of Object.entries(texts)) {
      const folded = value.toLowerCase();
      const found = findPersonalData(value, { name: row.sender_name, address: row.sender_address }).filter((f) => f.kind !== 'licence-plate');
      if (found.length > 0 || (row.sender_email !== '' && folded.includes(row.sender_email)) || (row.sender_phone !== '' && value.replace(/\D/g, '').includes(row.sender_phone.replace(/\D/g, '')))) {
        throw bodyIssue(field, `must not carry personal data (${found[0]?.kind ?? 'contact'})`, 'not');
      }
    }
  }

  async #step(actor: FeedbackActor, row: FeedbackRow, action: string, step: FeedbackStep) {
    const changed = await runFeedbackStep(this.ctx, this.repo, actor, row, step, action);
    return staffFeedbackView(changed, await this.repo.events(row.id));
  }
}
