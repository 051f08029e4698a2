import { CORE_VERSION, SDK_VERSION, TOOL_VERSIONS } from './dependency-versions.js';
import type { PluginTarget } from './detect-target.js';

/** What shapes the new package.json beyond its template. */
export interface PackageJsonInput {
  readonly target: PluginTarget;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly description: string;
  readonly admin: boolean;
  readonly widgets: boolean;
}

type Json = Record<string, any>;

/**
 * Completes the rendered `package.json` template: names and labels (set here, not interpolated, so any
 * text stays valid JSON), the dependencies for the target, and the admin or widget parts left out.
 */
export function completePackageJson(rendered: string, input: PackageJsonInput): string {
  const pkg = JSON.parse(rendered) as Json;
  const { nameVi, nameEn, admin, widgets } = input;
  pkg.description = input.description;
  pkg.cong.name = { vi: nameVi, en: nameEn };
  pkg.cong.permissions[0].label = { vi: `Quản lý ${nameVi}`, en: `Manage ${nameEn}` };
  const builds = ['tsup'];
  if (admin) {
    pkg.cong.admin.nav[0].label = { vi: nameVi, en: nameEn };
    builds.push('vite build --config vite.admin.config.ts --logLevel warn');
  } else delete pkg.cong.admin;
  if (widgets) builds.push('vite build --config vite.widgets.config.ts --logLevel warn');
  else delete pkg.cong.widgets;
  pkg.scripts.build = builds.join(' && ');

  const browser = admin || widgets;
  const { mode, checkout } = input.target;
  const sdkPeer = mode === 'workspace' ? 'workspace:^' : `^${SDK_VERSION}`;
  const local = (pkgDir: string) => `link:${checkout!.split('\\').join('/')}/${pkgDir}`;
  const [sdkDev, coreDev] =
    mode === 'workspace' ? ['workspace:*', 'workspace:*'] : checkout ? [local('sdk'), local('core')] : [`^${SDK_VERSION}`, `^${CORE_VERSION}`];
  pkg.peerDependencies = {
    '@cong/sdk': sdkPeer,
    kysely: TOOL_VERSIONS.kysely,
    ...(browser ? { lit: `^${TOOL_VERSIONS.lit}` } : {}),
  };
  // In the monorepo the root package.json provides tsup, typescript, vitest and @types/node.
  const tools: Record<string, string> =
    mode === 'workspace'
      ? {}
      : {
          '@types/node': TOOL_VERSIONS['@types/node'],
          tsup: TOOL_VERSIONS.tsup,
          typescript: TOOL_VERSIONS.typescript,
          vitest: TOOL_VERSIONS.vitest,
          // The admin page's component test runs in Chromium through vitest's browser mode.
          ...(admin ? { '@vitest/browser-playwright': TOOL_VERSIONS['@vitest/browser-playwright'], playwright: TOOL_VERSIONS.playwright } : {}),
        };
  pkg.devDependencies = sortKeys({
    '@cong/core': coreDev,
    '@cong/sdk': sdkDev,
    kysely: TOOL_VERSIONS.kysely,
    ...(browser ? { lit: TOOL_VERSIONS.lit, vite: TOOL_VERSIONS.vite } : {}),
    ...tools,
  });
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function sortKeys(value: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
