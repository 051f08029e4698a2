import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { coreServices, type PluginContext, type SearchDocument } from '@cong/sdk';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { legalMigrations } from '../src/legal/migrations/index.js';
import { searchMigrations } from '../src/search/migrations/index.js';
import { catchUpLegal } from '../src/search/search-indexer.js';

// The legal catch-up job against real tables and a recording search service: what changed since the
// watermark (with a slack) is indexed, the rest is not read again, and the migrations round-trip.
describeEachDialect('portal search: legal catch-up', (dialect) => {
  let db: TestDatabase;
  const indexed: SearchDocument[] = [];
  let ctx: PluginContext;

  const insert = async (updatedAt: number, tenantId: string | null, summary: string) => {
    const id = randomUUID();
    await db.kysely
      .insertInto('portal_legal_documents' as never)
      .values({
        id, tenant_id: tenantId, unit_key: tenantId ?? '-', doc_type: 'quyet_dinh', type_name: 'Quyết định', number_symbol: `${id.slice(0, 4)}/QĐ-UBND`,
        number_key: id.slice(0, 8), issuer: 'UBND tỉnh', issuer_key: 'ubnd tinh', signer: null, issued_on: '2026-03-01', issue_year: 2026,
        effective_on: null, expires_on: null, field: null, field_key: null, summary, file_ids: '[]', search_text: summary, status_override: null,
        override_reason: null, override_at: null, override_by: null, created_at: updatedAt, updated_at: updatedAt,
      } as never)
      .execute();
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const migrations = { ...legalMigrations, ...searchMigrations };
    const migrator = new OwnerMigrator('portal', db.kysely, migrations);
    expect(await migrator.latest()).toEqual(Object.keys(migrations));
    // The search migration goes down and up again.
    expect(await migrator.rollback(Object.keys(legalMigrations).at(-1)!)).toEqual(Object.keys(searchMigrations));
    expect(await migrator.latest()).toEqual(Object.keys(searchMigrations));
    const search = {
      index: async (doc: SearchDocument) => void indexed.push(doc),
      remove: async () => {},
      search: async () => ({ total: 0, hits: [] }),
    };
    const database = { dialect, kysely: () => db.kysely, transaction: () => Promise.reject(new Error('unused')) };
    ctx = {
      pluginId: 'portal',
      version: '0.0.0',
      logger: undefined as never,
      get: ((ref: { id: string }) => (ref.id === coreServices.search.id ? search : ref.id === coreServices.database.id ? database : undefined)) as PluginContext['get'],
      getOptional: (() => undefined) as PluginContext['getOptional'],
    };
  });
  afterAll(async () => db?.drop());

  it('indexes everything first, then only what changed since the watermark minus the slack', async () => {
    const t0 = Date.UTC(2026, 2, 1);
    const old = await insert(t0, 'unit-a', 'Văn bản cũ');
    const none = await insert(t0 + 1000, null, 'Văn bản không thuộc đơn vị');
    expect(await catchUpLegal(ctx)).toEqual({ indexed: 2 });
    expect(indexed.map((d) => [d.id, d.tenantId, d.type, d.url])).toEqual([
      [old, 'unit-a', 'legal', `/van-ban/${old}`],
      [none, '-', 'legal', `/van-ban/${none}`],
    ]);
    expect(indexed[0]!.title).toMatch(/^Quyết định .+\/QĐ-UBND — Văn bản cũ$/);

    indexed.length = 0;
    // Within the slack of the watermark: read again (a slow transaction may commit an older time).
    const late = await insert(t0 + 500, 'unit-a', 'Văn bản ghi muộn');
    const fresh = await insert(t0 + 60 * 60_000, 'unit-b', 'Văn bản mới');
    expect(await catchUpLegal(ctx)).toEqual({ indexed: 4 });
    expect(indexed.map((d) => d.id).sort()).toEqual([old, none, late, fresh].sort());

    indexed.length = 0;
    // The watermark moved to the newest row: the old rows are now outside the slack.
    expect(await catchUpLegal(ctx)).toEqual({ indexed: 1 });
    expect(indexed.map((d) => d.id)).toEqual([fresh]);
  });

  it('pages through more rows than one batch', async () => {
    indexed.length = 0;
    const base = Date.UTC(2027, 0, 1);
    for (let i = 0; i < 205; i++) await insert(base + i, 'unit-c', `Văn bản số ${i}`);
    const { indexed: n } = await catchUpLegal(ctx);
    expect(n).toBe(205 + 1); // the new rows, and the row at the watermark itself (within the slack)
    expect(new Set(indexed.map((d) => d.id)).size).toBe(indexed.length);
  });
});
