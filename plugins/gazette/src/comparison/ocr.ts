import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalizedText } from './extracted-text.js';
import { tesseractTsvToText } from './tesseract-tsv.js';

/** Whether OCR can run on this machine, and if not, why (for the clerk and the operator). */
export interface OcrAvailability {
  readonly available: boolean;
  readonly reason?: LocalizedText;
}

/** Options of one OCR run. */
export interface OcrRunOptions {
  /** Stops the run: the current program is killed and no further page starts. */
  readonly signal?: AbortSignal;
}

/**
 * Recognises the text of scanned PDF pages. The default is {@link tesseractOcr}; tests and other
 * deployments may bring their own (a remote OCR service, say).
 */
export interface OcrEngine {
  /** The text of each of `pages` (1-based page numbers), in the order asked. */
  ocrPdf(bytes: Uint8Array, pages: number[], options?: OcrRunOptions): Promise<string[]>;
  /** Whether the engine can run here. An engine without this method is taken to be available. */
  availability?(): Promise<OcrAvailability>;
}

/** Options of {@link tesseractOcr}. */
export interface TesseractOcrOptions {
  /** Default `tesseract` (looked up on `PATH`). */
  readonly tesseractPath?: string;
  /** Default `pdftoppm` (poppler-utils). */
  readonly pdftoppmPath?: string;
  /** Tesseract language model. Default `vie`. */
  readonly language?: string;
  /** Rasterising resolution. Default 200 dpi: enough for 12–14 pt text, and half the pixels of 300. */
  readonly dpi?: number;
  /** Each program run (rasterising or recognising one page) is killed after this long. Default 60 s. */
  readonly pageTimeoutMs?: number;
}

const DEFAULT_TESSERACT = 'tesseract';
const DEFAULT_PDFTOPPM = 'pdftoppm';
const DEFAULT_LANGUAGE = 'vie';

let defaultAvailability: Promise<OcrAvailability> | undefined;

/**
 * Checks once per process that `tesseract` with the Vietnamese model (`vie`) and `pdftoppm` are
 * installed (Debian: `apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils`). Programs are
 * run without a shell.
 */
export function detectOcr(): Promise<OcrAvailability> {
  return (defaultAvailability ??= checkOcr(DEFAULT_TESSERACT, DEFAULT_PDFTOPPM, DEFAULT_LANGUAGE));
}

async function checkOcr(tesseract: string, pdftoppm: string, language: string): Promise<OcrAvailability> {
  const languages = await run(tesseract, ['--list-langs'], { timeoutMs: 10_000 }).catch((error: unknown) => error as RunError);
  if (languages instanceof Error) {
    return unavailable(
      languages.missing
        ? { vi: `Chưa cài đặt chương trình nhận dạng chữ ${tesseract} (gói tesseract-ocr).`, en: `The OCR program ${tesseract} is not installed (package tesseract-ocr).` }
        : { vi: `Không chạy được ${tesseract}: ${languages.message}`, en: `${tesseract} could not run: ${languages.message}` },
    );
  }
  // Tesseract 4 printed the list on stderr, 5 on stdout.
  if (!new RegExp(`^${language}$`, 'm').test(languages.stdout + '\n' + languages.stderr)) {
    return unavailable({
      vi: `Tesseract chưa có dữ liệu tiếng Việt "${language}" (gói tesseract-ocr-vie).`,
      en: `Tesseract has no "${language}" language model (package tesseract-ocr-vie).`,
    });
  }
  // pdftoppm -v exits 0 on poppler 22 and 99 on older ones: only a missing program counts.
  const version = await run(pdftoppm, ['-v'], { timeoutMs: 10_000 }).catch((error: unknown) => error as RunError);
  if (version instanceof Error && version.missing) {
    return unavailable({
      vi: `Chưa cài đặt chương trình ${pdftoppm} để chuyển trang PDF thành ảnh (gói poppler-utils).`,
      en: `${pdftoppm}, which turns PDF pages into images, is not installed (package poppler-utils).`,
    });
  }
  return { available: true };
}

function unavailable(reason: LocalizedText): OcrAvailability {
  return { available: false, reason };
}

/**
 * OCR with Tesseract: each page is rasterised by `pdftoppm -r 200` into a private temporary directory
 * and recognised by `tesseract … -l vie tsv`, whose word boxes are laid out like a PDF's text layer. One page at a time across the whole process (each Tesseract
 * run is held to one thread), so OCR never takes more than one core from the server; the temporary
 * directory is removed whatever happens.
 */
export function tesseractOcr(options: TesseractOcrOptions = {}): OcrEngine {
  const tesseract = options.tesseractPath ?? DEFAULT_TESSERACT;
  const pdftoppm = options.pdftoppmPath ?? DEFAULT_PDFTOPPM;
  const language = options.language ?? DEFAULT_LANGUAGE;
  const dpi = options.dpi ?? 200;
  const timeoutMs = options.pageTimeoutMs ?? 60_000;
  const usesDefaults = tesseract === DEFAULT_TESSERACT && pdftoppm === DEFAULT_PDFTOPPM && language === DEFAULT_LANGUAGE;
  let availability: Promise<OcrAvailability> | undefined;
  return {
    availability() {
      return usesDefaults ? detectOcr() : (availability ??= checkOcr(tesseract, pdftoppm, language));
    },
    ocrPdf(bytes, pages, runOptions = {}) {
      return oneAtATime(async () => {
        const { signal } = runOptions;
        signal?.throwIfAborted();
        const directory = await mkdtemp(join(tmpdir(), 'cong-gazette-ocr-'));
        try {
          const input = join(directory, 'input.pdf');
          await writeFile(input, bytes, { mode: 0o600 });
          const texts: string[] = [];
          for (const page of pages) {
            signal?.throwIfAborted();
            const image = join(directory, `page-${page}`);
            await run(pdftoppm, ['-r', String(dpi), '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile', input, image], { timeoutMs, signal });
            const result = await run(tesseract, [`${image}.png`, 'stdout', '-l', language, 'tsv'], { timeoutMs, signal, env: { OMP_THREAD_LIMIT: '1' } });
            texts.push(tesseractTsvToText(result.stdout));
            await rm(`${image}.png`, { force: true });
          }
          return texts;
        } finally {
          await rm(directory, { recursive: true, force: true });
        }
      });
    },
  };
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs OCR jobs one after another, in the order they were asked for. */
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const result = queue.then(job, job);
  queue = result.catch(() => undefined);
  return result;
}

interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** A program that failed; `missing` when it is not installed at all. */
export class RunError extends Error {
  override readonly name = 'RunError';
  constructor(
    message: string,
    readonly missing: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function run(
  program: string,
  args: readonly string[],
  options: { timeoutMs: number; signal?: AbortSignal; env?: Record<string, string> },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      {
        shell: false,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true,
        ...(options.signal ? { signal: options.signal } : {}),
        env: { ...process.env, ...options.env },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code;
        const detail = stderr.trim().split('\n').slice(-3).join(' ') || error.message;
        reject(new RunError(`${program} ${code === 'ENOENT' ? 'is not installed' : `failed: ${detail}`}`, code === 'ENOENT', { cause: error }));
      },
    );
  });
}
