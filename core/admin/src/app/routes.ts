import { msg } from '@lit/localize';
import type { AdminManifest, ManifestPlugin } from './session.js';

/** The page where an account turns on two-factor sign-in (the shell sends super-admins there when the server requires it). */
export const SECURITY_PATH = '/core/security';

/** The shell's base path; every page lives under it. */
export const ADMIN_BASE = '/admin';

// The management pages are built by their own files under pages/; the glob turns each into a lazy
// chunk, and a page that does not exist yet rejects, so its boundary shows the placeholder.
const corePages = import.meta.glob(['../pages/{modules,users,roles,tenants,audit,settings}/*-page.ts']);

/** A lazy loader of `pages/<name>.ts`. */
function page(name: string): (attempt: number) => Promise<unknown> {
  return () => {
    const load = corePages[`../pages/${name}.ts`];
    return load ? load() : Promise.reject(new Error(`pages/${name}.ts is not part of this build`));
  };
}

/** A page of the core under `/admin/core/…`. */
export interface CoreRoute {
  /** The path after `/admin` (`/core/modules`); `:plugin` matches one segment. */
  readonly path: string;
  /** The custom element that renders the page. */
  readonly element: string;
  /** Its module; absent for pages in the shell's entry. */
  readonly load?: (attempt: number) => Promise<unknown>;
  /** The user needs one of these permissions in the current unit. */
  readonly anyOf?: readonly string[];
  /** Shown without a session (no header or navigation). */
  readonly public?: boolean;
  /** Listed in the navigation with this label. */
  readonly nav?: () => string;
  /** The page title (document.title) */
  readonly title: () => string;
}

/** The router table of the core's pages (the decision record's URLs). */
export const CORE_ROUTES: readonly CoreRoute[] = [
  { path: '/', element: 'cong-dashboard-page', nav: () => msg('Dashboard', { id: 'nav.dashboard' }), title: () => msg('Dashboard', { id: 'nav.dashboard' }) },
  { path: '/core/login', element: 'cong-login-page', public: true, title: () => msg('Sign in', { id: 'login.title' }) },
  { path: '/core/reset', element: 'cong-reset-page', public: true, load: () => import('../pages/reset/reset-page.js'), title: () => msg('Reset password', { id: 'reset.title' }) },
  { path: '/core/sessions', element: 'cong-sessions-page', load: () => import('../pages/sessions/sessions-page.js'), title: () => msg('Sessions', { id: 'sessions.title' }) },
  { path: '/core/security', element: 'cong-security-page', load: () => import('../pages/security/security-page.js'), title: () => msg('Account security', { id: 'security.title' }) },
  {
    path: '/core/modules',
    element: 'cong-modules-page',
    load: page('modules/modules-page'),
    anyOf: ['core.modules.manage'],
    nav: () => msg('Modules', { id: 'nav.modules' }),
    title: () => msg('Modules', { id: 'nav.modules' }),
  },
  {
    path: '/core/users',
    element: 'cong-users-page',
    load: page('users/users-page'),
    anyOf: ['core.users.manage', 'core.access.manage'],
    nav: () => msg('Users', { id: 'nav.users' }),
    title: () => msg('Users', { id: 'nav.users' }),
  },
  {
    path: '/core/roles',
    element: 'cong-roles-page',
    load: page('roles/roles-page'),
    anyOf: ['core.access.manage'],
    nav: () => msg('Roles', { id: 'roles.title' }),
    title: () => msg('Roles', { id: 'roles.title' }),
  },
  {
    path: '/core/tenants',
    element: 'cong-tenants-page',
    load: page('tenants/tenants-page'),
    anyOf: ['core.tenants.manage'],
    nav: () => msg('Units', { id: 'nav.tenants' }),
    title: () => msg('Units', { id: 'nav.tenants' }),
  },
  {
    path: '/core/audit',
    element: 'cong-audit-page',
    load: page('audit/audit-page'),
    anyOf: ['core.audit.read'],
    nav: () => msg('Audit log', { id: 'nav.audit' }),
    title: () => msg('Audit log', { id: 'nav.audit' }),
  },
  {
    path: '/core/settings/:plugin',
    element: 'cong-settings-page',
    load: page('settings/settings-page'),
    anyOf: ['core.settings.manage'],
    title: () => msg('Plugin settings', { id: 'nav.settings' }),
  },
];

/** What a path shows. */
export type RouteMatch =
  | { readonly kind: 'core'; readonly route: CoreRoute; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'plugin'; readonly plugin: ManifestPlugin; readonly nav: ManifestPlugin['nav'][number] }
  | { readonly kind: 'not-found' };

/** The path inside the shell: `/admin/core/users/` → `/core/users`, `/admin` → `/`. */
export function shellPath(pathname: string): string {
  const rest = pathname.startsWith(ADMIN_BASE) ? pathname.slice(ADMIN_BASE.length) : pathname;
  const trimmed = rest.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) {
      if (!b[i]) return undefined;
      params[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
    } else if (a[i] !== b[i]) return undefined;
  }
  return params;
}

/**
 * Resolves a location path: the core's pages first, then the plugins' nav routes of the manifest (a
 * plugin route `/hello` also owns `/hello/...`, which its element reads from `location`).
 */
export function resolveRoute(pathname: string, manifest: AdminManifest | undefined): RouteMatch {
  const path = shellPath(pathname);
  for (const route of CORE_ROUTES) {
    const params = matchPattern(route.path, path);
    if (params) return { kind: 'core', route, params };
  }
  let best: RouteMatch | undefined;
  let length = -1;
  for (const plugin of manifest?.plugins ?? []) {
    for (const nav of plugin.nav) {
      const route = nav.route.replace(/\/+$/, '');
      if ((path === route || path.startsWith(`${route}/`)) && route.length > length) {
        best = { kind: 'plugin', plugin, nav };
        length = route.length;
      }
    }
  }
  return best ?? { kind: 'not-found' };
}

/** Whether the permissions allow a core route. */
export function allowed(route: CoreRoute, permissions: readonly string[]): boolean {
  return !route.anyOf || route.anyOf.some((p) => permissions.includes(p));
}
