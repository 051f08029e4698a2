import type { Kysely, Transaction } from 'kysely';
import type { AlertsDatabase } from './alerts-database.js';
import type { Alert, AlertState } from './alerts.schema.js';

export type AlertRow = AlertsDatabase['portal_alerts'];

const iso = (ms: number) => new Date(ms).toISOString();

/** The state of an alert at `now`: before its start, in its window, or past its end. */
export function stateOf(row: Pick<AlertRow, 'starts_at' | 'ends_at'>, now: number): AlertState {
  if (row.ends_at !== null && row.ends_at <= now) return 'ended';
  return row.starts_at > now ? 'scheduled' : 'active';
}

export function toAlert(row: AlertRow, now: number): Alert {
  return {
    id: row.id,
    message: { vi: row.message_vi, en: row.message_en },
    severity: row.severity,
    scope: row.scope,
    startsAt: iso(row.starts_at),
    endsAt: row.ends_at === null ? null : iso(row.ends_at),
    state: stateOf(row, now),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Queries on `portal_alerts`; every one names the unit(s). */
export class AlertRepository {
  constructor(private readonly db: Kysely<AlertsDatabase>) {}

  find(tenantId: string, id: string, trx?: Transaction<AlertsDatabase>): Promise<AlertRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_alerts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async page(tenantId: string, options: { state?: AlertState; limit: number; offset: number }, now: number): Promise<{ items: AlertRow[]; total: number }> {
    let query = this.db.selectFrom('portal_alerts').where('tenant_id', '=', tenantId);
    if (options.state === 'ended') query = query.where('ends_at', '<=', now);
    if (options.state === 'scheduled') query = query.where('starts_at', '>', now).where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]));
    if (options.state === 'active') query = query.where('starts_at', '<=', now).where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]));
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Alerts active at `now` for a unit: its own, and the subtree-scoped ones of its ancestors. */
  active(tenantId: string, ancestorIds: readonly string[], now: number): Promise<AlertRow[]> {
    return this.db
      .selectFrom('portal_alerts')
      .selectAll()
      .where((eb) =>
        ancestorIds.length === 0
          ? eb('tenant_id', '=', tenantId)
          : eb.or([eb('tenant_id', '=', tenantId), eb.and([eb('tenant_id', 'in', [...ancestorIds]), eb('scope', '=', 'subtree')])]),
      )
      .where('starts_at', '<=', now)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .limit(20)
      .execute();
  }
}
