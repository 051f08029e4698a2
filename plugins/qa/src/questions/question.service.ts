import { randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, type PluginContext, type RouteRequest, type TenantInfo } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { QA_ERR_FORM_EXPIRED, QA_ERR_FORM_TOO_FAST, QA_ERR_HONEYPOT, QA_ERR_QUESTION_TRANSITION, QA_ERR_TRACKING_BUSY, QA_ERR_VERIFICATION_INVALID } from '../errors.js';
import { statusExtrasOf, type StatusExtras } from '../answers/answer.service.js';
import { currentDeadline, expectedAnswerDate } from '../deadlines/current-deadline.js';
import { CONSENT_TEXT } from './default-fields.js';
import { trackingMail, verificationMail } from './question-mail.js';
import type { QuestionLimits } from './question-config.js';
import { QuestionRepository, type QuestionFilter, type Side } from './question.repository.js';
import { newTrackingCode, newVerificationToken, normalizeTrackingCode, readFormToken, sameSecret, sha256, signFormToken } from './question-tokens.js';
import type { QaDatabase, QuestionAction, QuestionRow, QuestionStatus, RoutingRuleKind, RoutingRuleRow } from './qa-database.js';
import { UnitTree, type UnitRef } from './unit-tree.js';
import { MailTemplateService } from '../templates/mail-template.service.js';
import { formKey } from '../public-forms/form-key.js';
import { ProofOfWorkGuard } from '../public-forms/proof-of-work-guard.js';
import { QuestionAttachmentService } from './question-attachment.service.js';

/** What a citizen sends (the form and the widget alike). */
export interface QuestionInput {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly address?: string;
  readonly field: string;
  readonly commune?: string;
  readonly title: string;
  readonly content: string;
  readonly consentPublish: boolean;
  /** The honeypot: hidden from people, must stay empty. */
  readonly website?: string;
  readonly formToken: string;
  /** The solved proof-of-work challenge, `<challenge>:<nonce>`, when `questions.proofOfWork` is on. */
  readonly proof?: string;
}

/** Who acts on a question: a person through a route, in the request's unit. */
export interface Actor {
  readonly id: string;
  readonly unitId: string;
  readonly request: RouteRequest;
}

export interface FieldView {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface TimelineEntry {
  readonly action: QuestionAction;
  readonly at: string;
  readonly actor: string;
  readonly unit: UnitRef | null;
  readonly target: UnitRef | null;
  readonly note: string | null;
}

/** A question as staff read it; `asker` carries the contact they need to answer. */
export interface QuestionView {
  readonly id: string;
  readonly trackingCode: string | null;
  readonly status: QuestionStatus;
  readonly field: string;
  readonly commune: UnitRef | null;
  readonly site: UnitRef | null;
  readonly agency: UnitRef | null;
  readonly title: string;
  readonly content: string;
  readonly consentPublish: boolean;
  readonly closeReason: string | null;
  readonly receivedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly asker: { readonly name: string; readonly email: string; readonly phone: string | null; readonly address: string | null };
}

export interface RoutingSuggestion {
  readonly agency: UnitRef;
  readonly rule: { readonly id: string; readonly kind: RoutingRuleKind };
}

/** What the public status page shows: no contact details, nothing personal; the answer and the agency's request for information (src/answers). */
export interface PublicStatus extends StatusExtras {
  readonly trackingCode: string;
  readonly status: QuestionStatus;
  readonly title: string;
  readonly field: string;
  readonly receivedAt: string | null;
  readonly agency: string | null;
  readonly closeReason: string | null;
  readonly updatedAt: string;
  /** "Hạn trả lời dự kiến" (src/deadlines): the agency's due date while it has the question, else null. */
  readonly expectedAnswerBy: string | null;
}

export interface RuleInput {
  readonly kind: RoutingRuleKind;
  readonly field?: string | null;
  readonly commune?: string | null;
  readonly agency: string;
  readonly note?: string | null;
}

export interface RuleView {
  readonly id: string;
  readonly kind: RoutingRuleKind;
  readonly field: string | null;
  readonly commune: UnitRef | null;
  readonly agency: UnitRef | null;
  readonly note: string | null;
  readonly updatedAt: string;
}

const FORM_KEY = 'form-token-key';
/** The question form's proof-of-work: its key (`question-proof-key`) and spent challenges. */
const PROOF_NAME = 'question-proof';
/** The form key of each running plugin (its context): read from the database once, never changes. */
const TRACKING_ATTEMPTS = 5;
/** The statuses in which the status page names the agency: it has the question, or answered it. */
const AGENCY_STATUSES: readonly QuestionStatus[] = ['forwarded', 'waiting', 'answered'];
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const text = (value: string): string => normalizeText(value).trim();
const optional = (value: string | null | undefined): string | null => (value === undefined || value === null ? null : text(value) || null);
const bodyIssue = (field: string, message: string, keyword = 'enum') => new InputError(`body /${field} ${message}`, { errors: [{ in: 'body', pointer: `/${field}`, message, keyword }] });

/**
 * Citizens' questions (QA-01, QA-02): the public form with its anti-abuse checks, e-mail
 * verification, tracking, and the board's and agencies' queue. Every staff step writes the question,
 * a timeline event and an audit entry in one transaction.
 *
 * The board of a province sees every verified question received by a site of its tree; an agency sees
 * only the questions forwarded to it, and nothing else exists for it (404).
 */
export class QuestionService {
  readonly repo: QuestionRepository;

