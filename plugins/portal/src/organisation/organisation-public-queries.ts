import type { ContactRow, LeaderRow, OrgUnitRow, ScheduleEntryRow } from './organisation-database.js';
import type { OrganisationStore } from './organisation-store.js';
import { contactRows } from './contact.routes.js';
import { leaderRows } from './leader.routes.js';
import { orgUnitRows } from './org-unit.routes.js';
import { leaderIdsOf } from './schedule-entry.schema.js';
import { weekRows } from './schedule-entry.routes.js';

/** What the public site and the public JSON show of a unit's organisation: public rows only. */
export class OrganisationPublicQueries {
  constructor(private readonly store: OrganisationStore) {}

  chart(tenantId: string): Promise<OrgUnitRow[]> {
    return orgUnitRows(this.store, tenantId);
  }

  /** Leaders in office on `today` (no term end, or one not yet passed). */
  async leaders(tenantId: string, today: string): Promise<LeaderRow[]> {
    return (await leaderRows(this.store, tenantId)).filter((l) => l.term_end === null || l.term_end >= today);
  }

  contacts(tenantId: string): Promise<ContactRow[]> {
    return contactRows(this.store, tenantId);
  }

  /** A week's public entries and the leaders they name (past leaders included: the schedule is history). */
  async schedule(tenantId: string, from: string, to: string): Promise<{ entries: ScheduleEntryRow[]; leaders: ReadonlyMap<string, LeaderRow> }> {
    const entries = await weekRows(this.store, tenantId, from, to, true);
    const ids = [...new Set(entries.flatMap(leaderIdsOf))];
    const rows = ids.length === 0 ? [] : await this.store.db.selectFrom('portal_leaders').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
    return { entries, leaders: new Map(rows.map((l) => [l.id, l])) };
  }
}
