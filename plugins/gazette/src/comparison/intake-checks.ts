import { fold } from '@cong/sdk';
import type { ExtractedText, LocalizedText } from './extracted-text.js';

/** What a clerk should look at before accepting a submission. */
export type IntakeFlagCode =
  | 'marker-missing'
  | 'recipients-without-gazette'
  | 'electronic-not-editable'
  | 'non-unicode-font'
  | 'original-scanned'
  | 'ocr-unavailable'
  | 'legacy-doc-format';

/** One finding of {@link checkSubmissionTexts}. A flag, never a rejection: the clerk decides. */
export interface IntakeFlag {
  readonly code: IntakeFlagCode;
  readonly message: LocalizedText;
}

/** The two texts of a submission, as {@link extractText} read them. */
export interface SubmissionTexts {
  /** The signed original (usually a PDF, often a scan). */
  readonly original: ExtractedText;
  /** The editable electronic copy (DOCX, sometimes DOC). */
  readonly electronic: ExtractedText;
  readonly electronicFileName: string;
  /** Named in messages when given. */
  readonly originalFileName?: string;
}

/** Lines taken as "the first page" of a text without page breaks (a DOCX): the header and title area. */
const FIRST_PAGE_LINES = 40;
/** How far after "Nơi nhận" the recipients block reaches, in folded characters. */
const RECIPIENTS_BLOCK_CHARACTERS = 1500;

/**
 * The intake checks on a submission's texts:
 * - GAZ-11: the original's first page carries "VĂN BẢN GỬI ĐĂNG CÔNG BÁO" (or "… CÔNG BÁO ĐIỆN TỬ"),
 *   in any case and with or without diacritics (OCR often loses some); the "Nơi nhận" block lists the
 *   "Công báo".
 * - GAZ-12: the electronic copy is editable (DOCX or DOC, not a PDF or pictures) and typed in Unicode.
 * - The original is a scan, and whether OCR could read it.
 *
 * A text that could not be read is not searched: a scanned original without OCR gets `ocr-unavailable`,
 * not `marker-missing`, and a TCVN3 one `non-unicode-font`. The recipients block is looked for in the
 * original, or in the electronic copy when only that one is readable.
 */
