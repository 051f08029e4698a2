import { randomUUID } from 'node:crypto';
import { coreServices, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { QA_ERR_FEEDBACK_STATE } from '../errors.js';
import type { FeedbackDatabase, FeedbackRow, FeedbackStatus } from './feedback-database.js';
import type { FeedbackRepository } from './feedback.repository.js';
import { sendInTransaction, type SenderMail } from './feedback-notices.js';

/** Who acts: a person through a route, in the request's unit. */
export interface FeedbackActor {
  readonly id: string;
  readonly unitId: string;
  readonly request: RouteRequest;
}

/** One staff step on an item: the guarded change, its timeline event and its audit entry. */
export interface FeedbackStep {
  readonly from: readonly FeedbackStatus[];
  readonly changes: Partial<FeedbackRow>;
  /** The timeline's action (`registered`, `classified`, `forwarded`, …). */
  readonly event: string;
  /** A short note for the timeline: a reason, a register number, never the sender's data. */
  readonly note: string | null;
  /** The audit action, `qa.feedback.<step>` or `qa.idea.<step>`. */
  readonly audit: string;
  readonly after: Record<string, unknown>;
  /** The message to the sender this step sends (its outcome), built beforehand; sent only if the step commits. */
  readonly mail?: SenderMail;
}

/**
 * Runs a step in one transaction: the item changes only if it is still in one of `from` (else 409
 * `QA_ERR_FEEDBACK_STATE`, also when another request moved it first), the timeline gets the event and
 * the audit log the entry, tenant = the acting unit; the step's message to the sender, if any, is
 * handed to the mail service in the same transaction.
 */
export async function runFeedbackStep(ctx: PluginContext, repo: FeedbackRepository, actor: FeedbackActor, row: FeedbackRow, step: FeedbackStep, action: string): Promise<FeedbackRow> {
  if (!step.from.includes(row.status)) throw QA_ERR_FEEDBACK_STATE.create({ status: row.status, action });
  const now = Date.now();
  const changes: Partial<FeedbackRow> = { ...step.changes, updated_at: now };
  await ctx.get(coreServices.database).transaction<FeedbackDatabase, void>(async (trx: Transaction<FeedbackDatabase>) => {
    if (!(await repo.update(row.id, step.from, changes, trx))) throw QA_ERR_FEEDBACK_STATE.create({ status: 'changed meanwhile', action });
    await repo.event({ id: randomUUID(), feedback_id: row.id, action: step.event, actor_id: actor.id, unit_id: actor.unitId, note: step.note, created_at: now }, trx);
    await ctx.get(coreServices.audit).record(
      { action: step.audit, objectType: row.kind === 'idea' ? 'qa.idea' : 'qa.feedback', objectId: row.id, tenantId: actor.unitId, before: { status: row.status }, after: step.after },
      { request: actor.request, trx },
    );
    await sendInTransaction(ctx, step.mail, trx);
  });
  return { ...row, ...changes };
}
