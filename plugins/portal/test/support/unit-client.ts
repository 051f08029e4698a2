import type { TestClient } from '@cong/sdk/testing';

/** `client` with `X-Cong-Tenant: tenant` on every request: a caller working in that unit. */
export function inTenant(client: TestClient, tenant: string): TestClient {
  const headers = { 'x-cong-tenant': tenant };
  return {
    ...client,
    request: (m, p, o = {}) => client.request(m, p, { ...o, headers: { ...headers, ...o.headers } }),
    get: (p, o = {}) => client.get(p, { ...o, headers: { ...headers, ...o.headers } }),
    post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    delete: (p, o = {}) => client.delete(p, { ...o, headers: { ...headers, ...o.headers } }),
  };
}
