import { coreServices, definePlugin } from '@cong/sdk';
import { greetingsApiRef, type GreetingsApi } from './api/index.js';
import { helloMigrations } from './migrations/index.js';
import type { HelloDatabase } from './schema/database.js';
import { deliverGreetingJob } from './server/deliver-greeting-job.js';
import { GreetingRepository } from './server/greeting-repository.js';
import { greetingRoutes } from './server/greeting-routes.js';

/**
 * The smallest complete plugin: a table and its migration, validated routes (one needing a
 * permission), a job enqueued in the same transaction as its row, an event, and a service for others.
 */
export default definePlugin({
  register(reg) {
    reg.migrations(helloMigrations);
    reg.routes(greetingRoutes);
    reg.jobs({ 'deliver-greeting': deliverGreetingJob });
    reg.provide(greetingsApiRef, (ctx): GreetingsApi => {
      const repository = new GreetingRepository(ctx.get(coreServices.database).kysely<HelloDatabase>());
      return { latest: async (limit) => (await repository.page({ limit, offset: 0 })).items };
    });
  },
  start(ctx) {
    ctx.logger.info('xin chào — hello plugin ready');
  },
});
