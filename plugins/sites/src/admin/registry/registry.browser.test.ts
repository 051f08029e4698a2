import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminUser, ApiClient } from '@cong/sdk/admin';
import type { ProvisioningReport, Site, SiteDetail } from './registry-types.js';
import './site-registry.js';
import './provisioning-page.js';
import { axeViolations, routedApi, settle } from '../testing/admin-test-support.js';

const site: Site = {
  id: 's1',
  unit: { id: 'u1', slug: 'xa-hai-lang', nameVi: 'Xã Hải Lăng', nameEn: null, kind: 'commune' },
  status: 'draft',
  template: 'commune',
  goLiveOn: null,
  notes: null,
  statusReason: null,
  statusChangedAt: '2026-12-01T01:00:00Z',
  primaryHost: 'xa-hai-lang.localhost',
  aliasHosts: [],
  suggestedHost: 'hailang.quangtri.gov.vn',
};
const detail = (overrides: Partial<SiteDetail> = {}): SiteDetail => ({ ...site, history: [{ from: null, to: 'draft', reason: null, actorId: 'mang-luoi', at: '2026-12-01T01:00:00Z' }], ...overrides });
const user = (permissions: string[]): AdminUser => ({ id: 'u', username: 'mang.luoi', displayName: null, permissions });

function mount<K extends 'sites-registry' | 'sites-provisioning'>(tag: K, api: ApiClient, permissions = ['sites.network.manage']): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element, { api, user: user(permissions), tenant: { id: 'u-tinh', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('<sites-registry>', () => {
  it('lists sites with the suggested host, opens one, offers the suggestion and sends a status change', async () => {
    const api = routedApi({
      'GET /api/sites/sites': () => ({ items: [site], total: 1, limit: 50, offset: 0 }),
      'GET /api/sites/sites/s1': () => detail(),
      'POST /api/sites/sites/s1/status': (call) => detail({ status: (call.body as { status: 'live' }).status }),
    });
    const element = mount('sites-registry', api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.querySelector('tbody')!.textContent).toContain('Xã Hải Lăng');
    expect(root.textContent).toContain('Gợi ý theo quy định: hailang.quangtri.gov.vn');
    root.querySelector<HTMLButtonElement>('button[aria-label="Chi tiết trang của Xã Hải Lăng"]')!.click();
    await settle(element);
    expect(root.querySelector('#site-detail-heading')!.textContent).toContain('Đang chuẩn bị');
    root.querySelector<HTMLButtonElement>('.note button')!.click(); // use the suggested host
    expect(root.querySelector<HTMLInputElement>('#site-primary')!.value).toBe('hailang.quangtri.gov.vn');
    root.querySelector<HTMLFormElement>('form[aria-label="Đổi trạng thái"]')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/sites/sites/s1/status', body: { status: 'live' } });
    expect(await axeViolations(element)).toEqual([]);
  });

  it('tells someone without the permission what they need', async () => {
    const element = mount('sites-registry', routedApi({ 'GET /api/sites/sites': () => ({ items: [], total: 0, limit: 50, offset: 0 }) }), []);
    await settle(element);
    expect(element.shadowRoot!.textContent).toContain('Quản lý mạng lưới trang thành phần');
  });
});

describe('<sites-provisioning>', () => {
  const report = (dryRun: boolean): ProvisioningReport => ({
    dryRun,
    domain: 'quangtri.gov.vn',
    roles: [{ id: 'site-editor', action: dryRun ? 'create' : 'unchanged' }],
    counts: { create: 1, update: 0, unchanged: 1, error: 1 },
    sites: [
      { line: null, slug: 'xa-hai-lang', name: 'Xã Hải Lăng', action: 'create', template: 'commune', changes: ['site: create (draft, template commune)', 'primary host: hailang.quangtri.gov.vn'], error: null },
      { line: null, slug: 'so-y-te', name: 'Sở Y tế', action: 'unchanged', template: 'department', changes: [], error: null },
      { line: null, slug: 'xa-cam-lo', name: 'Xã Cam Lộ', action: 'error', template: null, changes: [], error: { code: 'CONG_ERR_CONFLICT', message: 'Host camlo.quangtri.gov.vn already belongs to another unit' } },
    ],
  });

  it('does a dry run of the chosen source, shows the report, then provisions with the same request', async () => {
    const api = routedApi({
      'GET /api/sites/templates': () => ({ items: [{ id: 'commune', label: { vi: 'Trang xã, phường, đặc khu', en: 'Commune site' }, kinds: ['commune'] }] }),
      'POST /api/sites/provisioning': (call) => report((call.body as { dryRun: boolean }).dryRun),
    });
    const element = mount('sites-provisioning', api);
    await settle(element);
    const root = element.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name="kinds"][value="commune"]')!.checked = true;
    root.querySelector<HTMLSelectElement>('#p-template')!.value = 'commune';
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)).toMatchObject({ path: '/api/sites/provisioning', body: { tree: { kinds: ['commune'], includeRoot: false }, template: 'commune', initialStatus: 'draft', dryRun: true } });
    expect(root.querySelector('#report-heading')!.textContent).toBe('Báo cáo chạy thử (chưa ghi gì)');
    expect(root.textContent).toContain('1 tạo mới, 0 cập nhật, 1 không đổi, 1 lỗi');
    expect(root.textContent).toContain('Host camlo.quangtri.gov.vn already belongs to another unit');
    expect(root.textContent).not.toContain('Sở Y tế'); // unchanged units hidden until asked for
    expect(await axeViolations(element)).toEqual([]);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cung cấp')!.click();
    await settle(element);
    expect(api.calls.at(-1)).toMatchObject({ body: { tree: { kinds: ['commune'] }, template: 'commune', dryRun: false } });
    expect(root.querySelector('#report-heading')!.textContent).toBe('Kết quả cung cấp');
  });
});
