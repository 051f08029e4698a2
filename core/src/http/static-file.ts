import { createReadStream, type Stats } from 'node:fs';
import type { Context } from 'koa';

/** The browser-code file types the core serves (the shell's assets and plugins' bundles); anything else is a 404. */
export const STATIC_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** A content hash in the file name (`index-BQ3x_a1Z.js`, `chunk-3fa9c2d1.js`): the file never changes. */
export const HASHED_NAME = /[.-][A-Za-z0-9_]{8,}\.[a-z0-9]+$/;

/** `If-None-Match` (a list, weak or strong, or `*`) against the current ETag, compared weakly. */
export function etagMatches(header: string, etag: string): boolean {
  if (header === '') return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

/**
 * Sends a file found by `stat`: a weak ETag from size and mtime, 304 when it matches, `nosniff`, and
 * `immutable` for a year, or revalidation after `revalidateSeconds` for names that stay the same
 * when their content changes. HEAD gets the headers only.
 */
export function sendStaticFile(ctx: Context, file: string, type: string, info: Stats, cache: { readonly immutable: boolean; readonly revalidateSeconds: number }): void {
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  ctx.set('etag', etag);
  ctx.set('cache-control', cache.immutable ? 'public, max-age=31536000, immutable' : `public, max-age=${cache.revalidateSeconds}, must-revalidate`);
  ctx.set('x-content-type-options', 'nosniff');
  if (etagMatches(ctx.get('if-none-match'), etag)) {
    ctx.status = 304;
    return;
  }
  ctx.type = type;
  ctx.length = info.size;
  if (ctx.method === 'HEAD') {
    ctx.status = 200;
    return;
  }
  ctx.body = createReadStream(file);
}
