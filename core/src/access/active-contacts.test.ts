import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLoginLimiter } from '../auth/login-limiter.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { UserStore } from '../auth/user-store.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { activeContacts } from './active-contacts.js';

describeEachDialect('contacts of people for notifications (coreServices.access.contacts)', (dialect) => {
  let db: TestDatabase;
  let users: UserStore;
  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    users = new UserStore({ db, limiter: await createLoginLimiter({ db }), hasher: new PasswordHasher({ parameters: { memoryCost: 1024, timeCost: 1, parallelism: 1 } }) });
  });
  afterAll(async () => db?.drop());

  it('gives name and address of active accounts with an address, nothing else', async () => {
    const password = 'một mật khẩu đủ dài 2026';
    const an = await users.create({ username: 'nguyen.an', password, displayName: 'Nguyễn An', email: 'an@quangtri.gov.vn' });
    const binh = await users.create({ username: 'tran.binh', password, email: 'binh@quangtri.gov.vn' });
    const noMail = await users.create({ username: 'le.cuong', password });
    await users.disable(binh.id);
    const found = await activeContacts(db.kysely, [noMail.id, an.id, binh.id, an.id, 'no-such-user']);
    expect(found).toEqual([{ userId: an.id, displayName: 'Nguyễn An', email: 'an@quangtri.gov.vn' }]);
    expect(await activeContacts(db.kysely, [])).toEqual([]);
    await expect(activeContacts(db.kysely, Array.from({ length: 1001 }, (_, i) => `u${i}`))).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
  });
});
