import { CONG_ERR_UNAUTHENTICATED, coreServices, defineSchema, respond, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { loginThrottledError } from '../auth/login-limiter.js';
import { resetThrottledError } from '../auth/password-reset-limiter.js';
import type { User } from '../auth/user-store.js';
import { CONG_ERR_RESET_TOKEN_INVALID, CONG_ERR_TOTP_REQUIRED } from '../errors.js';
import type { CoreApiDeps } from './core-api-deps.js';
import { PASSWORD_RESET_JOB } from './password-reset-job.js';
import { readSessionToken, sessionSetCookie } from './session-cookie-header.js';

const userSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'username', 'displayName', 'isSuperAdmin', 'totpEnabled'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    email: { type: ['string', 'null'] },
    isSuperAdmin: { type: 'boolean' },
    totpEnabled: { type: 'boolean' },
  },
} as const;

const loginBody = defineSchema<{ username: string; password: string; totpCode?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
    totpCode: { type: 'string', pattern: '^[0-9]{6}$' },
  },
});

const sessionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'createdAt', 'lastSeenAt', 'current'],
  properties: {
    id: { type: 'string' },
    createdAt: { type: 'string' },
    lastSeenAt: { type: 'string' },
    ip: { type: ['string', 'null'] },
    userAgent: { type: ['string', 'null'] },
    current: { type: 'boolean' },
  },
} as const;

/** The caller's session and account, or 401. */
export async function requireUser(deps: CoreApiDeps, req: RouteRequest<any, any, any>): Promise<{ user: User; token: string }> {
  const token = readSessionToken(req.headers.cookie, req.protocol === 'https');
  const session = token && (await deps.auth.sessions.get(token));
  const user = session && (await deps.auth.users.findById(session.userId));
  if (!token || !user || user.status !== 'active') throw CONG_ERR_UNAUTHENTICATED.create();
  return { user, token };
}

function publicUser(user: User) {
  return { id: user.id, username: user.username, displayName: user.displayName, email: user.email, isSuperAdmin: user.isSuperAdmin, totpEnabled: user.totpEnabled };
}

