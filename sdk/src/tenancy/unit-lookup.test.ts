import { expect, it } from 'vitest';
import type { TenantInfo } from '../plugin/plugin-context.js';
import type { TenancyService } from '../services/tenancy-service.js';
import { UnitLookup } from './unit-lookup.js';

const unit = (id: string, parentId: string | null): TenantInfo => ({ id, slug: `s-${id}`, nameVi: `Đơn vị ${id}`, nameEn: null, kind: 'department', parentId, status: 'active', primaryHost: null }) as TenantInfo;

it('reads each unit once, names a missing one by its id, and finds the root (stopping at a cycle)', async () => {
  const units = new Map([unit('tinh', null), unit('so', 'tinh'), unit('phong', 'so'), unit('a', 'b'), unit('b', 'a')].map((u) => [u.id, u]));
  let reads = 0;
  const tenancy = { get: async (id: string) => (reads++, units.get(id)) } as unknown as TenancyService;
  const lookup = new UnitLookup(tenancy);
  expect((await lookup.root('phong'))?.id).toBe('tinh');
  expect((await lookup.root('tinh'))?.id).toBe('tinh');
  expect(reads).toBe(3);
  expect(await lookup.ref('so')).toEqual({ id: 'so', slug: 's-so', name: 'Đơn vị so' });
  expect(await lookup.ref('da-xoa')).toEqual({ id: 'da-xoa', slug: 'da-xoa', name: 'da-xoa' });
  expect(reads).toBe(4);
  expect((await lookup.root('a'))?.id).toMatch(/^[ab]$/); // a corrupt cycle ends, it does not loop
});
