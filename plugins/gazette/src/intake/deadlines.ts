import { coreServices, type PluginContext, type Rule } from '@cong/sdk';
import { addCalendarDays } from './vietnam-date.js';
import { PUBLISH_AT_ONCE_RULE, PUBLISH_DEADLINE_RULE, SEND_DEADLINE_RULE, type DeadlineRuleValue } from './deadline-rules.js';

/** A computed due date and the rule version (`<name>@<version>`) that gave it. */
export interface Due {
  readonly due: string;
  readonly rule: string;
}

/** Guards against a calendar with no working day for weeks (a data error): a deadline is at most this far out. */
const MAX_ROLL_DAYS = 60;

/**
 * The due date counted from `origin` (a Vietnam date) by the version of `ruleName` in force on that
 * day, on the core calendar. Undefined when no version was in force then (the date is before the rule).
 */
export async function dueDate(ctx: PluginContext, ruleName: string, origin: string): Promise<Due | undefined> {
  let rule: Rule<DeadlineRuleValue>;
  try {
    rule = await ctx.get(coreServices.rules).get<DeadlineRuleValue>(ruleName, origin);
  } catch (error) {
    if ((error as { code?: string })?.code === 'CONG_ERR_RULE_NOT_FOUND') return undefined;
    throw error;
  }
  const calendar = ctx.get(coreServices.calendar);
  let due: string;
  if (rule.value.count === 'working-days') {
    due = await calendar.addWorkingDays(origin, rule.value.days);
  } else {
    due = addCalendarDays(origin, rule.value.days);
    // A period whose last day is a day off ends on the next working day.
    for (let i = 0; i < MAX_ROLL_DAYS && !(await calendar.isWorkingDay(due)); i++) due = addCalendarDays(due, 1);
  }
  return { due, rule: `${rule.name}@${rule.version}` };
}

/** The issuer's sending deadline: from the signing date (GAZ-15). */
export function sendDue(ctx: PluginContext, signedOn: string): Promise<Due | undefined> {
  return dueDate(ctx, SEND_DEADLINE_RULE, signedOn);
}

/** The office's publication deadline: from the day the document reached it (GAZ-16). */
export function publishDue(ctx: PluginContext, receivedOn: string, inForceOnSigning: boolean): Promise<Due | undefined> {
  return dueDate(ctx, inForceOnSigning ? PUBLISH_AT_ONCE_RULE : PUBLISH_DEADLINE_RULE, receivedOn);
}
