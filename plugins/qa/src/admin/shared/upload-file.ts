import { ApiError, type ApiFieldError } from '@cong/sdk/admin';
import type { AnswerView } from './qa-api.js';

/** Options of a {@link FileUploader} call. */
export interface UploadOptions {
  /** The unit (id or slug), sent as `X-Cong-Tenant` as the shell's API client does. */
  readonly tenant?: string;
  /** Called with the fraction sent, 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
}

/** Sends one file to `POST /api/qa/inbox/:id/answer/attachments` and resolves with the answer as it now is. */
export type FileUploader = (path: string, file: File, options?: UploadOptions) => Promise<AnswerView>;

/**
 * The uploader the pages use: multipart/form-data with the file in `file`. XMLHttpRequest rather than
 * the shell's JSON client, because only it sends a form and reports upload progress. A refusal
 * becomes an {@link ApiError} built from the problem document, like the client's.
 */
export const uploadAttachment: FileUploader = (path, file, options = {}) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
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
        resolve(body as AnswerView);
        return;
      }
      const problem = (body ?? {}) as { code?: string; detail?: string; title?: string; errors?: ApiFieldError[]; reqId?: string };
      reject(new ApiError(xhr.status, problem.code ?? `HTTP_${xhr.status}`, problem.detail ?? problem.title ?? xhr.statusText, problem.errors ?? [], problem.reqId));
    };
    xhr.onerror = () => reject(new ApiError(0, 'CONG_ERR_SERVICE_UNAVAILABLE', 'Không kết nối được máy chủ (the server cannot be reached)'));
    xhr.send(form);
  });
};