/** Sign-in, sign-out, the session list, two-factor enrolment and password reset: `/api/core/auth/…`. */
export function authRoutes(route: RouteBuilder, deps: CoreApiDeps): void {
  route.post('/auth/login', {
    summary: { vi: 'Đăng nhập', en: 'Sign in' },
    description: 'Checks the password (and the two-factor code when the account has one), then starts a new session: a new cookie at every sign-in.',
    schema: { body: loginBody, response: { 200: { type: 'object', additionalProperties: false, required: ['user'], properties: { user: userSchema } } } },
    handler: async (req) => {
      const result = await deps.auth.users.authenticate(req.body.username, req.body.password, {
        ip: req.ip,
        ...(req.body.totpCode ? { totpCode: req.body.totpCode } : {}),
      });
      if (result.kind === 'throttled') throw loginThrottledError(result.retryAfterSeconds);
      if (result.kind === 'totp-required') throw CONG_ERR_TOTP_REQUIRED.create();
      if (result.kind !== 'ok' && result.kind !== 'totp-enrolment-required') {
        throw CONG_ERR_UNAUTHENTICATED.create({}, { detail: 'Tên đăng nhập hoặc mật khẩu không đúng (wrong username or password)' });
      }
      const secure = req.protocol === 'https';
      const previous = readSessionToken(req.headers.cookie, secure);
      const { token } = await deps.auth.sessions.create(result.user.id, {
        ip: req.ip,
        ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
        ...(previous ? { replaces: previous } : {}),
      });
      await deps.audit.record({ action: 'core.session.create', objectType: 'user', objectId: result.user.id, tenantId: null }, { request: req, actorId: result.user.id });
      return respond(200, { user: publicUser(result.user) }, { 'set-cookie': sessionSetCookie(token, secure), 'cache-control': 'no-store' });
    },
  });

  route.post('/auth/logout', {
    summary: { vi: 'Đăng xuất', en: 'Sign out' },
    schema: {},
    handler: async (req) => {
      const secure = req.protocol === 'https';
      const token = readSessionToken(req.headers.cookie, secure);
      if (token) await deps.auth.sessions.revoke(token);
      return respond(204, undefined, { 'set-cookie': sessionSetCookie(null, secure) });
    },
  });

  route.get('/auth/me', {
    summary: { vi: 'Tài khoản đang đăng nhập', en: 'The signed-in account' },
    schema: {
      response: {
        200: {
          type: 'object',
          additionalProperties: false,
          required: ['user', 'tenantId', 'permissions', 'mustEnrolTotp', 'unitIds'],
          properties: {
            user: userSchema,
            tenantId: { type: ['string', 'null'] },
            permissions: { type: 'array', items: { type: 'string' } },
            mustEnrolTotp: { type: 'boolean', description: 'The account must turn on two-factor sign-in before it holds any permission (`auth.requireTotpForSuperAdmins`).' },
            unitIds: { type: 'array', items: { type: 'string' }, description: 'The units where the account holds a role: where the admin shell can start for an account without one at the province.' },
          },
        },
      },
    },
    handler: async (req) => {
      const { user } = await requireUser(deps, req);
      return {
        user: publicUser(user),
        tenantId: req.tenantId ?? null,
        permissions: [...(req.principal?.permissions ?? [])].sort(),
        mustEnrolTotp: deps.requireTotpForSuperAdmins && user.isSuperAdmin && !user.totpEnabled,
        unitIds: [...new Set((await deps.access.grantsOf(user.id)).map((g) => g.tenantId))].sort(),
      };
    },
  });

  route.get('/auth/sessions', {
    summary: { vi: 'Các phiên đăng nhập', en: 'Active sessions' },
    schema: { response: { 200: { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: sessionSchema } } } } },
    handler: async (req) => {
      const { user, token } = await requireUser(deps, req);
      const items = await deps.auth.sessions.list(user.id, { current: token });
      return {
        items: items.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), ip: s.ip, userAgent: s.userAgent, current: s.current })),
      };
    },
  });

  route.delete('/auth/sessions', {
    summary: { vi: 'Đăng xuất mọi nơi', en: 'Sign out everywhere else' },
    description: 'Ends every other session of the account; this one stays.',
    schema: { response: { 200: { type: 'object', additionalProperties: false, required: ['ended'], properties: { ended: { type: 'integer' } } } } },
    handler: async (req) => {
      const { user, token } = await requireUser(deps, req);
      const ended = await deps.auth.sessions.revokeAll(user.id, { except: token });
      await deps.audit.record({ action: 'core.session.revoke-all', objectType: 'user', objectId: user.id, tenantId: null, after: { ended } }, { request: req, actorId: user.id });
      return { ended };
    },
  });

  route.post('/auth/totp/setup', {
    summary: { vi: 'Bắt đầu xác thực hai lớp', en: 'Start two-factor enrolment' },
    schema: { response: { 200: { type: 'object', additionalProperties: false, required: ['secret', 'uri'], properties: { secret: { type: 'string' }, uri: { type: 'string' } } } } },
    handler: async (req) => {
      const { user } = await requireUser(deps, req);
      return respond(200, await deps.auth.users.beginTotpEnrolment(user.id), { 'cache-control': 'no-store' });
    },
  });

  route.post('/auth/totp/enable', {
    summary: { vi: 'Bật xác thực hai lớp', en: 'Turn on two-factor sign-in' },
    schema: { body: defineSchema<{ code: string }>({ type: 'object', additionalProperties: false, required: ['code'], properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } } }) },
    handler: async (req) => {
      const { user } = await requireUser(deps, req);
      await deps.auth.users.enableTotp(user.id, req.body.code);
      await deps.audit.record({ action: 'core.user.totp-enable', objectType: 'user', objectId: user.id, tenantId: null }, { request: req, actorId: user.id });
      return respond(204);
    },
  });

  route.post('/auth/password-reset', {
    summary: { vi: 'Yêu cầu đặt lại mật khẩu', en: 'Request a password reset' },
    description:
      'Answers 202 whether or not the account exists, in the same time: the lookup and the mail run as a job, and a link goes by e-mail to active accounts with an address. ' +
      'At most 3 requests per login and 20 per address in an hour (429 CONG_ERR_RESET_THROTTLED with Retry-After), counted for unknown logins too.',
    schema: {
      body: defineSchema<{ login: string }>({ type: 'object', additionalProperties: false, required: ['login'], properties: { login: { type: 'string', minLength: 1, maxLength: 254 } } }),
      response: { 202: { type: 'object', additionalProperties: false, required: ['status'], properties: { status: { const: 'accepted' } } } },
    },
    handler: async (req, ctx) => {
      const decision = await deps.auth.resetLimiter.consume(req.body.login, req.ip);
      if (!decision.allowed) throw resetThrottledError(decision.retryAfterSeconds);
      await ctx.get(coreServices.jobs).enqueue(PASSWORD_RESET_JOB, { login: req.body.login });
      return respond(202, { status: 'accepted' });
    },
  });

  route.post('/auth/password-reset/check', {
    summary: { vi: 'Kiểm tra đường dẫn đặt lại mật khẩu', en: 'Check a password reset link' },
    description: 'Lets the reset page say at once that a link is invalid, used or expired, before the new password is typed. Changes nothing.',
    schema: {
      body: defineSchema<{ token: string }>({ type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 200 } } }),
    },
    handler: async (req) => {
      if (!(await deps.auth.passwordReset.isValid(req.body.token))) throw CONG_ERR_RESET_TOKEN_INVALID.create();
      return respond(204);
    },
  });

  route.post('/auth/password-reset/complete', {
    summary: { vi: 'Đặt mật khẩu mới', en: 'Set a new password' },
    schema: {
      body: defineSchema<{ token: string; password: string }>({
        type: 'object',
        additionalProperties: false,
        required: ['token', 'password'],
        properties: { token: { type: 'string', minLength: 1, maxLength: 200 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
      }),
    },
    handler: async (req) => {
      const { userId } = await deps.auth.passwordReset.complete(req.body.token, req.body.password);
      await deps.audit.record({ action: 'core.user.password-reset', objectType: 'user', objectId: userId, tenantId: null }, { request: req, actorId: userId });
      return respond(204);
    },
  });
}
