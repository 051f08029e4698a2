import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ApiError, type AdminUser } from '@cong/sdk/admin';
import { approver, article, fakeApi, LAO, settle, siteLanguages, writer, type Handler } from '../testing/fake-api.js';
import type { Article } from '../types.js';
import type { RichText } from '../rich-text/rich-text.element.js';
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
    expect(rich.querySelector('[role=status]')!.textContent).toContain('chỉ dùng https://, /files/ hoặc ảnh trong thư viện tư liệu');

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

describe('<portal-article-editor>: English translation', () => {
  const translated = (stale: { title?: boolean; body?: boolean } = {}) =>
    article({
      translations: {
        en: {
          title: { value: 'Spring festival', stale: stale.title ?? false },
          body: { value: '<p>Old English body</p>', stale: stale.body ?? false },
        },
      },
    });

  it('flags "Bản tiếng Anh đã cũ" when the server says the English is stale, beside each stale field', async () => {
    const { root } = await mount({ article: translated({ title: true }) });
    const notice = root.querySelector('.translation-stale')!;
    expect(notice.textContent).toContain('Bản tiếng Anh đã cũ');
    expect(notice.textContent).toContain('Phần tiếng Việt (Tiêu đề) đã được sửa sau khi dịch');
    expect(notice.textContent).toContain('lưu bản tiếng Anh sẽ bỏ cờ này');
    expect(root.querySelector('label[for=field-en-title] [data-stale=title]')!.textContent).toBe('đã cũ');
    expect(root.querySelector('[data-stale=body]')).toBeNull();
    expect(root.querySelector<HTMLInputElement>('#field-en-title')!.value).toBe('Spring festival');
    expect(root.querySelector<RichText>('portal-rich-text.body-en')!.html()).toBe('<p>Old English body</p>');

    const fresh = await mount({ article: translated() });
    expect(fresh.root.querySelector('.translation-stale')).toBeNull();

    const english = await mount({ article: translated({ title: true }), lang: 'en' });
    expect(english.root.querySelector('.translation-stale')!.textContent).toContain('English is out of date');
  });

  it('sends no English when only the Vietnamese changed (the flag is not cleared behind the author’s back)', async () => {
    const { editor, api, root } = await mount({ article: translated({ title: true }) });
    root.querySelector<HTMLInputElement>('input[name=title]')!.value = 'Lễ hội mùa xuân 2027';
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).not.toHaveProperty('translations');
  });

  it('saving the changed English sends it and clears the flag', async () => {
    const id = article().id;
    const { editor, api, root } = await mount({
      article: translated({ title: true }),
      handlers: {
        [`PATCH /api/portal/articles/${id}`]: (call) => {
          const en = (call.body as { translations: { en: { title: string } } }).translations.en;
          return article({ revision: 4, translations: { en: { title: { value: en.title, stale: false }, body: { value: '<p>Old English body</p>', stale: false } } } });
        },
      },
    });
    root.querySelector<HTMLInputElement>('#field-en-title')!.value = 'Spring festival 2027';
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect((api.calls.find((c) => c.method === 'PATCH')!.body as { translations: unknown }).translations).toEqual({ en: { title: 'Spring festival 2027' } });
    expect(root.querySelector('.translation-stale')).toBeNull();
    expect(root.querySelector('[data-stale]')).toBeNull();
  });

  it('"still right" sends the stale fields as they are; a typed English body goes too; a server error shows beside the English field', async () => {
    const id = article().id;
    let fail = false;
    const { editor, api, root } = await mount({
      article: translated({ title: true }),
      handlers: {
        [`PATCH /api/portal/articles/${id}`]: () => {
          if (fail) throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /translations/en/title must NOT have more than 500 characters', [{ in: 'body', pointer: '/translations/en/title', message: 'must NOT have more than 500 characters', keyword: 'maxLength' }]);
          return article({ revision: 4 });
        },
      },
    });
    root.querySelector<HTMLInputElement>('input[name=enConfirm]')!.checked = true;
    const englishBody = root.querySelector<RichText>('portal-rich-text.body-en')!;
    englishBody.editor!.commands.setContent('<p>New English body</p>', { emitUpdate: true });
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect((api.calls.find((c) => c.method === 'PATCH')!.body as { translations: unknown }).translations).toEqual({
      en: { title: 'Spring festival', body: '<p>New English body</p>' },
    });

    fail = true;
    root.querySelector<HTMLInputElement>('#field-en-title')!.value = 'x'.repeat(501);
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    const title = root.querySelector<HTMLInputElement>('#field-en-title')!;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${title.getAttribute('aria-describedby')}`)!.textContent).toBe('must NOT have more than 500 characters');
  });
});

describe('<portal-article-editor>: languages configured in cong.config.json', () => {
  const withLao = { 'GET /api/portal/languages': () => ({ items: siteLanguages(LAO) }) };

  it('offers each configured language beside the English, flagged and sent under its code', async () => {
    const id = article().id;
    const { editor, api, root } = await mount({
      article: article({ translations: { lo: { title: { value: 'ບຸນເດືອນຫ້າ', stale: true } } } }),
      handlers: {
        ...withLao,
        [`PATCH /api/portal/articles/${id}`]: () => {
          throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /translations/lo/summary must NOT have more than 2000 characters', [
            { in: 'body', pointer: '/translations/lo/summary', message: 'must NOT have more than 2000 characters', keyword: 'maxLength' },
          ]);
        },
      },
    });
    expect([...root.querySelectorAll('fieldset.translation legend')].map((l) => l.textContent)).toEqual(['Bản tiếng Anh', 'Bản tiếng Lào']);
    const lao = root.querySelector('fieldset[data-lang=lo]')!;
    expect(lao.querySelector('.translation-stale')!.textContent).toContain('Bản tiếng Lào đã cũ');
    expect(root.querySelector('fieldset[data-lang=en] .translation-stale')).toBeNull();
    const title = root.querySelector<HTMLInputElement>('#field-lo-title')!;
    expect([title.value, title.lang]).toEqual(['ບຸນເດືອນຫ້າ', 'lo']);
    expect(root.querySelector('label[for=field-lo-title]')!.textContent).toContain('Tiêu đề (tiếng Lào)');
    expect(lao.querySelector('portal-rich-text.body-lo')).not.toBeNull();

    root.querySelector<HTMLTextAreaElement>('#field-lo-summary')!.value = 'ສະຫຼຸບ';
    root.querySelector<HTMLInputElement>('input[name=loConfirm]')!.checked = true;
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    expect((api.calls.find((c) => c.method === 'PATCH')!.body as { translations: unknown }).translations).toEqual({ lo: { title: 'ບຸນເດືອນຫ້າ', summary: 'ສະຫຼຸບ' } });
    const summary = root.querySelector<HTMLTextAreaElement>('#field-lo-summary')!;
    expect(summary.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${summary.getAttribute('aria-describedby')}`)!.textContent).toBe('must NOT have more than 2000 characters');
  });

  it('names a configured language by its own name when the shell speaks English, and offers English alone without the list', async () => {
    const english = await mount({ lang: 'en', handlers: withLao });
    expect([...english.root.querySelectorAll('fieldset.translation legend')].map((l) => l.textContent)).toEqual(['English version', 'ພາສາລາວ version']);
    const failing = await mount({ handlers: { 'GET /api/portal/languages': () => { throw new ApiError(503, 'CONG_ERR_SERVICE_UNAVAILABLE', 'down'); } } });
    expect([...failing.root.querySelectorAll('fieldset.translation')].map((f) => f.getAttribute('data-lang'))).toEqual(['en']);
    expect(failing.root.querySelector('[role=alert]')).toBeNull();
  });
});

