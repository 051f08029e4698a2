import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the new plugin goes and how it depends on `@cong/sdk` and `@cong/core`. */
export interface PluginTarget {
  /**
   * `workspace`: a folder of a Cổng checkout (`plugins/<id>`), linked by the workspace (`workspace:^`).
   * `standalone`: a package of its own, depending on published versions, or on a local checkout (`link:`).
   */
  readonly mode: 'workspace' | 'standalone';
  /** The new package's folder (absolute). */
  readonly dir: string;
  /** The Cổng checkout the plugin joins (workspace mode) or links to (`link`), if any. */
  readonly checkout: string | undefined;
}

/**
 * The Cổng checkout at or above `from`: the nearest folder with a `pnpm-workspace.yaml` that lists
 * `plugins/*` and holds `sdk/package.json` named `@cong/sdk`. Undefined outside one.
 */
export function findCongCheckout(from: string): string | undefined {
  for (let at = resolve(from); ; at = dirname(at)) {
    if (isCongCheckout(at)) return at;
    if (at === dirname(at)) return undefined;
  }
}

/** Whether `dir` is the root of a Cổng checkout (see {@link findCongCheckout}). */
export function isCongCheckout(dir: string): boolean {
  const workspace = join(dir, 'pnpm-workspace.yaml');
  if (!existsSync(workspace)) return false;
  // The packages list, one `- item` per line; a quoted or bare `plugins/*` both count.
  const lists = /^\s*-\s*['"]?plugins\/\*['"]?\s*$/m.test(readFileSync(workspace, 'utf8'));
  return lists && readPackageName(join(dir, 'sdk', 'package.json')) === '@cong/sdk';
}

/**
 * Decides the target: `dir` when given (resolved from `cwd`), else `plugins/<id>` of the checkout
 * `cwd` is in, else `./<id>`. A folder inside the checkout's `plugins/` joins the workspace; any
 * other folder is a standalone package (`link` names a checkout to link the sdk and core from).
 */
export function detectTarget(options: { readonly id: string; readonly cwd: string; readonly dir?: string | undefined; readonly link?: string | undefined }): PluginTarget {
  const around = findCongCheckout(options.cwd);
  const dir = options.dir !== undefined ? resolve(options.cwd, options.dir) : around ? join(around, 'plugins', options.id) : resolve(options.cwd, options.id);
  const inWorkspace = around !== undefined && dirname(dir) === join(around, 'plugins');
  if (inWorkspace) return { mode: 'workspace', dir, checkout: around };
  return { mode: 'standalone', dir, checkout: options.link !== undefined ? resolve(options.cwd, options.link) : undefined };
}

function readPackageName(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
