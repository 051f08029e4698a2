import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { nodeConfig } from '../tsup.config.base.js';

// Pure-JS dependencies on the start-up path are bundled: importing kysely's 300 ESM files alone
// costs ~170 ms of cold start (STACK.md §4.12). Native addons, drivers loaded on demand, tsyringe
// (one copy shared with @cong/sdk) and the sdk itself stay external.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  ...nodeConfig,
  define: { __CONG_CORE_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies (koa's http-errors, depd) call require(); ESM has none.
  banner: { js: "import { createRequire as __congCreateRequire } from 'node:module'; const require = __congCreateRequire(import.meta.url);" },
  entry: { index: 'src/index.ts', 'cli/main': 'src/cli/main.ts', 'testing/index': 'src/testing/index.ts' },
  noExternal: ['kysely', 'koa', '@koa/router', '@koa/bodyparser', 'koa-helmet', 'helmet', 'pino'],
  // ajv and semver are shared with @cong/sdk, which loads them anyway: one copy, loaded once.
  external: ['@cong/sdk', 'ajv', 'ajv-formats', 'semver', 'tsyringe', 'reflect-metadata', 'better-sqlite3', 'mysql2', 'nodemailer', 'file-type', 'croner', 'commander'],
});
