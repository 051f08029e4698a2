import { randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, type PluginContext, type StoredFile } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { GAZETTE_ERR_FILES_MISSING, GAZETTE_ERR_REGISTER_BUSY, GAZETTE_ERR_SUBMISSION_TRANSITION } from '../errors.js';
import type { Actor } from './intake-request.js';
import { publishDue, sendDue } from './deadlines.js';
import type { FileRole, GazetteIntakeDatabase, SubmissionAction, SubmissionFileRow, SubmissionRow, SubmissionStatus } from './gazette-database.js';
import { intakeOcr, runIntakeChecks } from './intake-checks.js';
import { numberKey, parseNumberSymbol } from './number-symbol.js';
import { SubmissionRepository, type Side, type SubmissionFilter } from './submission.repository.js';
import type { IntakeFlagView, OfficeSubmissionAttributes, Page, Submission, SubmissionAttributes, SubmissionDetail, TimelineDetail } from './submission.schema.js';
import { SubmissionViews } from './submission-views.js';
import { UnitTree } from './unit-tree.js';
import { vietnamDate, vietnamYear } from './vietnam-date.js';

const clean = (value: string | null | undefined): string | null => (value === undefined || value === null ? null : normalizeText(value).trim() || null);
const required = (value: string): string => normalizeText(value).trim();

/** Statuses in which the issuer may still take the document back: anything not yet published. */
const WITHDRAWABLE: readonly SubmissionStatus[] = ['draft', 'sent', 'registered', 'comparing', 'returned', 'corrected', 'passed'];
/** Register attempts when two clerks register at the same moment and take the same number. */
const REGISTER_ATTEMPTS = 5;

/** Options the intake reads from the plugin's configuration (`intake`). */
export interface IntakeOptions {
  /** Run OCR on scanned originals. Default true. */
  readonly ocr: boolean;
}

/**
 * The intake register (GAZ-10, GAZ-13): an issuing unit enters a document with its signed original
 * and editable electronic copy and sends it; the gazette office of its province registers it (vào sổ)
 * with a number sequential per year. The office may also enter a document on an issuer's behalf.
 * Every step is a timeline entry and an audit entry in one transaction with the change (GAZ-01).
 *
 * The issuer works on its rows by `tenant_id`, the office by `office_id` (and never sees an issuer's
 * unsent draft); anyone else finds nothing (404).
 */
export class SubmissionService {
  readonly repo: SubmissionRepository;
  readonly units: UnitTree;
  readonly views: SubmissionViews;

