import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousViolations } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';
import { signInToShell } from './support/sign-in.js';

// Acceptance of the vendor path (issue 9, acceptance 1), as docs/getting-started.md and the plugin guide
// tell it: the `cong` CLI scaffolds a plugin, it installs (linking this checkout's sdk and core), builds
// and passes its own tests; the demo province loads it; in the admin shell its page and dashboard widget
// appear, and turning it off and on again for a unit takes them away and brings them back.
const checkout = fileURLToPath(new URL('../..', import.meta.url));
const cong = join(checkout, 'core/dist/cli/main.js');
const ID = 'thong-bao-xa';
const NAME = 'Thông báo của xã';

/** Runs a command as a user would, without this run's vitest variables; its output when it fails. */
function run(cwd: string, command: string, args: string[]): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !['NODE_OPTIONS', 'TEST', 'FORCE_COLOR'].includes(key)));
  const result = spawnSync(command, args, { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 200_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${output}`);
  return output;
}

let work: string;
let pluginDir: string;
let scaffoldOutput: string;
let testOutput: string;
let server: E2ePlatform;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const nav = () => page.getByRole('navigation', { name: 'Danh mục chính' });
const pluginLink = () => nav().getByRole('list', { name: 'Nghiệp vụ' }).getByRole('link', { name: NAME });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cong-plugin-author-'));
  pluginDir = join(work, ID);
  const pnpm = ['-y', 'pnpm@12.4.2'];
  scaffoldOutput = run(work, process.execPath, [cong, 'create-plugin', ID, '--dir', pluginDir, '--name-vi', NAME, '--name-en', 'Commune notices', '--link', checkout, '--yes']);
  run(pluginDir, 'npx', [...pnpm, 'install', '--prefer-offline']);
  run(pluginDir, 'npx', [...pnpm, 'build']);
  testOutput = run(pluginDir, 'npx', [...pnpm, 'test']);
  server = await startE2ePlatform({ extraPlugins: [pluginDir] });
  browser = await launchChromium();
  ({ page } = await signInToShell(browser, server.url, server.username, server.password, pageErrors));
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a vendor creates a plugin and sees it in the admin shell', () => {
  it('scaffolds with the CLI, and the new plugin passes its own tests', () => {
    expect(scaffoldOutput).toMatch(new RegExp(`Đã tạo / Created .*${ID}`));
    expect(testOutput).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    expect(testOutput).not.toMatch(/failed/);
  });

  it('is loaded by the demo province and started', () => {
    expect(server.platform.report().plugins.find((p) => p.id === ID)?.state).toBe('started');
  });

  it('shows its page in the navigation, with a working form', async () => {
    await page.getByRole('button', { name: /Đơn vị:/ }).click();
    await page.getByLabel('Tìm đơn vị').fill('so tai chinh');
    await page.getByLabel('Tìm đơn vị').press('Enter');
    await page.waitForURL(/[?&]tenant=so-tai-chinh/);
    await pluginLink().click();
    await page.waitForURL(new RegExp(`/admin/${ID}\\?tenant=so-tai-chinh`));
    await page.getByRole('heading', { level: 1, name: NAME }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Tiêu đề').fill('Lịch tiếp công dân tháng 12');
    await page.getByRole('button', { name: 'Thêm mục' }).click();
    await page.getByRole('cell', { name: 'Lịch tiếp công dân tháng 12' }).waitFor();
    const stored = await server.api('GET', `/api/${ID}/items`, undefined, 'so-tai-chinh');
    expect(stored.body.items.map((i: { title: string }) => i.title)).toEqual(['Lịch tiếp công dân tháng 12']);
  });

  it('shows its dashboard widget; turned off for the unit it goes, turned on it comes back', async () => {
    await nav().getByRole('link', { name: 'Tổng quan', exact: true }).click();
    await page.locator(`${ID}-item-count`).waitFor();

    await nav().getByRole('link', { name: 'Chức năng', exact: true }).click();
    const toggle = page.getByRole('switch', { name: new RegExp(`^${NAME} tại Sở Tài chính`) });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => pluginLink().count()).toBe(0);
    await nav().getByRole('link', { name: 'Tổng quan', exact: true }).click();
    await page.locator('hello-greeting-count').waitFor();
    expect(await page.locator(`${ID}-item-count`).count()).toBe(0);

    await nav().getByRole('link', { name: 'Chức năng', exact: true }).click();
    await page.getByRole('switch', { name: new RegExp(`^${NAME} tại Sở Tài chính`) }).focus();
    await page.keyboard.press('Space');
    await pluginLink().waitFor();
    await nav().getByRole('link', { name: 'Tổng quan', exact: true }).click();
    await page.locator(`${ID}-item-count`).waitFor();
  });

  it('raised no page errors other than the broken fixture plugin\'s', () => {
    expect(pageErrors).toEqual([]);
  });
});
