import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser } from '@cong/sdk/admin';
import { legalDocument, legalPage, legalWriter, reader, routedApi, settle, type Handler } from '../testing/fake-api.js';
import type { LegalList } from './legal-list.element.js';
import './legal-list.js';

const DOC = legalDocument();

async function mount(options: { user?: AdminUser; routes?: Record<string, Handler>; lang?: string } = {}) {
  document.documentElement.lang = options.lang ?? 'vi';
  const api = routedApi({
    'GET /api/portal/legal-documents': () => legalPage([DOC, legalDocument({ id: '0b7c4d1e-1a2b-4c3d-8e9f-00000000d002', numberSymbol: '12/2020/NQ-HĐND', statusOverride: { status: 'expired', reason: 'Bãi bỏ', setAt: '2026-11-01T00:00:00Z', setBy: 'u3' }, status: 'expired' })], 45),
    [`GET /api/portal/legal-documents/${DOC.id}`]: () => DOC,
    ...options.routes,
  });
  const list = document.createElement('portal-legal-list') as LegalList;
  Object.assign(list, { api, user: options.user ?? legalWriter });
  const paths: string[] = [];
  list.addEventListener('cong-navigate', (e) => void paths.push((e as CustomEvent<{ path: string }>).detail.path));
  document.body.append(list);
  await settle(list);
  return { list, api, paths, root: list.shadowRoot! };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-legal-list>', () => {
  it('lists documents with their status, facet counts in the filters, and pages', async () => {
    const { list, api, root } = await mount();
    expect(root.querySelector('h1')!.textContent).toBe('Văn bản');
    const rows = root.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('41/2019/QĐ-UBND');
    expect(rows[0]!.textContent).toContain('01/10/2019');
    expect(rows[0]!.querySelector('[data-status]')!.textContent).toBe('Còn hiệu lực');
    expect(rows[1]!.querySelector('[data-status]')!.textContent).toContain('Đặt thủ công');
    const types = [...root.querySelectorAll('select[name=type] option')].map((o) => o.textContent);
    expect(types).toContain('Quyết định (12)');
    expect(types).toContain('Luật');
    expect([...root.querySelectorAll('select[name=year] option')].map((o) => o.textContent)).toEqual(['Tất cả', '2019 (9)', '2020 (6)']);
    expect(root.querySelector('.pager')!.textContent).toContain('1–20 trên 45');
    root.querySelector<HTMLButtonElement>('.pager button:last-of-type')!.click();
    await settle(list);
    expect(api.calls.at(-1)!.query).toMatchObject({ offset: 20, limit: 20 });
  });

  it('filters by words, type, issuer, field, year and status with the query the API takes', async () => {
    const { list, api, root } = await mount();
    const set = (name: string, value: string) => {
      const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
      el.value = value;
    };
    set('q', 'bang gia dat');
    set('type', 'quyet_dinh');
    set('issuer', 'UBND tỉnh Quảng Trị');
    set('field', 'Đất đai');
    set('year', '2019');
    set('status', 'in_force');
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await settle(list);
    expect(api.calls.at(-1)).toEqual({
      method: 'GET',
      path: '/api/portal/legal-documents',
      query: { limit: 20, offset: 0, sort: '-issuedOn', q: 'bang gia dat', type: 'quyet_dinh', issuer: 'UBND tỉnh Quảng Trị', field: 'Đất đai', year: 2019, status: 'in_force' },
    });
    root.querySelector<HTMLButtonElement>('form[role=search] button[type=button]')!.click();
    await settle(list);
    expect(api.calls.at(-1)!.query).toEqual({ limit: 20, offset: 0, sort: '-issuedOn', q: undefined, type: undefined, issuer: undefined, field: undefined, year: undefined, status: undefined });
  });

  it('opens a document in the editor and asks the shell to put it in the address', async () => {
    const { list, root, paths } = await mount();
    const link = root.querySelector<HTMLAnchorElement>('tbody a')!;
    expect(link.getAttribute('href')).toBe(`/admin/portal/van-ban/${DOC.id}`);
    link.click();
    await customElements.whenDefined('portal-legal-editor');
    await settle(list);
    expect(paths).toEqual([`/portal/van-ban/${DOC.id}`]);
    const editor = root.querySelector('portal-legal-editor')!;
    await settle(editor);
    expect(editor.documentId).toBe(DOC.id);
    expect(editor.shadowRoot!.querySelector<HTMLInputElement>('#field-numberSymbol')!.value).toBe('41/2019/QĐ-UBND');
  });

  it('offers no "Thêm văn bản" without portal.legal.write, and speaks English', async () => {
    const { root } = await mount({ user: reader, lang: 'en' });
    expect(root.querySelector('h1')!.textContent).toBe('Legal documents');
    expect(root.querySelector('header button')).toBeNull();
    expect(root.querySelector('tbody [data-status]')!.textContent).toBe('In force');
  });

  it('passes axe (WCAG 2.1 AA)', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const { list } = await mount();
    const result = await axe.run(list, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });
});
