import { coreServices, type PluginContext } from '@cong/sdk';
import type { SubmissionRow } from '../intake/gazette-database.js';
import { SubmissionService } from '../intake/submission.service.js';
import type { UnitRef } from '../intake/unit-tree.js';
import { vietnamDate } from '../intake/vietnam-date.js';
import type { DeadlineCause, DeadlineDashboard, DeadlineItem } from './comparison.schema.js';

/** The deadline a still-open document is measured against now, and who it waits on. */
function stageOf(row: SubmissionRow): { stage: 'send' | 'publish'; due: string; cause: DeadlineCause } | undefined {
  if (row.sent_at === null) {
    // Signed but not sent: the issuer's deadline runs. (A document the office entered has arrived; it
    // is measured once registered, when its receipt date is known.)
    if (row.origin !== 'issuer' || row.send_due === null) return undefined;
    return { stage: 'send', due: row.send_due, cause: 'issuer-not-sent' };
  }
  if (row.publish_due === null) return undefined;
  return { stage: 'publish', due: row.publish_due, cause: row.status === 'returned' ? 'issuer-correction' : 'office' };
}

/**
 * The office's deadline dashboard (GAZ-15, GAZ-16, GAZ-01): every document not yet published whose
 * deadline is past (overdue) or within `within` working days (at risk), on `asOf`, with who it waits
 * on, grouped by issuer. Working days come from the core calendar.
 */
export async function deadlineDashboard(ctx: PluginContext, officeId: string, options: { asOf?: string; within: number; issuerUnitId?: string }): Promise<DeadlineDashboard> {
  const asOf = options.asOf ?? vietnamDate(Date.now());
  const calendar = ctx.get(coreServices.calendar);
  const service = new SubmissionService(ctx);
  let rows = await service.repo.open(officeId);
  if (options.issuerUnitId !== undefined) {
    const issuer = (await ctx.get(coreServices.tenancy).get(options.issuerUnitId)) ?? (await ctx.get(coreServices.tenancy).getBySlug(options.issuerUnitId));
    rows = rows.filter((row) => row.tenant_id === (issuer?.id ?? options.issuerUnitId));
  }
  const items: DeadlineItem[] = [];
  for (const row of rows) {
    const stage = stageOf(row);
    if (!stage) continue;
    const overdue = asOf > stage.due;
    const workingDays = overdue ? await calendar.workingDaysBetween(stage.due, asOf) : await calendar.workingDaysBetween(asOf, stage.due);
    if (!overdue && workingDays > options.within) continue;
    items.push({
      submission: await service.views.submission(row, asOf),
      stage: stage.stage,
      due: stage.due,
      state: overdue ? 'overdue' : 'at-risk',
      workingDays,
      cause: stage.cause,
      sentLate: row.sent_on !== null && row.send_due !== null && row.sent_on > row.send_due,
    });
  }
  // Most urgent first: overdue before at risk, then by due date.
  items.sort((a, b) => (a.state === b.state ? a.due.localeCompare(b.due) : a.state === 'overdue' ? -1 : 1));
  const byIssuer = new Map<string, { issuer: UnitRef; atRisk: number; overdue: number; overdueByIssuer: number; overdueByOffice: number }>();
  for (const item of items) {
    const entry = byIssuer.get(item.submission.issuer.id) ?? { issuer: item.submission.issuer, atRisk: 0, overdue: 0, overdueByIssuer: 0, overdueByOffice: 0 };
    if (item.state === 'at-risk') entry.atRisk++;
    else {
      entry.overdue++;
      if (item.cause === 'office') entry.overdueByOffice++;
      else entry.overdueByIssuer++;
    }
    byIssuer.set(item.submission.issuer.id, entry);
  }
  return { asOf, withinWorkingDays: options.within, items, byIssuer: [...byIssuer.values()].sort((a, b) => a.issuer.name.localeCompare(b.issuer.name, 'vi')) };
}
