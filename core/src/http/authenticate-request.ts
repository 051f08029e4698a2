import type { Middleware } from 'koa';
import { CONG_ERR_FORBIDDEN, type Principal } from '@cong/sdk';
import type { AccessControl } from '../access/access-control.js';
import { apiTokenPrincipal } from '../auth/api-tokens.js';
import type { AuthServices } from '../auth/create-auth-services.js';
import { sessionCookie } from '../auth/session-store.js';

/** What authentication needs from the kernel. */
export interface AuthenticationOptions {
  readonly auth: AuthServices;
  readonly access: AccessControl;
  /** The unit permissions are read for when a call names none: the province. */
  readonly defaultTenantId: () => Promise<string | undefined>;
  /** Super-admins without two-factor sign-in hold no permission until they enrol. */
  readonly requireTotpForSuperAdmins?: boolean;
  /** Whether a unit is active; an API token of an archived (or merged) unit is no identity. Default: every unit is. */
  readonly tenantActive?: (tenantId: string) => Promise<boolean>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds who is calling an API route and what they may do in the request's unit:
 * - `Authorization: Bearer cong_…` — an API token, valid only in the unit it was issued for;
 * - the session cookie — a staff account, with the permissions its grants give in the unit (every
 *   permission for super-admins).
 * A caller with no grant reaching the unit is marked a non-member: protected routes then answer 404,
 * never 403. Cookie-authenticated writes must come from the platform's own origin (CSRF).
 */
export function authenticateRequest(options: AuthenticationOptions): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/')) return isPublicPageRead(ctx.method, ctx.path, ctx.state.tenantId) ? identifyMember(options, ctx, next) : next();
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    if (bearer) {
      const named = ctx.state.tenantId as string | undefined;
      const token = await options.auth.apiTokens.verify(bearer);
      // A unit named by host or header was already resolved (an archived one redirects); a token used
      // without naming one acts in its own unit, which must still be active.
      if (token && (named !== undefined || !options.tenantActive || (await options.tenantActive(token.tenantId)))) {
        if (named === undefined) ctx.state.tenantId = token.tenantId;
        ctx.state.principal = apiTokenPrincipal(token);
        ctx.state.tenantMember = (named ?? token.tenantId) === token.tenantId;
      }
      return next(); // a bad token is no identity: protected routes answer 401
    }

    const cookie = sessionCookie({ secure: ctx.secure });
    const sessionToken = ctx.cookies.get(cookie.name);
    if (!sessionToken) return next();
    const session = await options.auth.sessions.get(sessionToken);
    const user = session && (await options.auth.users.findById(session.userId));
    if (!session || !user || user.status !== 'active') return next();

    if (UNSAFE.has(ctx.method) && !sameOrigin(ctx.get('sec-fetch-site'), ctx.get('origin'), ctx.host, ctx.protocol)) {
      throw CONG_ERR_FORBIDDEN.create({ permission: 'same-origin request' }, { detail: 'Cross-site request refused: send it from the admin pages of this site' });
    }
    const tenantId = (ctx.state.tenantId as string | undefined) ?? (await options.defaultTenantId());
    const mustEnrol = options.requireTotpForSuperAdmins === true && user.isSuperAdmin && !user.totpEnabled;
    const access = mustEnrol
      ? { member: true, permissions: new Set<string>() } // may only reach /auth/totp/* until enrolled
      : tenantId
        ? await options.access.accessIn(user.id, tenantId, { superAdmin: user.isSuperAdmin })
        : { member: user.isSuperAdmin, permissions: new Set<string>() };
    const principal: Principal = Object.freeze({ id: user.id, kind: 'user', displayName: user.displayName, permissions: access.permissions });
    ctx.state.principal = principal;
    ctx.state.tenantMember = access.member;
    ctx.state.session = session;
    ctx.state.sessionToken = sessionToken;
    ctx.state.user = user;
    if (tenantId && ctx.state.tenantId === undefined) ctx.state.tenantId = tenantId;
    await next();
  };
}

/** A read of a unit's public pages (not the admin shell, not the platform's files). */
function isPublicPageRead(method: string, path: string, tenantId: unknown): boolean {
  return (method === 'GET' || method === 'HEAD') && typeof tenantId === 'string' && !/^\/(admin|widgets)(\/|$)/.test(path);
}

/**
 * Public pages are anonymous, except for staff of the page's unit signed in with the session cookie:
 * they get a principal (with their permissions there), so a site can show them what it shows no one
 * else yet (a draft site's preview). Anyone else, and every request without the cookie, stays anonymous
 * and costs nothing more.
 */
async function identifyMember(options: AuthenticationOptions, ctx: Parameters<Middleware>[0], next: () => Promise<unknown>): Promise<unknown> {
  const sessionToken = ctx.cookies.get(sessionCookie({ secure: ctx.secure }).name);
  if (!sessionToken) return next();
  const session = await options.auth.sessions.get(sessionToken);
  const user = session && (await options.auth.users.findById(session.userId));
  if (!session || !user || user.status !== 'active') return next();
  if (options.requireTotpForSuperAdmins === true && user.isSuperAdmin && !user.totpEnabled) return next();
  const access = await options.access.accessIn(user.id, ctx.state.tenantId as string, { superAdmin: user.isSuperAdmin });
  if (access.member) ctx.state.principal = Object.freeze({ id: user.id, kind: 'user', displayName: user.displayName, permissions: access.permissions } satisfies Principal);
  return next();
}

/** Fetch metadata when the browser sends it; otherwise the Origin header must be this site. */
function sameOrigin(fetchSite: string, origin: string, host: string, protocol: string): boolean {
  if (fetchSite) return fetchSite === 'same-origin';
  if (!origin) return false;
  return origin === `${protocol}://${host}`;
}
