import { createHash } from 'node:crypto';
import { CongError } from '@cong/sdk';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE, GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE, GAZETTE_ERR_RENDER_FAILED } from '../errors.js';
import { ChromiumIssueRenderer } from './chromium-issue-renderer.js';
import { ChromiumPrinter } from './chromium-printer.js';
import { resolveIssueFonts, type IssueFonts } from './issue-fonts.js';
import type { IssueFrontMatterRenderer } from './issue-front-matter-renderer.js';
import { assertValidLayoutInput, issueNumberList, parseIsoDate, type IssueLayoutInput } from './issue-layout-input.js';
import { addIssueOutline } from './issue-outline.js';
import { issueNumberCitation, issueTitle, runningHeaderText, tableOfContents } from './issue-wording.js';
import { PdfkitIssueRenderer } from './pdfkit-issue-renderer.js';
import { RunningHeaderStamper } from './running-header-stamper.js';

/** Options of {@link renderIssue}. */
export interface RenderIssueOptions {
  /**
   * The Chromium printer to use, left open afterwards (the caller owns it). Default (`undefined`): a
   * printer with default options is started for this issue and closed before returning. `null`: no
   * Chromium at all, the pdfkit layout straight away.
   */
  readonly printer?: ChromiumPrinter | null;
  /** Font files. Default: Liberation Serif, else DejaVu Serif (see {@link resolveIssueFonts}). */
  readonly fonts?: Partial<IssueFonts>;
}

/** Where one document landed in the issue; the table of contents prints `firstPage`. */
export interface RenderedIssueDocument {
  readonly id: string;
  /** 1-based page numbers of the issue PDF, as the running headers print them. */
  readonly firstPage: number;
  readonly lastPage: number;
}

/** A rendered issue, ready to be signed (GAZ-23) and stored (GAZ-05). */
export interface RenderedIssue {
  readonly pdf: Uint8Array;
  readonly pageCount: number;
  readonly documents: readonly RenderedIssueDocument[];
  /** Which layout produced the cover, contents and last page: `pdfkit` when Chromium was missing. */
  readonly renderer: 'chromium' | 'pdfkit';
  /** Hex SHA-256 of `pdf`, for the published hash (DOMAIN.md §4.6 item 9). */
  readonly sha256: string;
}

/** A table of contents that keeps growing by a page has a layout bug; stop rather than loop. */
const MAX_CONTENTS_PASSES = 6;
const A4: [number, number] = [595.28, 841.89];

/**
 * Lays out a gazette issue (GAZ-20, GAZ-21): cover, table of contents, the documents' own pages under
 * a running header, and the publisher's last page, merged into one PDF with the issue's metadata.
 *
 * Page numbers run through the whole PDF, the cover being page 1, so the numbers in the table of
 * contents, in the headers and in {@link RenderedIssue.documents} are the numbers a PDF viewer shows.
 * The contents must know where each document starts, which depends on how many pages the contents
 * take: they are rendered, counted and rendered again until the count holds (a shorter re-render is
 * padded with a blank page instead, so the loop cannot oscillate).
 *
 * Chromium renders the gazette's own pages; when it is not installed or cannot start, pdfkit does,
 * and `renderer` says so. A Chromium crash is retried by the printer and otherwise fails the render
 * (`GAZETTE_ERR_RENDER_CHROMIUM_CRASHED`, F10: the composer marks the issue failed): a crashing
 * browser is a fault to see, not something to hide behind the plainer layout.
 *
 * Memory: each document is parsed, copied into the one output document and dropped before the next,
 * so the peak is the output plus one input, not every input parsed at once.
 */
