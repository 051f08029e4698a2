import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { nodeConfig } from '../tsup.config.base.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  ...nodeConfig,
  entry: { index: 'src/index.ts', 'admin/index': 'src/admin/index.ts', 'vite/index': 'src/vite/index.ts', 'testing/index': 'src/testing/index.ts' },
  define: { __CONG_SDK_VERSION__: JSON.stringify(version) },
  // @cong/sdk/testing loads the core at run time; the sdk never bundles or depends on it.
  external: ['@cong/core', '@cong/core/testing'],
});
