import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type AdminUser } from '@cong/sdk/admin';
import { legalDocument, legalPage, legalWriter, reader, routedApi, settle, type Handler } from '../testing/fake-api.js';
import type { LegalDocument } from './legal-types.js';
import type { LegalEditor } from './legal-editor.element.js';
import './legal-editor.js';

const API = '/api/portal/legal-documents';
const OTHER = legalDocument({ id: '0b7c4d1e-1a2b-4c3d-8e9f-00000000d009', numberSymbol: '05/2015/QĐ-UBND', issuedOn: '2015-03-01', summary: 'Bảng giá đất cũ' });

async function mount(options: { doc?: LegalDocument | null; user?: AdminUser; routes?: Record<string, Handler>; lang?: string } = {}) {
  document.documentElement.lang = options.lang ?? 'vi';
  let stored = options.doc === null ? undefined : (options.doc ?? legalDocument());
  const id = stored?.id ?? legalDocument().id;
  const answer = (changes: Partial<LegalDocument>) => (stored = { ...(stored ?? legalDocument()), ...changes });
  const api = routedApi({
    [`GET ${API}/${id}`]: () => stored,
    [`PATCH ${API}/${id}`]: (call) => answer(call.body as Partial<LegalDocument>),
    [`POST ${API}`]: (call) => answer(call.body as Partial<LegalDocument>),
    [`GET ${API}`]: () => legalPage([legalDocument(), OTHER]),
    [`POST ${API}/${id}/relations`]: () =>
      answer({
        relations: [{ relationId: '0b7c4d1e-1a2b-4c3d-8e9f-00000000e001', kind: 'replaces', direction: 'outgoing', document: { id: OTHER.id, typeName: 'Quyết định', numberSymbol: OTHER.numberSymbol, issuer: OTHER.issuer, issuedOn: OTHER.issuedOn, summary: OTHER.summary } }],
      }),
    [`DELETE ${API}/${id}/relations/0b7c4d1e-1a2b-4c3d-8e9f-00000000e001`]: () => answer({ relations: [] }),
    [`PUT ${API}/${id}/status-override`]: (call) => {
      const body = call.body as { status: LegalDocument['status']; reason: string };
      return answer({ status: body.status, statusOverride: { ...body, setAt: '2026-11-29T01:00:00Z', setBy: 'u3' } });
    },
    [`DELETE ${API}/${id}/status-override`]: () => answer({ status: stored!.computedStatus, statusOverride: null }),
    ...options.routes,
  });
  const editor = document.createElement('portal-legal-editor') as LegalEditor;
  Object.assign(editor, { api, user: options.user ?? legalWriter, documentId: options.doc === null ? undefined : id });
  document.body.append(editor);
  await settle(editor);
  const root = editor.shadowRoot!;
  const field = <T extends HTMLElement = HTMLInputElement>(name: string) => root.querySelector<T>(`#field-${name}`)!;
  return { editor, api, root, field };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-legal-editor>', () => {
  it('adds a document with every field; "Khác" asks for the name of its type', async () => {
    const { editor, api, root, field } = await mount({ doc: null });
    const created: string[] = [];
    editor.addEventListener('portal-legal-created', (e) => void created.push((e as CustomEvent<{ id: string }>).detail.id));
    expect(root.querySelector('h2')!.textContent).toBe('Thêm văn bản');
    expect(root.querySelector('#field-typeName')).toBeNull();
    const type = field<HTMLSelectElement>('type');
    type.value = 'other';
    type.dispatchEvent(new Event('change'));
    await settle(editor);
    field('typeName').value = 'Hướng dẫn liên ngành';
    field('numberSymbol').value = '01/HDLN-STC-SXD';
    field('issuer').value = 'Sở Tài chính';
    field('signer').value = '';
    field('issuedOn').value = '2026-11-01';
    field('effectiveOn').value = '2026-11-15';
    field('expiresOn').value = '';
    field('field').value = 'Tài chính';
    field<HTMLTextAreaElement>('summary').value = 'Hướng dẫn lập dự toán';
    field<HTMLTextAreaElement>('fileIds').value = 'f-1\nf-2 f-1';
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      type: 'other',
      typeName: 'Hướng dẫn liên ngành',
      numberSymbol: '01/HDLN-STC-SXD',
      issuer: 'Sở Tài chính',
      signer: null,
      issuedOn: '2026-11-01',
      effectiveOn: '2026-11-15',
      expiresOn: null,
      field: 'Tài chính',
      summary: 'Hướng dẫn lập dự toán',
      fileIds: ['f-1', 'f-2'],
    });
    expect(created).toEqual([legalDocument().id]);
  });

  it('marks missing required fields without calling the server', async () => {
    const { editor, api, root, field } = await mount({ doc: null });
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect(api.calls).toEqual([]);
    for (const name of ['numberSymbol', 'issuer', 'issuedOn', 'summary']) {
      expect(field(name).getAttribute('aria-invalid'), name).toBe('true');
      expect(root.querySelector(`#${name}-error`)!.textContent).toBe('Bắt buộc');
    }
  });

  it('shows a number already used (409) and a bad expiry date (400) beside their fields', async () => {
    let failure = new ApiError(409, 'PORTAL_ERR_LEGAL_DUPLICATE_NUMBER', 'Document 41/2019/QĐ-UBND of UBND tỉnh Quảng Trị already exists in this unit', [
      { in: 'body', pointer: '/numberSymbol', message: 'already used by document x of the same issuer', keyword: 'unique' },
    ]);
    const { editor, api, root, field } = await mount({ routes: { [`PATCH ${API}/${legalDocument().id}`]: () => { throw failure; } } });
    field('signer').value = 'Trần Thị B';
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect(api.calls.find((c) => c.method === 'PATCH')!.body).toMatchObject({ type: 'quyet_dinh', numberSymbol: '41/2019/QĐ-UBND', signer: 'Trần Thị B', effectiveOn: '2019-10-15', fileIds: [] });
    expect(field('numberSymbol').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${field('numberSymbol').getAttribute('aria-describedby')}`)!.textContent).toBe('already used by document x of the same issuer');

    failure = new ApiError(400, 'CONG_ERR_VALIDATION', 'Invalid legal document', [
      { in: 'body', pointer: '/expiresOn', message: 'must be after the day the document takes effect (2019-10-15)', keyword: 'formatMinimum' },
    ]);
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect(field('numberSymbol').getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector('#expiresOn-error')!.textContent).toContain('must be after the day');
    expect(root.querySelector('#expiresOn-error')!.closest('.field')).toBe(field('expiresOn').closest('.field'));
  });

  it('finds the target by its number, adds a "replaces" relation and removes it', async () => {
    const { editor, api, root, field } = await mount();
    expect(root.querySelector('.relations')!.textContent).toContain('Chưa có văn bản liên quan.');
    field<HTMLSelectElement>('relationKind').value = 'replaces';
    field('targetQuery').value = '05/2015';
    root.querySelector<HTMLButtonElement>('button[data-action=find]')!.click();
    await settle(editor);
    expect(api.calls.at(-1)).toMatchObject({ method: 'GET', path: API, query: { q: '05/2015', limit: 10 } });
    const choices = root.querySelectorAll<HTMLInputElement>('input[name=targetId]');
    expect([...choices].map((c) => c.value)).toEqual([OTHER.id]); // the document itself is left out
    expect(root.querySelector('.found [role=status]')!.textContent).toBe('Tìm thấy 1 văn bản: chọn một.');
    root.querySelector<HTMLButtonElement>('button[data-action=add-relation]')!.click();
    await settle(editor);
    expect(api.calls.find((c) => c.path.endsWith('/relations'))!.body).toEqual({ kind: 'replaces', targetId: OTHER.id });
    const row = root.querySelector('tr[data-relation]')!;
    expect(row.textContent).toContain('Thay thế');
    expect(row.textContent).toContain('05/2015/QĐ-UBND');

    root.querySelector<HTMLButtonElement>('button[aria-label="Bỏ quan hệ “Thay thế” với 05/2015/QĐ-UBND"]')!.click();
    await settle(editor);
    expect(api.calls.at(-1)).toMatchObject({ method: 'DELETE', path: `${API}/${legalDocument().id}/relations/0b7c4d1e-1a2b-4c3d-8e9f-00000000e001` });
    expect(root.querySelector('tr[data-relation]')).toBeNull();
  });

  it('asks to choose a target before adding, and shows the server refusing a duplicate relation beside the search', async () => {
    const exists = new ApiError(409, 'PORTAL_ERR_LEGAL_RELATION_EXISTS', 'The documents already have this relation (amends)', [
      { in: 'body', pointer: '/targetId', message: 'already has this relation (amends)', keyword: 'unique' },
    ]);
    const { editor, api, root, field } = await mount({ routes: { [`POST ${API}/${legalDocument().id}/relations`]: () => { throw exists; } } });
    root.querySelector<HTMLButtonElement>('button[data-action=add-relation]')!.click();
    await settle(editor);
    expect(api.calls.some((c) => c.path.endsWith('/relations'))).toBe(false);
    expect(root.querySelector('#targetId-error')!.textContent).toBe('Hãy tìm và chọn văn bản đích');
    field('targetQuery').value = '05/2015';
    root.querySelector<HTMLButtonElement>('button[data-action=find]')!.click();
    await settle(editor);
    field<HTMLSelectElement>('relationKind').value = 'amends';
    root.querySelector<HTMLButtonElement>('button[data-action=add-relation]')!.click();
    await settle(editor);
    expect(field('targetQuery').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#targetId-error')!.textContent).toBe('already has this relation (amends)');
  });

  it('sets the status by hand only with a reason, shows it beside the computed one, and clears it', async () => {
    const { editor, api, root, field } = await mount();
    expect(root.querySelector('.status [data-status]')!.textContent).toBe('Còn hiệu lực');
    field<HTMLSelectElement>('overrideStatus').value = 'expired';
    root.querySelector<HTMLButtonElement>('button[data-action=set-override]')!.click();
    await settle(editor);
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
    expect(root.querySelector('#reason-error')!.textContent).toBe('Hãy ghi lý do đặt tình trạng thủ công');

    field<HTMLTextAreaElement>('reason').value = 'Bãi bỏ bởi Quyết định 99/2026';
    root.querySelector<HTMLButtonElement>('button[data-action=set-override]')!.click();
    await settle(editor);
    expect(api.calls.find((c) => c.method === 'PUT')).toMatchObject({ path: `${API}/${legalDocument().id}/status-override`, body: { status: 'expired', reason: 'Bãi bỏ bởi Quyết định 99/2026' } });
    expect(root.querySelector('.status [data-status]')!.textContent).toBe('Hết hiệu lực toàn bộ');
    const notice = root.querySelector('[data-override]')!.textContent!;
    expect(notice).toContain('Đang đặt thủ công: Hết hiệu lực toàn bộ');
    expect(notice).toContain('Bãi bỏ bởi Quyết định 99/2026');
    expect(notice).toContain('Tình trạng tính được: Còn hiệu lực');

    root.querySelector<HTMLButtonElement>('button[data-action=clear-override]')!.click();
    await settle(editor);
    expect(api.calls.at(-1)).toMatchObject({ method: 'DELETE', path: `${API}/${legalDocument().id}/status-override` });
    expect(root.querySelector('[data-override]')).toBeNull();
    expect(root.querySelector('button[data-action=clear-override]')).toBeNull();
  });

  it('is read-only without portal.legal.write', async () => {
    const { root, field } = await mount({ user: reader, doc: legalDocument({ relations: [{ relationId: 'r', kind: 'replaced_by', direction: 'incoming', document: { id: OTHER.id, typeName: 'Quyết định', numberSymbol: '99/2026/QĐ-UBND', issuer: 'UBND', issuedOn: '2026-01-01', summary: 'Mới' } }] }) });
    expect(root.querySelector('button')).toBeNull();
    expect(field('numberSymbol').readOnly).toBe(true);
    expect(root.querySelector('tr[data-relation]')!.textContent).toContain('Bị thay thế bởi');
    expect(root.textContent).toContain('Bạn cần quyền “Quản lý văn bản”');
  });

  it('passes axe (WCAG 2.1 AA) with relations, search results and an override', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const { editor, root, field } = await mount({
      doc: legalDocument({
        status: 'expired',
        statusOverride: { status: 'expired', reason: 'Bãi bỏ', setAt: '2026-11-01T00:00:00Z', setBy: 'u3' },
        relations: [{ relationId: 'r', kind: 'amended_by', direction: 'incoming', document: { id: OTHER.id, typeName: 'Quyết định', numberSymbol: '99/2026/QĐ-UBND', issuer: 'UBND', issuedOn: '2026-01-01', summary: 'Mới' } }],
      }),
    });
    field('targetQuery').value = '05';
    root.querySelector<HTMLButtonElement>('button[data-action=find]')!.click();
    await settle(editor);
    const result = await axe.run(editor, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });
});
