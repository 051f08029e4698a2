import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { launchChromium, seriousViolations } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';
import { signInToShell } from './support/sign-in.js';

// Acceptance of the Q&A plugin (issue 8, acceptance 3): a citizen asks a question on the province's
// site in a browser without JavaScript (and another with it), confirms it by the link in the e-mail
// read from the SMTP server, the editorial board forwards it to the Department of Construction in the
// admin shell, the department's officer drafts the answer and submits it, the department's leader
// approves it (which mails it to the citizen), the board reviews the redaction and publishes it, and
// the answer is then on the public Q&A list, its page and the search. axe finds nothing serious or
// critical on the public form, the status page, the Q&A list and a consultation page. Three different
// accounts do the board's, the officer's and the leader's steps; they share one platform, in order.
const PROVINCE = 'quang-tri';
const AGENCY = 'so-xay-dung';
const AGENCY_NAME = 'Sở Xây dựng';
const BOARD = { username: 'bbt.hoidap', password: 'Ban-bien-tap-2026!', displayName: 'Trần Thị Biên Tập' };
const OFFICER = { username: 'cv.soxaydung', password: 'Chuyen-vien-SXD-2026!', displayName: 'Lê Văn Chuyên Viên' };
const LEADER = { username: 'ld.soxaydung', password: 'Lanh-dao-SXD-2026!', displayName: 'Nguyễn Văn Lãnh Đạo' };
const ASKER = { name: 'Nguyễn Thị Lan', email: 'lan.nguyen@example.vn' };
const TITLE = 'Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ tại phường Đông Hà';
const CONTENT = 'Gia đình tôi muốn xây nhà ba tầng trên thửa đất đã có giấy chứng nhận. Xin hỏi hồ sơ xin giấy phép xây dựng gồm những gì và nộp ở đâu?';
const ANSWER = 'Hồ sơ gồm đơn đề nghị cấp giấy phép xây dựng, bản sao giấy chứng nhận quyền sử dụng đất và hai bộ bản vẽ thiết kế; nộp tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.';
/** The title's words folded, as someone types them without Vietnamese input. */
const FOLDED_QUERY = 'giay phep xay dung nha o rieng le';
const VERIFY_LINK = /https?:\/\/\S+?\/hoi-dap\/xac-nhan\/([A-Za-z0-9_-]{43})/;
const CODE = /HD-\d{4}-[0-9A-Z]{6}/;

let server: E2ePlatform;
let browser: Browser;
let sink: SmtpSink;
let trackingCode = '';
let publicSlug = '';
let consultationSlug = '';
const pageErrors: string[] = [];

/** The first message to `to` whose subject or text matches, waiting for the mail job to deliver it. */
async function mailTo(to: string, match: RegExp, after = 0): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(() => (found = sink.received.slice(after).find((m) => m.to.includes(to) && (match.test(m.subject) || match.test(m.text)))), { timeout: 30_000 })
    .toBeTruthy();
  return found!;
}

/** An anonymous visitor's page on the province's site, with JavaScript or without. */
async function visitor(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled });
  return { context, page: await context.newPage() };
}

const site = (path: string) => `${server.url}/t/${PROVINCE}${path}`;

/**
 * axe on a public page. axe runs as a script in the page, so it runs in a context with JavaScript:
 * the pages are the same server-rendered HTML either way (they carry no script).
 */
async function axe(path: string, fill?: (page: Page) => Promise<void>): Promise<string[]> {
  const { context, page } = await visitor(true);
  try {
    const response = await page.goto(site(path));
    expect(response?.status(), path).toBe(200);
    if (fill) await fill(page);
    return await seriousViolations(page);
  } finally {
    await context.close();
  }
}

