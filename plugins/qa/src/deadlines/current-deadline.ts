import { coreServices, type PluginContext } from '@cong/sdk';
import type { QuestionRow } from '../questions/qa-database.js';
import { deadlineSettingsOf } from './deadline-config.js';
import { ClockService, type ClockView } from './clock.service.js';
import { vietnamDate } from './vietnam-date.js';

/** The clock of the hop a question is on (or its last hop), for the staff's question view. */
export type CurrentDeadline = Pick<ClockView, 'hop' | 'kind' | 'unit' | 'dueOn' | 'state' | 'rule'>;

/** The question's current hop and its clock (computed again first if the question changed), or null before reception. */
export async function currentDeadline(ctx: PluginContext, questionId: string): Promise<CurrentDeadline | null> {
  const clocks = await new ClockService(ctx, deadlineSettingsOf(ctx)).clocksOf(questionId);
  const last = clocks.at(-1);
  return last ? { hop: last.hop, kind: last.kind, unit: last.unit, dueOn: last.dueOn, state: last.state, rule: last.rule } : null;
}

/**
 * "Hạn trả lời dự kiến" on the asker's status page: the due date of the agency's turn while it has
 * the question; while it waits for the asker, the date moves on each working day of the wait.
 * Null before an agency has the question and once it is answered or closed.
 */
export async function expectedAnswerDate(ctx: PluginContext, question: Pick<QuestionRow, 'id' | 'status'>): Promise<string | null> {
  if (question.status !== 'forwarded' && question.status !== 'waiting') return null;
  const service = new ClockService(ctx, deadlineSettingsOf(ctx));
  await service.clocksOf(question.id);
  const open = (await service.repo.clocks(question.id)).filter((c) => c.kind === 'agency' && c.ended_at === null).at(-1);
  if (!open) return null;
  if (open.paused_at === null) return open.due_on;
  const calendar = ctx.get(coreServices.calendar);
  const waited = await calendar.workingDaysBetween(vietnamDate(open.paused_at), vietnamDate(Date.now()));
  return calendar.addWorkingDays(open.due_on, waited);
}
