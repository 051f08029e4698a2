import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices, definePlugin, defineSchema, respond, type PluginDefinition, type PluginManifest, type StoredFile } from '@cong/sdk';
import { createTestPlatform, TEST_PRINCIPAL_HEADER, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';

/** An inline plugin (as core/test/inline-plugin.ts makes them; that folder is outside this package's rootDir). */
function inlinePlugin(manifest: Partial<PluginManifest> & { id: string }, definition: Partial<PluginDefinition> = {}) {
  return {
    manifest: { pluginApi: '^1.0.0', ...manifest } as PluginManifest,
    plugin: definePlugin({ register() {}, ...definition }),
    version: '1.0.0',
    packageName: `@test/plugin-${manifest.id}`,
  };
}

// A 1×1 PNG, and bytes that are a PDF whatever their name says.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const noteFields = defineSchema<{ title: string; copies?: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: { title: { type: 'string', minLength: 1, maxLength: 100 }, copies: { type: 'integer', minimum: 1 } },
});
const stored = {
  type: 'object',
  additionalProperties: false,
  properties: { id: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' }, name: { type: 'string' }, title: { type: 'string' }, copies: { type: 'integer' } },
} as const;

const describeFile = (file: StoredFile) => ({ id: file.id, type: file.contentType, size: file.size, name: file.originalName });

const uploads = inlinePlugin(
  { id: 'up', permissions: [{ id: 'up.write', label: { vi: 'Tải lên', en: 'Upload' } }] },
  {
    register(reg) {
      reg.routes((route) => {
        route.post('/images', {
          summary: 'Upload an image or a PDF',
          schema: { upload: { field: 'file', maxBytes: 1024, allowedTypes: ['image/*', 'application/pdf'] }, body: noteFields, response: { 201: stored } },
          handler: (req) => respond(201, { ...describeFile(req.file), title: req.body.title, ...(req.body.copies !== undefined ? { copies: req.body.copies } : {}) }),
        });
        route.post('/pictures', {
          summary: 'Upload a picture only',
          schema: { upload: { field: 'picture', allowedTypes: ['image/*'] }, response: { 201: stored } },
          handler: (req) => respond(201, describeFile(req.file)),
        });
        route.post('/guarded', {
          summary: 'Upload with a permission',
          permission: 'up.write',
          schema: { upload: { field: 'file' }, response: { 201: stored } },
          handler: (req) => respond(201, describeFile(req.file)),
        });
        route.post('/failing', {
          summary: 'A handler that fails after the upload',
          schema: { upload: { field: 'file' } },
          handler: () => {
            throw new Error('the handler broke');
          },
        });
        route.get('/download/:id', {
          summary: 'Stream a stored file back',
          schema: {
            params: defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } }),
            response: { 200: { type: 'string' } },
          },
          handler: async (req, ctx) => {
            const files = ctx.get(coreServices.files);
            const file = await files.stat(req.params.id);
            if (!file) return respond(404);
            return respond(200, await files.open(file.id), { 'content-type': file.contentType, 'content-length': String(file.size) });
          },
        });
        route.get('/generated', {
          summary: 'Stream generated text',
          schema: {},
          handler: () => respond(200, Readable.from(['eins ', 'zwei ', 'drei']), { 'content-type': 'text/plain; charset=utf-8' }),
        });
      });
    },
  },
);

/** Every regular file below `dir` (stored content and temporary parts alike). */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function form(parts: Record<string, string | { bytes: Buffer; name: string; type?: string }>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, new Blob([new Uint8Array(value.bytes)], { type: value.type ?? 'application/octet-stream' }), value.name);
  }
  return data;
}

