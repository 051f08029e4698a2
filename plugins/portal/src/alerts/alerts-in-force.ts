import { coreServices, type PluginContext, type TenantInfo } from '@cong/sdk';
import { unitAncestors } from '../units/org-tree.js';
import type { AlertsDatabase, AlertSeverity } from './alerts-database.js';
import { AlertRepository, type AlertRow } from './alerts.repository.js';

const RANK: Readonly<Record<AlertSeverity, number>> = { danger: 0, warning: 1, info: 2 };

/**
 * The alerts a unit shows at `now`: its own and the subtree alerts of the units above it, most severe
 * first, then newest; with the units that posted them (the unit itself and its ancestors).
 */
export async function alertsInForce(ctx: PluginContext, unit: TenantInfo, now: number): Promise<{ rows: AlertRow[]; units: ReadonlyMap<string, TenantInfo> }> {
  const ancestors = await unitAncestors(ctx, unit);
  const rows = await new AlertRepository(ctx.get(coreServices.database).kysely<AlertsDatabase>()).active(unit.id, ancestors.map((a) => a.id), now);
  rows.sort((a, b) => RANK[a.severity] - RANK[b.severity] || Number(b.starts_at) - Number(a.starts_at));
  return { rows, units: new Map([unit, ...ancestors].map((u) => [u.id, u])) };
}
