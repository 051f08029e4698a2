import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import {
  CONG_ERR_FILE_STORAGE_FULL,
  CONG_ERR_FILE_TOO_LARGE,
  CONG_ERR_FILE_TYPE,
  CONG_ERR_INTERNAL,
  InputError,
  NotFoundError,
  normalizeText,
  type FileService,
  type SaveFileOptions,
  type StoredFile,
} from '@cong/sdk';
import type { Database } from '../db/create-database.js';

/** Options of {@link DefaultFileStore}. */
export interface DefaultFileStoreOptions {
  readonly db: Database;
  /** Directory for the content; created when missing. Temporary files go to its `tmp/` folder. */
  readonly root: string;
  /**
   * The platform's size ceiling in bytes (`files.maxBytes`). A plugin may ask for less per call, never
   * more. Default is 20 MiB, which fits scanned PDFs of official documents.
   */
  readonly maxBytes?: number;
}

const TABLE = 'core_files';
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Display names are capped well below the column's 255 characters, keeping the extension. */
const MAX_NAME_CHARS = 200;
/** Only extensions this short are kept when a long name is cut; longer "extensions" are just text. */
const MAX_EXTENSION_CHARS = 16;
const MAX_ID_CHARS = 64;
/** The only shape a storage key can take; checked again before a key becomes a path. */
const STORAGE_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{32}$/;
const MEDIA_RANGE = /^(?:\*\/\*|[a-z0-9][a-z0-9!#$&^_.+-]*\/(?:\*|[a-z0-9][a-z0-9!#$&^_.+-]*))$/;
/** What a file with no recognisable content is, including an empty one. */
const OCTET_STREAM = 'application/octet-stream';

interface FileRow {
  id: string;
  owner: string;
  tenant_id: string | null;
  content_type: string;
  size: number | string;
  original_name: string;
  sha256: string;
  storage_key: string;
  created_at: number | string;
}

/**
 * The default {@link FileService}: metadata in `core_files`, content on the local disk below `root`.
 *
 * `save` streams the content to a temporary file under `<root>/tmp`, counting and hashing as it goes,
 * and stops reading as soon as the limit is passed (`CONG_ERR_FILE_TOO_LARGE`, 413). The type is
 * sniffed from the bytes with `file-type`, never taken from the name or the client's header; content
 * with no magic number is `text/plain` when it is valid UTF-8 without NUL bytes, otherwise
 * `application/octet-stream`. `allowedTypes` accepts exact types and `type/*` wildcards; a mismatch is
 * `CONG_ERR_FILE_TYPE` (415). The file is then renamed to `<root>/<yyyy>/<mm>/<random hex>` (UTC) and
 * the row inserted. Any failure — too large, wrong type, a stream or disk error, a failed insert —
 * removes what was written, so there is never a partial file nor a row without content. A full disk or
 * quota (ENOSPC, EDQUOT) is reported as `CONG_ERR_FILE_STORAGE_FULL` (507), the cause kept for logs.
 * A stream passed to a save that fails is destroyed, so an upload stops instead of stalling.
 *
 * Empty (0-byte) content has nothing to sniff, so it is `application/octet-stream`: it is accepted when
 * `allowedTypes` is not set (a blank attachment is harmless), and rejected with `CONG_ERR_FILE_TYPE`
 * when the caller asked for specific types, since an empty "PDF" is not a PDF.
 *
 * Each plugin sees only its own files: another owner's id reads as `undefined` from `stat` and as
 * `CONG_ERR_NOT_FOUND` from `open` and `remove`, so ids do not leak across plugins.
 */
export class DefaultFileStore {
  readonly #db: Database;
  readonly #root: string;
  readonly #maxBytes: number;

  constructor(options: DefaultFileStoreOptions) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new TypeError('maxBytes must be a positive integer');
    this.#db = options.db;
    this.#root = resolve(options.root);
    this.#maxBytes = maxBytes;
  }

  /** The {@link FileService} a plugin (or `core`) receives: every call is scoped to `owner`. */
  forPlugin(owner: string): FileService {
    if (typeof owner !== 'string' || owner.length === 0 || owner.length > 100) {
      throw new InputError('owner must be a non-empty string of at most 100 characters');
    }
    return {
      save: (content, options) => this.#save(owner, content, options),
      stat: (id) => this.#stat(owner, id),
      open: (id) => this.#open(owner, id),
      remove: (id) => this.#remove(owner, id),
    };
  }

  async #save(owner: string, content: Buffer | Readable, options: SaveFileOptions): Promise<StoredFile> {
    try {
      return await this.#store(owner, content, options);
    } catch (error) {
      // A failed save never reads the rest of a stream (an oversized upload is already destroyed by
      // leaving its loop); destroying it in every case tells the source to stop sending.
      if (!Buffer.isBuffer(content) && typeof content?.destroy === 'function' && !content.destroyed) content.destroy();
      throw error;
    }
  }

  async #store(owner: string, content: Buffer | Readable, options: SaveFileOptions): Promise<StoredFile> {
    const limit = this.#limit(options.maxBytes);
    const allowed = checkAllowedTypes(options.allowedTypes);
    const tenantId = options.tenantId ?? null;
    if (tenantId !== null && (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.length > 64)) {
      throw new InputError('tenantId must be null or a non-empty string of at most 64 characters');
    }
    if (typeof options.originalName !== 'string') throw new InputError('originalName must be a string');
    const originalName = sanitizeFileName(options.originalName);
    // A buffer's size is known up front: refuse before writing anything.
    if (Buffer.isBuffer(content) && content.length > limit) throw CONG_ERR_FILE_TOO_LARGE.create({ limit });

    const tmpDir = join(this.#root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
    let finalPath: string | undefined;
    let handle: FileHandle | undefined;
    try {
      handle = await open(tmpPath, 'wx', 0o640);
      const written = await writeCounted(handle, content, limit);
      // Flushed before the row exists, so a crash cannot leave a row pointing at lost content.
      await handle.sync();
      await handle.close();
      handle = undefined;

      const contentType = await sniff(tmpPath, written);
      if (allowed && !allowed.some((range) => matchesRange(contentType, range))) {
        throw CONG_ERR_FILE_TYPE.create({ type: contentType });
      }

      const now = new Date();
      const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
      const storageKey = `${folder}/${randomBytes(16).toString('hex')}`;
      await mkdir(join(this.#root, folder), { recursive: true });
      finalPath = this.#path(storageKey);
      await rename(tmpPath, finalPath);

      const row: FileRow = {
        id: randomBytes(16).toString('base64url'),
        owner,
        tenant_id: tenantId,
        content_type: contentType,
        size: written.size,
        original_name: originalName,
        sha256: written.sha256,
        storage_key: storageKey,
        created_at: now.getTime(),
      };
      await this.#db.kysely.insertInto(TABLE).values(row).execute();
      return toStoredFile(row);
    } catch (error) {
      // Cleanup failures must not hide the error that caused them.
      await handle?.close().catch(() => undefined);
      await removeQuietly(tmpPath).catch(() => undefined);
      if (finalPath !== undefined) await removeQuietly(finalPath).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw CONG_ERR_FILE_STORAGE_FULL.create({}, { cause: error });
      throw error;
    }
  }

  async #stat(owner: string, id: string): Promise<StoredFile | undefined> {
    const row = await this.#row(owner, id);
    return row && toStoredFile(row);
  }

  async #open(owner: string, id: string): Promise<Readable> {
    const row = await this.#row(owner, id);
    if (!row) throw new NotFoundError(`File ${String(id)} not found`);
    let handle: FileHandle;
    try {
      handle = await open(this.#path(row.storage_key), 'r');
    } catch (cause) {
      // The row exists but its content does not: an operations problem to log, not a client's 404.
      throw CONG_ERR_INTERNAL.create({}, { detail: `The content of file ${row.id} is missing`, cause });
    }
    return handle.createReadStream();
  }

  async #remove(owner: string, id: string): Promise<void> {
    const row = await this.#row(owner, id);
    if (!row) throw new NotFoundError(`File ${String(id)} not found`);
    const result = await this.#db.kysely.deleteFrom(TABLE).where('id', '=', row.id).where('owner', '=', owner).executeTakeFirst();
    // A concurrent remove got there first.
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError(`File ${row.id} not found`);
    // Row first, then content: a failure in between leaves an orphan file (harmless, and findable by
    // comparing the disk with the table), never a row whose content is gone.
    await removeQuietly(this.#path(row.storage_key));
  }

  async #row(owner: string, id: string): Promise<FileRow | undefined> {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_CHARS) return undefined;
    return (await this.#db.kysely
      .selectFrom(TABLE)
      .selectAll()
      .where('id', '=', id)
      .where('owner', '=', owner)
      .executeTakeFirst()) as FileRow | undefined;
  }

  #limit(requested: number | undefined): number {
    if (requested === undefined) return this.#maxBytes;
    if (!Number.isSafeInteger(requested) || requested < 0) throw new InputError('maxBytes must be a non-negative integer');
    return Math.min(requested, this.#maxBytes);
  }

  /** The path of a storage key; keys come from the table, so their shape is checked before use. */
  #path(storageKey: string): string {
    if (!STORAGE_KEY.test(storageKey)) {
      throw CONG_ERR_INTERNAL.create({}, { detail: `Invalid storage key ${JSON.stringify(storageKey)}` });
    }
    return join(this.#root, ...storageKey.split('/'));
  }
}

