import { defineConfig } from 'vite';
import { widgetBundleConfig } from '@cong/sdk/vite';

// dist/widgets/qa.js, served at /widgets/qa.js (and /t/<unit>/widgets/qa.js); Lit comes from the core's
// shared /widgets/_lit/ modules and is not counted in the 25 KB gzipped budget.
export default defineConfig(widgetBundleConfig({ entry: 'src/widgets/index.ts', pluginId: 'qa' }));
