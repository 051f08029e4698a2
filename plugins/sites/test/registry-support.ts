// Shared by the registry, provisioning, site-gate and site-role tests: a platform with the portal and
// the sites plugin on the demo province (the national domain configured), and callers working in a unit.
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform, type TestPluginSource } from '@cong/sdk/testing';

export const PORTAL = fileURLToPath(new URL('../../portal', import.meta.url));
export const SITES = fileURLToPath(new URL('..', import.meta.url));
export const DOMAIN = 'quangtri.gov.vn';
export const NETWORK = 'sites.network.manage';

/** `client` with `X-Cong-Tenant: unit` on every request: a caller working in that unit. */
export function inUnit(client: TestClient, unit: string): TestClient {
  const headers = { 'x-cong-tenant': unit };
  return {
    ...client,
    request: (m, p, o = {}) => client.request(m, p, { ...o, headers: { ...headers, ...o.headers } }),
    get: (p, o = {}) => client.get(p, { ...o, headers: { ...headers, ...o.headers } }),
    post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    delete: (p, o = {}) => client.delete(p, { ...o, headers: { ...headers, ...o.headers } }),
  };
}

/** Boots the portal and the sites plugin; `demo` gives the demo province (49 units with `*.localhost` hosts). */
export async function startSitesPlatform(dialect: 'sqlite' | 'mysql', options: { demo?: boolean; sites?: Record<string, unknown>; plugins?: readonly TestPluginSource[] } = {}): Promise<TestPlatform> {
  return createTestPlatform({
    plugins: [PORTAL, SITES, ...(options.plugins ?? [])],
    database: dialect,
    config: { demo: options.demo ?? true, pluginConfig: { sites: { provinceDomain: DOMAIN, ...options.sites } } },
  });
}

/** Unit ids by slug. */
export async function unitIds(t: TestPlatform): Promise<Record<string, string>> {
  const res = await t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] }).get('/api/core/tenants', { query: { limit: 500 } });
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body.items as { id: string; slug: string }[]).map((u) => [u.slug, u.id]));
}

/** A public GET of `path` on a unit's site by its `/t/<slug>` prefix (or on `host`), redirects not followed. */
export async function publicPage(t: TestPlatform, unit: string, path = '/', headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: string }> {
  const res = await fetch(new URL(`/t/${unit}${path === '/' ? '/' : path}`, t.url), { redirect: 'manual', headers });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** A GET sent with another Host header (fetch cannot set it): a site reached on its own host name. */
export function onHost(t: TestPlatform, host: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; location: string | undefined; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers: { ...headers, host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const DEPARTMENTS = [
  'Văn phòng Ủy ban nhân dân tỉnh', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Y tế', 'Sở Giáo dục và Đào tạo',
  'Sở Nông nghiệp và Môi trường', 'Sở Khoa học và Công nghệ', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Công Thương', 'Sở Dân tộc và Tôn giáo',
  'Thanh tra tỉnh', 'Ban Quản lý Khu kinh tế tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh', 'Đài Phát thanh và Truyền hình tỉnh',
  'Bảo hiểm xã hội tỉnh', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Trường Chính trị tỉnh',
];
const PLACE_FIRST = ['Triệu', 'Gio', 'Cam', 'Vĩnh', 'Hướng', 'Đắk', 'Quảng', 'Lệ', 'Bố', 'Tuyên', 'Minh', 'Phong', 'Ninh', 'Đồng', 'Kim', 'Thượng', 'Trường', 'Tân', 'Phú'];
const PLACE_SECOND = ['Phong', 'Linh', 'Lộ', 'Hóa', 'Thủy', 'Trạch', 'Ninh', 'Hòa', 'Sơn', 'Lâm', 'Thành', 'Trung', 'Lộc', 'An', 'Xuân', 'Đông', 'Tây', 'Bình', 'Khê'];

/** A unit to create: `parent` is the parent's slug. */
export interface UnitSpec {
  readonly slug: string;
  readonly nameVi: string;
  readonly kind: string;
  readonly parent?: string;
}

/**
 * A province of `count` units, without hosts (provisioning gives them CORE-02 ones): the province, 20
 * departments, communes and wards, among them a commune and a ward of one name ("Hải Lăng") and two
 * communes of one name, whose hosts collide.
 */
export function provinceTree(count = 155): UnitSpec[] {
  const units: UnitSpec[] = [{ slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', kind: 'province' }];
  DEPARTMENTS.forEach((nameVi, i) => units.push({ slug: `so-${i + 1}`, nameVi, kind: 'department', parent: 'quang-tri' }));
  units.push({ slug: 'xa-hai-lang', nameVi: 'Xã Hải Lăng', kind: 'commune', parent: 'quang-tri' });
  units.push({ slug: 'phuong-hai-lang', nameVi: 'Phường Hải Lăng', kind: 'ward', parent: 'quang-tri' });
  units.push({ slug: 'xa-cam-lo', nameVi: 'Xã Cam Lộ', kind: 'commune', parent: 'quang-tri' });
  units.push({ slug: 'xa-cam-lo-moi', nameVi: 'Xã Cam Lộ', kind: 'commune', parent: 'quang-tri' });
  for (let i = 0; units.length < count; i++) {
    const place = `${PLACE_FIRST[i % PLACE_FIRST.length]} ${PLACE_SECOND[Math.floor(i / PLACE_FIRST.length) % PLACE_SECOND.length]}`;
    const ward = i % 5 === 0;
    units.push({ slug: `${ward ? 'phuong' : 'xa'}-${i + 1}`, nameVi: `${ward ? 'Phường' : 'Xã'} ${place}`, kind: ward ? 'ward' : 'commune', parent: 'quang-tri' });
  }
  return units;
}

/** Creates the units through the core's API, parents first; returns their ids by slug. */
export async function createUnits(t: TestPlatform, units: readonly UnitSpec[]): Promise<Record<string, string>> {
  const admin = t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
  const ids: Record<string, string> = {};
  for (const u of units) {
    const res = await admin.post('/api/core/tenants', { slug: u.slug, nameVi: u.nameVi, kind: u.kind, parentId: u.parent ? ids[u.parent] : null });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[u.slug] = res.body.id;
  }
  return ids;
}
