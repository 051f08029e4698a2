import { coreServices, type PluginContext } from '@cong/sdk';

/** The unit's editorial rules (`config.schema.json`, per unit: `x-cong-per-tenant`). */
export interface ContentSettings {
  /** An article goes through review (submit → approve) before it is published. Default is true. */
  readonly approvalRequired: boolean;
  /** The approver must be someone other than the author (and the one who submitted it). Default is true. */
  readonly approverMustDiffer: boolean;
}

/** The rules in force for a unit, read per use: admins can change them at any time. */
export async function contentSettings(ctx: PluginContext, tenantId: string): Promise<ContentSettings> {
  const values = await ctx.get(coreServices.config).forTenant<Partial<ContentSettings>>(tenantId);
  return { approvalRequired: values.approvalRequired ?? true, approverMustDiffer: values.approverMustDiffer ?? true };
}
