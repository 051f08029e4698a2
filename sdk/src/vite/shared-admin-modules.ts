/**
 * The bare specifiers the admin shell's import map provides, so every plugin bundle shares the shell's
 * single copy. A plugin's admin bundle leaves exactly these external ({@link adminBundleConfig});
 * anything else it imports is bundled. Lit's own entry points are listed one by one because import
 * maps resolve exact specifiers (a `lit/` prefix would need Lit's file layout on the server).
 */
export const SHARED_ADMIN_MODULES = [
  'lit',
  'lit/async-directive.js',
  'lit/decorators.js',
  'lit/directive-helpers.js',
  'lit/directive.js',
  'lit/directives/async-append.js',
  'lit/directives/async-replace.js',
  'lit/directives/cache.js',
  'lit/directives/choose.js',
  'lit/directives/class-map.js',
  'lit/directives/guard.js',
  'lit/directives/if-defined.js',
  'lit/directives/join.js',
  'lit/directives/keyed.js',
  'lit/directives/live.js',
  'lit/directives/map.js',
  'lit/directives/range.js',
  'lit/directives/ref.js',
  'lit/directives/repeat.js',
  'lit/directives/style-map.js',
  'lit/directives/template-content.js',
  'lit/directives/unsafe-html.js',
  'lit/directives/unsafe-mathml.js',
  'lit/directives/unsafe-svg.js',
  'lit/directives/until.js',
  'lit/directives/when.js',
  'lit/html.js',
  'lit/static-html.js',
  '@cong/sdk/admin',
] as const;

export type SharedAdminModule = (typeof SHARED_ADMIN_MODULES)[number];