export async function renderIssue(input: IssueLayoutInput, options: RenderIssueOptions = {}): Promise<RenderedIssue> {
  try {
    return await layOutIssue(input, options);
  } catch (error) {
    // pdf-lib and pdfkit failures leave as the gazette's own code, the original kept as the cause.
    if (CongError.is(error)) throw error;
    throw GAZETTE_ERR_RENDER_FAILED.create({ reason: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
}

async function layOutIssue(input: IssueLayoutInput, options: RenderIssueOptions): Promise<RenderedIssue> {
  assertValidLayoutInput(input);
  const fonts = resolveIssueFonts(options.fonts);
  // One at a time, each parse dropped at once: 50 documents are never all parsed together.
  const pageCounts: number[] = [];
  for (const document of input.documents) pageCounts.push((await loadDocument(document.id, document.pdf)).getPageCount());

  const ownPrinter = options.printer === undefined ? new ChromiumPrinter() : undefined;
  const printer = options.printer === undefined ? ownPrinter : options.printer;
  try {
    let renderer: IssueFrontMatterRenderer = printer ? new ChromiumIssueRenderer(printer, fonts) : new PdfkitIssueRenderer(fonts);
    let front: FrontMatter;
    try {
      front = await renderFrontMatter(renderer, input, pageCounts);
    } catch (error) {
      if (!GAZETTE_ERR_RENDER_CHROMIUM_UNAVAILABLE.is(error)) throw error;
      renderer = new PdfkitIssueRenderer(fonts);
      front = await renderFrontMatter(renderer, input, pageCounts);
    }
    const { pdf, pageCount, documents } = await mergeIssue(input, fonts, front);
    return {
      pdf,
      pageCount,
      documents,
      renderer: renderer.name,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    };
  } finally {
    await ownPrinter?.close();
  }
}

interface FrontMatter {
  readonly cover: Uint8Array;
  readonly contents: Uint8Array;
  /** Blank pages after the contents, when the final pass came out shorter than the numbering assumed. */
  readonly contentsPadding: number;
  readonly lastPage: Uint8Array;
  /** First and last issue page of each document, in input order. */
  readonly ranges: readonly (readonly [number, number])[];
}

async function renderFrontMatter(renderer: IssueFrontMatterRenderer, input: IssueLayoutInput, pageCounts: readonly number[]): Promise<FrontMatter> {
  const [cover, lastPage] = await Promise.all([renderer.renderCover(input), renderer.renderLastPage(input)]);
  const coverPages = (await PDFDocument.load(cover)).getPageCount();
  let assumedContentsPages = 1;
  for (let pass = 1; pass <= MAX_CONTENTS_PASSES; pass++) {
    const ranges = documentRanges(coverPages + assumedContentsPages + 1, pageCounts);
    const contents = await renderer.renderTableOfContents(input, tableOfContents(input, ranges.map(([first]) => first)));
    const contentsPages = (await PDFDocument.load(contents)).getPageCount();
    if (contentsPages <= assumedContentsPages) {
      return { cover, contents, contentsPadding: assumedContentsPages - contentsPages, lastPage, ranges };
    }
    assumedContentsPages = contentsPages;
  }
  throw GAZETTE_ERR_RENDER_FAILED.create({ reason: `the table of contents did not settle on a page count after ${MAX_CONTENTS_PASSES} passes` });
}

function documentRanges(firstPage: number, pageCounts: readonly number[]): [number, number][] {
  let next = firstPage;
  return pageCounts.map((count) => {
    const range: [number, number] = [next, next + count - 1];
    next += count;
    return range;
  });
}

async function mergeIssue(
  input: IssueLayoutInput,
  fonts: IssueFonts,
  front: FrontMatter,
): Promise<{ pdf: Uint8Array; pageCount: number; documents: RenderedIssueDocument[] }> {
  const issue = await PDFDocument.create({ updateMetadata: false });
  const header = await RunningHeaderStamper.embed(issue, fonts, runningHeaderText(input));
  const append = async (source: PDFDocument): Promise<PDFPage[]> => {
    const pages = await issue.copyPages(source, source.getPageIndices());
    for (const page of pages) issue.addPage(page);
    return pages;
  };

  await append(await PDFDocument.load(front.cover));
  const contentsPages = await append(await PDFDocument.load(front.contents));
  for (let i = 0; i < front.contentsPadding; i++) {
    const last = contentsPages.at(-1);
    contentsPages.push(issue.addPage(last ? [last.getWidth(), last.getHeight()] : A4));
  }
  // The contents are content pages too: they carry the header, numbered from where they stand.
  const contentsStart = issue.getPageCount() - contentsPages.length + 1;
  contentsPages.forEach((page, index) => header.stamp(page, contentsStart + index));

  const documents: RenderedIssueDocument[] = [];
  for (const [index, document] of input.documents.entries()) {
    const [firstPage, lastPage] = front.ranges[index]!;
    if (issue.getPageCount() + 1 !== firstPage) {
      throw GAZETTE_ERR_RENDER_FAILED.create({ reason: `document ${document.id} would start on page ${issue.getPageCount() + 1}, the contents say ${firstPage}` });
    }
    const pages = await append(await loadDocument(document.id, document.pdf));
    pages.forEach((page, offset) => header.stamp(page, firstPage + offset));
    documents.push({ id: document.id, firstPage, lastPage });
  }
  const lastPages = (await append(await PDFDocument.load(front.lastPage))).length;

  addIssueOutline(issue, [
    { title: 'Bìa', page: 1 },
    { title: 'Mục lục', page: contentsStart },
    ...input.documents.map((document, index) => ({
      title: truncate(`${document.docType} số ${document.numberSymbol}: ${document.summary}`, 160),
      page: documents[index]!.firstPage,
    })),
    { title: 'Thông tin xuất bản', page: issue.getPageCount() - lastPages + 1 },
  ]);

  setIssueMetadata(issue, input);
  const pdf = await issue.save({ useObjectStreams: true });
  return { pdf, pageCount: issue.getPageCount(), documents };
}

function setIssueMetadata(issue: PDFDocument, input: IssueLayoutInput): void {
  const { year, month, day } = parseIsoDate(input.publicationDate, 'publicationDate');
  // Midnight in Việt Nam (UTC+7) on the publication date: the issue's date, not the render's.
  const published = new Date(Date.UTC(year, month - 1, day) - 7 * 3_600_000);
  issue.setTitle(issueTitle(input), { showInWindowTitleBar: true });
  issue.setSubject(`Công báo điện tử tỉnh ${input.provinceName}, ${issueNumberCitation(input).toLocaleLowerCase('vi')}, năm ${input.year}`);
  issue.setKeywords([
    'Công báo',
    `tỉnh ${input.provinceName}`,
    ...issueNumberList(input).map((number) => `số ${number}/${input.year}`),
    ...input.documents.map((document) => document.numberSymbol),
  ]);
  issue.setAuthor(input.publisher.name);
  issue.setCreator('Cổng');
  issue.setProducer('Cổng');
  issue.setLanguage('vi');
  issue.setCreationDate(published);
  issue.setModificationDate(published);
}

async function loadDocument(id: string, bytes: Uint8Array): Promise<PDFDocument> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE.create({ document: id, reason: (error as Error).message }, { cause: error });
  }
  if (pdf.isEncrypted) throw GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE.create({ document: id, reason: 'the PDF is encrypted' });
  if (pdf.getPageCount() === 0) throw GAZETTE_ERR_RENDER_DOCUMENT_UNREADABLE.create({ document: id, reason: 'the PDF has no pages' });
  return pdf;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