export function checkSubmissionTexts(input: SubmissionTexts): IntakeFlag[] {
  const { original, electronic, electronicFileName } = input;
  const originalName = input.originalFileName ? ` (${input.originalFileName})` : '';
  const flags: IntakeFlag[] = [];
  // A text that is empty (unread scan, DOC) or in a legacy encoding cannot be searched for the marker or
  // the recipients; the flags below say why instead.
  const readable = (text: ExtractedText) => text.text.trim() !== '' && !text.nonUnicodeFont;
  const originalReadable = readable(original);

  if (originalReadable && !hasGazetteMarker(firstPage(original.text))) {
    flags.push({
      code: 'marker-missing',
      message: {
        vi: `Trang đầu bản gốc${originalName} không có dòng "VĂN BẢN GỬI ĐĂNG CÔNG BÁO".`,
        en: `The first page of the original${originalName} lacks the line "VĂN BẢN GỬI ĐĂNG CÔNG BÁO" (document sent for publication in the gazette).`,
      },
    });
  }

  const recipientsSource = originalReadable ? original : readable(electronic) ? electronic : null;
  if (recipientsSource) {
    const recipients = recipientsBlock(recipientsSource.text);
    if (recipients === null) {
      flags.push({
        code: 'recipients-without-gazette',
        message: {
          vi: 'Không tìm thấy mục "Nơi nhận" trong văn bản, nên không xác định được văn bản có gửi Công báo hay không.',
          en: 'No "Nơi nhận" (recipients) block was found, so it cannot be seen whether the gazette (Công báo) is a recipient.',
        },
      });
    } else if (!recipients.includes('cong bao')) {
      flags.push({
        code: 'recipients-without-gazette',
        message: {
          vi: 'Mục "Nơi nhận" của văn bản không có "Công báo".',
          en: 'The "Nơi nhận" (recipients) block does not list the gazette (Công báo).',
        },
      });
    }
  }

  if (electronic.format === 'pdf' || electronic.scanned) {
    flags.push({
      code: 'electronic-not-editable',
      message:
        electronic.format === 'pdf'
          ? {
              vi: `Văn bản điện tử ${electronicFileName} là tệp PDF, không phải định dạng chỉnh sửa được (DOC, DOCX).`,
              en: `The electronic copy ${electronicFileName} is a PDF, not an editable format (DOC, DOCX).`,
            }
          : {
              vi: `Văn bản điện tử ${electronicFileName} chỉ chứa hình ảnh, không có chữ chỉnh sửa được.`,
              en: `The electronic copy ${electronicFileName} holds only pictures, no editable text.`,
            },
    });
  }

  if (electronic.format === 'doc') {
    flags.push({
      code: 'legacy-doc-format',
      message: {
        vi: `Văn bản điện tử ${electronicFileName} ở định dạng Word 97–2003 (.doc), không đối chiếu tự động được; đề nghị gửi bản .docx.`,
        en: `The electronic copy ${electronicFileName} is a Word 97–2003 file (.doc) and cannot be compared automatically; ask for a .docx.`,
      },
    });
  }

  if (electronic.nonUnicodeFont || original.nonUnicodeFont) {
    flags.push({
      code: 'non-unicode-font',
      message: electronic.nonUnicodeFont
        ? {
            vi: `Văn bản điện tử ${electronicFileName} dùng phông chữ hoặc bảng mã không phải Unicode (TCVN3, VNI); phải dùng phông Unicode theo TCVN 6909:2001.`,
            en: `The electronic copy ${electronicFileName} uses a non-Unicode font or encoding (TCVN3, VNI); it must use a Unicode font (TCVN 6909:2001).`,
          }
        : {
            vi: `Chữ trong bản gốc${originalName} dùng bảng mã cũ (TCVN3, VNI), không so sánh tự động chính xác được.`,
            en: `The original${originalName} has text in a legacy encoding (TCVN3, VNI), which cannot be compared reliably.`,
          },
    });
  }

  if (original.scanned) {
    flags.push({
      code: 'original-scanned',
      message: {
        vi: `Bản gốc${originalName} là bản quét (ảnh); nội dung ${original.method === 'ocr' ? 'được nhận dạng tự động (OCR), cần kiểm tra lại các chỗ khác biệt' : 'phải đối chiếu bằng mắt'}.`,
        en: `The original${originalName} is a scan (images); its text ${original.method === 'ocr' ? 'was recognised by OCR, so check the differences by eye' : 'must be compared by eye'}.`,
      },
    });
    if (original.method !== 'ocr') {
      flags.push({
        code: 'ocr-unavailable',
        message: {
          vi: 'Không nhận dạng được chữ (OCR) trên bản quét, nên không đối chiếu tự động được.',
          en: 'The scan could not be read by OCR, so it cannot be compared automatically.',
        },
      });
    }
  }
  return flags;
}

/** Folded (no diacritics, lower case) with every run of other characters as one space. */
function searchable(text: string): string {
  return fold(text.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ');
}

function firstPage(text: string): string {
  if (text.includes('\f')) return text.slice(0, text.indexOf('\f'));
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, FIRST_PAGE_LINES)
    .join('\n');
}

function hasGazetteMarker(page: string): boolean {
  return searchable(page).includes('van ban gui dang cong bao');
}

/** The folded text after the last "Nơi nhận", or null when there is none. */
function recipientsBlock(text: string): string | null {
  const folded = searchable(text);
  const at = folded.lastIndexOf('noi nhan');
  return at < 0 ? null : folded.slice(at, at + RECIPIENTS_BLOCK_CHARACTERS);
}
