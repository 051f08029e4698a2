import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { Call } from '../testing/admin-test-support.js';
import { axeViolations, clickButton, routedApi, routedUploader, settle } from '../testing/admin-test-support.js';
import { answerView, TNMT } from '../testing/qa-fixtures.js';
import type { AnswerView, QuestionStatus } from '../shared/qa-api.js';
import type { DownloadOptions } from '../shared/download-file.js';
import './answer-editor.js';

function mount(api: ApiClient, permissions = ['qa.questions.answer'], questionStatus: QuestionStatus = 'forwarded'): HTMLElementTagNameMap['qa-answer-editor'] {
  const element = document.createElement('qa-answer-editor');
  Object.assign(element, { api, questionId: 'q-1', questionStatus, user: { id: 'chuyen-vien', username: 'chuyen.vien', displayName: null, permissions }, tenant: { id: TNMT.id, slug: TNMT.slug, nameVi: TNMT.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const PATH = '/api/qa/inbox/q-1';

describe('<qa-answer-editor>', () => {
  it('drafts an answer: checked here first, saved with PUT; the server’s refusal beside the field; then sent at once when the unit needs no approval', async () => {
    let current: AnswerView = answerView({ questionId: 'q-1' }, null);
    let put: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /body must have at most 20000 characters', [{ in: 'body', pointer: '/body', message: 'must have at most 20000 characters' }]);
    };
    const api = routedApi({
      [`GET ${PATH}/answer`]: () => current,
      [`PUT ${PATH}/answer`]: (call) => put(call),
      [`POST ${PATH}/answer/send`]: () => (current = answerView({ questionId: 'q-1', questionStatus: 'answered' }, { status: 'sent', sentAt: '2026-11-23T02:00:00.000Z' })),
    });
    const element = mount(api);
    const changes: AnswerView[] = [];
    element.addEventListener('qa-answer-changed', (e) => changes.push((e as CustomEvent<AnswerView>).detail));
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Chưa có dự thảo');
    expect(root.textContent).toContain('Đơn vị không yêu cầu ký duyệt');
    expect(root.textContent).toContain('Lưu dự thảo trước khi đính kèm tệp.');
    // Nothing to send before a draft exists.
    expect([...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Gửi trả lời')).toBe(false);
    expect(await axeViolations(element)).toEqual([]);

    const draft = root.querySelector<HTMLFormElement>('form[aria-label="Nội dung trả lời"]')!;
    draft.requestSubmit();
    await settle(element);
    expect(root.querySelector('#a-body-error')!.textContent).toBe('Không được để trống');
    expect(root.activeElement?.id).toBe('a-body');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);

    root.querySelector<HTMLTextAreaElement>('#a-body')!.value = 'Hồ sơ nộp tại Bộ phận một cửa của Sở.';
    draft.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: `${PATH}/answer`, body: { body: 'Hồ sơ nộp tại Bộ phận một cửa của Sở.' } });
    expect(root.querySelector('#a-body-error')!.textContent).toBe('must have at most 20000 characters');
    expect(root.querySelector('#a-body')!.getAttribute('aria-invalid')).toBe('true');

    put = (call) => (current = answerView({ questionId: 'q-1' }, { body: (call.body as { body: string }).body, revision: 2 }));
    draft.requestSubmit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã lưu phiên bản 2');
    expect(changes).toHaveLength(1);
    clickButton(root, 'Gửi trả lời');
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST' && c.path === `${PATH}/answer/send`)).toBe(true);
    expect(root.textContent).toContain('Đã gửi');
    expect(root.querySelector('#a-body')).toBeNull();
    expect(changes.at(-1)!.answer!.status).toBe('sent');
  });

  it('submits for approval when the unit requires it; a leader approves or sends back with remarks; staff without the permission cannot', async () => {
    let current: AnswerView = answerView({ questionId: 'q-1', requiresApproval: true });
    const api = routedApi({
      [`GET ${PATH}/answer`]: () => current,
      [`POST ${PATH}/answer/submit`]: () => (current = answerView({ questionId: 'q-1', requiresApproval: true }, { status: 'pending', submittedBy: 'chuyen-vien', submittedAt: '2026-11-22T04:00:00.000Z' })),
      [`POST ${PATH}/answer/send-back`]: (call) => (current = answerView({ questionId: 'q-1', requiresApproval: true }, { status: 'draft', remarks: (call.body as { remarks: string }).remarks })),
      [`POST ${PATH}/answer/approve`]: () => (current = answerView({ questionId: 'q-1', requiresApproval: true, questionStatus: 'answered' }, { status: 'sent', sentAt: '2026-11-23T02:00:00.000Z' })),
    });
    const staff = mount(api);
    await settle(staff);
    const root = staff.shadowRoot!;
    expect(root.textContent).toContain('Đơn vị yêu cầu lãnh đạo ký duyệt trước khi gửi.');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Gửi trả lời')).toBe(false);
    clickButton(root, 'Trình ký duyệt');
    await settle(staff);
    expect(root.textContent).toContain('Chờ ký duyệt');
    expect(root.textContent).toContain('Dự thảo đang chờ ký duyệt hoặc đã gửi');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Ký duyệt và gửi')).toBe(false);

    document.body.replaceChildren();
    const leader = mount(api, ['qa.questions.answer', 'qa.answers.approve']);
    await settle(leader);
    const lroot = leader.shadowRoot!;
    expect(await axeViolations(leader)).toEqual([]);
    const sendBack = lroot.querySelector<HTMLFormElement>('form[aria-labelledby=a-send-back-title]')!;
    sendBack.requestSubmit();
    await settle(leader);
    expect(lroot.querySelector('#a-remarks-error')!.textContent).toBe('Hãy nhập ý kiến');
    lroot.querySelector<HTMLTextAreaElement>('#a-remarks')!.value = 'Bổ sung căn cứ pháp lý';
    sendBack.requestSubmit();
    await settle(leader);
    expect(api.calls.find((c) => c.path.endsWith('/send-back'))!.body).toEqual({ remarks: 'Bổ sung căn cứ pháp lý' });
    expect(lroot.textContent).toContain('Ý kiến của lãnh đạo khi trả lại');
    expect(lroot.textContent).toContain('Bổ sung căn cứ pháp lý');

    current = answerView({ questionId: 'q-1', requiresApproval: true }, { status: 'pending', submittedBy: 'chuyen-vien', submittedAt: '2026-11-22T04:00:00.000Z' });
    await leader.load();
    await settle(leader);
    clickButton(lroot, 'Ký duyệt và gửi');
    await settle(leader);
    expect(api.calls.some((c) => c.path.endsWith('/approve'))).toBe(true);
    expect(lroot.querySelector('[role=status]')!.textContent).toBe('Đã ký duyệt và gửi trả lời');
  });

  it('attaches, downloads and removes files of a draft; the server’s refusal of a file beside the chooser', async () => {
    const file = { id: 'f-1', name: 'huong-dan.pdf', contentType: 'application/pdf', size: 20480, author: 'chuyen-vien', at: '2026-11-22T05:00:00.000Z' };
    let current: AnswerView = answerView({ questionId: 'q-1' });
    const api = routedApi({
      [`GET ${PATH}/answer`]: () => current,
      [`DELETE ${PATH}/answer/attachments/f-1`]: () => (current = answerView({ questionId: 'q-1' })),
    });
    let refuse = true;
    const uploader = routedUploader(() => {
      if (refuse) throw new ApiError(415, 'CONG_ERR_UNSUPPORTED_MEDIA_TYPE', 'The file is not one of the allowed types', [{ in: 'body', pointer: '/file', message: 'is not an allowed type' }]);
      return (current = answerView({ questionId: 'q-1' }, { attachments: [file] }));
    });
    const downloads: { path: string; options: DownloadOptions }[] = [];
    const element = mount(api);
    Object.assign(element, { upload: uploader, download: async (path: string, options: DownloadOptions) => void downloads.push({ path, options }) });
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Chưa có tệp nào.');
    const chooser = root.querySelector<HTMLInputElement>('#a-file')!;
    const upload = root.querySelector<HTMLFormElement>('form[aria-label="Tệp đính kèm"]')!;
    upload.requestSubmit();
    await settle(element);
    expect(root.querySelector('#a-file-error')!.textContent).toBe('Hãy chọn một tệp');
    expect(uploader.calls).toHaveLength(0);

    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.7'], 'huong-dan.pdf', { type: 'application/pdf' }));
    chooser.files = transfer.files;
    upload.requestSubmit();
    await settle(element);
    expect(uploader.calls[0]!.path).toBe(`${PATH}/answer/attachments`);
    expect(uploader.calls[0]!.options.tenant).toBe(TNMT.id);
    expect(root.querySelector('#a-file-error')!.textContent).toBe('is not an allowed type');

    refuse = false;
    upload.requestSubmit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã đính kèm huong-dan.pdf');
    expect(root.textContent).toContain('huong-dan.pdf');
    expect(await axeViolations(element)).toEqual([]);
    root.querySelector<HTMLButtonElement>('button[aria-label="Tải về huong-dan.pdf"]')!.click();
    await settle(element);
    expect(downloads).toEqual([{ path: `${PATH}/answer/attachments/f-1`, options: { fileName: 'huong-dan.pdf', tenant: TNMT.id } }]);
    root.querySelector<HTMLButtonElement>('button[aria-label="Bỏ tệp huong-dan.pdf"]')!.click();
    await settle(element);
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(true);
    expect(root.textContent).toContain('Chưa có tệp nào.');
  });

  it('keeps internal notes', async () => {
    let current: AnswerView = answerView({ questionId: 'q-1' }, null);
    const api = routedApi({
      [`GET ${PATH}/answer`]: () => current,
      [`POST ${PATH}/notes`]: (call) => (current = { ...current, notes: [{ id: 'n-1', author: 'chuyen-vien', body: (call.body as { body: string }).body, at: '2026-11-22T06:00:00.000Z' }] }),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Chưa có ghi chú nào.');
    root.querySelector<HTMLTextAreaElement>('#a-note')!.value = 'Hỏi ý kiến phòng Đất đai';
    root.querySelector<HTMLFormElement>('form[aria-label="Ghi chú nội bộ"]')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/notes'))!.body).toEqual({ body: 'Hỏi ý kiến phòng Đất đai' });
    expect(root.textContent).toContain('Hỏi ý kiến phòng Đất đai');
    expect(root.querySelector<HTMLTextAreaElement>('#a-note')!.value).toBe('');
  });
});