  constructor(
    private readonly ctx: PluginContext,
    readonly limits: QuestionLimits,
  ) {
    this.repo = new QuestionRepository(ctx.get(coreServices.database).kysely<QaDatabase>());
  }

  units(): UnitTree {
    return new UnitTree(this.ctx);
  }

  // ─── The public form ────────────────────────────────────────────────────────────────────────
  /** The province whose board receives what `tenantId`'s site collects. */
  async provinceOf(units: UnitTree, tenantId: string | undefined): Promise<TenantInfo> {
    const province = tenantId === undefined ? undefined : await units.province(tenantId);
    if (!province) throw new NotFoundError('Name a unit (its site) to ask a question');
    return province;
  }

  async fields(provinceId: string): Promise<FieldView[]> {
    return (await this.repo.fields(provinceId)).map((f) => ({ code: f.code, name: f.name_vi, nameEn: f.name_en }));
  }

  /** What a form needs: fields, communes, the consent text and a fresh fill-time token. */
  async form(tenantId: string | undefined) {
    const units = this.units();
    const province = await this.provinceOf(units, tenantId);
    const [fields, communes, key, proof] = await Promise.all([this.fields(province.id), units.communes(province.id), this.#formKey(), this.proofOfWork().challenge(tenantId!)]);
    return {
      fields,
      communes: communes.map((c) => ({ slug: c.slug, name: c.nameVi })),
      consent: { version: this.limits.consentVersion, vi: CONSENT_TEXT.vi, en: CONSENT_TEXT.en },
      formToken: signFormToken(key, tenantId!, Date.now()),
      minFillSeconds: this.limits.minFillSeconds,
      limits: {
        titleMaxLength: this.limits.titleMaxLength,
        contentMaxLength: this.limits.contentMaxLength,
        contentMinLength: this.limits.contentMinLength,
        attachmentsMaxCount: this.limits.attachmentsMaxCount,
        attachmentMaxBytes: this.limits.attachmentMaxBytes,
        attachmentTypes: [...this.limits.attachmentTypes],
      },
      // Only while `questions.proofOfWork` is on: what the client solves before sending.
      ...(proof ? { proof } : {}),
    };
  }

  /** The form's optional proof-of-work; its challenges live as long as the fill-time token. */
  proofOfWork(): ProofOfWorkGuard {
    return new ProofOfWorkGuard(this.ctx, PROOF_NAME, { enabled: this.limits.proofOfWork, bits: this.limits.proofOfWorkBits, lifetimeMs: this.limits.formMaxAgeHours * 3_600_000 });
  }

  /**
   * Stores a question as `unverified` and mails its single-use verification link, in one
   * transaction (the message is in the outbox exactly when the question exists).
   */
  async submit(req: RouteRequest, input: QuestionInput, channel: 'form' | 'widget', linkBase: string): Promise<{ id: string; status: 'unverified'; verificationHours: number; attachToken: string }> {
    const units = this.units();
    const province = await this.provinceOf(units, req.tenantId);
    // The cheap refusals first: a bot is told before anything is counted for an address.
    if (input.website !== undefined && input.website !== '') throw QA_ERR_HONEYPOT.create({}, { errors: [{ in: 'body', pointer: '/website', message: 'must stay empty', keyword: 'maxLength' }] });
    const issuedAt = readFormToken(await this.#formKey(), req.tenantId!, input.formToken);
    const now = Date.now();
    if (issuedAt === undefined || now - issuedAt > this.limits.formMaxAgeHours * 3_600_000 || issuedAt > now + 60_000) {
      throw QA_ERR_FORM_EXPIRED.create({}, { errors: [{ in: 'body', pointer: '/formToken', message: 'is not valid or too old: reload the form', keyword: 'format' }] });
    }
    const seconds = Math.floor((now - issuedAt) / 1000);
    if (now - issuedAt < this.limits.minFillSeconds * 1000) {
      throw QA_ERR_FORM_TOO_FAST.create({ seconds, minimum: this.limits.minFillSeconds }, { errors: [{ in: 'body', pointer: '/formToken', message: `was sent ${seconds} s after the form opened`, keyword: 'minimum' }] });
    }
    // One HMAC and one hash, before the fields are checked or a counter taken; spent only when the question is stored.
    const proofOfWork = this.proofOfWork();
    const proof = await proofOfWork.check(req, input.proof, now);

    const email = text(input.email).toLowerCase();
    const title = text(input.title);
    const content = text(input.content);
    const name = text(input.name);
    if (name === '') throw bodyIssue('name', 'must not be blank', 'minLength');
    if (title.length < this.limits.titleMinLength) throw bodyIssue('title', `must have at least ${this.limits.titleMinLength} characters`, 'minLength');
    if ([...content].length < this.limits.contentMinLength) throw bodyIssue('content', `must have at least ${this.limits.contentMinLength} characters`, 'minLength');
    const fields = await this.repo.fields(province.id);
    if (!fields.some((f) => f.code === input.field)) throw bodyIssue('field', 'is not one of the fields of this province');
    let communeId: string | null = null;
    if (input.commune !== undefined && input.commune !== '') {
      const commune = (await units.communes(province.id)).find((c) => c.slug === input.commune);
      if (!commune) throw bodyIssue('commune', 'is not a commune of this province');
      communeId = commune.id;
    }
    // Per verified address: the key is the address's hash, so the limiter's table holds no e-mail.
    await this.ctx.get(coreServices.rateLimits).enforce('question-by-email', sha256(email), this.limits.submitPerEmail, req);

    const token = newVerificationToken();
    const row: QuestionRow = {
      id: randomUUID(),
      province_id: province.id,
      site_id: req.tenantId!,
      status: 'unverified',
      tracking_code: null,
      asker_name: name,
      asker_email: email,
      asker_phone: optional(input.phone),
      asker_address: optional(input.address),
      field_code: input.field,
      commune_id: communeId,
      title,
      content,
      consent_publish: input.consentPublish ? 1 : 0,
      consent_version: this.limits.consentVersion,
      agency_id: null,
      verify_hash: sha256(token),
      verify_expires_at: now + this.limits.verificationHours * 3_600_000,
      verified_at: null,
      close_reason: null,
      channel,
      created_at: now,
      updated_at: now,
    };
    const message = verificationMail({ title, link: `${linkBase}/hoi-dap/xac-nhan/${token}`, hours: this.limits.verificationHours, province: province.nameVi }, await new MailTemplateService(this.ctx).textFor(province.id, 'question-verification'));
    // Spent just before the write, with no await in between: two submissions of one solution, one question.
    proofOfWork.claim(proof);
    await this.#transaction(async (trx) => {
      await this.repo.insert(row, trx);
      await this.repo.addEvent(this.#event(row, 'submitted', 'public', req.tenantId!, null, null, now), trx);
      await this.ctx.get(coreServices.mail).send({ to: email, ...message, tenantId: req.tenantId! }, { trx });
    });
    this.ctx.logger.info('question submitted', { questionId: row.id, tenantId: req.tenantId, channel });
    // Files are attached with this token until the question is confirmed (src/questions/question-attachment.service.ts).
    const attachToken = await new QuestionAttachmentService(this.ctx, this.limits).tokenFor(row.id);
    return { id: row.id, status: 'unverified', verificationHours: this.limits.verificationHours, attachToken };
  }

  /** Whether a verification link is usable now (the confirm page asks before the POST that uses it). */
  async verificationPending(token: string): Promise<QuestionRow | undefined> {
    const row = await this.repo.byVerifyHash(sha256(token));
    return row && row.status === 'unverified' && (row.verify_expires_at ?? 0) > Date.now() ? row : undefined;
  }

  /** Uses a verification link: the question is received, gets its tracking code, and the code is mailed. */
  async verify(token: string): Promise<{ trackingCode: string; title: string }> {
    const row = await this.verificationPending(token);
    if (!row) throw QA_ERR_VERIFICATION_INVALID.create();
    const province = await this.units().get(row.province_id);
    const now = Date.now();
    for (let attempt = 0; attempt < TRACKING_ATTEMPTS; attempt++) {
      const code = newTrackingCode(new Date(now + 7 * 3_600_000).getUTCFullYear());
      if (await this.repo.byTrackingCode(code)) continue;
      let used = false;
      await this.#transaction(async (trx) => {
        const changed = await this.repo.update(row.id, ['unverified'], { status: 'received', tracking_code: code, verify_hash: null, verify_expires_at: null, verified_at: now, updated_at: now }, trx, null);
        if (!changed) return; // the link was used by another request meanwhile
        used = true;
        await this.repo.addEvent(this.#event(row, 'verified', 'public', row.site_id, null, null, now), trx);
        const message = trackingMail({ code, title: row.title, province: province?.nameVi ?? '' }, await new MailTemplateService(this.ctx).textFor(row.province_id, 'question-tracking', trx));
        await this.ctx.get(coreServices.mail).send({ to: row.asker_email, ...message, tenantId: row.site_id }, { trx });
      });
      if (!used) throw QA_ERR_VERIFICATION_INVALID.create();
      this.ctx.logger.info('question verified', { questionId: row.id, tenantId: row.site_id });
      return { trackingCode: code, title: row.title };
    }
    throw QA_ERR_TRACKING_BUSY.create();
  }

  /**
   * The public status by tracking code and e-mail, both required; an unknown code and a wrong address
   * give the same answer (404), and the address is compared in constant time.
   */
  async publicStatus(code: string, email: string): Promise<PublicStatus> {
    const row = await this.repo.byTrackingCode(normalizeTrackingCode(code));
    const matches = sameSecret(row?.asker_email ?? '\u0000no-question', text(email).toLowerCase());
    if (!row || !matches) throw new NotFoundError('No question has this tracking code and e-mail address');
    const units = this.units();
    const fields = await this.fields(row.province_id);
    return {
      trackingCode: row.tracking_code!,
      status: row.status,
      title: row.title,
      field: fields.find((f) => f.code === row.field_code)?.name ?? row.field_code,
      receivedAt: iso(row.verified_at),
      agency: AGENCY_STATUSES.includes(row.status) ? ((await units.refOrNull(row.agency_id))?.name ?? null) : null,
      closeReason: row.close_reason,
      updatedAt: iso(row.updated_at)!,
      expectedAnswerBy: await expectedAnswerDate(this.ctx, row),
      ...(await statusExtrasOf(this.ctx, row)),
    };
  }

  // ─── The board and the agencies ─────────────────────────────────────────────────────────────
  /** The board's side: the request's unit must be a province (the root of its tree). */
  async boardSide(req: RouteRequest): Promise<Side & { kind: 'board' }> {
    const unit = req.tenantId === undefined ? undefined : await this.units().get(req.tenantId);
    if (!unit || unit.parentId !== null) throw new NotFoundError('The question queue is kept by the province’s editorial board');
    return { kind: 'board', provinceId: unit.id };
  }

  agencySide(req: RouteRequest): Side & { kind: 'agency' } {
    if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant)');
    return { kind: 'agency', agencyId: req.tenantId };
  }

