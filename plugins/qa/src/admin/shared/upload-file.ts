import { uploadFile as sdkUploadFile } from '@cong/sdk/admin';
import type { AnswerView } from './qa-api.js';

/** Options of a {@link FileUploader} call. */
export interface UploadOptions {
  /** The unit (id or slug), sent as `X-Cong-Tenant` as the shell's API client does. */
  readonly tenant?: string;
  /** Called with the fraction sent, 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Sends one file to an upload route (`POST /api/qa/inbox/:id/answer/attachments`,
 * `POST /api/qa/consultations/:id/files`…) and resolves with the route's answer (by default the answer
 * as it now is). Pages take another in tests.
 */
export type FileUploader<T = AnswerView> = (path: string, file: File, options?: UploadOptions) => Promise<T>;

/** The uploader the pages use: the SDK's `uploadFile` (multipart, progress, problem documents as `ApiError`), with `POST`. */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return sdkUploadFile<T>(path, file, { method: 'POST', ...(options.tenant ? { tenant: options.tenant } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}

/** The answer editor's uploader: the answer as it now is. */
export const uploadAttachment: FileUploader = (path, file, options) => uploadFile<AnswerView>(path, file, options);
