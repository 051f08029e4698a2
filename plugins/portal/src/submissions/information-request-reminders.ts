import type { Transaction } from 'kysely';
import { coreServices, type PluginContext } from '@cong/sdk';
import { InformationRequestRepository, type InformationRequestRow } from './information-request.repository.js';
import { REMINDER_WORKING_DAYS_RULE } from './information-request-rules.js';
import { SubmissionRepository } from './submission.repository.js';
import type { ReminderKind, SubmissionsDatabase } from './submissions-database.js';
import type { ReminderSent, UnitRef } from './submissions.schema.js';
import { UnitTree } from './unit-tree.js';
import { vietnamDate } from '../time/vietnam-time.js';

/**
 * Reminders of information requests (đôn đốc, POR-42), run once a day by the
 * `information-request-reminders` job: on a working day, each addressed unit that has not answered
 * an open request is e-mailed once when the deadline is N working days away or closer (N: the rule
 * `portal.informationRequest.reminderWorkingDays`), and again on every working day after the
 * deadline. Each reminder is recorded under (request, unit, day) in the transaction that queues its
 * mail, so a second run the same day sends nothing. Mail goes through the core mail service only.
 */
export class InformationRequestReminders {
  readonly #repo: InformationRequestRepository;
  readonly #submissions: SubmissionRepository;
  readonly #units: UnitTree;

  constructor(private readonly ctx: PluginContext) {
    const db = ctx.get(coreServices.database).kysely<SubmissionsDatabase>();
    this.#repo = new InformationRequestRepository(db);
    this.#submissions = new SubmissionRepository(db);
    this.#units = new UnitTree(ctx);
  }

  /** Sends today's due reminders, for every requester or only `tenantId`'s requests. */
  async run(now: number = Date.now(), tenantId?: string): Promise<{ on: string; sent: ReminderSent[] }> {
    const today = vietnamDate(now);
    const calendar = this.ctx.get(coreServices.calendar);
    if (!(await calendar.isWorkingDay(today))) return { on: today, sent: [] };
    const leadDays = Number((await this.ctx.get(coreServices.rules).get<number>(REMINDER_WORKING_DAYS_RULE, today)).value);
    const requests = await this.#repo.open(tenantId);
    const ids = requests.map((r) => r.id);
    const [answers, reminders] = await Promise.all([this.#submissions.answers(ids), this.#repo.reminders(ids)]);
    const sent: ReminderSent[] = [];
    for (const request of requests) {
      let kind: ReminderKind;
      if (today > request.deadline) kind = 'overdue';
      else if ((await calendar.workingDaysBetween(today, request.deadline)) <= leadDays) kind = 'before';
      else continue;
      // A unit that turned its portal off sends no reminders for its requests.
      if (!(await this.#units.isEnabled(request.tenant_id))) continue;
      const requester = await this.#units.ref(request.tenant_id);
      for (const unit of await this.#repo.units(request.tenant_id, [request.id])) {
        if (answers.some((a) => a.request_id === request.id && a.tenant_id === unit.unit_id)) continue;
        // One reminder before the deadline; after it, one per working day.
        if (kind === 'before' && reminders.some((r) => r.request_id === request.id && r.unit_id === unit.unit_id && r.kind === 'before')) continue;
        const recipients = JSON.parse(unit.notify_emails) as string[];
        if (recipients.length === 0 || !(await this.#units.isEnabled(unit.unit_id))) continue;
        const addressee = await this.#units.ref(unit.unit_id);
        const claimed = await this.ctx.get(coreServices.database).transaction<SubmissionsDatabase, boolean>(async (trx) => {
          const row = { request_id: request.id, unit_id: unit.unit_id, sent_on: today, kind, recipients: JSON.stringify(recipients), created_at: now };
          if (!(await this.#repo.claimReminder(row, trx))) return false;
          await this.#mail(request, requester, addressee, recipients, kind, trx);
          return true;
        });
        if (claimed) sent.push({ requestId: request.id, unitId: unit.unit_id, kind, recipients });
      }
    }
    return { on: today, sent };
  }

  async #mail(request: InformationRequestRow, requester: UnitRef, addressee: UnitRef, to: readonly string[], kind: ReminderKind, trx: Transaction<SubmissionsDatabase>): Promise<void> {
    const deadline = request.deadline.split('-').reverse().join('/');
    const subject =
      kind === 'overdue'
        ? `[Đôn đốc / Overdue] ${request.title} — quá hạn ${deadline}`
        : `[Nhắc hạn / Reminder] ${request.title} — hạn ${deadline}`;
    const lead =
      kind === 'overdue'
        ? `${requester.name} đề nghị ${addressee.name} khẩn trương cung cấp thông tin: yêu cầu đã quá hạn ngày ${deadline}.`
        : `${requester.name} nhắc ${addressee.name} cung cấp thông tin trước hạn ngày ${deadline}.`;
    const english =
      kind === 'overdue'
        ? `${requester.name} asks ${addressee.name} to supply the requested information without delay: the deadline (${request.deadline}) has passed.`
        : `${requester.name} reminds ${addressee.name} to supply the requested information by ${request.deadline}.`;
    const textBody = [
      lead,
      '',
      `Yêu cầu: ${request.title}`,
      request.message,
      '',
      'Trả lời bằng cách gửi tin bài kèm yêu cầu này trong mục "Yêu cầu cung cấp thông tin" của trang quản trị.',
      '',
      '---',
      english,
      `Request: ${request.title}`,
      'Answer by sending a submission for this request from "Information requests" in the admin.',
    ].join('\n');
    await this.ctx.get(coreServices.mail).send({ to, subject, text: textBody, tenantId: addressee.id }, { trx });
  }
}
