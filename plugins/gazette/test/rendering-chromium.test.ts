import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { GAZETTE_ERR_RENDER_CHROMIUM_CRASHED, GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE, GAZETTE_ERR_RENDER_PRINTER_CLOSED } from '../src/errors.js';
import { ChromiumPrinter, descendantProcesses, renderIssue } from '../src/rendering/index.js';
import { expectIssueLayout, expectPidsGone, HEADER, issueInput, makeIssueDocument, pdfPageTexts } from './fixtures/rendering-fixtures.js';

// SECURITY.md F10: Chromium crashing or hanging during a gazette render. The browser is killed by pid
// from the printer's test hook while the issue is being printed; the job is retried on a fresh browser
// and no Chromium process of ours is left afterwards.

const printers: ChromiumPrinter[] = [];

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
afterEach(async () => {
  await Promise.all(printers.splice(0).map((printer) => printer.close()));
});

/** A printer whose hook records every pid of the browser tree it saw, for the orphan check. */
function trackedPrinter(options: ConstructorParameters<typeof ChromiumPrinter>[0] & { onPid?: (pid: number, attempt: number) => void } = {}) {
  const seen = new Set<number>();
  const printer = new ChromiumPrinter({
    ...options,
    onBeforePrint: (pid, attempt) => {
      seen.add(pid);
      for (const child of descendantProcesses(pid)) seen.add(child.pid);
      options.onPid?.(pid, attempt);
    },
  });
  printers.push(printer);
  return { printer, seen };
}