  constructor(
    private readonly ctx: PluginContext,
    private readonly options: IntakeOptions = { ocr: true },
  ) {
    this.repo = new SubmissionRepository(ctx.get(coreServices.database).kysely<GazetteIntakeDatabase>());
    this.units = new UnitTree(ctx);
    this.views = new SubmissionViews(ctx, this.repo, this.units);
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────
  async row(side: Side, unitId: string, id: string): Promise<SubmissionRow> {
    const row = await this.repo.find(side, unitId, id);
    // The office never sees what an issuer has not sent; another unit's submission is 404 like none.
    if (!row || (side === 'office' && !visibleToOffice(row))) throw new NotFoundError(`Submission ${id} does not exist`);
    return row;
  }

  async get(side: Side, unitId: string, id: string): Promise<SubmissionDetail> {
    return this.views.detail(await this.row(side, unitId, id));
  }

  async page(side: Side, unitId: string, filter: SubmissionFilter): Promise<Page<Submission>> {
    const page = await this.repo.page(side, unitId, { ...filter, officeView: side === 'office' });
    const items = await Promise.all(page.items.map((row) => this.views.submission(row)));
    return { items, total: page.total, limit: filter.limit, offset: filter.offset };
  }

  // ─── The issuer's steps ─────────────────────────────────────────────────────────────────────
  /** The issuer enters a document (a draft until it is sent). */
  async create(unitId: string, actor: Actor, input: SubmissionAttributes): Promise<SubmissionDetail> {
    const office = await this.units.office(unitId);
    if (!office) throw new NotFoundError(`Unit ${unitId} does not exist`);
    const row = await this.#newRow(unitId, office.id, 'issuer', 'portal', actor, input);
    await this.#transaction(async (trx) => {
      await this.repo.insert(row, trx);
      await this.#record(row, 'created', actor, unitId, null, null, trx);
    });
    return this.get('issuer', unitId, row.id);
  }

  /** The issuer corrects a draft's attributes. */
  async update(unitId: string, actor: Actor, id: string, input: Partial<SubmissionAttributes>): Promise<SubmissionDetail> {
    const current = await this.row('issuer', unitId, id);
    if (current.status !== 'draft') throw transition(current.status, 'edited');
    const changes = await this.#attributeChanges(current, input);
    // Editing a draft is no step of the timeline (nothing has reached the office); the audit log keeps it.
    await this.#transaction(async (trx) => {
      if (!(await this.repo.update(id, ['draft'], changes, trx))) throw await this.#raced(id, current.status, 'edited', trx);
      await this.ctx.get(coreServices.audit).record(
        { action: 'gazette.submission.edit', objectType: 'gazette-submission', objectId: id, tenantId: unitId, after: { ...input } },
        { ...(actor.request ? { request: actor.request } : {}), trx },
      );
    });
    return this.get('issuer', unitId, id);
  }

  /**
   * A file for the submission: while a draft, it is the file to send (a new version replaces the one
   * before, which is kept); after a return (discrepancies found), it is the corrected copy, recorded
   * with its time (GAZ-14), and the submission waits for the next comparison round.
   */
  async attachFile(side: Side, unitId: string, actor: Actor, id: string, role: FileRole, file: StoredFile, remark: string | undefined): Promise<SubmissionDetail> {
    const current = await this.row(side, unitId, id);
    const correcting = current.status === 'returned' || current.status === 'corrected';
    const mayAttach = side === 'issuer' ? current.status === 'draft' || correcting : current.status === 'draft' && current.origin === 'office';
    if (!mayAttach) throw transition(current.status, `given a new ${role} file`);
    const now = this.#now(current);
    await this.#transaction(async (trx) => {
      const version = (await this.repo.lastFileVersion(id, role, trx)) + 1;
      const fileRow: SubmissionFileRow = {
        id: randomUUID(),
        submission_id: id,
        tenant_id: current.tenant_id,
        role,
        version,
        is_current: 1,
        file_id: file.id,
        sha256: file.sha256,
        size: file.size,
        media_type: file.contentType,
        original_name: file.originalName,
        uploaded_by: actor.id,
        uploaded_unit_id: unitId,
        uploaded_at: now,
      };
      await this.repo.addFile(fileRow, trx);
      const next: SubmissionStatus = correcting ? 'corrected' : current.status;
      if (!(await this.repo.update(id, [current.status], { status: next, updated_at: now }, trx))) throw await this.#raced(id, current.status, 'given a new file', trx);
      const detail: TimelineDetail = { file: { role, version, fileName: file.originalName } };
      await this.#record({ ...current, status: next, updated_at: now }, correcting ? 'correction-received' : 'file-attached', actor, unitId, clean(remark), detail, trx);
    });
    if (correcting) await this.#recheck(id);
    return this.get(side, unitId, id);
  }

  /** The issuer sends a draft to the office: the receipt time starts the publication deadline. */
  async send(unitId: string, actor: Actor, id: string, remark: string | undefined): Promise<SubmissionDetail> {
    const current = await this.row('issuer', unitId, id);
    if (current.status !== 'draft' || current.origin !== 'issuer') throw transition(current.status, 'sent');
    const files = await this.#currentFiles(current);
    const flags = await runIntakeChecks(this.ctx, this.repo, current, files, intakeOcr(this.options.ocr));
    const now = this.#now(current);
    const received = await this.#receipt(current, now);
    await this.#transaction(async (trx) => {
      // The check is recorded just after the sending, so the timeline reads in order on both dialects.
      const changes: Partial<SubmissionRow> = { status: 'sent', sent_at: now, sent_on: received.on, sent_by: actor.id, publish_due: received.due, publish_rule: received.rule, flags: JSON.stringify(flags), updated_at: now + 1 };
      if (!(await this.repo.update(id, ['draft'], changes, trx))) throw await this.#raced(id, current.status, 'sent', trx);
      const row = { ...current, ...changes };
      await this.#record({ ...row, updated_at: now }, 'sent', actor, unitId, clean(remark), null, trx);
      await this.#record(row, 'intake-checked', { id: 'system' }, row.office_id, null, { flags }, trx);
    });
    return this.get('issuer', unitId, id);
  }

  /** The issuer takes the document back, with a reason (anything not yet published). */
  async withdraw(unitId: string, actor: Actor, id: string, reason: string): Promise<SubmissionDetail> {
    const current = await this.row('issuer', unitId, id);
    if (!WITHDRAWABLE.includes(current.status)) throw transition(current.status, 'withdrawn');
    const now = this.#now(current);
    await this.#transaction(async (trx) => {
      await this.step(current, WITHDRAWABLE, { status: 'withdrawn', withdrawn_at: now, withdrawn_by: actor.id, withdraw_reason: clean(reason), updated_at: now }, 'withdrawn', actor, unitId, clean(reason), null, trx);
      // A round still open would wait for the office for ever: it closes with the withdrawal.
      await trx.updateTable('gazette_comparison_rounds').set({ status: 'returned', decided_by: actor.id, decided_at: now }).where('submission_id', '=', current.id).where('status', '=', 'open').execute();
    });
    return this.get('issuer', unitId, id);
  }

  // ─── The office's steps ─────────────────────────────────────────────────────────────────────
  /** The office enters a document on an issuer's behalf (received by e-mail, post, by hand…). */
  async createOnBehalf(officeId: string, actor: Actor, input: OfficeSubmissionAttributes): Promise<SubmissionDetail> {
    const tenancy = this.ctx.get(coreServices.tenancy);
    const issuer = (await tenancy.get(input.issuerUnitId)) ?? (await tenancy.getBySlug(input.issuerUnitId));
    const issuerOffice = issuer ? await this.units.office(issuer.id) : undefined;
    if (!issuer || issuerOffice?.id !== officeId) {
      throw new InputError(`Unit ${input.issuerUnitId} is not in this office's tree`, { errors: [{ in: 'body', pointer: '/issuerUnitId', message: 'no such unit in the office\'s tree', keyword: 'exists' }] });
    }
    const row = await this.#newRow(issuer.id, officeId, 'office', input.sourceChannel, actor, input);
    await this.#transaction(async (trx) => {
      await this.repo.insert(row, trx);
      await this.#record(row, 'created', actor, officeId, null, null, trx);
    });
    return this.get('office', officeId, row.id);
  }

  /**
   * The office registers a received document (vào sổ, GAZ-13): the next number of the year's register,
   * the time and the clerk. A document the office entered itself is sent and registered at once; its
   * `receivedAt` (when it actually arrived) counts for both deadlines, not the moment it was typed in.
   */
  async register(officeId: string, actor: Actor, id: string, input: { receivedAt?: string; remark?: string }): Promise<SubmissionDetail> {
    const current = await this.row('office', officeId, id);
    const enteredHere = current.status === 'draft' && current.origin === 'office';
    if (current.status !== 'sent' && !enteredHere) throw transition(current.status, 'registered');
    if (input.receivedAt !== undefined && !enteredHere) {
      throw new InputError('receivedAt is for documents the office entered itself', { errors: [{ in: 'body', pointer: '/receivedAt', message: 'only for documents the office entered on the issuer\'s behalf', keyword: 'not' }] });
    }
    const now = this.#now(current);
    const receivedAt = input.receivedAt === undefined ? now : Date.parse(input.receivedAt);
    if (receivedAt > Date.now()) throw new InputError('receivedAt is in the future', { errors: [{ in: 'body', pointer: '/receivedAt', message: 'must not be in the future', keyword: 'maximum' }] });
    let sent: Partial<SubmissionRow> = {};
    let flags: IntakeFlagView[] | undefined;
    if (enteredHere) {
      const files = await this.#currentFiles(current);
      flags = await runIntakeChecks(this.ctx, this.repo, current, files, intakeOcr(this.options.ocr));
      const received = await this.#receipt(current, receivedAt);
      sent = { sent_at: receivedAt, sent_on: received.on, sent_by: actor.id, publish_due: received.due, publish_rule: received.rule, flags: JSON.stringify(flags) };
    }
    const year = vietnamYear(now);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#transaction(async (trx) => {
          const number = await this.repo.nextRegisterNumber(officeId, year, trx);
          const changes: Partial<SubmissionRow> = { ...sent, status: 'registered', register_year: year, register_number: number, registered_at: now, registered_by: actor.id, updated_at: flags ? now + 1 : now };
          if (!(await this.repo.update(id, [current.status], changes, trx))) throw await this.#raced(id, current.status, 'registered', trx);
          const row = { ...current, ...changes };
          // A document the office entered arrived when it says: its "sent" step is dated then.
          if (enteredHere) await this.#record({ ...row, updated_at: Math.min(receivedAt, now) }, 'sent', actor, officeId, null, null, trx);
          await this.#record({ ...row, updated_at: now }, 'registered', actor, officeId, clean(input.remark), { register: `${number}/${year}` }, trx);
          if (flags) await this.#record({ ...row, updated_at: now + 1 }, 'intake-checked', { id: 'system' }, officeId, null, { flags }, trx);
        });
        break;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt >= REGISTER_ATTEMPTS) throw GAZETTE_ERR_REGISTER_BUSY.create({}, { cause: error });
      }
    }
    return this.get('office', officeId, id);
  }

  // ─── Shared steps ───────────────────────────────────────────────────────────────────────────
  /**
   * One step: compare-and-set on the status read before, the timeline entry and the audit entry in one
   * transaction. A step that raced another one refuses with the status it found.
   */
  async step(current: SubmissionRow, from: readonly SubmissionStatus[], changes: Partial<SubmissionRow>, action: SubmissionAction, actor: Actor, actorUnitId: string, remark: string | null, detail: TimelineDetail | null, trx?: Transaction<GazetteIntakeDatabase>): Promise<SubmissionRow> {
    const work = async (t: Transaction<GazetteIntakeDatabase>) => {
      if (!(await this.repo.update(current.id, from, changes, t))) throw await this.#raced(current.id, current.status, action, t);
      const row = { ...current, ...changes };
      await this.#record(row, action, actor, actorUnitId, remark, detail, t);
      return row;
    };
    return trx ? work(trx) : this.#transaction(work);
  }

  /** A timeline entry dated `row.updated_at` and its audit entry, in the step's transaction. */
  async record(row: SubmissionRow, action: SubmissionAction, actor: Actor, actorUnitId: string, remark: string | null, detail: TimelineDetail | null, trx: Transaction<GazetteIntakeDatabase>): Promise<void> {
    return this.#record(row, action, actor, actorUnitId, remark, detail, trx);
  }

  /** A moment after the submission's last change: its steps read in order even within one millisecond. */
  now(current: SubmissionRow): number {
    return this.#now(current);
  }

  transaction<T>(work: (trx: Transaction<GazetteIntakeDatabase>) => Promise<T>): Promise<T> {
    return this.#transaction(work);
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────
  /** After a corrected copy: the intake checks again, so the office sees the flags of what it will compare. */
  async #recheck(id: string): Promise<void> {
    const current = await this.repo.findAny(id);
    if (!current) return;
    const original = await this.repo.currentFile(id, 'original');
    const electronic = await this.repo.currentFile(id, 'electronic');
    if (!original || !electronic) return;
    const flags = await runIntakeChecks(this.ctx, this.repo, current, { original, electronic }, intakeOcr(this.options.ocr));
    const now = this.#now(current);
    await this.#transaction(async (trx) => {
      await trx.updateTable('gazette_submissions').set({ flags: JSON.stringify(flags), updated_at: now }).where('id', '=', id).execute();
      await this.#record({ ...current, updated_at: now }, 'intake-checked', { id: 'system' }, current.office_id, null, { flags }, trx);
    });
  }

  async #currentFiles(row: SubmissionRow): Promise<{ original: SubmissionFileRow; electronic: SubmissionFileRow }> {
    const [original, electronic] = await Promise.all([this.repo.currentFile(row.id, 'original'), this.repo.currentFile(row.id, 'electronic')]);
    if (!original || !electronic) {
      const missing = [original ? undefined : 'original', electronic ? undefined : 'electronic'].filter((r): r is string => r !== undefined);
      throw GAZETTE_ERR_FILES_MISSING.create({ files: missing.join(' and ') });
    }
    return { original, electronic };
  }

  /** When the document reached the office and the publication deadline that starts then. */
  async #receipt(row: SubmissionRow, at: number): Promise<{ on: string; due: string | null; rule: string | null }> {
    const on = vietnamDate(at);
    const due = await publishDue(this.ctx, on, row.in_force_on_signing === 1);
    return { on, due: due?.due ?? null, rule: due?.rule ?? null };
  }

  async #newRow(tenantId: string, officeId: string, origin: SubmissionRow['origin'], channel: string, actor: Actor, input: SubmissionAttributes): Promise<SubmissionRow> {
    const now = Date.now();
    const base: SubmissionRow = {
      id: randomUUID(),
      tenant_id: tenantId,
      office_id: officeId,
      origin,
      status: 'draft',
      document_type: input.documentType,
      number_symbol: '',
      number_key: '',
      doc_number: null,
      doc_year: null,
      doc_symbol: null,
      summary: '',
      issuing_agency: '',
      signer: '',
      signed_on: input.signedOn,
      effective_on: null,
      in_force_on_signing: 0,
      legal_normative: 1,
      field: null,
      source_channel: channel,
      submitter_email: null,
      note: null,
      flags: '[]',
      register_year: null,
      register_number: null,
      registered_at: null,
      registered_by: null,
      sent_at: null,
      sent_on: null,
      sent_by: null,
      send_due: null,
      send_rule: null,
      publish_due: null,
      publish_rule: null,
      round_count: 0,
      passed_at: null,
      passed_by: null,
      published_at: null,
      published_ref: null,
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    return { ...base, ...(await this.#attributeChanges(base, { inForceOnSigning: false, legalNormative: true, ...input })) };
  }

  /** The columns `input` changes, checked: a number and symbol that parses, dates in order, deadlines recomputed. */
  async #attributeChanges(current: SubmissionRow, input: Partial<SubmissionAttributes>): Promise<Partial<SubmissionRow>> {
    const changes: Partial<SubmissionRow> = {};
    if (input.documentType !== undefined) changes.document_type = input.documentType;
    if (input.numberSymbol !== undefined) {
      const written = required(input.numberSymbol);
      const parsed = parseNumberSymbol(written);
      if (!parsed) {
        throw new InputError(`"${written}" is not a number and symbol such as 41/2026/QĐ-UBND`, {
          errors: [{ in: 'body', pointer: '/numberSymbol', message: 'must read number/year/symbol (41/2026/QĐ-UBND) or number/symbol (15/CT-UBND)', keyword: 'pattern' }],
        });
      }
      Object.assign(changes, { number_symbol: written, number_key: numberKey(written), doc_number: parsed.number, doc_year: parsed.year, doc_symbol: parsed.symbol });
    }
    if (input.summary !== undefined) changes.summary = required(input.summary);
    if (input.issuingAgency !== undefined) changes.issuing_agency = required(input.issuingAgency);
    if (input.signer !== undefined) changes.signer = required(input.signer);
    if (input.signedOn !== undefined) changes.signed_on = input.signedOn;
    if (input.effectiveOn !== undefined) changes.effective_on = input.effectiveOn;
    if (input.inForceOnSigning !== undefined) changes.in_force_on_signing = input.inForceOnSigning ? 1 : 0;
    if (input.legalNormative !== undefined) changes.legal_normative = input.legalNormative ? 1 : 0;
    if (input.field !== undefined) changes.field = clean(input.field);
    if (input.submitterEmail !== undefined) changes.submitter_email = clean(input.submitterEmail);
    if (input.note !== undefined) changes.note = clean(input.note);
    const signedOn = changes.signed_on ?? current.signed_on;
    const effectiveOn = changes.effective_on === undefined ? current.effective_on : changes.effective_on;
    if (signedOn > vietnamDate(Date.now())) {
      throw new InputError('signedOn is in the future', { errors: [{ in: 'body', pointer: '/signedOn', message: 'must not be after today', keyword: 'maximum' }] });
    }
    if (effectiveOn !== null && effectiveOn < signedOn) {
      throw new InputError('effectiveOn is before signedOn', { errors: [{ in: 'body', pointer: '/effectiveOn', message: 'must not be before signedOn', keyword: 'minimum' }] });
    }
    if (changes.signed_on !== undefined || current.send_due === null) {
      const due = await sendDue(this.ctx, signedOn);
      changes.send_due = due?.due ?? null;
      changes.send_rule = due?.rule ?? null;
    }
    if (changes.updated_at === undefined) changes.updated_at = this.#now(current);
    return changes;
  }

  async #raced(id: string, status: SubmissionStatus, action: string, trx: Transaction<GazetteIntakeDatabase>): Promise<Error> {
    const latest = await trx.selectFrom('gazette_submissions').select('status').where('id', '=', id).executeTakeFirst();
    return transition(latest?.status ?? status, action);
  }

  #now(current: SubmissionRow): number {
    return Math.max(Date.now(), Number(current.updated_at) + 1);
  }

  async #record(row: SubmissionRow, action: SubmissionAction, actor: Actor, actorUnitId: string, remark: string | null, detail: TimelineDetail | null, trx: Transaction<GazetteIntakeDatabase>): Promise<void> {
    await this.repo.addEvent(
      {
        id: randomUUID(),
        submission_id: row.id,
        tenant_id: row.tenant_id,
        office_id: row.office_id,
        action,
        actor_id: actor.id,
        actor_unit_id: actorUnitId,
        remark,
        detail: detail === null ? null : JSON.stringify(detail),
        created_at: Number(row.updated_at),
      },
      trx,
    );
    // Reading and the system's own checks are not staff actions; everything a person does is audited.
    if (actor.id === 'system') return;
    await this.ctx.get(coreServices.audit).record(
      {
        action: `gazette.submission.${action}`,
        objectType: 'gazette-submission',
        objectId: row.id,
        tenantId: actorUnitId,
        after: {
          status: row.status,
          issuer: row.tenant_id,
          office: row.office_id,
          numberSymbol: row.number_symbol,
          ...(row.register_number !== null ? { register: `${row.register_number}/${row.register_year}` } : {}),
          ...(remark ? { remark } : {}),
          ...(detail ? { detail } : {}),
        },
      },
      // A service call for a person (the issue composer's) names them; a route's request does it itself.
      { ...(actor.request ? { request: actor.request } : { actorId: actor.id }), trx },
    );
  }

  #transaction<T>(work: (trx: Transaction<GazetteIntakeDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<GazetteIntakeDatabase, T>(work);
  }
}

/** The office sees what was sent to it and what it entered itself, never an issuer's unsent draft. */
export function visibleToOffice(row: SubmissionRow): boolean {
  return row.sent_at !== null || row.origin === 'office';
}

export function transition(from: SubmissionStatus, action: string) {
  return GAZETTE_ERR_SUBMISSION_TRANSITION.create({ from, action });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
