import { coreServices, createExtensionPoint, type PluginContext } from '@cong/sdk';
import { ANSWER_SEARCH_TYPE } from './answer-search.js';

/**
 * The portal's `portal.search-sources` contract (`PortalSearchSources` in `@cong/plugin-portal/api`),
 * as this plugin uses it. The portal is an optional dependency, not a package dependency: the point is
 * referenced by its id and version, and its types are repeated here (only what a source declares).
 */
export interface PortalSearchSources {
  addSource(source: {
    readonly plugin: string;
    readonly type: string;
    readonly slug: string;
    readonly documentTypes: readonly string[];
    readonly label: { readonly vi: string; readonly en: string };
    readonly scope: 'unit' | 'province';
    isEnabled(tenantId: string): Promise<boolean> | boolean;
  }): void;
}

export const portalSearchSources = createExtensionPoint<PortalSearchSources>({ id: 'portal.search-sources', version: 1 });

/**
 * Published questions and answers in the portal's search (`/tim-kiem`, `GET /api/portal/search`):
 * type `answer` (page filter `loai=hoi-dap`), filed under the province and found on every unit's site
 * where this plugin is enabled, linking to `/hoi-dap/<slug>` on that site. The index is written by
 * `syncAnswerSearch` (answer-search.ts); the portal only searches it.
 */
export function addAnswerSearchSource(point: PortalSearchSources, ctx: PluginContext): void {
  point.addSource({
    plugin: ctx.pluginId,
    type: ANSWER_SEARCH_TYPE,
    slug: 'hoi-dap',
    documentTypes: [ANSWER_SEARCH_TYPE],
    label: { vi: 'Hỏi đáp', en: 'Questions and answers' },
    scope: 'province',
    isEnabled: (tenantId) => ctx.get(coreServices.tenancy).isEnabled(tenantId),
  });
}
