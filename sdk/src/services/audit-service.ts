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
  /** What changed, as small JSON summaries (secrets never: the service drops `password`, `token`, `secret`). */
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
   * taken from it, and `trx` so the entry commits with the change it describes.
   */
  record(entry: AuditRecord, options: { readonly request?: RouteRequest; readonly trx?: Transaction<any>; readonly actorId?: string }): Promise<void>;
}
