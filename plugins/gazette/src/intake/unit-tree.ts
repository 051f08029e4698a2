import { coreServices, UnitLookup, type PluginContext, type TenantInfo } from '@cong/sdk';

export type { UnitRef } from '@cong/sdk';

/**
 * The unit tree as the intake needs it: the office of a unit (the root of its tree: the province) and
 * names for answers, each unit read once per request (before any transaction).
 */
export class UnitTree extends UnitLookup {
  constructor(ctx: PluginContext) {
    super(ctx.get(coreServices.tenancy));
  }

  /** The gazette office of a unit: the root of its tree (the unit itself when it is the root). */
  office(id: string): Promise<TenantInfo | undefined> {
    return this.root(id);
  }
}
