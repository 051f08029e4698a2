import { unzipSync, zipSync } from 'fflate';

/** The parts of a DOCX this library reads, taken from its ZIP with every size bounded. */
export interface DocxPackage {
  readonly documentXml: string;
  readonly stylesXml: string | null;
  /** Pictures inside the document (`word/media/*`): a DOCX of only pictures is a scan in disguise. */
  readonly mediaCount: number;
  /**
   * The package rebuilt from its XML parts only (stored, not compressed), for mammoth: it then never
   * inflates the uploaded ZIP itself, whose declared sizes may lie.
   */
  readonly textPackage: Uint8Array;
}

/** Why a ZIP could not be opened as a DOCX. `not-docx`: a ZIP of something else (XLSX, ODT, plain archive). */
export type DocxPackageProblem = 'not-docx' | 'too-large' | 'corrupt';

export class DocxPackageError extends Error {
  override readonly name = 'DocxPackageError';
  constructor(
    readonly problem: DocxPackageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Limits of {@link openDocxPackage}. */
export interface DocxPackageLimits {
  /** Largest unpacked size of one XML part. */
  readonly maxPartBytes: number;
  /** Largest unpacked size of all XML parts together. */
  readonly maxTotalBytes: number;
}

/**
 * Opens a DOCX's ZIP and inflates only its XML parts (`*.xml`, `*.rels`), refusing the file before
 * inflating anything when a part's declared size is above the limits (a ZIP bomb). fflate inflates each
 * part into a buffer of exactly its declared size, so a part that lies about its size is cut short
 * rather than allowed to grow; pictures are counted, never inflated.
 */
export function openDocxPackage(bytes: Uint8Array, limits: DocxPackageLimits): DocxPackage {
  let mediaCount = 0;
  let total = 0;
  let oversized: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.startsWith('word/media/')) mediaCount++;
        if (!/\.(xml|rels)$/i.test(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > limits.maxPartBytes || total > limits.maxTotalBytes) {
          oversized ??= file.name;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new DocxPackageError('corrupt', error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (oversized) throw new DocxPackageError('too-large', `${oversized} unpacks to more than the ${limits.maxPartBytes}-byte limit`);
  const document = files['word/document.xml'];
  if (!document) throw new DocxPackageError('not-docx', 'the ZIP has no word/document.xml');
  const styles = files['word/styles.xml'];
  const decoder = new TextDecoder('utf-8');
  return {
    documentXml: decoder.decode(document),
    stylesXml: styles ? decoder.decode(styles) : null,
    mediaCount,
    textPackage: zipSync(files, { level: 0 }),
  };
}
