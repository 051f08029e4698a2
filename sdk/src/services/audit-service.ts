import type { Transaction } from 'kysely';
import type { RouteRequest } from '../http/route.js';

/** One staff action to record. */
export interface AuditRecord {
  /** `<owner>.<object>.<verb>`, e.g. `gazette.issue.publish`, `core.user.create`. */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  /** The tenant the object belongs to; `null` for platform-wide objects. */
  readonly tenantId: string | null;
  /**
   * What changed, as small JSON summaries. The service replaces the value of every key named like a
   * secret (`password`, `token`, `secret`, `otp`, `totp`, `cookie`, `authorization`, …) with
   * `[REDACTED]` at any depth, and caps each summary at 16 KiB (a longer one is stored as a marked,
   * truncated preview). Default is none.
   */
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * The append-only audit log (CORE-14): who did what to which object, when, from where. There is no
 * API to change or delete an entry.
 */
export interface AuditService {
  /**
   * Records an action. Pass the route's `request` so the actor, IP, user agent and request id are
   * taken from it, and `trx` so the entry commits or rolls back with the change it describes.
   * `actorId` names the actor when there is no principal (a job acting for a person); without it and
   * without a principal the actor is the system. The action must start with the caller's plugin id and
   * a dot, else `CONG_ERR_AUDIT_ACTION_NOT_OWNED`.
   */
  record(entry: AuditRecord, options: { readonly request?: RouteRequest; readonly trx?: Transaction<any>; readonly actorId?: string }): Promise<void>;
}
