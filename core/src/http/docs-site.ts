import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Middleware } from 'koa';
import { CONG_ERR_METHOD_NOT_ALLOWED } from '@cong/sdk';
import type { CongConfig } from '../config/cong-config.js';
import { sendStaticFile, STATIC_TYPES } from './static-file.js';

/** One path segment of the site: letters, digits, `.`, `_`, `-`, not starting with a dot. Encoded characters never match. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;
const TYPES: Readonly<Record<string, string>> = { ...STATIC_TYPES, '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };
/** The page that runs swagger-ui, the one page with a wider CSP. */
const API_PAGE = 'api.html';

/** The site is served when `docs.enabled` says so, and otherwise when the platform runs the demo. */
export function docsSiteEnabled(config: CongConfig): boolean {
  return config.docs.enabled ?? config.demo;
}

/**
 * Where the docs package builds the site in a checkout: `docs-site/dist/` beside the core package.
 * The platform code runs from `core/dist/` (or `dist/cli/`) when built, and from `core/src/http/` under the tests.
 */
export function defaultDocsSiteDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    if (basename(dir) === 'dist' || basename(dir) === 'src') return join(dirname(dir), '..', 'docs-site', 'dist');
    const parent = dirname(dir);
    if (parent === dir) return join(here, 'docs-site', 'dist');
    dir = parent;
  }
}

/**
 * The docs pages' Content-Security-Policy: only the site's own files (one script, one stylesheet, no
 * inline code). The REST API page adds what swagger-ui needs: inline styles (it sets `style`
 * attributes and injects style elements) and `data:` images (its icons); scripts stay `'self'` and
 * the API document is fetched from this origin.
 */
export function docsSiteCsp(page: 'page' | 'api'): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    page === 'api' ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tài liệu chưa được dựng — Documentation not built</title></head>
<body><main><h1>Tài liệu chưa được dựng</h1>
<p lang="en">The documentation site was not built: run <code>npx -y pnpm@12.4.2 --filter @cong/docs build</code>, or set <code>docs.dir</code>.</p></main></body></html>
`;

/**
 * Serves the built documentation site at `/docs/` on every host, before units are resolved (the
 * docs belong to the platform, and hold nothing secret):
 * - `/docs` redirects to `/docs/` (the pages link relatively); a path ending in `/` is its `index.html`;
 * - pages (`.html`) revalidate on every visit, other files after 5 minutes; ETag and 304 as for the admin shell;
 * - an unknown path answers 404 with the site's `404.html`; without a build, 503 with a page saying how to build it;
 * - only GET and HEAD; only known file types; no encoded characters, dot files or `..`.
 */
export function serveDocsSite(config: CongConfig): Middleware {
  const dir = config.docs.dir ? resolve(config.baseDir, config.docs.dir) : defaultDocsSiteDir();
  return async (ctx, next) => {
    if (ctx.path !== '/docs' && !ctx.path.startsWith('/docs/')) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      throw CONG_ERR_METHOD_NOT_ALLOWED.create({ method: ctx.method }, { headers: { allow: 'GET, HEAD' } });
    }
    if (ctx.path === '/docs') {
      ctx.redirect(`/docs/${ctx.search}`);
      ctx.status = 301;
      return;
    }
    let name = ctx.path.slice('/docs/'.length);
    if (name === '' || name.endsWith('/')) name += 'index.html';
    const file = await findFile(dir, name);
    if (file) {
      if (file.type.startsWith('text/html')) ctx.set('content-security-policy', docsSiteCsp(name === API_PAGE ? 'api' : 'page'));
      sendStaticFile(ctx, file.path, file.type, file.info, { immutable: false, revalidateSeconds: file.type.startsWith('text/html') ? 0 : 300 });
      return;
    }
    await answerMissing(ctx, dir);
  };
}

async function findFile(dir: string, name: string) {
  const segments = name.split('/');
  const type = TYPES[extname(name).toLowerCase()];
  if (!type || segments.some((s) => !SEGMENT.test(s))) return undefined;
  const path = resolve(dir, ...segments);
  if (!path.startsWith(dir + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? { path, type, info } : undefined;
}

async function answerMissing(ctx: Context, dir: string): Promise<void> {
  const notFound = await readFile(join(dir, '404.html')).catch(() => undefined);
  const built = notFound ?? (await stat(join(dir, 'index.html')).catch(() => undefined));
  ctx.status = built ? 404 : 503;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('cache-control', 'no-cache');
  ctx.set('content-security-policy', docsSiteCsp('page'));
  ctx.body = notFound ?? (built ? '<!doctype html><html lang="vi"><title>Không tìm thấy trang — Page not found</title><h1>Không tìm thấy trang</h1></html>\n' : NOT_BUILT_PAGE);
}
