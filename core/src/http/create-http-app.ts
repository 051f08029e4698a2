import Router from '@koa/router';
import Koa, { type Middleware } from 'koa';
import type { Logger } from 'pino';
import { CONG_ERR_METHOD_NOT_ALLOWED, CONG_ERR_NOT_FOUND, CONG_ERR_PLUGIN_UNAVAILABLE, CONG_ERR_SHUTTING_DOWN, type Principal } from '@cong/sdk';
import type { CongConfig } from '../config/cong-config.js';
import type { TenantResolver } from '../tenancy/tenant-resolver.js';
import { authenticateRequest, type AuthenticationOptions } from './authenticate-request.js';
import { serveAdminShell, type AdminShellOptions } from './admin-shell.js';
import { servePluginAssets, type PluginAssets } from './plugin-assets.js';
import { allowOrigin, type CompiledRoute } from './compile-route.js';
import { docsSiteEnabled, serveDocsSite } from './docs-site.js';
import { errorHandler } from './error-handler.js';
import { PLATFORM_PATH } from './platform-paths.js';
import { requestContext } from './request-context.js';
import { securityHeaders } from './security-headers.js';

/** Reads the caller from a request; issue-3 auth plugs sessions and tokens in here. */
export type PrincipalResolver = (headers: Readonly<Record<string, string | string[] | undefined>>) => Principal | undefined;

/** What the HTTP app needs from the kernel. */
export interface HttpAppOptions {
  readonly logger: Logger;
  readonly config: CongConfig;
  readonly routes: readonly CompiledRoute[];
  /** Every loaded plugin, so `/api/<id>/…` of a failed plugin answers 503 even for routes it never declared. */
  readonly plugins: readonly { readonly id: string; state(): string }[];
  readonly readiness: () => Promise<{ readonly status: number; readonly body: unknown }>;
  readonly openApiDocument: () => unknown;
  readonly principalResolver?: PrincipalResolver;
  readonly isShuttingDown: () => boolean;
  /** Counts requests in flight, for draining at shutdown. */
  readonly inFlight: { count: number };
  /** Finds the unit a public request is for; without it the platform serves one site. */
  readonly tenantResolver?: TenantResolver;
  /** Sessions and API tokens; without it only `principalResolver` names callers. */
  readonly authentication?: AuthenticationOptions;
  /** Plugins' admin bundles and widgets, served from their packages. */
  readonly assets?: () => readonly PluginAssets[];
  /** The built admin shell at `/admin`; `false` for none (the paths then answer 404). Default is `core/dist/admin`. */
  readonly adminShell?: AdminShellOptions | false;
}

/**
 * The Koa application: request ids and logs, problem+json errors, security headers, health and API
 * document, then every plugin's routes. One place, so the middleware order is visible.
 */
