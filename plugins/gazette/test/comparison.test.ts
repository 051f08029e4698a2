import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  GAZETTE_ERR_EXTRACTION_TIMEOUT,
  GAZETTE_ERR_FILE_TOO_LARGE,
  GAZETTE_ERR_FILE_TOO_MANY_PAGES,
  GAZETTE_ERR_FILE_TYPE_UNSUPPORTED,
  GAZETTE_ERR_FILE_UNREADABLE,
  GAZETTE_ERR_OCR_FAILED,
} from '../src/errors.js';
import {
  checkSubmissionTexts,
  compareTexts,
  detectLegacyEncoding,
  detectOcr,
  extractText,
  normalizeForComparison,
  tesseractOcr,
  type ExtractedText,
  type OcrEngine,
} from '../src/comparison/index.js';
import { gazetteDocumentLayout, gazetteDocumentText, makeDocx, makeScannedPdf, makeTextPdf } from './fixtures/gazette-documents.js';

// Scanned originals need Debian's Chromium (to make the fixture) and Tesseract with the Vietnamese
// model plus pdftoppm (to read it). Like the browser tests in vitest.config.ts: without them these tests
// are left out with a notice, except under CI, where they run and fail.
const CHROMIUM = process.env.CONG_CHROMIUM ?? '/usr/bin/chromium';
const ocrAvailability = await detectOcr();
const scanToolsMissing = [
  ...(existsSync(CHROMIUM) ? [] : [`${CHROMIUM} not found (apt-get install -y chromium)`]),
  ...(ocrAvailability.available ? [] : [ocrAvailability.reason?.en ?? 'OCR unavailable']),
];
const runScanTests = scanToolsMissing.length === 0 || process.env.CI === 'true';
if (!runScanTests) process.stderr.write(`\nScanned-PDF and OCR tests left out: ${scanToolsMissing.join('; ')}.\n\n`);

const TCVN3_PARAGRAPHS = [
  'ñy ban nh©n d©n tØnh qu¶ng trÞ',
  'Céng hoµ x· héi chñ nghÜa ViÖt Nam',
  '§éc lËp - Tù do - H¹nh phóc',
  'QuyÕt ®Þnh ban hµnh quy ®Þnh vÒ qu¶n lý, vËn hµnh Cæng th«ng tin ®iÖn tö tØnh.',
];

/**
 * The start of an Office 97–2003 compound file: the OLE signature and header fields, then a directory
 * entry naming its main stream (`WordDocument` for Word, `Workbook` for Excel).
 */
function legacyDocBytes(stream = 'WordDocument'): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00, 0x06, 0x00], 24);
  bytes.set(Buffer.from(stream, 'utf16le'), 512);
  return bytes;
}

/** A page with a picture and no text, drawn without Chromium: the smallest "scan". */
async function imageOnlyPdf(): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==', 'base64');
  pdf.addPage([200, 200]).drawImage(await pdf.embedPng(png), { x: 0, y: 0, width: 200, height: 200 });
  return pdf.save();
}

function ocrDirectories(): Set<string> {
  return new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('cong-gazette-ocr-')));
}