/** What {@link writeCounted} learnt while writing. */
interface Written {
  readonly size: number;
  readonly sha256: string;
  /** Valid UTF-8 with no NUL byte, so far as the content went. */
  readonly text: boolean;
}

/**
 * Writes the content to `handle`, hashing and counting; past `limit` it throws before writing more.
 * Leaving the `for await` loop early destroys the source stream, so an oversized upload stops being
 * read instead of being drained to the end.
 */
async function writeCounted(handle: FileHandle, content: Buffer | Readable, limit: number): Promise<Written> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let text = true;
  const chunks: AsyncIterable<unknown> | Iterable<unknown> = Buffer.isBuffer(content) ? [content] : content;
  for await (const piece of chunks) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
    size += chunk.length;
    if (size > limit) throw CONG_ERR_FILE_TOO_LARGE.create({ limit });
    hash.update(chunk);
    if (text) {
      try {
        decoder.decode(chunk, { stream: true });
        text = !chunk.includes(0);
      } catch {
        text = false;
      }
    }
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
  }
  if (text) {
    try {
      decoder.decode();
    } catch {
      text = false; // ends inside a multi-byte sequence
    }
  }
  return { size, sha256: hash.digest('hex'), text };
}

/** The content's type from its magic number; see {@link DefaultFileStore} for content without one. */
async function sniff(path: string, written: Written): Promise<string> {
  if (written.size === 0) return OCTET_STREAM;
  // Loaded on first upload: file-type costs ~45 ms of start-up that most requests never need.
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(path);
  if (detected) return detected.mime.toLowerCase();
  return written.text ? 'text/plain' : OCTET_STREAM;
}

