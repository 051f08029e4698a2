import { defineConfig } from 'vite';
import { widgetBundleConfig } from '@cong/sdk/vite';

// dist/widgets/portal.js, served at /widgets/portal.js (and /t/<unit>/widgets/portal.js); Lit comes from
// the core's shared /widgets/_lit/ modules and is not counted in the 25 KB gzipped budget.
export default defineConfig(widgetBundleConfig({ entry: 'src/widgets/index.ts', pluginId: 'portal' }));