describe('extractText and compareTexts on a DOCX + PDF pair', () => {
  it('finds exactly the one deliberate discrepancy, located in both texts', async () => {
    const original = await extractText({ bytes: await makeTextPdf(gazetteDocumentText(), { pages: 3 }), fileName: 'QD-41-2026.pdf' });
    const electronic = await extractText({ bytes: await makeDocx(gazetteDocumentText({ discrepancy: true })), fileName: 'QD-41-2026.docx' });
    expect(original).toMatchObject({ format: 'pdf', method: 'pdf-text', pages: 3, scanned: false, nonUnicodeFont: false, warnings: [] });
    expect(electronic).toMatchObject({ format: 'docx', method: 'docx-text', pages: null, scanned: false, nonUnicodeFont: false, warnings: [] });
    expect(original.text.split('\f')).toHaveLength(3);

    const comparison = compareTexts(original.text, electronic.text);
    expect(comparison.identical).toBe(false);
    expect(comparison.tooDifferent).toBe(false);
    expect(comparison.discrepancies).toHaveLength(1);
    const [discrepancy] = comparison.discrepancies;
    expect(discrepancy).toMatchObject({ original: '15', electronic: '10', before: 'đăng tải chậm nhất sau', after: 'ngày làm việc kể từ' });
    expect(discrepancy!.before.endsWith('chậm nhất sau')).toBe(true);
    expect(original.text.slice(discrepancy!.originalSpan.start, discrepancy!.originalSpan.end)).toBe('15');
    expect(electronic.text.slice(discrepancy!.electronicSpan.start, discrepancy!.electronicSpan.end)).toBe('10');
    expect(comparison.segments.filter((segment) => segment.op !== 'equal')).toEqual([
      { op: 'delete', text: '15' },
      { op: 'insert', text: '10' },
    ]);
    expect(comparison.similarity).toBeGreaterThan(0.99);
    expect(comparison.similarity).toBeLessThan(1);
  });

  it('finds the same texts identical across page breaks, line breaks and decomposed Unicode', async () => {
    const paragraphs = gazetteDocumentText();
    const original = await extractText({ bytes: await makeTextPdf(paragraphs, { pages: 4 }), fileName: 'original.pdf' });
    const decomposed = paragraphs.map((paragraph) => paragraph.normalize('NFD'));
    expect(decomposed.join('')).not.toBe(paragraphs.join(''));
    const electronic = await extractText({ bytes: await makeDocx(decomposed), fileName: 'electronic.docx' });
    // The PDF wraps lines and hyphen-breaks "215/TTr-" / "SKHCN"; the DOCX has one line per paragraph.
    expect(original.text).toMatch(/TTr-\nSKHCN/u);
    const comparison = compareTexts(original.text, electronic.text);
    expect(comparison.discrepancies).toEqual([]);
    expect(comparison).toMatchObject({ identical: true, similarity: 1, tooDifferent: false });
    expect(comparison.segments).toHaveLength(1);
  });

  it('reads two-column header and closing blocks column by column, as the DOCX table gives them', async () => {
    const original = await extractText({ bytes: await makeTextPdf(gazetteDocumentLayout()), fileName: 'goc.pdf' });
    const electronic = await extractText({ bytes: await makeDocx(gazetteDocumentLayout({ discrepancy: true })), fileName: 'dien-tu.docx' });
    expect(original.text.split('\n').slice(0, 8)).toEqual([
      'VĂN BẢN GỬI ĐĂNG CÔNG BÁO ĐIỆN TỬ',
      'ỦY BAN NHÂN DÂN',
      'TỈNH QUẢNG TRỊ',
      'Số: 41/2026/QĐ-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Trị, ngày 12 tháng 3 năm 2026',
      'QUYẾT ĐỊNH',
    ]);
    const comparison = compareTexts(original.text, electronic.text);
    expect(comparison.discrepancies.map((d) => [d.original, d.electronic])).toEqual([['15', '10']]);
    expect(checkSubmissionTexts({ original, electronic, electronicFileName: 'dien-tu.docx' })).toEqual([]);
  });

  it('reads the PDF pages in order, one page per form feed', async () => {
    const original = await extractText({ bytes: await makeTextPdf(['Trang một.', 'Trang hai.', 'Trang ba.'], { pages: 3 }), fileName: 'ba-trang.pdf' });
    expect(original.text).toBe('Trang một.\fTrang hai.\fTrang ba.');
  });
});

