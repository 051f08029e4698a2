import { coreServices, type PluginContext } from '@cong/sdk';
import { UnitTree } from '../questions/unit-tree.js';
import type { DeadlineSettings } from './deadline-config.js';
import type { DeadlinesDatabase } from './deadline-database.js';
import { escalationMail, reminderMail } from './deadline-mail.js';
import { DeadlineRecipients } from './deadline-recipients.js';
import { ClockService } from './clock.service.js';
import { vietnamDate } from './vietnam-date.js';
import { MailTemplateService } from '../templates/mail-template.service.js';

export interface SweepResult {
  readonly computed: number;
  readonly reminders: number;
  readonly escalations: number;
}

/**
 * The deadline sweep (the scheduled job, or the board's "check now"): computes stale clocks, then
 * sends each reminder and escalation that is due and not sent yet. Each notice is recorded
 * (`qa_deadline_notices`, one per question, hop and kind) in the same transaction that queues its
 * e-mail, so a sweep that runs twice, or two at once, sends exactly one message per event.
 */
export async function sweepDeadlines(ctx: PluginContext, settings: DeadlineSettings, options: { provinceId?: string; now?: number } = {}): Promise<SweepResult> {
  const clocks = new ClockService(ctx, settings);
  const computed = await clocks.syncStale(options.provinceId);
  const today = vietnamDate(options.now ?? Date.now());
  const recipients = new DeadlineRecipients(ctx);
  const units = new UnitTree(ctx);
  const mail = ctx.get(coreServices.mail);
  let reminders = 0;
  let escalations = 0;
  for (const notice of await clocks.repo.pendingNotices(today, options.provinceId)) {
    const { clock } = notice;
    // Everything read before the transaction (one connection on SQLite).
    const to = await recipients.of(notice.kind, clock.kind, clock.unit_id, clock.province_id);
    const unit = (await units.get(clock.unit_id))?.nameVi ?? clock.unit_id;
    const input = { code: notice.trackingCode ?? '', title: notice.title, unit, dueOn: clock.due_on, rule: clock.rule_version };
    const template = await new MailTemplateService(ctx).textFor(clock.province_id, notice.kind === 'reminder' ? 'deadline-reminder' : 'deadline-escalation');
    const message = notice.kind === 'reminder' ? reminderMail(input, template) : escalationMail({ ...input, kind: clock.kind }, template);
    const sent = await ctx.get(coreServices.database).transaction<DeadlinesDatabase, boolean>(async (trx) => {
      const fresh = await clocks.repo.recordNotice({ question_id: clock.question_id, hop: clock.hop, kind: notice.kind, unit_id: clock.unit_id, recipients: to.length, sent_at: Date.now() }, trx);
      if (fresh && to.length > 0) await mail.send({ to: to.map((p) => p.email), ...message, tenantId: clock.unit_id }, { trx });
      return fresh;
    });
    if (!sent) continue;
    if (to.length === 0) ctx.logger.warn('deadline notice has nobody to tell', { questionId: clock.question_id, hop: clock.hop, kind: notice.kind, unitId: clock.unit_id });
    if (notice.kind === 'reminder') reminders++;
    else escalations++;
  }
  if (reminders + escalations > 0) ctx.logger.info('deadline notices sent', { reminders, escalations });
  return { computed, reminders, escalations };
}