  async page(side: Side, filter: QuestionFilter & { commune?: string }): Promise<{ items: QuestionView[]; total: number; limit: number; offset: number }> {
    const units = this.units();
    let communeId: string | undefined;
    if (filter.commune) communeId = (await units.get(filter.commune))?.id ?? (await this.ctx.get(coreServices.tenancy).getBySlug(filter.commune))?.id ?? '\u0000none';
    const page = await this.repo.page(side, { ...filter, ...(communeId ? { communeId } : {}) });
    return { items: await Promise.all(page.items.map((row) => this.#view(units, row))), total: page.total, limit: filter.limit, offset: filter.offset };
  }

  async detail(side: Side, id: string) {
    const row = await this.#row(side, id);
    const units = this.units();
    const timeline = await Promise.all(
      (await this.repo.events(row.id)).map(async (e) => ({
        action: e.action,
        at: iso(e.created_at)!,
        actor: e.actor_id,
        unit: await units.refOrNull(e.actor_unit_id),
        target: await units.refOrNull(e.target_unit_id),
        note: e.note,
      })),
    );
    const view = { ...(await this.#view(units, row)), deadline: await currentDeadline(this.ctx, row.id), attachments: await new QuestionAttachmentService(this.ctx, this.limits).list(row.id) };
    return side.kind === 'board' ? { ...view, timeline, suggestions: await this.suggestions(units, row) } : { ...view, timeline };
  }

  /** The routing rules that match: commune rules first (the place decides), then field rules. */
  async suggestions(units: UnitTree, row: QuestionRow): Promise<RoutingSuggestion[]> {
    const rules = await this.repo.rules(row.province_id);
    const matching = [
      ...rules.filter((r) => r.kind === 'commune' && row.commune_id !== null && r.commune_id === row.commune_id),
      ...rules.filter((r) => r.kind === 'field' && r.field_code === row.field_code),
    ];
    const out: RoutingSuggestion[] = [];
    for (const rule of matching) {
      if (out.some((s) => s.agency.id === rule.agency_id)) continue;
      const agency = await units.refOrNull(rule.agency_id);
      if (agency) out.push({ agency, rule: { id: rule.id, kind: rule.kind } });
    }
    return out;
  }

  /** The board sets the field (lĩnh vực) of a question it has not closed. */
  async classify(actor: Actor, side: Side, id: string, field: string) {
    const row = await this.#row(side, id);
    if (!(await this.repo.fields(row.province_id)).some((f) => f.code === field)) throw bodyIssue('field', 'is not one of the fields of this province');
    await this.#step(actor, row, ['received', 'returned', 'forwarded'], 'classify', 'classified', { field_code: field }, null, `${row.field_code} → ${field}`);
    return this.detail(side, id);
  }

  /** The board forwards a received or returned question to an agency of the province. */
  async forward(actor: Actor, side: Side & { kind: 'board' }, id: string, agency: string, note: string | null) {
    const row = await this.#row(side, id);
    const target = await this.units().agencyOf(row.province_id, agency);
    if (!target) throw bodyIssue('agency', 'is not a unit of this province the question can be forwarded to');
    await this.#step(actor, row, ['received', 'returned'], 'forward', 'forwarded', { status: 'forwarded', agency_id: target.id }, target.id, optional(note));
    return this.detail(side, id);
  }

  /** The board answers "outside the province's competence" with a reason: the question is closed. */
  async decline(actor: Actor, side: Side & { kind: 'board' }, id: string, reason: string) {
    const row = await this.#row(side, id);
    const why = text(reason);
    if (why === '') throw bodyIssue('reason', 'must not be blank', 'minLength');
    await this.#step(actor, row, ['received', 'returned'], 'decline', 'declined', { status: 'closed', agency_id: null, close_reason: why }, null, why);
    return this.detail(side, id);
  }

  /** An agency gives a question back to the board with a reason (not its competence, unclear…). */
  async giveBack(actor: Actor, side: Side & { kind: 'agency' }, id: string, reason: string) {
    const row = await this.#row(side, id);
    const why = text(reason);
    if (why === '') throw bodyIssue('reason', 'must not be blank', 'minLength');
    await this.#step(actor, row, ['forwarded'], 'return', 'returned', { status: 'returned', agency_id: null }, row.province_id, why);
    return { id: row.id, status: 'returned' as const };
  }

  /** An agency passes a question on to another agency of the province; the board sees the step in the timeline and the audit. */
  async transfer(actor: Actor, side: Side & { kind: 'agency' }, id: string, agency: string, note: string | null) {
    const row = await this.#row(side, id);
    const target = await this.units().agencyOf(row.province_id, agency);
    if (!target || target.id === row.agency_id) throw bodyIssue('agency', 'is not another unit of this province the question can be transferred to');
    await this.#step(actor, row, ['forwarded'], 'transfer', 'transferred', { agency_id: target.id }, target.id, optional(note));
    return { id: row.id, status: 'forwarded' as const, agency: { id: target.id, slug: target.slug, name: target.nameVi } };
  }

  // ─── Routing rules ──────────────────────────────────────────────────────────────────────────
  async rules(provinceId: string): Promise<RuleView[]> {
    const units = this.units();
    return Promise.all((await this.repo.rules(provinceId)).map((r) => this.#ruleView(units, r)));
  }

  async createRule(actor: Actor, provinceId: string, input: RuleInput): Promise<RuleView> {
    const units = this.units();
    const resolved = await this.#resolveRule(units, provinceId, input);
    const now = Date.now();
    const row: RoutingRuleRow = { id: randomUUID(), province_id: provinceId, ...resolved, note: optional(input.note), created_by: actor.id, created_at: now, updated_at: now };
    await this.#transaction(async (trx) => {
      await this.repo.insertRule(row, trx);
      await this.#audit(actor, 'qa.routing-rule.create', 'qa.routing-rule', row.id, provinceId, undefined, ruleSummary(row), trx);
    });
    return this.#ruleView(units, row);
  }

  async updateRule(actor: Actor, provinceId: string, id: string, input: RuleInput): Promise<RuleView> {
    const before = await this.repo.rule(provinceId, id);
    if (!before) throw new NotFoundError(`Routing rule ${id} does not exist`);
    const units = this.units();
    const resolved = await this.#resolveRule(units, provinceId, input);
    const after: RoutingRuleRow = { ...before, ...resolved, note: optional(input.note), updated_at: Date.now() };
    await this.#transaction(async (trx) => {
      await this.repo.updateRule(id, { ...resolved, note: after.note, updated_at: after.updated_at }, trx);
      await this.#audit(actor, 'qa.routing-rule.update', 'qa.routing-rule', id, provinceId, ruleSummary(before), ruleSummary(after), trx);
    });
    return this.#ruleView(units, after);
  }

  async deleteRule(actor: Actor, provinceId: string, id: string): Promise<void> {
    const before = await this.repo.rule(provinceId, id);
    if (!before) throw new NotFoundError(`Routing rule ${id} does not exist`);
    await this.#transaction(async (trx) => {
      await this.repo.deleteRule(id, trx);
      await this.#audit(actor, 'qa.routing-rule.delete', 'qa.routing-rule', id, provinceId, ruleSummary(before), undefined, trx);
    });
  }

  /** Deletes unverified questions whose link expired (the purge job). */
  async purgeExpired(): Promise<number> {
    const purged = await this.repo.purgeUnverified(Date.now());
    if (purged > 0) this.ctx.logger.info('unverified questions purged', { purged });
    return purged;
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────
  async #row(side: Side, id: string): Promise<QuestionRow> {
    const row = await this.repo.find(side, id);
    if (!row) throw new NotFoundError(`Question ${id} does not exist`);
    return row;
  }

  async #resolveRule(units: UnitTree, provinceId: string, input: RuleInput): Promise<Pick<RoutingRuleRow, 'kind' | 'field_code' | 'commune_id' | 'agency_id'>> {
    const agency = await units.agencyOf(provinceId, input.agency);
    if (!agency) throw bodyIssue('agency', 'is not a unit of this province');
    if (input.kind === 'field') {
      if (!input.field || !(await this.repo.fields(provinceId)).some((f) => f.code === input.field)) throw bodyIssue('field', 'is not one of the fields of this province');
      return { kind: 'field', field_code: input.field, commune_id: null, agency_id: agency.id };
    }
    const commune = input.commune ? (await units.communes(provinceId)).find((c) => c.slug === input.commune || c.id === input.commune) : undefined;
    if (!commune) throw bodyIssue('commune', 'is not a commune of this province');
    return { kind: 'commune', field_code: null, commune_id: commune.id, agency_id: agency.id };
  }

