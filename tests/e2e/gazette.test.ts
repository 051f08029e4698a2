import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { gazetteDocumentLayout, makeDocx, makeTextPdf } from '../../plugins/gazette/test/fixtures/gazette-documents.js';
import { testPki } from '../../plugins/gazette/test/fixtures/test-certificate.js';
import { launchChromium, seriousViolations } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';
import { signInToShell } from './support/sign-in.js';

// Acceptance of the gazette (issue 7, acceptance 3): an issuing unit's clerk enters a decision, attaches
// the signed original (PDF) and the electronic copy (DOCX) and sends it; the gazette office (the
// province) registers it, compares both copies and passes it, composes an issue with it and publishes
// it, which lays the issue out in Chromium and signs it with the test PKI. Anonymously, the public issue
// page then lists the decision with the signed PDF and its SHA-256, the PDF downloads and its signature
// verifies on the verification page, the search finds the decision asked without diacritics, and axe
// finds nothing serious on the public pages. Every step goes through the pages, as people would; the
// steps share one platform and run in order.
const OFFICE = 'quang-tri';
const ISSUER_UNIT = 'van-phong-ubnd';
const ISSUER = { username: 'vanthu.vpubnd', password: 'Van-thu-VP-UBND-2026!', displayName: 'Lê Thị Văn Thư' };
const NUMBER_SYMBOL = '41/2026/QĐ-UBND';
const SUMMARY = 'Ban hành quy định về quản lý, vận hành và khai thác Cổng thông tin điện tử tỉnh Quảng Trị';
const ELI_PATH = '/eli/quyet-dinh/2026/41-2026-qd-ubnd';
/** The summary's words, folded as someone types them on a keyboard without Vietnamese input. */
const FOLDED_QUERY = 'quan ly van hanh cong thong tin';
const ORGANISATION = 'Văn phòng Ủy ban nhân dân tỉnh Quảng Trị';
/** Where the gazette plugin reads the certificate's passphrase (a `CONG_TEST_*` name: not platform configuration). */
const PASSPHRASE_ENV = 'CONG_TEST_GAZETTE_P12_PASSPHRASE';

let server: E2ePlatform;
let browser: Browser;
let keysDir: string;
let originalPdf: Uint8Array;
let electronicDocx: Uint8Array;
let submissionId: string;
/** What the office saw after publication: the hash it must find on the public pages. */
let publishedSha256: string;
let issuePath: string;
let pdfBytes: Buffer;
const pageErrors: string[] = [];

const signIn = (username: string, password: string) => signInToShell(browser, server.url, username, password, pageErrors);
const nav = (page: Page) => page.getByRole('navigation', { name: 'Danh mục chính' });

/** Switches the shell to `slug` with its unit switcher, searching with `query` as a person types it. */
async function switchUnit(page: Page, query: string, slug: string, name: string): Promise<void> {
  await page.getByRole('button', { name: /Đơn vị:/ }).click();
  await page.getByLabel('Tìm đơn vị').fill(query);
  await page.getByLabel('Tìm đơn vị').press('Enter');
  await page.waitForURL(new RegExp(`[?&]tenant=${slug}(&|$)`));
  await expect.poll(() => page.getByRole('button', { name: /Đơn vị:/ }).textContent()).toContain(name);
}

/** Opens a gazette page from the navigation and returns its element once its heading shows. */
async function openGazettePage(page: Page, link: string, element: string): Promise<Locator> {
  await nav(page).getByRole('link', { name: link, exact: true }).click();
  const root = page.locator(element);
  await root.getByRole('heading', { level: 1, name: link }).waitFor();
  return root;
}

