import type { TenantNode } from '@cong/sdk';
import type { SiteRow, StatusHistoryRow } from './registry-database.js';

/** A site as the API shows it: the registry row with its unit and the unit's hosts (the core's). */
export function siteView(row: SiteRow, unit: TenantNode, suggestedHost: string | null) {
  return {
    id: row.id,
    unit: { id: unit.id, slug: unit.slug, nameVi: unit.nameVi, nameEn: unit.nameEn, kind: unit.kind, parentId: unit.parentId, status: unit.status },
    status: row.status,
    template: row.template,
    goLiveOn: row.go_live_on,
    notes: row.notes,
    statusReason: row.status_reason,
    statusChangedAt: new Date(Number(row.status_changed_at)).toISOString(),
    statusChangedBy: row.status_changed_by,
    primaryHost: unit.primaryHost,
    aliasHosts: [...unit.aliasHosts],
    suggestedHost,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

export type SiteView = ReturnType<typeof siteView>;

export function historyView(row: StatusHistoryRow) {
  return { from: row.from_status, to: row.to_status, reason: row.reason, actorId: row.actor_id, at: new Date(Number(row.at)).toISOString() };
}

/** Today in Vietnam (YYYY-MM-DD): the day a site went live. */
export function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
