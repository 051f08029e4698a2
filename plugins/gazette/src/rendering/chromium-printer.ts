import { accessSync, constants } from 'node:fs';
import type { Browser, BrowserServer } from 'playwright-core';
import {
  GAZETTE_ERR_RENDER_CHROMIUM_CRASHED,
  GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE,
  GAZETTE_ERR_RENDER_FAILED,
  GAZETTE_ERR_RENDER_PRINTER_CLOSED,
} from '../errors.js';
import {
  descendantProcesses,
  isStillRunning,
  killProcesses,
  processIdentity,
  waitUntilGone,
  type ProcessIdentity,
} from './chromium-processes.js';

/** STACK.md §4.7: `--no-sandbox` because CI and containers run as root. */
export const CHROMIUM_FLAGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // /dev/shm is 64 MB in many containers; a 500-page print would crash the renderer there.
  '--disable-dev-shm-usage',
  // Glyph positions from the font's metrics, not the screen's hinting, so print matches the PDF fonts.
  '--font-render-hinting=none',
]);

/** Options of {@link ChromiumPrinter}. */
export interface ChromiumPrinterOptions {
  /** The browser executable. Default: env `CHROMIUM_PATH`, else `/usr/bin/chromium` (Debian's package). */
  readonly executablePath?: string;
  /** Pages printed at once on the one browser; the rest wait. Each costs a renderer (~60 MB). Default 2. */
  readonly concurrency?: number;
  /**
   * Tries per print. A crash (browser disconnected, page crashed, target closed) or a hang starts a
   * fresh browser for the next try; after the last the print fails with
   * `GAZETTE_ERR_RENDER_CHROMIUM_CRASHED`. Default 3 (SECURITY.md F10).
   */
  readonly maxAttempts?: number;
  /** A print that has not finished after this long counts as hung. Default 60 000 ms (F10). */
  readonly timeoutMs?: number;
  /** How long a launch may take. Default 30 000 ms. */
  readonly launchTimeoutMs?: number;
  /**
   * Test hook, called right before `page.pdf` with the browser's process id and the attempt number
   * (1-based), so a fault-injection test can kill the browser mid-render. Default: none.
   */
  readonly onBeforePrint?: (browserPid: number, attempt: number) => void | Promise<void>;
}

/** The browser executable from the options, env `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. */
export function chromiumExecutablePath(options: Pick<ChromiumPrinterOptions, 'executablePath'> = {}, env: NodeJS.ProcessEnv = process.env): string {
  return options.executablePath ?? (env.CHROMIUM_PATH || '/usr/bin/chromium');
}

interface RunningBrowser {
  readonly server: BrowserServer;
  readonly browser: Browser;
  readonly pid: number;
  /** The browser process and every child seen so far; killed and waited for on discard. */
  readonly tree: Map<number, ProcessIdentity>;
  discarded?: Promise<void>;
}

/**
 * Prints HTML to PDF with Debian's Chromium through playwright-core. One browser serves many prints
 * (launching costs ~0.25 s), at most `concurrency` at a time, each in its own context with JavaScript
 * off and every request refused except `data:` URLs (the inlined fonts): a print job never reaches the
 * network. A crashed or hung browser is killed with its whole process tree and replaced; `close()`
 * leaves no process of ours behind (SECURITY.md F10).
 *
 * @example
 * ```ts
 * const printer = new ChromiumPrinter();
 * try {
 *   const pdf = await printer.print('<!doctype html><p>Xin chào</p>');
 * } finally {
 *   await printer.close();
 * }
 * ```
 */
export class ChromiumPrinter {
  readonly executablePath: string;
  readonly #concurrency: number;
  readonly #maxAttempts: number;
  readonly #timeoutMs: number;
  readonly #launchTimeoutMs: number;
  readonly #onBeforePrint: ChromiumPrinterOptions['onBeforePrint'];
  #current: Promise<RunningBrowser> | undefined;
  #currentRunning: RunningBrowser | undefined;
  readonly #everyPid: number[] = [];
  readonly #live = new Set<RunningBrowser>();
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  #closed = false;

  constructor(options: ChromiumPrinterOptions = {}) {
    this.executablePath = chromiumExecutablePath(options);
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#launchTimeoutMs = options.launchTimeoutMs ?? 30_000;
    this.#onBeforePrint = options.onBeforePrint;
  }

