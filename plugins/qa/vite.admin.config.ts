import { defineConfig } from 'vite';
import { adminBundleConfig } from '@cong/sdk/vite';

export default defineConfig(adminBundleConfig({ entry: 'src/admin/index.ts' }));
