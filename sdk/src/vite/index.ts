// @cong/sdk/vite: build configuration for plugins' browser bundles.
export { adminBundleConfig } from './admin-bundle-config.js';
export type { AdminBundleOptions } from './admin-bundle-config.js';
export { widgetBundleConfig, WIDGET_BUDGET_BYTES } from './widget-bundle-config.js';
export type { WidgetBundleOptions } from './widget-bundle-config.js';
export { WIDGET_RUNTIME_BASE, WIDGET_RUNTIME_LIT_MAJOR, WIDGET_RUNTIME_MAP_FILE, WIDGET_RUNTIME_MODULES, widgetRuntimeFile } from './widget-runtime.js';
export type { WidgetRuntimeModule } from './widget-runtime.js';
export { definedTags } from './elements-manifest.js';
export type { ElementsManifest } from './elements-manifest.js';
export { SHARED_ADMIN_MODULES } from './shared-admin-modules.js';
export type { SharedAdminModule } from './shared-admin-modules.js';
