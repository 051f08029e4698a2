import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { nodeConfig } from '../tsup.config.base.js';

// New plugins depend on the sdk and core this scaffolder was built with: read their versions here.
const version = (pkg: string) => (JSON.parse(readFileSync(new URL(`../${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  ...nodeConfig,
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  define: { __CONG_SDK_VERSION__: JSON.stringify(version('sdk')), __CONG_CORE_VERSION__: JSON.stringify(version('core')) },
});
