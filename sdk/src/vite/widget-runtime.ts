import { SHARED_ADMIN_MODULES } from './shared-admin-modules.js';

/**
 * The Lit entry points public widgets share: {@link SHARED_ADMIN_MODULES} without `@cong/sdk/admin`
 * (widgets never depend on the admin shell). The core builds one module per specifier into
 * `core/dist/widgets-runtime/` and serves them at {@link WIDGET_RUNTIME_BASE}; a plugin's widget
 * bundle imports them by path ({@link widgetBundleConfig}), relative to its own URL.
 */
export const WIDGET_RUNTIME_MODULES = SHARED_ADMIN_MODULES.filter((m): m is Exclude<(typeof SHARED_ADMIN_MODULES)[number], '@cong/sdk/admin'> => m !== '@cong/sdk/admin');

export type WidgetRuntimeModule = (typeof WIDGET_RUNTIME_MODULES)[number];

/** Where the core serves the shared Lit modules for widgets (an absolute path on the portal's origin). */
export const WIDGET_RUNTIME_BASE = '/widgets/_lit/';

/**
 * The Lit major version the runtime's file names carry. Lit keeps its API within a major version, so a
 * widget built against 3.x runs on whichever 3.x the core ships, as admin bundles do through the
 * shell's import map. A new major gets new names, and both can be served side by side.
 */
export const WIDGET_RUNTIME_LIT_MAJOR = 3;

/**
 * The runtime file of a Lit specifier: `lit` → `lit3.js`, `lit/decorators.js` → `lit3-decorators.js`,
 * `lit/directives/class-map.js` → `lit3-directives-class-map.js`. Flat names, so one path segment
 * after {@link WIDGET_RUNTIME_BASE}. These names are stable (they revalidate); the chunks they import
 * are content-hashed (cached for a year).
 */
export function widgetRuntimeFile(specifier: string): string {
  if (!(WIDGET_RUNTIME_MODULES as readonly string[]).includes(specifier)) throw new TypeError(`${specifier} is not a shared widget runtime module`);
  const rest = specifier === 'lit' ? '' : `-${specifier.slice('lit/'.length).replace(/\.js$/, '').replaceAll('/', '-')}`;
  return `lit${WIDGET_RUNTIME_LIT_MAJOR}${rest}.js`;
}

/** The file name of the runtime's map (`{ lit, modules: { specifier: file } }`), beside its modules. */
export const WIDGET_RUNTIME_MAP_FILE = 'modules.json';
