import type { PluginContext } from '@cong/sdk';
import { checkSubmissionTexts, extractText, tesseractOcr, type ExtractedText, type OcrEngine } from '../comparison/index.js';
import type { SubmissionFileRow, SubmissionRow } from './gazette-database.js';
import type { SubmissionRepository } from './submission.repository.js';
import type { IntakeFlagView } from './submission.schema.js';
import { storedFileBytes } from './stored-file-bytes.js';

/** The text of one stored file, or why it could not be read (which is a flag, never a refusal). */
export type Extraction = { readonly ok: true; readonly text: ExtractedText } | { readonly ok: false; readonly reason: string };

/** One engine per process: Tesseract runs one page at a time across all of it. */
let engine: OcrEngine | undefined;

/** The OCR engine intake uses, or null when the configuration turns OCR off. */
export function intakeOcr(enabled: boolean): OcrEngine | null {
  return enabled ? (engine ??= tesseractOcr()) : null;
}

/** Reads the text of a stored submission file (DOCX text, PDF text layer, OCR of a scan). */
export async function extractStored(ctx: PluginContext, file: SubmissionFileRow, ocr: OcrEngine | null): Promise<Extraction> {
  try {
    const bytes = await storedFileBytes(ctx, file.file_id);
    return { ok: true, text: await extractText({ bytes, fileName: file.original_name, mediaType: file.media_type }, { ocr }) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

const unreadable = (role: string, fileName: string, reason: string): IntakeFlagView => ({
  code: 'file-unreadable',
  message: {
    vi: `Không đọc được nội dung ${role === 'original' ? 'bản gốc' : 'bản điện tử'} "${fileName}": ${reason}`,
    en: `The ${role === 'original' ? 'original' : 'electronic copy'} "${fileName}" could not be read: ${reason}`,
  },
});

/**
 * The checks run when a document arrives and when a corrected copy comes in (GAZ-11, GAZ-12): the
 * marker and the "Nơi nhận" line, an editable Unicode electronic copy, a scanned original; plus the
 * same number and symbol already sent by the same issuer. Every finding is a flag for the office to
 * weigh; none stops the submission.
 */
export async function runIntakeChecks(
  ctx: PluginContext,
  repo: SubmissionRepository,
  row: SubmissionRow,
  files: { readonly original: SubmissionFileRow; readonly electronic: SubmissionFileRow },
  ocr: OcrEngine | null,
): Promise<IntakeFlagView[]> {
  const [original, electronic] = await Promise.all([extractStored(ctx, files.original, ocr), extractStored(ctx, files.electronic, ocr)]);
  const flags: IntakeFlagView[] = [];
  if (!original.ok) flags.push(unreadable('original', files.original.original_name, original.reason));
  if (!electronic.ok) flags.push(unreadable('electronic', files.electronic.original_name, electronic.reason));
  if (original.ok && electronic.ok) {
    for (const flag of checkSubmissionTexts({ original: original.text, electronic: electronic.text, electronicFileName: files.electronic.original_name, originalFileName: files.original.original_name })) {
      flags.push({ code: flag.code, message: { vi: flag.message.vi, en: flag.message.en } });
    }
  }
  for (const other of await repo.sameNumber(row.tenant_id, row.number_key, row.id)) {
    const register = other.register_number === null ? '' : ` (sổ ${other.register_number}/${other.register_year})`;
    const registerEn = other.register_number === null ? '' : ` (register no. ${other.register_number}/${other.register_year})`;
    flags.push({
      code: 'duplicate-number',
      message: {
        vi: `Số, ký hiệu ${row.number_symbol} trùng với văn bản đã gửi trước${register}.`,
        en: `Number and symbol ${row.number_symbol} is the same as a document sent before${registerEn}.`,
      },
    });
  }
  return flags;
}
