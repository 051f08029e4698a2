import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * A browser context signed in to the admin shell at `baseUrl` as `username` (Vietnamese locale).
 * Errors thrown in its pages go to `pageErrors`, except those a test provokes on purpose ("broken on purpose").
 */
export async function signInToShell(browser: Browser, baseUrl: string, username: string, password: string, pageErrors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    if (!/broken on purpose/.test(error.message)) pageErrors.push(`${username}: ${error.message}`);
  });
  await page.goto(`${baseUrl}/admin/`);
  await page.waitForURL(/\/admin\/core\/login/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/');
  return { context, page };
}
