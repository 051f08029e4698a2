// @cong/sdk/vite: build configuration for plugins' browser bundles.
export { adminBundleConfig } from './admin-bundle-config.js';
export type { AdminBundleOptions } from './admin-bundle-config.js';
export { SHARED_ADMIN_MODULES } from './shared-admin-modules.js';
export type { SharedAdminModule } from './shared-admin-modules.js';
