import type { RouteBuilder } from '@cong/sdk';
import { NETWORK_PERMISSION } from '../registry/site.routes.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';
import { Provisioner } from './provisioner.js';
import { provisioningBody, provisioningReportSchema, templateListSchema } from './provisioning.schema.js';

/** Templates and bulk provisioning under `/api/sites`. */
export function provisioningRoutes(route: RouteBuilder): void {
  route.get('/templates', {
    summary: { vi: 'Mẫu trang thành phần', en: 'Site templates' },
    permission: NETWORK_PERMISSION,
    schema: { response: { 200: templateListSchema } },
    handler: () => ({
      items: [...BUILTIN_TEMPLATES.values()].map((t) => ({
        id: t.id,
        label: t.label,
        kinds: [...t.kinds],
        pages: (t.blueprint.pages ?? []).map((p) => p.slug),
        menus: Object.keys(t.blueprint.menus ?? {}),
        mandatedSections: t.blueprint.mandatedSections !== false,
        roles: [...t.roles],
        theme: { ...t.theme } as Record<string, string>,
      })),
    }),
  });

  route.post('/provisioning', {
    summary: { vi: 'Cung cấp trang thành phần hàng loạt', en: 'Provision sites in bulk' },
    description:
      'From the unit tree (`tree`) or a CSV (`csv`), for the units of the caller\'s subtree. Idempotent: a second run reports every unit unchanged. ' +
      'With `dryRun` nothing is written and the report is what the real run then does. Each unit is written in its own transaction; ' +
      'a unit that fails is reported with its error and the others go on.',
    permission: NETWORK_PERMISSION,
    bodyLimit: 2 * 1024 * 1024,
    schema: { body: provisioningBody, response: { 200: provisioningReportSchema } },
    handler: (req, ctx) => {
      const { tree, csv, ...options } = req.body;
      return new Provisioner(ctx).run({ ...options, source: tree ? { tree } : { csv: csv! } }, { request: req });
    },
  });
}
