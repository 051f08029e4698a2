import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { NETWORK, startSitesPlatform } from './registry-support.js';

// Per-site roles through the core's roles and grants: provisioning creates site-admin, site-editor and
// site-author; the province grants them in any site; a site's own admin grants them in that site only,
// and never more than they hold (no other unit, no wildcard beyond their permissions, no subtree).
describeEachDialect('sites per-site roles', (dialect) => {
  let t: TestPlatform;
  let root: string;
  const A = 'xa-minh-hoa-01';
  const B = 'xa-minh-hoa-02';
  const D = 'so-tai-chinh';

  const call = async (cookie: string, method: string, path: string, unit: string | undefined, body?: unknown) => {
    const res = await fetch(new URL(path, t.url), {
      method,
      headers: { cookie, 'sec-fetch-site': 'same-origin', ...(unit ? { 'x-cong-tenant': unit } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const login = async (username: string) => {
    const res = await fetch(new URL('/api/core/auth/login', t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `${username} mật khẩu dài 2026` }) });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  /** An account made in `unit` by `by`, with `role` there; returns its id. */
  const account = async (by: string, unit: string, username: string, role?: string) => {
    const user = await call(by, 'POST', '/api/core/users', unit, { username, password: `${username} mật khẩu dài 2026` });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    if (role) expect((await call(by, 'POST', '/api/core/grants', unit, { userId: user.body.id, roleId: role })).status).toBe(201);
    return user.body.id as string;
  };

  beforeAll(async () => {
    t = await startSitesPlatform(dialect);
    const network = t.client.as({ id: 'mang-luoi', permissions: [NETWORK] });
    expect((await network.post('/api/sites/provisioning', { tree: {} }, { headers: { 'x-cong-tenant': 'quang-tri' } })).body.counts.error).toBe(0);
    root = await (async () => {
      const res = await fetch(new URL('/api/core/auth/login', t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: t.platform.takeDemoCredentials().password }) });
      return res.headers.get('set-cookie')!.split(';')[0]!;
    })();
    // A unit below the department, to see that a site admin's delegation stops at their own unit.
    expect((await call(root, 'POST', '/api/core/tenants', 'quang-tri', { slug: 'phong-ngan-sach', nameVi: 'Phòng Ngân sách', kind: 'department', parentId: (await call(root, 'GET', `/api/core/tenants?text=tai%20chinh`, 'quang-tri')).body.items[0].id })).status).toBe(201);
  });
  afterAll(async () => t?.stop());

  it('provisioning created the three roles, as custom roles of the platform', async () => {
    const roles = (await call(root, 'GET', '/api/core/roles', 'quang-tri')).body.items as { id: string; labelVi: string; permissions: string[]; builtin: boolean }[];
    expect(roles.filter((r) => r.id.startsWith('site-')).map((r) => [r.id, r.labelVi, r.builtin])).toEqual([
      ['site-admin', 'Quản trị trang thành phần', false],
      ['site-author', 'Tác giả trang thành phần', false],
      ['site-editor', 'Biên tập viên trang thành phần', false],
    ]);
  });

  it('the province grants a site admin in a site; the site admin delegates there and nowhere else', async () => {
    await account(root, A, 'qt.a', 'site-admin');
    const adminA = await login('qt.a');
    const editor = await account(adminA, A, 'bt.a', 'site-editor');
    const author = await account(adminA, A, 'tg.a');
    expect((await call(adminA, 'POST', '/api/core/grants', A, { userId: author, roleId: 'site-author' })).status).toBe(201);
    // Another site: 404, as if it did not exist; for the province, 201.
    expect((await call(adminA, 'POST', '/api/core/grants', B, { userId: editor, roleId: 'site-editor' })).status).toBe(404);
    expect((await call(adminA, 'GET', '/api/core/grants', B)).status).toBe(404);
    expect((await call(root, 'POST', '/api/core/grants', B, { userId: editor, roleId: 'site-editor' })).status).toBe(201);
    // The editor works in A's portal, and not in a unit where nobody granted them anything.
    const editorA = await login('bt.a');
    expect((await call(editorA, 'POST', '/api/portal/categories', A, { slug: 'thong-bao-xa', name: { vi: 'Thông báo của xã' } })).status).toBe(201);
    expect((await call(editorA, 'POST', '/api/portal/categories', 'xa-minh-hoa-03', { slug: 'thong-bao-xa', name: { vi: 'Thông báo của xã' } })).status).toBe(404);
  });

  it('a site admin never grants more than they hold', async () => {
    const adminA = await login('qt.a');
    const user = await account(adminA, A, 'x.a');
    const refused = async (roleId: string, subtree = false) => {
      const res = await call(adminA, 'POST', '/api/core/grants', A, { userId: user, roleId, subtree });
      expect(res.status, roleId).toBe(403);
      expect(res.body.code).toBe('CONG_ERR_FORBIDDEN');
    };
    await refused('unit-admin'); // modules and settings of the unit are not theirs
    await refused('super-admin');
    // A custom role with a wildcard counts as every permission it covers: sites.* includes the network's.
    expect((await call(root, 'PUT', '/api/core/roles/quan-ly-trang', 'quang-tri', { label: { vi: 'Quản lý trang' }, permissions: ['sites.*'] })).status).toBe(201);
    await refused('quan-ly-trang');
    expect((await call(adminA, 'GET', '/api/sites/sites', A)).status).toBe(403);
  });

  it('a site admin\'s delegation stops at their site: no subtree grant over units below it', async () => {
    await account(root, D, 'qt.d', 'site-admin');
    const adminD = await login('qt.d');
    const user = await account(adminD, D, 'bt.d');
    const subtree = await call(adminD, 'POST', '/api/core/grants', D, { userId: user, roleId: 'site-editor', subtree: true });
    expect(subtree.status).toBe(403);
    expect((await call(adminD, 'POST', '/api/core/grants', D, { userId: user, roleId: 'site-editor' })).status).toBe(201);
    expect((await call(adminD, 'GET', '/api/core/grants', 'phong-ngan-sach')).status).toBe(404);
    // The province may: it holds the permissions everywhere below.
    expect((await call(root, 'POST', '/api/core/grants', D, { userId: user, roleId: 'site-author', subtree: true })).status).toBe(201);
  });
});