export function createHttpApp(options: HttpAppOptions): Koa {
  const app = new Koa({ proxy: options.config.http.trustProxy });
  app.silent = true;

  if (options.config.http.trustProxy) app.use(dropUntrustedForwarding(new Set(options.config.http.trustedProxies)));
  app.use(trackInFlight(options));
  app.use(requestContext(options.logger, options.config.log.requests));
  app.use(errorHandler(options.logger));
  app.use(securityHeaders());
  // The docs belong to the platform, not to a unit: served on every host, before units are resolved.
  if (docsSiteEnabled(options.config)) app.use(serveDocsSite(options.config));
  if (options.tenantResolver) {
    app.use(resolveApiTenant(options.tenantResolver));
    app.use(resolvePublicTenant(options.tenantResolver));
  }
  if (options.principalResolver) {
    // Test platforms: a principal from a header wins; without one, real authentication runs.
    const resolve = options.principalResolver;
    app.use(async (ctx, next) => {
      ctx.state.principal = resolve(ctx.headers);
      await next();
    });
  }
  if (options.authentication) {
    const authenticate = authenticateRequest(options.authentication);
    app.use((ctx, next) => (ctx.state.principal ? next() : authenticate(ctx, next)));
  }

  app.use(answerPreflight(options.routes));
  if (options.assets) app.use(servePluginAssets(options.assets));
  // After the plugins' bundles (`/admin/plugins/…` keep precedence) and after helmet: the shell's
  // page sets its own, stricter CSP over helmet's default one.
  if (options.adminShell !== false) app.use(serveAdminShell(options.adminShell ?? {}));

  // Two routers: a page request is matched against the sites' routes only, not against every API route.
  const apiRouter = new Router();
  const router = new Router();
  const routerFor = (path: string) => (path.startsWith('/api/') ? apiRouter : router);
  /** Methods of declared API routes whose path matches (for 405 with Allow). */
  const declaredMethods = (path: string): string[] =>
    [...new Set(apiRouter.match(path, 'GET').path.filter((layer) => !(layer.path instanceof RegExp)).flatMap((layer) => layer.methods))].filter((m) => m !== 'HEAD');
  router.get('/healthz', (ctx) => {
    ctx.set('cache-control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const { status, body } = await options.readiness();
    ctx.set('cache-control', 'no-store');
    ctx.status = status;
    ctx.body = body;
  });
  router.get('/openapi.json', (ctx) => {
    ctx.body = options.openApiDocument();
  });
  for (const route of options.routes) routerFor(route.path)[route.method](route.path, route.middleware);
  for (const plugin of options.plugins) {
    // Anything under a plugin's prefix that matched no route: 503 while the plugin is down, else 404.
    apiRouter.all(new RegExp(`^/api/${plugin.id}(?:/.*)?$`), (ctx) => {
      const state = plugin.state();
      if (state !== 'started') throw CONG_ERR_PLUGIN_UNAVAILABLE.create({ plugin: plugin.id, state });
      const allowed = declaredMethods(ctx.path);
      if (allowed.length > 0) {
        throw CONG_ERR_METHOD_NOT_ALLOWED.create({ method: ctx.method }, { headers: { allow: allowed.join(', ') } });
      }
      throw CONG_ERR_NOT_FOUND.create();
    });
  }
  const allowedMethods = {
    throw: true,
    methodNotAllowed: () => CONG_ERR_METHOD_NOT_ALLOWED.create({ method: 'this method' }),
    notImplemented: () => CONG_ERR_METHOD_NOT_ALLOWED.create({ method: 'this method' }),
  };
  const [dispatchApi, dispatchSite] = [apiRouter, router].map((r) => {
    const routes = r.routes() as Middleware;
    const unmatched = r.allowedMethods(allowedMethods) as Middleware;
    const dispatch: Middleware = (ctx, next) => routes(ctx, () => unmatched(ctx, next));
    return dispatch;
  });
  app.use((ctx, next) => (ctx.path.startsWith('/api/') ? dispatchApi! : dispatchSite!)(ctx, next));
  app.use(async (ctx) => {
    if (ctx.path.startsWith('/api/') || ctx.accepts('html', 'json') === 'json') throw CONG_ERR_NOT_FOUND.create();
    ctx.status = 404;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = NOT_FOUND_PAGE;
  });
  return app;
}

/**
 * CORS preflight for routes that declare `cors`: the unit's allowed origins may send GET, HEAD and
 * POST with `Content-Type`; no credentials. Other preflights get no CORS headers, so browsers refuse.
 */
function answerPreflight(routes: readonly CompiledRoute[]): Middleware {
  const corsRoutes = routes.filter((r) => r.declaration.options.cors);
  const matchers = corsRoutes.map((r) => ({ route: r, pattern: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`) }));
  return async (ctx, next) => {
    const requested = ctx.get('access-control-request-method');
    if (ctx.method !== 'OPTIONS' || !requested || !ctx.get('origin')) return next();
    const methods = matchers.filter((m) => m.pattern.test(ctx.path)).map((m) => m.route.method.toUpperCase());
    ctx.status = 204;
    if (methods.length === 0 || !allowOrigin(ctx)) return;
    ctx.set('access-control-allow-methods', [...new Set([...methods, ...(methods.includes('GET') ? ['HEAD'] : [])])].join(', '));
    ctx.set('access-control-allow-headers', 'content-type');
    ctx.set('access-control-max-age', '600');
  };
}

const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/**
 * Koa believes X-Forwarded-* from anyone once `proxy` is on; only the configured proxies may set them,
 * so a client cannot choose its unit (Host) or its address (rate limits) by sending them itself.
 */
function dropUntrustedForwarding(trusted: ReadonlySet<string>): Middleware {
  return async (ctx, next) => {
    if (!trusted.has(ctx.req.socket.remoteAddress ?? '')) for (const header of FORWARDING_HEADERS) delete ctx.req.headers[header];
    await next();
  };
}

/** Paths that are the platform's, not a unit's: they answer on any host. */

/** The header an API call names its tenant with (slug or id). */
export const TENANT_HEADER = 'x-cong-tenant';

/** API calls name their tenant explicitly; an unknown or archived one is 404 like any foreign object. */
function resolveApiTenant(resolver: TenantResolver): Middleware {
  return async (ctx, next) => {
    const name = ctx.get(TENANT_HEADER);
    if (name === '' || !ctx.path.startsWith('/api/')) return next();
    const tenant = name.length <= 100 ? await resolver.byName(name) : undefined;
    if (!tenant) throw CONG_ERR_NOT_FOUND.create({}, { detail: `No active unit is called ${name.slice(0, 100)}` });
    ctx.state.tenantId = tenant.id;
    ctx.state.tenant = tenant;
    await next();
  };
}

/**
 * Public requests are for a unit: by `/t/<slug>` prefix, Host, or `<slug>.localhost`. Aliases and
 * former units answer 301; an unknown host gets the plain 404 page; the unit's id goes to the route.
 */
function resolvePublicTenant(resolver: TenantResolver): Middleware {
  return async (ctx, next) => {
    if (PLATFORM_PATH.test(ctx.path)) return next();
    const resolution = await resolver.resolve({
      host: ctx.host,
      path: ctx.path,
      search: ctx.search,
      protocol: ctx.protocol === 'https' ? 'https' : 'http',
    });
    if (resolution.kind === 'redirect') {
      ctx.status = 301;
      ctx.set('location', resolution.location);
      ctx.set('cache-control', 'public, max-age=300');
      ctx.body = '';
      return;
    }
    if (resolution.kind === 'unknown') {
      ctx.status = 404;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = NOT_FOUND_PAGE;
      return;
    }
    if (resolution.kind === 'tenant') {
      ctx.state.tenantId = resolution.tenant.id;
      ctx.state.tenant = resolution.tenant;
      if (resolution.prefix) ctx.path = resolution.path;
    }
    await next();
  };
}

function trackInFlight(options: HttpAppOptions): Middleware {
  return async (ctx, next) => {
    if (options.isShuttingDown()) {
      ctx.set('connection', 'close');
      ctx.status = 503;
      ctx.set('retry-after', '5');
      ctx.type = 'application/problem+json; charset=utf-8';
      const error = CONG_ERR_SHUTTING_DOWN.create();
      ctx.body = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: error.message, code: error.code };
      return;
    }
    options.inFlight.count++;
    try {
      await next();
    } finally {
      options.inFlight.count--;
    }
  };
}

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không tìm thấy trang — Page not found</title></head>
<body><main><h1>Không tìm thấy trang</h1><p lang="en">Page not found.</p><p><a href="/">Về trang chủ</a></p></main></body></html>
`;
