// The admin shell in headless Debian Chromium: its initial JavaScript (gzipped) and the time from
// navigation to interactive after sign-in. "Interactive" is the `cong-shell-ready` performance mark
// the shell sets once the navigation and the dashboard's first render are done.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CONG_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Loads `/admin/` `runs` times, each in a fresh browser context (empty cache), signed in as `username`. */
export async function measureShell(url, username, password, runs = 5) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      const signIn = await page.request.post(`${url}/api/core/auth/login`, { data: { username, password }, headers: { origin: url } });
      if (signIn.status() !== 200) throw new Error(`sign-in for the shell bench failed: ${signIn.status()}`);
      const scripts = [];
      let ready = false;
      page.on('response', (response) => {
        if (!ready && response.request().resourceType() === 'script') scripts.push(response.body().then((body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body).length })).catch(() => undefined));
      });
      await page.goto(`${url}/admin/`);
      const tti = await page.waitForFunction(() => performance.getEntriesByName('cong-shell-ready')[0]?.startTime, undefined, { timeout: 30_000 }).then((h) => h.jsonValue());
      ready = true;
      const files = (await Promise.all(scripts)).filter(Boolean);
      samples.push({
        ttiMs: Math.round(tti),
        initialJsFiles: files.length,
        initialJsBytes: files.reduce((n, f) => n + f.raw, 0),
        initialJsGzipBytes: files.reduce((n, f) => n + f.gzip, 0),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { runs, ttiMedianMs: median('ttiMs'), initialJsGzipKb: Math.round(median('initialJsGzipBytes') / 102.4) / 10, initialJsKb: Math.round(median('initialJsBytes') / 102.4) / 10, initialJsFiles: median('initialJsFiles'), budgetGzipKb: 150, samples };
}
