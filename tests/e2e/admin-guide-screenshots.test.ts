import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';
import { signInToShell } from './support/sign-in.js';

// The screenshots of the admin user guides (docs/guides/admin-user-guide.md and huong-dan-quan-tri.md)
// are taken here, from the demo province in Vietnamese, so they show the shell as it is today: every
// run writes them again. Each step waits for the page's heading (or the dialog's search field) before
// the shot, so a page that did not render fails the test instead of producing an empty picture.
const IMAGES = fileURLToPath(new URL('../../docs/guides/images/admin/', import.meta.url));
/** A laptop screen: wide enough for the navigation and a table, small enough to keep the files small. */
const VIEWPORT = { width: 1280, height: 800 };
const PROVINCE = 'quang-tri';

let server: E2ePlatform;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const nav = () => page.getByRole('navigation', { name: 'Danh mục chính' });

/** Writes `docs/guides/images/admin/<name>.png` of the viewport, with animations and the caret still. */
async function shoot(name: string, target: Page = page): Promise<void> {
  const path = `${IMAGES}${name}.png`;
  // Whatever the page still fetches (lists, counts) lands before the picture is taken.
  await target.waitForLoadState('networkidle');
  await target.evaluate(() => document.fonts.ready.then(() => undefined));
  await target.screenshot({ path, animations: 'disabled', caret: 'hide', scale: 'css' });
  // A blank or failed capture is tiny; a real page of the shell is tens of kilobytes.
  expect(statSync(path).size).toBeGreaterThan(5_000);
}

/** Opens a page from the navigation and waits for its level-1 heading. */
async function openFromNav(link: string, heading = link): Promise<void> {
  await nav().getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
}

beforeAll(async () => {
  mkdirSync(IMAGES, { recursive: true });
  server = await startE2ePlatform({ portal: true });
  // The e2e platform also loads a plugin that fails on purpose; the guides' pictures show a healthy
  // province, so it is turned off everywhere (as an administrator would, on the Modules page).
  const off = await server.api('PUT', '/api/core/modules/broken', { enabled: false, subtree: true }, PROVINCE);
  expect(off.status).toBe(200);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('admin guide screenshots, in Vietnamese at 1280×800', () => {
  it('the sign-in page', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light' });
    const signIn = await context.newPage();
    await signIn.goto(`${server.url}/admin/`);
    await signIn.waitForURL(/\/admin\/core\/login/);
    await signIn.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await signIn.getByLabel('Tên đăng nhập').waitFor();
    expect(await signIn.evaluate(() => document.documentElement.lang)).toBe('vi');
    await shoot('dang-nhap', signIn);
    await context.close();
  });

  it('the dashboard after signing in', async () => {
    ({ page } = await signInToShell(browser, server.url, server.username, server.password, pageErrors));
    await page.setViewportSize(VIEWPORT);
    await page.waitForFunction(() => performance.getEntriesByName('cong-shell-ready').length > 0);
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await page.locator('hello-greeting-count').waitFor();
    await shoot('tong-quan');
  });

  it('the unit switcher, searching without accents', async () => {
    await page.getByRole('button', { name: /Đơn vị:/ }).click();
    const search = page.getByLabel('Tìm đơn vị');
    await search.waitFor();
    await search.fill('so tai');
    await page.getByText('Sở Tài chính').first().waitFor();
    await shoot('chon-don-vi');
    await search.press('Escape');
    await search.waitFor({ state: 'hidden' });
  });

  it('the modules of a unit', async () => {
    await openFromNav('Chức năng');
    await page.getByRole('switch', { name: /^Lời chào tại / }).waitFor();
    await shoot('chuc-nang');
  });

  it('the accounts', async () => {
    await openFromNav('Tài khoản');
    await page.getByText(server.username, { exact: true }).first().waitFor();
    await shoot('tai-khoan');
  });

  it('the roles and their permissions', async () => {
    await openFromNav('Vai trò');
    await page.waitForLoadState('networkidle');
    await shoot('vai-tro');
  });

  it('the tree of units', async () => {
    await openFromNav('Đơn vị');
    await page.getByText('Sở Tài chính').first().waitFor();
    await shoot('don-vi');
  });

  it('the audit log', async () => {
    await openFromNav('Nhật ký thao tác');
    // Turning the broken plugin off above made entries: the table has rows.
    await page.getByRole('row').nth(1).waitFor();
    await shoot('nhat-ky-thao-tac');
  });

  it('a plugin page: the portal\'s articles', async () => {
    await openFromNav('Tin bài');
    await page.getByRole('button', { name: 'Viết tin mới' }).or(page.getByRole('table')).first().waitFor();
    await shoot('tin-bai');
  });

  it('account security (two-factor sign-in)', async () => {
    await page.goto(`${server.url}/admin/core/security?tenant=${PROVINCE}`);
    await page.getByRole('heading', { level: 1, name: 'Bảo mật tài khoản' }).waitFor();
    await shoot('bao-mat-tai-khoan');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