function checkAllowedTypes(allowedTypes: readonly string[] | undefined): string[] | undefined {
  if (allowedTypes === undefined) return undefined;
  if (!Array.isArray(allowedTypes) || allowedTypes.length === 0) {
    throw new InputError('allowedTypes must be a non-empty list; leave it out to accept any type');
  }
  return allowedTypes.map((range) => {
    const lower = typeof range === 'string' ? range.trim().toLowerCase() : '';
    if (!MEDIA_RANGE.test(lower)) throw new InputError(`allowedTypes has an invalid media type: ${String(range)}`);
    return lower;
  });
}

function matchesRange(type: string, range: string): boolean {
  if (range === '*/*' || range === type) return true;
  return range.endsWith('/*') && type.startsWith(range.slice(0, -1));
}

/**
 * A display name from whatever the client sent: NFC; control, format (bidi overrides such as U+202E,
 * zero-width characters), separator, private-use and unassigned characters removed; only the last
 * path segment kept (`/` and `\`); characters that break headers or Windows names (`<>:"|?*`) become
 * `_`; leading dots and trailing dots/spaces dropped; at most 200 characters, keeping a short
 * extension. `file` when nothing is left. Display only: the content is never stored under this name.
 */
function sanitizeFileName(name: string): string {
  let clean = normalizeText(name).replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, '');
  clean = clean.split(/[/\\]/).pop() ?? '';
  clean = clean
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const chars = Array.from(clean);
  if (chars.length > MAX_NAME_CHARS) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 ? Array.from(clean.slice(dot)) : [];
    const keep = extension.length > 1 && extension.length <= MAX_EXTENSION_CHARS ? extension : [];
    clean = chars.slice(0, MAX_NAME_CHARS - keep.length).join('').replace(/[\s.]+$/, '') + keep.join('');
  }
  // Removing characters can bring a base letter and a mark together again.
  clean = normalizeText(clean);
  return clean === '' ? 'file' : clean;
}

function toStoredFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    contentType: row.content_type,
    size: Number(row.size),
    originalName: row.original_name,
    sha256: row.sha256,
    createdAt: new Date(Number(row.created_at)),
  };
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
