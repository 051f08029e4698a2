import { definePlugin, type InlinePlugin } from '@cong/sdk';
import { CORE_PERMISSIONS } from '../access/core-permissions.js';
import { HOUSEKEEPING_JOB, HOUSEKEEPING_SCHEDULE } from '../housekeeping/housekeeping.js';
import { CORE_VERSION } from '../kernel/core-version.js';
import { accessRoutes } from './access-routes.js';
import { adminRoutes } from './admin-routes.js';
import { auditRoutes } from './audit-routes.js';
import { authRoutes } from './auth-routes.js';
import { calendarRoutes } from './calendar-routes.js';
import type { CoreApiDeps } from './core-api-deps.js';
import { moduleRoutes } from './module-routes.js';
import { PASSWORD_RESET_JOB, passwordResetJob } from './password-reset-job.js';
import { roleRoutes } from './role-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { tenantRoutes } from './tenant-routes.js';

/**
 * The core's own admin API (`/api/core/…`), served as a built-in plugin so it gets exactly what
 * vendors get: validated routes, permission checks per unit, OpenAPI entries, the boot report.
 * The platform cannot run without it (`failurePolicy: abort`). It also owns the nightly
 * `core.housekeeping` job and the `core.password-reset-request` job.
 */
export function createCoreApiPlugin(deps: CoreApiDeps): InlinePlugin {
  return {
    manifest: { id: 'core', pluginApi: '*', permissions: CORE_PERMISSIONS, failurePolicy: 'abort' },
    version: CORE_VERSION,
    packageName: '@cong/core',
    plugin: definePlugin({
      register(reg) {
        reg.routes((route) => {
          authRoutes(route, deps);
          tenantRoutes(route, deps);
          moduleRoutes(route, deps);
          accessRoutes(route, deps);
          roleRoutes(route, deps);
          auditRoutes(route, deps);
          calendarRoutes(route, deps);
          adminRoutes(route, deps);
          settingsRoutes(route, deps);
        });
        reg.jobs({
          [PASSWORD_RESET_JOB]: passwordResetJob(deps),
          [HOUSEKEEPING_JOB]: {
            // A failed night is retried by the next one; retrying within the night only adds load.
            maxAttempts: 1,
            handler: async (_payload, ctx) => {
              const { searchIndex, ...deleted } = await deps.housekeeping();
              ctx.logger.info('housekeeping done', { deleted, searchIndex });
            },
          },
        });
        reg.schedule(HOUSEKEEPING_JOB, HOUSEKEEPING_SCHEDULE);
      },
    }),
  };
}
