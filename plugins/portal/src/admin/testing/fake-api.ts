// A fake ApiClient for the browser tests: answers like the portal's server, kept in memory, and
// records every call. Not part of the bundle (only tests import it).
import type { ApiClient, AdminUser } from '@cong/sdk/admin';
import type { Article, ArticleStatus, Category, RevisionSummary } from '../types.js';
import type { LegalDocument, LegalPage } from '../legal/legal-types.js';

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, unknown>>;
}

export type Handler = (call: Call) => unknown;

export function article(overrides: Partial<Article> = {}): Article {
  const now = new Date('2026-11-20T08:00:00Z').toISOString();
  return {
    id: '0b7c4d1e-1a2b-4c3d-8e9f-000000000001',
    categoryId: null,
    slug: 'le-hoi-mua-xuan',
    title: 'Lễ hội mùa xuân',
    summary: 'Tóm tắt',
    body: '<p>Nội dung cũ</p>',
    status: 'draft' as ArticleStatus,
    authorId: 'u1',
    submittedBy: null,
    approverId: null,
    remarks: null,
    publishAt: null,
    unpublishAt: null,
    publishedAt: null,
    revision: 3,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** `GET /api/portal/languages` of an install: Vietnamese, English and the `more` configured languages. */
export function siteLanguages(...more: { code: string; name: string; nameVi: string }[]) {
  return [
    { code: 'vi', name: 'Tiếng Việt', nameVi: 'Tiếng Việt', path: '/' },
    { code: 'en', name: 'English', nameVi: 'Tiếng Anh', path: '/en/' },
    ...more.map((l) => ({ ...l, path: `/${l.code.toLowerCase()}/` })),
  ];
}

/** Lao, as a border province configures it. */
export const LAO = { code: 'lo', name: 'ພາສາລາວ', nameVi: 'Tiếng Lào' };

export const categories: Category[] = [{ id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c1', slug: 'tin-tuc', name: { vi: 'Tin tức', en: 'News' }, parentId: null, order: 0 }];

export const revisions: RevisionSummary[] = [
  { revision: 3, action: 'update', authorId: 'u1', createdAt: '2026-11-20T08:00:00Z', status: 'draft' },
  { revision: 2, action: 'update', authorId: 'u1', createdAt: '2026-11-19T08:00:00Z', status: 'draft' },
  { revision: 1, action: 'create', authorId: 'u1', createdAt: '2026-11-18T08:00:00Z', status: 'draft' },
];

export const writer: AdminUser = { id: 'u1', username: 'bien.tap', displayName: null, permissions: ['portal.content.write'] };
export const approver: AdminUser = { id: 'u2', username: 'truong.ban', displayName: null, permissions: ['portal.content.write', 'portal.content.approve'] };

/**
 * The portal's API for one article. `handlers` overrides an answer by `METHOD path` (a function may
 * throw an ApiError).
 */
export function fakeApi(current: Article = article(), handlers: Record<string, Handler> = {}): ApiClient & { calls: Call[] } {
  const calls: Call[] = [];
  let stored = current;
  const base = `/api/portal/articles/${stored.id}`;
  const answer = async (call: Call): Promise<unknown> => {
    calls.push(call);
    const own = handlers[`${call.method} ${call.path}`];
    if (own) return own(call);
    if (call.path === '/api/portal/categories') return { items: categories };
    if (call.path === '/api/portal/languages') return { items: siteLanguages() };
    if (call.method === 'GET' && call.path === '/api/portal/articles') return { items: [stored], total: 1, limit: 20, offset: 0 };
    if (call.method === 'GET' && call.path === base) return stored;
    if (call.method === 'GET' && call.path === `${base}/revisions`) return { items: revisions };
    if (call.method === 'PATCH' && call.path === base) return (stored = { ...stored, ...(call.body as object), revision: stored.revision + 1 });
    if (call.method === 'POST' && call.path === '/api/portal/articles') return (stored = { ...stored, ...(call.body as object), revision: 1 });
    const transition = /\/transitions\/(\w+)$/.exec(call.path);
    if (transition) {
      const next: Record<string, ArticleStatus> = { submit: 'in_review', approve: 'published', reject: 'draft', archive: 'archived', reopen: 'draft' };
      return (stored = { ...stored, status: next[transition[1]!] ?? stored.status, revision: stored.revision + 1 });
    }
    if (call.path === `${base}/restore`) return (stored = { ...stored, revision: stored.revision + 1 });
    throw new Error(`unexpected ${call.method} ${call.path}`);
  };
  const api = {
    calls,
    get: (path: string, options?: { query?: Record<string, unknown> }) => answer({ method: 'GET', path, ...(options?.query ? { query: options.query } : {}) }),
    post: (path: string, body?: unknown) => answer({ method: 'POST', path, body }),
    put: (path: string, body?: unknown) => answer({ method: 'PUT', path, body }),
    patch: (path: string, body?: unknown) => answer({ method: 'PATCH', path, body }),
    delete: (path: string) => answer({ method: 'DELETE', path }),
    withTenant: () => api,
  };
  return api as never;
}

/** Lets pending promises and Lit updates run. */
export async function settle(...elements: { updateComplete: Promise<unknown> }[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const e of elements) await e.updateComplete;
  }
}

// ─── Categories, legal documents: a client answered route by route ─────────────────────────────

/**
 * A client whose answers come only from `routes` (by `METHOD path`, the path without query); any
 * other call fails the test. Every call is recorded, the query included.
 */
export function routedApi(routes: Record<string, Handler>): ApiClient & { calls: Call[] } {
  const calls: Call[] = [];
  const answer = async (call: Call): Promise<unknown> => {
    calls.push(call);
    const own = routes[`${call.method} ${call.path}`];
    if (!own) throw new Error(`unexpected ${call.method} ${call.path}`);
    return own(call);
  };
  const api = {
    calls,
    get: (path: string, options?: { query?: Record<string, unknown> }) => answer({ method: 'GET', path, ...(options?.query ? { query: options.query } : {}) }),
    post: (path: string, body?: unknown) => answer({ method: 'POST', path, body }),
    put: (path: string, body?: unknown) => answer({ method: 'PUT', path, body }),
    patch: (path: string, body?: unknown) => answer({ method: 'PATCH', path, body }),
    delete: (path: string) => answer({ method: 'DELETE', path }),
    withTenant: () => api,
  };
  return api as never;
}

/** A unit's category tree: Tin tức (Trong tỉnh, Trong nước) and Thông báo. */
export function categoryTree(): Category[] {
  return [
    { id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c1', slug: 'tin-tuc', name: { vi: 'Tin tức', en: 'News' }, parentId: null, order: 0 },
    { id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c2', slug: 'thong-bao', name: { vi: 'Thông báo', en: null }, parentId: null, order: 10 },
    { id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c3', slug: 'trong-tinh', name: { vi: 'Trong tỉnh', en: 'In the province' }, parentId: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c1', order: 0 },
    { id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c4', slug: 'trong-nuoc', name: { vi: 'Trong nước', en: null }, parentId: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c1', order: 10 },
  ];
}

export const legalWriter: AdminUser = { id: 'u3', username: 'van.thu', displayName: null, permissions: ['portal.legal.write'] };
export const reader: AdminUser = { id: 'u4', username: 'xem', displayName: null, permissions: [] };

export function legalDocument(overrides: Partial<LegalDocument> = {}): LegalDocument {
  return {
    id: '0b7c4d1e-1a2b-4c3d-8e9f-00000000d001',
    type: 'quyet_dinh',
    typeName: 'Quyết định',
    numberSymbol: '41/2019/QĐ-UBND',
    issuer: 'UBND tỉnh Quảng Trị',
    signer: 'Nguyễn Văn A',
    issuedOn: '2019-10-01',
    effectiveOn: '2019-10-15',
    expiresOn: null,
    field: 'Đất đai',
    summary: 'Ban hành quy định về bảng giá đất',
    fileIds: [],
    status: 'in_force',
    computedStatus: 'in_force',
    statusAsOf: '2026-11-29',
    statusOverride: null,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    relations: [],
    ...overrides,
  };
}

/** A page of the legal list with its facets, as `GET /legal-documents` answers. */
export function legalPage(items: LegalDocument[] = [legalDocument()], total = items.length): LegalPage {
  return {
    items: items.map(({ relations: _r, ...d }) => d),
    total,
    limit: 20,
    offset: 0,
    statusAsOf: '2026-11-29',
    facets: {
      type: [{ value: 'quyet_dinh', label: 'Quyết định', count: 12 }, { value: 'nghi_quyet', label: 'Nghị quyết', count: 3 }],
      issuer: [{ value: 'UBND tỉnh Quảng Trị', label: 'UBND tỉnh Quảng Trị', count: 14 }, { value: 'HĐND tỉnh Quảng Trị', label: 'HĐND tỉnh Quảng Trị', count: 1 }],
      field: [{ value: 'Đất đai', label: 'Đất đai', count: 5 }],
      year: [{ value: '2019', label: '2019', count: 9 }, { value: '2020', label: '2020', count: 6 }],
      status: [{ value: 'in_force', label: 'Còn hiệu lực', count: 13 }, { value: 'replaced', label: 'Bị thay thế', count: 2 }],
    },
  };
}
