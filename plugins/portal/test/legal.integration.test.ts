import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const BASE = '/api/portal/legal-documents';
const ISSUER = 'UBND tỉnh Quảng Trị';

interface Doc {
  id: string;
  status: string;
  computedStatus: string;
  numberSymbol: string;
  relations?: { relationId: string; kind: string; direction: string; document: { id: string; numberSymbol: string } }[];
}

describeEachDialect('portal legal documents', (dialect) => {
  let t: TestPlatform;
  let writer: TestClient;
  let reader: TestClient;
  let otherUnit: TestClient;
  const docs: Record<string, Doc> = {};

  /** A client acting in a unit with the given permissions. */
  const inUnit = (id: string, permissions: string[], tenant = A): TestClient => inTenant(t.client.as({ id, permissions }), tenant);
  const create = async (client: TestClient, body: Record<string, unknown>): Promise<Doc> => {
    const res = await client.post(BASE, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(`${BASE}/${res.body.id}`);
    return res.body as Doc;
  };
  const read = async (id: string, asOf: string, client = reader): Promise<Doc> => {
    const res = await client.get(`${BASE}/${id}`, { query: { asOf } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Doc;
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    writer = inUnit('van-thu', ['portal.legal.write']);
    reader = inUnit('ban-doc', []);
    otherUnit = inUnit('van-thu-y-te', ['portal.legal.write'], B);

    docs.old = await create(writer, {
      type: 'quyet_dinh', numberSymbol: '41/2019/QĐ-UBND', issuer: ISSUER, signer: 'Nguyễn Văn Hùng',
      issuedOn: '2019-10-01', effectiveOn: '2019-10-15', field: 'Đất đai', summary: 'Ban hành Quy định về bảng giá đất giai đoạn 2020–2024',
    });
    docs.newer = await create(writer, {
      type: 'quyet_dinh', numberSymbol: '12/2026/QĐ-UBND', issuer: ISSUER,
      issuedOn: '2026-03-01', effectiveOn: '2026-03-16', field: 'Đất đai', summary: 'Ban hành bảng giá đất từ năm 2026',
    });
    docs.directive = await create(writer, {
      type: 'chi_thi', numberSymbol: '05/CT-UBND', issuer: ISSUER,
      issuedOn: '2025-01-02', expiresOn: '2026-03-14', field: 'Giáo dục', summary: 'Về tăng cường công tác phòng chống đuối nước cho học sinh',
    });
    docs.letter = await create(writer, {
      type: 'cong_van', numberSymbol: '123/STC-QLG', issuer: 'Sở Tài chính', issuedOn: '2026-02-01', field: 'đất   đai', summary: 'Hướng dẫn áp dụng bảng giá đất',
    });
    docs.guide = await create(writer, {
      type: 'other', typeName: 'Hướng dẫn', numberSymbol: '01/HD-STC', issuer: 'Sở Tài chính', issuedOn: '2026-02-10', summary: 'Hướng dẫn thu tiền sử dụng đất',
    });
  });
  afterAll(async () => t?.stop());

  it('stores what it was given, NFC, with the type name and statuses', async () => {
    const got = await read(docs.old!.id, '2026-03-15');
    expect(got).toMatchObject({
      type: 'quyet_dinh', typeName: 'Quyết định', numberSymbol: '41/2019/QĐ-UBND', issuer: ISSUER, signer: 'Nguyễn Văn Hùng',
      issuedOn: '2019-10-01', effectiveOn: '2019-10-15', expiresOn: null, field: 'Đất đai', fileIds: [],
      status: 'in_force', computedStatus: 'in_force', statusAsOf: '2026-03-15', statusOverride: null, relations: [],
    });
    expect(await read(docs.guide!.id, '2026-03-15')).toMatchObject({ type: 'other', typeName: 'Hướng dẫn' });
  });

  it('computes the status from the dates for the day asked: not yet in force, in force, expired', async () => {
    expect((await read(docs.newer!.id, '2026-03-15')).status).toBe('not_yet_in_force');
    expect((await read(docs.newer!.id, '2026-03-16')).status).toBe('in_force');
    expect((await read(docs.directive!.id, '2026-03-13')).status).toBe('in_force');
    expect((await read(docs.directive!.id, '2026-03-14')).status).toBe('expired');
    const bad = await reader.get(`${BASE}/${docs.old!.id}`, { query: { asOf: '2026-02-30' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/asOf' })]);
  });

  it('shows relations both ways, and a replaced document as replaced once the newer one is in force', async () => {
    const added = await writer.post(`${BASE}/${docs.newer!.id}/relations`, { kind: 'replaces', targetId: docs.old!.id });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.relations).toEqual([expect.objectContaining({ kind: 'replaces', direction: 'outgoing', document: expect.objectContaining({ id: docs.old!.id, numberSymbol: '41/2019/QĐ-UBND' }) })]);
    expect((await writer.post(`${BASE}/${docs.letter!.id}/relations`, { kind: 'guides', targetId: docs.old!.id })).status).toBe(201);

    const old = await read(docs.old!.id, '2026-03-16');
    expect(old.status).toBe('replaced');
    expect(old.relations!.map((r) => [r.kind, r.direction, r.document.numberSymbol])).toEqual([
      ['replaced_by', 'incoming', '12/2026/QĐ-UBND'],
      ['guided_by', 'incoming', '123/STC-QLG'],
    ]);
    // The day before the newer one takes effect, the old one still applies.
    expect((await read(docs.old!.id, '2026-03-15')).status).toBe('in_force');

    const again = await writer.post(`${BASE}/${docs.newer!.id}/relations`, { kind: 'replaces', targetId: docs.old!.id });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PORTAL_ERR_LEGAL_RELATION_EXISTS', errors: [expect.objectContaining({ pointer: '/targetId' })] });
    const self = await writer.post(`${BASE}/${docs.old!.id}/relations`, { kind: 'amends', targetId: docs.old!.id });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ pointer: '/targetId' })]);
    const badKind = await writer.post(`${BASE}/${docs.old!.id}/relations`, { kind: 'replaced_by', targetId: docs.newer!.id });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/kind' })]);

    // Removing the guide relation from either end.
    const guide = old.relations!.find((r) => r.kind === 'guided_by')!;
    const removed = await writer.delete(`${BASE}/${docs.old!.id}/relations/${guide.relationId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.relations.map((r: { kind: string }) => r.kind)).toEqual(['replaced_by']);
    expect((await read(docs.letter!.id, '2026-03-16')).relations).toEqual([]);
  });

  it('takes a manual status only with a reason, and shows the computed one beside it', async () => {
    const noReason = await writer.put(`${BASE}/${docs.directive!.id}/status-override`, { status: 'in_force' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ pointer: '/reason', keyword: 'required' })]);
    const blank = await writer.put(`${BASE}/${docs.directive!.id}/status-override`, { status: 'in_force', reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ pointer: '/reason' })]);

    const set = await writer.put(`${BASE}/${docs.directive!.id}/status-override`, { status: 'in_force', reason: 'Gia hạn theo Công văn 99/UBND-VX' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.statusOverride).toMatchObject({ status: 'in_force', reason: 'Gia hạn theo Công văn 99/UBND-VX', setBy: 'van-thu' });
    const overridden = await read(docs.directive!.id, '2026-03-15');
    expect(overridden).toMatchObject({ status: 'in_force', computedStatus: 'expired' });

    const cleared = await writer.delete(`${BASE}/${docs.directive!.id}/status-override`);
    expect(cleared.status).toBe(200);
    expect(cleared.body.statusOverride).toBeNull();
    expect((await read(docs.directive!.id, '2026-03-15')).status).toBe('expired');
  });

  it('finds documents by folded text, with facet counts, filters, sorting and paging', async () => {
    const list = (query: Record<string, string | number>) => reader.get(BASE, { query: { asOf: '2026-03-16', ...query } });

    const qd = await list({ q: 'quyet dinh ubnd' });
    expect(qd.status).toBe(200);
    expect(qd.body.items.map((d: Doc) => d.numberSymbol)).toEqual(['12/2026/QĐ-UBND', '41/2019/QĐ-UBND']);
    // đ folds to d both ways: the query with đ and the one without find the same.
    expect((await list({ q: 'Đất đai' })).body.total).toBe((await list({ q: 'dat dai' })).body.total);
    expect((await list({ q: 'qđ-ubnd' })).body.total).toBe(2);
    expect((await list({ q: '100%_' })).body.total).toBe(0);

    const all = await list({});
    expect(all.body).toMatchObject({ total: 5, limit: 20, offset: 0, statusAsOf: '2026-03-16' });
    expect(all.body.items.map((d: Doc) => d.numberSymbol)).toEqual(['12/2026/QĐ-UBND', '01/HD-STC', '123/STC-QLG', '05/CT-UBND', '41/2019/QĐ-UBND']);
    expect(all.body.facets.type).toEqual([
      { value: 'quyet_dinh', label: 'Quyết định', count: 2 },
      { value: 'chi_thi', label: 'Chỉ thị', count: 1 },
      { value: 'cong_van', label: 'Công văn', count: 1 },
      { value: 'other', label: 'Khác', count: 1 },
    ]);
    expect(all.body.facets.issuer).toEqual([
      { value: 'ubnd tinh quang tri', label: ISSUER, count: 3 },
      { value: 'so tai chinh', label: 'Sở Tài chính', count: 2 },
    ]);
    // "Đất đai" and "đất   đai" are one field.
    expect(all.body.facets.field).toEqual([
      { value: 'dat dai', label: 'Đất đai', count: 3 },
      { value: 'giao duc', label: 'Giáo dục', count: 1 },
    ]);
    expect(all.body.facets.year).toEqual([
      { value: '2026', label: '2026', count: 3 },
      { value: '2025', label: '2025', count: 1 },
      { value: '2019', label: '2019', count: 1 },
    ]);
    expect(all.body.facets.status).toEqual([
      { value: 'in_force', label: 'Còn hiệu lực', count: 3 },
      { value: 'expired', label: 'Hết hiệu lực toàn bộ', count: 1 },
      { value: 'replaced', label: 'Bị thay thế', count: 1 },
    ]);

    // A filter narrows the items and the other facets; its own facet still counts every value.
    const quyetDinh = await list({ type: 'quyet_dinh' });
    expect(quyetDinh.body.total).toBe(2);
    expect(quyetDinh.body.facets.type.find((f: { value: string }) => f.value === 'chi_thi').count).toBe(1);
    expect(quyetDinh.body.facets.year).toEqual([
      { value: '2026', label: '2026', count: 1 },
      { value: '2019', label: '2019', count: 1 },
    ]);
    expect((await list({ issuer: 'so tai chinh' })).body.total).toBe(2);
    expect((await list({ field: 'DAT DAI', year: 2026 })).body.items.map((d: Doc) => d.numberSymbol)).toEqual(['12/2026/QĐ-UBND', '123/STC-QLG']);
    expect((await list({ status: 'replaced' })).body.items.map((d: Doc) => d.numberSymbol)).toEqual(['41/2019/QĐ-UBND']);
    expect((await list({ status: 'not_yet_in_force', asOf: '2026-03-15' })).body.items.map((d: Doc) => d.numberSymbol)).toEqual(['12/2026/QĐ-UBND']);

    const sorted = await list({ sort: 'numberSymbol', limit: 2, offset: 1 });
    expect(sorted.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(sorted.body.items.map((d: Doc) => d.numberSymbol)).toEqual(['05/CT-UBND', '12/2026/QĐ-UBND']);
    const badSort = await list({ sort: 'password' });
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/sort' })]);
    const unknown = await list({ 'issuer.password': 'x' });
    expect(unknown.status).toBe(400);
  });

  it('refuses a number the issuer already used in the unit, with a 409 naming the field', async () => {
    const dup = await writer.post(BASE, { type: 'quyet_dinh', numberSymbol: ' 41/2019/qđ-ubnd ', issuer: 'ubnd  tỉnh quảng trị', issuedOn: '2019-10-01', summary: 'Trùng số' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'PORTAL_ERR_LEGAL_DUPLICATE_NUMBER', errors: [expect.objectContaining({ in: 'body', pointer: '/numberSymbol', keyword: 'unique' })] });
    expect(dup.body.detail).toContain('41/2019/qđ-ubnd');
    // Another issuer, or another unit, may use the same number.
    await create(writer, { type: 'quyet_dinh', numberSymbol: '41/2019/QĐ-UBND', issuer: 'UBND huyện Gio Linh', issuedOn: '2019-05-05', summary: 'Cùng số, khác cơ quan' });
    docs.elsewhere = await create(otherUnit, { type: 'quyet_dinh', numberSymbol: '41/2019/QĐ-UBND', issuer: ISSUER, issuedOn: '2019-10-01', summary: 'Bản của đơn vị khác' });
    // Changing a number onto a taken one is refused too; changing a document to its own number is not.
    const clash = await writer.patch(`${BASE}/${docs.newer!.id}`, { numberSymbol: '41/2019/QĐ-UBND' });
    expect(clash.status).toBe(409);
    expect(clash.body.errors).toEqual([expect.objectContaining({ pointer: '/numberSymbol' })]);
    const same = await writer.patch(`${BASE}/${docs.newer!.id}`, { numberSymbol: '12/2026/QĐ-UBND', signer: 'Võ Văn Hưng' });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({ numberSymbol: '12/2026/QĐ-UBND', signer: 'Võ Văn Hưng', relations: [expect.objectContaining({ kind: 'replaces' })] });
  });

  it('names the failing fields of a bad document', async () => {
    const bad = await writer.post(BASE, { type: 'nghi_dinh', numberSymbol: '', issuedOn: '2024-02-30', summary: 'x', tenant_id: 'so-y-te' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', pointer: '/numberSymbol' }),
        expect.objectContaining({ in: 'body', pointer: '/issuedOn', keyword: 'format' }),
        expect.objectContaining({ in: 'body', pointer: '/tenant_id' }),
        expect.objectContaining({ in: 'body', keyword: 'required' }),
      ]),
    );
    const other = await writer.post(BASE, { type: 'other', numberSymbol: '1/X', issuer: 'X', issuedOn: '2026-01-01', summary: 'x' });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ pointer: '/typeName', keyword: 'required' })]);
    const backwards = await writer.post(BASE, { type: 'luat', numberSymbol: '2/Y', issuer: 'Quốc hội', issuedOn: '2026-01-01', effectiveOn: '2026-07-01', expiresOn: '2026-06-30', summary: 'x' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ pointer: '/expiresOn' })]);
    const noFile = await writer.post(BASE, { type: 'luat', numberSymbol: '3/Z', issuer: 'Quốc hội', issuedOn: '2026-01-01', summary: 'x', fileIds: ['khong-co'] });
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors).toEqual([expect.objectContaining({ pointer: '/fileIds/0' })]);
    const emptyPatch = await writer.patch(`${BASE}/${docs.old!.id}`, {});
    expect(emptyPatch.status).toBe(400);
  });

  it('keeps each unit to its own documents: another unit gets 404', async () => {
    const id = docs.old!.id;
    expect((await otherUnit.get(`${BASE}/${id}`)).status).toBe(404);
    expect((await otherUnit.patch(`${BASE}/${id}`, { summary: 'Sửa trộm' })).status).toBe(404);
    expect((await otherUnit.put(`${BASE}/${id}/status-override`, { status: 'expired', reason: 'x' })).status).toBe(404);
    expect((await otherUnit.post(`${BASE}/${id}/relations`, { kind: 'amends', targetId: docs.elsewhere!.id })).status).toBe(404);
    // Relating to another unit's document: the target is unknown here.
    const cross = await writer.post(`${BASE}/${docs.newer!.id}/relations`, { kind: 'amends', targetId: docs.elsewhere!.id });
    expect(cross.status).toBe(404);
    expect(cross.body.errors).toEqual([expect.objectContaining({ pointer: '/targetId' })]);
    const theirs = await otherUnit.get(BASE);
    expect(theirs.body.total).toBe(1);
    expect(theirs.body.facets.issuer).toEqual([{ value: 'ubnd tinh quang tri', label: ISSUER, count: 1 }]);
    expect((await read(id, '2026-03-15')) as unknown).toMatchObject({ summary: 'Ban hành Quy định về bảng giá đất giai đoạn 2020–2024', statusOverride: null });
  });

  it('records every write in the audit log, as the unit\'s', async () => {
    const auditor = inUnit('kiem-tra', ['core.audit.read']);
    const res = await auditor.get('/api/core/audit', { query: { actionPrefix: 'portal.legal.', objectId: docs.directive!.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['portal.legal.create', 'portal.legal.override.clear', 'portal.legal.override.set']);
    expect(res.body.items[0]).toMatchObject({ objectType: 'legal-document' });
  });

  it('asks for sign-in, then for portal.legal.write, before any write', async () => {
    const body = { type: 'luat', numberSymbol: '9/Q', issuer: 'Quốc hội', issuedOn: '2026-01-01', summary: 'x' };
    const anonymous = await t.client.post(BASE, body, { headers: { 'x-cong-tenant': A } });
    expect(anonymous.status).toBe(401);
    const denied = await reader.post(BASE, body);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'CONG_ERR_FORBIDDEN', detail: 'Permission portal.legal.write is required' });
    expect((await reader.delete(`${BASE}/${docs.old!.id}/status-override`)).status).toBe(403);
  });
});