  /** True when the executable exists and may be run; launching can still fail. */
  get installed(): boolean {
    try {
      accessSync(this.executablePath, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** The running browser's process id, `undefined` before the first print and after `close()`. */
  get browserPid(): number | undefined {
    const last = this.#everyPid.at(-1);
    return last !== undefined && [...this.#live].some((running) => running.pid === last) ? last : undefined;
  }

  /** Every browser process id this printer has started, oldest first (a crash adds one). */
  get launchedPids(): readonly number[] {
    return [...this.#everyPid];
  }

  /**
   * Prints one HTML document; the page size and margins come from its `@page` rule
   * (`preferCSSPageSize`). Throws `GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE` when the browser cannot be
   * started, `GAZETTE_ERR_RENDER_CHROMIUM_CRASHED` after `maxAttempts` crashes or hangs,
   * `GAZETTE_ERR_RENDER_FAILED` for any other failure.
   */
  async print(html: string): Promise<Uint8Array> {
    this.#assertOpen();
    return this.#slot(async () => {
      let lastError: unknown;
      for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
        this.#assertOpen();
        const running = await this.#browser();
        try {
          return await this.#printOnce(running, html, attempt);
        } catch (error) {
          if (this.#closed) throw GAZETTE_ERR_RENDER_PRINTER_CLOSED.create({}, { cause: error });
          if (!isBrowserFault(error, running)) throw GAZETTE_ERR_RENDER_FAILED.create({ reason: messageOf(error) }, { cause: error });
          lastError = error;
          await this.#discard(running, { force: true });
        }
      }
      throw GAZETTE_ERR_RENDER_CHROMIUM_CRASHED.create({ attempts: this.#maxAttempts, reason: messageOf(lastError) }, { cause: lastError });
    });
  }

  /** Closes the browser and waits until neither it nor any of its children runs. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    const current = this.#current;
    this.#current = undefined;
    await current?.catch(() => undefined);
    await Promise.all([...this.#live].map((running) => this.#discard(running)));
    for (const wake of this.#waiting.splice(0)) wake();
  }

  #assertOpen(): void {
    if (this.#closed) throw GAZETTE_ERR_RENDER_PRINTER_CLOSED.create();
  }

  async #slot<T>(work: () => Promise<T>): Promise<T> {
    while (this.#running >= this.#concurrency) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
      this.#assertOpen();
    }
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  /** The shared browser, launched on first use and again after a crash. */
  async #browser(): Promise<RunningBrowser> {
    for (;;) {
      // Prints waiting on the same dead browser share one relaunch: the first to get here starts it.
      this.#current ??= this.#startLaunch();
      const running = await this.#current;
      if (!running.discarded && running.browser.isConnected()) return running;
      await this.#discard(running, { force: true });
    }
  }

  #startLaunch(): Promise<RunningBrowser> {
    const launching = this.#launch().then((running) => {
      this.#currentRunning = running;
      return running;
    });
    launching.catch(() => {
      if (this.#current === launching) this.#current = undefined;
    });
    return launching;
  }

  async #launch(): Promise<RunningBrowser> {
    if (!this.installed) {
      throw GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE.create({ path: this.executablePath, reason: 'no executable file there' });
    }
    const { chromium } = await import('playwright-core');
    let server: BrowserServer;
    try {
      // launchServer, unlike launch, exposes the browser's ChildProcess: its pid is what F10 checks.
      server = await chromium.launchServer({
        executablePath: this.executablePath,
        args: [...CHROMIUM_FLAGS],
        timeout: this.#launchTimeoutMs,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      throw GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE.create({ path: this.executablePath, reason: messageOf(error) }, { cause: error });
    }
    const pid = server.process().pid;
    const tree = new Map<number, ProcessIdentity>();
    if (pid !== undefined) {
      const self = processIdentity(pid);
      if (self) tree.set(pid, self);
    }
    let browser: Browser;
    try {
      browser = await chromium.connect(server.wsEndpoint(), { timeout: this.#launchTimeoutMs });
    } catch (error) {
      await server.kill().catch(() => undefined);
      killProcesses(tree.values());
      throw GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE.create({ path: this.executablePath, reason: messageOf(error) }, { cause: error });
    }
    const running: RunningBrowser = { server, browser, pid: pid ?? -1, tree };
    this.#everyPid.push(running.pid);
    this.#live.add(running);
    recordTree(running);
    if (this.#closed) {
      await this.#discard(running);
      throw GAZETTE_ERR_RENDER_PRINTER_CLOSED.create();
    }
    return running;
  }

  async #printOnce(running: RunningBrowser, html: string, attempt: number): Promise<Uint8Array> {
    const { browser } = running;
    return withTimeout(this.#timeoutMs, `printing did not finish within ${this.#timeoutMs} ms`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', serviceWorkers: 'block' });
      try {
        // The fonts travel inside the HTML as data: URLs; nothing else may load (no SSRF, no tracking).
        await context.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient'),
        );
        const page = await context.newPage();
        try {
          page.setDefaultTimeout(this.#timeoutMs);
          await page.setContent(html, { waitUntil: 'load' });
          // Fonts are fetched when first used; printing before they arrive would embed a fallback.
          await page.evaluate('document.fonts.ready.then(() => undefined)');
          recordTree(running);
          await this.#onBeforePrint?.(running.pid, attempt);
          // A crashed renderer can fail the print before or after Chromium reports the crash: both count.
          const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new PageCrashedError())));
          crashed.catch(() => undefined);
          const pdf = await Promise.race([page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true }), crashed]);
          return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        } finally {
          await settle(page.close());
        }
      } finally {
        await settle(context.close());
      }
    });
  }

  /**
   * Closes a browser and every process it started, and waits until they are gone. `force` skips the
   * polite close: a crashed or hung browser has nothing to flush and may never answer.
   */
  async #discard(running: RunningBrowser, { force = false } = {}): Promise<void> {
    running.discarded ??= (async () => {
      if (this.#currentRunning === running) {
        this.#current = undefined;
        this.#currentRunning = undefined;
      }
      recordTree(running);
      // Polite first: Chromium flushes and exits; then force whatever is left, group and recorded tree.
      if (!force) await settle(running.server.close(), 5_000);
      if (force || [...running.tree.values()].some(isStillRunning)) {
        // Playwright's kill also removes the browser's temporary profile directory.
        await settle(running.server.kill(), 2_000);
        try {
          process.kill(-running.pid, 'SIGKILL');
        } catch {
          // The process group is already empty.
        }
        killProcesses(running.tree.values());
      }
      await waitUntilGone([...running.tree.values()], 10_000);
      this.#live.delete(running);
    })();
    return running.discarded;
  }
}