/** Asks the question on the form page as a person does, waiting the form's minimum fill time; returns the asker's e-mail. */
async function ask(page: Page, email: string, title: string): Promise<void> {
  const response = await page.goto(site('/hoi-dap/gui-cau-hoi'));
  expect(response?.status()).toBe(200);
  await page.getByLabel('Họ và tên *').fill(ASKER.name);
  await page.getByLabel('E-mail *').fill(email);
  await page.getByLabel('Lĩnh vực *').selectOption({ label: 'Xây dựng (Construction)' });
  await page.getByLabel('Tiêu đề *').fill(title);
  await page.getByLabel('Nội dung câu hỏi *').fill(CONTENT);
  await page.getByLabel(/Tôi đồng ý để cơ quan nhà nước xử lý/).check();
  await page.getByLabel(/Tôi đồng ý công khai câu hỏi/).check();
  await page.waitForTimeout(1_200); // the form's minimum fill time (1 s here): a person takes longer
  await page.getByRole('button', { name: 'Gửi câu hỏi / Send' }).click();
  await page.getByText('kiểm tra e-mail', { exact: false }).first().waitFor();
}

/** Opens the verification link of the mail on the test server (the mail names the site's https host) and confirms. */
async function confirmByMail(page: Page, mail: ReceivedMail): Promise<string> {
  const link = VERIFY_LINK.exec(mail.text);
  expect(link, mail.text).not.toBeNull();
  expect(new URL(link![0]).pathname).toBe(`/hoi-dap/xac-nhan/${link![1]}`);
  await page.goto(site(`/hoi-dap/xac-nhan/${link![1]}`));
  // A GET verifies nothing (mail scanners open links): the page has a button.
  await page.getByRole('button', { name: 'Xác nhận / Confirm' }).click();
  const code = CODE.exec((await page.locator('.code').textContent()) ?? '');
  expect(code).not.toBeNull();
  return code![0];
}

/** Signs in and opens a Q&A page of the admin shell in `unit`; returns the page's element. */
async function qaAdmin(account: { username: string; password: string }, route: string, unit: string, element: string): Promise<{ context: BrowserContext; page: Page; root: Locator }> {
  const { context, page } = await signInToShell(browser, server.url, account.username, account.password, pageErrors);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(`${server.url}/admin${route}?tenant=${unit}`);
  const root = page.locator(element);
  await root.getByRole('heading', { level: 1 }).first().waitFor().catch(async (error: unknown) => {
    throw new Error(`${String(error)}\nconsole: ${consoleErrors.join('\n')}`);
  });
  return { context, page, root };
}

