import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdminTenant, AdminUser } from '@cong/sdk/admin';
import '../users/users-page.js';
import '../tenants/tenants-page.js';
import '../audit/audit-page.js';
import './settings-page.js';
import { fakeApi, settle, useVietnamese, deepQuery } from '../../components/testing/fake-api.js';

const province: AdminTenant & { parentId: null } = { id: 't-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province', parentId: null };
const user: AdminUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', permissions: ['core.users.manage', 'core.access.manage', 'core.tenants.manage', 'core.audit.read', 'core.settings.manage'] };
const units = [
  { id: 't-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: null, kind: 'province', parentId: null, status: 'active' },
  { id: 't-stc', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: null, kind: 'department', parentId: 't-qt', status: 'active' },
];

function api() {
  return fakeApi({
    'GET /api/core/users': () => ({ items: [{ id: 'u2', username: 'dao', displayName: 'Nguyễn Thị Đào', email: 'dao@quangtri.gov.vn', status: 'active', totpEnabled: true, createdAt: '2026-11-01T00:00:00Z', manageable: true, grants: [{ id: 'g1', tenantId: 't-stc', roleId: 'editor', subtree: false }] }], total: 1 }),
    'GET /api/core/roles': () => ({ items: [{ id: 'editor', labelVi: 'Biên tập viên', labelEn: 'Editor', permissions: [], builtin: true }] }),
    'GET /api/core/tenants': () => ({ items: units, total: units.length }),
    'GET /api/core/audit': () => ({ items: [{ id: 'a1', at: '2026-11-28T01:00:00Z', actorId: 'u1', actorKind: 'user', tenantId: 't-qt', owner: 'core', action: 'core.user.create', objectType: 'user', objectId: 'u2' }], nextCursor: null }),
    'GET /api/core/plugins/:plugin/settings': (call) => ({ schema: { type: 'object', 'x-cong-per-tenant': true, properties: { title: { type: 'string' } } }, values: { title: call.query?.scope }, secretsSet: [], perTenant: true }),
  });
}

async function mount(tag: string, extra: Record<string, unknown> = {}) {
  const page = document.createElement(tag);
  const client = api();
  Object.assign(page, { tenant: province, user, api: client, ...extra });
  document.body.append(page);
  await settle(page);
  await settle(page);
  return { page, client };
}

describe('core pages render against the API', () => {
  beforeAll(() => useVietnamese());
  afterEach(() => document.body.replaceChildren());

  it('<cong-users-page> lists accounts with their roles', async () => {
    const { page } = await mount('cong-users-page');
    const table = page.shadowRoot!.querySelector('cong-data-table')!;
    await settle(table);
    expect(table.shadowRoot!.querySelector('tbody')!.textContent).toContain('Nguyễn Thị Đào');
    expect(table.shadowRoot!.querySelector('tbody')!.textContent).toContain('Biên tập viên tại Sở Tài chính');
  });

  it('<cong-tenants-page> shows the tree and the selected unit', async () => {
    const { page } = await mount('cong-tenants-page');
    expect(page.shadowRoot!.querySelector('wa-tree')!.textContent).toContain('Sở Tài chính');
    expect(page.shadowRoot!.querySelector('#unit-title')!.textContent).toBe('Tỉnh Quảng Trị');
  });

  it('<cong-audit-page> lists entries and links the CSV export with the filters', async () => {
    const { page, client } = await mount('cong-audit-page');
    const table = page.shadowRoot!.querySelector('cong-data-table')!;
    await settle(table);
    expect(table.shadowRoot!.querySelector('tbody')!.textContent).toContain('core.user.create');
    const form = page.shadowRoot!.querySelector('form')!;
    (form.elements.namedItem('action') as HTMLInputElement).value = 'core.user';
    form.requestSubmit();
    await settle(page, table);
    expect(client.calls.at(-1)!.query).toMatchObject({ actionPrefix: 'core.user', limit: 50 });
    expect(page.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe('/api/core/audit.csv?actionPrefix=core.user');
  });

  it('<cong-settings-page> offers both scopes at the province', async () => {
    const { page, client } = await mount('cong-settings-page', { plugin: 'hello', pluginName: 'Lời chào' });
    expect(page.shadowRoot!.querySelector('h1')!.textContent).toBe('Cấu hình Lời chào');
    expect(client.calls.find((c) => c.path === '/api/core/plugins/hello/settings')!.query).toEqual({ scope: 'platform' });
    expect(page.shadowRoot!.querySelectorAll('input[name=scope]')).toHaveLength(2);
    expect(deepQuery<HTMLInputElement>(page.shadowRoot!, 'input[name="/title"]')!.value).toBe('platform');
  });
});