describe.runIf(runScanTests)('scanned originals', () => {
  it('has the tools installed (Chromium, tesseract with vie, pdftoppm)', () => {
    expect(scanToolsMissing).toEqual([]);
  });

  it('detects a PDF of page images and reports it unread without OCR', async () => {
    const scan = await extractText({ bytes: await makeScannedPdf(gazetteDocumentText()), fileName: 'ban-quet.pdf' });
    expect(scan).toMatchObject({ format: 'pdf', method: 'none', scanned: true, text: expect.stringMatching(/^\s*$/u) });
    expect(scan.pages).toBeGreaterThanOrEqual(1);
    expect(scan.warnings.map((warning) => warning.en).join(' ')).toMatch(/ban-quet\.pdf.*scanned.*No OCR engine/su);
    expect(scan.warnings[0]!.vi).toMatch(/ảnh quét/u);
    const flags = checkSubmissionTexts({
      original: scan,
      electronic: await extractText({ bytes: await makeDocx(gazetteDocumentText()), fileName: 'ban-dien-tu.docx' }),
      electronicFileName: 'ban-dien-tu.docx',
    });
    // Unread text is not searched for the marker: the clerk is told why instead.
    expect(flags.map((flag) => flag.code)).toEqual(['original-scanned', 'ocr-unavailable']);
  });

  it('recovers the text of a scan with Tesseract OCR well enough to compare, leaving no temporary files', { timeout: 120_000 }, async () => {
    const paragraphs = gazetteDocumentLayout();
    const scanBytes = await makeScannedPdf(paragraphs);
    const before = ocrDirectories();
    const scan = await extractText({ bytes: scanBytes, fileName: 'ban-quet.pdf' }, { ocr: tesseractOcr() });
    expect([...ocrDirectories()].filter((name) => !before.has(name))).toEqual([]);
    expect(scan).toMatchObject({ format: 'pdf', method: 'ocr', scanned: true, nonUnicodeFont: false });
    expect(scan.warnings[0]!.en).toMatch(/OCR/u);

    const electronic = await extractText({ bytes: await makeDocx(paragraphs), fileName: 'ban-dien-tu.docx' });
    const comparison = compareTexts(scan.text, electronic.text);
    expect(comparison.tooDifferent).toBe(false);
    expect(comparison.similarity).toBeGreaterThan(0.9);
    // The two-column header comes out column by column, as from a text layer.
    expect(normalizeForComparison(scan.text)).toContain('TỈNH QUẢNG TRỊ Số: 41/2026/QĐ-UBND CỘNG HÒA');

    const flags = checkSubmissionTexts({ original: scan, electronic, electronicFileName: 'ban-dien-tu.docx' });
    expect(flags.map((flag) => flag.code)).toEqual(['original-scanned']);
  });

  it('reports why OCR cannot run, and reads what it can', async () => {
    const missing = tesseractOcr({ tesseractPath: '/nonexistent/tesseract' });
    const availability = await missing.availability!();
    expect(availability.available).toBe(false);
    expect(availability.reason!.en).toMatch(/not installed/u);
    const scan = await extractText({ bytes: await makeScannedPdf(['Điều 1. Văn bản quét.']), fileName: 'quet.pdf' }, { ocr: missing });
    expect(scan.method).toBe('none');
    expect(scan.warnings[0]!.vi).toMatch(/tesseract-ocr/u);
  });
});

describe('time bounds', () => {
  it('gives up on OCR that does not finish, with the file named, and stops the engine', async () => {
    let stopped = false;
    const stalled: OcrEngine = {
      ocrPdf: (_bytes, _pages, options) =>
        new Promise((_, reject) =>
          options?.signal?.addEventListener('abort', () => {
            stopped = true;
            reject(options.signal!.reason);
          }),
        ),
    };
    const error = await extractText({ bytes: await imageOnlyPdf(), fileName: 'treo.pdf' }, { ocr: stalled, ocrTimeoutPerPageMs: 50 }).catch((e: unknown) => e);
    expect(GAZETTE_ERR_EXTRACTION_TIMEOUT.is(error)).toBe(true);
    expect((error as Error).message).toContain('treo.pdf');
    expect(stopped).toBe(true);
  });
});

describe('OCR failures', () => {
  it('names the file when OCR fails, and removes the temporary directory', async () => {
    const broken = tesseractOcr({ pdftoppmPath: '/nonexistent/pdftoppm' });
    const before = ocrDirectories();
    // Without availability(), the engine is taken at its word and run.
    const error = await extractText({ bytes: await imageOnlyPdf(), fileName: 'loi.pdf' }, { ocr: { ocrPdf: broken.ocrPdf } }).catch((e: unknown) => e);
    expect(GAZETTE_ERR_OCR_FAILED.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Text recognition \(OCR\) of loi\.pdf failed: \/nonexistent\/pdftoppm is not installed/u);
    expect([...ocrDirectories()].filter((name) => !before.has(name))).toEqual([]);
  });
});

