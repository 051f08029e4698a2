import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../core/src/testing/describe-each-dialect.js';

// SECURITY.md §6.4: bad input to every route — the core's admin API and the example plugin's — is
// answered 4xx with a problem document, never 5xx, and writes nothing.

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'tenant_id', 'role', 'isAdmin', 'ownerId', '0) OR 1=1 --', 't1.password'];
const WRONG_VALUES: unknown[] = [null, 0, -1, 1e308, 2 ** 53 + 1, true, [], {}, [1, 2], '', 'x'.repeat(5001), { $where: '1' }];
const BAD_TEXT = ['\ud800', 'a\udfffb', 'nul\u0000byte', 'ok\u202Egpj.exe'];
const RUNS = Number(process.env.CONG_FUZZ_RUNS ?? 150);
const TABLES = ['hello_greetings', 'core_jobs', 'core_users', 'core_tenants', 'core_grants', 'core_api_tokens', 'core_audit_log', 'core_tenant_modules'];

type Operation = { method: string; path: string; op: any };

describeEachDialect('bad input to every route', (dialect) => {
  let t: TestPlatform;
  let db: Database;
  let writer: TestClient;
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: ['@cong/example-hello'], database: dialect });
    db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    const doc = (await t.client.get('/openapi.json')).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method, path, op })),
    );
    // A caller holding every permission, so each request reaches validation.
    const permissions = [...new Set(operations.map((o) => o.op['x-cong-permission']).filter(Boolean))] as string[];
    writer = t.client.as({ id: 'fuzzer', permissions });
    // A row to make GET by id meaningful; everything after must leave counts unchanged.
    const created = await writer.post('/api/hello/greetings', { name: 'Nguyễn Văn A' });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await db?.destroy();
    await t?.stop();
  });

  const counts = async () =>
    Promise.all(TABLES.map(async (table) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely)).rows[0]!.n)));

  it('covers every route of the core and the example plugin', () => {
    const routes = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/hello/greetings', 'GET /api/hello/greetings/{id}', 'POST /api/hello/greetings']));
    expect(routes).toEqual(expect.arrayContaining(['POST /api/core/auth/login', 'POST /api/core/tenants/merge', 'PUT /api/core/modules/{plugin}', 'POST /api/core/grants']));
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers every mutation with a 4xx problem document and writes nothing', async () => {
    const before = await counts();
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(mutation(operation), async (request) => {
          const res = await writer.request(operation.method, request.path, {
            ...(request.rawBody !== undefined ? { rawBody: request.rawBody } : {}),
            headers: request.headers,
          });
          expect(res.status, `${operation.method} ${request.path} ${String(request.rawBody).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(res.body.code).toMatch(/^CONG_ERR_[A-Z_]+$/);
          expect(res.body.status).toBe(res.status);
        }),
        { numRuns: RUNS },
      );
    }
    expect(await counts()).toEqual(before);
    // Every route of the platform, RUNS requests each: it grows with the API, and on a loaded 2-core
    // machine it needs more than the default 30 s.
  }, 180_000);
});

/** A request to `operation` with exactly one thing wrong. */
function mutation(operation: Operation): fc.Arbitrary<{ path: string; rawBody?: string; headers: Record<string, string> }> {
  const bodySchema = operation.op.requestBody?.content?.['application/json']?.schema;
  const pathParams = (operation.op.parameters ?? []).filter((p: any) => p.in === 'path');
  const queryParams = (operation.op.parameters ?? []).filter((p: any) => p.in === 'query');
  const validPath = operation.path.replace(/\{(\w+)\}/g, () => '7d3f3c7e-3b1a-4a53-9a51-0f5d3c2b1a00');
  const json = { 'content-type': 'application/json' };
  const mutations: fc.Arbitrary<{ path: string; rawBody?: string; headers: Record<string, string> }>[] = [];

  // Query: unknown keys, wrong types, repeated keys, bracket syntax.
  const badQuery = fc.oneof(
    fc.constantFrom(...HOSTILE_KEYS).map((k) => `${encodeURIComponent(k)}=1`),
    fc.constantFrom('a[b][c]=1', '%00=1', `q=${'x'.repeat(8192)}`),
    ...queryParams
      .map((p: any) => ({ p, bad: wrongQueryValuesFor(p.schema) }))
      .filter(({ bad }: { bad: string[] }) => bad.length > 0)
      .map(({ p, bad }: { p: any; bad: string[] }) => fc.constantFrom(...bad).map((v) => `${p.name}=${encodeURIComponent(v)}`)),
    ...queryParams.filter((p: any) => p.schema.type === 'integer').map((p: any) => fc.constant(`${p.name}=1&${p.name}=2`)),
  );
  mutations.push(badQuery.map((q) => ({ path: `${validPath}?${q}`, headers: {} })));

  if (pathParams.length > 0) {
    const badSegment = fc.oneof(
      fc.constantFrom('not-a-uuid', '..%2f..%2fetc', '%00', 'x'.repeat(8192), "1' OR '1'='1", '%E0%A4%A'),
      // `.` and `..` segments are resolved away by the URL parser before a request is sent.
      fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/^[0-9a-f-]{36}$/.test(s) && s !== '.' && s !== '..').map(encodeURIComponent),
    );
    mutations.push(badSegment.map((segment) => ({ path: operation.path.replace(/\{(\w+)\}/g, () => segment), headers: {} })));
  }

  if (bodySchema) {
    const valid = validValue(bodySchema) as Record<string, unknown>;
    const keys = Object.keys(bodySchema.properties ?? {});
    const required: string[] = bodySchema.required ?? [];
    const stringKeys = keys.filter((k) => bodySchema.properties[k].type === 'string');
    const wrongPairs = keys.flatMap((k) => wrongValuesFor(bodySchema.properties[k]).map((v) => [k, v] as const));
    const families: fc.Arbitrary<string>[] = [
      // structure
      fc.constantFrom(...HOSTILE_KEYS).map((k) => `${JSON.stringify(valid).slice(0, -1)}${keys.length ? ',' : ''}${JSON.stringify(k)}:1}`),
      fc.constantFrom('null', '[]', '"text"', '42', '{}{}', '[{"name":"a"}]'),
      // truncated and malformed JSON
      fc.integer({ min: 1, max: Math.max(1, JSON.stringify(valid).length - 1) }).map((n) => JSON.stringify(valid).slice(0, n)),
      fc.constantFrom('{"name":"a",}', "{'name':'a'}", '{"name":"a"', '\u0000', '{"name":NaN}'),
      // size and nesting
      fc.constant(JSON.stringify({ ...valid, padding: 'x'.repeat(70_000) })),
      fc.constant(`${'['.repeat(5000)}${']'.repeat(5000)}`),
    ];
    if (required.length > 0) families.push(fc.constantFrom(...required).map((k) => JSON.stringify(omit(valid, k))));
    if (wrongPairs.length > 0) families.push(fc.constantFrom(...wrongPairs).map(([k, v]) => JSON.stringify({ ...valid, [k]: v })));
    if (stringKeys.length > 0) {
      families.push(fc.tuple(fc.constantFrom(...stringKeys), fc.constantFrom(...BAD_TEXT.slice(0, 3))).map(([k, v]) => JSON.stringify({ ...valid, [k]: v })));
      families.push(fc.constant(JSON.stringify({ ...valid, [stringKeys[0]!]: nest(100) })));
    }
    if (keys.length > 0) {
      // generated garbage for every property
      families.push(fc.record(Object.fromEntries(keys.map((k) => [k, fc.anything()]))).map((r) => JSON.stringify({ ...r, [keys[0]!]: fc.sample(fc.integer(), 1)[0] })));
    }
    const bodyMutations = fc.oneof(...families);
    mutations.push(bodyMutations.map((rawBody) => ({ path: validPath, rawBody, headers: json })));
    mutations.push(
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16').map((type) => ({
        path: validPath,
        rawBody: type.includes('form') ? 'name=a' : JSON.stringify(valid),
        headers: { 'content-type': type },
      })),
    );
  }
  return fc.oneof(...mutations);
}

const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);

const coercing = new Ajv2020({ strict: false, coerceTypes: 'array' });
addFormats.default(coercing);
const QUERY_VALUES = ['abc', '-1', '1e308', '9007199254740993', '1.5', '', 'null', 'x'.repeat(5000), '\u0000'];

/** Query strings this parameter's schema rejects once coerced as the server does. */
function wrongQueryValuesFor(schema: object): string[] {
  const validate = coercing.compile(schema);
  return QUERY_VALUES.filter((v) => !validate(v));
}

/** The catalogue's wrong values that this property's schema really rejects. */
function wrongValuesFor(schema: object): unknown[] {
  const validate = ajv.compile(schema);
  return WRONG_VALUES.filter((v) => !validate(v));
}

function validValue(schema: any): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'object') {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, validValue(s)]));
  }
  if (schema.type === 'string') return schema.format === 'uuid' ? '7d3f3c7e-3b1a-4a53-9a51-0f5d3c2b1a00' : 'Xin chào';
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [];
  return null;
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('the fuzz harness itself', () => {
  it('builds a valid value that the route accepts', async () => {
    const t = await createTestPlatform({ plugins: ['@cong/example-hello'] });
    try {
      const doc = (await t.client.get('/openapi.json')).body;
      const schema = doc.paths['/api/hello/greetings'].post.requestBody.content['application/json'].schema;
      const res = await t.client.as({ id: 'u', permissions: ['hello.write'] }).post('/api/hello/greetings', validValue(schema));
      expect(res.status).toBe(201);
    } finally {
      await t.stop();
    }
  });
});
