// The appearance area (TEN-06, first version items 5 and 6): approved themes, per-site branding, home
// layouts built from blocks, drafts with previews. The portal renders them through `portal.site-theme`.
import { coreServices, type PluginContext, type PluginRegistrar } from '@cong/sdk';
import { siteThemePoint, type SiteTheme, type ThemeRequest } from '@cong/plugin-portal/api';
import type { Migration } from 'kysely';
import { siteStatusChanged } from '../registry/site-events.js';
import { appearanceChanged, networkAppearanceChanged } from './appearance-events.js';
import { tokensOf, type Appearance } from './appearance-model.js';
import { AppearanceStore } from './appearance-store.js';
import { appearanceRoutes } from './appearance.routes.js';
import { OWN_BLOCKS } from './home-blocks.js';
import { NetworkAppearanceStore, type NetworkAppearance } from './network-appearance.js';
import { appearanceMigrationList } from './migrations/index.js';

export const appearanceMigrations: Readonly<Record<string, Migration>> = appearanceMigrationList;

/** How long a unit's published appearance is trusted from memory when no event reached this process (a CLI run). */
const TTL_MS = 30_000;

/**
 * Registers the appearance routes, the portal contributions (tokens, home layout, preview verifier, the
 * plugin's own blocks) and the listeners that drop a unit's cached appearance and pages in every process.
 */
export function registerAppearance(reg: PluginRegistrar): void {
  const cache = new Map<string, { readonly appearance: Appearance | null; readonly at: number }>();
  let theme: SiteTheme | undefined;
  let context: PluginContext | undefined;
  let network: { readonly value: NetworkAppearance; readonly at: number } | undefined;

  /** The province's locked parts, from memory (one row for the whole network). */
  const networkParts = async (): Promise<NetworkAppearance> => {
    if (!network || Date.now() - network.at >= TTL_MS) network = { value: await new NetworkAppearanceStore(context!).current(), at: Date.now() };
    return network.value;
  };

  /** The unit's appearance for a request: the draft when the request carries its preview token, else the published one (from memory). */
  const appearanceFor = async (tenantId: string, request: ThemeRequest): Promise<Appearance | null> => {
    const store = new AppearanceStore(context!);
    if (request.preview !== null) {
      const draft = await store.draftForPreview(tenantId, request.preview);
      if (draft) return draft;
    }
    const known = cache.get(tenantId);
    if (known && Date.now() - known.at < TTL_MS) return known.appearance;
    const appearance = await store.published(tenantId);
    cache.set(tenantId, { appearance, at: Date.now() });
    return appearance;
  };

  reg.extend(siteThemePoint, (point, ctx) => {
    theme = point;
    context = ctx;
    for (const block of OWN_BLOCKS.values()) point.addHomeBlock(block);
    // The province's locked parts apply to every unit; a unit's own appearance cannot name them.
    point.setTokens(async (tenant, request) => {
      const [appearance, locked] = await Promise.all([appearanceFor(tenant.id, request ?? { preview: null }), networkParts()]);
      return { ...(appearance ? tokensOf(appearance) : {}), headerLine: locked.headerLine, footerNote: locked.footerNote };
    });
    point.setHomeLayout(async (tenant, request) => (await appearanceFor(tenant.id, request))?.home ?? null);
    point.setPreviewVerifier(async (tenant, token) => (await new AppearanceStore(ctx).draftForPreview(tenant.id, token)) !== null);
  });

  reg.routes(appearanceRoutes(() => theme?.blocks ?? []));

  const forget = (event: { readonly tenantId: string }) => {
    cache.delete(event.tenantId);
    theme?.tokensChanged(event.tenantId);
  };
  reg.on(appearanceChanged, forget);
  // A new site, or a site provisioned again from another template, wears its template's appearance.
  reg.on(siteStatusChanged, forget);
  // The locked parts are on every unit's pages: drop them all.
  reg.on(networkAppearanceChanged, async (_event, ctx) => {
    network = undefined;
    for (const unit of await ctx.get(coreServices.tenancy).tree()) theme?.tokensChanged(unit.id);
  });
}

export type { Appearance, Branding } from './appearance-model.js';
export type { AppearanceView } from './appearance-store.js';
export type { NetworkAppearance } from './network-appearance.js';
export { APPROVED_THEMES } from './approved-themes.js';
export type { ApprovedTheme } from './approved-themes.js';
