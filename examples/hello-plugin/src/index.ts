import { coreServices, definePlugin } from '@cong/sdk';
import { greetingsApiRef, type GreetingsApi } from './api/index.js';
import { helloMigrations } from './migrations/index.js';
import type { HelloDatabase } from './schema/database.js';
import { deliverGreetingJob } from './server/deliver-greeting-job.js';
import { GreetingRepository } from './server/greeting-repository.js';
import { greetingRoutes, publicGreetingRoutes } from './server/greeting-routes.js';

/**
 * The smallest complete plugin: a table and its migrations, validated routes (one needing a
 * permission), a public route for its embeddable widget, settings with a secret, a job enqueued in the
 * same transaction as its row, an event, and a service for others. Its browser code (admin elements
 * and the public widget) is built by vite from `src/admin` and `src/widgets`.
 */
export default definePlugin({
  register(reg) {
    reg.migrations(helloMigrations);
    reg.routes(greetingRoutes);
    reg.publicRoutes(publicGreetingRoutes);
    reg.jobs({ 'deliver-greeting': deliverGreetingJob });
    reg.provide(greetingsApiRef, (ctx): GreetingsApi => {
      const repository = new GreetingRepository(ctx.get(coreServices.database).kysely<HelloDatabase>());
      return { latest: async (tenantId, limit) => (await repository.page(tenantId, { limit, offset: 0 })).items };
    });
  },
  start(ctx) {
    ctx.logger.info('xin chào — hello plugin ready');
  },
});
