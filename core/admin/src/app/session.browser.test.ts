import { describe, expect, it } from 'vitest';
import { ApiError } from '@cong/sdk/admin';
import { fakeApi } from '../components/testing/fake-api.js';
import { fetchTenantsSomewhere, type MeUser, type TenantRecord } from './session.js';

const commune: TenantRecord = { id: 't-c', slug: 'xa-con-tien', nameVi: 'Xã Cồn Tiên', nameEn: null, kind: 'commune', parentId: 't-p', status: 'active' };
const me: MeUser = { id: 'u1', username: 'can.bo.xa', displayName: 'Cán bộ xã', isSuperAdmin: false, totpEnabled: false, unitIds: ['t-c'] };

/** The server: the units list answers only in a unit where the account holds a role. */
function api() {
  const calls: string[] = [];
  const client = (tenant?: string) =>
    fakeApi({
      'GET /api/core/tenants': () => {
        calls.push(tenant ?? '(province)');
        if (tenant !== 't-c') throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'Not found');
        return { items: [commune], total: 1 };
      },
    }, tenant);
  const root = client();
  return { calls, api: { ...root, withTenant: (t: string) => client(t) } };
}

describe('fetchTenantsSomewhere', () => {
  it('starts an account with roles only in a commune there, after the address, the remembered unit and the province refuse', async () => {
    const { api: client, calls } = api();
    const found = await fetchTenantsSomewhere(client, me, ['so-y-te', null]);
    expect(found).toEqual({ tenants: [commune], from: 't-c' });
    expect(calls).toEqual(['so-y-te', '(province)', 't-c']);
  });

  it('gives up with the last 404 when no unit answers', async () => {
    const { api: client } = api();
    await expect(fetchTenantsSomewhere(client, { ...me, unitIds: [] }, [])).rejects.toBeInstanceOf(ApiError);
  });
});