describe('<portal-article-editor>: schedule', () => {
  it('shows the schedule with the status and sets publish/unpublish times through the schedule transition', async () => {
    const { editor, api, root } = await mount({ article: article({ publishAt: '2027-01-02T01:30:00.000Z' }) });
    expect(root.querySelector('.status [data-publish-at]')!.textContent).toContain('Xuất bản lúc');
    const publish = root.querySelector<HTMLInputElement>('input[name=schedulePublishAt]')!;
    const unpublish = root.querySelector<HTMLInputElement>('input[name=scheduleUnpublishAt]')!;
    expect(new Date(publish.value).toISOString()).toBe('2027-01-02T01:30:00.000Z');
    expect(unpublish.value).toBe('');
    unpublish.value = '2027-02-01T17:00';
    root.querySelector<HTMLButtonElement>('button[data-tool=schedule]')!.click();
    await settle(editor);
    const call = api.calls.find((c) => c.path.endsWith('/transitions/schedule'))!;
    expect(call.body).toEqual({ publishAt: '2027-01-02T01:30:00.000Z', unpublishAt: new Date('2027-02-01T17:00').toISOString() });

    publish.value = '';
    root.querySelector<HTMLButtonElement>('button[data-tool=schedule]')!.click();
    await settle(editor);
    expect(api.calls.filter((c) => c.path.endsWith('/transitions/schedule')).at(-1)!.body).toMatchObject({ publishAt: null });
  });

  it('shows "unpublish before publish" beside the unpublish field; a writer cannot move a published article’s dates', async () => {
    const id = article().id;
    const refused = new ApiError(400, 'CONG_ERR_VALIDATION', 'The unpublish time must come after the publish time', [
      { in: 'body', pointer: '/unpublishAt', message: 'must be after publishAt', keyword: 'formatMinimum' },
    ]);
    const { editor, root } = await mount({ handlers: { [`POST /api/portal/articles/${id}/transitions/schedule`]: () => { throw refused; } } });
    root.querySelector<HTMLInputElement>('input[name=schedulePublishAt]')!.value = '2027-03-01T08:00';
    root.querySelector<HTMLInputElement>('input[name=scheduleUnpublishAt]')!.value = '2027-02-01T08:00';
    root.querySelector<HTMLButtonElement>('button[data-tool=schedule]')!.click();
    await settle(editor);
    const unpublish = root.querySelector<HTMLInputElement>('input[name=scheduleUnpublishAt]')!;
    expect(unpublish.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${unpublish.getAttribute('aria-describedby')}`)!.textContent).toBe('must be after publishAt');

    const published = await mount({ article: article({ status: 'published', publishedAt: '2026-11-21T08:00:00Z' }), user: writer });
    expect(published.root.querySelector('.schedule')).toBeNull();
    expect(published.root.querySelector('.status [data-published-at]')!.textContent).toContain('Đã xuất bản lúc');
    const asApprover = await mount({ article: article({ status: 'published', publishedAt: '2026-11-21T08:00:00Z' }), user: approver });
    expect(asApprover.root.querySelector('input[name=schedulePublishAt]')).toBeNull();
    expect(asApprover.root.querySelector('input[name=scheduleUnpublishAt]')).not.toBeNull();
  });
});

describe('<portal-article-editor>: revision diff', () => {
  const diff = {
    from: 2,
    to: 3,
    changes: [
      { field: 'body', before: '<p>Nội dung cũ</p>', after: '<p>Nội dung mới &amp; hay</p>', words: [{ op: 'equal', text: '<p>Nội dung ' }, { op: 'delete', text: 'cũ' }, { op: 'insert', text: 'mới &amp; hay' }, { op: 'equal', text: '</p>' }] },
      { field: 'status', before: 'draft', after: 'in_review' },
      { field: 'translations.en.title', before: 'Spring', after: 'Spring festival', words: [{ op: 'equal', text: 'Spring' }, { op: 'insert', text: ' festival' }] },
    ],
  };

  it('compares the previous and the current revision by default and marks insertions and deletions in words too', async () => {
    const id = article().id;
    const { editor, api, root } = await mount({ handlers: { [`GET /api/portal/articles/${id}/diff`]: () => diff } });
    expect(root.querySelector<HTMLSelectElement>('select[name=compareFrom]')!.value).toBe('2');
    expect(root.querySelector<HTMLSelectElement>('select[name=compareTo]')!.value).toBe('3');
    root.querySelector<HTMLButtonElement>('button[data-tool=compare]')!.click();
    await settle(editor);
    expect(api.calls.find((c) => c.path.endsWith('/diff'))).toMatchObject({ method: 'GET', query: { from: 2, to: 3 } });
    expect(root.querySelector('#diff-heading')!.textContent).toBe('Thay đổi từ phiên bản 2 đến phiên bản 3');

    const body = root.querySelector('.diff-change[data-field=body]')!;
    expect(body.querySelector('h5')!.textContent).toBe('Nội dung');
    expect(body.querySelector('del')!.textContent).toBe('Xóa: cũ (hết phần xóa)');
    expect(body.querySelector('ins')!.textContent).toBe('Thêm: mới & hay (hết phần thêm)');
    expect(body.querySelector('ins .visually-hidden')!.textContent).toBe('Thêm: ');
    expect(body.textContent).not.toContain('<p>');

    const status = root.querySelector('.diff-change[data-field=status]')!;
    expect(status.querySelector('del')!.textContent).toContain('Nháp');
    expect(status.querySelector('ins')!.textContent).toContain('Chờ duyệt');
    expect(root.querySelector('.diff-change[data-field="translations.en.title"] h5')!.textContent).toBe('Tiêu đề (tiếng Anh)');

    root.querySelector<HTMLSelectElement>('select[name=compareFrom]')!.value = '1';
    root.querySelector<HTMLButtonElement>('button[data-tool=compare]')!.click();
    await settle(editor);
    expect(api.calls.filter((c) => c.path.endsWith('/diff')).at(-1)!.query).toEqual({ from: 1, to: 3 });
  });

  it('passes axe with the English fields flagged, the schedule and a diff on screen', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const id = article().id;
    const { editor, root } = await mount({
      article: article({ publishAt: '2027-01-02T01:30:00.000Z', translations: { en: { title: { value: 'Spring', stale: true } } } }),
      handlers: { [`GET /api/portal/articles/${id}/diff`]: () => diff },
    });
    root.querySelector<HTMLButtonElement>('button[data-tool=compare]')!.click();
    await settle(editor);
    const result = await axe.run(editor, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });
});
