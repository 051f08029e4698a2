import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONG_ERR_AUDIT_ACTION_NOT_OWNED,
  CONG_ERR_VALIDATION,
  type AuditService,
  type Principal,
  type RouteRequest,
} from '@cong/sdk';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DefaultAuditLog, type AuditEntry, type AuditFilter } from './default-audit-log.js';

/** A tenant of its own per test, so tests share one database without seeing each other's rows. */
const newTenant = () => `t-${randomBytes(4).toString('hex')}`;

function fakeRequest(overrides: { principal?: Principal; headers?: Record<string, string>; id?: string; ip?: string } = {}): RouteRequest {
  return {
    params: {},
    query: {},
    body: {},
    headers: overrides.headers ?? { 'user-agent': 'Mozilla/5.0 (Test)' },
    id: overrides.id ?? 'req-1',
    ip: overrides.ip ?? '203.0.113.7',
    protocol: 'https',
    tenantId: undefined,
    principal: overrides.principal,
    signal: new AbortController().signal,
    can: () => false,
  } as RouteRequest;
}

const user = (id: string): Principal => ({ id, kind: 'user', permissions: new Set() });

/** Splits RFC 4180 text into records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of iterable) chunks.push(chunk);
  return chunks;
}

describe('DefaultAuditLog module', () => {
  it('is append-only: the source never updates or deletes audit rows, and the class has no such method', () => {
    const source = readFileSync(new URL('./default-audit-log.ts', import.meta.url), 'utf8');
    expect(source).not.toContain("updateTable('core_audit_log'");
    expect(source).not.toContain("deleteFrom('core_audit_log'");
    // The module names its table through a constant, so any update or delete at all is suspect.
    expect(source).not.toMatch(/\.updateTable\(|\.deleteFrom\(|\.replaceInto\(|\bupdate\s+core_audit_log|\bdelete\s+from\s+core_audit_log/i);
    const methods = Object.getOwnPropertyNames(DefaultAuditLog.prototype).sort();
    expect(methods).toEqual(['constructor', 'exportCsv', 'forPlugin', 'query']);
  });
});

describeEachDialect('DefaultAuditLog', (dialect) => {
  let db: TestDatabase;
  let log: DefaultAuditLog;
  let news: AuditService;
  let core: AuditService;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    log = new DefaultAuditLog({ db });
    news = log.forPlugin('news');
    core = log.forPlugin('core');
  });

  afterAll(async () => {
    await db?.drop();
  });

  const only = async (filter: AuditFilter): Promise<AuditEntry> => {
    const page = await log.query({ ...filter, limit: 10 });
    expect(page.items).toHaveLength(1);
    return page.items[0]!;
  };

  it('records actor, tenant, action, object, summaries, IP, user agent, request id, owner and UTC time', async () => {
    const t = newTenant();
    const at = Date.UTC(2026, 10, 28, 9, 30, 0, 123);
    const clocked = new DefaultAuditLog({ db, now: () => at }).forPlugin('news');
    await clocked.record(
      { action: 'news.article.update', objectType: 'article', objectId: '42', tenantId: t, before: { title: 'Cũ' }, after: { title: 'Mới' } },
      { request: fakeRequest({ principal: user('u-1'), id: 'req-abc', ip: '2001:db8::1' }) },
    );
    const entry = await only({ tenantIds: [t] });
    expect(entry).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      at: new Date(at),
      actorId: 'u-1',
      actorKind: 'user',
      tenantId: t,
      owner: 'news',
      action: 'news.article.update',
      objectType: 'article',
      objectId: '42',
      before: { title: 'Cũ' },
      after: { title: 'Mới' },
      ip: '2001:db8::1',
      userAgent: 'Mozilla/5.0 (Test)',
      requestId: 'req-abc',
    });
    const raw = await db.kysely.selectFrom('core_audit_log').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
    expect(Number(raw.at)).toBe(at);
    expect(raw.before_json).toBe('{"title":"Cũ"}');
  });

  it('takes the actor from options.actorId, the principal (with its kind) or else the system', async () => {
    const t = newTenant();
    const base = { objectType: 'article', objectId: '1', tenantId: t };
    await news.record({ ...base, action: 'news.a.token' }, { request: fakeRequest({ principal: { id: 'tok-9', kind: 'token', permissions: new Set() } }) });
    await news.record({ ...base, action: 'news.a.override' }, { request: fakeRequest({ principal: user('u-1') }), actorId: 'u-2' });
    await news.record({ ...base, action: 'news.a.same' }, { request: fakeRequest({ principal: { id: 'tok-9', kind: 'token', permissions: new Set() } }), actorId: 'tok-9' });
    await news.record({ ...base, action: 'news.a.job' }, { actorId: 'u-3' });
    await news.record({ ...base, action: 'news.a.system' }, {});
    await news.record({ ...base, action: 'news.a.anonymous' }, { request: fakeRequest() });
    const actors = Object.fromEntries(
      (await log.query({ tenantIds: [t], limit: 10 })).items.map((e) => [e.action, [e.actorKind, e.actorId, e.ip, e.requestId]]),
    );
    expect(actors).toEqual({
      'news.a.token': ['token', 'tok-9', '203.0.113.7', 'req-1'],
      'news.a.override': ['user', 'u-2', '203.0.113.7', 'req-1'],
      'news.a.same': ['token', 'tok-9', '203.0.113.7', 'req-1'],
      'news.a.job': ['user', 'u-3', null, null],
      'news.a.system': ['system', 'system', null, null],
      'news.a.anonymous': ['system', 'system', '203.0.113.7', 'req-1'],
    });
  });

  it('cuts the user agent to 512 characters and neutralises control characters in it', async () => {
    const t = newTenant();
    const ua = `Evil\r\nX-Injected: 1\u0000 ${'a'.repeat(1000)}`;
    await news.record({ action: 'news.a.b', objectType: 'x', objectId: '1', tenantId: t }, { request: fakeRequest({ headers: { 'user-agent': ua } }) });
    const entry = await only({ tenantIds: [t] });
    expect(entry.userAgent).toHaveLength(512);
    expect(entry.userAgent).toMatch(/^Evil\uFFFD\uFFFDX-Injected: 1\uFFFD a+$/);
  });

  it('writes through the caller transaction: a rollback leaves no entry, a commit keeps it', async () => {
    const t = newTenant();
    const entry = { action: 'news.article.delete', objectType: 'article', objectId: '7', tenantId: t };
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await news.record(entry, { trx });
        // The entry is visible inside the transaction that wrote it…
        const inside = await trx.selectFrom('core_audit_log').select('id').where('tenant_id', '=', t).execute();
        expect(inside).toHaveLength(1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // …and gone with it.
    expect((await log.query({ tenantIds: [t], limit: 10 })).items).toEqual([]);

    await db.kysely.transaction().execute(async (trx) => {
      await news.record(entry, { trx });
    });
    expect((await log.query({ tenantIds: [t], limit: 10 })).items).toHaveLength(1);
  });

  it('redacts keys named like secrets at any depth, keeping look-alikes', async () => {
    const t = newTenant();
    const after = {
      name: 'Nguyễn Văn A',
      password: 'hunter2',
      profile: {
        passwordHash: '$argon2id$…',
        accessToken: 'abc',
        mfa: [{ totpSecret: 'JBSWY3DP', otp: '123456', otpCode: '654321', footprint: 'kept', backupCodes: ['x'] }],
        nested: { deeper: { client_secret: 's', API_KEY: 'k', refreshTokens: ['t1'] } },
      },
      headers: { Authorization: 'Bearer x', cookie: 'sid=1', 'Set-Cookie': 'a=b', 'user-agent': 'kept' },
      credentials: { user: 'x' },
    };
    await news.record({ action: 'news.user.update', objectType: 'user', objectId: 'u-1', tenantId: t, after }, {});
    const entry = await only({ tenantIds: [t] });
    expect(entry.after).toEqual({
      name: 'Nguyễn Văn A',
      password: '[REDACTED]',
      profile: {
        passwordHash: '[REDACTED]',
        accessToken: '[REDACTED]',
        mfa: [{ totpSecret: '[REDACTED]', otp: '[REDACTED]', otpCode: '[REDACTED]', footprint: 'kept', backupCodes: ['x'] }],
        nested: { deeper: { client_secret: '[REDACTED]', API_KEY: '[REDACTED]', refreshTokens: '[REDACTED]' } },
      },
      headers: { Authorization: '[REDACTED]', cookie: '[REDACTED]', 'Set-Cookie': '[REDACTED]', 'user-agent': 'kept' },
      credentials: '[REDACTED]',
    });
    const raw = await db.kysely.selectFrom('core_audit_log').select('after_json').where('id', '=', entry.id).executeTakeFirstOrThrow();
    for (const secret of ['hunter2', 'argon2id', 'JBSWY3DP', '123456', 'Bearer', 'sid=1']) expect(raw.after_json).not.toContain(secret);
  });

  it('caps each summary at 16 KiB with a truncation marker that is still JSON', async () => {
    const t = newTenant();
    const huge = { body: `"Đắk Lắk" ${'x'.repeat(100_000)}`, password: 'never-stored' };
    const many = Array.from({ length: 50_000 }, (_, i) => i);
    await news.record({ action: 'news.doc.import', objectType: 'doc', objectId: '1', tenantId: t, before: huge, after: many }, {});
    const entry = await only({ tenantIds: [t] });
    const raw = await db.kysely.selectFrom('core_audit_log').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
    for (const json of [raw.before_json as string, raw.after_json as string]) {
      expect(Buffer.byteLength(json)).toBeLessThanOrEqual(16 * 1024);
      expect(Buffer.byteLength(json)).toBeGreaterThan(15 * 1024);
    }
    expect(entry.before).toMatchObject({ $truncated: true, preview: expect.stringMatching(/^\{"body":"\\"Đắk Lắk\\" x+/) });
    expect(raw.before_json).not.toContain('never-stored');
    expect(entry.after).toMatchObject({ $truncated: true, preview: expect.stringMatching(/^\[0,1,2,3,/) });
  });

  it('stores NFC text, and copes with cycles, dates, bigints and undefined', async () => {
    const t = newTenant();
    const decomposed = 'Đắk Lắk'.normalize('NFD');
    const cyclic: Record<string, unknown> = { when: new Date(Date.UTC(2026, 0, 1)), big: 10n ** 20n, gone: undefined, list: [undefined, 1] };
    cyclic.self = cyclic;
    cyclic[decomposed] = decomposed;
    await news.record({ action: 'news.place.rename', objectType: 'place', objectId: decomposed, tenantId: t, after: cyclic }, {});
    const entry = await only({ tenantIds: [t], objectId: 'Đắk Lắk' });
    expect(entry.objectId).toBe('Đắk Lắk'.normalize('NFC'));
    expect(entry.after).toEqual({
      when: '2026-01-01T00:00:00.000Z',
      big: '100000000000000000000',
      list: [null, 1],
      self: '[Circular]',
      ['Đắk Lắk'.normalize('NFC')]: 'Đắk Lắk'.normalize('NFC'),
    });
    expect(entry.before).toBeNull();
  });

  it('filters by tenant (null for platform-wide entries), actor, action, action prefix, object and time range', async () => {
    const [a, b] = [newTenant(), newTenant()];
    let now = Date.UTC(2026, 5, 1);
    const clocked = new DefaultAuditLog({ db, now: () => now });
    const svc = { news: clocked.forPlugin('news'), core: clocked.forPlugin('core') };
    const at: Record<string, number> = {};
    const add = async (name: string, service: AuditService, action: string, tenantId: string | null, objectId: string, actorId: string) => {
      now += 60_000;
      at[name] = now;
      await service.record({ action, objectType: name === 'user' ? 'user' : 'article', objectId, tenantId }, { actorId });
    };
    await add('a1', svc.news, 'news.article.create', a, 'n-1', `alice-${a}`);
    await add('a2', svc.news, 'news.article.publish', a, 'n-1', `bob-${a}`);
    await add('b1', svc.news, 'news.article_draft.create', b, 'n-2', `alice-${a}`);
    await add('user', svc.core, 'core.user.create', null, `u-${a}`, `alice-${a}`);
    await add('b2', svc.news, 'news.articlexdraft.create', b, 'n-3', `bob-${a}`);

    const names = async (filter: AuditFilter): Promise<string[]> => {
      const { items } = await log.query({ tenantIds: [a, b, null], ...filter, limit: 200 });
      const byTime = Object.fromEntries(Object.entries(at).map(([k, v]) => [v, k]));
      return items.map((e) => byTime[e.at.getTime()]).filter((name) => name !== undefined);
    };
    // Newest first.
    expect(await names({})).toEqual(['b2', 'user', 'b1', 'a2', 'a1']);
    expect(await names({ tenantIds: [a] })).toEqual(['a2', 'a1']);
    expect(await names({ tenantIds: [b, a] })).toEqual(['b2', 'b1', 'a2', 'a1']);
    expect(await names({ tenantIds: [null] })).toEqual(['user']);
    expect(await names({ tenantIds: [a, null] })).toEqual(['user', 'a2', 'a1']);
    expect(await names({ tenantIds: [] })).toEqual([]);
    expect(await names({ actorId: `alice-${a}` })).toEqual(['user', 'b1', 'a1']);
    expect(await names({ action: 'news.article.publish' })).toEqual(['a2']);
    expect(await names({ actionPrefix: 'news.' })).toEqual(['b2', 'b1', 'a2', 'a1']);
    expect(await names({ actionPrefix: 'core.' })).toEqual(['user']);
    // `_` and `%` are literal in a prefix, not LIKE wildcards.
    expect(await names({ actionPrefix: 'news.article_' })).toEqual(['b1']);
    expect(await names({ actionPrefix: 'news.%' })).toEqual([]);
    expect(await names({ objectType: 'article', objectId: 'n-1' })).toEqual(['a2', 'a1']);
    expect(await names({ objectType: 'user' })).toEqual(['user']);
    // from is inclusive, to exclusive.
    expect(await names({ from: new Date(at.a2!), to: new Date(at.b2!) })).toEqual(['user', 'b1', 'a2']);
    expect(await names({ from: new Date(at.b2! + 1) })).toEqual([]);
    expect(await names({ actorId: `bob-${a}`, tenantIds: [b] })).toEqual(['b2']);
  });

  it('pages 250 entries newest first by keyset, without duplicates or gaps, even within one millisecond', async () => {
    const t = newTenant();
    let calls = 0;
    // Three entries per millisecond, and a second writer (another process) on the same clock; in the
    // past, so the entry recorded mid-way on the real clock is newer than all of them.
    const clock = () => Date.UTC(2020, 6, 1) + Math.floor(calls++ / 3);
    const first = new DefaultAuditLog({ db, now: clock }).forPlugin('news');
    const second = new DefaultAuditLog({ db, now: clock }).forPlugin('news');
    const recorded: string[] = [];
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < 250; i += 1) {
        await (i % 2 === 0 ? first : second).record({ action: 'news.item.create', objectType: 'item', objectId: String(i), tenantId: t }, { trx });
      }
    });
    const seen: AuditEntry[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await log.query({ tenantIds: [t], limit: 37, ...(cursor === undefined ? {} : { cursor }) });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
      // Entries recorded while paging are newer than every cursor, so they never shift the pages.
      if (pages === 2) await news.record({ action: 'news.item.create', objectType: 'item', objectId: 'late', tenantId: t }, {});
    } while (cursor !== undefined);
    expect(pages).toBe(7);
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(250);
    expect(seen.map((e) => e.objectId).sort()).toEqual(Array.from({ length: 250 }, (_, i) => String(i)).sort());
    expect(ids).toEqual([...ids].sort().reverse());
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]!.at.getTime()).toBeLessThanOrEqual(seen[i - 1]!.at.getTime());
    recorded.push(...ids);

    const full = await log.query({ tenantIds: [t], limit: 200 });
    expect(full.items[0]!.objectId).toBe('late');
    expect(full.items).toHaveLength(200);
    const rest = await log.query({ tenantIds: [t], limit: 200, cursor: full.nextCursor! });
    expect(rest.items).toHaveLength(51);
    expect(rest.nextCursor).toBeNull();
    expect([...full.items, ...rest.items].slice(1).map((e) => e.id)).toEqual(recorded);
  });

  it('keeps ids increasing when the clock steps back', async () => {
    const t = newTenant();
    const times = [Date.UTC(2026, 7, 1, 12), Date.UTC(2026, 7, 1, 11, 59, 59)];
    const svc = new DefaultAuditLog({ db, now: () => times.shift()! }).forPlugin('news');
    for (const objectId of ['before-step', 'after-step']) {
      await svc.record({ action: 'news.item.create', objectType: 'item', objectId, tenantId: t }, {});
    }
    const { items } = await log.query({ tenantIds: [t], limit: 10 });
    expect(items.map((e) => e.objectId)).toEqual(['after-step', 'before-step']);
    expect(items[0]!.at).toEqual(items[1]!.at);
  });

  it('exports CSV: BOM and header first, RFC 4180 escaping, formula injection neutralised, Vietnamese text', async () => {
    const t = newTenant();
    const rows = [
      ['1', 'Quyết định số 12/2026/QĐ-UBND, "khẩn"'],
      ['2', 'dòng một\r\ndòng hai\nba'],
      ['3', '=HYPERLINK("http://evil.example","bấm")'],
      ['4', '+1+cmd|\' /C calc\'!A0'],
      ['5', '-2+3'],
      ['6', '@SUM(A1:A9)'],
      ['7', '\t=1'],
      ['8', '\r=1'],
      ['9', '＝1+1'],
      ['10', 'Đắk Lắk'.normalize('NFD')],
    ] as const;
    for (const [objectId, title] of rows) {
      await news.record(
        { action: 'news.article.update', objectType: 'article', objectId, tenantId: t, after: { title } },
        { request: fakeRequest({ principal: user('=cmd'), headers: { 'user-agent': 'a,b "c"' } }) },
      );
    }
    const chunks = await collect(log.exportCsv({ tenantIds: [t] }));
    expect(chunks[0]!.startsWith('\uFEFFid,at,actor_kind,actor_id,tenant_id,owner,action,object_type,object_id,ip,user_agent,request_id,before,after\r\n')).toBe(true);
    const text = chunks.join('');
    expect(text.indexOf('\uFEFF')).toBe(0);
    expect(text.lastIndexOf('\uFEFF')).toBe(0);
    const [header, ...records] = parseCsv(text.slice(1));
    expect(header).toHaveLength(14);
    expect(records).toHaveLength(rows.length);
    const col = (name: string) => header!.indexOf(name);
    for (const record of records) {
      expect(record).toHaveLength(14);
      expect(record[col('actor_id')]).toBe("'=cmd");
      expect(record[col('user_agent')]).toBe('a,b "c"');
      expect(record[col('before')]).toBe('');
      expect(record[col('tenant_id')]).toBe(t);
      expect(record[col('at')]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // No cell starts with a formula character once parsed.
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    }
    const titles = Object.fromEntries(records.map((r) => [r[col('object_id')], (JSON.parse(r[col('after')]!) as { title: string }).title]));
    expect(titles['1']).toBe('Quyết định số 12/2026/QĐ-UBND, "khẩn"');
    expect(titles['2']).toBe('dòng một\r\ndòng hai\nba');
    expect(titles['3']).toBe('=HYPERLINK("http://evil.example","bấm")');
    expect(titles['10']).toBe('Đắk Lắk'.normalize('NFC'));
    const raw = parseCsv(text.slice(1)).slice(1).map((r) => r[col('object_id')]);
    expect(raw).toEqual(['10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
  });

  it('prefixes every formula-looking cell, not only the summaries', async () => {
    const t = newTenant();
    const formulas = ['=1+1', '+1', '-1', '@x', '\tx', '\rx', '＝1', '＋1', '－1', '＠x'];
    for (const objectId of formulas) {
      await news.record({ action: 'news.a.b', objectType: objectId, objectId, tenantId: t }, {});
    }
    const [header, ...records] = parseCsv((await collect(log.exportCsv({ tenantIds: [t] }))).join('').slice(1));
    const col = header!.indexOf('object_id');
    expect(records.map((r) => r[col]).sort()).toEqual(formulas.map((f) => `'${f}`).sort());
  });

  it('streams a large export in batches, each chunk whole lines, newest first', async () => {
    const t = newTenant();
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < 1001; i += 1) {
        await news.record({ action: 'news.item.create', objectType: 'item', objectId: String(i), tenantId: t }, { trx });
      }
    });
    const chunks = await collect(log.exportCsv({ tenantIds: [t] }));
    // Header, then batches of 500, 500 and 1.
    expect(chunks).toHaveLength(4);
    for (const chunk of chunks) expect(chunk.endsWith('\r\n')).toBe(true);
    const records = parseCsv(chunks.join('').slice(1)).slice(1);
    expect(records).toHaveLength(1001);
    expect(new Set(records.map((r) => r[0])).size).toBe(1001);
    expect(records[0]![8]).toBe('1000');
    expect(records[1000]![8]).toBe('0');
    // An export of nothing is the header alone.
    expect(await collect(log.exportCsv({ tenantIds: [] }))).toHaveLength(1);
  });

  it('enforces the owner prefix of actions', async () => {
    const t = newTenant();
    const entry = (action: string) => ({ action, objectType: 'x', objectId: '1', tenantId: t });
    for (const action of ['gazette.issue.publish', 'core.user.create', 'news', 'newsx.article.create', 'News.article.create', '']) {
      const error = await news.record(entry(action), {}).then(() => undefined, (e: unknown) => e);
      expect(CONG_ERR_AUDIT_ACTION_NOT_OWNED.is(error), action).toBe(true);
      expect((error as Error).message).toContain('Plugin news cannot record audit action');
    }
    await expect(news.record(entry('news.Article.Create'), {})).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    await expect(news.record(entry('news.'), {})).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    await expect(news.record(entry(`news.${'a'.repeat(200)}`), {})).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    await expect(core.record(entry('news.article.create'), {})).rejects.toMatchObject({ code: CONG_ERR_AUDIT_ACTION_NOT_OWNED.code });
    await core.record(entry('core.user.create'), {});
    await news.record(entry('news.article.create'), {});
    expect((await log.query({ tenantIds: [t], limit: 10 })).items.map((e) => [e.owner, e.action])).toEqual([
      ['news', 'news.article.create'],
      ['core', 'core.user.create'],
    ]);
    expect(() => log.forPlugin('Not An Id')).toThrow(expect.objectContaining({ code: CONG_ERR_VALIDATION.code }));
  });

  it('rejects bad records and queries with CONG_ERR_VALIDATION', async () => {
    const bad = { code: CONG_ERR_VALIDATION.code };
    const ok = { action: 'news.a.b', objectType: 'x', objectId: '1', tenantId: null };
    await expect(news.record({ ...ok, objectType: '' }, {})).rejects.toMatchObject(bad);
    await expect(news.record({ ...ok, objectId: 'x'.repeat(192) }, {})).rejects.toMatchObject(bad);
    await expect(news.record({ ...ok, tenantId: undefined as unknown as null }, {})).rejects.toMatchObject(bad);
    await expect(news.record({ ...ok, tenantId: '' }, {})).rejects.toMatchObject(bad);
    await expect(news.record(ok, { actorId: '' })).rejects.toMatchObject(bad);
    for (const limit of [0, 201, 1.5, Number.NaN]) await expect(log.query({ limit })).rejects.toMatchObject(bad);
    for (const cursor of ['', 'nope', '8ZZZZZZZZZZZZZZZZZZZZZZZZZ', "01J' OR 1=1 --"]) {
      await expect(log.query({ limit: 10, cursor })).rejects.toMatchObject(bad);
    }
    await expect(log.query({ limit: 10, from: new Date(Number.NaN) })).rejects.toMatchObject(bad);
    await expect(log.query({ limit: 10, tenantIds: [''] })).rejects.toMatchObject(bad);
    expect(() => log.exportCsv({ to: 'yesterday' as unknown as Date })).toThrow(expect.objectContaining(bad));
  });
});
