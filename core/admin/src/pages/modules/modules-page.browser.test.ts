import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdminTenant, AdminUser } from '@cong/sdk/admin';
import './modules-page.js';
import type { ModuleItem, ModulesPage } from './modules-page.js';
import type { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog.js';
import type { DataTable } from '../../components/data-table/data-table.js';
import { fakeApi, settle, useVietnamese } from '../../components/testing/fake-api.js';

const tenant: AdminTenant = { id: 't-stc', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department' };
const user: AdminUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', permissions: ['core.modules.manage'] };

function modulesApi() {
  const items: ModuleItem[] = [
    { plugin: 'hello', name: { vi: 'Lời chào', en: 'Greetings' }, enabled: true, version: '1.2.0', state: 'started' },
    { plugin: 'broken', name: null, enabled: false, version: '0.1.0', state: 'failed', error: { code: 'CONG_ERR_PLUGIN_START', message: 'Không kết nối được cơ sở dữ liệu' } },
    { plugin: 'news', name: null, enabled: false, version: '2.0.1', state: 'started' },
  ];
  return fakeApi({
    'GET /api/core/modules': () => ({ tenantId: tenant.id, items }),
    'GET /api/core/modules/:plugin/impact': (call) => {
      const plugin = call.path.split('/')[4]!;
      const ids = plugin === 'news' ? ['t-stc', 't-a', 't-b', 't-c'] : ['t-stc', 't-a'];
      return { plugin, enabled: call.query!.enabled, subtree: true, tenants: ids.length, tenantIds: ids };
    },
    'PUT /api/core/modules/:plugin': (call) => {
      const item = items.find((i) => i.plugin === call.path.split('/')[4]);
      Object.assign(item!, { enabled: (call.body as { enabled: boolean }).enabled });
      return { tenantId: tenant.id, items };
    },
  });
}

async function mount() {
  const api = modulesApi();
  const page = document.createElement('cong-modules-page') as ModulesPage;
  Object.assign(page, { tenant, user, api });
  const events: { type: string; detail: unknown }[] = [];
  for (const type of ['cong-modules-changed', 'cong-toast']) page.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  document.body.append(page);
  await settle(page);
  const table = page.shadowRoot!.querySelector('cong-data-table') as unknown as DataTable<ModuleItem>;
  await settle(page, table);
  return { page, api, events, table };
}

describe('<cong-modules-page>', () => {
  beforeAll(() => useVietnamese());
  afterEach(() => document.body.replaceChildren());

  it('lists plugins with version, boot state and a labelled switch, and switches one for the unit', async () => {
    const { page, api, events, table } = await mount();
    const root = table.shadowRoot!;
    expect(page.shadowRoot!.querySelector('h1')!.textContent).toBe('Chức năng');
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('broken');
    expect(rows[0]).toContain('Lỗi');
    expect(rows[0]).toContain('CONG_ERR_PLUGIN_START');
    expect(rows[0]).toContain('Không kết nối được cơ sở dữ liệu');
    expect(rows[1]).toContain('1.2.0');
    expect(rows[1]).toContain('Đang chạy');
    // A plugin with a display name shows it, in Vietnamese, with its id small beside it.
    const helloName = root.querySelectorAll('tbody tr')[1]!.querySelector('th')!;
    expect(helloName.textContent!.replace(/\s+/g, ' ').trim()).toBe('Lời chào hello');
    expect(helloName.querySelector('small code')!.textContent).toBe('hello');
    expect(root.querySelector('wa-switch[data-plugin=hello]')!.textContent!.replace(/\s+/g, ' ')).toContain('Lời chào tại Sở Tài chính');
    expect(root.querySelector('tbody tr input[aria-label="Chọn Lời chào"]')).not.toBeNull();
    const newsSwitch = root.querySelector<HTMLElement & { checked: boolean }>('wa-switch[data-plugin=news]')!;
    expect(newsSwitch.textContent!.replace(/\s+/g, ' ')).toContain('news tại Sở Tài chính');
    expect(newsSwitch.checked).toBe(false);

    newsSwitch.click();
    await settle(page, table);
    expect(api.calls.filter((c) => c.method === 'PUT')).toEqual([{ method: 'PUT', path: '/api/core/modules/news', body: { enabled: true, subtree: false } }]);
    expect(events).toEqual([
      { type: 'cong-modules-changed', detail: { tenant: 'so-tai-chinh', plugin: 'news', enabled: true } },
      { type: 'cong-toast', detail: { message: 'Đã bật news tại Sở Tài chính.', variant: 'success' } },
    ]);
  });

  it('asks before switching the selected plugins for the units below, saying how many units change', async () => {
    const { page, api, events, table } = await mount();
    const root = table.shadowRoot!;
    const select = (plugin: string) => [...root.querySelectorAll<HTMLInputElement>('tbody input[type=checkbox]')].find((b) => b.getAttribute('aria-label') === `Chọn ${plugin}`)!;
    select('news').click();
    select('broken').click();
    await settle(page, table);
    const enable = [...table.querySelectorAll<HTMLElement>('wa-button[slot=actions]')].find((b) => b.textContent!.includes('Bật tại đây'))!;
    enable.click();
    await settle(page, table);
    const dialog = page.shadowRoot!.querySelector('cong-confirm-dialog') as ConfirmDialog;
    await settle(dialog);
    const waDialog = dialog.shadowRoot!.querySelector('wa-dialog')!;
    expect(waDialog.hasAttribute('open')).toBe(true);
    expect(waDialog.getAttribute('label')).toBe('Bật chức năng cho các đơn vị trực thuộc');
    expect(api.calls.filter((c) => c.path.endsWith('/impact')).map((c) => [c.path, c.query])).toEqual([
      ['/api/core/modules/news/impact', { enabled: true, subtree: true }],
      ['/api/core/modules/broken/impact', { enabled: true, subtree: true }],
    ]);
    const text = waDialog.textContent!.replace(/\s+/g, ' ');
    expect(waDialog.querySelector('[data-impact]')!.textContent).toBe('4 đơn vị sẽ thay đổi.');
    expect(text).toContain('news: bật tại 4 đơn vị');
    expect(text).toContain('broken: bật tại 2 đơn vị');
    expect(text).toContain('Thay đổi áp dụng cho Sở Tài chính và mọi đơn vị trực thuộc.');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);

    const confirm = dialog.shadowRoot!.querySelector<HTMLElement>('wa-button[data-confirm]')!;
    expect(confirm.textContent!.trim()).toBe('Bật tại 4 đơn vị');
    confirm.click();
    await settle(page, table, dialog);
    expect(api.calls.filter((c) => c.method === 'PUT').map((c) => [c.path, c.body])).toEqual([
      ['/api/core/modules/news', { enabled: true, subtree: true }],
      ['/api/core/modules/broken', { enabled: true, subtree: true }],
    ]);
    expect(events.filter((e) => e.type === 'cong-modules-changed').map((e) => e.detail)).toEqual([
      { tenant: 'so-tai-chinh', plugin: 'news', enabled: true },
      { tenant: 'so-tai-chinh', plugin: 'broken', enabled: true },
    ]);
    expect(table.selectedIds).toEqual([]);
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    const { page, api, events, table } = await mount();
    [...table.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type=checkbox]')][1]!.click(); // hello
    await settle(page, table);
    [...table.querySelectorAll<HTMLElement>('wa-button[slot=actions]')].find((b) => b.textContent!.includes('Tắt tại đây'))!.click();
    await settle(page, table);
    const dialog = page.shadowRoot!.querySelector('cong-confirm-dialog') as ConfirmDialog;
    await settle(dialog);
    expect(dialog.shadowRoot!.querySelector('wa-dialog')!.textContent).toContain('2 đơn vị sẽ thay đổi.');
    dialog.cancel();
    await settle(page, dialog);
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
    expect(events).toEqual([]);
  });

  it('passes axe (WCAG 2.1 AA): labelled switches and checkboxes, table headers, contrast, the dialog', async () => {
    // axe-core is a dependency of the tests package; served from there by vite.
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const { page, table } = await mount();
    const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } };
    let result = await axe.run(page, options);
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);

    table.shadowRoot!.querySelector<HTMLInputElement>('tbody input[type=checkbox]')!.click();
    await settle(page, table);
    [...table.querySelectorAll<HTMLElement>('wa-button[slot=actions]')][0]!.click();
    await settle(page, table);
    const dialog = page.shadowRoot!.querySelector('cong-confirm-dialog') as ConfirmDialog;
    await settle(dialog);
    await new Promise((resolve) => setTimeout(resolve, 300));
    result = await axe.run(page, options);
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    const waDialog = dialog.shadowRoot!.querySelector('wa-dialog')!;
    const native = waDialog.shadowRoot!.querySelector('dialog')!;
    expect(native.getAttribute('aria-labelledby')).toBeTruthy();
    // Focus moved into the dialog, to its confirming button (a safe action: turning on).
    expect(dialog.shadowRoot!.activeElement).toBe(dialog.shadowRoot!.querySelector('wa-button[data-confirm]'));
    dialog.cancel();
    await settle(page, dialog);
  });
});
