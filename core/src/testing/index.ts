// @cong/core/testing: what @cong/sdk/testing and the repository's own tests need from the core.
export { createPlatform } from '../index.js';
export { createTestDatabase, testDialects, type TestDatabase } from './test-database.js';
export { createDatabase, type Database } from '../db/create-database.js';
export { parseDatabaseUrl } from '../db/database-url.js';
export { OwnerMigrator } from '../db/owner-migrator.js';
export { coreMigrations } from '../db/core-migrations/index.js';
export { configSchema } from '../config/config-schema.js';
