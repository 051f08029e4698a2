import type { DownloadOptions } from '@cong/sdk/admin';

// The SDK fetches the bytes with the session and the unit header (the shell's JSON client would spoil them).
export { dispositionFileName, downloadFile, type DownloadOptions } from '@cong/sdk/admin';

/** Fetches a file (an answer's attachment, a report) from the API and hands it to the browser to save (a page takes another in tests). */
export type FileDownloader = (path: string, options: DownloadOptions) => Promise<void>;