/** A public page of the office's gazette, opened anonymously. */
async function publicPage(path: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  const response = await page.goto(`${server.url}/t/${OFFICE}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

beforeAll(async () => {
  // The office's organisational certificate (a PKCS#12 file and the passphrase in the environment, as in
  // production) and the test root the verification page trusts.
  const pki = testPki();
  keysDir = mkdtempSync(join(tmpdir(), 'cong-e2e-gazette-'));
  const p12File = join(keysDir, 'vp-ubnd-quang-tri.p12');
  const rootFile = join(keysDir, 'test-root.pem');
  writeFileSync(p12File, pki.organisation.p12, { mode: 0o600 });
  writeFileSync(rootFile, pki.rootPem);
  process.env[PASSPHRASE_ENV] = pki.organisation.passphrase;
  server = await startE2ePlatform({ gazette: { p12File, passphraseEnv: PASSPHRASE_ENV, trustedRootFiles: [rootFile] } });
  expect(server.platform.report().plugins.find((p) => p.id === 'gazette')?.state).toBe('started');

  // The decision as the province lays such documents out (header and closing in two columns): the
  // signed original as a PDF with a text layer, the electronic copy as a DOCX with the same words.
  [originalPdf, electronicDocx] = await Promise.all([makeTextPdf(gazetteDocumentLayout()), makeDocx(gazetteDocumentLayout())]);

  // The issuing unit's clerk: an account of the Văn phòng UBND tỉnh allowed only to send documents for
  // publication (a role the province defines), another person than the office's staff.
  const role = await server.api('PUT', '/api/core/roles/gui-dang-cong-bao', { label: { vi: 'Gửi văn bản đăng Công báo', en: 'Gazette submitter' }, permissions: ['gazette.submit'] });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const created = await server.api('POST', '/api/core/users', ISSUER, ISSUER_UNIT);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const grant = await server.api('POST', '/api/core/grants', { userId: created.body.id, roleId: 'gui-dang-cong-bao' }, ISSUER_UNIT);
  expect(grant.status, JSON.stringify(grant.body)).toBe(201);

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  delete process.env[PASSPHRASE_ENV];
  if (keysDir) rmSync(keysDir, { recursive: true, force: true });
});

describe('gazette: from the issuing unit to the public gazette', () => {
  it('the issuing unit enters the decision, uploads the signed original and the electronic copy, and sends it', async () => {
    const { context, page } = await signIn(ISSUER.username, ISSUER.password);
    await switchUnit(page, 'van phong uy ban', ISSUER_UNIT, 'Văn phòng Ủy ban nhân dân tỉnh');
    // Its account sends documents; the office's pages are not offered to it.
    await nav(page).getByRole('link', { name: 'Văn bản gửi đăng Công báo', exact: true }).waitFor();
    expect(await nav(page).getByRole('link', { name: 'Sổ tiếp nhận', exact: true }).count()).toBe(0);
    expect(await nav(page).getByRole('link', { name: 'Số Công báo', exact: true }).count()).toBe(0);

    const submissions = await openGazettePage(page, 'Văn bản gửi đăng Công báo', 'gazette-submissions');
    await submissions.getByRole('button', { name: 'Nhập văn bản mới' }).click();
    await submissions.getByRole('heading', { name: 'Nhập văn bản gửi đăng' }).waitFor();
    await submissions.getByRole('combobox', { name: 'Loại văn bản' }).selectOption({ label: 'Quyết định' });
    await submissions.getByRole('textbox', { name: 'Số, ký hiệu', exact: true }).fill(NUMBER_SYMBOL);
    await submissions.getByRole('textbox', { name: 'Cơ quan ban hành', exact: true }).fill('Ủy ban nhân dân tỉnh Quảng Trị');
    await submissions.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Văn Hùng');
    await submissions.getByLabel('Ngày ký ban hành').fill('2026-03-12');
    await submissions.getByLabel('Ngày có hiệu lực').fill('2026-04-01');
    await submissions.getByRole('textbox', { name: 'Lĩnh vực', exact: true }).fill('Thông tin và truyền thông');
    await submissions.getByRole('textbox', { name: 'Trích yếu', exact: true }).fill(SUMMARY);
    await submissions.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await submissions.getByRole('heading', { name: `Bản nháp ${NUMBER_SYMBOL}` }).waitFor();
    // The shell puts the draft in the address (history.pushState: no page load).
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/admin\/gazette\/van-ban-gui-dang\/[^/]+$/);
    submissionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // Both files through the page's file inputs; sending waits for both.
    const send = submissions.getByRole('button', { name: 'Gửi đến cơ quan Công báo' });
    expect(await send.isDisabled()).toBe(true);
    for (const [role, file] of [
      ['original', { name: 'QD-41-2026-ban-goc.pdf', mimeType: 'application/pdf', buffer: Buffer.from(originalPdf) }],
      ['electronic', { name: 'QD-41-2026-ban-dien-tu.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(electronicDocx) }],
    ] as const) {
      const upload = submissions.locator(`gazette-file-upload[file-role=${role}]`);
      await upload.locator('input[type=file]').setInputFiles(file);
      await upload.getByRole('button', { name: 'Tải lên' }).click();
      await upload.getByText(`Đã tải lên ${file.name}`).waitFor();
    }
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();
    await submissions.getByRole('heading', { level: 2, name: new RegExp(`^${NUMBER_SYMBOL}`) }).locator('[data-status=sent]').waitFor();

    // The intake checks found nothing to flag: the marker line, "Công báo" among the recipients, a DOCX.
    const sent = await server.api('GET', `/api/gazette/intake/${encodeURIComponent(submissionId)}`, undefined, OFFICE);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', numberSymbol: NUMBER_SYMBOL, flags: [] });
    await context.close();
  });

  it('the office registers it in the intake register, compares both copies and passes it', async () => {
    const { context, page } = await signIn(server.username, server.password);
    await switchUnit(page, 'tinh quang tri', OFFICE, 'Tỉnh Quảng Trị');

    const register = await openGazettePage(page, 'Sổ tiếp nhận', 'gazette-intake-register');
    const row = register.getByRole('row').filter({ hasText: NUMBER_SYMBOL });
    await row.locator('[data-status=sent]').waitFor();
    await register.getByRole('button', { name: `Vào sổ văn bản ${NUMBER_SYMBOL}` }).click();
    await row.locator('[data-status=registered]').waitFor();
    expect((await row.getByRole('cell').first().textContent())?.trim()).toBe('1/2026');

    const comparison = await openGazettePage(page, 'Đối chiếu văn bản', 'gazette-comparison');
    await comparison.getByRole('button', { name: `Đối chiếu văn bản ${NUMBER_SYMBOL}` }).click();
    await comparison.getByRole('heading', { level: 2, name: new RegExp(`^${NUMBER_SYMBOL}`) }).waitFor();
    await comparison.getByRole('button', { name: 'Đối chiếu bản điện tử với bản gốc' }).click();
    await comparison.getByRole('heading', { name: 'Lần đối chiếu 1 · Đang đối chiếu' }).waitFor();
    // Read from the PDF's text layer and the DOCX, column blocks included: the same words.
    await comparison.getByText('Hai bản trùng khớp về chữ.').waitFor();
    await comparison.getByText('Không có sai khác về chữ.').waitFor();
    await comparison.getByRole('button', { name: 'Đạt: sẵn sàng đăng Công báo' }).click();
    await comparison.getByRole('heading', { name: 'Lần đối chiếu 1 · Đạt' }).waitFor();
    await comparison.getByRole('heading', { level: 2, name: new RegExp(`^${NUMBER_SYMBOL}`) }).locator('[data-status=passed]').waitFor();
    await context.close();
  });

  it('the office composes an issue with it and publishes it, signed with its certificate', async () => {
    const { context, page } = await signIn(server.username, server.password);
    await switchUnit(page, 'tinh quang tri', OFFICE, 'Tỉnh Quảng Trị');

    const issues = await openGazettePage(page, 'Số Công báo', 'gazette-issues');
    await issues.getByText('Chưa có số Công báo nào.').waitFor();
    await issues.getByRole('button', { name: 'Tạo số mới' }).click();
    await issues.getByRole('heading', { name: 'Tạo số Công báo (bản nháp)' }).waitFor();
    // Today's issue (Vietnam date); the form says which number the draft will take.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await issues.getByLabel('Ngày đăng').fill(today);
    await issues.getByText('Số dự kiến: số 1').waitFor();
    await issues.getByRole('button', { name: 'Tạo bản nháp' }).click();
    const heading = issues.getByRole('heading', { level: 2, name: /^Số 1\/2026/ });
    await heading.locator('[data-issue-status=draft]').waitFor();

    // Add the passed decision, under the legal documents' section.
    const documentChoice = issues.getByRole('combobox', { name: 'Văn bản', exact: true });
    const option = documentChoice.locator('option', { hasText: NUMBER_SYMBOL });
    expect(await option.textContent()).toContain(SUMMARY);
    await documentChoice.selectOption((await option.getAttribute('value'))!);
    await issues.getByRole('combobox', { name: 'Mục', exact: true }).selectOption('VĂN BẢN QUY PHẠM PHÁP LUẬT');
    await issues.getByRole('button', { name: 'Thêm vào số' }).click();
    await issues.getByRole('button', { name: `Bỏ ${NUMBER_SYMBOL} khỏi số` }).waitFor();
    await issues.locator(`tr[data-submission="${submissionId}"]`).getByText(SUMMARY).waitFor();

    // Publication cannot be undone: the confirmation stays disabled until the publisher says so.
    await issues.getByRole('button', { name: 'Phát hành số này' }).click();
    const confirm = issues.getByRole('button', { name: 'Xác nhận phát hành' });
    expect(await confirm.isDisabled()).toBe(true);
    await issues.getByRole('checkbox', { name: 'Tôi hiểu việc phát hành không thể hoàn tác' }).check();
    await confirm.click();
    // Laid out in Chromium and signed by a background job: the page's refresh button shows the outcome.
    const status = heading.locator('[data-issue-status]');
    await expect
      .poll(
        async () => {
          const now = await status.getAttribute('data-issue-status');
          if (now === 'rendering') await issues.getByRole('button', { name: 'Cập nhật trạng thái' }).click({ timeout: 5_000 });
          return now;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toMatch(/^(published|failed)$/);
    expect(await status.getAttribute('data-issue-status'), await issues.locator('.error').allTextContents().then((t) => t.join(' '))).toBe('published');

    const result = issues.getByRole('region', { name: 'Kết quả phát hành' });
    await result.waitFor();
    publishedSha256 = ((await result.locator('code.hash').textContent()) ?? '').trim();
    expect(publishedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await result.textContent()).toContain(ORGANISATION);
    expect(await issues.locator(`tr[data-submission="${submissionId}"]`).getByRole('cell').last().textContent()).toMatch(/^\d+–\d+$/);
    await issues.getByRole('link', { name: 'Xem PDF' }).waitFor();

    // The issuer's document is now published (the composer's transaction moved it).
    const submission = await server.api('GET', `/api/gazette/intake/${encodeURIComponent(submissionId)}`, undefined, OFFICE);
    expect(submission.body.status).toBe('published');
    await context.close();
  }, 120_000);

  it('shows the issue on the public gazette home page', async () => {
    const home = await publicPage('/cong-bao');
    await home.getByRole('heading', { level: 1, name: 'Công báo Tỉnh Quảng Trị' }).waitFor();
    await home.getByRole('link', { name: 'Số 1', exact: true }).waitFor();
    await home.getByRole('link', { name: `Quyết định ${NUMBER_SYMBOL}` }).waitFor();
    expect(await seriousViolations(home)).toEqual([]);

    await home.getByRole('link', { name: 'Số 1', exact: true }).click();
    await home.waitForURL((url) => url.pathname === `/t/${OFFICE}/cong-bao/so/2026/1`);
    issuePath = new URL(home.url()).pathname;
    await home.close();
  });

  it('lists the decision on the issue page with the signed PDF and its SHA-256; the PDF downloads', async () => {
    const page = await publicPage(issuePath.slice(`/t/${OFFICE}`.length));
    await page.getByRole('heading', { level: 1, name: 'Công báo số 1 năm 2026' }).waitFor();
    const entry = page.getByRole('row').filter({ hasText: NUMBER_SYMBOL });
    await entry.getByRole('cell', { name: SUMMARY }).waitFor();
    await entry.getByRole('link', { name: NUMBER_SYMBOL }).waitFor();
    expect((await page.locator('dd.hash').textContent())?.trim()).toBe(publishedSha256);
    expect(await seriousViolations(page)).toEqual([]);

    const pdfLink = page.getByRole('link', { name: /^Tải bản PDF đã ký số của số 1\/2026 \(PDF, / });
    expect(await pdfLink.getAttribute('type')).toBe('application/pdf');
    const href = (await pdfLink.getAttribute('href'))!;
    const download = await fetch(new URL(href, server.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    pdfBytes = Buffer.from(await download.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(pdfBytes).digest('hex')).toBe(publishedSha256);
    await page.close();
  });

  it('shows the decision at its ELI address, with its text and the issue\'s PDF', async () => {
    const page = await publicPage(issuePath.slice(`/t/${OFFICE}`.length));
    await page.getByRole('row').filter({ hasText: NUMBER_SYMBOL }).getByRole('link', { name: NUMBER_SYMBOL }).click();
    await page.waitForURL((url) => url.pathname === `/t/${OFFICE}${ELI_PATH}`);
    await page.getByRole('heading', { level: 1, name: `Quyết định ${NUMBER_SYMBOL}` }).waitFor();
    await page.getByText(SUMMARY, { exact: true }).first().waitFor();
    expect(await page.locator('.full-text').textContent()).toContain('chậm nhất sau 15 ngày làm việc');
    await page.getByRole('link', { name: /^Tải bản PDF đã ký số của số 1\/2026/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('verifies the downloaded PDF on the verification page: a published file, validly signed by the office', async () => {
    const page = await publicPage(issuePath.slice(`/t/${OFFICE}`.length));
    await page.getByRole('link', { name: 'Kiểm tra tệp Công báo' }).click();
    await page.waitForURL((url) => url.pathname === `/t/${OFFICE}/cong-bao/kiem-tra`);
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra tệp Công báo' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(/^Tệp PDF/).setInputFiles({ name: 'cong-bao-2026-1.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByRole('button', { name: 'Kiểm tra tệp', exact: true }).click();
    const result = page.getByRole('region', { name: 'Kết quả kiểm tra' });
    await result.waitFor();
    expect(await result.locator('dd.hash').first().textContent()).toBe(publishedSha256);
    await result.getByText('Trùng khớp.').waitFor();
    await result.getByRole('link', { name: 'Công báo số 1 năm 2026' }).waitFor();
    const signature = result.getByRole('region', { name: 'Chữ ký số 1' });
    await signature.getByText('Chữ ký hợp lệ: nội dung tệp không bị thay đổi từ khi ký.').waitFor();
    await signature.getByText('Chứng thư số dẫn đến một chứng thư gốc tin cậy.').waitFor();
    expect(await signature.textContent()).toContain(ORGANISATION);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds the decision in the search with a query without diacritics', async () => {
    const page = await publicPage('/cong-bao/tra-cuu');
    await page.getByRole('heading', { level: 1, name: 'Tra cứu văn bản' }).waitFor();
    const form = page.getByRole('search', { name: 'Tra cứu văn bản Công báo' });
    await form.getByRole('searchbox', { name: /^Từ khóa/ }).fill(FOLDED_QUERY);
    await form.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === FOLDED_QUERY);
    await page.getByRole('heading', { level: 2, name: 'Kết quả' }).waitFor();
    await page.getByText('Tìm thấy 1 văn bản.').waitFor();
    await page.getByRole('link', { name: `Quyết định ${NUMBER_SYMBOL}` }).waitFor();
    expect(await page.getByRole('main').getByRole('searchbox', { name: /^Từ khóa/ }).inputValue()).toBe(FOLDED_QUERY);
    expect(await seriousViolations(page)).toEqual([]);

    // Not every query finds it: words the decision does not contain find nothing.
    await form.getByRole('searchbox', { name: /^Từ khóa/ }).fill('khoang san');
    await form.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'khoang san');
    await page.getByText('Tìm thấy 0 văn bản.').waitFor();
    expect(await page.getByRole('link', { name: `Quyết định ${NUMBER_SYMBOL}` }).count()).toBe(0);
    await page.close();
  });

  it('raised no page errors in the shell', () => {
    expect(pageErrors).toEqual([]);
  });
});
