import { defineConfig } from 'vite';
import { widgetBundleConfig } from '@cong/sdk/vite';

// dist/widgets/hello.js, served at /widgets/hello.js; Lit comes from the portal's /widgets/_lit/.
export default defineConfig(widgetBundleConfig({ entry: 'src/widgets/index.ts', pluginId: 'hello' }));
