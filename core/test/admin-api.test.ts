import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { createDatabase, parseDatabaseUrl } from '@cong/core/testing';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';
import { inlinePlugin } from './inline-plugin.js';
import { browser } from './session-client.js';

// The API the admin shell's account, module and unit pages call: the account list and its
// visibility rule, invitations, two-factor reset, impact previews and the paged unit lists.

const FINANCE = 'so-tai-chinh';
const HEALTH = 'so-y-te';
const PASSWORD = 'Sông Thạch Hãn chảy mãi 2026';

describeEachDialect('the admin shell API', (dialect) => {
  let t: TestPlatform;
  let root: ReturnType<typeof browser>;
  let unitAdmin: ReturnType<typeof browser>;
  const ids: Record<string, string> = {};

  const login = async (username: string, password = PASSWORD) => {
    const b = browser(t.url);
    expect((await b('POST', '/api/core/auth/login', { body: { username, password } })).status, username).toBe(200);
    return b;
  };
  const outbox = async () => {
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      return (await sql<{ to_addresses: string; subject: string; text_body: string }>`select * from core_mail_outbox order by created_at`.execute(db.kysely)).rows;
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [inlinePlugin({ id: 'news' })], database: dialect, config: { demo: true } });
    root = await login('admin', t.platform.takeDemoCredentials().password);
    const units = async (slug: string) => (await root('GET', `/api/core/tenants?text=${slug.replace(/-/g, '%20')}`)).body.items.find((u: { slug: string }) => u.slug === slug).id as string;
    ids.finance = await units(FINANCE);
    ids.health = await units(HEALTH);
    const office = await root('POST', '/api/core/tenants', { body: { slug: 'phong-ke-toan', nameVi: 'Phòng Kế toán', kind: 'department', parentId: ids.finance } });
    expect(office.status).toBe(201);
    ids.office = office.body.id;

    const create = async (username: string, displayName: string, tenant: string, by = root) => {
      const res = await by('POST', '/api/core/users', { body: { username, displayName, password: PASSWORD }, tenant });
      expect(res.status, username).toBe(201);
      return res.body.id as string;
    };
    const grant = async (userId: string, roleId: string, tenant: string, subtree = false, by = root) =>
      expect((await by('POST', '/api/core/grants', { body: { userId, roleId, subtree }, tenant })).status).toBe(201);

    ids.an = await create('nguyen.van.an', 'Nguyễn Văn An', FINANCE);
    await grant(ids.an, 'unit-admin', FINANCE, true);
    ids.binh = await create('le.thi.binh', 'Lê Thị Bình', HEALTH);
    await grant(ids.binh, 'auditor', HEALTH);
    // Created in the finance department, later given a role in health too: finance sees it, only the province manages it.
    ids.em = await create('hoang.van.em', 'Hoàng Văn Em', FINANCE);
    await grant(ids.em, 'auditor', FINANCE);
    await grant(ids.em, 'auditor', HEALTH);
    unitAdmin = await login('nguyen.van.an');
    ids.cuong = await create('tran.van.cuong', 'Trần Văn Cường', FINANCE, unitAdmin);
    await grant(ids.cuong, 'auditor', 'phong-ke-toan', false, unitAdmin);
  });
  afterAll(async () => t?.stop());

  it('lists every account from the province: paged, searched with folded Vietnamese, filtered and sorted on an allowlist', async () => {
    const all = await root('GET', '/api/core/users?limit=200');
    expect(all.status).toBe(200);
    const names = all.body.items.map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['admin', 'nguyen.van.an', 'le.thi.binh', 'hoang.van.em', 'tran.van.cuong']));
    expect(all.body.total).toBe(names.length);
    const admin = all.body.items.find((u: { username: string }) => u.username === 'admin');
    expect(admin).toMatchObject({ isSuperAdmin: true, manageable: true, passwordSet: true });
    expect(all.body.items.find((u: { username: string }) => u.username === 'hoang.van.em').grants.map((g: { tenantId: string }) => g.tenantId).sort()).toEqual(
      [ids.finance, ids.health].sort(),
    );

    const folded = await root('GET', `/api/core/users?text=${encodeURIComponent('NGUYEN VAN')}`);
    expect(folded.body.items.map((u: { displayName: string }) => u.displayName)).toEqual(['Nguyễn Văn An']);
    expect((await root('GET', `/api/core/users?text=${encodeURIComponent('lê thị')}`)).body.total).toBe(1);
    expect((await root('GET', `/api/core/users?text=${encodeURIComponent('%')}`)).body.total).toBe(0);
    expect((await root('GET', '/api/core/users?text=_')).body.total).toBe(0);

    const page = await root('GET', '/api/core/users?sort=displayName&order=desc&limit=2&offset=1');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(all.body.total);
    const byCreation = (await root('GET', '/api/core/users?sort=createdAt&order=asc&limit=200')).body.items.map((u: { username: string }) => u.username);
    expect(byCreation[0]).toBe('admin');
    expect(byCreation.indexOf('nguyen.van.an')).toBeLessThan(byCreation.indexOf('tran.van.cuong'));

    for (const bad of ['sort=password_hash', 'sort=username;drop', 'order=up', 'status=deleted', 'limit=0', 'limit=201', 'isSuperAdmin=true', 'text[x]=1']) {
      const res = await root('GET', `/api/core/users?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe('CONG_ERR_VALIDATION');
    }
  });

  it('a unit admin lists the accounts of their subtree and those created there, with only the grants they see', async () => {
    const list = await unitAdmin('GET', '/api/core/users?limit=200', { tenant: FINANCE });
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(['hoang.van.em', 'nguyen.van.an', 'tran.van.cuong']);
    expect(list.body.total).toBe(3);
    const em = list.body.items.find((u: { username: string }) => u.username === 'hoang.van.em');
    expect(em).toMatchObject({ manageable: false, createdInTenantId: ids.finance });
    expect(em.grants.map((g: { tenantId: string }) => g.tenantId)).toEqual([ids.finance]);
    const cuong = list.body.items.find((u: { username: string }) => u.username === 'tran.van.cuong');
    expect(cuong).toMatchObject({ manageable: true, grants: [{ tenantId: ids.office, roleId: 'auditor', subtree: false }] });
    expect(JSON.stringify(list.body)).not.toContain('le.thi.binh');
    expect(JSON.stringify(list.body)).not.toContain(ids.health);
    // The search and the total never reach past the caller's accounts.
    expect((await unitAdmin('GET', `/api/core/users?text=${encodeURIComponent('le thi binh')}`, { tenant: FINANCE })).body).toEqual({ items: [], total: 0 });
    expect((await unitAdmin('GET', '/api/core/users?text=admin', { tenant: FINANCE })).body.total).toBe(0);
    expect((await unitAdmin('GET', '/api/core/users', { tenant: HEALTH })).status).toBe(404);
    // From the office below, the finance department's own admin is out of sight.
    const office = await unitAdmin('GET', '/api/core/users', { tenant: 'phong-ke-toan' });
    expect(office.body.items.map((u: { username: string }) => u.username)).toEqual(['tran.van.cuong']);
  });

  it('invites by e-mail: an account without a password, a link to the shell\'s reset page, audited', async () => {
    const missingEmail = await unitAdmin('POST', '/api/core/users', { body: { username: 'pham.thi.dung', invite: true }, tenant: FINANCE });
    expect(missingEmail.status).toBe(400);
    expect(missingEmail.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/email', keyword: 'required' })]);
    const both = await unitAdmin('POST', '/api/core/users', { body: { username: 'pham.thi.dung', invite: true, email: 'dung@quangtri.gov.vn', password: PASSWORD }, tenant: FINANCE });
    expect(both.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/password']);
    const neither = await unitAdmin('POST', '/api/core/users', { body: { username: 'pham.thi.dung' }, tenant: FINANCE });
    expect(neither.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/password']);

    const invited = await unitAdmin('POST', '/api/core/users', {
      body: { username: 'pham.thi.dung', displayName: 'Phạm Thị Dung', email: 'Dung@QuangTri.gov.vn', invite: true },
      tenant: FINANCE,
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ username: 'pham.thi.dung', email: 'dung@quangtri.gov.vn', passwordSet: false, createdInTenantId: ids.finance, status: 'active' });
    ids.dung = invited.body.id;
    const listed = await unitAdmin('GET', '/api/core/users?text=dung', { tenant: FINANCE });
    expect(listed.body.items).toEqual([expect.objectContaining({ username: 'pham.thi.dung', passwordSet: false, manageable: true, grants: [] })]);
    expect((await unitAdmin('GET', '/api/core/users?text=dung', { tenant: 'phong-ke-toan' })).body.total).toBe(0);

    // No password works before the link is used; the link sets one.
    const b = browser(t.url);
    expect((await b('POST', '/api/core/auth/login', { body: { username: 'pham.thi.dung', password: '!' } })).status).toBe(401);
    const mail = (await outbox()).find((m) => m.to_addresses.includes('dung@quangtri.gov.vn'))!;
    expect(mail.subject).toBe('Mời sử dụng tài khoản quản trị');
    expect(mail.text_body).toContain('72 giờ');
    const token = /https?:\/\/[^/\s]+\/admin\/core\/reset\?token=([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1]!;
    expect((await b('POST', '/api/core/auth/password-reset/complete', { body: { token, password: 'Phạm Thị Dung đặt mật khẩu 2026' } })).status).toBe(204);
    expect((await b('POST', '/api/core/auth/login', { body: { username: 'pham.thi.dung', password: 'Phạm Thị Dung đặt mật khẩu 2026' } })).status).toBe(200);
    expect((await unitAdmin('GET', '/api/core/users?text=dung', { tenant: FINANCE })).body.items[0].passwordSet).toBe(true);

    // A taken address rolls the whole invitation back: no account, no second mail.
    const before = (await outbox()).length;
    const clash = await unitAdmin('POST', '/api/core/users', { body: { username: 'pham.thi.dung2', email: 'dung@quangtri.gov.vn', invite: true }, tenant: FINANCE });
    expect(clash.status).toBe(409);
    expect((await outbox()).length).toBe(before);
    const audit = await root('GET', `/api/core/audit?objectId=${ids.dung}`, { tenant: FINANCE });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('core.user.invite');
  });

  it('resets two-factor sign-in of a manageable account: secret gone, sessions ended, audited; 404 for others', async () => {
    const cuong = await login('tran.van.cuong');
    const setup = await cuong('POST', '/api/core/auth/totp/setup');
    expect((await cuong('POST', '/api/core/auth/totp/enable', { body: { code: generateTOTP(decodeBase32IgnorePadding(setup.body.secret), 30, 6) } })).status).toBe(204);

    const reset = await unitAdmin('POST', `/api/core/users/${ids.cuong}/totp/reset`, { tenant: FINANCE });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ user: { id: ids.cuong, totpEnabled: false }, sessionsEnded: 1 });
    expect((await cuong('GET', '/api/core/auth/me')).status).toBe(401);
    expect((await browser(t.url)('POST', '/api/core/auth/login', { body: { username: 'tran.van.cuong', password: PASSWORD } })).status).toBe(200);
    const entry = (await root('GET', `/api/core/audit?action=core.user.totp-reset&objectId=${ids.cuong}`, { tenant: FINANCE })).body.items[0];
    expect(entry).toMatchObject({ actorId: ids.an, tenantId: ids.finance, before: { twoFactor: true }, after: { twoFactor: false, sessionsEnded: 1 } });

    for (const [who, id] of [['health\'s account', ids.binh], ['an account with a grant elsewhere', ids.em], ['a super-admin', (await root('GET', '/api/core/auth/me')).body.user.id], ['nobody', '00000000-0000-0000-0000-000000000000']] as const) {
      const res = await unitAdmin('POST', `/api/core/users/${id}/totp/reset`, { tenant: FINANCE });
      expect(res.status, who).toBe(404);
      expect((await unitAdmin('POST', `/api/core/users/${id}/disable`, { tenant: FINANCE })).status, who).toBe(404);
    }
    expect((await unitAdmin('POST', `/api/core/users/${ids.an}/totp/reset`, { tenant: FINANCE })).status).toBe(409);
    expect((await root('POST', `/api/core/users/${ids.em}/totp/reset`)).status).toBe(200);
    expect((await unitAdmin('POST', `/api/core/users/${ids.cuong}/totp/reset`, { tenant: HEALTH })).status).toBe(404);
  });

  it('previews a module switch: how many units would change, then the switch changes exactly those', async () => {
    const impact = (query: string, tenant = FINANCE) => unitAdmin('GET', `/api/core/modules/news/impact?${query}`, { tenant });
    const whole = await impact('enabled=false&subtree=true');
    expect(whole.status).toBe(200);
    expect(whole.body).toEqual({ plugin: 'news', enabled: false, subtree: true, tenants: 2, tenantIds: expect.arrayContaining([ids.finance, ids.office]) });
    expect((await impact('enabled=false')).body).toMatchObject({ subtree: false, tenants: 1, tenantIds: [ids.finance] });
    expect((await unitAdmin('PUT', '/api/core/modules/news', { body: { enabled: false }, tenant: 'phong-ke-toan' })).status).toBe(200);
    expect((await impact('enabled=false&subtree=true')).body).toMatchObject({ tenants: 1, tenantIds: [ids.finance] });
    expect((await impact('enabled=true&subtree=true')).body).toMatchObject({ tenants: 1, tenantIds: [ids.office] });
    const switched = await unitAdmin('PUT', '/api/core/modules/news', { body: { enabled: false, subtree: true }, tenant: FINANCE });
    expect(switched.body.items.find((m: { plugin: string }) => m.plugin === 'news').enabled).toBe(false);
    const audit = await root('GET', '/api/core/audit?action=core.module.disable&subtree=true', { tenant: FINANCE });
    expect(audit.body.items.map((e: { tenantId: string }) => e.tenantId).sort()).toEqual([ids.finance, ids.office].sort());

    expect((await impact('enabled=true&subtree=false', HEALTH)).status).toBe(404);
    expect((await unitAdmin('GET', '/api/core/modules/nothing/impact?enabled=true', { tenant: FINANCE })).status).toBe(404);
    expect((await unitAdmin('GET', '/api/core/modules/news/impact', { tenant: FINANCE })).status).toBe(400);
    expect((await unitAdmin('GET', '/api/core/modules/news/impact?enabled=maybe', { tenant: FINANCE })).status).toBe(400);
  });

  it('previews archiving or merging a unit with a few counts, read-only', async () => {
    const impact = await root('GET', `/api/core/tenants/${ids.finance}/impact?action=archive`);
    expect(impact.status).toBe(200);
    expect(impact.body).toEqual({
      tenantId: ids.finance,
      action: 'archive',
      blockers: ['active-children'],
      activeChildren: 1,
      activeDescendants: 1,
      grants: { inUnit: 2, inSubtree: 3 },
      users: { inUnit: 2, inSubtree: 3 },
      apiTokens: 0,
      plugins: [],
      hosts: [`${FINANCE}.localhost`],
      formerSlugs: 0,
    });
    const office = await root('GET', `/api/core/tenants/${ids.office}/impact?action=merge`);
    expect(office.body).toMatchObject({ blockers: [], activeChildren: 0, grants: { inUnit: 1, inSubtree: 1 }, plugins: [], hosts: [] });
    const health = await root('GET', `/api/core/tenants/${ids.health}/impact?action=merge`);
    expect(health.body).toMatchObject({ plugins: ['news'], grants: { inUnit: 2 } });
    expect((await root('GET', `/api/core/tenants/${ids.finance}/impact?action=split`)).status).toBe(400);
    expect((await root('GET', `/api/core/tenants/${ids.finance}/impact`)).status).toBe(400);
    expect((await root('GET', '/api/core/tenants/00000000-0000-0000-0000-000000000000/impact?action=archive')).status).toBe(404);
    expect((await unitAdmin('GET', `/api/core/tenants/${ids.finance}/impact?action=archive`, { tenant: FINANCE })).status).toBe(403);
  });

  it('unit changes are audited in their transaction', async () => {
    const renamed = await root('PATCH', `/api/core/tenants/${ids.office}`, { body: { nameVi: 'Phòng Kế toán – Tài vụ' } });
    expect(renamed.status).toBe(200);
    const entries = (await root('GET', `/api/core/audit?objectId=${ids.office}&subtree=true`)).body.items.map((e: { action: string }) => e.action);
    expect(entries).toEqual(expect.arrayContaining(['core.tenant.create', 'core.tenant.rename']));
  });

  it('pages grants and tokens with a total; grants filter by account; old callers still get everything', async () => {
    const all = await root('GET', '/api/core/grants', { tenant: FINANCE });
    expect(all.body.total).toBe(2);
    expect(all.body.items).toHaveLength(2);
    const second = await root('GET', '/api/core/grants?limit=1&offset=1', { tenant: FINANCE });
    expect(second.body).toEqual({ total: 2, items: [all.body.items[1]] });
    const mine = await root('GET', `/api/core/grants?userId=${ids.em}`, { tenant: FINANCE });
    expect(mine.body).toMatchObject({ total: 1, items: [{ userId: ids.em, tenantId: ids.finance }] });
    expect((await root('GET', '/api/core/grants?limit=501', { tenant: FINANCE })).status).toBe(400);
    expect((await root('GET', '/api/core/grants?tenantId=x', { tenant: FINANCE })).status).toBe(400);

    for (const name of ['một', 'hai', 'ba']) await root('POST', '/api/core/tokens', { body: { name, permissions: ['core.audit.read'] }, tenant: FINANCE });
    const tokens = await root('GET', '/api/core/tokens?limit=2', { tenant: FINANCE });
    const rest = await root('GET', '/api/core/tokens?limit=2&offset=2', { tenant: FINANCE });
    expect([tokens.body.total, tokens.body.items.length, rest.body.items.length]).toEqual([3, 2, 1]);
    expect([...tokens.body.items, ...rest.body.items].map((x: { name: string }) => x.name).sort()).toEqual(['ba', 'hai', 'một']);
    expect((await root('GET', '/api/core/tokens', { tenant: FINANCE })).body.items).toHaveLength(3);
    expect((await root('GET', `/api/core/tenants/${ids.finance}/impact?action=archive`)).body.apiTokens).toBe(3);
  });

  it('/auth/me names the units where an account holds a role (where the shell can start for it)', async () => {
    const me = await unitAdmin('GET', '/api/core/auth/me');
    expect(me.body.unitIds).toEqual([ids.finance]);
  });

  it('an API token of a unit stops working when the unit is archived', async () => {
    const unit = await root('POST', '/api/core/tenants', { body: { slug: 'ban-quan-ly-tam', nameVi: 'Ban Quản lý tạm', kind: 'department', parentId: ids.finance } });
    expect(unit.status).toBe(201);
    const issued = await root('POST', '/api/core/tokens', { body: { name: 'đồng bộ', permissions: ['core.audit.read'] }, tenant: 'ban-quan-ly-tam' });
    const withToken = () => fetch(new URL('/api/core/audit?limit=1', t.url), { headers: { authorization: `Bearer ${issued.body.token}` } });
    expect((await withToken()).status).toBe(200);
    expect((await root('POST', `/api/core/tenants/${unit.body.id}/archive`, { body: { effectiveDate: '2026-11-28' } })).status).toBe(200);
    expect((await withToken()).status).toBe(401);
  });
});