describe('ChromiumPrinter', () => {
  it('retries a print whose browser is killed mid-render, and the issue still comes out', async () => {
    let killed: { pid: number; tree: number[] } | undefined;
    const { printer, seen } = trackedPrinter({
      onPid: (pid) => {
        if (killed) return;
        killed = { pid, tree: descendantProcesses(pid).map((child) => child.pid) };
        process.kill(pid, 'SIGKILL');
      },
    });
    const documents = await Promise.all([2, 1].map((pages, index) => makeIssueDocument(index + 1, { pages })));
    const rendered = await renderIssue(issueInput(documents), { printer });
    expect(rendered.renderer).toBe('chromium');
    await expectIssueLayout(rendered, [2, 1], HEADER);

    expect(printer.launchedPids).toEqual([killed!.pid, printer.browserPid]);
    expect(killed!.tree.length).toBeGreaterThan(0);
    // The killed browser's whole tree is gone already, before close().
    await expectPidsGone([killed!.pid, ...killed!.tree]);

    await printer.close();
    expect(printer.browserPid).toBeUndefined();
    await expectPidsGone([...seen, ...printer.launchedPids]);
  }, 120_000);

  it('gives up with GAZETTE_ERR_RENDER_CHROMIUM_CRASHED after maxAttempts crashes, leaving no process', async () => {
    const { printer, seen } = trackedPrinter({ maxAttempts: 3, onPid: (pid) => process.kill(pid, 'SIGKILL') });
    const error = await printer.print('<!doctype html><p>Xin chào</p>').catch((e: unknown) => e);
    expect(GAZETTE_ERR_RENDER_CHROMIUM_CRASHED.is(error), String(error)).toBe(true);
    expect((error as Error).message).toContain('3 attempts');
    expect(printer.launchedPids).toHaveLength(3);
    await printer.close();
    await expectPidsGone([...seen, ...printer.launchedPids]);
  }, 120_000);

  it('kills and replaces a browser that hangs (stopped mid-print) once the print times out', async () => {
    let stopped: number | undefined;
    const { printer, seen } = trackedPrinter({
      timeoutMs: 3_000,
      onPid: (pid) => {
        if (stopped === undefined) {
          stopped = pid;
          process.kill(pid, 'SIGSTOP');
        }
      },
    });
    const pdf = await printer.print('<!doctype html><p>Trang không bao giờ in xong</p>');
    expect((await pdfPageTexts(pdf))[0]!.text).toContain('Trang không bao giờ in xong');
    expect(printer.launchedPids).toHaveLength(2);
    await expectPidsGone([stopped!]);
    await printer.close();
    await expectPidsGone([...seen, ...printer.launchedPids]);
  }, 120_000);

  it('retries on a fresh browser when the renderer process of the page crashes', async () => {
    const rendererKills: number[] = [];
    const { printer, seen } = trackedPrinter({
      onPid: (pid, attempt) => {
        if (attempt > 1) return;
        for (const child of descendantProcesses(pid)) {
          if (commandLine(child.pid).includes('--type=renderer')) {
            rendererKills.push(child.pid);
            process.kill(child.pid, 'SIGKILL');
          }
        }
      },
    });
    const pdf = await printer.print('<!doctype html><p>Sau khi trình hiển thị bị sập</p>');
    expect(rendererKills.length).toBeGreaterThan(0);
    expect((await pdfPageTexts(pdf))[0]!.text).toContain('Sau khi trình hiển thị bị sập');
    expect(printer.launchedPids).toHaveLength(2);
    await printer.close();
    await expectPidsGone([...seen, ...printer.launchedPids]);
  }, 60_000);

  it('leaves no process when closed while prints are running', async () => {
    let closing: Promise<void> | undefined;
    const { printer, seen } = trackedPrinter({
      concurrency: 1,
      onPid: () => {
        closing ??= printer.close();
      },
    });
    const results = await Promise.allSettled(Array.from({ length: 3 }, (_, i) => printer.print(`<p>${i}</p>`)));
    await closing;
    for (const result of results) {
      if (result.status === 'rejected') expect(GAZETTE_ERR_RENDER_PRINTER_CLOSED.is(result.reason), String(result.reason)).toBe(true);
    }
    expect(results.some((result) => result.status === 'rejected')).toBe(true);
    expect(printer.launchedPids).toHaveLength(1);
    await expectPidsGone([...seen, ...printer.launchedPids]);
  }, 60_000);

  it('shares one browser between concurrent prints and closes it with all its children', async () => {
    const { printer, seen } = trackedPrinter({ concurrency: 2 });
    const pdfs = await Promise.all(Array.from({ length: 5 }, (_, i) => printer.print(`<!doctype html><p>Bản in số ${i}</p>`)));
    for (const [i, pdf] of pdfs.entries()) expect((await pdfPageTexts(pdf))[0]!.text).toContain(`Bản in số ${i}`);
    expect(printer.launchedPids).toHaveLength(1);
    expect(seen.size).toBeGreaterThan(1); // the browser and its zygotes, renderers, utilities
    await printer.close();
    await printer.close(); // idempotent
    await expectPidsGone([...seen, ...printer.launchedPids]);
    const error = await printer.print('<p>x</p>').catch((e: unknown) => e);
    expect(GAZETTE_ERR_RENDER_PRINTER_CLOSED.is(error)).toBe(true);
  }, 60_000);

  it('prints with the CSS page size and lets no request leave the page', async () => {
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { printer } = trackedPrinter();
      const pdf = await printer.print(`<!doctype html><html><head><style>@page { size: A5; margin: 10mm }</style>
        <link rel="stylesheet" href="${origin}/style.css"><style>@import url('${origin}/import.css'); body { background: url('${origin}/bg.png') }</style></head>
        <body><p>Không tải gì từ mạng</p><img src="${origin}/image.png"><iframe src="${origin}/frame"></iframe><iframe src="file:///etc/passwd"></iframe>
        <script src="${origin}/script.js"></script></body></html>`);
      expect(requests).toEqual([]);
      const page = (await PDFDocument.load(pdf)).getPage(0);
      expect(Math.round(page.getWidth())).toBe(420); // A5: 148 mm
      const text = (await pdfPageTexts(pdf))[0]!.text;
      expect(text).toContain('Không tải gì từ mạng');
      expect(text).not.toContain('root:');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('reports a missing executable as GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE', async () => {
    const printer = new ChromiumPrinter({ executablePath: '/nonexistent/chromium' });
    printers.push(printer);
    expect(printer.installed).toBe(false);
    const error = await printer.print('<p>x</p>').catch((e: unknown) => e);
    expect(GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE.is(error)).toBe(true);
    expect(printer.launchedPids).toEqual([]);
  });

  it('takes the executable from CHROMIUM_PATH when no option names one', () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/opt/chromium/chrome';
    try {
      expect(new ChromiumPrinter().executablePath).toBe('/opt/chromium/chrome');
      expect(new ChromiumPrinter({ executablePath: '/usr/bin/chromium' }).executablePath).toBe('/usr/bin/chromium');
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
    expect(new ChromiumPrinter().executablePath).toBe(before || '/usr/bin/chromium');
  });
});

describe('renderIssue without Chromium (pdfkit fallback)', () => {
  for (const [name, executablePath] of [
    ['a non-existent Chromium path', '/nonexistent/chromium'],
    ['an executable that is not a browser', '/bin/false'],
  ] as const) {
    it(`lays out the same issue with pdfkit given ${name}`, async () => {
      const printer = new ChromiumPrinter({ executablePath, launchTimeoutMs: 10_000 });
      printers.push(printer);
      const documents = await Promise.all([1, 3].map((pages, index) => makeIssueDocument(index + 1, { pages })));
      const rendered = await renderIssue(issueInput(documents), { printer });
      expect(rendered.renderer).toBe('pdfkit');
      const pages = await expectIssueLayout(rendered, [1, 3], HEADER);
      expect(pages[0]!.text).toContain('Số 243 + 244');
      expect(pages[0]!.text).toContain('Từ số 243 đến số 244');
    }, 60_000);
  }

  it('uses pdfkit straight away when told there is no printer', async () => {
    const documents = await Promise.all(Array.from({ length: 30 }, (_, index) => makeIssueDocument(index + 1, { pages: 1 })));
    const rendered = await renderIssue(issueInput(documents, { issueNumbers: 12, publicationDate: '2026-01-09' }), { printer: null });
    expect(rendered.renderer).toBe('pdfkit');
    expect(rendered.documents[0]!.firstPage).toBeGreaterThan(3); // contents over two pages or more
    const pages = await expectIssueLayout(rendered, documents.map(() => 1), 'CÔNG BÁO/Số 12/Ngày 09-01-2026', 'Ngày 09 tháng 01 năm 2026');
    expect(pages[0]!.text).not.toContain('Từ số');
  }, 60_000);
});
