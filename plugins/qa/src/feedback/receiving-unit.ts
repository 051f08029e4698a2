import type { PluginContext, TenantInfo } from '@cong/sdk';
import { UnitTree } from '../questions/unit-tree.js';
import type { FeedbackSettings } from './feedback-config.js';

/** The province of a unit's site and the unit of that province that receives feedback on regulations. */
export interface FeedbackScope {
  readonly province: TenantInfo;
  /** The Department of Justice when the province has a unit with the configured slug, else the province itself. */
  readonly receivingUnitId: string;
}

/**
 * Finds where feedback sent on `unitId`'s site goes (QA-14): the province's unit whose slug is
 * `feedback.receivingUnit` (default `so-tu-phap`), active and inside the province's tree; a province
 * without one receives feedback in its own unit, so nothing is dead-ended. Call it before a transaction.
 */
export async function feedbackScope(ctx: PluginContext, settings: FeedbackSettings, unitId: string | undefined): Promise<FeedbackScope | undefined> {
  if (unitId === undefined) return undefined;
  const units = new UnitTree(ctx);
  const province = await units.province(unitId);
  if (!province) return undefined;
  const justice = await units.agencyOf(province.id, settings.receivingUnit);
  return { province, receivingUnitId: justice?.id ?? province.id };
}
