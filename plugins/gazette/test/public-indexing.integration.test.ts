import { coreServices, definePlugin, type PluginContext } from '@cong/sdk';
import type { Database } from '@cong/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { catchUpGazetteSearch, indexGazetteDocument, rebuildGazetteSearch, removeGazetteDocumentFromSearch } from '../src/search/index.js';
import { PROVINCE, startGazettePlatform, type Harness } from './gazette-support.js';
import { openDatabase, seedDocument, seedIssue, unitId, type SeedDb } from './public-support.js';

// What the publication area calls: `indexGazetteDocument` in its transaction (a rollback leaves no
// entry), re-indexing in place, removal, and the catch-up that indexes published documents nobody
// indexed (never a draft issue's). Called with a real plugin context of the running platform.

describeEachDialect('gazette search indexing', (dialect) => {
  let h: Harness;
  let ctx: PluginContext;
  let database: Database;
  let db: SeedDb;
  let office: string;
  const probe = {
    manifest: { id: 'gazette-index-probe', pluginApi: '^1.0.0', requires: { gazette: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({ register: () => undefined, start: (c) => void (ctx = c) }),
  };
  const found = async (term: string) =>
    ((await h.t.client.get(`/api/gazette/v1/documents?conditions[term]=${encodeURIComponent(term)}&fields[]=id`, { headers: { 'x-cong-tenant': PROVINCE } })).body.results as { id: string }[]).map((r) => r.id);
  const entryOf = (id: string) => db.selectFrom('gazette_search_entries').select(['id', 'indexed_at']).where('document_id', '=', id).executeTakeFirst();

  beforeAll(async () => {
    h = await startGazettePlatform(dialect, [probe]);
    database = await openDatabase(h.t.databaseUrl);
    db = database.kysely as SeedDb;
    office = await unitId(db, PROVINCE);
  });
  afterAll(async () => {
    await database?.destroy();
    await h?.stop();
  });

  it('catches up published documents nobody indexed, never a draft issue\'s, and re-indexes changed ones in place', async () => {
    const issue = await seedIssue(db, office, { year: 2026, number_from: 30 });
    const draft = await seedIssue(db, office, { year: 2026, number_from: 31, status: 'draft' });
    const doc = await seedDocument(db, dialect, issue, { document_type: 'quyet-dinh', number_symbol: '50/2026/QĐ-UBND', summary: 'Quy định về quản lý cầu treo dân sinh', issuing_agency: 'Ủy ban nhân dân tỉnh Quảng Trị', signed_on: '2026-05-02', full_text: 'Cầu treo dân sinh.' }, { index: false });
    const unpublished = await seedDocument(db, dialect, draft, { document_type: 'quyet-dinh', number_symbol: '51/2026/QĐ-UBND', summary: 'Cầu treo chưa phát hành', issuing_agency: 'Ủy ban nhân dân tỉnh Quảng Trị', signed_on: '2026-05-03', full_text: 'Cầu treo.' }, { index: false });
    expect(await found('cau treo')).toEqual([]);

    // Effects rather than counts: the scheduled catch-up (every quarter hour on the clock) may run meanwhile.
    await catchUpGazetteSearch(ctx);
    expect(await entryOf(doc.id)).toBeDefined();
    expect(await entryOf(unpublished.id)).toBeUndefined();
    expect(await found('cau treo dan sinh')).toEqual([doc.id]);
    expect(await catchUpGazetteSearch(ctx)).toBe(0);

    const before = await entryOf(doc.id);
    await db.updateTable('gazette_documents').set({ summary: 'Quy định về quản lý bến đò ngang', updated_at: Date.now() + 1000 }).where('id', '=', doc.id).execute();
    await catchUpGazetteSearch(ctx);
    const after = await entryOf(doc.id);
    expect(after?.id).toBe(before?.id);
    expect(Number(after?.indexed_at)).toBeGreaterThan(Number(before?.indexed_at));
    expect(await found('ben do ngang')).toEqual([doc.id]);
  });

  it('indexes in the caller\'s transaction: a rollback leaves nothing; removal takes the document out', async () => {
    const issue = await seedIssue(db, office, { year: 2026, number_from: 32 });
    const doc = await seedDocument(db, dialect, issue, { document_type: 'chi-thi', number_symbol: '09/CT-UBND', summary: 'Về phòng chống sạt lở bờ sông', issuing_agency: 'Ủy ban nhân dân tỉnh Quảng Trị', signed_on: '2026-05-05', full_text: 'Sạt lở bờ sông.' }, { index: false });
    const service = ctx.get(coreServices.database);
    await expect(
      service.transaction(async (trx) => {
        await indexGazetteDocument(ctx, doc, { trx });
        throw new Error('publication failed');
      }),
    ).rejects.toThrow('publication failed');
    expect(await entryOf(doc.id)).toBeUndefined();

    await service.transaction((trx) => indexGazetteDocument(ctx, doc, { trx }));
    expect(await found('sat lo bo song')).toEqual([doc.id]);
    await removeGazetteDocumentFromSearch(ctx, doc.id);
    expect(await entryOf(doc.id)).toBeUndefined();
    // Another wording of the same search (the platform reuses an identical search's answer for half a minute).
    expect(await found('bo song sat lo')).toEqual([]);
  });

  it('rebuilds an office\'s index in publication order after older issues were indexed late', async () => {
    const older = await seedIssue(db, office, { year: 2020, number_from: 5, publication_date: '2020-02-01' });
    const late = await seedDocument(db, dialect, older, { document_type: 'nghi-quyet', number_symbol: '03/2020/NQ-HĐND', summary: 'Về đặt tên đường phố cũ', issuing_agency: 'Hội đồng nhân dân tỉnh Quảng Trị', signed_on: '2020-01-20', full_text: 'Đặt tên đường.', published_at: Date.UTC(2020, 1, 1) });
    const entries = async () => (await db.selectFrom('gazette_search_entries').select(['document_id', 'published_at']).where('office_id', '=', office).orderBy('id').execute()).map((e) => Number(e.published_at));
    const before = await entries();
    expect(before.at(-1)).toBe(Number(late.published_at));
    await rebuildGazetteSearch(ctx, office);
    const after = await entries();
    // Every published document of the office (the one removed above too: the catch-up indexes every published document).
    const published = await db.selectFrom('gazette_documents as d').innerJoin('gazette_issues as i', 'i.id', 'd.issue_id').select('d.id').where('d.office_id', '=', office).where('i.status', '=', 'published').execute();
    expect(after).toHaveLength(published.length);
    expect(after).toEqual([...after].sort((a, b) => a - b));
  });
});