/** Adds the browser's current children to its recorded tree (renderers come and go with pages). */
function recordTree(running: RunningBrowser): void {
  if (running.pid < 0) return;
  for (const child of descendantProcesses(running.pid)) running.tree.set(child.pid, child);
}

/**
 * A fault of the browser rather than of the document: it disconnected, a page or target crashed or
 * closed under us, or the print hung. These are retried on a fresh browser; anything else is not.
 */
function isBrowserFault(error: unknown, running: RunningBrowser): boolean {
  if (!running.browser.isConnected()) return true;
  if (error instanceof PrintTimeoutError || error instanceof PageCrashedError) return true;
  const message = messageOf(error);
  // "Printing failed" is what Page.printToPDF answers when the page's renderer died under it.
  return /crash|Target (page, context or browser )?(has been )?closed|Browser (has been )?closed|disconnected|Timeout|Printing failed/i.test(message);
}

class PrintTimeoutError extends Error {
  override readonly name = 'PrintTimeoutError';
}

class PageCrashedError extends Error {
  override readonly name = 'PageCrashedError';
  constructor() {
    super('the page crashed while printing');
  }
}

async function withTimeout<T>(ms: number, message: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const pending = work();
  try {
    return await Promise.race([
      pending,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PrintTimeoutError(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    // A hung print settles once its browser is killed; its late rejection is expected and ignored.
    pending.catch(() => undefined);
  }
}

/** Awaits a cleanup step without letting it throw or hang the caller (a dead browser never answers). */
async function settle(promise: Promise<unknown>, ms = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}
