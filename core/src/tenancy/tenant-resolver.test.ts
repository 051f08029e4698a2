import { describe, expect, it } from 'vitest';
import type { Tenant } from './tenant.js';
import type { TenantDirectory } from './tenant-directory.js';
import { TenantResolver } from './tenant-resolver.js';

const unit: Tenant = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'so-tai-chinh',
  nameVi: 'Sở Tài chính',
  nameEn: null,
  kind: 'department',
  parentId: null,
  status: 'active',
  validFrom: '2025-07-01',
  validTo: null,
  successorId: null,
  archiveServed: false,
  primaryHost: null,
  aliasHosts: [],
  allowedOrigins: [],
};

/** A directory that counts its reads: what the resolver asks the database for. */
function countingDirectory() {
  const reads = { slug: 0, host: 0 };
  const directory = {
    version: 0,
    getBySlug: async (slug: string) => {
      reads.slug++;
      return slug === unit.slug ? { tenant: unit, renamed: false } : undefined;
    },
    getByHost: async (host: string) => {
      reads.host++;
      return host === 'stc.gov.vn' ? { tenant: unit, primary: true } : undefined;
    },
    get: async (id: string) => (id === unit.id ? unit : undefined),
  };
  return { directory, reads };
}

const request = (path: string, host = '127.0.0.1:3000') => ({ host, path, search: '', protocol: 'http' as const });

describe('TenantResolver', () => {
  it('reads a /t/<slug>/ unit once within the cache time, again after it, and again after a change in this process', async () => {
    let now = 1_000_000;
    const { directory, reads } = countingDirectory();
    const resolver = new TenantResolver(directory as unknown as TenantDirectory, { cacheMs: 5_000, now: () => now });
    for (let i = 0; i < 3; i++) expect(await resolver.resolve(request('/t/so-tai-chinh/api/portal/search'))).toMatchObject({ kind: 'tenant', tenant: { id: unit.id }, path: '/api/portal/search', prefix: '/t/so-tai-chinh' });
    expect(await resolver.byName('so-tai-chinh')).toMatchObject({ id: unit.id });
    expect(reads.slug).toBe(1);
    now += 5_000;
    await resolver.resolve(request('/t/so-tai-chinh/'));
    expect(reads.slug).toBe(2);
    directory.version++; // a unit created, renamed or moved through this process's directory
    await resolver.resolve(request('/t/so-tai-chinh/'));
    expect(reads.slug).toBe(3);
  });

  it('keeps an unknown slug unknown for the cache time too, and caches hosts the same way', async () => {
    const { directory, reads } = countingDirectory();
    const resolver = new TenantResolver(directory as unknown as TenantDirectory, { cacheMs: 5_000, now: () => 0 });
    expect(await resolver.byName('khong-co')).toBeUndefined();
    expect(await resolver.byName('khong-co')).toBeUndefined();
    expect(reads.slug).toBe(1);
    expect(await resolver.resolve(request('/', 'stc.gov.vn'))).toMatchObject({ kind: 'tenant', tenant: { id: unit.id } });
    expect(await resolver.resolve(request('/tin/a', 'STC.gov.vn:443'))).toMatchObject({ kind: 'tenant', path: '/tin/a' });
    expect(reads.host).toBe(1);
  });
});
