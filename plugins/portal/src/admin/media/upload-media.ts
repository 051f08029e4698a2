import { ApiError } from '@cong/sdk/admin';
import type { MediaItem } from './media-types.js';

export interface UploadOptions {
  /** The unit (id or slug), sent as `X-Cong-Tenant` like the shell's API client does. */
  readonly tenant?: string;
  /** Metadata form fields (`titleVi`, `altVi`, `documentNumber`…). */
  readonly fields?: Readonly<Record<string, string>>;
  /** Called with the fraction sent, 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Uploads one file to the media library. XMLHttpRequest rather than the shell's JSON client: only it
 * reports upload progress. Resolves with the item and whether it is new (201) or the unit already had
 * the same bytes (200); rejects with an {@link ApiError} built from the problem document.
 */
export function uploadMedia(file: Blob & { readonly name?: string }, options: UploadOptions = {}): Promise<{ created: boolean; item: MediaItem }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) if (value.trim() !== '') form.append(name, value);
  form.append('file', file, file.name ?? 'file');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/portal/media');
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
      if (xhr.status === 200 || xhr.status === 201) {
        options.onProgress?.(1);
        resolve({ created: xhr.status === 201, item: body as MediaItem });
        return;
      }
      const problem = (body ?? {}) as { code?: string; detail?: string; title?: string; errors?: []; reqId?: string };
      reject(new ApiError(xhr.status, problem.code ?? `HTTP_${xhr.status}`, problem.detail ?? problem.title ?? xhr.statusText, problem.errors ?? [], problem.reqId));
    };
    xhr.onerror = () => reject(new ApiError(0, 'CONG_ERR_SERVICE_UNAVAILABLE', 'Không kết nối được máy chủ (the server cannot be reached)'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
