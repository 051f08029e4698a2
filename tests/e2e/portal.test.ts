import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousViolations } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';
import { signInToShell } from './support/sign-in.js';

// Acceptance of the portal (issue 5, acceptance 2): an editor writes an article in Tiptap with an image
// and submits it; another account approves and publishes it; it then shows on the unit's public site,
// in its RSS feed, in search (asked without diacritics) and in the latest-news widget embedded on
// another site; axe finds nothing serious on the home, category, article, legal document and search
// pages. The steps share one platform and run in order.
const UNIT = 'so-tai-chinh';
const TITLE = 'Hướng dẫn đăng ký hộ khẩu trực tuyến';
const BODY = 'Người dân đăng ký thường trú qua Cổng dịch vụ công, không phải đến trụ sở.';
const IMAGE_ALT = 'Màn hình đăng ký thường trú trên Cổng dịch vụ công';
const WRITER = { username: 'bientap.taichinh', password: 'Bien-tap-Tai-chinh-2026!', displayName: 'Trần Thị Biên Tập' };

let server: E2ePlatform;
let browser: Browser;
let site: Server;
let siteOrigin: string;
let category: { id: string; slug: string };
let legalId: string;
let articleId: string;
let articleSlug: string;
/** The body's image, as stored: `/media/<id>/w1024.webp`. */
let imageSrc: string;
const pageErrors: string[] = [];

/** A PNG of one colour (a screenshot stand-in), made without an image library. */
function solidPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x1d, 0x4e, 0x89]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** A browser context signed in to the shell as `username`. */
const signIn = (username: string, password: string) => signInToShell(browser, server.url, username, password, pageErrors);

