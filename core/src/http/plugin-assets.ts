import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Middleware } from 'koa';
import { allowOrigin } from './compile-route.js';
import { HASHED_NAME, sendStaticFile, STATIC_TYPES } from './static-file.js';

/** Where a plugin's browser bundles are, from its manifest. */
export interface PluginAssets {
  readonly id: string;
  /** Absolute path of the admin ESM entry (`admin.module`), if the plugin has one. */
  readonly adminFile?: string;
  /** Absolute path of the widgets ESM entry (`widgets.module`), if the plugin has one. */
  readonly widgetsFile?: string;
  /** Only started plugins' files are served. */
  readonly started: () => boolean;
  /** Widgets are served only on units where the plugin is enabled. */
  readonly enabledFor: (tenantId: string) => Promise<boolean>;
}


/** Options of {@link servePluginAssets}. */
export interface PluginAssetsOptions {
  /**
   * The built shared Lit of public widgets (`core/widgets-runtime/vite.config.ts`). Default is
   * `dist/widgets-runtime/` of this package.
   */
  readonly widgetsRuntimeDir?: string;
}

/** `/widgets/_lit/<file>`: `_` cannot start a plugin id (`^[a-z][a-z0-9-]{1,30}$`), so no plugin can take it. */
const RUNTIME_PATH = /^\/widgets\/_lit\/([^/]+)$/;
/** The runtime's shared code, named by content (`chunk-3fa9c2d1.js`); its entries (`lit3.js`) keep stable names. */
const RUNTIME_CHUNK = /^chunk-[0-9a-f]{8,}\.js$/;

/**
 * Serves plugins' browser code: `/admin/plugins/<id>/<file>` from the directory of the admin entry,
 * `/widgets/<id>.js` (the widgets entry) and `/widgets/<id>/<file>` from the `<id>/` directory beside
 * it (where `widgetBundleConfig` writes the entry's chunks, so the entry's `./<id>/x.js` imports
 * resolve), and `/widgets/_lit/<file>`, the Lit that every plugin's widgets share. Only files of known
 * types inside those directories; hashed names are immutable, entries revalidate. Widget files carry
 * CORS headers for the unit's allowed origins (module scripts are CORS requests).
 */
export function servePluginAssets(assets: () => readonly PluginAssets[], options: PluginAssetsOptions = {}): Middleware {
  const runtimeDir = options.widgetsRuntimeDir ?? defaultRuntimeDir();
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const runtime = RUNTIME_PATH.exec(ctx.path);
    if (runtime) {
      const file = inside(runtimeDir, runtime[1]!);
      const type = file && STATIC_TYPES[extname(file)];
      const info = type ? await stat(file!).catch(() => undefined) : undefined;
      if (!file || !type || !info?.isFile()) return next();
      // Any origin may load it: Lit's own public code, the same for every unit and request, with no
      // data and no cookies involved. Restricting it to allowed origins would protect nothing, and a
      // page may embed widgets of several units that share this one copy.
      ctx.set('access-control-allow-origin', '*');
      ctx.set('cross-origin-resource-policy', 'cross-origin');
      // Chunks are named by content: cached for a year. Entries keep their names across core
      // upgrades (widget bundles import them by name), so they revalidate like widget entries.
      return sendStaticFile(ctx, file, type, info, { immutable: RUNTIME_CHUNK.test(basename(file)), revalidateSeconds: 60 });
    }
    const admin = /^\/admin\/plugins\/([a-z][a-z0-9-]{1,30})\/([^/]+)$/.exec(ctx.path);
    const widget = /^\/widgets\/([a-z][a-z0-9-]{1,30})(?:\.js|\/([^/]+))$/.exec(ctx.path);
    if (!admin && !widget) return next();
    const id = (admin ?? widget)![1]!;
    const plugin = assets().find((a) => a.id === id && a.started());
    let file: string | undefined;
    if (plugin && admin && plugin.adminFile) file = inside(dirname(plugin.adminFile), admin[2]!);
    if (plugin && widget && plugin.widgetsFile) {
      const tenantId = ctx.state.tenantId as string | undefined;
      if (tenantId === undefined || (await plugin.enabledFor(tenantId))) file = widget[2] ? inside(join(dirname(plugin.widgetsFile), id), widget[2]) : plugin.widgetsFile;
      allowOrigin(ctx);
      // Pages of other sites load it; without this, helmet's same-origin policy would refuse no-cors loads.
      ctx.set('cross-origin-resource-policy', 'cross-origin');
    }
    const type = file && STATIC_TYPES[extname(file)];
    const info = type ? await stat(file!).catch(() => undefined) : undefined;
    if (!file || !type || !info?.isFile()) return next();
    return sendStaticFile(ctx, file, type, info, { immutable: HASHED_NAME.test(basename(file)), revalidateSeconds: 60 });
  };
}


/**
 * `dist/widgets-runtime/` of this package: beside the bundled code in `dist/` (or one level up from an
 * entry's folder such as `dist/cli/`), or, when this file runs from `src/http/` (tests on the
 * sources), `../../dist/`.
 */
function defaultRuntimeDir(): string {
  const candidates = ['./widgets-runtime/', '../widgets-runtime/', '../../dist/widgets-runtime/'].map((path) => new URL(path, import.meta.url)).map((u) => resolve(fileURLToPath(u)));
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

/** `name` inside `dir`, or undefined for anything that would leave it (`..`, encoded separators). */
function inside(dir: string, name: string): string | undefined {
  if (name.includes('\0') || name.startsWith('.')) return undefined;
  const file = resolve(dir, name);
  return file.startsWith(dir + sep) ? file : undefined;
}
