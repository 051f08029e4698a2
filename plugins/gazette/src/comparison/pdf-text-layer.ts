import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { layoutPageText } from './pdf-page-layout.js';

/** One page of a PDF as its text layer gives it. */
export interface PdfPageText {
  /** The page's lines, joined with `\n`. */
  readonly text: string;
  /** The page paints a picture and has (almost) no text: a scanned page. */
  readonly scanned: boolean;
}

/** Why pdf.js could not open a file. */
export type PdfProblem = 'password' | 'corrupt' | 'too-many-pages';

export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
  constructor(
    readonly problem: PdfProblem,
    message: string,
    readonly pages?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Options of {@link readPdfTextLayer}. */
export interface PdfTextLayerOptions {
  /** Refuse a file with more pages than this, before reading any page. */
  readonly maxPages: number;
  /** Stops between pages and destroys the document. */
  readonly signal?: AbortSignal;
}

/**
 * Fewer non-blank characters than this on a page with a picture, and the page counts as scanned. A
 * page of text has hundreds; a scan may carry a stamped line such as the GAZ-11 marker (27).
 */
const SCANNED_PAGE_MAX_CHARACTERS = 40;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;

/** pdf.js is large: load it the first time a PDF is read, not when the plugin starts. */
function loadPdfJs(): Promise<PdfJs> {
  return (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

/** Where pdf.js finds the metrics of the 14 standard fonts and the predefined CMaps on disk. */
function pdfjsDataUrls(): { standardFontDataUrl: string; cMapUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdf.js's Node factories read these with fs, from a path that must end with a separator.
  return { standardFontDataUrl: join(root, 'standard_fonts') + '/', cMapUrl: join(root, 'cmaps') + '/' };
}

/**
 * Reads a PDF's text layer page by page with pdf.js (no eval, no font loading); {@link layoutPageText}
 * puts each page's text items into reading order.
 */
export async function readPdfTextLayer(bytes: Uint8Array, options: PdfTextLayerOptions): Promise<PdfPageText[]> {
  const pdfjs = await loadPdfJs();
  const imageOps = new Set(
    ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat']
      .map((name) => (pdfjs.OPS as Record<string, number | undefined>)[name])
      .filter((op): op is number => op !== undefined),
  );
  const { standardFontDataUrl, cMapUrl } = pdfjsDataUrls();
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given; the caller still needs its bytes for OCR.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl,
    cMapUrl,
    cMapPacked: true,
  });
  const abort = () => void task.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      if (name === 'PasswordException') throw new PdfReadError('password', 'the PDF is password-protected', undefined, { cause: error });
      throw new PdfReadError('corrupt', error instanceof Error ? error.message : String(error), undefined, { cause: error });
    }
    if (document.numPages > options.maxPages) {
      throw new PdfReadError('too-many-pages', `${document.numPages} pages`, document.numPages);
    }
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      options.signal?.throwIfAborted();
      const page = await document.getPage(number);
      try {
        const content = await page.getTextContent();
        const text = layoutPageText(content.items.flatMap((item) => ('str' in item ? [item] : [])));
        let scanned = false;
        if (text.replace(/\s+/g, '').length < SCANNED_PAGE_MAX_CHARACTERS) {
          const operators = await page.getOperatorList();
          scanned = operators.fnArray.some((op) => imageOps.has(op));
        }
        pages.push({ text, scanned });
      } finally {
        page.cleanup();
      }
    }
    return pages;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await task.destroy();
  }
}
