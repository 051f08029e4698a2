import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Where Debian, Ubuntu and Chrome packages put the browser; `CHROMIUM_PATH` wins. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export interface PdfPrinterOptions {
  readonly executablePath?: string;
  /** Pages printed at once; the rest wait. Each costs a renderer process (~60 MB). Default 2. */
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** The browser closes after this long without a print, giving its memory back. Default 60 s. */
  readonly idleMs?: number;
}

export interface PrintRequest {
  readonly html: string;
  /** Left of the footer: the page's address, so a printed copy says where it came from (POR-22). */
  readonly footerText: string;
  /** The browser's locale while printing (`vi-VN`, `en-GB`, `lo`): the page's language's. */
  readonly locale: string;
}

/**
 * Prints server-rendered HTML to PDF with headless Chromium (STACK.md: the gazette prints the same way).
 * One browser, started on first use and closed with the plugin; a fresh context per page with every
 * network request refused, so a body's image URL can never make the server fetch an address of an
 * editor's choosing (SSRF): images travel as data: URLs or are left out, their alt text printed instead.
 */
export class PdfPrinter {
  readonly #path: string | undefined;
  readonly #timeoutMs: number;
  #browser: Promise<Browser> | undefined;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #concurrency: number;
  readonly #idleMs: number;
  #idle: NodeJS.Timeout | undefined;

  constructor(options: PdfPrinterOptions = {}) {
    this.#path = options.executablePath ?? findChromium();
    this.#concurrency = options.concurrency ?? 2;
    this.#timeoutMs = options.timeoutMs ?? 20_000;
    this.#idleMs = options.idleMs ?? 60_000;
  }

  get available(): boolean {
    return this.#path !== undefined;
  }

  async #launch(): Promise<Browser> {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: this.#path, args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'] });
    browser.on('disconnected', () => {
      this.#browser = undefined; // a crashed browser is started again on the next print
    });
    return browser;
  }

  async #slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#concurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running++;
    clearTimeout(this.#idle);
    try {
      return await work();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
      if (this.#running === 0) {
        this.#idle = setTimeout(() => void this.close(), this.#idleMs);
        this.#idle.unref();
      }
    }
  }

  async print(request: PrintRequest): Promise<Buffer> {
    if (!this.#path) throw new Error('Chromium is not installed (set CHROMIUM_PATH)');
    return this.#slot(async () => {
      this.#browser ??= this.#launch().catch((error: unknown) => {
        this.#browser = undefined;
        throw error;
      });
      const browser = await this.#browser;
      const context = await browser.newContext({ javaScriptEnabled: false, locale: request.locale });
      try {
        await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
        const page = await context.newPage();
        page.setDefaultTimeout(this.#timeoutMs);
        await page.setContent(request.html, { waitUntil: 'load' });
        const footer = `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:'DejaVu Sans',sans-serif"><span>${escapeForTemplate(request.footerText)}</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`;
        return await page.pdf({
          format: 'A4',
          margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
          printBackground: false,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footer,
          tagged: true,
          outline: true,
        });
      } finally {
        await context.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const browser = this.#browser;
    this.#browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }
}

/** Chromium's header/footer templates are HTML: the footer's text is escaped like page text. */
function escapeForTemplate(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
