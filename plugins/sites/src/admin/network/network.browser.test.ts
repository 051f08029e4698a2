import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import './network-dashboard.js';
import { axeViolations, routedApi, settle } from '../testing/admin-test-support.js';
import type { DashboardPage, DashboardRow, LinkPage } from './network-types.js';

const row = (slug: string, nameVi: string, overrides: Partial<DashboardRow> = {}): DashboardRow => ({
  siteId: `s-${slug}`,
  unit: { id: `u-${slug}`, slug, nameVi, kind: 'commune' },
  status: 'live',
  primaryHost: `${slug}.quangtri.gov.vn`,
  lastUpdate: '2026-11-20T08:00:00Z',
  stale: false,
  publishedLast30Days: 4,
  mandatedSections: 12,
  emptyMandatedSections: 2,
  staleEnglish: 1,
  editors: { total: 3, admins: 1, editors: 1, authors: 1 },
  brokenLinks: 0,
  uptime: null,
  ...overrides,
});
const page = (items: DashboardRow[]): DashboardPage => ({ items, total: items.length, limit: 50, offset: 0, staleAfterDays: 30, uptimeAvailable: false, flagged: items.filter((r) => r.stale).length });

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

function mount(api: ReturnType<typeof routedApi>) {
  const element = document.createElement('sites-network');
  Object.assign(element, { api, user: { id: 'u1', username: 'mang.luoi', displayName: null, permissions: ['sites.network.manage'] }, tenant: { id: 'u-tinh', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' } });
  document.body.append(element);
  return element;
}

describe('<sites-network>', () => {
  it('shows each site with its flags, "—" without uptime, filters and the CSV link', async () => {
    const api = routedApi({
      'GET /api/sites/network': (call) => (call.query?.['stale'] ? page([row('xa-b', 'Xã B', { stale: true, lastUpdate: null })]) : page([row('xa-a', 'Xã A'), row('xa-b', 'Xã B', { stale: true, lastUpdate: null, brokenLinks: 2 })])),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[1]!.textContent).toContain('Chưa cập nhật');
    expect(rows[1]!.textContent).toContain('Chưa có');
    expect(rows[0]!.textContent).toContain('—');
    expect(root.textContent).toContain('1/2 trang chưa cập nhật');
    (root.querySelector('input[name="stale"]') as HTMLInputElement).checked = true;
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)!.query).toMatchObject({ stale: true, sort: 'name', order: 'asc' });
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(root.querySelector('a[download]')!.getAttribute('href')).toBe('/t/quang-tri/api/sites/network.csv?stale=true&sort=name&order=asc');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('opens a site\'s links with the pages they appear on', async () => {
    const links: LinkPage = {
      items: [{ id: 'l1', url: 'https://dichvucong.gov.vn/cu', status: 'broken', httpStatus: 404, error: 'HTTP 404', failures: 2, lastCheckedAt: '2026-11-28T18:30:00Z', occurrences: [{ itemType: 'article', itemId: 'a1', title: 'Thủ tục mới', path: '/tin/thu-tuc-moi' }] }],
      total: 1,
      limit: 200,
      offset: 0,
    };
    const api = routedApi({
      'GET /api/sites/network': () => page([row('xa-b', 'Xã B', { brokenLinks: 1 })]),
      'GET /api/sites/network/sites/s-xa-b/links': () => links,
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    ([...root.querySelectorAll('tbody button')].find((b) => b.textContent === '1') as HTMLButtonElement).click();
    await settle(element);
    expect(root.querySelector('h2')!.textContent).toContain('Xã B');
    expect(root.textContent).toContain('Hỏng (404)');
    expect(root.querySelector('a[href="/t/xa-b/tin/thu-tuc-moi"]')!.textContent).toBe('Thủ tục mới');
    expect(await axeViolations(element)).toEqual([]);
  });
});
