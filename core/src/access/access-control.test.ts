import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { TenantDirectory } from '../tenancy/tenant-directory.js';
import { AccessControl } from './access-control.js';
import { CORE_PERMISSIONS } from './core-permissions.js';

describeEachDialect('roles and grants', (dialect) => {
  let db: TestDatabase;
  let access: AccessControl;
  let ids: Record<string, string>;
  const known = [...CORE_PERMISSIONS.map((p) => p.id), 'portal.articles.publish', 'portal.articles.edit', 'gazette.publish'];

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    const directory = new TenantDirectory({ db });
    const province = await directory.create({ slug: 'tinh', nameVi: 'Tỉnh', kind: 'province' });
    const dept = await directory.create({ slug: 'so-a', nameVi: 'Sở A', kind: 'department', parentId: province.id });
    const other = await directory.create({ slug: 'so-b', nameVi: 'Sở B', kind: 'department', parentId: province.id });
    ids = { province: province.id, dept: dept.id, other: other.id };
    access = new AccessControl({ db, directory, knownPermissions: () => known });
    await access.ensureBuiltinRoles();
    await access.ensureBuiltinRoles();
  });
  afterAll(async () => db?.drop());

  it('ships the built-in roles once', async () => {
    expect((await access.roles()).map((r) => r.id)).toEqual(['auditor', 'super-admin', 'unit-admin']);
  });

  it('a grant on a unit gives its permissions there only; a subtree grant reaches the units below', async () => {
    await access.saveRole({ id: 'editor', labelVi: 'Biên tập viên', permissions: ['portal.*'] });
    await access.grant({ userId: 'u1', tenantId: ids.dept!, roleId: 'editor' });
    const inDept = await access.accessIn('u1', ids.dept!);
    expect(inDept.member).toBe(true);
    expect([...inDept.permissions].sort()).toEqual(['portal.articles.edit', 'portal.articles.publish']);
    expect(await access.accessIn('u1', ids.other!)).toEqual({ member: false, permissions: new Set() });
    expect((await access.accessIn('u1', ids.province!)).member).toBe(false);

    await access.grant({ userId: 'u2', tenantId: ids.province!, roleId: 'auditor', subtree: true });
    expect([...(await access.accessIn('u2', ids.other!)).permissions]).toEqual(['core.audit.read']);
  });

  it('super-admins hold every permission everywhere; unknown permissions and duplicate grants are refused', async () => {
    expect((await access.accessIn('root', ids.other!, { superAdmin: true })).permissions.size).toBe(known.length);
    await expect(access.saveRole({ id: 'bad', labelVi: 'x', permissions: ['portal.nothing'] })).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
    await expect(access.grant({ userId: 'u1', tenantId: ids.dept!, roleId: 'editor' })).rejects.toMatchObject({ code: 'CONG_ERR_CONFLICT' });
    await expect(access.grant({ userId: 'u1', tenantId: ids.dept!, roleId: 'ghost' })).rejects.toMatchObject({ code: 'CONG_ERR_NOT_FOUND' });
  });
});
