import type { HomeBlock } from '@cong/plugin-portal/api';
import type { RouteBuilder, RouteRequest } from '@cong/sdk';
import { APPROVED_THEMES } from './approved-themes.js';
import { BUILTIN_BLOCK_SCHEMAS, type Appearance } from './appearance-model.js';
import { AppearanceStore } from './appearance-store.js';
import { appearanceSchema, appearanceViewSchema, catalogueSchema, networkAppearanceSchema } from './appearance.schema.js';
import { NetworkAppearanceStore, type NetworkAppearance } from './network-appearance.js';

/** A unit's site admin configures its own site. */
export const CONFIGURE_PERMISSION = 'sites.site.configure';
/** The province's network admins set what is locked for every site. */
const NETWORK_PERMISSION = 'sites.network.manage';

/** The unit a call names (`X-Cong-Tenant`): the permission was checked there; there is no way to name another. */
const unitOf = (req: RouteRequest) => req.tenantId ?? '';

/**
 * The appearance of the caller's unit under `/api/sites/appearance`: the catalogue (approved themes,
 * choosable blocks), the published and draft appearance, saving the draft, publishing and discarding it.
 * `blocks()` is the portal's contributed home blocks (empty until the portal is up).
 */
export function appearanceRoutes(blocks: () => readonly HomeBlock[]) {
  return (route: RouteBuilder): void => {
    route.get('/appearance/catalogue', {
      summary: { vi: 'Giao diện được duyệt và các khối trang chủ', en: 'Approved themes and home-page blocks' },
      permission: CONFIGURE_PERMISSION,
      schema: { response: { 200: catalogueSchema } },
      handler: () => ({
        themes: APPROVED_THEMES.map((t) => ({ id: t.id, label: t.label, colours: t.colours })),
        blocks: [
          ...Object.entries(BUILTIN_BLOCK_SCHEMAS).map(([id, b]) => ({ id, label: b.label, settingsSchema: b.settingsSchema })),
          ...blocks()
            .filter((b) => b.label !== undefined)
            .map((b) => ({ id: b.id, label: b.label!, settingsSchema: b.settingsSchema ?? { type: 'object', additionalProperties: false, properties: {} } })),
        ],
      }),
    });

    route.get('/appearance', {
      summary: { vi: 'Giao diện và trang chủ của trang đơn vị', en: 'The unit site\'s theme and home page' },
      description: 'The published appearance, the draft (with its preview token) and who published last. 404 when the unit has no site.',
      permission: CONFIGURE_PERMISSION,
      schema: { response: { 200: appearanceViewSchema } },
      handler: (req, ctx) => new AppearanceStore(ctx).view(unitOf(req)),
    });

    route.put('/appearance/draft', {
      summary: { vi: 'Lưu bản nháp giao diện', en: 'Save the draft appearance' },
      description:
        'Replaces the draft: an approved theme, branding colours that keep WCAG 2.1 AA contrast (primary 4.5:1 on the background and under the header text, accent 3:1), ' +
        'a logo from the media library or https, and the home layout (known blocks, valid settings). The public site does not change; a new preview token is issued.',
      permission: CONFIGURE_PERMISSION,
      schema: { body: appearanceSchema, response: { 200: appearanceViewSchema } },
      handler: (req, ctx) => new AppearanceStore(ctx).saveDraft(req, unitOf(req), req.body as Appearance, blocks()),
    });

    route.delete('/appearance/draft', {
      summary: { vi: 'Bỏ bản nháp giao diện', en: 'Discard the draft appearance' },
      permission: CONFIGURE_PERMISSION,
      schema: { response: { 200: appearanceViewSchema } },
      handler: (req, ctx) => new AppearanceStore(ctx).discard(req, unitOf(req)),
    });

    route.get('/appearance/network', {
      summary: { vi: 'Phần giao diện do Cổng tỉnh khóa', en: 'The parts locked for every site' },
      description: 'The header line and footer note every site of the network shows. Only at the province (the root unit); 404 from any other unit.',
      permission: NETWORK_PERMISSION,
      schema: { response: { 200: networkAppearanceSchema } },
      handler: (req, ctx) => new NetworkAppearanceStore(ctx).read(req),
    });

    route.put('/appearance/network', {
      summary: { vi: 'Đặt phần giao diện do Cổng tỉnh khóa', en: 'Set the parts locked for every site' },
      description: 'Audited `sites.appearance.network`; every unit\'s cached pages are dropped in every process. Only at the province; 404 from any other unit.',
      permission: NETWORK_PERMISSION,
      schema: { body: networkAppearanceSchema, response: { 200: networkAppearanceSchema } },
      handler: (req, ctx) => new NetworkAppearanceStore(ctx).write(req, req.body as NetworkAppearance),
    });

    route.post('/appearance/publish', {
      summary: { vi: 'Xuất bản giao diện', en: 'Publish the draft appearance' },
      description: 'The draft becomes the public appearance (audited `sites.appearance.publish`); the unit\'s cached pages are dropped in every process.',
      permission: CONFIGURE_PERMISSION,
      schema: { response: { 200: appearanceViewSchema } },
      handler: (req, ctx) => new AppearanceStore(ctx).publish(req, unitOf(req)),
    });
  };
}
