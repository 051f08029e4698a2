import { ApiError, type ApiFieldError } from '@cong/sdk/admin';

/** Options of a {@link FileDownloader} call. */
export interface DownloadOptions {
  /** The unit (id or slug), sent as `X-Cong-Tenant` as the shell's API client does. */
  readonly tenant?: string;
  /** The query string's parameters; undefined and empty values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** The file name when the answer does not give one. */
  readonly fileName: string;
}

/** Fetches a file (an answer's attachment) from the API and hands it to the browser to save. */
export type FileDownloader = (path: string, options: DownloadOptions) => Promise<void>;

/** The file name of a `Content-Disposition` header (RFC 6266: `filename*` first). */
export function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim();
}

/**
 * The downloader the pages use. The shell's JSON client reads answers as text, which would spoil a
 * DOCX, XLSX or PDF, so this fetches the bytes itself (same cookie, same `X-Cong-Tenant`), then saves
 * them through a temporary link. A refusal becomes an {@link ApiError} built from the problem document.
 */
export const downloadFile: FileDownloader = async (path, options) => {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (options.tenant) headers['x-cong-tenant'] = options.tenant;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers });
  } catch {
    throw new ApiError(0, 'CONG_ERR_SERVICE_UNAVAILABLE', 'Không kết nối được máy chủ (the server cannot be reached)');
  }
  if (!response.ok) {
    let problem: { code?: string; detail?: string; title?: string; errors?: ApiFieldError[]; reqId?: string } = {};
    try {
      problem = (await response.json()) as typeof problem;
    } catch {
      // not a problem document
    }
    throw new ApiError(response.status, problem.code ?? `HTTP_${response.status}`, problem.detail ?? problem.title ?? response.statusText, problem.errors ?? [], problem.reqId);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = dispositionFileName(response.headers.get('content-disposition')) ?? options.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the time to start the download before the bytes are released.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
};
