import { defineConfig } from 'vite';
import { widgetBundleConfig } from '@cong/sdk/vite';

// dist/widgets/procurement.js, served at /widgets/procurement.js (and /t/<unit>/widgets/procurement.js); Lit comes from the
// portal's shared /widgets/_lit/ modules and is not counted in the 25 KB gzipped budget.
export default defineConfig(widgetBundleConfig({ entry: 'src/widgets/index.ts', pluginId: 'procurement' }));
