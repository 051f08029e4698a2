import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousViolations, visibleTexts } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';
import { englishSourceTexts, pluginEnglishTexts } from './support/shell-messages.js';
import { currentStep, totpCode } from './support/totp.js';

// Acceptance of the admin shell (issue 4): sign-in with TOTP, unit switch, a plugin page and its form,
// module toggles that change the navigation and the dashboard without a rebuild or reload, a broken
// plugin isolated by its boundary, axe on the main pages and no English left in Vietnamese mode.
// The steps share one browser page and run in order.
let server: E2ePlatform;
let browser: Browser;
let page: Page;
let secret: string;
const pageErrors: string[] = [];
const english = new Set([...englishSourceTexts(), ...pluginEnglishTexts('examples/hello-plugin/src/admin/messages.ts')]);

/** Serious or critical axe violations and English source texts shown on the current page. */
async function problems(): Promise<string[]> {
  const shown = new Set(await visibleTexts(page));
  return [...(await seriousViolations(page)), ...[...english].filter((text) => shown.has(text)).map((text) => `untranslated: "${text}"`)];
}

const nav = () => page.getByRole('navigation', { name: 'Danh mục chính' });
// The plugin's page under "Nghiệp vụ" (its settings link under "Cấu hình chức năng" bears its name too).
const helloLink = () => nav().getByRole('list', { name: 'Nghiệp vụ' }).getByRole('link', { name: 'Lời chào' });

async function openFromNav(name: string): Promise<void> {
  await nav().getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).first().waitFor();
}

beforeAll(async () => {
  server = await startE2ePlatform();
  const setup = await server.api('POST', '/api/core/auth/totp/setup');
  secret = setup.body.secret;
  // The previous step's code: the window accepts it, and the sign-in below uses a later step.
  expect((await server.api('POST', '/api/core/auth/totp/enable', { code: totpCode(secret, currentStep() - 1) })).status).toBe(204);
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  page.on('pageerror', (error) => {
    // The broken plugin throws on purpose; anything else is a shell bug.
    if (!/broken on purpose/.test(error.message)) pageErrors.push(error.message);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('admin shell, in Vietnamese', () => {
  it('signs in with a password and then a two-factor code', async () => {
    // The untranslated-text check below is only as good as its list: make sure it was read.
    expect(english.size).toBeGreaterThan(150);
    expect(english).toContain('Greetings');
    await page.goto(`${server.url}/admin/`);
    await page.waitForURL(/\/admin\/core\/login/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await problems()).toEqual([]);

    await page.getByLabel('Tên đăng nhập').fill(server.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();

    await page.getByLabel('Mật khẩu', { exact: true }).fill(server.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel(/Mã xác thực/).fill(totpCode(secret, currentStep()));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/');
    await page.waitForFunction(() => performance.getEntriesByName('cong-shell-ready').length > 0);
    // A marker that a full page load would wipe: the module toggles below must not reload.
    await page.evaluate(() => ((window as unknown as { congNoReload: boolean }).congNoReload = true));
  });

  it('shows the dashboard with plugin widgets, the broken plugin isolated in its placeholder', async () => {
    await page.locator('hello-greeting-count').waitFor();
    await page.getByText('Không tải được phần của chức năng broken').first().waitFor();
    // Plugin settings are listed by the plugin's display name, not its id.
    expect(await nav().getByRole('list', { name: 'Cấu hình chức năng' }).getByRole('link').allTextContents()).toEqual(['Lời chào']);
    expect(await problems()).toEqual([]);
  });

  it('switches unit with a folded search and keeps it in the URL', async () => {
    await page.getByRole('button', { name: /Đơn vị:/ }).click();
    await page.getByLabel('Tìm đơn vị').fill('so tai chinh');
    await page.getByLabel('Tìm đơn vị').press('Enter');
    await page.waitForURL(/[?&]tenant=so-tai-chinh/);
    await expect.poll(() => page.getByRole('button', { name: /Đơn vị:/ }).textContent()).toContain('Sở Tài chính');
  });

  it('opens the hello plugin page, shows a field error beside its field, then creates an item', async () => {
    await helloLink().click();
    await page.waitForURL(/\/admin\/hello\?tenant=so-tai-chinh/);
    const list = page.locator('hello-greeting-list');
    await list.getByRole('heading', { name: 'Lời chào' }).waitFor();
    await list.getByText('Chưa có lời chào nào.').waitFor();
    expect(await problems()).toEqual([]);

    const name = list.getByLabel('Người được chào');
    await list.getByRole('button', { name: 'Thêm lời chào' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!;
    expect((await list.locator(`#${describedBy}`).textContent())?.trim()).not.toBe('');

    await name.fill('Nguyễn Thị Đào');
    await list.getByRole('button', { name: 'Thêm lời chào' }).click();
    await list.getByRole('cell', { name: 'Nguyễn Thị Đào' }).waitFor();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('false');
    const stored = await server.api('GET', '/api/hello/greetings', undefined, 'so-tai-chinh');
    expect(stored.body.items.map((g: { name: string }) => g.name)).toEqual(['Nguyễn Thị Đào']);
  });

  it('disables the plugin for the unit: its nav item and widget go at once; enabling brings them back', async () => {
    await openFromNav('Chức năng');
    expect(await problems()).toEqual([]);
    const helloSwitch = page.getByRole('switch', { name: /^Lời chào tại Sở Tài chính/ });
    await expect.poll(() => helloSwitch.isChecked()).toBe(true);

    // By keyboard, as an official would: focus the switch, Space.
    await helloSwitch.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => helloLink().count()).toBe(0);
    expect((await server.api('GET', '/api/core/modules', undefined, 'so-tai-chinh')).body.items.find((m: { plugin: string }) => m.plugin === 'hello').enabled).toBe(false);
    await openFromNav('Tổng quan');
    await page.getByText('Không tải được phần của chức năng broken').first().waitFor();
    expect(await page.locator('hello-greeting-count').count()).toBe(0);

    await openFromNav('Chức năng');
    await page.getByRole('switch', { name: /^Lời chào tại Sở Tài chính/ }).focus();
    await page.keyboard.press('Space');
    await helloLink().waitFor();
    await openFromNav('Tổng quan');
    await page.locator('hello-greeting-count').waitFor();
    expect(await page.evaluate(() => (window as unknown as { congNoReload?: boolean }).congNoReload)).toBe(true);
  });

  it('keeps the rest of the page working when a plugin page throws while rendering', async () => {
    await nav().getByRole('link', { name: 'Chức năng hỏng' }).click();
    await page.waitForURL(/\/admin\/broken/);
    const placeholder = page.getByRole('alert').filter({ hasText: 'Không tải được phần của chức năng broken' });
    await placeholder.waitFor();
    await placeholder.getByRole('button', { name: 'Thử lại' }).waitFor();
    await openFromNav('Tổng quan');
    await page.locator('hello-greeting-count').waitFor();
  });

  it('raised no page errors other than the broken plugin\'s', () => {
    expect(pageErrors).toEqual([]);
  });
});
