import { describe, expect, it } from 'vitest';
import { canManageAccount, canSeeAccount, type AccountScope } from './account-list.js';

// The visibility rule of the account list, as a table; AccountList's WHERE clause implements
// canSeeAccount in SQL (tested on both databases in core/test/admin-api.test.ts).
const unit: AccountScope = { all: false, tenantIds: new Set(['finance', 'office']), callerIsSuperAdmin: false };
const province: AccountScope = { all: true, tenantIds: new Set(), callerIsSuperAdmin: false };
const grant = (tenantId: string) => ({ id: `g-${tenantId}`, userId: 'u', tenantId, roleId: 'auditor', subtree: false });
const plain = { isSuperAdmin: false, createdInTenantId: null };

describe('who sees and manages an account', () => {
  it.each([
    ['grants only inside', plain, [grant('finance'), grant('office')], true, true],
    ['a grant outside', plain, [grant('finance'), grant('health')], false, false],
    ['created here, a grant outside', { isSuperAdmin: false, createdInTenantId: 'office' }, [grant('health')], true, false],
    ['created here, no grant', { isSuperAdmin: false, createdInTenantId: 'finance' }, [], true, true],
    ['created elsewhere, no grant', { isSuperAdmin: false, createdInTenantId: 'health' }, [], false, false],
    ['older account, no grant', plain, [], false, false],
    ['super-admin created here', { isSuperAdmin: true, createdInTenantId: 'finance' }, [], false, false],
  ] as const)('from a unit: %s', (_name, account, grants, sees, manages) => {
    expect(canSeeAccount(unit, account, grants)).toBe(sees);
    expect(canManageAccount(unit, account, grants)).toBe(manages);
  });

  it('the province sees every account and manages all but super-admins, which only super-admins manage', () => {
    const superAdmin = { isSuperAdmin: true, createdInTenantId: null };
    expect(canSeeAccount(province, superAdmin, [])).toBe(true);
    expect(canManageAccount(province, superAdmin, [])).toBe(false);
    expect(canManageAccount({ ...province, callerIsSuperAdmin: true }, superAdmin, [])).toBe(true);
    expect(canManageAccount(province, plain, [grant('health')])).toBe(true);
  });
});
