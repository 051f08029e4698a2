import helmet from 'helmet';
import type { Middleware } from 'koa';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** helmet's options for the platform: its defaults with a CSP that suits plain-http intranet installs. */
export const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  // No upgrade-insecure-requests: the demo and intranet installs serve plain http on localhost.
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'self'"], baseUri: ["'self'"], upgradeInsecureRequests: null },
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * helmet's headers, computed once. With these options every header helmet sets is the same on every
 * request, and running its dozen middlewares per request cost as much as serving a cached page; so
 * helmet runs once here, against a response that only records, and each request gets the copies.
 */
export function securityHeaders(): Middleware {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
    },
    removeHeader() {},
  };
  let finished = false;
  helmet(HELMET_OPTIONS)(undefined as unknown as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // helmet's middlewares are synchronous; if a future version is not, the headers would be incomplete.
  if (!finished) throw new Error('helmet did not finish synchronously: security headers cannot be precomputed');
  return (ctx, next) => {
    const res = ctx.res;
    for (const [name, value] of headers) res.setHeader(name, value);
    return next();
  };
}