describe('legacy Vietnamese encodings (GAZ-12)', () => {
  it('recognises TCVN3 and VNI text, and leaves Unicode alone', () => {
    expect(detectLegacyEncoding(TCVN3_PARAGRAPHS.join('\n')).encoding).toBe('tcvn3');
    expect(detectLegacyEncoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc').encoding).toBe('vni');
    expect(detectLegacyEncoding(gazetteDocumentText().join('\n')).encoding).toBeNull();
    // French quotes, a stray Ð for Đ and a degree sign are not legacy encodings.
    expect(detectLegacyEncoding('Theo «Quy chế» của ÐẠI HỌC, nhiệt độ 25°C, mục § 3.').encoding).toBeNull();
    expect(detectLegacyEncoding('Résumé naïve café façade').encoding).toBeNull();
  });

  it('flags a DOCX typed in TCVN3 with a .VnTime font', async () => {
    const electronic = await extractText({ bytes: await makeDocx(TCVN3_PARAGRAPHS, { font: '.VnTime' }), fileName: 'abc.docx' });
    expect(electronic.nonUnicodeFont).toBe(true);
    const warnings = electronic.warnings.map((warning) => warning.en).join('\n');
    expect(warnings).toMatch(/non-Unicode fonts \(\.VnTime\)/u);
    expect(warnings).toMatch(/TCVN3/u);
  });

  it('flags a DOCX set in a legacy font even when its words need few marks', async () => {
    const electronic = await extractText({ bytes: await makeDocx(['Dieu 1. Quy dinh chung.'], { font: 'VNI-Times' }), fileName: 'vni.docx' });
    expect(electronic.nonUnicodeFont).toBe(true);
    expect(electronic.warnings[0]!.vi).toMatch(/VNI-Times/u);
  });

  it('flags TCVN3 text in a PDF text layer', async () => {
    const original = await extractText({ bytes: await makeTextPdf(TCVN3_PARAGRAPHS), fileName: 'abc.pdf' });
    expect(original.nonUnicodeFont).toBe(true);
    expect(original.warnings.map((warning) => warning.en).join(' ')).toMatch(/legacy TCVN3/u);
  });
});

describe('intake flags (GAZ-11, GAZ-12)', () => {
  async function pair(originalOptions: Parameters<typeof gazetteDocumentText>[0], electronicFile?: { bytes: Uint8Array; fileName: string }) {
    const original = await extractText({ bytes: await makeTextPdf(gazetteDocumentText(originalOptions)), fileName: 'goc.pdf' });
    const file = electronicFile ?? { bytes: await makeDocx(gazetteDocumentText(originalOptions)), fileName: 'dien-tu.docx' };
    const electronic = await extractText(file);
    return checkSubmissionTexts({ original, electronic, electronicFileName: file.fileName });
  }

  it('raises nothing for a complete submission', async () => {
    expect(await pair({})).toEqual([]);
  });

  it('flags a missing "VĂN BẢN GỬI ĐĂNG CÔNG BÁO" marker', async () => {
    const flags = await pair({ marker: false });
    expect(flags.map((flag) => flag.code)).toEqual(['marker-missing']);
    expect(flags[0]!.message.vi).toMatch(/VĂN BẢN GỬI ĐĂNG CÔNG BÁO/u);
  });

  it('accepts the older marker and any case or lost diacritics', () => {
    const text = (marker: string) => ['UBND TỈNH QUẢNG TRỊ', marker, 'Số: 41/2026/QĐ-UBND', 'Nơi nhận:', '- Công báo tỉnh;'].join('\n');
    const extracted = (body: string): ExtractedText => ({ text: body, format: 'pdf', method: 'pdf-text', pages: 1, scanned: false, nonUnicodeFont: false, warnings: [] });
    for (const marker of ['Văn bản gửi đăng Công báo', 'VAN BAN GUI DANG CONG BAO DIEN TU', 'VĂN BẢN GỬI ĐĂNG CÔNG BÁO'.normalize('NFD')]) {
      const flags = checkSubmissionTexts({ original: extracted(text(marker)), electronic: { ...extracted(text(marker)), format: 'docx', method: 'docx-text', pages: null }, electronicFileName: 'x.docx' });
      expect(flags, marker).toEqual([]);
    }
  });

  it('flags a "Nơi nhận" block without the gazette', async () => {
    const flags = await pair({ recipientsWithGazette: false });
    expect(flags.map((flag) => flag.code)).toEqual(['recipients-without-gazette']);
  });

  it('flags an electronic copy that is a PDF', async () => {
    const flags = await pair({}, { bytes: await makeTextPdf(gazetteDocumentText()), fileName: 'dien-tu.pdf' });
    expect(flags.map((flag) => flag.code)).toEqual(['electronic-not-editable']);
    expect(flags[0]!.message.en).toContain('dien-tu.pdf');
  });

  it('does not search a legacy-encoded original for the marker, and reads the recipients from the copy', async () => {
    const original = await extractText({ bytes: await makeTextPdf(TCVN3_PARAGRAPHS), fileName: 'abc.pdf' });
    const electronic = await extractText({ bytes: await makeDocx(gazetteDocumentText({ recipientsWithGazette: false })), fileName: 'dien-tu.docx' });
    const flags = checkSubmissionTexts({ original, electronic, electronicFileName: 'dien-tu.docx', originalFileName: 'abc.pdf' });
    expect(flags.map((flag) => flag.code)).toEqual(['recipients-without-gazette', 'non-unicode-font']);
    expect(flags[1]!.message.en).toContain('original (abc.pdf)');
  });

  it('flags an electronic copy in a non-Unicode font', async () => {
    const flags = await pair({}, { bytes: await makeDocx(TCVN3_PARAGRAPHS, { font: '.VnTime' }), fileName: 'abc.docx' });
    expect(flags.map((flag) => flag.code)).toEqual(['non-unicode-font']);
  });

  it('recognises a Word 97–2003 .doc and flags it as not comparable without conversion', async () => {
    const electronic = await extractText({ bytes: legacyDocBytes(), fileName: 'QD-41.doc', mediaType: 'application/msword' });
    expect(electronic).toMatchObject({ format: 'doc', method: 'none', text: '', pages: null, scanned: false });
    expect(electronic.warnings).toHaveLength(1);
    expect(electronic.warnings[0]!.vi).toMatch(/\.doc.*\.docx/u);
    const original = await extractText({ bytes: await makeTextPdf(gazetteDocumentText()), fileName: 'goc.pdf' });
    const flags = checkSubmissionTexts({ original, electronic, electronicFileName: 'QD-41.doc' });
    expect(flags.map((flag) => flag.code)).toEqual(['legacy-doc-format']);
    expect(flags[0]!.message.vi).toContain('QD-41.doc');
  });

  it('flags an electronic copy that is a DOCX of pictures only', async () => {
    const { Document, ImageRun, Packer, Paragraph } = await import('docx');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==', 'base64');
    const pictures = new Document({
      sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 600, height: 800 } })] })] }],
    });
    const electronic = await extractText({ bytes: new Uint8Array(await Packer.toBuffer(pictures)), fileName: 'anh.docx' });
    expect(electronic).toMatchObject({ format: 'docx', method: 'docx-text', scanned: true });
    expect(electronic.warnings[0]!.en).toMatch(/anh\.docx holds only pictures/u);
    const original = await extractText({ bytes: await makeTextPdf(gazetteDocumentText()), fileName: 'goc.pdf' });
    const flags = checkSubmissionTexts({ original, electronic, electronicFileName: 'anh.docx' });
    expect(flags.map((flag) => flag.code)).toEqual(['electronic-not-editable']);
  });

  it('warns when the name and the content disagree', async () => {
    const electronic = await extractText({ bytes: await makeDocx(gazetteDocumentText()), fileName: 'QD-41.doc' });
    expect(electronic.format).toBe('docx');
    expect(electronic.warnings.map((warning) => warning.en)).toEqual(['QD-41.doc is named .doc but is a DOCX file.']);
  });
});

