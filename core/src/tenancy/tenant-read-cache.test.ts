import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { TenantDirectory } from './tenant-directory.js';
import { TenantReadCache } from './tenant-read-cache.js';

// Units read by id for plugins: kept per process, dropped at once by a change made here, and re-read
// after five seconds when another process (another directory over the same database) changed them.
describeEachDialect('tenant read cache', (dialect) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  it('answers from memory, drops on a change here, and sees another process’s change after five seconds', async () => {
    const here = new TenantDirectory({ db });
    const elsewhere = new TenantDirectory({ db });
    let now = 1_000_000;
    const cache = new TenantReadCache(here, () => now);
    const unit = await here.create({ slug: 'xa-gio-linh', nameVi: 'Xã Gio Linh', kind: 'commune', primaryHost: 'giolinh.quangtri.gov.vn' });

    expect((await cache.get(unit.id))?.primaryHost).toBe('giolinh.quangtri.gov.vn');
    await here.rename(unit.id, { nameVi: 'Xã Gio Linh mới' });
    expect((await cache.get(unit.id))?.nameVi).toBe('Xã Gio Linh mới');

    await elsewhere.rename(unit.id, { nameVi: 'Xã Gio Linh (đổi ở nơi khác)' });
    now += 4_000;
    expect((await cache.get(unit.id))?.nameVi).toBe('Xã Gio Linh mới');
    now += 1_001;
    expect((await cache.get(unit.id))?.nameVi).toBe('Xã Gio Linh (đổi ở nơi khác)');

    expect(await cache.get('no-such-unit')).toBeUndefined();
  });
});
