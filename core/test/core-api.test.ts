import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { coreEvents } from '@cong/sdk';
import { createDatabase, parseDatabaseUrl } from '@cong/core/testing';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';
import { inlinePlugin } from './inline-plugin.js';

/** A small cookie-keeping client for the platform's own sign-in. */
function browser(base: string) {
  let cookie = '';
  const call = async (method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(new URL(path, base), {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        'sec-fetch-site': 'same-origin',
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { call, cookie: () => cookie, setCookie: (value: string) => (cookie = value) };
}

describeEachDialect('the core admin API', (dialect) => {
  let t: TestPlatform;
  let password: string;
  const merged: unknown[] = [];

  beforeAll(async () => {
    const watcher = inlinePlugin({ id: 'watcher' }, { register: (reg) => reg.on(coreEvents.tenantMerged, (e) => void merged.push(e)) });
    t = await createTestPlatform({
      plugins: [watcher],
      database: dialect,
      config: { demo: true, auth: { accountFailures: 3, addressFailures: 10 } },
    });
    password = t.platform.takeDemoCredentials().password;
  });
  afterAll(async () => t?.stop());

  it('signs in with a new session cookie each time, and signs out', async () => {
    const b = browser(t.url);
    const first = await b.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toMatch(/^sid=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const firstCookie = b.cookie();
    expect((await b.call('GET', '/api/core/auth/me')).body.user.username).toBe('admin');
    // Session fixation: signing in again replaces the cookie and ends the old session.
    await b.call('POST', '/api/core/auth/login', { body: { username: 'Admin', password } });
    expect(b.cookie()).not.toBe(firstCookie);
    const old = browser(t.url);
    old.setCookie(firstCookie);
    expect((await old.call('GET', '/api/core/auth/me')).status).toBe(401);
    expect((await b.call('POST', '/api/core/auth/logout')).status).toBe(204);
    expect((await b.call('GET', '/api/core/auth/me')).status).toBe(401);
  });

  it('signs out everywhere else, keeping the current session', async () => {
    const a = browser(t.url);
    const b = browser(t.url);
    await a.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    await b.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    const ended = await a.call('DELETE', '/api/core/auth/sessions');
    expect(ended.body.ended).toBeGreaterThanOrEqual(1);
    expect((await a.call('GET', '/api/core/auth/me')).status).toBe(200);
    expect((await b.call('GET', '/api/core/auth/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write from another site (CSRF)', async () => {
    const b = browser(t.url);
    await b.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    const cross = await b.call('POST', '/api/core/tenants', {
      body: { slug: 'so-moi', nameVi: 'Sở Mới', kind: 'department' },
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    expect((await t.client.get('/api/core/tenants', { query: { text: 'so moi' } })).status).toBe(401);
  });

  it('throttles sign-in per account whatever the path spelling, and per address', async () => {
    const b = browser(t.url);
    await b.call('POST', '/api/core/users', { body: {} }); // unauthenticated: 401, not a sign-in attempt
    const admin = browser(t.url);
    await admin.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    expect((await admin.call('POST', '/api/core/users', { body: { username: 'nguyen.van.b', password: 'Sông Hương núi Ngự 2026' } })).status).toBe(201);
    const paths = ['/api/core/auth/login', '/api/core/Auth/Login', '/api/core/auth/login/'];
    const statuses: number[] = [];
    for (const path of paths) statuses.push((await b.call('POST', path, { body: { username: 'nguyen.van.b', password: 'wrong password 123' } })).status);
    const locked = await b.call('POST', '/api/core/auth/login', { body: { username: 'NGUYEN.VAN.B', password: 'Sông Hương núi Ngự 2026' } });
    expect(statuses).toEqual([401, 401, 401]);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(locked.body.code).toBe('CONG_ERR_LOGIN_THROTTLED');
  });

  it('an API token works only in its unit: elsewhere 404, never 403, and it cannot be used for more than it holds', async () => {
    const admin = browser(t.url);
    await admin.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    const created = await admin.call('POST', '/api/core/tokens', {
      body: { name: 'đồng bộ', permissions: ['core.modules.manage'] },
      headers: { 'x-cong-tenant': 'so-tai-chinh' },
    });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await t.client.get('/api/core/modules', { headers: bearer })).status).toBe(200);
    expect((await t.client.get('/api/core/modules', { headers: { ...bearer, 'x-cong-tenant': 'so-tai-chinh' } })).status).toBe(200);
    const other = await t.client.get('/api/core/modules', { headers: { ...bearer, 'x-cong-tenant': 'so-y-te' } });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('CONG_ERR_NOT_FOUND');
    expect((await t.client.get('/api/core/roles', { headers: bearer })).status).toBe(403); // in its unit, lacking the permission
    expect((await t.client.get('/api/core/modules', { headers: { authorization: `Bearer ${created.body.token}x` } })).status).toBe(401);
  });

  it('a unit admin manages their unit and gets 404 for another; mass assignment is refused', async () => {
    const admin = browser(t.url);
    await admin.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    const user = await admin.call('POST', '/api/core/users', { body: { username: 'tran.thi.c', password: 'Đèo Hải Vân mây trắng 9', email: 'tran.thi.c@quangtri.gov.vn' } });
    const grant = await admin.call('POST', '/api/core/grants', { body: { userId: user.body.id, roleId: 'unit-admin' }, headers: { 'x-cong-tenant': 'so-tai-chinh' } });
    expect(grant.status).toBe(201);
    const unitAdmin = browser(t.url);
    await unitAdmin.call('POST', '/api/core/auth/login', { body: { username: 'tran.thi.c', password: 'Đèo Hải Vân mây trắng 9' } });
    expect((await unitAdmin.call('GET', '/api/core/modules', { headers: { 'x-cong-tenant': 'so-tai-chinh' } })).status).toBe(200);
    expect((await unitAdmin.call('GET', '/api/core/modules', { headers: { 'x-cong-tenant': 'so-y-te' } })).status).toBe(404);
    const escalate = await unitAdmin.call('POST', '/api/core/grants', { body: { userId: user.body.id, roleId: 'super-admin' }, headers: { 'x-cong-tenant': 'so-tai-chinh' } });
    expect(escalate.status).toBe(403);
    const mass = await unitAdmin.call('POST', '/api/core/users', {
      body: { username: 'x.y', password: 'Một hai ba bốn năm sáu', isSuperAdmin: true, tenant_id: 'other' },
      headers: { 'x-cong-tenant': 'so-tai-chinh' },
    });
    expect(mass.status).toBe(400);
    expect(mass.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/isSuperAdmin', '/tenant_id']);

    // A grant is revoked in the unit it was made in, once; named from another unit it is not found.
    const health = await admin.call('POST', '/api/core/grants', { body: { userId: user.body.id, roleId: 'unit-admin' }, headers: { 'x-cong-tenant': 'so-y-te' } });
    expect(health.status).toBe(201);
    expect((await admin.call('DELETE', `/api/core/grants/${health.body.id}`, { headers: { 'x-cong-tenant': 'so-tai-chinh' } })).status).toBe(404);
    expect((await unitAdmin.call('GET', '/api/core/modules', { headers: { 'x-cong-tenant': 'so-y-te' } })).status).toBe(200);
    expect((await admin.call('DELETE', `/api/core/grants/${health.body.id}`, { headers: { 'x-cong-tenant': 'so-y-te' } })).status).toBe(204);
    expect((await admin.call('DELETE', `/api/core/grants/${health.body.id}`, { headers: { 'x-cong-tenant': 'so-y-te' } })).status).toBe(404);
    expect((await unitAdmin.call('GET', '/api/core/modules', { headers: { 'x-cong-tenant': 'so-y-te' } })).status).toBe(404);
  });

  it('a unit admin reads its unit\'s audit log (page and CSV) and gets 404 for another unit', async () => {
    const unitAdmin = browser(t.url);
    await unitAdmin.call('POST', '/api/core/auth/login', { body: { username: 'tran.thi.c', password: 'Đèo Hải Vân mây trắng 9' } });
    const page = await unitAdmin.call('GET', '/api/core/audit?limit=10', { headers: { 'x-cong-tenant': 'so-tai-chinh' } });
    expect(page.status).toBe(200);
    expect(page.body.items.map((e: { action: string }) => e.action)).toContain('core.grant.create');
    expect(new Set(page.body.items.map((e: { tenantId: string }) => e.tenantId)).size).toBe(1);
    expect((await unitAdmin.call('GET', '/api/core/audit', { headers: { 'x-cong-tenant': 'so-y-te' } })).status).toBe(404);
    const csv = await fetch(new URL('/api/core/audit.csv', t.url), { headers: { cookie: unitAdmin.cookie(), 'x-cong-tenant': 'so-tai-chinh' } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?id,/);
    expect(text).toContain('core.grant.create');
  });

  it('merges two communes through the API: redirects, a successor, and the event a plugin receives', async () => {
    const admin = browser(t.url);
    await admin.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    const list = await admin.call('GET', '/api/core/tenants?text=minh%20hoa%2001');
    const list2 = await admin.call('GET', '/api/core/tenants?text=minh%20hoa%2002');
    const [a, b] = [list.body.items[0].id, list2.body.items[0].id];
    const merged1 = await admin.call('POST', '/api/core/tenants/merge', {
      body: { sourceIds: [a, b], successor: { slug: 'xa-minh-hoa-moi', nameVi: 'Xã Minh họa Mới', kind: 'commune', primaryHost: 'xa-minh-hoa-moi.localhost' }, effectiveDate: '2026-01-01' },
    });
    expect(merged1.status).toBe(200);
    expect(merged).toEqual([{ sourceIds: [a, b], successorId: merged1.body.id, effectiveDate: '2026-01-01' }]);
    const archived = await admin.call('GET', `/api/core/tenants/${a}`);
    expect(archived.body).toMatchObject({ status: 'archived', validTo: '2025-12-31', successorId: merged1.body.id });
  });

  it('two-factor sign-in: enrol with a code, then the password alone is not enough, and a code is used once', async () => {
    const admin = browser(t.url);
    await admin.call('POST', '/api/core/auth/login', { body: { username: 'admin', password } });
    await admin.call('POST', '/api/core/users', { body: { username: 'le.van.d', password: 'Cửa Tùng biển xanh 2026' } });
    const user = browser(t.url);
    await user.call('POST', '/api/core/auth/login', { body: { username: 'le.van.d', password: 'Cửa Tùng biển xanh 2026' } });
    const setup = await user.call('POST', '/api/core/auth/totp/setup');
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\//);
    const code = () => generateTOTP(decodeBase32IgnorePadding(setup.body.secret), 30, 6);
    expect((await user.call('POST', '/api/core/auth/totp/enable', { body: { code: '000000' === code() ? '111111' : '000000' } })).status).toBe(400);
    // One code, kept: computing it again could land in the next 30-second step, which is a new code.
    const enabling = code();
    expect((await user.call('POST', '/api/core/auth/totp/enable', { body: { code: enabling } })).status).toBe(204);
    // At rest the seed is sealed (AES-256-GCM): the database alone does not give it away.
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      const stored = (await sql<{ totp_secret: string }>`select totp_secret from core_users where username = 'le.van.d'`.execute(db.kysely)).rows[0]!.totp_secret;
      expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{60,}$/);
      expect(stored).not.toContain(setup.body.secret);
    } finally {
      await db.destroy();
    }

    const fresh = browser(t.url);
    const withoutCode = await fresh.call('POST', '/api/core/auth/login', { body: { username: 'le.van.d', password: 'Cửa Tùng biển xanh 2026' } });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.code).toBe('CONG_ERR_TOTP_REQUIRED');
    // The code that enabled two-factor sign-in cannot be replayed.
    const replay = await fresh.call('POST', '/api/core/auth/login', { body: { username: 'le.van.d', password: 'Cửa Tùng biển xanh 2026', totpCode: enabling } });
    expect(replay.status).toBe(401);
  });

  it('password reset answers alike for known and unknown accounts; the link works once', async () => {
    const b = browser(t.url);
    const unknown = await b.call('POST', '/api/core/auth/password-reset', { body: { login: 'khong.co.ai' } });
    const known = await b.call('POST', '/api/core/auth/password-reset', { body: { login: 'tran.thi.c' } });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      // The request only queued the lookup: nothing about the account was touched yet.
      const before = await sql<{ n: number | string }>`select count(*) as n from core_mail_outbox`.execute(db.kysely);
      expect(Number(before.rows[0]!.n)).toBe(0);
      expect(await t.platform.drainJobs()).toBe(2);
      const mail = await sql<{ text_body: string }>`select text_body from core_mail_outbox order by created_at desc`.execute(db.kysely);
      expect(mail.rows).toHaveLength(1);
      const token = /\/admin\/core\/reset\?token=([A-Za-z0-9_-]+)/.exec(mail.rows[0]!.text_body)![1]!;
      const body = { token, password: 'Trường Sơn đông Trường Sơn tây' };
      // The reset page checks the link first; checking does not use it up.
      expect((await b.call('POST', '/api/core/auth/password-reset/check', { body: { token } })).status).toBe(204);
      expect((await b.call('POST', '/api/core/auth/password-reset/check', { body: { token: `${token}x` } })).body.code).toBe('CONG_ERR_RESET_TOKEN_INVALID');
      expect((await b.call('POST', '/api/core/auth/password-reset/complete', { body })).status).toBe(204);
      expect((await b.call('POST', '/api/core/auth/password-reset/complete', { body })).body.code).toBe('CONG_ERR_RESET_TOKEN_INVALID');
      expect((await b.call('POST', '/api/core/auth/password-reset/check', { body: { token } })).status).toBe(400);
      expect((await b.call('POST', '/api/core/auth/login', { body: { username: 'tran.thi.c', password: body.password } })).status).toBe(200);
    } finally {
      await db.destroy();
    }
  });
});

describeEachDialect('the password reset throttle', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [], database: dialect, config: { demo: true } });
  });
  afterAll(async () => t?.stop());

  const ask = (login: string) =>
    fetch(new URL('/api/core/auth/password-reset', t.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ login }),
    });

  it('refuses a 4th request for one login within the hour, counting unknown logins too, with Retry-After', async () => {
    for (const login of ['Khong.Co.Ai@so.gov.vn', 'khong.co.ai@so.gov.vn', ' KHONG.CO.AI@SO.GOV.VN ']) expect((await ask(login)).status).toBe(202);
    const refused = await ask('khong.co.ai@so.gov.vn');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await refused.json()) as { code: string }).code).toBe('CONG_ERR_RESET_THROTTLED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Another login is still served; the refused requests queued nothing.
    expect((await ask('admin')).status).toBe(202);
    expect(await t.platform.drainJobs()).toBe(4);
  });

  it('refuses an address after 20 requests in the hour, whatever logins they name', async () => {
    // The five requests above came from this address too (the refused one counts against it).
    for (let i = 0; i < 15; i++) expect((await ask(`nguoi.dung.${i}@so.gov.vn`)).status).toBe(202);
    const refused = await ask('mot.nguoi.khac@so.gov.vn');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('CONG_ERR_RESET_THROTTLED');
  });
});