  async #ruleView(units: UnitTree, r: RoutingRuleRow): Promise<RuleView> {
    return { id: r.id, kind: r.kind, field: r.field_code, commune: await units.refOrNull(r.commune_id), agency: await units.refOrNull(r.agency_id), note: r.note, updatedAt: iso(r.updated_at)! };
  }

  async #view(units: UnitTree, row: QuestionRow): Promise<QuestionView> {
    return {
      id: row.id,
      trackingCode: row.tracking_code,
      status: row.status,
      field: row.field_code,
      commune: await units.refOrNull(row.commune_id),
      site: await units.refOrNull(row.site_id),
      agency: await units.refOrNull(row.agency_id),
      title: row.title,
      content: row.content,
      consentPublish: row.consent_publish === 1,
      closeReason: row.close_reason,
      receivedAt: iso(row.verified_at),
      createdAt: iso(row.created_at)!,
      updatedAt: iso(row.updated_at)!,
      asker: { name: row.asker_name, email: row.asker_email, phone: row.asker_phone, address: row.asker_address },
    };
  }

  /**
   * One staff step: the guarded change (refused with a 409 naming the status found when another step
   * came first), the timeline event and the audit entry, all in one transaction.
   */
  async #step(
    actor: Actor,
    row: QuestionRow,
    from: readonly QuestionStatus[],
    verb: string,
    action: QuestionAction,
    changes: Partial<QuestionRow>,
    target: string | null,
    note: string | null,
  ): Promise<void> {
    if (!from.includes(row.status)) throw QA_ERR_QUESTION_TRANSITION.create({ from: row.status, action: verb });
    const now = Date.now();
    await this.#transaction(async (trx) => {
      // Still with the unit it was with when read: a concurrent forward or transfer makes this one fail.
      const changed = await this.repo.update(row.id, from, { ...changes, updated_at: now }, trx, row.agency_id);
      if (!changed) throw QA_ERR_QUESTION_TRANSITION.create({ from: 'changed meanwhile', action: verb });
      await this.repo.addEvent(this.#event(row, action, actor.id, actor.unitId, target, note, now), trx);
      await this.#audit(actor, `qa.question.${verb}`, 'qa.question', row.id, row.province_id, { status: row.status, agency: row.agency_id, field: row.field_code }, { status: changes.status ?? row.status, agency: changes.agency_id === undefined ? row.agency_id : changes.agency_id, field: changes.field_code ?? row.field_code, unit: actor.unitId, target, note }, trx);
    });
  }

  #event(row: QuestionRow, action: QuestionAction, actorId: string, unitId: string, target: string | null, note: string | null, at: number) {
    return { id: randomUUID(), question_id: row.id, province_id: row.province_id, action, actor_id: actorId, actor_unit_id: unitId, target_unit_id: target, note, created_at: at };
  }

  async #audit(actor: Actor, action: string, objectType: string, objectId: string, tenantId: string, before: unknown, after: unknown, trx: Transaction<QaDatabase>): Promise<void> {
    await this.ctx.get(coreServices.audit).record({ action, objectType, objectId, tenantId, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }, { request: actor.request, trx });
  }

  #transaction<T>(work: (trx: Transaction<QaDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<QaDatabase, T>(work);
  }

  #formKey(): Promise<string> {
    return formKey(this.ctx, FORM_KEY);
  }
}

function ruleSummary(r: RoutingRuleRow) {
  return { kind: r.kind, field: r.field_code, commune: r.commune_id, agency: r.agency_id, note: r.note };
}
