import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ApiError, type AdminUser } from '@cong/sdk/admin';
import { approver, article, fakeApi, settle, writer, type Handler } from '../testing/fake-api.js';
import type { Article } from '../types.js';
import type { ArticleEditor } from './article-editor.element.js';
import './article-editor.js';

async function mount(options: { article?: Article; user?: AdminUser; handlers?: Record<string, Handler>; lang?: string } = {}) {
  document.documentElement.lang = options.lang ?? 'vi';
  const a = options.article ?? article();
  const api = fakeApi(a, options.handlers);
  const editor = document.createElement('portal-article-editor') as ArticleEditor;
  Object.assign(editor, { api, user: options.user ?? writer, articleId: a.id });
  document.body.append(editor);
  await settle(editor);
  const root = editor.shadowRoot!;
  const rich = root.querySelector('portal-rich-text')!;
  await settle(editor, rich);
  return { editor, api, root, rich, button: (command: string) => rich.querySelector<HTMLButtonElement>(`button[data-command=${command}]`)! };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-article-editor>', () => {
  it('types into the body and makes the selection bold from the toolbar (<strong>, aria-pressed)', async () => {
    const { rich, button } = await mount({ article: article({ body: '' }) });
    const surface = rich.querySelector<HTMLElement>('.portal-rich-text-surface')!;
    expect(surface.getAttribute('role')).toBe('textbox');
    expect(surface.getAttribute('aria-label')).toBe('Nội dung');
    await userEvent.click(surface);
    await userEvent.keyboard('Xin chào Quảng Trị');
    expect(rich.html()).toBe('<p>Xin chào Quảng Trị</p>');
    rich.editor!.commands.selectAll();
    expect(button('bold').getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(button('bold'));
    await settle(rich);
    expect(rich.html()).toBe('<p><strong>Xin chào Quảng Trị</strong></p>');
    expect(button('bold').getAttribute('aria-pressed')).toBe('true');
    expect(button('bold').getAttribute('aria-label')).toBe('Đậm');
  });

  it('refuses an image without alt text, an image off https or /files/, and a javascript: link', async () => {
    const { rich, button } = await mount({ article: article({ body: '<p>Ảnh</p>' }) });
    const answers = ['https://cdn.example.org/anh.jpg', '   '];
    rich.ask = () => answers.shift() ?? null;
    button('image').click();
    await settle(rich);
    expect(rich.html()).not.toContain('<img');
    expect(rich.querySelector('[role=status]')!.textContent).toContain('Ảnh cần có mô tả');

    answers.push('http://insecure.example.org/a.jpg');
    button('image').click();
    await settle(rich);
    expect(rich.html()).not.toContain('<img');
    expect(rich.querySelector('[role=status]')!.textContent).toContain('chỉ dùng https:// hoặc /files/');

    answers.push('/files/2026/anh.jpg', 'Quang cảnh lễ hội');
    button('image').click();
    await settle(rich);
    expect(rich.html()).toContain('<img src="/files/2026/anh.jpg" alt="Quang cảnh lễ hội">');

    rich.editor!.commands.setContent('<p>Ảnh</p>');
    rich.editor!.commands.setTextSelection({ from: 1, to: 4 });
    answers.push('javascript:alert(1)');
    button('link').click();
    await settle(rich);
    expect(rich.html()).not.toContain('href');
    expect(rich.querySelector('[role=status]')!.textContent).toContain('Địa chỉ liên kết không được phép');

    answers.push('https://quangtri.gov.vn/');
    button('link').click();
    await settle(rich);
    expect(rich.html()).toContain('<a rel="noopener noreferrer" href="https://quangtri.gov.vn/">Ảnh</a>');
    expect(button('link').getAttribute('aria-pressed')).toBe('true');
  });

  it('saves the body HTML with the revision it was loaded from', async () => {
    const { editor, api, root, rich } = await mount();
    rich.editor!.commands.setContent('<p>Nội dung <em>mới</em></p>');
    root.querySelector<HTMLInputElement>('input[name=title]')!.value = 'Lễ hội mùa xuân 2027';
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe(`/api/portal/articles/${article().id}`);
    expect(patch.body).toMatchObject({ title: 'Lễ hội mùa xuân 2027', body: '<p>Nội dung <em>mới</em></p>', revision: 3, categoryId: null, slug: 'le-hoi-mua-xuan' });
    expect(editor.article!.revision).toBe(4);
  });

  it('shows a field error of the server beside its field, and a stale revision as "reload"', async () => {
    let answer: ApiError = new ApiError(400, 'CONG_ERR_VALIDATION', 'body /title must NOT have fewer than 1 characters', [
      { in: 'body', pointer: '/title', message: 'must NOT have fewer than 1 characters', keyword: 'minLength' },
    ]);
    const { editor, root } = await mount({ handlers: { [`PATCH /api/portal/articles/${article().id}`]: () => { throw answer; } } });
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    const title = root.querySelector<HTMLInputElement>('input[name=title]')!;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const error = root.querySelector(`#${title.getAttribute('aria-describedby')}`)!;
    expect(error.textContent).toBe('must NOT have fewer than 1 characters');
    expect(error.closest('.field')).toBe(title.closest('.field'));

    answer = new ApiError(409, 'PORTAL_ERR_STALE_REVISION', 'The article changed since revision 3 (now 4)');
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect(root.querySelector('.stale[role=alert]')!.textContent).toContain('đã được người khác sửa sau phiên bản 3');
    expect(root.querySelector('.stale button')!.textContent).toBe('Tải lại tin bài');
  });

  it('submits a draft for review through the transition', async () => {
    const { editor, api, root } = await mount();
    const submit = root.querySelector<HTMLButtonElement>('button[data-action=submit]')!;
    expect(submit.textContent).toBe('Gửi duyệt');
    submit.click();
    await settle(editor);
    expect(api.calls.at(-2)).toMatchObject({ method: 'POST', path: `/api/portal/articles/${article().id}/transitions/submit`, body: {} });
    expect(root.querySelector('[data-status]')!.textContent).toBe('Chờ duyệt');
    expect(root.querySelector('button[data-action=submit]')).toBeNull();
  });

  it('offers "Duyệt và xuất bản" and "Trả lại" to an approver, not to a writer; rejecting needs remarks', async () => {
    const inReview = article({ status: 'in_review', remarks: null });
    const asWriter = await mount({ article: inReview, user: writer });
    expect(asWriter.root.textContent).not.toContain('Duyệt');
    expect(asWriter.root.querySelector('button[data-action=approve]')).toBeNull();
    expect(asWriter.root.querySelector('button[data-action=reject]')).toBeNull();
    asWriter.editor.remove();

    const { editor, api, root } = await mount({ article: inReview, user: approver });
    expect(root.querySelector('button[data-action=approve]')!.textContent).toBe('Duyệt và xuất bản');
    root.querySelector<HTMLButtonElement>('button[data-action=reject]')!.click();
    await settle(editor);
    expect(api.calls.some((c) => c.path.endsWith('/transitions/reject'))).toBe(false);
    const remarks = root.querySelector<HTMLTextAreaElement>('textarea[name=remarks]')!;
    expect(remarks.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#remarks-error')!.textContent).toBe('Hãy ghi lý do trả lại');

    remarks.value = 'Thiếu nguồn ảnh';
    root.querySelector<HTMLButtonElement>('button[data-action=reject]')!.click();
    await settle(editor);
    expect(api.calls.find((c) => c.path.endsWith('/transitions/reject'))!.body).toEqual({ remarks: 'Thiếu nguồn ảnh' });
  });

  it('approves with a publish time (the server schedules it) and shows the reviewer remarks', async () => {
    const { editor, api, root } = await mount({ article: article({ status: 'in_review', remarks: 'Sửa lại đoạn 2' }), user: approver });
    expect(root.querySelector('.remarks')!.textContent).toContain('Sửa lại đoạn 2');
    root.querySelector<HTMLInputElement>('input[name=publishAt]')!.value = '2027-01-02T08:30';
    root.querySelector<HTMLButtonElement>('button[data-action=approve]')!.click();
    await settle(editor);
    const call = api.calls.find((c) => c.path.endsWith('/transitions/approve'))!;
    expect(call.body).toEqual({ publishAt: new Date('2027-01-02T08:30').toISOString() });
  });

  it('lists the revisions and restores an older one', async () => {
    const { editor, api, root } = await mount();
    const rows = root.querySelectorAll('.revisions tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Hiện tại');
    root.querySelector<HTMLButtonElement>('button[aria-label="Khôi phục phiên bản 2"]')!.click();
    await settle(editor);
    expect(api.calls.find((c) => c.path.endsWith('/restore'))!.body).toEqual({ revision: 2 });
  });

  it('speaks English when the page does', async () => {
    const { root, button } = await mount({ lang: 'en' });
    expect(root.querySelector('h2')!.textContent).toBe('Edit article');
    expect(button('bold').getAttribute('aria-label')).toBe('Bold');
    expect(root.querySelector('button[data-action=submit]')!.textContent).toBe('Submit for review');
  });

  it('passes axe (WCAG 2.1 AA): labelled toolbar buttons and editing surface, fields, tables, contrast', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    type Result = { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const { editor } = await mount({ article: article({ status: 'in_review', remarks: 'Sửa lại', body: '<p>Một <strong>đoạn</strong></p><table><tbody><tr><th><p>A</p></th></tr><tr><td><p>1</p></td></tr></tbody></table>' }), user: approver });
    const result = await axe.run(editor, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    const bad = result.violations;
    expect(bad.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });

  it('keeps a published article read-only: no save, "Mở lại" and "Lưu trữ" for an approver only', async () => {
    const published = article({ status: 'published', publishedAt: '2026-11-21T08:00:00Z' });
    const asWriter = await mount({ article: published, user: writer });
    expect(asWriter.root.querySelector('button[type=submit]')).toBeNull();
    expect(asWriter.root.querySelector<HTMLInputElement>('input[name=title]')!.readOnly).toBe(true);
    expect(asWriter.rich.editor!.isEditable).toBe(false);
    expect(asWriter.root.textContent).toContain('hãy “Mở lại” thành bản nháp trước');
    expect(asWriter.root.querySelector('button[data-action]')).toBeNull();
    asWriter.editor.remove();

    const { editor, api, root } = await mount({ article: published, user: approver });
    expect([...root.querySelectorAll('button[data-action]')].map((b) => b.textContent)).toEqual(['Mở lại', 'Lưu trữ']);
    root.querySelector<HTMLButtonElement>('button[data-action=reopen]')!.click();
    await settle(editor);
    expect(api.calls.some((c) => c.path.endsWith('/transitions/reopen'))).toBe(true);
    expect(root.querySelector('button[type=submit]')).not.toBeNull();
  });
});
