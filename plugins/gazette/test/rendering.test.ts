import { degrees, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE, GAZETTE_ERR_RENDER_INPUT_INVALID } from '../src/errors.js';
import {
  ChromiumPrinter,
  formatDashedDate,
  formatLongDate,
  issueNumberCitation,
  issueNumberLabel,
  issueTitle,
  renderIssue,
  runningHeaderText,
} from '../src/rendering/index.js';
import { expectIssueLayout, HEADER, issueInput, makeIssueDocument, pdfPageTexts, PUBLISHER } from './fixtures/rendering-fixtures.js';

const NORMATIVE = 'VĂN BẢN QUY PHẠM PHÁP LUẬT';
const OTHER = 'VĂN BẢN KHÁC';

describe('renderIssue with Chromium', () => {
  let printer: ChromiumPrinter;
  beforeAll(() => {
    printer = new ChromiumPrinter();
  });
  afterAll(async () => {
    await printer.close();
  });

  it('lays out cover, contents grouped by section, documents under running headers and the last page', async () => {
    const pageCounts = [2, 3, 1, 4];
    const documents = await Promise.all(
      pageCounts.map((pages, index) => makeIssueDocument(index + 1, { pages, section: index < 3 ? NORMATIVE : OTHER })),
    );
    const rendered = await renderIssue(issueInput(documents), { printer });
    expect(rendered.renderer).toBe('chromium');
    const pages = await expectIssueLayout(rendered, pageCounts, HEADER);

    // A grouped range: the short label and the citation wording (GAZ-21).
    expect(pages[0]!.text).toContain('Số 243 + 244');
    expect(pages[0]!.text).toContain('Từ số 243 đến số 244');
    const contents = pages[1]!.text;
    expect(contents).toContain('Từ số 243 đến số 244, năm 2026');
    // Sections in first-appearance order, each document under its own.
    expect(contents.indexOf(NORMATIVE)).toBeLessThan(contents.indexOf(`${101}/2026/QĐ-UBND`));
    expect(contents.indexOf(`${103}/2026/QĐ-UBND`)).toBeLessThan(contents.indexOf(OTHER));
    expect(contents.indexOf(OTHER)).toBeLessThan(contents.indexOf(`${104}/2026/QĐ-UBND`));

    // Metadata of the issue.
    const pdf = await PDFDocument.load(rendered.pdf, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Công báo tỉnh Quảng Trị số 243 + 244 ngày 29-11-2026');
    expect(pdf.getAuthor()).toBe(PUBLISHER.name);
    expect(pdf.getProducer()).toBe('Cổng');
    expect(pdf.getSubject()).toContain('từ số 243 đến số 244');
    expect(pdf.getKeywords()).toContain('101/2026/QĐ-UBND');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-28T17:00:00.000Z'); // 29-11-2026 00:00 in Việt Nam
    expect(pdf.catalog.toString()).toContain('/Lang (vi)');
    // Bookmarks: cover, contents, each document where it starts, the publisher's page.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loaded = await pdfjs.getDocument({ data: rendered.pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const outline = await loaded.getOutline();
      const targets = await Promise.all(
        outline.map(async (item) => [item.title, (await loaded.getPageIndex((item.dest as [{ num: number; gen: number }])[0])) + 1] as const),
      );
      expect(targets).toEqual([
        ['Bìa', 1],
        ['Mục lục', 2],
        ...rendered.documents.map((document, index) => [`Quyết định số ${101 + index}/2026/QĐ-UBND: Ban hành quy định số ${index + 1} về quản lý đất đai`, document.firstPage]),
        ['Thông tin xuất bản', rendered.pageCount],
      ]);
    } finally {
      await loaded.destroy();
    }

    // Chromium embedded the Liberation Serif file we gave it (as a subset), not a system substitute.
    const baseFonts = pdf.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font') ? [String(object.get(PDFName.of('BaseFont')))] : []));
    expect(baseFonts.some((name) => /^\/[A-Z]{6}\+LiberationSerif/.test(name)), baseFonts.join(', ')).toBe(true);
  }, 120_000);

  it('prints a single issue number without range wording', async () => {
    const documents = [await makeIssueDocument(1, { pages: 1 })];
    const rendered = await renderIssue(issueInput(documents, { issueNumbers: 245, publicationDate: '2026-02-05' }), { printer });
    const pages = await expectIssueLayout(rendered, [1], 'CÔNG BÁO/Số 245/Ngày 05-02-2026', 'Ngày 05 tháng 02 năm 2026');
    expect(pages[0]!.text).toContain('Số 245');
    expect(pages[0]!.text).toContain('Ngày 05 tháng 02 năm 2026');
    expect(pages[0]!.text).not.toContain('Từ số');
  }, 60_000);

  it('re-renders the contents when they need more than one page, keeping every start page right', async () => {
    const pageCounts = Array.from({ length: 24 }, (_, index) => (index % 3) + 1);
    const documents = await Promise.all(pageCounts.map((pages, index) => makeIssueDocument(index + 1, { pages, section: NORMATIVE })));
    const rendered = await renderIssue(issueInput(documents), { printer });
    expect(rendered.documents[0]!.firstPage).toBeGreaterThan(3); // cover + at least two contents pages
    await expectIssueLayout(rendered, pageCounts, HEADER);
  }, 120_000);

  it('stamps the header along the visible top edge of rotated pages', async () => {
    const base = await makeIssueDocument(1, { pages: 4 });
    const rotatedDocument = await PDFDocument.load(base.pdf);
    rotatedDocument.getPages().forEach((page, index) => page.setRotation(degrees(index * 90)));
    const document = { ...base, pdf: await rotatedDocument.save() };
    const rendered = await renderIssue(issueInput([document]), { printer });
    const { firstPage } = rendered.documents[0]!;

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loaded = await pdfjs.getDocument({ data: rendered.pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      for (let offset = 0; offset < 4; offset++) {
        const page = await loaded.getPage(firstPage + offset);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const header = content.items.find((item) => 'str' in item && item.str === HEADER);
        expect(header, `header on page rotated ${offset * 90}`).toBeDefined();
        // In viewer coordinates (origin top-left, y down): near the top, running left to right.
        const [a, b, , , , f] = pdfjs.Util.transform(viewport.transform, (header as { transform: number[] }).transform);
        expect(f, `baseline of the header on page rotated ${offset * 90}`).toBeLessThan(50);
        expect(a).toBeGreaterThan(0);
        expect(Math.abs(b)).toBeLessThan(1e-6);
      }
    } finally {
      await loaded.destroy();
    }
  }, 60_000);

  it('escapes the text it is given', async () => {
    const document = { ...(await makeIssueDocument(1, { pages: 1 })), summary: 'Về <b>mức thu</b> & "phí" <script>x()</script>' };
    const rendered = await renderIssue(issueInput([document]), { printer });
    const pages = await pdfPageTexts(rendered.pdf);
    expect(pages[1]!.text).toContain('Về <b>mức thu</b> & "phí" <script>x()</script>');
  }, 60_000);
});

describe('renderIssue input checks', () => {
  it('reports every invalid field at once', async () => {
    const document = await makeIssueDocument(1, { pages: 1 });
    const input = issueInput([document, { ...document, issueDate: '2026-02-30' }], { issueNumbers: [244, 243], publicationDate: '29/11/2026' });
    const error = await renderIssue(input, { printer: null }).catch((e: unknown) => e);
    expect(GAZETTE_ERR_RENDER_INPUT_INVALID.is(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('issueNumbers range must rise');
    expect(message).toContain('publicationDate must be a date');
    expect(message).toContain('documents[1].id "doc-1" appears twice');
    expect(message).toContain('documents[1].issueDate must be a date');
  });

  it('names the document whose PDF cannot be read', async () => {
    const good = await makeIssueDocument(1, { pages: 1 });
    const bad = { ...(await makeIssueDocument(2, { pages: 1 })), pdf: new TextEncoder().encode('<html>not a pdf</html>') };
    const error = await renderIssue(issueInput([good, bad]), { printer: null }).catch((e: unknown) => e);
    expect(GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE.is(error)).toBe(true);
    expect((error as Error).message).toContain('doc-2');
  });
});


describe('issue wording', () => {
  it('writes issue numbers, single and grouped (GAZ-21)', () => {
    expect(issueNumberLabel({ issueNumbers: 7 })).toBe('Số 7');
    expect(issueNumberCitation({ issueNumbers: 7 })).toBe('Số 7');
    expect(issueNumberLabel({ issueNumbers: [243, 244] })).toBe('Số 243 + 244');
    expect(issueNumberCitation({ issueNumbers: [243, 244] })).toBe('Từ số 243 đến số 244');
    expect(issueNumberLabel({ issueNumbers: [365, 367] })).toBe('Số 365 + 366 + 367');
    expect(issueNumberLabel({ issueNumbers: [10, 19] })).toBe('Số 10 - 19');
    expect(issueNumberCitation({ issueNumbers: [10, 19] })).toBe('Từ số 10 đến số 19');
  });

  it('writes dates the way administrative documents do', () => {
    expect(formatDashedDate('2026-03-12')).toBe('12-03-2026');
    expect(formatLongDate('2026-11-29')).toBe('Ngày 29 tháng 11 năm 2026');
    expect(formatLongDate('2026-02-05')).toBe('Ngày 05 tháng 02 năm 2026');
    expect(formatLongDate('2026-03-05')).toBe('Ngày 05 tháng 3 năm 2026');
  });

  it('names the issue in the header and the PDF title', () => {
    const issue = { provinceName: 'Quảng Trị', issueNumbers: [243, 244] as const, publicationDate: '2026-11-29' };
    expect(runningHeaderText(issue)).toBe('CÔNG BÁO/Số 243 + 244/Ngày 29-11-2026');
    expect(issueTitle(issue)).toBe('Công báo tỉnh Quảng Trị số 243 + 244 ngày 29-11-2026');
  });
});
