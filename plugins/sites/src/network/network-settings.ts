import { coreServices, type PluginContext } from '@cong/sdk';

/** The network area's settings (config.schema.json), defaults applied. */
export interface NetworkSettings {
  /** A site with no published or updated content for this many days is flagged stale. Default 30. */
  readonly staleAfterDays: number;
  readonly linkChecker: {
    readonly concurrency: number;
    readonly perHostDelayMs: number;
    readonly maxPerRun: number;
    readonly timeoutMs: number;
    readonly maxRedirects: number;
    readonly allowPrivateAddresses: boolean;
  };
}

const LINK_DEFAULTS: NetworkSettings['linkChecker'] = { concurrency: 4, perHostDelayMs: 1000, maxPerRun: 500, timeoutMs: 10_000, maxRedirects: 5, allowPrivateAddresses: false };

/** The settings in force for a unit (`null`: platform-wide), with defaults for the link checker's missing keys. */
export async function networkSettings(ctx: PluginContext, tenantId: string | null): Promise<NetworkSettings> {
  const raw = await ctx.get(coreServices.config).forTenant<Partial<NetworkSettings>>(tenantId);
  return { staleAfterDays: raw.staleAfterDays ?? 30, linkChecker: { ...LINK_DEFAULTS, ...raw.linkChecker } };
}
