import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';
import { signInToShell } from './support/sign-in.js';

// Acceptance of the component sites (issue 6, acceptance 2): the provincial admin provisions a new
// commune site from a template in the admin; its site admin changes the theme colours (previewing the
// draft first) and the home-page blocks; the site answers on its own host (`<slug>.localhost`, which
// the browser sends to this machine); an article the commune proposes to the province is accepted and
// appears on the province home page with attribution; axe finds nothing serious on the commune's home
// page. The steps share one platform and run in order.
const PROVINCE = 'quang-tri';
const COMMUNE = 'xa-cam-thuy';
const SITE_ADMIN = { username: 'quantri.camthuy', password: 'Quan-tri-Cam-Thuy-2026!', displayName: 'Lê Văn Quản Trị' };
const PRIMARY = '#5a1d8c';
const SERVICE = 'Cổng Dịch vụ công quốc gia';
const TITLE = 'Xã Cam Thủy ra quân làm giao thông nông thôn';

let server: E2ePlatform;
let browser: Browser;
let host: string;
const pageErrors: string[] = [];

/** A browser context signed in to the shell as `username`. */
const signIn = (username: string, password: string) => signInToShell(browser, server.url, username, password, pageErrors);

/** The commune's home page as the public gets it (on its own host, or with a preview token). */
async function publicHome(query = ''): Promise<string> {
  const response = await fetch(`${server.url}/t/${COMMUNE}/${query}`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  server = await startE2ePlatform({ sites: true });
  const units = await server.api('GET', '/api/core/tenants?limit=500');
  const province = units.body.items.find((u: { slug: string }) => u.slug === PROVINCE);
  const commune = await server.api('POST', '/api/core/tenants', { slug: COMMUNE, nameVi: 'Xã Cam Thủy', nameEn: 'Cam Thuy Commune', kind: 'commune', parentId: province.id });
  expect(commune.status, JSON.stringify(commune.body)).toBe(201);
  // The site admin of the commune: configures its site, writes and proposes its articles.
  const role = await server.api('PUT', '/api/core/roles/quan-tri-trang-xa', { label: { vi: 'Quản trị trang xã', en: 'Commune site admin' }, permissions: ['sites.site.configure', 'sites.syndication.propose', 'portal.content.write', 'portal.content.approve'] }, PROVINCE);
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const user = await server.api('POST', '/api/core/users', SITE_ADMIN, COMMUNE);
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  expect((await server.api('POST', '/api/core/grants', { userId: user.body.id, roleId: 'quan-tri-trang-xa' }, COMMUNE)).status).toBe(201);
  host = `${server.url.replace('127.0.0.1', `${COMMUNE}.localhost`)}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('component sites: from provisioning to the province home page', () => {
  it('the provincial admin provisions the commune\'s site from the commune template', async () => {
    const { context, page } = await signIn(server.username, server.password);
    await page.goto(`${server.url}/admin/sites/cung-cap?tenant=${PROVINCE}`);
    const form = page.locator('sites-provisioning');
    await form.getByRole('radio', { name: 'Tệp CSV' }).check();
    await form.getByLabel('Hoặc dán nội dung CSV').fill(`slug\n${COMMUNE}`);
    await form.getByLabel('Mẫu', { exact: true }).selectOption({ label: 'Trang xã, phường, đặc khu' });
    await form.getByLabel('Trạng thái của trang mới').selectOption('live');
    await form.getByRole('button', { name: 'Chạy thử' }).click();
    await form.getByRole('button', { name: 'Cung cấp', exact: true }).click();
    await expect.poll(async () => (await server.api('GET', `/api/sites/sites?text=cam%20thuy`, undefined, PROVINCE)).body.items?.[0]?.status).toBe('live');
    // The template's green theme, on the public site.
    expect(await publicHome()).toContain('--portal-primary:#1b5e20');
    await context.close();
  });

  it('its site admin previews a new theme colour, then publishes it', async () => {
    const { context, page } = await signIn(SITE_ADMIN.username, SITE_ADMIN.password);
    await page.goto(`${server.url}/admin/sites/giao-dien?tenant=${COMMUNE}`);
    const editor = page.locator('sites-theme');
    await editor.getByRole('radio', { name: 'Xanh biển' }).check();
    await editor.getByLabel(/^Màu chính/).fill('#ffdd00');
    await editor.getByText('Không đạt chuẩn WCAG 2.1 AA').waitFor(); // the contrast, as typed
    await editor.getByLabel(/^Màu chính/).fill(PRIMARY);
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const preview = editor.getByRole('link', { name: 'Xem trước bản nháp' });
    await preview.waitFor();
    const href = (await preview.getAttribute('href'))!;
    // The draft on the real site, with the token; the public still sees the published theme.
    const previewPage = await context.newPage();
    await previewPage.goto(`${server.url}${href}`);
    expect(await previewPage.content()).toContain(`--portal-primary:${PRIMARY}`);
    await previewPage.close();
    expect(await publicHome()).not.toContain(PRIMARY);
    await editor.getByRole('button', { name: 'Xuất bản' }).click();
    await editor.getByText(/Xuất bản lần cuối bởi/).waitFor();
    expect(await publicHome()).toContain(`--portal-primary:${PRIMARY}`);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('its site admin builds the home page from blocks and publishes it', async () => {
    const { context, page } = await signIn(SITE_ADMIN.username, SITE_ADMIN.password);
    await page.goto(`${server.url}/admin/sites/trang-chu?tenant=${COMMUNE}`);
    const editor = page.locator('sites-home');
    const choose = editor.getByLabel('Thêm khối');
    await choose.selectOption({ label: 'Tin mới' });
    await editor.getByRole('button', { name: 'Thêm', exact: true }).click();
    await choose.selectOption({ label: 'Dịch vụ công trực tuyến' });
    await editor.getByRole('button', { name: 'Thêm', exact: true }).click();
    const links = editor.getByLabel(/^Liên kết, mỗi dòng/);
    await links.fill(`${SERVICE} | https://dichvucong.gov.vn`);
    await links.blur();
    // Reordered from the keyboard: the services block goes first.
    await editor.getByRole('button', { name: 'Chuyển “Dịch vụ công trực tuyến” lên' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.locator('ol.blocks > li strong').allTextContents()).toEqual(['Dịch vụ công trực tuyến', 'Tin mới']);
    expect(await seriousViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByRole('link', { name: 'Xem trước bản nháp' }).waitFor();
    await editor.getByRole('button', { name: 'Xuất bản' }).click();
    await editor.getByText(/Xuất bản lần cuối bởi/).waitFor();
    await context.close();
  });

  it('the site answers on its own host with its theme and blocks, without serious accessibility problems', async () => {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    const response = await page.goto(`${host}/`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Xã Cam Thủy' }).waitFor();
    await page.getByRole('link', { name: SERVICE }).waitFor();
    const html = await page.content();
    expect(html).toContain(`--portal-primary:${PRIMARY}`);
    expect(html.indexOf('data-block="sites.public-services"')).toBeLessThan(html.indexOf('data-block="portal.latest-news"'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('an article the commune proposes is accepted by the province and shows on its home page with attribution', async () => {
    // The commune publishes an article (its own approval: the unit's setting allows it).
    expect((await server.api('PUT', '/api/core/plugins/portal/settings', { values: { approvalRequired: false } }, COMMUNE)).status).toBe(200);
    const article = await server.api('POST', '/api/portal/articles', { title: TITLE, slug: 'ra-quan-giao-thong-nong-thon', summary: 'Người dân xã Cam Thủy cùng làm đường.', body: '<p>Hơn 300 người dân tham gia.</p>' }, COMMUNE);
    expect(article.status, JSON.stringify(article.body)).toBe(201);
    expect((await server.api('POST', `/api/portal/articles/${article.body.id}/transitions/approve`, {}, COMMUNE)).status).toBe(200);

    const admin = await signIn(SITE_ADMIN.username, SITE_ADMIN.password);
    await admin.page.goto(`${server.url}/admin/sites/de-xuat?tenant=${COMMUNE}`);
    const proposals = admin.page.locator('sites-proposals');
    await proposals.getByRole('button', { name: 'Đề xuất lên Cổng tỉnh' }).first().click();
    await proposals.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await expect.poll(async () => (await server.api('GET', '/api/sites/syndication/queue', undefined, PROVINCE)).body.items?.length ?? 0).toBe(1);
    await admin.context.close();

    const province = await signIn(server.username, server.password);
    await province.page.goto(`${server.url}/admin/sites/tin-de-xuat?tenant=${PROVINCE}`);
    const queue = province.page.locator('sites-syndication-queue');
    await queue.getByRole('button', { name: TITLE }).click();
    await queue.getByRole('button', { name: 'Tiếp nhận và đăng lên Cổng tỉnh' }).click();
    await expect.poll(async () => (await server.api('GET', '/api/sites/syndication/queue?status=accepted', undefined, PROVINCE)).body.items?.length ?? 0).toBe(1);
    await province.context.close();

    // The province's home page (127.0.0.1 is the province's host in the demo): the article, and its source.
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: TITLE }).first().waitFor();
    expect(await page.content()).toMatch(/Nguồn: <a href="[^"]*\/tin\/ra-quan-giao-thong-nong-thon">Xã Cam Thủy<\/a>/);
    await page.close();
  });

  it('raised no page errors in the shell', () => {
    expect(pageErrors).toEqual([]);
  });
});
