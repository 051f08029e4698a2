import { afterAll, beforeEach, beforeAll, expect, it } from 'vitest';
import { coreEvents, type EventRef } from '@cong/sdk';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { seedDemoProvince } from './demo-province.js';
import { TenantDirectory } from './tenant-directory.js';
import { TenantResolver } from './tenant-resolver.js';

describeEachDialect('tenant directory and resolution', (dialect) => {
  let db: TestDatabase;
  let directory: TenantDirectory;
  let events: { name: string; payload: unknown }[];

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    for (const table of ['core_tenant_former_paths', 'core_tenant_slugs', 'core_tenant_hosts', 'core_tenants']) await db.kysely.deleteFrom(table).execute();
    events = [];
    directory = new TenantDirectory({
      db,
      emit: async (event: EventRef<unknown>, payload: unknown) => void events.push({ name: event.name, payload }),
    });
  });

  const province = () =>
    directory.create({ slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', kind: 'province', primaryHost: 'quangtri.gov.vn', aliasHosts: ['www.quangtri.gov.vn'] });

  it('builds the tree, finds units by folded text, slug and host, and lists a subtree', async () => {
    const root = await province();
    const finance = await directory.create({ slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', kind: 'department', parentId: root.id, primaryHost: 'sotaichinh.quangtri.gov.vn' });
    expect((await directory.list({ text: 'quang tri' })).items.map((t) => t.slug)).toEqual(['quang-tri']);
    expect((await directory.list({ text: 'TAI CHINH' })).items.map((t) => t.slug)).toEqual(['so-tai-chinh']);
    expect((await directory.getByHost('SoTaiChinh.QuangTri.gov.vn:443'))?.tenant.id).toBe(finance.id);
    expect(await directory.subtreeIds(root.id)).toEqual(expect.arrayContaining([root.id, finance.id]));
    expect(events.map((e) => e.name)).toEqual(['core.tenant-created', 'core.tenant-created']);
    await expect(directory.create({ slug: 'so-tai-chinh', nameVi: 'x', kind: 'department' })).rejects.toMatchObject({ code: 'CONG_ERR_CONFLICT' });
    await expect(directory.create({ slug: 'Sở', nameVi: 'x', kind: 'department' })).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
    await expect(directory.addHost(finance.id, 'quangtri.gov.vn')).rejects.toMatchObject({ message: 'Host quangtri.gov.vn already belongs to another unit' });
  });

  it('renames: the old slug still finds the unit and redirects /t/<old> to /t/<new>', async () => {
    const root = await province();
    const unit = await directory.create({ slug: 'so-thong-tin', nameVi: 'Sở Thông tin và Truyền thông', kind: 'department', parentId: root.id });
    await directory.rename(unit.id, { slug: 'so-khoa-hoc-va-cong-nghe', nameVi: 'Sở Khoa học và Công nghệ' });
    expect(await directory.getBySlug('so-thong-tin')).toMatchObject({ renamed: true, tenant: { slug: 'so-khoa-hoc-va-cong-nghe' } });
    const resolver = new TenantResolver(directory);
    expect(await resolver.resolve({ host: 'quangtri.gov.vn', path: '/t/so-thong-tin/tin-tuc/1', search: '?p=2', protocol: 'https' })).toEqual({
      kind: 'redirect',
      location: '/t/so-khoa-hoc-va-cong-nghe/tin-tuc/1?p=2',
    });
    expect(events.at(-1)).toEqual({
      name: coreEvents.tenantRenamed.name,
      payload: { tenantId: unit.id, oldSlug: 'so-thong-tin', newSlug: 'so-khoa-hoc-va-cong-nghe', nameVi: 'Sở Khoa học và Công nghệ' },
    });
  });

  it('merges two communes: both archived the day before, hosts redirect 301 to the successor, the event names them', async () => {
    const root = await province();
    const a = await directory.create({ slug: 'xa-a', nameVi: 'Xã A', kind: 'commune', parentId: root.id, primaryHost: 'xaa.quangtri.gov.vn' });
    const b = await directory.create({ slug: 'xa-b', nameVi: 'Xã B', kind: 'commune', parentId: root.id, primaryHost: 'xab.quangtri.gov.vn' });
    const merged = await directory.merge([a.id, b.id], { slug: 'xa-ab', nameVi: 'Xã AB', kind: 'commune', parentId: root.id, primaryHost: 'xaab.quangtri.gov.vn' }, '2025-07-01');
    expect(await directory.get(a.id)).toMatchObject({ status: 'archived', validTo: '2025-06-30', successorId: merged.id });
    expect(merged).toMatchObject({ status: 'active', validFrom: '2025-07-01' });
    expect(events.at(-1)).toEqual({ name: 'core.tenant-merged', payload: { sourceIds: [a.id, b.id], successorId: merged.id, effectiveDate: '2025-07-01' } });
    const resolver = new TenantResolver(directory);
    expect(await resolver.resolve({ host: 'xab.quangtri.gov.vn', path: '/gioi-thieu', search: '', protocol: 'https' })).toEqual({
      kind: 'redirect',
      location: 'https://xaab.quangtri.gov.vn/gioi-thieu',
    });
    await expect(directory.merge([a.id], { id: merged.id }, '2025-07-01')).rejects.toMatchObject({ message: 'Unit xa-a is already archived' });
  });

  it('after a merge, pages recorded as moved redirect to their new path through every succession; a served archive answers itself', async () => {
    const root = await province();
    const a = await directory.create({ slug: 'xa-a', nameVi: 'Xã A', kind: 'commune', parentId: root.id, primaryHost: 'xaa.quangtri.gov.vn' });
    const b = await directory.create({ slug: 'xa-b', nameVi: 'Xã B', kind: 'commune', parentId: root.id, primaryHost: 'xab.quangtri.gov.vn' });
    const ab = await directory.merge([a.id, b.id], { slug: 'xa-ab', nameVi: 'Xã AB', kind: 'commune', parentId: root.id, primaryHost: 'xaab.quangtri.gov.vn' }, '2025-07-01');
    await directory.setFormerPaths(a.id, [{ path: '/tin/le-hoi', targetPath: '/tin/le-hoi-2' }]);
    await directory.setFormerPaths(a.id, [{ path: '/tin/le-hoi', targetPath: '/tin/le-hoi-3' }]); // replaces
    const resolver = new TenantResolver(directory, { cacheMs: 0 });
    const at = (host: string, path: string) => resolver.resolve({ host, path, search: '?x=1', protocol: 'https' });
    expect(await at('xaa.quangtri.gov.vn', '/tin/le-hoi')).toEqual({ kind: 'redirect', location: 'https://xaab.quangtri.gov.vn/tin/le-hoi-3?x=1' });
    expect(await at('xab.quangtri.gov.vn', '/tin/le-hoi')).toEqual({ kind: 'redirect', location: 'https://xaab.quangtri.gov.vn/tin/le-hoi?x=1' });
    expect(await at('quangtri.gov.vn', '/t/xa-a/tin/le-hoi')).toEqual({ kind: 'redirect', location: '/t/xa-ab/tin/le-hoi-3?x=1' });
    // A second reorganisation: AB merges into C; A's page follows both recorded moves.
    const c = await directory.create({ slug: 'xa-c', nameVi: 'Xã C', kind: 'commune', parentId: root.id, primaryHost: 'xac.quangtri.gov.vn' });
    await directory.merge([ab.id], { id: c.id }, '2026-01-01');
    await directory.setFormerPaths(ab.id, [{ path: '/tin/le-hoi-3', targetPath: '/tin/le-hoi-xa-a' }]);
    expect(await at('xaa.quangtri.gov.vn', '/tin/le-hoi')).toEqual({ kind: 'redirect', location: 'https://xac.quangtri.gov.vn/tin/le-hoi-xa-a?x=1' });
    // B's site kept readable: its host serves B again; the others still redirect.
    expect(await directory.setArchiveServed(b.id, true)).toEqual({ before: false });
    expect((await directory.get(b.id))?.archiveServed).toBe(true);
    expect(await at('xab.quangtri.gov.vn', '/tin/le-hoi')).toMatchObject({ kind: 'tenant', tenant: { id: b.id, status: 'archived' }, path: '/tin/le-hoi' });
    expect(await at('xaa.quangtri.gov.vn', '/')).toMatchObject({ kind: 'redirect' });
    await expect(directory.setFormerPaths(a.id, [{ path: 'tin', targetPath: '/x' }])).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
    await expect(directory.setArchiveServed('00000000-0000-0000-0000-000000000000', true)).rejects.toMatchObject({ code: 'CONG_ERR_NOT_FOUND' });
  });

  it('splits, moves without cycles, and archives only units without active children', async () => {
    const root = await province();
    const big = await directory.create({ slug: 'xa-lon', nameVi: 'Xã Lớn', kind: 'commune', parentId: root.id, primaryHost: 'xalon.quangtri.gov.vn' });
    const [east, west] = await directory.split(big.id, [{ slug: 'xa-dong', nameVi: 'Xã Đông', kind: 'commune' }, { slug: 'xa-tay', nameVi: 'Xã Tây', kind: 'commune' }], '2026-01-01');
    expect(east!.parentId).toBe(root.id);
    expect(await directory.get(big.id)).toMatchObject({ status: 'archived', successorId: east!.id, validTo: '2025-12-31' });
    await expect(directory.move(root.id, west!.id)).rejects.toMatchObject({ message: 'Unit quang-tri cannot move below itself' });
    await expect(directory.archive(root.id, '2026-01-01')).rejects.toMatchObject({ code: 'CONG_ERR_CONFLICT', message: expect.stringContaining('xa-dong') });
    await expect(directory.merge([east!.id], { id: east!.id }, '2026-02-30')).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
  });

  it('resolves alias hosts, *.localhost and the /t/<slug> prefix; an unknown host is unknown; no units at all is one site', async () => {
    const resolver = new TenantResolver(directory, { cacheMs: 0 });
    expect(await resolver.resolve({ host: 'anything.example', path: '/', search: '', protocol: 'http' })).toEqual({ kind: 'single-site' });
    const root = await province();
    expect(await resolver.resolve({ host: 'www.quangtri.gov.vn', path: '/a', search: '', protocol: 'https' })).toEqual({ kind: 'redirect', location: 'https://quangtri.gov.vn/a' });
    expect(await resolver.resolve({ host: 'quangtri.gov.vn', path: '/a', search: '', protocol: 'https' })).toMatchObject({ kind: 'tenant', tenant: { id: root.id }, path: '/a' });
    // <slug>.localhost is for local use without DNS: it serves the unit instead of sending you to its domain.
    expect(await resolver.resolve({ host: 'quang-tri.localhost:3000', path: '/a', search: '', protocol: 'http' })).toMatchObject({ kind: 'tenant', tenant: { id: root.id } });
    expect(await resolver.resolve({ host: '127.0.0.1:3000', path: '/t/quang-tri/tin-tuc', search: '', protocol: 'http' })).toMatchObject({
      kind: 'tenant',
      path: '/tin-tuc',
      prefix: '/t/quang-tri',
    });
    expect(await resolver.resolve({ host: 'evil.example', path: '/', search: '', protocol: 'http' })).toEqual({ kind: 'unknown' });
    expect(await resolver.resolve({ host: 'bad host\r\n', path: '/', search: '', protocol: 'http' })).toEqual({ kind: 'unknown' });
  });

  it('seeds the demo province once: departments, wards, communes, and two districts archived on 2025-07-01', async () => {
    const first = await seedDemoProvince(directory);
    expect(first.created).toBeGreaterThan(40);
    expect((await seedDemoProvince(directory)).created).toBe(0);
    const districts = await directory.list({ kind: 'district' });
    expect(districts.items.map((d) => [d.slug, d.status, d.validTo])).toEqual([
      ['huyen-gio-linh', 'archived', '2025-06-30'],
      ['huyen-vinh-linh', 'archived', '2025-06-30'],
    ]);
    expect((await directory.list({ kind: 'department', limit: 500 })).total).toBeGreaterThanOrEqual(12);
    const resolver = new TenantResolver(directory);
    expect(await resolver.resolve({ host: '127.0.0.1:3000', path: '/', search: '', protocol: 'http' })).toEqual({ kind: 'redirect', location: 'http://localhost:3000/' });
    expect(await resolver.resolve({ host: 'so-tai-chinh.localhost:3000', path: '/', search: '', protocol: 'http' })).toMatchObject({ kind: 'tenant', tenant: { slug: 'so-tai-chinh' } });
  });

  it('runs `within` in the change\'s transaction: a failure there undoes the change and emits nothing', async () => {
    const root = await province();
    const seen: string[] = [];
    const renamed = await directory.rename(root.id, { nameVi: 'Tỉnh Quảng Trị mới' }, { within: async (_trx, tenant) => void seen.push(tenant.nameVi) });
    expect(seen).toEqual(['Tỉnh Quảng Trị mới']);
    expect(renamed.nameVi).toBe('Tỉnh Quảng Trị mới');
    events = [];
    const failing = { within: async () => Promise.reject(new Error('audit log unavailable')) };
    await expect(directory.rename(root.id, { nameVi: 'Không được lưu', slug: 'khong-luu' }, failing)).rejects.toThrow('audit log unavailable');
    await expect(directory.setAllowedOrigins(root.id, ['https://baoquangtri.vn'], failing)).rejects.toThrow('audit log unavailable');
    const child = await directory.create({ slug: 'xa-a', nameVi: 'Xã A', kind: 'commune', parentId: root.id });
    await expect(directory.archive(child.id, '2026-01-01', null, failing)).rejects.toThrow('audit log unavailable');
    await expect(directory.create({ slug: 'xa-b', nameVi: 'Xã B', kind: 'commune', parentId: root.id }, failing)).rejects.toThrow('audit log unavailable');
    expect(await directory.get(root.id)).toMatchObject({ nameVi: 'Tỉnh Quảng Trị mới', slug: 'quang-tri', allowedOrigins: [] });
    expect((await directory.get(child.id))?.status).toBe('active');
    expect(await directory.getBySlug('xa-b')).toBeUndefined();
    expect(events.map((e) => e.name)).toEqual(['core.tenant-created']);
  });

  it('reports what archiving a unit would touch: active units below, hosts, former slugs', async () => {
    const root = await province();
    const finance = await directory.create({ slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', kind: 'department', parentId: root.id, primaryHost: 'stc.localhost', aliasHosts: ['taichinh.localhost'] });
    const office = await directory.create({ slug: 'phong-ke-toan', nameVi: 'Phòng Kế toán', kind: 'department', parentId: finance.id });
    const team = await directory.create({ slug: 'to-thu', nameVi: 'Tổ Thu', kind: 'department', parentId: office.id });
    await directory.archive(team.id, '2026-01-01');
    await directory.rename(finance.id, { slug: 'so-tai-chinh-moi' });
    expect(await directory.impact(finance.id)).toEqual({
      activeChildren: 1,
      activeDescendants: 1,
      subtreeIds: expect.arrayContaining([finance.id, office.id, team.id]),
      hosts: ['stc.localhost', 'taichinh.localhost'],
      formerSlugs: 1,
    });
    expect((await directory.impact(office.id))?.activeChildren).toBe(0);
    expect(await directory.impact('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});
