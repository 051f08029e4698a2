import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve, sep } from 'node:path';
import type { Middleware } from 'koa';
import { allowOrigin } from './compile-route.js';

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

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};
/** A content hash in the file name (`index-3fa9c2d1.js`): the file never changes, cache it for a year. */
const HASHED = /[.-][A-Za-z0-9_]{8,}\.[a-z0-9]+$/;

/**
 * Serves plugins' browser code: `/admin/plugins/<id>/<file>` from the directory of the admin entry,
 * `/widgets/<id>.js` (the widgets entry) and `/widgets/<id>/<file>` from its directory. Only files of
 * known types inside those directories; hashed names are immutable, entries revalidate. Widget files
 * carry CORS headers for the unit's allowed origins (module scripts are CORS requests).
 */
export function servePluginAssets(assets: () => readonly PluginAssets[]): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const admin = /^\/admin\/plugins\/([a-z][a-z0-9-]{1,30})\/([^/]+)$/.exec(ctx.path);
    const widget = /^\/widgets\/([a-z][a-z0-9-]{1,30})(?:\.js|\/([^/]+))$/.exec(ctx.path);
    if (!admin && !widget) return next();
    const id = (admin ?? widget)![1]!;
    const plugin = assets().find((a) => a.id === id && a.started());
    let file: string | undefined;
    if (plugin && admin && plugin.adminFile) file = inside(dirname(plugin.adminFile), admin[2]!);
    if (plugin && widget && plugin.widgetsFile) {
      const tenantId = ctx.state.tenantId as string | undefined;
      if (tenantId === undefined || (await plugin.enabledFor(tenantId))) file = widget[2] ? inside(dirname(plugin.widgetsFile), widget[2]) : plugin.widgetsFile;
      allowOrigin(ctx);
    }
    const type = file && TYPES[extname(file)];
    const info = type ? await stat(file!).catch(() => undefined) : undefined;
    if (!file || !type || !info?.isFile()) return next();

    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    ctx.set('etag', etag);
    ctx.set('cache-control', HASHED.test(basename(file)) ? 'public, max-age=31536000, immutable' : 'public, max-age=60, must-revalidate');
    ctx.set('x-content-type-options', 'nosniff');
    if (ctx.get('if-none-match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.type = type;
    ctx.length = info.size;
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file);
    if (ctx.method === 'HEAD') ctx.status = 200;
  };
}

/** `name` inside `dir`, or undefined for anything that would leave it (`..`, encoded separators). */
function inside(dir: string, name: string): string | undefined {
  if (name.includes('\0') || name.startsWith('.')) return undefined;
  const file = resolve(dir, name);
  return file.startsWith(dir + sep) ? file : undefined;
}