describe('hostile and broken files', () => {
  async function failure(promise: Promise<unknown>): Promise<Error> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }

  it('names a truncated PDF as unreadable', async () => {
    const pdf = await makeTextPdf(gazetteDocumentText());
    const error = await failure(extractText({ bytes: pdf.slice(0, 300), fileName: 'hong.pdf' }));
    expect(GAZETTE_ERR_FILE_UNREADABLE.is(error)).toBe(true);
    expect(error.message).toMatch(/^File hong\.pdf cannot be read as PDF: the PDF is damaged/u);
  });

  it('names a truncated DOCX as unreadable', async () => {
    const docx = await makeDocx(gazetteDocumentText());
    const error = await failure(extractText({ bytes: docx.slice(0, Math.floor(docx.length / 2)), fileName: 'hong.docx' }));
    expect(GAZETTE_ERR_FILE_UNREADABLE.is(error)).toBe(true);
    expect(error.message).toMatch(/^File hong\.docx cannot be read as DOCX/u);
  });

  it('refuses other kinds of file, whatever their name says', async () => {
    const text = await failure(extractText({ bytes: new TextEncoder().encode('Điều 1. Văn bản thuần.'), fileName: 'gia.pdf', mediaType: 'application/pdf' }));
    expect(GAZETTE_ERR_FILE_TYPE_UNSUPPORTED.is(text)).toBe(true);
    expect(text.message).toContain('gia.pdf');
    const spreadsheet = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    const xlsx = await failure(extractText({ bytes: spreadsheet, fileName: 'bang.docx' }));
    expect(GAZETTE_ERR_FILE_TYPE_UNSUPPORTED.is(xlsx)).toBe(true);
    expect(xlsx.message).toMatch(/bang\.docx.*not a Word document/u);
    const xls = await failure(extractText({ bytes: legacyDocBytes('Workbook'), fileName: 'bang.doc' }));
    expect(GAZETTE_ERR_FILE_TYPE_UNSUPPORTED.is(xls)).toBe(true);
    expect(xls.message).toMatch(/bang\.doc.*not a Word document/u);
    const rtf = await failure(extractText({ bytes: new TextEncoder().encode('{\\rtf1\\ansi Dieu 1}'), fileName: 'van-ban.doc' }));
    expect(rtf.message).toMatch(/van-ban\.doc.*RTF/u);
  });

  it('refuses an empty file, a password-protected Office file, too many bytes and too many pages', async () => {
    expect(GAZETTE_ERR_FILE_UNREADABLE.is(await failure(extractText({ bytes: new Uint8Array(0), fileName: 'rong.docx' })))).toBe(true);
    const encrypted = legacyDocBytes();
    encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 640);
    const locked = await failure(extractText({ bytes: encrypted, fileName: 'khoa.docx' }));
    expect(GAZETTE_ERR_FILE_UNREADABLE.is(locked)).toBe(true);
    expect(locked.message).toMatch(/khoa\.docx.*password-protected/u);

    const pdf = await makeTextPdf(gazetteDocumentText(), { pages: 3 });
    const large = await failure(extractText({ bytes: pdf, fileName: 'lon.pdf' }, { maxBytes: 1000 }));
    expect(GAZETTE_ERR_FILE_TOO_LARGE.is(large)).toBe(true);
    expect(large.message).toContain('lon.pdf');
    const long = await failure(extractText({ bytes: pdf, fileName: 'dai.pdf' }, { maxPages: 2 }));
    expect(GAZETTE_ERR_FILE_TOO_MANY_PAGES.is(long)).toBe(true);
    expect(long.message).toBe('File dai.pdf has 3 pages, the limit is 2');
  });

  it('never inflates a DOCX part beyond the size its ZIP declares', async () => {
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(await makeDocx(['Điều 1. Nội dung thật.']));
    const documentXml = parts['word/document.xml']!;
    // 8 MiB of junk after the real XML, while both ZIP headers still declare the real XML's size: read
    // in full, the part is not XML at all.
    const padded = new Uint8Array(documentXml.length + 8 * 1024 * 1024).fill(0x78);
    padded.set(documentXml);
    const zip = zipSync({ ...parts, 'word/document.xml': padded }, { level: 9 });
    const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = Buffer.from('word/document.xml');
    let patched = 0;
    for (let at = 0; at < view.length - 4; at++) {
      const signature = view.readUInt32LE(at);
      const header = signature === 0x04034b50 ? { name: 30, size: 22 } : signature === 0x02014b50 ? { name: 46, size: 24 } : null;
      if (header && view.subarray(at + header.name, at + header.name + name.length).equals(name)) {
        view.writeUInt32LE(documentXml.length, at + header.size);
        patched++;
      }
    }
    expect(patched).toBe(2);
    const lying = await extractText({ bytes: zip, fileName: 'gian.docx' });
    expect(lying.text.trim()).toBe('Điều 1. Nội dung thật.');
  });

  it('refuses a DOCX part that unpacks beyond the limit without inflating it', async () => {
    // 80 MiB of one letter compresses to about 80 KiB: a small ZIP bomb.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(80 * 1024 * 1024).fill(0x61) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const error = await failure(extractText({ bytes: bomb, fileName: 'bom.docx' }));
    expect(GAZETTE_ERR_FILE_UNREADABLE.is(error)).toBe(true);
    expect(error.message).toMatch(/bom\.docx.*unpacks to too much data/u);
  });
});
