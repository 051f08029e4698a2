import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Middleware } from 'koa';
import { CONG_ERR_METHOD_NOT_ALLOWED, CONG_ERR_NOT_FOUND } from '@cong/sdk';
import { CONG_ERR_ADMIN_SHELL_MISSING } from '../errors.js';
import { etagMatches, HASHED_NAME, sendStaticFile, STATIC_TYPES } from './static-file.js';

/** Options of {@link serveAdminShell}. */
export interface AdminShellOptions {
  /** The built shell: `index.html` and `assets/`. Default is {@link defaultAdminShellDir}. */
  readonly dir?: string;
}

/** One path segment of an asset: letters, digits, `.`, `_`, `-`, not starting with a dot. Encoded characters never match. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * Where the core's build puts the shell: `core/dist/admin/`. The platform code runs from a chunk in
 * `core/dist/` (or `dist/cli/`) when built, and from `core/src/http/` under the tests.
 */
export function defaultAdminShellDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    if (basename(dir) === 'dist') return join(dir, 'admin');
    if (basename(dir) === 'src') return join(dirname(dir), 'dist', 'admin');
    const parent = dirname(dir);
    if (parent === dir) return join(here, 'admin');
    dir = parent;
  }
}

/** The SHA-256 CSP source of an inline script's text, as browsers hash it (line breaks normalised to LF by the HTML parser). */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

/**
 * The shell's Content-Security-Policy. Scripts: only files of this origin and the inline scripts of
 * `index.html` by hash (the import map is inline). Styles keep `'unsafe-inline'`: Lit's constructable
 * stylesheets (`adoptedStyleSheets`) and CSSOM writes (`styleMap`, Floating UI positioning) are not
 * subject to CSP, but `style="…"` attributes in Lit templates — Web Awesome's and plugins' — are
 * parsed as inline styles and would be refused. Inline styles cannot run script; the cost is that an
 * injected attribute could restyle the page, which the HTML escaping of templates already prevents.
 * `connect-src` allows `data:` because Web Awesome fetches its built-in (system) icons as data: SVG
 * URLs; a data: URL carries nothing out of the page.
 */
export function adminShellCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

interface IndexFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Buffer;
  readonly etag: string;
  readonly csp: string;
}

/**
 * Serves the built admin shell at `/admin`:
 * - `/admin/assets/<file>`: the hashed build output, `public, max-age=31536000, immutable`
 *   (a name without a hash revalidates), with ETag and 304; only known file types.
 * - `/admin/plugins/…` is left alone: plugins' bundles are served before this middleware, and a
 *   miss there is a 404, not the shell.
 * - GET/HEAD of `/admin` and of any other `/admin/…` path: `index.html` with `no-cache` (the shell
 *   routes on the client) and the shell's own CSP ({@link adminShellCsp}), which replaces helmet's.
 *   The inline scripts' hashes are computed when the file is read, again when its mtime changes.
 * When the shell was not built, these paths answer 503 `CONG_ERR_ADMIN_SHELL_MISSING`.
 */
export function serveAdminShell(options: AdminShellOptions = {}): Middleware {
  const dir = resolve(options.dir ?? defaultAdminShellDir());
  const assetsDir = join(dir, 'assets');
  let cached: IndexFile | undefined;

  const readIndex = async (): Promise<IndexFile | undefined> => {
    const file = join(dir, 'index.html');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return (cached = undefined);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(file);
    const hashes: string[] = [];
    for (const match of body.toString('utf8').matchAll(INLINE_SCRIPT)) {
      if (!/\ssrc\s*=/i.test(` ${match[1] ?? ''}`)) hashes.push(scriptHashSource(match[2] ?? ''));
    }
    cached = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      csp: adminShellCsp([...new Set(hashes)]),
    };
    return cached;
  };

  return async (ctx, next) => {
    if (ctx.path !== '/admin' && !ctx.path.startsWith('/admin/')) return next();
    if (ctx.path.startsWith('/admin/plugins/')) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      throw CONG_ERR_METHOD_NOT_ALLOWED.create({ method: ctx.method }, { headers: { allow: 'GET, HEAD' } });
    }
    if (ctx.path.startsWith('/admin/assets/')) return serveAsset(ctx, assetsDir, ctx.path.slice('/admin/assets/'.length));

    const index = await readIndex();
    if (!index) throw CONG_ERR_ADMIN_SHELL_MISSING.create({}, { detail: 'Giao diện quản trị chưa được dựng (the admin shell was not built: run pnpm --filter @cong/core build)' });
    ctx.set('content-security-policy', index.csp);
    ctx.set('cache-control', 'no-cache');
    ctx.set('etag', index.etag);
    if (etagMatches(ctx.get('if-none-match'), index.etag)) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = index.body;
  };
}

async function serveAsset(ctx: Context, assetsDir: string, name: string): Promise<void> {
  const segments = name.split('/');
  const type = STATIC_TYPES[extname(name).toLowerCase()];
  if (!type || segments.some((s) => !SEGMENT.test(s))) throw CONG_ERR_NOT_FOUND.create();
  const file = resolve(assetsDir, ...segments);
  if (!file.startsWith(assetsDir + sep)) throw CONG_ERR_NOT_FOUND.create();
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw CONG_ERR_NOT_FOUND.create();

  sendStaticFile(ctx, file, type, info, { immutable: HASHED_NAME.test(basename(file)), revalidateSeconds: 300 });
}
