import { randomUUID } from 'node:crypto';
import { coreServices, InputError, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import { siteLinkBase } from '../answers/site-link.js';
import { startOfVietnamDay, vietnamDate } from '../deadlines/vietnam-date.js';
import { newTrackingCode } from '../questions/question-tokens.js';
import type { FeedbackSettings } from './feedback-config.js';
import { NOT_YET_PROCESSED, type FeedbackDatabase, type FeedbackRow } from './feedback-database.js';
import { sendInTransaction, trackingNotice } from './feedback-notices.js';
import type { IntakeBody } from './feedback.schema.js';
import type { FeedbackActor } from './feedback-step.js';
import { staffFeedbackView } from './feedback-views.js';
import { FeedbackService } from './feedback.service.js';
import { checkSubmission, webAddress, type SubmissionProblem } from './public-feedback.service.js';
import { feedbackScope } from './receiving-unit.js';

const text = (value: string | undefined): string => normalizeText(value ?? '').trim();

/** A calendar date that exists (`2027-02-30` does not). */
function realDate(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/**
 * Feedback on a regulation received outside the portal's form (NĐ 20/2008 Art. 6, QA-11): a letter
 * by post, a telephone call, a questionnaire (phiếu lấy ý kiến) or a visit, entered by the receiving
 * unit's staff (`qa.feedback.process`). It enters the flow as `received` at once (staff vouch for the
 * sender: no e-mail verification) with a tracking code; its received time is the day it arrived, so
 * the forwarding deadline of classification counts from that day, not from the day it was typed in.
 * The sender's e-mail is optional; when given, the tracking code is mailed to it. The timeline names
 * the staff member and the channel, and the audit log records the entry, in one transaction.
 */
export class FeedbackIntakeService {
  constructor(
    private readonly ctx: PluginContext,
    readonly settings: FeedbackSettings,
  ) {}

  async enter(actor: FeedbackActor, input: IntakeBody) {
    const today = vietnamDate(Date.now());
    const problems: SubmissionProblem[] = checkSubmission(
      'regulation',
      { ...input, consentPublish: undefined, consentProcessing: undefined, website: undefined, formToken: undefined },
      this.settings,
      'staff',
    );
    if (!realDate(input.receivedOn)) problems.push({ field: 'receivedOn', vi: 'Ngày nhận: không phải một ngày có thật.', en: 'Received on: not a real date.' });
    else if (input.receivedOn > today) problems.push({ field: 'receivedOn', vi: 'Ngày nhận: không được sau hôm nay.', en: `Received on: must not be after today (${today}).` });
    if (problems.length > 0) {
      const errors = problems.map((p) => ({ in: 'body' as const, pointer: `/${p.field}`, message: p.en, keyword: p.field === 'receivedOn' ? 'maximum' : 'format' }));
      throw new InputError(`body ${errors.map((e) => e.pointer).join(', ')}: ${errors[0]!.message}`, { errors });
    }

    // 404 for a unit that does not receive feedback on regulations (before anything is read or written).
    await new FeedbackService(this.ctx, this.settings, 'regulation').assertReceiving(actor.unitId);
    const scope = await feedbackScope(this.ctx, this.settings, actor.unitId);
    if (!scope) throw new NotFoundError('This unit does not receive feedback on regulations');

    const now = Date.now();
    // Today's item keeps the time it was entered; an earlier day's counts from the first instant of that day.
    const receivedAt = input.receivedOn === today ? now : startOfVietnamDay(input.receivedOn);
    const link = text(input.regulationLink);
    const row: FeedbackRow = {
      id: randomUUID(),
      province_id: scope.province.id,
      site_id: scope.province.id,
      receiving_unit_id: actor.unitId,
      kind: 'regulation',
      status: 'received',
      channel: input.channel,
      tracking_code: newTrackingCode(new Date(now).getUTCFullYear()).replace(/^HD/, 'PA'),
      sender_name: text(input.name),
      sender_email: text(input.email).toLowerCase(),
      sender_phone: text(input.phone),
      sender_address: text(input.address),
      content_type: input.contentType,
      regulation_name: text(input.regulationName),
      regulation_link: link === '' ? null : (webAddress(link) ?? null),
      title: text(input.title),
      content: text(input.content),
      proposal: text(input.proposal) || null,
      consent_publish: input.consentPublish === true ? 1 : 0,
      // No consent text of the form was shown: the entry records who vouched for it instead.
      consent_version: `staff:${input.channel}`,
      verify_hash: null,
      verify_expires_at: null,
      received_at: receivedAt,
      ...NOT_YET_PROCESSED,
      created_at: now,
      updated_at: now,
    };
    const service = new FeedbackService(this.ctx, this.settings, 'regulation');
    // Built on the platform's connection before the transaction (SQLite has one connection).
    const mail = row.sender_email === '' ? undefined : await trackingNotice(this.ctx, row, await siteLinkBase(this.ctx, actor.request, row.site_id), actor.unitId);
    await this.ctx.get(coreServices.database).transaction<FeedbackDatabase, void>(async (trx) => {
      await service.repo.insert(row, trx);
      await service.repo.event({ id: randomUUID(), feedback_id: row.id, action: 'received', actor_id: actor.id, unit_id: actor.unitId, note: input.channel, created_at: receivedAt }, trx);
      await this.ctx.get(coreServices.audit).record(
        { action: 'qa.feedback.intake', objectType: 'qa.feedback', objectId: row.id, tenantId: actor.unitId, before: null, after: { status: 'received', channel: row.channel, receivedOn: input.receivedOn, trackingCode: row.tracking_code, mailed: mail !== undefined } },
        { request: actor.request, trx },
      );
      await sendInTransaction(this.ctx, mail, trx);
    });
    this.ctx.logger.info('feedback entered by staff', { feedbackId: row.id, channel: row.channel, unit: actor.unitId });
    return staffFeedbackView(row, await service.repo.events(row.id));
  }
}