beforeAll(async () => {
  sink = new SmtpSink();
  await sink.listen();
  server = await startE2ePlatform({
    qa: { config: { questions: { minFillSeconds: 1 }, consultations: { minFillSeconds: 1 } } },
    smtp: { host: '127.0.0.1', port: sink.port, from: 'Cổng thông tin tỉnh Quảng Trị <hoidap@quangtri.gov.vn>' },
  });
  expect(server.platform.report().plugins.find((p) => p.id === 'qa')?.state).toBe('started');

  // Three people, three accounts, each with only what their step needs (roles the province defines).
  const roles: [string, string, string[]][] = [
    ['ban-bien-tap-hoi-dap', 'Ban biên tập hỏi đáp', ['qa.questions.triage', 'qa.answers.publish']],
    ['soan-tra-loi', 'Soạn trả lời câu hỏi', ['qa.questions.answer']],
    ['ky-duyet-tra-loi', 'Ký duyệt trả lời', ['qa.questions.answer', 'qa.answers.approve']],
  ];
  for (const [id, vi, permissions] of roles) {
    const role = await server.api('PUT', `/api/core/roles/${id}`, { label: { vi, en: vi }, permissions });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
  }
  for (const [account, unit, role] of [
    [BOARD, PROVINCE, 'ban-bien-tap-hoi-dap'],
    [OFFICER, AGENCY, 'soan-tra-loi'],
    [LEADER, AGENCY, 'ky-duyet-tra-loi'],
  ] as const) {
    const created = await server.api('POST', '/api/core/users', account, unit);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const grant = await server.api('POST', '/api/core/grants', { userId: created.body.id, roleId: role }, unit);
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);
  }

  // An open consultation on a draft, for the accessibility check of its page.
  const day = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
  const consultation = await server.api(
    'POST',
    '/api/qa/consultations',
    {
      title: 'Dự thảo Quyết định ban hành Quy định quản lý chợ trên địa bàn tỉnh Quảng Trị',
      documentType: 'qd-ubnd',
      summary: 'Quy định về phân hạng chợ, ban quản lý chợ và trách nhiệm của các cơ quan.',
      opensOn: day(0),
      closesOn: day(10),
      contact: { address: 'Số 204 Hùng Vương, phường Đông Hà', email: 'phongqlthuongmai@quangtri.gov.vn', phone: '0233 3852 222' },
      text: ['QUYẾT ĐỊNH', 'Chương I', 'NHỮNG QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh', 'Quy định này quy định về quản lý chợ trên địa bàn tỉnh.', 'Điều 2. Đối tượng áp dụng', 'Tổ chức, cá nhân kinh doanh tại chợ.'].join('\n'),
    },
    'so-cong-thuong',
  );
  expect(consultation.status, JSON.stringify(consultation.body)).toBe(201);
  consultationSlug = consultation.body.slug;
  expect((await server.api('POST', `/api/qa/consultations/${consultation.body.id}/announce`, undefined, 'so-cong-thuong')).status).toBe(200);

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

describe('Q&A: from the citizen’s question to the published answer', () => {
  it('a citizen asks without JavaScript, confirms by the e-mailed link, and tracks the question; the form is accessible', async () => {
    expect(await axe('/hoi-dap/gui-cau-hoi'), 'the question form').toEqual([]);
    const { context, page } = await visitor(false);
    const before = sink.received.length;
    await ask(page, ASKER.email, TITLE);
    const mail = await mailTo(ASKER.email, /xac-nhan/, before);
    trackingCode = await confirmByMail(page, mail);
    // A second mail carries the tracking code.
    await mailTo(ASKER.email, new RegExp(trackingCode), before);

    await page.goto(site('/hoi-dap/tra-cuu'));
    await page.getByLabel('Mã theo dõi').fill(trackingCode);
    await page.getByLabel('E-mail đã dùng khi gửi').fill(ASKER.email);
    await page.getByRole('button', { name: 'Tra cứu / Track' }).click();
    await expect.poll(() => page.textContent('main')).toContain(TITLE);
    await context.close();
    const status = async (p: Page) => {
      await p.getByLabel('Mã theo dõi').fill(trackingCode);
      await p.getByLabel('E-mail đã dùng khi gửi').fill(ASKER.email);
      await p.getByRole('button', { name: 'Tra cứu / Track' }).click();
      await expect.poll(() => p.textContent('main')).toContain(TITLE);
    };
    expect(await axe('/hoi-dap/tra-cuu', status), 'the status page').toEqual([]);
  });

  it('a citizen asks with JavaScript on the same form and confirms the same way', async () => {
    const { context, page } = await visitor(true);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const before = sink.received.length;
    const email = 'binh.tran@example.vn';
    await ask(page, email, 'Hỏi về thời hạn cấp giấy phép xây dựng nhà ở nông thôn');
    const code = await confirmByMail(page, await mailTo(email, /xac-nhan/, before));
    expect(code).not.toBe(trackingCode);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the editorial board forwards the question to the Department of Construction', async () => {
    const { context, root } = await qaAdmin(BOARD, '/qa/tiep-nhan', PROVINCE, 'qa-board-queue');
    await root.getByRole('button', { name: `Xem câu hỏi “${TITLE}”` }).click();
    await root.getByRole('heading', { level: 2, name: new RegExp(TITLE) }).waitFor();
    await root.getByLabel('Cơ quan', { exact: true }).selectOption({ label: AGENCY_NAME });
    await root.getByLabel('Ghi chú cho cơ quan (không bắt buộc)').fill('Đề nghị Sở trả lời theo quy định.');
    await root.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await root.getByText(`Đã chuyển đến ${AGENCY_NAME}`).waitFor();
    await context.close();
  });

  it('the department’s officer drafts the answer and submits it for approval', async () => {
    const { context, root } = await qaAdmin(OFFICER, '/qa/cau-hoi-duoc-chuyen', AGENCY, 'qa-agency-inbox');
    await root.getByRole('button', { name: `Xem câu hỏi “${TITLE}”` }).click();
    const editor = root.locator('qa-answer-editor');
    await editor.locator('#a-body').fill(ANSWER);
    await editor.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await editor.getByText('Đã lưu phiên bản 1').waitFor();
    // The unit requires the leader's approval (the default): the officer cannot send it directly.
    expect(await editor.getByRole('button', { name: 'Gửi trả lời' }).count()).toBe(0);
    await editor.getByRole('button', { name: 'Trình ký duyệt' }).click();
    await editor.getByText('Đã trình lãnh đạo ký duyệt').waitFor();
    await context.close();
  });

  it('the department’s leader approves it, and the citizen receives the answer by e-mail', async () => {
    const before = sink.received.length;
    const { context, root } = await qaAdmin(LEADER, '/qa/cau-hoi-duoc-chuyen', AGENCY, 'qa-agency-inbox');
    await root.getByRole('button', { name: `Xem câu hỏi “${TITLE}”` }).click();
    const editor = root.locator('qa-answer-editor');
    await editor.getByRole('button', { name: 'Ký duyệt và gửi' }).click();
    await editor.getByText('Đã ký duyệt và gửi trả lời').waitFor();
    await context.close();
    const mail = await mailTo(ASKER.email, new RegExp(trackingCode), before);
    expect(mail.text).toContain('Trung tâm Phục vụ hành chính công tỉnh');
  });

  it('the board reviews the redaction and publishes the question and answer', async () => {
    const { context, root } = await qaAdmin(BOARD, '/qa/tiep-nhan', PROVINCE, 'qa-board-queue');
    await root.getByRole('button', { name: `Xem câu hỏi “${TITLE}”` }).click();
    const review = root.locator('qa-publication-review');
    // The proposal masks the asker's name wherever it appears; the board reads it and saves it.
    await review.getByRole('button', { name: 'Lưu bản công khai' }).click();
    await review.getByText('Đã lưu bản công khai').waitFor();
    await review.getByRole('button', { name: 'Công khai', exact: true }).click();
    await review.getByText('Đang công khai').waitFor();
    const address = (await review.locator('code', { hasText: '/hoi-dap/' }).textContent()) ?? '';
    const slug = /^\/hoi-dap\/([a-z0-9-]+)$/.exec(address.trim());
    expect(slug, address).not.toBeNull();
    publicSlug = slug![1]!;
    await context.close();
  });

  it('the answer is in the public Q&A, on its page and in the search (asked without diacritics), without JavaScript', async () => {
    const { context, page } = await visitor(false);
    const list = await page.goto(site('/hoi-dap'));
    expect(list?.status()).toBe(200);
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(await axe('/hoi-dap'), 'the Q&A list').toEqual([]);

    await page.getByLabel('Tìm trong câu hỏi và câu trả lời').fill(FOLDED_QUERY);
    await page.getByRole('button', { name: 'Tìm / Search' }).click();
    await page.waitForURL(/[?&]q=/);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/hoi-dap/${publicSlug}$`));
    const article = (await page.textContent('main')) ?? '';
    expect(article).toContain(ANSWER);
    expect(article).toContain(AGENCY_NAME);
    expect(article).not.toContain(ASKER.email);
    // Tracking shows the answer too.
    await page.goto(site('/hoi-dap/tra-cuu'));
    await page.getByLabel('Mã theo dõi').fill(trackingCode);
    await page.getByLabel('E-mail đã dùng khi gửi').fill(ASKER.email);
    await page.getByRole('button', { name: 'Tra cứu / Track' }).click();
    await expect.poll(() => page.textContent('main')).toContain(ANSWER);
    await context.close();
  });

  it('the consultation page is accessible', async () => {
    expect(await axe(`/gop-y-du-thao/${consultationSlug}`), 'the consultation page').toEqual([]);
  });

  it('no page of the admin shell threw', () => {
    expect(pageErrors).toEqual([]);
  });
});