describe('the core API in the OpenAPI document', () => {
  it('lists the core routes with their permissions', async () => {
    const t = await createTestPlatform({ plugins: [] });
    try {
      const doc = (await t.client.get('/openapi.json')).body;
      expect(doc.paths['/api/core/auth/login'].post.security).toEqual([]);
      expect(doc.paths['/api/core/tenants'].post['x-cong-permission']).toBe('core.tenants.manage');
    } finally {
      await t.stop();
    }
  });
});

describe('two-factor sign-in required for super-admins', () => {
  it('a super-admin without it holds no permission and can only enrol', async () => {
    const t = await createTestPlatform({ plugins: [], config: { demo: true, auth: { requireTotpForSuperAdmins: true } } });
    try {
      const b = browser(t.url);
      const login = await b.call('POST', '/api/core/auth/login', { body: { username: 'admin', password: t.platform.takeDemoCredentials().password } });
      expect(login.status).toBe(200);
      expect((await b.call('GET', '/api/core/modules')).status).toBe(403);
      // The admin shell reads this to send the account to enrolment first.
      expect((await b.call('GET', '/api/core/auth/me')).body).toMatchObject({ mustEnrolTotp: true, permissions: [] });
      const setup = await b.call('POST', '/api/core/auth/totp/setup');
      expect(setup.status).toBe(200);
      const code = generateTOTP(decodeBase32IgnorePadding(setup.body.secret), 30, 6);
      expect((await b.call('POST', '/api/core/auth/totp/enable', { body: { code } })).status).toBe(204);
      expect((await b.call('GET', '/api/core/auth/me')).body.mustEnrolTotp).toBe(false);
    } finally {
      await t.stop();
    }
  });
});
