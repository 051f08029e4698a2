import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import {
  CONG_ERR_FILE_STORAGE_FULL,
  CONG_ERR_FILE_TOO_LARGE,
  CONG_ERR_FILE_TYPE,
  CONG_ERR_NOT_FOUND,
  CONG_ERR_VALIDATION,
  type FileService,
} from '@cong/sdk';
import { coreMigrations } from '../db/core-migrations/index.js';
import { OwnerMigrator } from '../db/owner-migrator.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DefaultFileStore } from './default-file-store.js';

/** When set, files the store creates write to /dev/full instead, so the disk is "full" (SECURITY.md F8). */
const faults = vi.hoisted(() => ({ diskFull: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    async open(...args: Parameters<typeof actual.open>) {
      const handle = await actual.open(...args);
      // Only the store's new temporary files ('wx'); reads and everything else stay real.
      if (!faults.diskFull || args[1] !== 'wx') return handle;
      const full = await actual.open('/dev/full', 'w');
      const close = handle.close.bind(handle);
      Object.assign(handle, {
        write: (...rest: unknown[]) => (full.write as (...a: unknown[]) => Promise<unknown>)(...rest),
        close: async () => {
          await full.close();
          await close();
        },
      });
      return handle;
    },
  };
});

/** Open file descriptors of this process (Linux), to show a failed save leaks none. */
const openFds = () => readdirSync('/proc/self/fd').length;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every regular file below `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 grey PNG, built by hand so the test needs no image library. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
  pngChunk('IEND', Buffer.alloc(0)),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

describeEachDialect('DefaultFileStore', (dialect) => {
  let db: TestDatabase;
  let root: string;
  let store: DefaultFileStore;
  let news: FileService;
  let gazette: FileService;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    root = mkdtempSync(join(tmpdir(), 'cong-files-'));
    store = new DefaultFileStore({ db, root, maxBytes: 1024 * 1024 });
    news = store.forPlugin('news');
    gazette = store.forPlugin('gazette');
  });

  afterAll(async () => {
    await db?.drop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const rowCount = async () =>
    Number((await db.kysely.selectFrom('core_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);

  it('saves, stats and opens a file with its sha256, under a random name', async () => {
    const content = Buffer.from('Báo cáo tổng kết năm 2026\nSở Nội vụ\n');
    const saved = await news.save(content, { originalName: 'bao-cao.txt', tenantId: 'quang-tri' });
    expect(saved).toMatchObject({
      tenantId: 'quang-tri',
      contentType: 'text/plain',
      size: content.length,
      originalName: 'bao-cao.txt',
      sha256: sha256(content),
    });
    expect(saved.createdAt).toBeInstanceOf(Date);
    expect(await news.stat(saved.id)).toEqual(saved);
    expect(await readAll(await news.open(saved.id))).toEqual(content);

    const row = await db.kysely.selectFrom('core_files').selectAll().where('id', '=', saved.id).executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{32}$/);
    expect(row.owner).toBe('news');
    expect(existsSync(join(root, row.storage_key))).toBe(true);
    expect(filesUnder(root).some((p) => p.includes('bao-cao'))).toBe(false);

    const streamed = await news.save(Readable.from([content.subarray(0, 7), content.subarray(7)]), { originalName: 'x.txt' });
    expect(streamed).toMatchObject({ tenantId: null, size: content.length, sha256: sha256(content) });
    expect(await readAll(await news.open(streamed.id))).toEqual(content);
  });

  it('sniffs PDF and PNG from the bytes, whatever the name says', async () => {
    const pdf = await news.save(PDF, { originalName: 'anh.png' });
    expect(pdf.contentType).toBe('application/pdf');
    const png = await news.save(Readable.from([PNG]), { originalName: 'van-ban.pdf' });
    expect(png.contentType).toBe('image/png');
    expect((await news.save(PNG, { originalName: 'a', allowedTypes: ['image/*'] })).contentType).toBe('image/png');
    await expect(news.save(PDF, { originalName: 'a.png', allowedTypes: ['image/*'] })).rejects.toMatchObject({
      code: CONG_ERR_FILE_TYPE.code,
      status: 415,
    });
  });

  it('rejects HTML renamed .pdf when only PDF is allowed, leaving no file and no row', async () => {
    const files = filesUnder(root).length;
    const rows = await rowCount();
    await expect(news.save(HTML, { originalName: 'quyet-dinh.pdf', allowedTypes: ['application/pdf'] })).rejects.toMatchObject({
      code: CONG_ERR_FILE_TYPE.code,
      status: 415,
    });
    expect(filesUnder(root)).toHaveLength(files);
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
    expect(await rowCount()).toBe(rows);
    // Without a restriction it is stored, but as text: never served as HTML.
    expect((await news.save(HTML, { originalName: 'page.html' })).contentType).toBe('text/plain');
  });

  it('stops a stream over the limit, leaving no partial file', async () => {
    const files = filesUnder(root).length;
    const rows = await rowCount();
    let produced = 0;
    async function* big() {
      for (let i = 0; i < 100; i++) {
        produced++;
        yield Buffer.alloc(64 * 1024, 0x61);
      }
    }
    await expect(news.save(Readable.from(big()), { originalName: 'big.txt' })).rejects.toMatchObject({
      code: CONG_ERR_FILE_TOO_LARGE.code,
      status: 413,
    });
    expect(produced).toBeLessThan(100);
    // The per-call limit narrows the platform's, and cannot widen it.
    await expect(news.save(Buffer.alloc(11), { originalName: 'a', maxBytes: 10 })).rejects.toMatchObject({ code: CONG_ERR_FILE_TOO_LARGE.code });
    await expect(news.save(Buffer.alloc(1024 * 1024 + 1), { originalName: 'a', maxBytes: 50 * 1024 * 1024 })).rejects.toMatchObject({
      code: CONG_ERR_FILE_TOO_LARGE.code,
    });
    expect(filesUnder(root)).toHaveLength(files);
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
    expect(await rowCount()).toBe(rows);
    const exact = await news.save(Buffer.alloc(10, 0x62), { originalName: 'a', maxBytes: 10 });
    expect(exact.size).toBe(10);
  });

  it('leaves no file and no row when the source stream fails midway', async () => {
    const files = filesUnder(root).length;
    const rows = await rowCount();
    async function* failing() {
      yield Buffer.alloc(4096, 0x61);
      throw Object.assign(new Error('client went away'), { code: 'ECONNRESET' });
    }
    const fds = openFds();
    await expect(news.save(Readable.from(failing()), { originalName: 'a.txt' })).rejects.toThrow('client went away');
    expect(openFds()).toBe(fds);
    expect(filesUnder(root)).toHaveLength(files);
    expect(await rowCount()).toBe(rows);
  });

  it.runIf(existsSync('/dev/full'))('reports a full disk as CONG_ERR_FILE_STORAGE_FULL, leaving no file and no row', async () => {
    const files = filesUnder(root).length;
    const rows = await rowCount();
    const fds = openFds();
    faults.diskFull = true;
    try {
      await expect(news.save(Buffer.alloc(64 * 1024, 0x61), { originalName: 'a.txt' })).rejects.toMatchObject({
        code: CONG_ERR_FILE_STORAGE_FULL.code,
        status: 507,
        cause: expect.objectContaining({ code: 'ENOSPC' }),
      });
    } finally {
      faults.diskFull = false;
    }
    expect(openFds()).toBe(fds);
    expect(filesUnder(root)).toHaveLength(files);
    expect(await rowCount()).toBe(rows);
    // And the store works again once there is space.
    expect((await news.save(Buffer.from('ok'), { originalName: 'a.txt' })).size).toBe(2);
  });

  it('removes the content when the row cannot be inserted', async () => {
    const bare = await createTestDatabase(dialect); // no migrations: core_files does not exist
    const bareRoot = mkdtempSync(join(tmpdir(), 'cong-files-'));
    try {
      const broken = new DefaultFileStore({ db: bare, root: bareRoot }).forPlugin('news');
      await expect(broken.save(PDF, { originalName: 'a.pdf' })).rejects.toThrow(/core_files/);
      expect(filesUnder(bareRoot)).toEqual([]);
    } finally {
      await bare.drop();
      rmSync(bareRoot, { recursive: true, force: true });
    }
  });

  it('sanitises the original name for display', async () => {
    const cases: Array<[string, string]> = [
      ['../../x', 'x'],
      ['evil\u202Egpj.exe', 'evilgpj.exe'],
      ['C:\\Users\\a\\Quyết định.pdf', 'Quyết định.pdf'],
      ['/etc/passwd', 'passwd'],
      ['Nguyễn'.normalize('NFD') + '.txt', 'Nguyễn.txt'.normalize('NFC')],
      ['a\u0000b\r\nc\u200B.txt', 'abc.txt'],
      ['báo "cáo" <1>?.txt', 'báo _cáo_ _1__.txt'],
      ['..', 'file'],
      ['', 'file'],
      ['.htaccess', 'htaccess'],
      ['name. . ', 'name'],
    ];
    for (const [input, expected] of cases) {
      const saved = await news.save(Buffer.from('x'), { originalName: input });
      expect(saved.originalName, JSON.stringify(input)).toBe(expected);
      expect((await news.stat(saved.id))?.originalName).toBe(expected);
    }
    const long = await news.save(Buffer.from('x'), { originalName: `${'ồ'.repeat(500)}.pdf` });
    expect(Array.from(long.originalName)).toHaveLength(200);
    expect(long.originalName.endsWith('ồ.pdf')).toBe(true);
  });

  it('tells text from binary content that has no magic number', async () => {
    expect((await news.save(Buffer.from('Xin chào, Việt Nam!'), { originalName: 'a' })).contentType).toBe('text/plain');
    expect((await news.save(Buffer.from([0xc3, 0x28, 0x41, 0x42]), { originalName: 'a' })).contentType).toBe('application/octet-stream');
    expect((await news.save(Buffer.from('abc\u0000def'), { originalName: 'a' })).contentType).toBe('application/octet-stream');
    // A multi-byte character split across stream chunks is still valid UTF-8.
    const viet = Buffer.from('ệ');
    expect((await news.save(Readable.from([viet.subarray(0, 1), viet.subarray(1)]), { originalName: 'a' })).contentType).toBe('text/plain');
    // Ends inside a multi-byte sequence.
    expect((await news.save(viet.subarray(0, 2), { originalName: 'a' })).contentType).toBe('application/octet-stream');
  });

  it('accepts an empty file only when no types are required', async () => {
    const empty = await news.save(Buffer.alloc(0), { originalName: 'empty.txt' });
    expect(empty).toMatchObject({ size: 0, contentType: 'application/octet-stream', sha256: sha256(Buffer.alloc(0)) });
    expect(await readAll(await news.open(empty.id))).toEqual(Buffer.alloc(0));
    await expect(news.save(Readable.from([]), { originalName: 'e.pdf', allowedTypes: ['application/pdf'] })).rejects.toMatchObject({
      code: CONG_ERR_FILE_TYPE.code,
    });
  });

  it('validates options, and destroys a stream it will not read', async () => {
    const unread = Readable.from([PDF]);
    await expect(news.save(unread, { originalName: 'a', allowedTypes: ['not a type'] })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    expect(unread.destroyed).toBe(true);
    await expect(news.save(PDF, { originalName: 'a', allowedTypes: [] })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    await expect(news.save(PDF, { originalName: 'a', allowedTypes: ['pdf'] })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    await expect(news.save(PDF, { originalName: 'a', maxBytes: -1 })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
  });

  it('lets only the owner stat, open and remove a file', async () => {
    const saved = await news.save(PDF, { originalName: 'mat.pdf', tenantId: 't1' });
    expect(await gazette.stat(saved.id)).toBeUndefined();
    await expect(gazette.open(saved.id)).rejects.toMatchObject({ code: CONG_ERR_NOT_FOUND.code, status: 404 });
    await expect(gazette.remove(saved.id)).rejects.toMatchObject({ code: CONG_ERR_NOT_FOUND.code });
    expect(await news.stat(saved.id)).toEqual(saved);
    expect(await readAll(await news.open(saved.id))).toEqual(PDF);

    expect(await news.stat('no-such-id')).toBeUndefined();
    expect(await news.stat('')).toBeUndefined();
    await expect(news.open('no-such-id')).rejects.toMatchObject({ code: CONG_ERR_NOT_FOUND.code });

    const row = await db.kysely.selectFrom('core_files').select('storage_key').where('id', '=', saved.id).executeTakeFirstOrThrow();
    await news.remove(saved.id);
    expect(await news.stat(saved.id)).toBeUndefined();
    expect(existsSync(join(root, row.storage_key))).toBe(false);
    await expect(news.open(saved.id)).rejects.toMatchObject({ code: CONG_ERR_NOT_FOUND.code });
    await expect(news.remove(saved.id)).rejects.toMatchObject({ code: CONG_ERR_NOT_FOUND.code });
  });

  it('migrates down and up again (core_files and the search index)', async () => {
    const fresh = await createTestDatabase(dialect);
    try {
      const migrator = new OwnerMigrator('core', fresh.kysely, coreMigrations);
      await migrator.latest();
      // Later core migrations come down first; these two must be among what is undone and redone.
      const undone = await migrator.rollback('2026_11_28_0003_create_mail_outbox');
      expect(undone.slice(-2)).toEqual(['2026_11_28_0005_create_search_index', '2026_11_28_0004_create_files']);
      const tables = (await fresh.kysely.introspection.getTables()).map((t) => t.name);
      expect(tables.filter((name) => name.startsWith('core_files') || name.startsWith('core_search'))).toEqual([]);
      expect((await migrator.latest()).slice(0, 2)).toEqual(['2026_11_28_0004_create_files', '2026_11_28_0005_create_search_index']);
    } finally {
      await fresh.drop();
    }
  });
});
