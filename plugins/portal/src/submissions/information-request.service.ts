import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { coreServices, InputError, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import type { Actor } from '../content/article.service.js';
import { PORTAL_ERR_REQUEST_CLOSED, PORTAL_ERR_REQUEST_UNIT } from '../errors.js';
import { InformationRequestRepository, type AddressedUnitRow, type InformationRequestRow, type ReminderRow } from './information-request.repository.js';
import { SubmissionRepository } from './submission.repository.js';
import type { InformationRequestStatus, SubmissionsDatabase } from './submissions-database.js';
import type { AddressedUnit, AssignedRequest, CreateInformationRequestBody, InformationRequest, InformationRequestDetail, UnitAnswerState } from './submissions.schema.js';
import { UnitTree } from './unit-tree.js';
import { vietnamDate } from '../time/vietnam-time.js';

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
const text = (value: string) => normalizeText(value).trim();
/** Titles are one line: they end up in mail subjects, where a line break is refused. */
const oneLine = (value: string) => text(value).replace(/\s+/gu, ' ');

/** A unit's answer state: a live submission answers; without one, the day after the deadline it is overdue. */
export function answerState(answered: boolean, deadline: string, today: string): UnitAnswerState {
  if (answered) return 'answered';
  return today > deadline ? 'overdue' : 'pending';
}

/**
 * Information requests (yêu cầu cung cấp thông tin, POR-42): a unit asks units below it for
 * information by a deadline, given in working days (the core calendar: weekends, holidays,
 * compensatory and make-up days) or as a date. An addressed unit answers with a submission that
 * names the request; the requester sees per unit whether it answered, is pending or overdue.
 */
export class InformationRequestService {
  readonly #repo: InformationRequestRepository;
  readonly #submissions: SubmissionRepository;
  readonly #units: UnitTree;

  constructor(private readonly ctx: PluginContext) {
    const db = ctx.get(coreServices.database).kysely<SubmissionsDatabase>();
    this.#repo = new InformationRequestRepository(db);
    this.#submissions = new SubmissionRepository(db);
    this.#units = new UnitTree(ctx);
  }

  /** The deadline `workingDays` working days after `from` (default today in Vietnam). */
  async deadline(workingDays: number, from: string = vietnamDate()): Promise<string> {
    return this.ctx.get(coreServices.calendar).addWorkingDays(from, workingDays);
  }

  async create(tenantId: string, actor: Actor, input: CreateInformationRequestBody): Promise<InformationRequestDetail> {
    const today = vietnamDate();
    let deadline: string;
    if (input.deadline.workingDays !== undefined) deadline = await this.deadline(input.deadline.workingDays, today);
    else {
      deadline = input.deadline.date!;
      if (deadline < today) {
        throw new InputError('The deadline is in the past', { errors: [{ in: 'body', pointer: '/deadline/date', message: 'must be today or later', keyword: 'formatMinimum' }] });
      }
    }
    const addressed = await this.#addressed(tenantId, input);
    const now = Date.now();
    const row: InformationRequestRow = {
      id: randomUUID(),
      tenant_id: tenantId,
      title: oneLine(input.title),
      message: text(input.message),
      deadline,
      working_days: input.deadline.workingDays ?? null,
      status: 'open',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      closed_by: null,
      closed_at: null,
    };
    const units: AddressedUnitRow[] = [...addressed].map(([unitId, emails]) => ({ request_id: row.id, tenant_id: tenantId, unit_id: unitId, notify_emails: JSON.stringify(emails) }));
    await this.#transaction(async (trx) => {
      await this.#repo.insert(row, units, trx);
      await this.ctx.get(coreServices.audit).record(
        { action: 'portal.information-request.create', objectType: 'information-request', objectId: row.id, tenantId, after: { title: row.title, deadline, units: units.map((u) => u.unit_id) } },
        { ...(actor.request ? { request: actor.request } : {}), trx },
      );
    });
    return this.get(tenantId, row.id);
  }

  async get(tenantId: string, id: string): Promise<InformationRequestDetail> {
    const row = await this.#repo.find(tenantId, id);
    // Another unit's request answers 404, like one that does not exist.
    if (!row) throw new NotFoundError(`Information request ${id} does not exist`);
    const [units] = await this.#withUnits(tenantId, [row]);
    return { ...(await this.#toRequest(row, units!)), units: units! };
  }

  async page(tenantId: string, options: { status?: InformationRequestStatus; limit: number; offset: number }): Promise<{ items: InformationRequest[]; total: number }> {
    const page = await this.#repo.page(tenantId, options);
    const units = await this.#withUnits(tenantId, page.items);
    const items: InformationRequest[] = [];
    for (const [i, row] of page.items.entries()) items.push(await this.#toRequest(row, units[i]!));
    return { items, total: page.total };
  }

  async close(tenantId: string, id: string, actor: Actor): Promise<InformationRequestDetail> {
    const row = await this.#repo.find(tenantId, id);
    if (!row) throw new NotFoundError(`Information request ${id} does not exist`);
    await this.#transaction(async (trx) => {
      if (!(await this.#repo.close(tenantId, id, actor.id, Date.now(), trx))) throw PORTAL_ERR_REQUEST_CLOSED.create({ id });
      await this.ctx.get(coreServices.audit).record(
        { action: 'portal.information-request.close', objectType: 'information-request', objectId: id, tenantId, before: { status: 'open' }, after: { status: 'closed' } },
        { ...(actor.request ? { request: actor.request } : {}), trx },
      );
    });
    return this.get(tenantId, id);
  }

  /** The requests addressed to `unitId`, each with the unit's own state. */
  async assignedPage(unitId: string, options: { status?: InformationRequestStatus; limit: number; offset: number }): Promise<{ items: AssignedRequest[]; total: number }> {
    const page = await this.#repo.assignedPage(unitId, options);
    const items: AssignedRequest[] = [];
    for (const row of page.items) items.push(await this.assigned(unitId, row.id));
    return { items, total: page.total };
  }

  async assigned(unitId: string, id: string): Promise<AssignedRequest> {
    const found = await this.#repo.assigned(unitId, id);
    if (!found) throw new NotFoundError(`Information request ${id} does not exist`);
    const { request, unit } = found;
    const answers = (await this.#submissions.answers([id])).filter((s) => s.tenant_id === unitId).map((s) => s.id);
    return {
      id: request.id,
      requester: await this.#units.ref(request.tenant_id),
      title: request.title,
      message: request.message,
      deadline: request.deadline,
      status: request.status,
      state: answerState(answers.length > 0, request.deadline, vietnamDate()),
      submissionIds: answers,
      notifyEmails: JSON.parse(unit.notify_emails) as string[],
    };
  }

  /** The addressed unit names who its reminders go to (the sdk has no way to list a unit's users). */
  async setContacts(unitId: string, id: string, actor: Actor, emails: readonly string[]): Promise<AssignedRequest> {
    const found = await this.#repo.assigned(unitId, id);
    if (!found) throw new NotFoundError(`Information request ${id} does not exist`);
    const unique = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
    await this.#transaction(async (trx) => {
      await this.#repo.setContacts(unitId, id, unique, trx);
      await this.ctx.get(coreServices.audit).record(
        { action: 'portal.information-request.contacts', objectType: 'information-request', objectId: id, tenantId: unitId, before: { notifyEmails: JSON.parse(found.unit.notify_emails) as string[] }, after: { notifyEmails: unique } },
        { ...(actor.request ? { request: actor.request } : {}), trx },
      );
    });
    return this.assigned(unitId, id);
  }

  /** Units named one by one and whole subtrees, each checked to be below the requester with the portal enabled. */
  async #addressed(tenantId: string, input: CreateInformationRequestBody): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const refuse = (unit: string, pointer: string) =>
      PORTAL_ERR_REQUEST_UNIT.create({ unit }, { errors: [{ in: 'body', pointer, message: 'is not a unit below the requesting unit with the portal enabled', keyword: 'exists' }] });
    for (const [i, entry] of (input.units ?? []).entries()) {
      const unit = (await this.#units.get(entry.id)) ?? (await this.ctx.get(coreServices.tenancy).getBySlug(entry.id));
      if (!unit || !(await this.#units.isBelow(unit.id, tenantId)) || !(await this.#units.isEnabled(unit.id))) throw refuse(entry.id, `/units/${i}/id`);
      out.set(unit.id, [...new Set((entry.notifyEmails ?? []).map((e) => e.trim().toLowerCase()))]);
    }
    for (const [i, rootId] of (input.subtrees ?? []).entries()) {
      const root = (await this.#units.get(rootId)) ?? (await this.ctx.get(coreServices.tenancy).getBySlug(rootId));
      if (!root || (root.id !== tenantId && !(await this.#units.isBelow(root.id, tenantId)))) throw refuse(rootId, `/subtrees/${i}`);
      if (root.id !== tenantId && (await this.#units.isEnabled(root.id)) && !out.has(root.id)) out.set(root.id, []);
      for (const unit of await this.#units.descendants(root.id)) if (!out.has(unit.id)) out.set(unit.id, []);
    }
    if (out.size === 0) {
      throw new InputError('Address at least one unit', { errors: [{ in: 'body', pointer: '/units', message: 'name at least one unit or subtree', keyword: 'minItems' }] });
    }
    return out;
  }

  /** Per request, its addressed units with their state, answers and last reminder. */
  async #withUnits(tenantId: string, rows: readonly InformationRequestRow[]): Promise<AddressedUnit[][]> {
    const ids = rows.map((r) => r.id);
    const [units, answers, reminders] = await Promise.all([this.#repo.units(tenantId, ids), this.#submissions.answers(ids), this.#repo.reminders(ids)]);
    const today = vietnamDate();
    const out: AddressedUnit[][] = [];
    for (const row of rows) {
      const list: AddressedUnit[] = [];
      for (const u of units.filter((x) => x.request_id === row.id)) {
        const submissionIds = answers.filter((a) => a.request_id === row.id && a.tenant_id === u.unit_id).map((a) => a.id);
        const last = reminders.filter((r: ReminderRow) => r.request_id === row.id && r.unit_id === u.unit_id).at(-1);
        list.push({
          unit: await this.#units.ref(u.unit_id),
          state: answerState(submissionIds.length > 0, row.deadline, today),
          submissionIds,
          notifyEmails: JSON.parse(u.notify_emails) as string[],
          lastReminderOn: last?.sent_on ?? null,
        });
      }
      out.push(list);
    }
    return out;
  }

  async #toRequest(row: InformationRequestRow, units: readonly AddressedUnit[]): Promise<InformationRequest> {
    const count = (state: UnitAnswerState) => units.filter((u) => u.state === state).length;
    return {
      id: row.id,
      requester: await this.#units.ref(row.tenant_id),
      title: row.title,
      message: row.message,
      deadline: row.deadline,
      workingDays: row.working_days === null ? null : Number(row.working_days),
      status: row.status,
      createdBy: row.created_by,
      createdAt: iso(row.created_at),
      closedAt: row.closed_at === null ? null : iso(row.closed_at),
      counts: { answered: count('answered'), pending: count('pending'), overdue: count('overdue') },
    };
  }

  #transaction<T>(work: (trx: Transaction<SubmissionsDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<SubmissionsDatabase, T>(work);
  }
}
