import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import { ChromiumPrinter, descendantProcesses, renderIssue } from '../src/rendering/index.js';
import { expectPidsGone, HEADER, issueInput, makeIssueDocument, pageMarker, pdfPageTexts } from './fixtures/rendering-fixtures.js';

// A full-size issue: 50 documents of 10 pages each. Measures time per page (printed, never asserted:
// SECURITY.md §6.2) and checks that no Chromium process of ours is left afterwards, by pid.

it('renders 50 documents of 10 pages into one issue and leaves no Chromium process behind', async () => {
  const documents = [];
  for (let n = 1; n <= 50; n++) {
    documents.push(await makeIssueDocument(n, { pages: 10, section: n <= 40 ? 'VĂN BẢN QUY PHẠM PHÁP LUẬT' : 'VĂN BẢN KHÁC' }));
  }
  const seen = new Set<number>();
  const printer = new ChromiumPrinter({
    onBeforePrint: (pid) => {
      seen.add(pid);
      for (const child of descendantProcesses(pid)) seen.add(child.pid);
    },
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const startedAt = performance.now();
  let rendered;
  try {
    rendered = await renderIssue(issueInput(documents), { printer });
  } finally {
    await printer.close();
    clearInterval(sampler);
  }
  const elapsedMs = performance.now() - startedAt;

  expect(rendered.renderer).toBe('chromium');
  const firstDocumentPage = rendered.documents[0]!.firstPage;
  expect(rendered.pageCount).toBe(firstDocumentPage - 1 + 500 + 1);
  expect(rendered.documents.at(-1)!.lastPage).toBe(rendered.pageCount - 1);
  await expectPidsGone([...seen, ...printer.launchedPids]);
  expect(seen.size).toBeGreaterThan(1);

  // Spot-check the text: contents rows, first and last page of some documents with their headers.
  const pages = await pdfPageTexts(rendered.pdf);
  const contents = pages.slice(1, firstDocumentPage - 1).map((page) => page.text).join(' ');
  for (const [index, document] of rendered.documents.entries()) {
    expect(document.lastPage - document.firstPage).toBe(9);
    expect(contents).toMatch(new RegExp(`Ban hành quy định số ${index + 1} về quản lý đất đai ${document.firstPage}(?!\\d)`));
    for (const offset of [0, 9]) {
      const page = pages[document.firstPage + offset - 1]!;
      expect(page.text).toContain(pageMarker(index + 1, offset + 1));
      expect(page.items).toContain(HEADER);
      expect(page.items).toContain(String(document.firstPage + offset));
    }
  }
  expect((await PDFDocument.load(rendered.pdf, { updateMetadata: false })).getPageCount()).toBe(rendered.pageCount);

  const chromiumVersion = execFileSync(printer.executablePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const perPage = elapsedMs / rendered.pageCount;
  process.stdout.write(
    `\n[gazette rendering] ${chromiumVersion}\n` +
      `[gazette rendering] 50 × 10-page documents: ${rendered.pageCount} pages (${firstDocumentPage - 2} contents pages) in ${Math.round(elapsedMs)} ms = ${perPage.toFixed(2)} ms/page; ` +
      `PDF ${(rendered.pdf.byteLength / 1048576).toFixed(1)} MiB; peak RSS ${Math.round(peakRss / 1048576)} MiB; browsers launched ${printer.launchedPids.length}, processes checked gone ${seen.size}\n`,
  );
}, 300_000);
