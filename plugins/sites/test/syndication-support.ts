// Shared by the syndication and broadcast tests: a platform with the portal and the sites plugin on the
// demo province, three levels below the Department of Finance, and helpers to write, publish, edit and
// withdraw articles and to read public pages.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';

export const PORTAL = fileURLToPath(new URL('../../portal', import.meta.url));
export const SITES = fileURLToPath(new URL('..', import.meta.url));
export const PROVINCE = 'quang-tri';
export const A = 'so-tai-chinh';
export const B = 'so-y-te';
/** Below A, and below that: A's subtree. */
export const A_OFFICE = 'phong-ngan-sach';
export const A_TEAM = 'to-du-toan';
const WRITE = 'portal.content.write';
const APPROVE = 'portal.content.approve';

/** A public response, redirects not followed. */
export interface PublicPage {
  readonly status: number;
  readonly body: string;
}

export interface Harness {
  readonly t: TestPlatform;
  /** Unit ids by slug. */
  readonly ids: Readonly<Record<string, string>>;
  /** A caller working in `unit` with `permissions`. */
  as(user: string, permissions: readonly string[], unit: string): TestClient;
  /** A public GET of `path` on the unit's site (through `/t/<slug>`). */
  page(unit: string, path: string): Promise<PublicPage>;
  /** Writes and publishes an article in the unit (a writer submits, another person approves). */
  publish(unit: string, input: { title: string; slug: string; summary?: string; body?: string; translations?: Record<string, Record<string, string>> }): Promise<{ id: string; slug: string }>;
  /** A new published revision: reopen, edit, submit, approve. */
  republish(unit: string, id: string, changes: { title?: string; summary?: string }): Promise<void>;
  /** Reopens a published article for editing (it leaves the site until published again). */
  reopen(unit: string, id: string): Promise<void>;
  /** Withdraws a published article for good (archived). */
  archive(unit: string, id: string): Promise<void>;
}

/** Boots the platform on `dialect` with the demo province and A's subtree. */
export async function startSyndicationPlatform(dialect: 'sqlite' | 'mysql', options: { readonly mail?: Record<string, unknown> } = {}): Promise<Harness> {
  const t = await createTestPlatform({ plugins: [PORTAL, SITES], database: dialect, config: { demo: true, ...(options.mail ? { mail: options.mail } : {}) } });
  const ids: Record<string, string> = {};
  const admin = t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
  for (const u of (await admin.get('/api/core/tenants', { query: { limit: 500 } })).body.items as { id: string; slug: string }[]) ids[u.slug] = u.id;
  for (const [slug, nameVi, parent] of [
    [A_OFFICE, 'Phòng Ngân sách', A],
    [A_TEAM, 'Tổ Dự toán', A_OFFICE],
  ] as const) {
    const created = await admin.post('/api/core/tenants', { slug, nameVi, kind: 'department', parentId: ids[parent] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids[slug] = created.body.id;
  }
  const as = (user: string, permissions: readonly string[], unit: string): TestClient => {
    const client = t.client.as({ id: user, permissions: [...permissions] });
    const headers = { 'x-cong-tenant': unit };
    return {
      ...client,
      request: (m, p, o = {}) => client.request(m, p, { ...o, headers: { ...headers, ...o.headers } }),
      get: (p, o = {}) => client.get(p, { ...o, headers: { ...headers, ...o.headers } }),
      post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...headers, ...o.headers } }),
      patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...headers, ...o.headers } }),
      put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...headers, ...o.headers } }),
      delete: (p, o = {}) => client.delete(p, { ...o, headers: { ...headers, ...o.headers } }),
    };
  };
  const writer = (unit: string) => as(`phong-vien-${unit}`, [WRITE], unit);
  const chief = (unit: string) => as(`truong-ban-${unit}`, [WRITE, APPROVE], unit);
  const step = async (unit: string, id: string, action: string, client = chief(unit)) => {
    const res = await client.post(`/api/portal/articles/${id}/transitions/${action}`, {});
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body as { status: string; revision: number };
  };
  const submitAndApprove = async (unit: string, id: string) => {
    await step(unit, id, 'submit', writer(unit));
    expect((await step(unit, id, 'approve')).status).toBe('published');
  };
  return {
    t,
    ids,
    as,
    async page(unit, path) {
      const res = await fetch(new URL(`/t/${unit}${path}`, t.url), { redirect: 'manual' });
      return { status: res.status, body: await res.text() };
    },
    async publish(unit, input) {
      const res = await writer(unit).post('/api/portal/articles', { summary: 'Tóm tắt', body: '<p>Nội dung</p>', ...input });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await submitAndApprove(unit, res.body.id);
      return { id: res.body.id as string, slug: res.body.slug as string };
    },
    async republish(unit, id, changes) {
      await step(unit, id, 'reopen');
      const current = await writer(unit).get(`/api/portal/articles/${id}`);
      const edited = await writer(unit).patch(`/api/portal/articles/${id}`, { ...changes, revision: current.body.revision });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      await submitAndApprove(unit, id);
    },
    async reopen(unit, id) {
      await step(unit, id, 'reopen');
    },
    async archive(unit, id) {
      expect((await step(unit, id, 'archive')).status).toBe('archived');
    },
  };
}

/** Every `<link rel="canonical" href="…">` of a page. */
export function canonicalOf(body: string): string | undefined {
  return /<link rel="canonical" href="([^"]+)">/.exec(body)?.[1];
}
