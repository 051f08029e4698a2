import type { Readable } from 'node:stream';

/** A stored file. */
export interface StoredFile {
  readonly id: string;
  readonly tenantId: string | null;
  /** Sniffed from the content, never taken from the client. */
  readonly contentType: string;
  readonly size: number;
  /** The name the uploader gave, NFC-normalised and stripped of path parts; for display only. */
  readonly originalName: string;
  readonly sha256: string;
  readonly createdAt: Date;
}

/** Options of {@link FileService.save}. */
export interface SaveFileOptions {
  readonly originalName: string;
  readonly tenantId?: string | null;
  /** Largest size accepted, in bytes. Default is the platform's `files.maxBytes`. */
  readonly maxBytes?: number;
  /** Accepted sniffed types (`application/pdf`, `image/*`). Default is any type. */
  readonly allowedTypes?: readonly string[];
}

/**
 * Uploads and generated files. Content goes to the data directory (or an S3-compatible store) under a
 * random name; the type is sniffed from the bytes; a file over the limit is removed as it streams.
 */
export interface FileService {
  save(content: Buffer | Readable, options: SaveFileOptions): Promise<StoredFile>;
  /** Metadata of a file this plugin stored, or `undefined`. */
  stat(id: string): Promise<StoredFile | undefined>;
  /** The content of a file this plugin stored. */
  open(id: string): Promise<Readable>;
  remove(id: string): Promise<void>;
}