describeEachDialect('uploads in the route contract', (dialect) => {
  let t: TestPlatform;
  let dataDir: string;
  const send = async (path: string, body: FormData | string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}${path}`, { method: 'POST', body, headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const pointers = (body: { errors?: { pointer: string }[] }) => (body.errors ?? []).map((e) => e.pointer);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cong-upload-'));
    t = await createTestPlatform({ plugins: [uploads], database: dialect, config: { dataDir, files: { maxBytes: 4096 } } });
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores the one file, sniffs its type, and hands the coerced fields to the handler', async () => {
    const before = (await filesBelow(dataDir)).length;
    const res = await send('/api/up/images', form({ title: 'Ảnh hội nghị', copies: '3', file: { bytes: PNG, name: 'Ảnh đẹp.png', type: 'text/plain' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ type: 'image/png', size: PNG.length, name: 'Ảnh đẹp.png', title: 'Ảnh hội nghị', copies: 3 });
    expect((await filesBelow(dataDir)).length).toBe(before + 1);
    const back = await fetch(`${t.url}/api/up/download/${res.body.id}`);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('takes the type from the bytes: PDF content named .png is a PDF, refused where only images go', async () => {
    const accepted = await send('/api/up/images', form({ title: 'Công văn', file: { bytes: PDF, name: 'cong-van.png', type: 'image/png' } }));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.type).toBe('application/pdf');

    const before = await filesBelow(dataDir);
    const refused = await send('/api/up/pictures', form({ picture: { bytes: PDF, name: 'anh.png', type: 'image/png' } }));
    expect(refused.status).toBe(415);
    expect(refused.body.code).toBe('CONG_ERR_FILE_TYPE');
    expect(pointers(refused.body)).toEqual(['/picture']);
    expect(await filesBelow(dataDir)).toEqual(before);
  });

  it('refuses a file over the route limit, and over the platform limit, with 413 naming the field', async () => {
    const before = await filesBelow(dataDir);
    const big = Buffer.concat([PNG, Buffer.alloc(2000)]);
    const res = await send('/api/up/images', form({ title: 'x', file: { bytes: big, name: 'big.png' } }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('CONG_ERR_FILE_TOO_LARGE');
    expect(pointers(res.body)).toEqual(['/file']);
    expect(res.body.detail).toContain('1024');

    const huge = Buffer.concat([PNG, Buffer.alloc(5000)]); // /pictures has no limit of its own: files.maxBytes is 4096
    const platform = await send('/api/up/pictures', form({ picture: { bytes: huge, name: 'huge.png' } }));
    expect(platform.status).toBe(413);
    expect(pointers(platform.body)).toEqual(['/picture']);
    expect(await filesBelow(dataDir)).toEqual(before);
  });

  it('names a missing file, an unknown field, a second file and a file under another name; keeps nothing', async () => {
    const before = await filesBelow(dataDir);
    const missing = await send('/api/up/images', form({ title: 'Không có tệp' }));
    expect(missing.status).toBe(400);
    expect(pointers(missing.body)).toEqual(['/file']);
    expect(missing.body.errors[0].keyword).toBe('required');

    const extra = await send('/api/up/images', form({ title: 'x', colour: 'đỏ', file: { bytes: PNG, name: 'a.png' } }));
    expect(extra.status).toBe(400);
    expect(pointers(extra.body)).toEqual(['/colour']);

    const badField = await send('/api/up/images', form({ copies: 'nhiều', file: { bytes: PNG, name: 'a.png' } }));
    expect(badField.status).toBe(400);
    expect(pointers(badField.body).sort()).toEqual(['/copies', '/title']); // copies not an integer, title missing

    const twice = new FormData();
    twice.append('title', 'x');
    twice.append('file', new Blob([PNG]), 'a.png');
    twice.append('file', new Blob([PNG]), 'b.png');
    const second = await send('/api/up/images', twice);
    expect(second.status).toBe(400);
    expect(pointers(second.body)).toEqual(['/file']);

    const elsewhere = await send('/api/up/images', form({ title: 'x', attachment: { bytes: PNG, name: 'a.png' } }));
    expect(elsewhere.status).toBe(400);
    expect(pointers(elsewhere.body)).toEqual(['/attachment']);

    const fieldsOnly = await send('/api/up/pictures', form({ note: 'x', picture: { bytes: PNG, name: 'a.png' } }));
    expect(fieldsOnly.status).toBe(400);
    expect(pointers(fieldsOnly.body)).toEqual(['/note']);

    expect(await filesBelow(dataDir)).toEqual(before);
  });

  it('answers 415 to a request that is not multipart, and to multipart without a boundary 400', async () => {
    const json = await send('/api/up/images', JSON.stringify({ title: 'x' }), { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('CONG_ERR_UNSUPPORTED_MEDIA_TYPE');
    const broken = await send('/api/up/images', 'garbage', { 'content-type': 'multipart/form-data' });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('CONG_ERR_MALFORMED_BODY');
  });

  it('checks the permission before reading the file', async () => {
    const before = await filesBelow(dataDir);
    const anonymous = await send('/api/up/guarded', form({ file: { bytes: PNG, name: 'a.png' } }));
    expect(anonymous.status).toBe(401);
    const reader = { [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: 'doc-gia', permissions: [] }) };
    expect((await send('/api/up/guarded', form({ file: { bytes: PNG, name: 'a.png' } }), reader)).status).toBe(403);
    expect(await filesBelow(dataDir)).toEqual(before);
    const writer = { [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: 'bien-tap', permissions: ['up.write'] }) };
    expect((await send('/api/up/guarded', form({ file: { bytes: PNG, name: 'a.png' } }), writer)).status).toBe(201);
  });

  it('removes the file when the handler fails', async () => {
    const before = await filesBelow(dataDir);
    const res = await send('/api/up/failing', form({ file: { bytes: PNG, name: 'a.png' } }));
    expect(res.status).toBe(500);
    expect(await filesBelow(dataDir)).toEqual(before);
  });

  it('leaves no file, partial or whole, when the client goes away mid-upload', async () => {
    const before = await filesBelow(dataDir);
    const boundary = 'cong-test-boundary';
    const url = new URL('/api/up/pictures', t.url);
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': '100000' } });
      req.on('error', () => resolve());
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="picture"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`);
      req.write(Buffer.concat([PNG, Buffer.alloc(1500)]));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 150);
    });
    // The server notices the closed connection asynchronously.
    let after: string[] = [];
    for (let i = 0; i < 40; i++) {
      after = await filesBelow(dataDir);
      if (after.length === before.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(after).toEqual(before);
  });

  it('streams a Readable response with its headers', async () => {
    const res = await fetch(`${t.url}/api/up/generated`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('eins zwei drei');
  });

  it('shows an upload route as multipart/form-data with a binary file property', async () => {
    const doc = (await t.client.get('/openapi.json')).body;
    const operation = doc.paths['/api/up/images'].post;
    const schema = operation.requestBody.content['multipart/form-data'].schema;
    expect(schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(schema.properties.title).toEqual({ type: 'string', minLength: 1, maxLength: 100 });
    expect(schema.required).toEqual(['file', 'title']);
    expect(operation.requestBody.content['application/json']).toBeUndefined();
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['413', '415']));
  });

  it('refuses an upload declared on a GET route, or naming a form field twice', async () => {
    const bad = (schema: object, method: 'get' | 'post' = 'post') =>
      inlinePlugin({ id: `bad${Math.random().toString(36).slice(2, 8)}` }, {
        register(reg) {
          reg.routes((route) => route[method]('/x', { summary: 'x', schema: schema as never, handler: () => undefined }));
        },
      });
    const p = await createTestPlatform({
      database: dialect,
      plugins: [bad({ upload: { field: 'file' } }, 'get'), bad({ upload: { field: 'file' }, body: { type: 'object', additionalProperties: false, properties: { file: { type: 'string' } } } })],
    });
    try {
      const errors = p.report.plugins.filter((x) => x.id.startsWith('bad')).map((x) => x.error?.message ?? '');
      expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('upload is for POST, PUT and PATCH routes'), expect.stringContaining('also names the file field')]));
    } finally {
      await p.stop();
    }
  });
});
