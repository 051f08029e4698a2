import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';
import { inlinePlugin } from './inline-plugin.js';
import { browser } from './session-client.js';

// Custom roles: a province defines "Biên tập viên" with a plugin's permissions and grants it in units.

const FINANCE = 'so-tai-chinh';
const PASSWORD = 'Sông Thạch Hãn chảy mãi 2026';
const news = inlinePlugin({
  id: 'news',
  permissions: [
    { id: 'news.write', label: { vi: 'Viết tin', en: 'Write news' } },
    { id: 'news.publish', label: { vi: 'Xuất bản tin', en: 'Publish news' } },
  ],
});

describeEachDialect('custom roles', (dialect) => {
  let t: TestPlatform;
  let root: ReturnType<typeof browser>;
  let provinceAdmin: ReturnType<typeof browser>;
  let financeAdmin: ReturnType<typeof browser>;
  let province: string;
  const ids: Record<string, string> = {};

  const login = async (username: string, password = PASSWORD) => {
    const b = browser(t.url);
    expect((await b('POST', '/api/core/auth/login', { body: { username, password } })).status, username).toBe(200);
    return b;
  };
  const create = async (username: string, tenant: string) => {
    const res = await root('POST', '/api/core/users', { body: { username, password: PASSWORD }, tenant });
    expect(res.status, username).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [news], database: dialect, config: { demo: true } });
    root = await login('admin', t.platform.takeDemoCredentials().password);
    const units = (await root('GET', '/api/core/tenants?limit=500')).body.items as { slug: string; parentId: string | null }[];
    province = units.find((u) => u.parentId === null)!.slug;
    ids.provinceAdmin = await create('quan.tri.tinh', province);
    expect((await root('POST', '/api/core/grants', { body: { userId: ids.provinceAdmin, roleId: 'unit-admin' }, tenant: province })).status).toBe(201);
    ids.financeAdmin = await create('quan.tri.stc', FINANCE);
    expect((await root('POST', '/api/core/grants', { body: { userId: ids.financeAdmin, roleId: 'unit-admin' }, tenant: FINANCE })).status).toBe(201);
    ids.editor = await create('bien.tap.vien', FINANCE);
    provinceAdmin = await login('quan.tri.tinh');
    financeAdmin = await login('quan.tri.stc');
  });
  afterAll(async () => t?.stop());

  it('lists the permission catalogue: the core\'s and each plugin\'s, with labels', async () => {
    const res = await root('GET', '/api/core/permissions', { tenant: province });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(expect.arrayContaining([
      { id: 'core.audit.read', label: { vi: 'Xem nhật ký thao tác', en: 'Read the audit log' }, plugin: 'core' },
      { id: 'news.write', label: { vi: 'Viết tin', en: 'Write news' }, plugin: 'news' },
    ]));
    expect((await financeAdmin('GET', '/api/core/permissions', { tenant: FINANCE })).status).toBe(200);
  });

  it('creates, changes and lists a role from the province, with every change audited', async () => {
    const created = await root('PUT', '/api/core/roles/bien-tap-vien', { body: { label: { vi: 'Biên tập viên', en: 'Editor' }, permissions: ['news.write', 'core.audit.read'] }, tenant: province });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'bien-tap-vien', labelVi: 'Biên tập viên', labelEn: 'Editor', permissions: ['news.write', 'core.audit.read'], builtin: false });
    const changed = await root('PUT', '/api/core/roles/bien-tap-vien', { body: { label: { vi: 'Biên tập viên' }, permissions: ['news.*'] }, tenant: province });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ labelEn: null, permissions: ['news.*'] });
    expect((await root('GET', '/api/core/roles', { tenant: province })).body.items.find((r: { id: string }) => r.id === 'bien-tap-vien')).toMatchObject({ permissions: ['news.*'] });
    const audit = await root('GET', '/api/core/audit?actionPrefix=core.role&limit=10', { tenant: province });
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['core.role.create', 'core.role.update']);
  });

  it('refuses unknown permissions and bad ids, naming the field', async () => {
    const unknown = await root('PUT', '/api/core/roles/x-role', { body: { label: { vi: 'X' }, permissions: ['news.write', 'news.delete'] }, tenant: province });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ in: 'body', pointer: '/permissions/1' });
    for (const id of ['Bien-Tap', 'a', 'x_y', `${'a'.repeat(61)}`]) expect((await root('PUT', `/api/core/roles/${id}`, { body: { label: { vi: 'X' }, permissions: [] }, tenant: province })).status, id).toBe(400);
    expect((await root('PUT', '/api/core/roles/x-role', { body: { label: { vi: 'X' }, permissions: [], builtin: true }, tenant: province })).status).toBe(400);
  });

  it('is the province\'s: a unit\'s admin cannot define roles, and nobody puts in a role what they do not hold', async () => {
    const fromUnit = await financeAdmin('PUT', '/api/core/roles/tu-dat', { body: { label: { vi: 'Tự đặt' }, permissions: ['core.audit.read'] }, tenant: FINANCE });
    expect(fromUnit.status).toBe(403);
    expect(fromUnit.body.code).toBe('CONG_ERR_ROLES_AT_PROVINCE');
    const escalation = await provinceAdmin('PUT', '/api/core/roles/tu-dat', { body: { label: { vi: 'Tự đặt' }, permissions: ['core.audit.read', 'news.publish'] }, tenant: province });
    expect(escalation.status).toBe(403);
    expect((await provinceAdmin('PUT', '/api/core/roles/tu-dat', { body: { label: { vi: 'Tự đặt' }, permissions: ['news.*'] }, tenant: province })).status).toBe(403); // the wildcard counts as each
    expect((await provinceAdmin('PUT', '/api/core/roles/tu-dat', { body: { label: { vi: 'Tự đặt' }, permissions: ['core.audit.read'] }, tenant: province })).status).toBe(201);
  });

  it('grants a custom role in a unit; deletes it only when nobody holds it, and never a built-in one', async () => {
    const grant = await root('POST', '/api/core/grants', { body: { userId: ids.editor, roleId: 'bien-tap-vien' }, tenant: FINANCE });
    expect(grant.status).toBe(201);
    const editor = await login('bien.tap.vien');
    const me = await editor('GET', '/api/core/auth/me', { tenant: FINANCE });
    expect(JSON.stringify(me.body)).toContain('news.write');

    const inUse = await root('DELETE', '/api/core/roles/bien-tap-vien', { tenant: province });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('CONG_ERR_ROLE_IN_USE');
    expect((await financeAdmin('DELETE', '/api/core/roles/tu-dat', { tenant: FINANCE })).status).toBe(403);
    expect((await root('DELETE', `/api/core/grants/${grant.body.id}`, { tenant: FINANCE })).status).toBe(204);
    expect((await root('DELETE', '/api/core/roles/bien-tap-vien', { tenant: province })).status).toBe(204);
    expect((await root('GET', '/api/core/roles', { tenant: province })).body.items.map((r: { id: string }) => r.id)).not.toContain('bien-tap-vien');
    expect((await root('DELETE', '/api/core/roles/bien-tap-vien', { tenant: province })).status).toBe(404);
    const builtin = await root('DELETE', '/api/core/roles/auditor', { tenant: province });
    expect(builtin.status).toBe(409);
    expect(builtin.body.code).toBe('CONG_ERR_ROLE_BUILTIN');
  });
});
