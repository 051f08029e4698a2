import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { IssueDetail } from '../shared/gazette-api.js';
import { axeViolations, clickButton, routedApi, settle } from '../testing/admin-test-support.js';
import { page, PROVINCE } from '../testing/gazette-fixtures.js';
import { entry, issueDetail, issueSummary, publishedIssue, ready } from '../testing/publication-fixtures.js';
import { proposedNumbers, tocGroups } from './issues-page.element.js';
import './issues-page.js';

function mount(api: ApiClient, permissions = ['gazette.compose']): HTMLElementTagNameMap['gazette-issues'] {
  const element = document.createElement('gazette-issues');
  Object.assign(element, { api, user: { id: 'bien-tap', username: 'bien.tap', displayName: null, permissions }, tenant: { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const decision = entry({ numberSymbol: '41/2026/QĐ-UBND' });
const directive = entry({ numberSymbol: '05/CT-UBND', section: 'VĂN BẢN KHÁC', documentType: 'chi-thi', documentTypeName: { vi: 'Chỉ thị', en: 'Directive' }, signedOn: '2026-11-15' });
const land = ready({ numberSymbol: '12/2026/NQ-HĐND' });

async function openDetail(issue: IssueDetail, routes: Record<string, (call: { body?: unknown }) => unknown>, permissions = ['gazette.compose']) {
  const api = routedApi({
    'GET /api/gazette/issues': () => page([issueSummary({ id: issue.id, status: issue.status, numberFrom: issue.numberFrom })]),
    [`GET /api/gazette/issues/${issue.id}`]: () => issue,
    'GET /api/gazette/issues/ready': () => ({ items: [land] }),
    ...routes,
  });
  const element = mount(api, permissions);
  await settle(element);
  if (permissions.includes('gazette.compose')) clickButton(element.shadowRoot!, 'Mở');
  await settle(element);
  return { api, element, root: element.shadowRoot! };
}

describe('<gazette-issues>', () => {
  it('lists the issues with number, date, status and counts, and filters by year and status', async () => {
    const api = routedApi({
      'GET /api/gazette/issues': (call) =>
        (call as { query?: { status?: string } }).query?.status === 'published'
          ? page([])
          : page([issueSummary({ numberFrom: 13, numberTo: 14, status: 'draft', entryCount: 2 }), issueSummary({ numberFrom: 12, status: 'published', entryCount: 5, pageCount: 36 })]),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('strong')!.textContent)).toEqual(['Từ số 13 đến số 14/2026', 'Số 12/2026']);
    expect(rows[0]!.textContent).toContain('Bản nháp');
    expect(rows[1]!.textContent).toContain('Đã phát hành');
    expect(rows[1]!.textContent).toContain('36');
    expect(await axeViolations(element)).toEqual([]);
    root.querySelector<HTMLInputElement>('#i-year')!.value = '2026';
    root.querySelector<HTMLSelectElement>('#i-status')!.value = 'published';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/gazette/issues', query: { year: '2026', status: 'published', limit: 20, offset: 0 } });
    expect(root.textContent).toContain('Chưa có số Công báo nào.');
  });

  it('says what is missing without the compose permission', async () => {
    const element = mount(routedApi({}), ['gazette.receive']);
    await settle(element);
    expect(element.shadowRoot!.textContent).toContain('Bạn cần quyền “Biên tập số Công báo”');
  });

  it('proposes the next number of the year, creates the draft, and shows a refused field beside it', async () => {
    const created = issueDetail({ numberFrom: 16, numberTo: 17, publicationDate: '2026-12-05' });
    let refuse = true;
    const api = routedApi({
      'GET /api/gazette/issues': (call) => ((call as { query?: { limit?: number } }).query?.limit === 1 ? page([issueSummary({ numberFrom: 14, numberTo: 15 })]) : page([])),
      'POST /api/gazette/issues': () => {
        if (refuse) {
          refuse = false;
          throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body/publicationDate must match format "date"', [{ in: 'body', pointer: '/publicationDate', message: 'must match format "date"' }]);
        }
        return created;
      },
      'GET /api/gazette/issues/ready': () => ({ items: [] }),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Chưa có số Công báo nào.');
    clickButton(root, 'Tạo số mới');
    await settle(element);
    expect(root.activeElement?.textContent).toBe('Tạo số Công báo (bản nháp)');
    const form = root.querySelector<HTMLFormElement>('form')!;
    root.querySelector<HTMLInputElement>('#issue-date')!.value = '2026-12-05';
    root.querySelector<HTMLInputElement>('#issue-count')!.value = '2';
    form.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/gazette/issues', query: { year: 2026, limit: 1, offset: 0 } });
    expect(root.querySelector('[role=status].note')!.textContent).toBe('Số dự kiến: từ số 16 đến số 17');

    form.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'POST', path: '/api/gazette/issues', body: { publicationDate: '2026-12-05', numberCount: 2 } });
    const date = root.querySelector<HTMLInputElement>('#issue-date')!;
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#issue-date-error')!.textContent).toBe('must match format "date"');
    expect(date.getAttribute('aria-describedby')).toContain('issue-date-error');

    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('h2')!.textContent).toContain('Từ số 16 đến số 17/2026');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã tạo Từ số 16 đến số 17/2026');
  });

  it('adds a ready document with its section, reorders and removes documents, and shows the table of contents', async () => {
    const issue = issueDetail({ entries: [decision, directive] });
    const withLand = issueDetail({ ...issue, entries: [decision, directive, entry({ submissionId: land.submissionId, numberSymbol: land.numberSymbol, section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT' })] });
    const reordered = issueDetail({ ...issue, entries: [directive, decision] });
    const { api, element, root } = await openDetail(issue, {
      [`POST /api/gazette/issues/${issue.id}/entries`]: () => withLand,
      [`PUT /api/gazette/issues/${issue.id}/entries`]: () => reordered,
      [`DELETE /api/gazette/issues/${issue.id}/entries/${directive.submissionId}`]: () => issueDetail({ ...issue, entries: [decision] }),
    });
    expect(root.querySelector('h2')!.textContent).toContain('Số 12/2026');
    const rows = [...root.querySelectorAll('table.entries tbody tr')];
    expect(rows.map((r) => r.querySelector('strong')!.textContent)).toEqual(['41/2026/QĐ-UBND', '05/CT-UBND']);
    // The table of contents: section headings, agency, date dd-mm-yyyy, type, number, page (GAZ-20).
    const toc = root.querySelector('section.toc')!;
    expect([...toc.querySelectorAll('th[scope=rowgroup]')].map((h) => h.textContent)).toEqual(['VĂN BẢN QUY PHẠM PHÁP LUẬT', 'VĂN BẢN KHÁC']);
    expect(toc.textContent).toContain('15-11-2026');
    expect(toc.textContent).toContain('Số trang được tính khi phát hành.');
    expect(root.textContent).toContain('Tệp PDF có sau khi số được phát hành và ký số.');
    expect(await axeViolations(element)).toEqual([]);

    root.querySelector<HTMLSelectElement>('#entry-document')!.value = land.submissionId;
    root.querySelector<HTMLSelectElement>('#entry-section')!.value = 'VĂN BẢN QUY PHẠM PHÁP LUẬT';
    root.querySelector<HTMLFormElement>('form[aria-labelledby=issue-add]')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: `/api/gazette/issues/${issue.id}/entries`, body: { submissionId: land.submissionId, section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT' } });
    expect(root.querySelectorAll('table.entries tbody tr')).toHaveLength(3);

    root.querySelector<HTMLButtonElement>('button[aria-label="Chuyển 41/2026/QĐ-UBND xuống dưới"]')!.click();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({
      method: 'PUT',
      path: `/api/gazette/issues/${issue.id}/entries`,
      body: { entries: [{ submissionId: directive.submissionId, section: 'VĂN BẢN KHÁC' }, { submissionId: decision.submissionId, section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT' }, { submissionId: land.submissionId, section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT' }] },
    });
    expect([...root.querySelectorAll('table.entries tbody tr strong')].map((s) => s.textContent)).toEqual(['05/CT-UBND', '41/2026/QĐ-UBND']);
    // The keyboard stays on the moved document.
    expect(root.activeElement?.getAttribute('aria-label')).toBe('Chuyển 41/2026/QĐ-UBND lên trên');

    root.querySelector<HTMLButtonElement>('button[aria-label="Bỏ 05/CT-UBND khỏi số"]')!.click();
    await settle(element);
    expect(api.calls.at(-2)).toEqual({ method: 'DELETE', path: `/api/gazette/issues/${issue.id}/entries/${directive.submissionId}` });
    expect([...root.querySelectorAll('table.entries tbody tr strong')].map((s) => s.textContent)).toEqual(['41/2026/QĐ-UBND']);
  });

  it('reorders by drag and drop: the dragged row lands where it is dropped', async () => {
    const third = entry({ submissionId: land.submissionId, numberSymbol: land.numberSymbol, section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT' });
    const issue = issueDetail({ entries: [decision, directive, third] });
    const { api, element, root } = await openDetail(issue, {
      [`PUT /api/gazette/issues/${issue.id}/entries`]: () => issueDetail({ ...issue, entries: [third, decision, directive] }),
    });
    expect(root.textContent).toContain('Kéo thả một dòng để đổi thứ tự');
    const rows = [...root.querySelectorAll<HTMLTableRowElement>('table.entries tbody tr')];
    expect(rows.map((r) => r.getAttribute('draggable'))).toEqual(['true', 'true', 'true']);
    const transfer = new DataTransfer();
    rows[2]!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true }));
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
    rows[0]!.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(rows[0]!.classList.contains('drop-target')).toBe(true);
    rows[0]!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({
      method: 'PUT',
      path: `/api/gazette/issues/${issue.id}/entries`,
      body: { entries: [third, decision, directive].map((e) => ({ submissionId: e.submissionId, section: e.section })) },
    });
    expect([...root.querySelectorAll('table.entries tbody tr strong')].map((s) => s.textContent)).toEqual([land.numberSymbol, '41/2026/QĐ-UBND', '05/CT-UBND']);
    expect(root.querySelector('tr.drop-target')).toBeNull();
  });

  it('shows a refused document beside the document field', async () => {
    const issue = issueDetail({ entries: [] });
    const { element, root } = await openDetail(issue, {
      [`POST /api/gazette/issues/${issue.id}/entries`]: () => {
        throw new ApiError(409, 'GAZETTE_ERR_ENTRY_NOT_READY', 'Submission 12/2026/NQ-HĐND cannot go into an issue: it is returned (a new comparison round is open)');
      },
    });
    expect(root.textContent).toContain('Số này chưa có văn bản nào.');
    const form = root.querySelector<HTMLFormElement>('form[aria-labelledby=issue-add]')!;
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('#entry-document-error')!.textContent).toBe('Hãy chọn văn bản');
    root.querySelector<HTMLSelectElement>('#entry-document')!.value = land.submissionId;
    form.requestSubmit();
    await settle(element);
    const select = root.querySelector<HTMLSelectElement>('#entry-document')!;
    expect(root.querySelector('#entry-document-error')!.textContent).toContain('cannot go into an issue');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement).toBe(select);
  });

  it('publishes only after a confirmation that says it cannot be undone, then shows the result', async () => {
    const issue = issueDetail({ entries: [decision] });
    const rendering = issueDetail({ ...issue, status: 'rendering' });
    const done = publishedIssue({ id: issue.id, entries: [{ ...decision, firstPage: 3, lastPage: 10 }] });
    let current: IssueDetail = issue;
    const { api, element, root } = await openDetail(issue, {
      [`GET /api/gazette/issues/${issue.id}`]: () => current,
      [`POST /api/gazette/issues/${issue.id}/publish`]: () => rendering,
    }, ['gazette.compose', 'gazette.publish']);
    clickButton(root, 'Phát hành số này');
    await settle(element);
    expect(root.querySelector('#publish-warning')!.textContent).toContain('không thể hoàn tác');
    const confirm = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Xác nhận phát hành')!;
    expect(confirm.disabled).toBe(true);
    expect(root.activeElement?.getAttribute('name')).toBe('acknowledge');
    const acknowledge = root.querySelector<HTMLInputElement>('input[name=acknowledge]')!;
    acknowledge.click();
    await settle(element);
    expect(confirm.disabled).toBe(false);
    expect(await axeViolations(element)).toEqual([]);
    confirm.click();
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'POST', path: `/api/gazette/issues/${issue.id}/publish`, body: undefined });
    expect(root.textContent).toContain('Đang dàn trang và ký số.');
    current = done;
    clickButton(root, 'Cập nhật trạng thái');
    await settle(element);
    const result = root.querySelector('section[aria-labelledby=issue-result]')!;
    expect(result.textContent).toContain('ab'.repeat(32));
    expect(result.textContent).toContain('Văn phòng UBND tỉnh Quảng Trị');
    expect(result.textContent).toContain('CN=Ban Cơ yếu Chính phủ');
    expect(result.textContent).toContain('01/12/2026');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('section[aria-labelledby=issue-pdf] a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`/api/gazette/issues/${issue.id}/pdf`, `/api/gazette/issues/${issue.id}/pdf`]);
    expect(links[1]!.getAttribute('download')).toBe('cong-bao-2026-12.pdf');
    // Published: nothing to move, remove, add or delete; the table of contents has pages.
    expect(root.querySelector('form[aria-labelledby=issue-add]')).toBeNull();
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Xóa số nháp' || b.textContent === 'Lên')).toBe(false);
    expect(root.querySelector('section.toc tbody tr:last-child td:last-child')!.textContent).toBe('3');
  });

  it('lets a publisher open an issue by its link, and shows why a publication is refused (no signer) beside the button', async () => {
    const issue = issueDetail({ entries: [decision] });
    const api = routedApi({
      [`GET /api/gazette/issues/${issue.id}`]: () => issue,
      [`POST /api/gazette/issues/${issue.id}/publish`]: () => {
        throw new ApiError(409, 'GAZETTE_ERR_UNSIGNED_REFUSED', 'No signer is configured (signing.mode is none), and unsigned issues are not allowed (publication.allowUnsigned is false)');
      },
    });
    history.pushState(null, '', `/admin/gazette/so-cong-bao/${issue.id}`);
    try {
      const element = mount(api, ['gazette.publish']);
      await settle(element);
      const root = element.shadowRoot!;
      expect(root.querySelector('h2')!.textContent).toContain('Số 12/2026');
      // No list without compose, and nothing to compose.
      expect(api.calls.map((c) => c.path)).toEqual([`/api/gazette/issues/${issue.id}`]);
      expect(root.querySelector('form[aria-labelledby=issue-add]')).toBeNull();
      clickButton(root, 'Phát hành số này');
      await settle(element);
      root.querySelector<HTMLInputElement>('input[name=acknowledge]')!.click();
      await settle(element);
      clickButton(root, 'Xác nhận phát hành');
      await settle(element);
      const alert = root.querySelector('section[aria-labelledby=issue-publish] [role=alert]')!;
      expect(alert.textContent).toContain('No signer is configured');
      expect(root.querySelector('h2')!.textContent).toContain('Bản nháp');
    } finally {
      history.pushState(null, '', '/');
    }
  });

  it('deletes a draft after confirmation and goes back to the list', async () => {
    const issue = issueDetail({ entries: [] });
    const { api, element, root } = await openDetail(issue, { [`DELETE /api/gazette/issues/${issue.id}`]: () => undefined });
    clickButton(root, 'Xóa số nháp');
    await settle(element);
    expect(root.activeElement?.textContent).toBe('Xác nhận xóa');
    clickButton(root, 'Xác nhận xóa');
    await settle(element);
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path === `/api/gazette/issues/${issue.id}`)).toBe(true);
    expect(root.querySelector('form[role=search]')).not.toBeNull();
  });
});

describe('issue helpers', () => {
  it('proposes the numbers after the year\'s highest and groups the contents by section', () => {
    expect(proposedNumbers(0, 1)).toEqual({ from: 1, to: 1 });
    expect(proposedNumbers(15, 2)).toEqual({ from: 16, to: 17 });
    expect(tocGroups([decision, entry({ section: decision.section }), directive]).map((g) => [g.section, g.entries.length])).toEqual([['VĂN BẢN QUY PHẠM PHÁP LUẬT', 2], ['VĂN BẢN KHÁC', 1]]);
  });
});
