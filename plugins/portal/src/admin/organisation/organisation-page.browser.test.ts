import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser } from '@cong/sdk/admin';
import { routedApi, settle, type Call } from '../testing/fake-api.js';
import type { EnglishStatusItem, OrgUnit } from './organisation-admin-types.js';
import type { OrganisationPage } from './organisation-page.element.js';
import type { OrganisationResource } from './organisation-resource.element.js';
import './organisation-page.js';

const editor: AdminUser = { id: 'u1', username: 'to.chuc', displayName: null, permissions: ['portal.organisation.write'] };
const staff: AdminUser = { id: 'u2', username: 'xem', displayName: null, permissions: [] };

function unit(overrides: Partial<OrgUnit>): OrgUnit {
  const pair = { vi: '', en: '' };
  return {
    id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000a1',
    parentId: null,
    order: 0,
    name: { vi: 'Sở Tài chính', en: 'Department of Finance' },
    functions: pair,
    duties: pair,
    powers: pair,
    headName: '',
    headPosition: pair,
    phone: '',
    email: '',
    address: '',
    revision: 4,
    englishStale: false,
    englishMissing: [],
    englishUpdatedAt: '2026-11-20T08:00:00Z',
    createdAt: '2026-11-20T08:00:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
    ...overrides,
  };
}

const ROOT = unit({});
const OFFICE = unit({ id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000a2', parentId: ROOT.id, name: { vi: 'Văn phòng Sở', en: '' }, englishStale: true, englishMissing: ['name'], revision: 2 });
const STATUS: EnglishStatusItem[] = [
  { kind: 'leader', id: 'l1', label: 'Hoàng Thu Hà', mandatory: false, missing: [], updatedAt: '2026-11-21T08:00:00Z', englishUpdatedAt: null },
  { kind: 'orgUnit', id: OFFICE.id, label: 'Văn phòng Sở', mandatory: true, missing: ['name'], updatedAt: '2026-11-20T08:00:00Z', englishUpdatedAt: null },
];

function api() {
  return routedApi({
    'GET /api/portal/organisation/units': () => ({ items: [ROOT, OFFICE] }),
    'PATCH /api/portal/organisation/units/0b7c4d1e-1a2b-4c3d-8e9f-0000000000a2': (call: Call) => ({ ...OFFICE, ...(call.body as object) }),
    'GET /api/portal/organisation/english-status': () => ({ items: STATUS, mandatoryCount: 1 }),
  });
}

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(user = editor, lang = 'vi') {
  document.documentElement.lang = lang;
  const client = api();
  const page = document.createElement('portal-organisation-page') as OrganisationPage;
  Object.assign(page, { api: client, user });
  document.body.append(page);
  await settle(page);
  const resource = () => page.shadowRoot!.querySelector('portal-organisation-resource') as OrganisationResource;
  await settle(page, resource());
  return { page, client, root: page.shadowRoot!, resource, inner: () => resource().shadowRoot! };
}

describe('<portal-organisation-page>', () => {
  it('lists the chart as an indented tree with the English badge, and filters to the stale items', async () => {
    const { inner, resource } = await mount();
    const rows = [...inner().querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent!.trim())).toEqual(['Sở Tài chính', 'Văn phòng Sở']);
    expect(rows[1]!.querySelector('th')!.className).toBe('depth-1');
    expect(rows[0]!.textContent).toContain('Đã có');
    expect(rows[1]!.textContent).toContain('Tiếng Anh cần cập nhật');
    expect(rows[1]!.textContent).toContain('Thiếu tiếng Anh: Tên đơn vị');

    inner().querySelector<HTMLInputElement>('input[name=onlyStale]')!.click();
    await settle(resource());
    expect([...inner().querySelectorAll('tbody th')].map((th) => th.textContent!.trim())).toEqual(['Văn phòng Sở']);
  });

  it('sends only what changed, with the revision the edit started from', async () => {
    const { inner, resource, client } = await mount();
    const edit = [...inner().querySelectorAll<HTMLButtonElement>('tbody tr')][1]!.querySelector('button')!;
    edit.click();
    await settle(resource());
    expect(inner().querySelector('h2')!.textContent).toBe('Văn phòng Sở');
    expect(inner().querySelector('input[name=englishConfirm]')).not.toBeNull(); // offered for a stale item
    inner().querySelector<HTMLInputElement>('input[name="name.vi"]')!.value = 'Văn phòng Sở Tài chính';
    inner().querySelector<HTMLFormElement>('form.edit')!.requestSubmit();
    await settle(resource());
    const patch = client.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ name: { vi: 'Văn phòng Sở Tài chính' }, revision: 2 });
    expect(inner().querySelector('form.edit')).toBeNull(); // back to the list
  });

  it('shows the stale English list with mandatory items first, and moves between tabs with the arrow keys', async () => {
    const { page, root } = await mount();
    const tabs = () => [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs().map((b) => b.textContent)).toEqual(['Cơ cấu tổ chức', 'Lãnh đạo', 'Liên hệ', 'Lịch công tác', 'Bản tiếng Anh']);
    tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle(page);
    expect(tabs()[4]!.getAttribute('aria-selected')).toBe('true');
    expect(root.activeElement).toBe(tabs()[4]);
    const english = root.querySelector('portal-organisation-english')!;
    await settle(page, english as unknown as { updateComplete: Promise<unknown> });
    const rows = [...english.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelector('th')!.textContent);
    expect(rows).toEqual(['Văn phòng Sở', 'Hoàng Thu Hà']);
    expect(english.shadowRoot!.textContent).toContain('Bắt buộc');
  });

  it('offers no edits without portal.organisation.write, and speaks English when the page does', async () => {
    const { inner } = await mount(staff, 'en');
    expect(inner().querySelector('header button')).toBeNull();
    expect(inner().textContent).toContain('You need the “Manage organisation, leaders and contacts” permission to edit.');
    expect(inner().querySelector('h2')!.textContent).toBe('Organisation chart');
    expect(inner().querySelector('button.danger')).toBeNull();
  });

  it('passes axe (WCAG 2.1 AA) on the list and the form', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const { page, inner, resource } = await mount();
    const run = async () => (await axe.run(page, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    expect(await run()).toEqual([]);
    inner().querySelector<HTMLButtonElement>('tbody button')!.click();
    await settle(resource());
    await customElements.whenDefined('portal-rich-text');
    await settle(resource());
    expect(await run()).toEqual([]);
  });
});
