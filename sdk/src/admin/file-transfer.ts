import { ApiError, type ApiFieldError } from './api-error.js';

type Problem = { code?: string; detail?: string; title?: string; errors?: ApiFieldError[]; reqId?: string };

const UNREACHABLE = 'Không kết nối được máy chủ (the server cannot be reached)';

function problemError(status: number, statusText: string, problem: Problem): ApiError {
  return new ApiError(status, problem.code ?? `HTTP_${status}`, problem.detail ?? problem.title ?? statusText, problem.errors ?? [], problem.reqId);
}

/** Options of {@link downloadFile}. */
export interface DownloadOptions {
  /** The unit (id or slug), sent as `X-Cong-Tenant` as the shell's API client does. */
  readonly tenant?: string;
  /** The query string's parameters; undefined and empty values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** The file name when the answer does not give one. */
  readonly fileName: string;
}

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
 * Fetches a file from the API (a generated DOCX, XLSX, PDF, CSV, an attachment) and hands it to the
 * browser to save. The shell's JSON client reads answers as text, which would spoil the bytes, so this
 * fetches them itself (same cookie, same `X-Cong-Tenant`), then saves them through a temporary link.
 * A refusal becomes an {@link ApiError} built from the problem document, like the client's.
 */
export async function downloadFile(path: string, options: DownloadOptions): Promise<void> {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (options.tenant) headers['x-cong-tenant'] = options.tenant;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers });
  } catch {
    throw new ApiError(0, 'CONG_ERR_SERVICE_UNAVAILABLE', UNREACHABLE);
  }
  if (!response.ok) {
    let problem: Problem = {};
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // not a problem document
    }
    throw problemError(response.status, response.statusText, problem);
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
}

/** Options of {@link uploadFile}. */
export interface UploadOptions {
  /** `PUT` (replace a file) or `POST` (add one). Default `POST`. */
  readonly method?: 'POST' | 'PUT';
  /** The unit (id or slug), sent as `X-Cong-Tenant` as the shell's API client does. */
  readonly tenant?: string;
  /** The form field the route reads the file from. Default `file`. */
  readonly field?: string;
  /** Other form fields, sent before the file (empty values are left out). */
  readonly fields?: Readonly<Record<string, string | undefined>>;
  /** Called with the fraction sent, 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Sends one file as `multipart/form-data` and resolves with the JSON answer. XMLHttpRequest rather than
 * the shell's JSON client, because only it sends a form and reports upload progress. A refusal becomes an
 * {@link ApiError} built from the problem document, like the client's.
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) if (value?.trim()) form.append(name, value.trim());
  form.append(options.field ?? 'file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (options.tenant) xhr.setRequestHeader('x-cong-tenant', options.tenant);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(body as T);
        return;
      }
      reject(problemError(xhr.status, xhr.statusText, (body ?? {}) as Problem));
    };
    xhr.onerror = () => reject(new ApiError(0, 'CONG_ERR_SERVICE_UNAVAILABLE', UNREACHABLE));
    xhr.send(form);
  });
}
