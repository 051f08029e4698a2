import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { importTenants } from './import-tenants.js';
import { parseTenantFile } from './parse-tenant-file.js';
import { TenantDirectory } from './tenant-directory.js';

const CSV = [
  '\uFEFFslug,name_vi,name_en,kind,parent,valid_from,primary_host,alias_hosts',
  'so-van-hoa,"Sở Văn hóa, Thể thao và Du lịch",Department of Culture,department,quang-tri,,sovanhoa.quangtri.gov.vn,',
  'quang-tri,Tỉnh Quảng Trị,Quang Tri Province,province,,2025-07-01,quangtri.gov.vn,www.quangtri.gov.vn;quangtri.vn',
  '"xa-minh-hoa-01","Xã ""Minh họa"" 01",,commune,quang-tri,,,',
  '',
].join('\r\n');

describeEachDialect('cong tenants import', (dialect) => {
  let db: TestDatabase;
  let directory: TenantDirectory;
  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    directory = new TenantDirectory({ db });
  });
  afterAll(async () => db?.drop());

  it('parses RFC 4180 CSV: quoted commas, doubled quotes, CRLF, BOM, ";"-separated hosts', () => {
    const rows = parseTenantFile('units.csv', CSV);
    expect(rows.map((r) => [r.line, r.slug, r.nameVi, r.parent])).toEqual([
      [2, 'so-van-hoa', 'Sở Văn hóa, Thể thao và Du lịch', 'quang-tri'],
      [3, 'quang-tri', 'Tỉnh Quảng Trị', null],
      [4, 'xa-minh-hoa-01', 'Xã "Minh họa" 01', 'quang-tri'],
    ]);
    expect(rows[1]!.aliasHosts).toEqual(['www.quangtri.gov.vn', 'quangtri.vn']);
  });

  it('dry run writes nothing; import creates parents first; a second run changes nothing; a change is an update', async () => {
    const rows = parseTenantFile('units.csv', CSV);
    const dry = await importTenants(directory, rows, { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.actions.map((a) => a.action)).toEqual(['create', 'create', 'create']);
    expect((await directory.list()).total).toBe(0);

    const run = await importTenants(directory, rows, { dryRun: false });
    expect(run.applied).toBe(true);
    const culture = (await directory.getBySlug('so-van-hoa'))!.tenant;
    const province = (await directory.getBySlug('quang-tri'))!.tenant;
    expect(culture.parentId).toBe(province.id);
    expect(province.aliasHosts).toEqual(['quangtri.vn', 'www.quangtri.gov.vn']);

    expect((await importTenants(directory, rows, { dryRun: false })).actions.map((a) => a.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const renamed = parseTenantFile('units.json', JSON.stringify([{ slug: 'xa-minh-hoa-01', nameVi: 'Xã Minh họa Một', kind: 'commune', parent: 'quang-tri' }]));
    const update = await importTenants(directory, renamed, { dryRun: false });
    expect(update.actions[0]).toMatchObject({ action: 'update', details: ['name_vi: Xã "Minh họa" 01 → Xã Minh họa Một'] });
    expect((await directory.getBySlug('xa-minh-hoa-01'))!.tenant.nameVi).toBe('Xã Minh họa Một');
  });

  it('refuses the whole file when any row is wrong, saying which line and why', async () => {
    const before = (await directory.list()).total;
    const rows = parseTenantFile(
      'bad.csv',
      'slug,name_vi,kind,parent\nso-moi,Sở Mới,department,quang-tri\nSở Sai,Sở Sai,agency,khong-co\n',
    );
    const result = await importTenants(directory, rows, { dryRun: false });
    expect(result.applied).toBe(false);
    expect(result.actions[1]).toMatchObject({ line: 3, action: 'error' });
    expect(result.actions[1]!.details.join(' ')).toMatch(/slug "Sở Sai".*kind "agency".*parent "khong-co"/);
    expect((await directory.list()).total).toBe(before);
    expect(() => parseTenantFile('x.csv', 'slug,name_vi,kind,colour\n')).toThrow('Unknown CSV columns: colour');
  });
});
