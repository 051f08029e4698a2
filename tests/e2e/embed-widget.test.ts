import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations } from './support/browser.js';
import { startE2ePlatform, type E2ePlatform } from './support/e2e-platform.js';

// examples/embed/index.html served from a second origin (another site of the province) embeds the
// hello plugin's public widget from the platform: the widget loads only once the unit allows that
// origin, and renders the unit's data as text.
const embedDir = fileURLToPath(new URL('../../examples/embed/', import.meta.url));
let server: E2ePlatform;
let site: Server;
let siteOrigin: string;
let browser: Browser;

beforeAll(async () => {
  server = await startE2ePlatform();
  site = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = join(embedDir, path);
    if (!file.startsWith(embedDir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  // `localhost`, not 127.0.0.1: a different origin from the platform's, as a real embedding site is.
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await server?.stop();
});

async function openEmbed(lang = 'vi') {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${siteOrigin}/?server=${encodeURIComponent(server.url)}&tenant=so-tai-chinh&lang=${lang}`);
  return page;
}

describe('embedding a public widget from another site', () => {
  it('is refused until the unit allows the site, then shows the unit\'s greetings as text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">Trần Văn Bình';
    expect((await server.api('POST', '/api/hello/greetings', { name: hostile, message: 'Chúc mừng năm mới' }, 'so-tai-chinh')).status).toBe(201);
    expect((await server.api('POST', '/api/hello/greetings', { name: 'Lê Thị Hoa' }, 'so-y-te')).status).toBe(201);

    const refused = await openEmbed();
    await refused.locator('#status[data-state=failed]').waitFor();
    await refused.close();

    const units = await server.api('GET', '/api/core/tenants?text=tai%20chinh');
    const finance = units.body.items.find((t: { slug: string }) => t.slug === 'so-tai-chinh');
    expect((await server.api('PUT', `/api/core/tenants/${finance.id}/origins`, { origins: [siteOrigin] })).status).toBe(200);

    const page = await openEmbed();
    await page.locator('#status[data-state=loaded]').waitFor();
    const items = page.locator('#greetings-vi li');
    await items.first().waitFor();
    expect(await items.allTextContents()).toEqual([expect.stringContaining(hostile)]);
    expect(await page.locator('#greetings-vi img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // Another unit's data never shows in this unit's widget.
    expect(await page.locator('#greetings-vi').textContent()).not.toContain('Lê Thị Hoa');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
