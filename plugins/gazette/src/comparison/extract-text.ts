import mammoth from 'mammoth';
import {
  GAZETTE_ERR_EXTRACTION_TIMEOUT,
  GAZETTE_ERR_FILE_TOO_LARGE,
  GAZETTE_ERR_FILE_TOO_MANY_PAGES,
  GAZETTE_ERR_FILE_TYPE_UNSUPPORTED,
  GAZETTE_ERR_FILE_UNREADABLE,
  GAZETTE_ERR_OCR_FAILED,
} from '../errors.js';
import { legacyFontsInDocx } from './docx-fonts.js';
import { DocxPackageError, openDocxPackage } from './docx-package.js';
import type { DocumentFile, DocumentFormat, ExtractedText, LocalizedText } from './extracted-text.js';
import { fileExtension, isEncryptedOfficePackage, isWordCompoundFile, sniffFileSignature } from './file-signature.js';
import { detectLegacyEncoding, legacyEncodingLabel, type LegacyEncoding } from './legacy-encoding.js';
import type { OcrEngine } from './ocr.js';
import { PdfReadError, readPdfTextLayer } from './pdf-text-layer.js';

/** Options of {@link extractText}. */
export interface ExtractTextOptions {
  /**
   * Recognises scanned PDF pages (see {@link tesseractOcr}). Default `null`: scanned pages are reported,
   * not read.
   */
  readonly ocr?: OcrEngine | null;
  /** Larger files are refused before any parsing. Default 50 MiB. */
  readonly maxBytes?: number;
  /** PDFs with more pages are refused before any page is read. Default 300. */
  readonly maxPages?: number;
  /** Reading the file (without OCR) must finish within this. Default 60 s. */
  readonly timeoutMs?: number;
  /** OCR gets this much per scanned page, on top of reading. Default 60 s. */
  readonly ocrTimeoutPerPageMs?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_PAGES = 300;
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_OCR_TIMEOUT_PER_PAGE_MS = 60_000;
/** No DOCX part this library reads is legitimately larger: 10 pages of text are about 1 MiB of XML. */
const DOCX_LIMITS = { maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };
/** Fewer non-blank characters than this, and a DOCX with pictures is a scan pasted into Word. */
const SCANNED_DOCX_MAX_CHARACTERS = 20;

/**
 * Reads the text of a submitted document (GAZ-10, GAZ-14): a DOCX through mammoth (raw text), a PDF
 * through its text layer (pdf.js), scanned PDF pages through `options.ocr` when given and available.
 * A Word 97–2003 `.doc` is recognised and reported as not readable without conversion (method `none`).
 * The format comes from the bytes, never from the name or media type.
 *
 * Hostile files are bounded: size (`maxBytes`), PDF pages (`maxPages`), DOCX parts (64 MiB unpacked
 * each and 128 MiB together, checked before inflating; mammoth reads a copy rebuilt from those parts),
 * and time (`timeoutMs`, plus `ocrTimeoutPerPageMs` per OCR page).
 * Every error names the file.
 *
 * @throws `GAZETTE_ERR_FILE_TOO_LARGE`, `GAZETTE_ERR_FILE_TYPE_UNSUPPORTED` (not PDF, DOCX or DOC),
 *   `GAZETTE_ERR_FILE_UNREADABLE` (corrupt, empty or password-protected), `GAZETTE_ERR_FILE_TOO_MANY_PAGES`,
 *   `GAZETTE_ERR_EXTRACTION_TIMEOUT`, `GAZETTE_ERR_OCR_FAILED`.
 *
 * @example
 * ```ts
 * const original = await extractText({ bytes, fileName: 'QD-41-2026.pdf' }, { ocr: tesseractOcr() });
 * if (original.scanned && original.method !== 'ocr') showWarnings(original.warnings);
 * ```
 */
export async function extractText(file: DocumentFile, options: ExtractTextOptions = {}): Promise<ExtractedText> {
  const { bytes, fileName } = file;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw GAZETTE_ERR_FILE_TOO_LARGE.create({ file: fileName, size: bytes.byteLength, limit: maxBytes });
  if (bytes.byteLength === 0) throw GAZETTE_ERR_FILE_UNREADABLE.create({ file: fileName, format: 'a document', reason: 'the file is empty' });

  const signature = sniffFileSignature(bytes);
  let result: ExtractedText;
  switch (signature) {
    case 'pdf':
      result = await readPdf(file, options);
      break;
    case 'zip':
      result = await withDeadline(fileName, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => readDocx(file));
      break;
    case 'ole':
      if (isEncryptedOfficePackage(bytes)) {
        throw GAZETTE_ERR_FILE_UNREADABLE.create({ file: fileName, format: 'DOCX', reason: 'the document is password-protected' });
      }
      if (!isWordCompoundFile(bytes)) {
        throw GAZETTE_ERR_FILE_TYPE_UNSUPPORTED.create({ file: fileName, detected: 'an Office 97–2003 file that is not a Word document (XLS, PPT or other)' });
      }
      result = legacyDoc();
      break;
    default:
      throw GAZETTE_ERR_FILE_TYPE_UNSUPPORTED.create({ file: fileName, detected: describeUnsupported(signature, file.mediaType) });
  }
  const mismatch = extensionMismatch(fileName, result.format);
  return mismatch ? { ...result, warnings: [...result.warnings, mismatch] } : result;
}

async function readPdf(file: DocumentFile, options: ExtractTextOptions): Promise<ExtractedText> {
  const { bytes, fileName } = file;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const pages = await withDeadline(fileName, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, (signal) =>
    readPdfTextLayer(bytes, { maxPages, signal }).catch((error: unknown) => {
      if (!(error instanceof PdfReadError)) throw error;
      if (error.problem === 'too-many-pages') throw GAZETTE_ERR_FILE_TOO_MANY_PAGES.create({ file: fileName, pages: error.pages, limit: maxPages }, { cause: error });
      const reason = error.problem === 'password' ? 'the PDF is password-protected' : `the PDF is damaged (${error.message})`;
      throw GAZETTE_ERR_FILE_UNREADABLE.create({ file: fileName, format: 'PDF', reason }, { cause: error });
    }),
  );
  const texts = pages.map((page) => page.text);
  const scannedPages = pages.flatMap((page, index) => (page.scanned ? [index + 1] : []));
  const warnings: LocalizedText[] = [];
  let method: ExtractedText['method'] = 'pdf-text';

  if (scannedPages.length > 0) {
    const list = scannedPages.join(', ');
    const allScanned = scannedPages.length === pages.length;
    const availability = options.ocr ? ((await options.ocr.availability?.()) ?? { available: true }) : null;
    if (options.ocr && availability?.available) {
      const ocr = options.ocr;
      const perPage = options.ocrTimeoutPerPageMs ?? DEFAULT_OCR_TIMEOUT_PER_PAGE_MS;
      const recognised = await withDeadline(fileName, perPage * scannedPages.length, (signal) =>
        ocr.ocrPdf(bytes, scannedPages, { signal }).catch((error: unknown) => {
          if (signal.aborted) throw error;
          throw GAZETTE_ERR_OCR_FAILED.create({ file: fileName, reason: error instanceof Error ? error.message : String(error) }, { cause: error });
        }),
      );
      scannedPages.forEach((page, index) => (texts[page - 1] = (recognised[index] ?? '').trimEnd()));
      method = 'ocr';
      warnings.push({
        vi: `Trang ${list} của tệp ${fileName} là ảnh quét; chữ đã được nhận dạng tự động (OCR) và có thể sai sót, cần đối chiếu lại bằng mắt những chỗ khác biệt.`,
        en: `Page(s) ${list} of ${fileName} are scanned images; their text was recognised by OCR and may contain errors, so check the differences by eye.`,
      });
    } else {
      if (allScanned) method = 'none';
      const why = availability?.reason ?? {
        vi: 'Chưa cấu hình nhận dạng chữ (OCR).',
        en: 'No OCR engine is configured.',
      };
      warnings.push({
        vi: `Trang ${list} của tệp ${fileName} là ảnh quét, không có lớp chữ; không đọc được nội dung để đối chiếu tự động. ${why.vi}`,
        en: `Page(s) ${list} of ${fileName} are scanned images without a text layer; their text could not be read for automatic comparison. ${why.en}`,
      });
    }
  } else if (texts.every((text) => text.trim() === '')) {
    warnings.push({ vi: `Tệp ${fileName} không có chữ nào đọc được.`, en: `${fileName} has no readable text.` });
  }

  const text = texts.join('\f');
  const legacy = detectLegacyEncoding(text).encoding;
  if (legacy) warnings.push(legacyTextWarning(fileName, legacy));
  return { text, format: 'pdf', method, pages: pages.length, scanned: scannedPages.length > 0, nonUnicodeFont: legacy !== null, warnings };
}

async function readDocx(file: DocumentFile): Promise<ExtractedText> {
  const { bytes, fileName } = file;
  let docx;
  try {
    docx = openDocxPackage(bytes, DOCX_LIMITS);
  } catch (error) {
    if (!(error instanceof DocxPackageError)) throw error;
    if (error.problem === 'not-docx') {
      throw GAZETTE_ERR_FILE_TYPE_UNSUPPORTED.create({ file: fileName, detected: 'a ZIP archive that is not a Word document (XLSX, ODT or other)' }, { cause: error });
    }
    const reason = error.problem === 'too-large' ? `it unpacks to too much data (${error.message})` : `the DOCX is damaged (${error.message})`;
    throw GAZETTE_ERR_FILE_UNREADABLE.create({ file: fileName, format: 'DOCX', reason }, { cause: error });
  }
  let text: string;
  try {
    const { textPackage } = docx;
    text = (await mammoth.extractRawText({ buffer: Buffer.from(textPackage.buffer, textPackage.byteOffset, textPackage.byteLength) })).value;
  } catch (error) {
    const reason = `the DOCX is damaged (${error instanceof Error ? error.message : String(error)})`;
    throw GAZETTE_ERR_FILE_UNREADABLE.create({ file: fileName, format: 'DOCX', reason }, { cause: error });
  }

  const warnings: LocalizedText[] = [];
  const scanned = docx.mediaCount > 0 && text.replace(/\s+/g, '').length < SCANNED_DOCX_MAX_CHARACTERS;
  if (scanned) {
    warnings.push({
      vi: `Tệp ${fileName} chỉ chứa hình ảnh, không có chữ chỉnh sửa được (văn bản điện tử phải ở định dạng chỉnh sửa được).`,
      en: `${fileName} holds only pictures, no editable text (the electronic copy must be editable).`,
    });
  }
  const fonts = legacyFontsInDocx(docx);
  if (fonts.length > 0) {
    const names = fonts.map((font) => font.family).join(', ');
    warnings.push({
      vi: `Tệp ${fileName} dùng phông chữ không phải Unicode (${names}); văn bản điện tử phải dùng phông Unicode theo TCVN 6909:2001.`,
      en: `${fileName} uses non-Unicode fonts (${names}); the electronic copy must use a Unicode font (TCVN 6909:2001).`,
    });
  }
  const legacy = detectLegacyEncoding(text).encoding;
  if (legacy) warnings.push(legacyTextWarning(fileName, legacy));
  return { text, format: 'docx', method: 'docx-text', pages: null, scanned, nonUnicodeFont: legacy !== null || fonts.length > 0, warnings };
}

function legacyDoc(): ExtractedText {
  return {
    text: '',
    format: 'doc',
    method: 'none',
    pages: null,
    scanned: false,
    nonUnicodeFont: false,
    warnings: [
      {
        vi: 'Tệp Word 97–2003 (.doc) không đọc được nội dung khi chưa chuyển đổi; đề nghị cơ quan gửi lại bản .docx (hoặc chuyển đổi sang .docx) để đối chiếu tự động.',
        en: 'A Word 97–2003 file (.doc) cannot be read without conversion; ask the issuing agency for a .docx (or convert it) to compare automatically.',
      },
    ],
  };
}

function legacyTextWarning(fileName: string, encoding: LegacyEncoding): LocalizedText {
  const label = legacyEncodingLabel(encoding);
  return {
    vi: `Nội dung tệp ${fileName} được gõ bằng bảng mã cũ ${label}, không phải Unicode; cần chuyển sang Unicode (TCVN 6909:2001) trước khi đối chiếu và đăng.`,
    en: `The text of ${fileName} is typed in the legacy ${label} encoding, not Unicode; it must be converted to Unicode (TCVN 6909:2001) before comparison and publication.`,
  };
}

const FORMAT_NAMES: Record<DocumentFormat, string> = { pdf: 'PDF', docx: 'DOCX', doc: 'DOC' };

function extensionMismatch(fileName: string, format: DocumentFormat): LocalizedText | null {
  const extension = fileExtension(fileName);
  if (!['pdf', 'docx', 'doc'].includes(extension) || extension === format) return null;
  return {
    vi: `Tệp ${fileName} có đuôi .${extension} nhưng nội dung là ${FORMAT_NAMES[format]}.`,
    en: `${fileName} is named .${extension} but is a ${FORMAT_NAMES[format]} file.`,
  };
}

function describeUnsupported(signature: string, mediaType: string | undefined): string {
  if (signature === 'rtf') return 'RTF';
  return mediaType ? `an unrecognised file declared as ${mediaType}` : 'an unrecognised file';
}

/**
 * Runs `work` with an abort signal that fires after `ms`; the caller gets the timeout error at once even
 * if `work` is busy (pdf.js and OCR stop at their next check; mammoth cannot be interrupted).
 */
async function withDeadline<T>(fileName: string, ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(GAZETTE_ERR_EXTRACTION_TIMEOUT.create({ file: fileName, seconds: Math.round(ms / 100) / 10 }));
    }, ms);
  });
  const running = work(controller.signal);
  running.catch(() => undefined); // a late failure after the timeout has nobody to tell
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
