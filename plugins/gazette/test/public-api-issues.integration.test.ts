import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import type { Database } from '@cong/core/testing';
import { startGazettePlatform, PROVINCE, B, type Harness } from './gazette-support.js';
import { openDatabase, seedIssue, unitId, type SeedDb } from './public-support.js';

// GET /api/gazette/v1/issues: the published issues of the request's unit, newest first, for the
// <cong-gazette-latest> widget. Drafts, issues being rendered, failed ones and another unit's issues
// never show; bad paging is a 400 naming the parameter; the answer is readable from any origin.

describeEachDialect('the public API v1 issue list', (dialect) => {
  let h: Harness;
  let database: Database;
  let db: SeedDb;
  const call = (path: string, unit = PROVINCE) => h.t.client.get(`/api/gazette/v1${path}`, { headers: { 'x-cong-tenant': unit } });

  beforeAll(async () => {
    h = await startGazettePlatform(dialect);
    database = await openDatabase(h.t.databaseUrl);
    db = database.kysely as SeedDb;
    const office = await unitId(db, PROVINCE);
    await seedIssue(db, office, { year: 2025, number_from: 40, publication_date: '2025-12-20' });
    await seedIssue(db, office, { year: 2026, number_from: 12, publication_date: '2026-03-20', page_count: 36 });
    await seedIssue(db, office, { year: 2026, number_from: 13, number_to: 14, publication_date: '2026-03-27', page_count: 48 });
    await seedIssue(db, office, { year: 2026, number_from: 15, status: 'draft', sha256: null, published_at: null });
    await seedIssue(db, office, { year: 2026, number_from: 16, status: 'failed', sha256: null, published_at: null });
    await seedIssue(db, await unitId(db, B), { year: 2026, number_from: 30, publication_date: '2026-04-01' });
  });

  afterAll(async () => {
    await database?.destroy();
    await h?.stop();
  });

  it('lists the unit\'s published issues newest first, with links to the issue page and the signed PDF', async () => {
    const res = await call('/issues?per_page=2');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.body).toMatchObject({ count: 3, page: 1, per_page: 2 });
    expect(res.body.results.map((i: { number_from: number; number_to: number; year: number }) => `${i.number_from}-${i.number_to}/${i.year}`)).toEqual(['13-14/2026', '12-12/2026']);
    const [first] = res.body.results;
    expect(first).toMatchObject({ publication_date: '2026-03-27', page_count: 48 });
    expect(first.url).toMatch(/\/cong-bao\/so\/2026\/13$/);
    expect(first.pdf_url).toMatch(new RegExp(`/api/gazette/issues/${first.id}/pdf$`));
    expect(first.documents).toBeUndefined();

    const next = await call('/issues?per_page=2&page=2');
    expect(next.body.results.map((i: { year: number }) => i.year)).toEqual([2025]);
    const year = await call('/issues?year=2025');
    expect(year.body).toMatchObject({ count: 1, results: [{ number_from: 40 }] });
  });

  it('answers on the /t/<unit>/ path the widgets use, without any header', async () => {
    const res = await h.t.client.get(`/t/${PROVINCE}/api/gazette/v1/issues?per_page=1`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.body.results.map((i: { number_from: number }) => i.number_from)).toEqual([13]);
    expect(res.body.results[0].url).toContain(`/t/${PROVINCE}/cong-bao/so/2026/13`);
  });

  it('shows another unit only its own issues', async () => {
    const res = await call('/issues', B);
    expect(res.status).toBe(200);
    expect(res.body.results.map((i: { number_from: number }) => i.number_from)).toEqual([30]);
  });

  it('refuses bad paging with a 400 naming the parameter', async () => {
    const res = await call('/issues?per_page=500');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.text).toContain('per_page');
    const unknown = await call('/issues?limit=5');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('limit');
  });
});
