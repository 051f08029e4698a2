import { uploadFile } from '@cong/sdk/admin';
import type { SubmissionDetail } from './gazette-api.js';

/** Options of a {@link FileUploader} call. */
export interface UploadOptions {
  /** The unit (id or slug), sent as `X-Cong-Tenant` as the shell's API client does. */
  readonly tenant?: string;
  /** The optional `remark` form field (a note on a corrected copy, say). */
  readonly remark?: string;
  /** Called with the fraction sent, 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
}

/** Sends one file to a `PUT …/original|electronic` route and resolves with the submission as it now is. */
export type FileUploader = (path: string, file: File, options?: UploadOptions) => Promise<SubmissionDetail>;

/** The uploader the pages use: the SDK's `uploadFile` (progress, problem documents as `ApiError`), with `PUT`. */
export const uploadSubmissionFile: FileUploader = (path, file, options = {}) =>
  uploadFile<SubmissionDetail>(path, file, { method: 'PUT', tenant: options.tenant, fields: { remark: options.remark }, onProgress: options.onProgress });
