import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient, type AdminUser } from '@cong/sdk/admin';
import type { Notice } from '../../notices/notice.schema.js';
import './notice-list.js';

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  id: '3f0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  slug: 'goi-thau-so-5',
  kind: 'tender',
  name: 'Gói thầu số 5: Xây lắp cầu Hiền Lương mới',
  objective: 'Xây dựng cầu dài 178 m.',
  field: 'Giao thông',
  projectGroup: null,
  startOn: null,
  endOn: null,
  budgetVnd: 98_500_000_000,
  funding: 'state-budget',
  donor: null,
  status: 'open',
  closesAt: '2026-12-15T02:00:00.000Z',
  result: null,
  updatedAt: '2026-11-29T01:00:00.000Z',
  publishedAt: null,
  createdAt: '2026-11-29T01:00:00.000Z',
  ...overrides,
});

/** An API client answering like the server, recording what was sent. */
function fakeApi(items: Notice[]) {
  const sent: { method: string; path: string; body?: unknown }[] = [];
  const api = {
    sent,
    get: async () => ({ items: [...items], total: items.length, limit: 100, offset: 0 }),
    post: async (path: string, body?: any) => {
      sent.push({ method: 'POST', path, body });
      if (path === '/api/procurement/notices' && body.endOn && body.startOn && body.endOn < body.startOn) {
        throw new ApiError(400, 'PROCUREMENT_ERR_DATES', 'The end date is before the start date', [{ in: 'body', pointer: '/endOn', message: 'ends before it starts' }]);
      }
      if (path.endsWith('/publish')) items[0] = { ...items[0]!, publishedAt: '2026-11-29T02:00:00.000Z' };
      return items[0];
    },
    patch: async (path: string, body: unknown) => void sent.push({ method: 'PATCH', path, body }),
    put: async () => undefined,
    delete: async (path: string) => void sent.push({ method: 'DELETE', path }),
    withTenant: () => api,
  };
  return api;
}

const settle = async (element: HTMLElement & { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
};

async function axe(element: Element): Promise<string[]> {
  const axePath = '/tests/node_modules/axe-core/axe.js';
  await import(/* @vite-ignore */ axePath);
  type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
  const run = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
  const result = await run.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function mount(items: Notice[], permissions = ['procurement.manage', 'procurement.publish']) {
  document.documentElement.lang = 'vi';
  const element = document.createElement('procurement-notice-list');
  const api = fakeApi(items);
  element.api = api as unknown as ApiClient;
  element.user = { id: 'u', username: 'chuyenvien', displayName: null, permissions } as AdminUser;
  document.body.append(element);
  await settle(element);
  return { element, api, root: element.shadowRoot! };
}

const button = (root: ParentNode, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

afterEach(() => document.body.replaceChildren());

describe('<procurement-notice-list>', () => {
  it('lists the unit\'s notices in Vietnamese, publishes one, and passes axe', async () => {
    const { element, api, root } = await mount([notice()]);
    const row = root.querySelector('tbody tr')!;
    expect(row.textContent).toContain('Gói thầu số 5');
    expect(row.textContent).toContain('Thông báo mời thầu');
    expect(row.textContent).toContain('Đang mời thầu');
    expect(row.textContent).toContain('Chưa công bố');
    expect(await axe(element)).toEqual([]);
    button(root, 'Công bố').click();
    await settle(element);
    expect(api.sent).toEqual([{ method: 'POST', path: '/api/procurement/notices/3f0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/publish', body: undefined }]);
    expect(root.querySelector('tbody tr')!.textContent).toContain('Đã công bố');
    // Public: no delete button (the server refuses it too).
    expect(button(root, 'Xóa')).toBeUndefined();
  });

  it('posts the form as the API expects and shows the field error next to its field', async () => {
    const { element, api, root } = await mount([]);
    expect(root.textContent).toContain('Chưa có dự án, thông báo nào.');
    button(root, 'Thêm dự án, thông báo').click();
    await settle(element);
    const form = root.querySelector('form')!;
    const set = (name: string, value: string) => ((form.querySelector(`[name="${name}"]`) as HTMLInputElement).value = value);
    set('name', 'Đường tỉnh 582');
    set('field', 'Giao thông');
    set('objective', 'Mở rộng mặt đường');
    set('budgetVnd', '450.000.000.000');
    set('startOn', '2027-01-01');
    set('endOn', '2026-01-01');
    set('closesAt', '2026-12-15T09:00');
    form.requestSubmit();
    await settle(element);
    expect(api.sent[0]).toEqual({
      method: 'POST',
      path: '/api/procurement/notices',
      body: { kind: 'project', name: 'Đường tỉnh 582', objective: 'Mở rộng mặt đường', field: 'Giao thông', funding: 'state-budget', status: 'preparing', startOn: '2027-01-01', endOn: '2026-01-01', budgetVnd: 450_000_000_000, donor: null, closesAt: '2026-12-15T02:00:00.000Z', result: null },
    });
    const endOn = root.querySelector<HTMLInputElement>('input[name=endOn]')!;
    expect(endOn.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${endOn.getAttribute('aria-describedby')}`)!.textContent).toBe('ends before it starts');
    expect(await axe(element)).toEqual([]);
  });

  it('offers no publish button without the publish permission', async () => {
    const { root } = await mount([notice()], ['procurement.manage']);
    expect(button(root, 'Công bố')).toBeUndefined();
    expect(button(root, 'Sửa')).toBeDefined();
  });
});
