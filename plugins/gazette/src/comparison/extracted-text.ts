/** Text in Vietnamese and English, both required: the library's warnings and flags always carry both. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** The kind of document a file turned out to be, from its bytes (never from its name). */
export type DocumentFormat = 'docx' | 'doc' | 'pdf';

/**
 * How the text was obtained: `docx-text` (the DOCX's own text), `pdf-text` (the PDF's text layer),
 * `ocr` (at least one scanned page recognised by OCR), `none` (no text could be read: a legacy DOC, or
 * a scan without an OCR engine).
 */
export type ExtractionMethod = 'docx-text' | 'pdf-text' | 'ocr' | 'none';

/** The text read from one submitted file, with what a clerk needs to know about how it was read. */
export interface ExtractedText {
  /**
   * The text as read, lines separated by `\n`. PDF pages are separated by a form feed (`\f`), so the
   * first page is `text.split('\f')[0]`. Not normalised: feed it to {@link compareTexts}, which is
   * insensitive to whitespace and Unicode form, and keeps offsets into this string.
   */
  readonly text: string;
  readonly format: DocumentFormat;
  readonly method: ExtractionMethod;
  /** Pages of a PDF; `null` for DOCX and DOC, whose page count depends on the word processor. */
  readonly pages: number | null;
  /** The file holds pictures of text rather than text: a PDF page with an image and (almost) no text, or a DOCX that is only images. */
  readonly scanned: boolean;
  /** The text was typed in a legacy Vietnamese encoding (TCVN3/ABC `.VnTime`, VNI) instead of Unicode (GAZ-12). */
  readonly nonUnicodeFont: boolean;
  readonly warnings: readonly LocalizedText[];
}

/** The file handed to {@link extractText}. */
export interface DocumentFile {
  readonly bytes: Uint8Array;
  /** Shown in errors and warnings; its extension is only compared with the detected format. */
  readonly fileName: string;
  /** As declared by the uploader; informative only, the format is sniffed from the bytes. */
  readonly mediaType?: string;
}