/** A public page of the unit, opened anonymously, checked by axe. */
async function publicPage(path: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  const response = await page.goto(`${server.url}/t/${UNIT}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

beforeAll(async () => {
  server = await startE2ePlatform({ portal: true });

  // The writer: an account of the unit with a reporter's role (defined by the province: write articles,
  // use the media library), another person than the approver, so the unit's default settings (approval
  // required, approver other than the author) stay on.
  const role = await server.api('PUT', '/api/core/roles/phong-vien', { label: { vi: 'Phóng viên', en: 'Reporter' }, permissions: ['portal.content.write', 'portal.media.write'] });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const created = await server.api('POST', '/api/core/users', WRITER, UNIT);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await server.api('POST', '/api/core/grants', { userId: created.body.id, roleId: 'phong-vien' }, UNIT)).status).toBe(201);

  const cat = await server.api('POST', '/api/portal/categories', { slug: 'huong-dan-thu-tuc', name: { vi: 'Hướng dẫn thủ tục' } }, UNIT);
  expect(cat.status, JSON.stringify(cat.body)).toBe(201);
  category = cat.body;
  const legal = await server.api(
    'POST',
    '/api/portal/legal-documents',
    { type: 'quyet_dinh', numberSymbol: '15/2026/QĐ-UBND', issuer: 'UBND tỉnh Quảng Trị', signer: 'Nguyễn Văn An', issuedOn: '2026-01-15', field: 'Tài chính', summary: 'Quy định mức thu phí đăng ký cư trú trên địa bàn tỉnh' },
    UNIT,
  );
  expect(legal.status, JSON.stringify(legal.body)).toBe(201);
  legalId = legal.body.id;

  // Another site of the province, allowed to embed the unit's widgets.
  site = createServer((req, res) => {
    if (req.url !== '/') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang tin liên kết</title>
<script type="module" src="${server.url}/t/${UNIT}/widgets/portal.js"></script></head>
<body><main><h1>Tin mới của Sở Tài chính</h1><cong-portal-latest tenant="${UNIT}"></cong-portal-latest></main></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
  const units = await server.api('GET', '/api/core/tenants?text=tai%20chinh');
  const finance = units.body.items.find((t: { slug: string }) => t.slug === UNIT);
  expect((await server.api('PUT', `/api/core/tenants/${finance.id}/origins`, { origins: [siteOrigin] })).status).toBe(200);

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await server?.stop();
});

describe('portal: from the editor to the public site', () => {
  it('an editor writes an article with an image in Tiptap, saves it and submits it for review', async () => {
    const { context, page } = await signIn(WRITER.username, WRITER.password);
    await page.goto(`${server.url}/admin/portal/new?tenant=${UNIT}`);
    const editor = page.locator('portal-article-editor');
    await editor.getByRole('heading', { name: 'Viết tin mới' }).waitFor();

    await editor.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(TITLE);
    await editor.getByRole('combobox', { name: 'Chuyên mục' }).selectOption({ label: 'Hướng dẫn thủ tục' });
    await editor.getByRole('textbox', { name: 'Tóm tắt', exact: true }).fill('Các bước đăng ký thường trú trực tuyến.');
    const surface = editor.getByRole('textbox', { name: 'Nội dung', exact: true });
    await surface.click();
    await page.keyboard.type(BODY);

    // The image button opens the media library: the writer uploads a screenshot, which cannot be used
    // before it has alt text, gives it one, and the image goes into the body.
    await editor.locator('portal-rich-text').first().getByRole('button', { name: 'Chèn ảnh' }).click(); // the Vietnamese body's toolbar (the English body has its own)
    const picker = editor.locator('portal-media-picker');
    await picker.getByRole('heading', { name: 'Chọn tệp tư liệu' }).waitFor();
    await picker.locator('input[type=file]').setInputFiles({ name: 'dang-ky-thuong-tru.png', mimeType: 'image/png', buffer: solidPng(1280, 720) });
    await picker.getByRole('textbox', { name: /bắt buộc với ảnh/ }).fill(IMAGE_ALT);
    await picker.getByRole('button', { name: 'Lưu và chọn' }).click();
    const inserted = surface.locator(`img[alt="${IMAGE_ALT}"]`);
    await inserted.waitFor();
    // Shown in the editor from the unit's site, and actually loaded.
    await expect.poll(() => inserted.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1024);

    await editor.getByRole('button', { name: 'Lưu', exact: true }).click();
    await editor.locator('[data-status=draft]').waitFor();
    // The shell puts the new article in the address (history.pushState: no page load).
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/admin\/portal\/articles\/[^/]+$/);
    articleId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(await seriousViolations(page)).toEqual([]);

    await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
    await editor.locator('[data-status=in_review]').waitFor();
    const stored = await server.api('GET', `/api/portal/articles/${articleId}`, undefined, UNIT);
    expect(stored.body.status).toBe('in_review');
    imageSrc = /<img src="(\/media\/[0-9a-f-]{36}\/w1024\.webp)" alt="([^"]+)"/.exec(stored.body.body)?.[1] ?? '';
    expect(imageSrc, stored.body.body).not.toBe('');
    expect(stored.body.body).toContain(BODY);
    expect(stored.body.categoryId).toBe(category.id);
    await context.close();
  });

  it('the approver (another account) approves and publishes it', async () => {
    const { context, page } = await signIn(server.username, server.password);
    await page.goto(`${server.url}/admin/portal/articles/${encodeURIComponent(articleId)}?tenant=${UNIT}`);
    const editor = page.locator('portal-article-editor');
    await editor.locator('[data-status=in_review]').waitFor();
    await editor.getByRole('button', { name: 'Duyệt và xuất bản' }).click();
    await editor.locator('[data-status=published]').waitFor();
    const stored = await server.api('GET', `/api/portal/articles/${articleId}`, undefined, UNIT);
    expect(stored.body.status).toBe('published');
    articleSlug = stored.body.slug;
    expect(articleSlug).toBe('huong-dan-dang-ky-ho-khau-truc-tuyen');
    await context.close();
  });

  it('shows the article on the public site with its image and alt text', async () => {
    const page = await publicPage(`/tin/${articleSlug}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(BODY).waitFor();
    const image = page.locator(`main img[alt="${IMAGE_ALT}"]`);
    expect(await image.getAttribute('src')).toBe(`/t/${UNIT}${imageSrc}`);
    // Loaded from the srcset's derivatives: the browser picks the width for the column it shows it in.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await image.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toMatch(new RegExp(`^/t/${UNIT}/media/[0-9a-f-]{36}/w(320|640|1024)\\.webp$`));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists it on the home page and in its category', async () => {
    const home = await publicPage('/');
    await home.getByRole('link', { name: TITLE }).first().waitFor();
    expect(await seriousViolations(home)).toEqual([]);
    await home.close();

    const list = await publicPage(`/chuyen-muc/${category.slug}`);
    await list.getByRole('heading', { level: 1, name: 'Hướng dẫn thủ tục' }).waitFor();
    await list.getByRole('link', { name: TITLE }).first().waitFor();
    expect(await seriousViolations(list)).toEqual([]);
    await list.close();
  });

  it('puts it in the RSS feed', async () => {
    const response = await fetch(`${server.url}/t/${UNIT}/rss.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    const xml = await response.text();
    expect(xml).toContain(`<title>${TITLE}</title>`);
    expect(xml).toContain(`/tin/${articleSlug}`);
  });

  it('finds it with a query without diacritics', async () => {
    const path = `/t/${UNIT}/tim-kiem?q=dang+ky+ho+khau`;
    // Indexing follows the publish event: wait for the index, not for a fixed time.
    await expect.poll(async () => (await (await fetch(`${server.url}${path}`)).text()).includes(TITLE), { timeout: 15_000 }).toBe(true);
    const page = await publicPage('/tim-kiem?q=dang+ky+ho+khau');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: TITLE }).first().waitFor();
    expect(await page.getByRole('main').getByRole('searchbox', { name: 'Từ khóa' }).inputValue()).toBe('dang ky ho khau');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows a legal document page without serious accessibility problems', async () => {
    const page = await publicPage(`/van-ban/${encodeURIComponent(legalId)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('15/2026/QĐ-UBND').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility problems on the organisation, contact, schedule, page, site map and mandated-list pages', async () => {
    // Content for them, through the API as the unit's staff would enter it.
    expect((await server.api('POST', '/api/portal/organisation/contacts', { kind: 'agency', label: { vi: 'Sở Tài chính tỉnh Quảng Trị' }, address: '01 Hùng Vương, Đông Hà', phone: '0233 3852 111', email: 'stc@quangtri.gov.vn' }, UNIT)).status).toBe(201);
    expect((await server.api('POST', '/api/portal/organisation/leaders', { fullName: 'Nguyễn Văn Bình', position: { vi: 'Giám đốc Sở', en: 'Director' } }, UNIT)).status).toBe(201);
    const intro = await server.api('POST', '/api/portal/pages', { title: 'Giới thiệu Sở', slug: 'gioi-thieu', body: '<h2>Chức năng</h2><p>Tham mưu về tài chính.</p>' }, UNIT);
    expect(intro.status, JSON.stringify(intro.body)).toBe(201);
    for (const path of ['/lien-he', '/lanh-dao', '/co-cau-to-chuc', '/lich-cong-tac', '/so-do-trang', '/danh-muc-thong-tin-cong-khai', '/en/lien-he']) {
      const page = await publicPage(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('shows it in the latest-news widget embedded on another site', async () => {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    await page.goto(`${siteOrigin}/`);
    const widget = page.locator('cong-portal-latest');
    await widget.getByText(TITLE).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('raised no page errors in the shell', () => {
    expect(pageErrors).toEqual([]);
  });
});
