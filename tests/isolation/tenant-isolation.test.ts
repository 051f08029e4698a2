import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../core/src/testing/describe-each-dialect.js';

// SECURITY.md §6.5: canaries planted in unit B never reach actors of unit A, and every access of A's
// actors to B's objects is 404 (401 for anonymous), never 403 and never data. The matrix is data:
// plugins add their resources to RESOURCES as they come.

/** `expected`: the status for an actor of A when not the default (404 for writes, 200 for filtered GETs). */
type Request = { method: string; path: string; body?: unknown; expected?: number };
type Actor = { name: string; headers: (tenant?: string) => Record<string, string>; anonymous?: boolean };

interface Resource {
  readonly name: string;
  /** Listing, exporting and filtering routes, read from A: must answer 200 without B's canary. */
  readonly reads: readonly string[];
  /** Routes on B's object by its id, sent as an actor of A: must answer 404 and change nothing. */
  readonly onObject: (planted: Planted) => readonly Request[];
}

interface Planted {
  canary: string;
  tokenId: string;
  grantId: string;
  userId: string;
  /** The portal's objects in B: a draft article, an alert not yet shown, a legal document, a category. */
  articleId: string;
  alertId: string;
  legalId: string;
  categoryId: string;
  /** A draft page, a banner, a leader and a tracked deadline of B. */
  pageId: string;
  bannerId: string;
  leaderId: string;
  deadlineId: string;
  /** B's published article, its proposal to the province and its broadcast to the unit below B. */
  publishedArticleId: string;
  proposalId: string;
  broadcastId: string;
  /** B's component site (a draft; its notes are the canary). */
  siteId: string;
}

const RESOURCES: readonly Resource[] = [
  { name: 'api token', reads: ['/api/core/tokens'], onObject: (p) => [{ method: 'DELETE', path: `/api/core/tokens/${p.tokenId}` }] },
  { name: 'grant', reads: ['/api/core/grants'], onObject: (p) => [{ method: 'DELETE', path: `/api/core/grants/${p.grantId}` }] },
  { name: 'module switch', reads: ['/api/core/modules'], onObject: () => [] },
  {
    name: 'audit entry',
    reads: ['/api/core/audit?limit=200', '/api/core/audit.csv', '/api/core/audit?actionPrefix=core.token', '/api/core/audit?subtree=true'],
    onObject: (p) => [{ method: 'GET', path: `/api/core/audit?objectId=${p.tokenId}` }],
  },
  {
    name: 'user account',
    reads: ['/api/core/users?limit=200', '/api/core/users?text=canary', '/api/core/users?sort=displayName&order=desc'],
    onObject: (p) => [
      { method: 'POST', path: `/api/core/users/${p.userId}/disable` },
      { method: 'POST', path: `/api/core/users/${p.userId}/totp/reset` },
      { method: 'GET', path: `/api/core/grants?userId=${p.userId}` },
    ],
  },
  {
    name: 'portal article (draft)',
    reads: ['/api/portal/articles?limit=100', '/api/portal/articles?status=draft', '/api/portal/articles?text=canary'],
    onObject: (p) => [
      { method: 'GET', path: `/api/portal/articles/${p.articleId}`, expected: 404 },
      { method: 'GET', path: '/api/portal/articles/resolve?slug=canary-b', expected: 404 },
      { method: 'GET', path: `/api/portal/articles/${p.articleId}/revisions`, expected: 404 },
      { method: 'GET', path: `/api/portal/articles/${p.articleId}/diff?from=1&to=1`, expected: 404 },
      { method: 'PATCH', path: `/api/portal/articles/${p.articleId}`, body: { title: 'changed from A' } },
      { method: 'POST', path: `/api/portal/articles/${p.articleId}/transitions/submit`, body: {} },
      { method: 'POST', path: `/api/portal/articles/${p.articleId}/restore`, body: { revision: 1 } },
    ],
  },
  {
    name: 'portal category',
    reads: ['/api/portal/categories'],
    onObject: (p) => [
      { method: 'GET', path: `/api/portal/categories/${p.categoryId}`, expected: 404 },
      { method: 'PATCH', path: `/api/portal/categories/${p.categoryId}`, body: { name: { vi: 'Đổi từ A' } } },
      { method: 'DELETE', path: `/api/portal/categories/${p.categoryId}` },
    ],
  },
  {
    name: 'portal alert (scheduled)',
    reads: ['/api/portal/alerts'],
    onObject: (p) => [
      { method: 'PATCH', path: `/api/portal/alerts/${p.alertId}`, body: { message: { vi: 'Đổi từ A' } } },
      { method: 'POST', path: `/api/portal/alerts/${p.alertId}/end` },
    ],
  },
  {
    name: 'portal page (draft)',
    reads: ['/api/portal/pages', '/api/portal/pages?status=draft'],
    onObject: (p) => [
      { method: 'GET', path: `/api/portal/pages/${p.pageId}`, expected: 404 },
      { method: 'GET', path: '/api/portal/pages/resolve?slug=canary-b-page', expected: 404 },
      { method: 'GET', path: `/api/portal/pages/${p.pageId}/revisions`, expected: 404 },
      { method: 'PATCH', path: `/api/portal/pages/${p.pageId}`, body: { title: 'Đổi từ A' } },
      { method: 'POST', path: `/api/portal/pages/${p.pageId}/transitions/submit` },
      { method: 'POST', path: `/api/portal/pages/${p.pageId}/restore`, body: { revision: 1 } },
    ],
  },
  {
    name: 'portal banner and menus',
    reads: ['/api/portal/banners', '/api/portal/menus/main', '/api/portal/menus/footer'],
    onObject: (p) => [
      { method: 'PATCH', path: `/api/portal/banners/${p.bannerId}`, body: { active: false } },
      { method: 'DELETE', path: `/api/portal/banners/${p.bannerId}` },
    ],
  },
  {
    name: 'portal leader',
    reads: ['/api/portal/organisation/leaders', '/api/portal/organisation/english-status'],
    onObject: (p) => [
      { method: 'GET', path: `/api/portal/organisation/leaders/${p.leaderId}`, expected: 404 },
      { method: 'PATCH', path: `/api/portal/organisation/leaders/${p.leaderId}`, body: { fullName: 'Đổi từ A' } },
      { method: 'DELETE', path: `/api/portal/organisation/leaders/${p.leaderId}` },
    ],
  },
  {
    name: 'portal publication deadline',
    reads: ['/api/portal/deadlines', '/api/portal/deadlines?overdue=true', '/api/portal/compliance'],
    onObject: (p) => [
      { method: 'GET', path: `/api/portal/deadlines/${p.deadlineId}`, expected: 404 },
      { method: 'POST', path: `/api/portal/deadlines/${p.deadlineId}/met` },
      { method: 'DELETE', path: `/api/portal/deadlines/${p.deadlineId}` },
    ],
  },
  {
    name: 'portal legal document (writes)',
    reads: [],
    onObject: (p) => [
      { method: 'PATCH', path: `/api/portal/legal-documents/${p.legalId}`, body: { summary: 'Đổi từ A' } },
      { method: 'PUT', path: `/api/portal/legal-documents/${p.legalId}/status-override`, body: { status: 'expired', reason: 'từ A' } },
      { method: 'DELETE', path: `/api/portal/legal-documents/${p.legalId}/status-override` },
    ],
  },
  {
    name: 'sites syndication proposal',
    reads: ['/api/sites/published-articles', '/api/sites/syndication/proposals', '/api/sites/syndication/proposals?status=proposed', '/api/sites/syndication/queue', '/api/sites/syndication/categories'],
    onObject: (p) => [
      { method: 'GET', path: `/api/sites/syndication/proposals/${p.proposalId}`, expected: 404 },
      { method: 'POST', path: `/api/sites/syndication/proposals/${p.proposalId}/withdraw`, body: {} },
      { method: 'GET', path: `/api/sites/syndication/queue/${p.proposalId}`, expected: 404 },
      { method: 'POST', path: `/api/sites/syndication/queue/${p.proposalId}/accept`, body: {} },
      { method: 'POST', path: `/api/sites/syndication/queue/${p.proposalId}/reject`, body: { reason: 'từ A' } },
      { method: 'POST', path: `/api/sites/syndication/queue/${p.proposalId}/revoke`, body: { reason: 'từ A' } },
      // B's article is no article of A's: the same 400 as an id that does not exist.
      { method: 'POST', path: '/api/sites/syndication/proposals', body: { articleId: p.publishedArticleId }, expected: 400 },
    ],
  },
  {
    name: 'sites broadcast',
    reads: ['/api/sites/broadcasts', '/api/sites/broadcasts?status=active', '/api/sites/broadcasts/units'],
    onObject: (p) => [
      { method: 'GET', path: `/api/sites/broadcasts/${p.broadcastId}`, expected: 404 },
      { method: 'POST', path: `/api/sites/broadcasts/${p.broadcastId}/end`, body: {} },
      { method: 'POST', path: '/api/sites/broadcasts', body: { articleId: p.publishedArticleId, scope: 'all' }, expected: 400 },
    ],
  },
  {
    name: 'component site (registry, hosts, provisioning)',
    reads: ['/api/sites/sites', '/api/sites/sites?text=canary', '/api/sites/sites?status=draft&sort=updatedAt&order=desc', '/api/sites/host-suggestions', '/api/sites/templates'],
    onObject: (p) => [
      { method: 'GET', path: `/api/sites/sites/${p.siteId}`, expected: 404 },
      { method: 'PATCH', path: `/api/sites/sites/${p.siteId}`, body: { notes: 'Đổi từ A' } },
      { method: 'POST', path: `/api/sites/sites/${p.siteId}/status`, body: { status: 'live' } },
      { method: 'PUT', path: `/api/sites/sites/${p.siteId}/hosts`, body: { primaryHost: 'chiem.quangtri.gov.vn', aliasHosts: [] } },
      { method: 'POST', path: '/api/sites/provisioning', body: { tree: { root: B, includeRoot: true }, dryRun: true } },
      // A CSV line naming B is reported as a unit that does not exist; nothing of B is touched.
      { method: 'POST', path: '/api/sites/provisioning', body: { csv: `slug,notes\n${B},Đổi từ A` }, expected: 200 },
    ],
  },
  {
    // The dashboard lists the caller's subtree only (B's site, its notes holding the canary, never shows); B's site's links are 404.
    name: 'component site network dashboard and links',
    reads: ['/api/sites/network', '/api/sites/network?stale=true&sort=lastUpdate&order=desc', '/api/sites/network.csv', '/api/sites/network.csv?brokenLinks=false'],
    onObject: (p) => [
      { method: 'GET', path: `/api/sites/network/sites/${p.siteId}/links`, expected: 404 },
      { method: 'GET', path: `/api/sites/network/sites/${p.siteId}/links?status=broken`, expected: 404 },
    ],
  },
  {
    // The appearance has no id: it is the named unit's. A's own calls answer for A (A has no draft: 409);
    // naming B is 404; B's draft (its logo text is the canary) never shows and stays.
    name: 'component site appearance (theme, home layout, draft)',
    reads: ['/api/sites/appearance', '/api/sites/appearance/catalogue'],
    onObject: () => [
      { method: 'POST', path: '/api/sites/appearance/publish', expected: 409 },
      { method: 'DELETE', path: '/api/sites/appearance/draft', expected: 409 },
      // The parts locked for every site are the province's: 404 from A as from B.
      { method: 'GET', path: '/api/sites/appearance/network', expected: 404 },
      { method: 'PUT', path: '/api/sites/appearance/network', body: { headerLine: 'Từ A', footerNote: '' } },
    ],
  },
];

/** What the syndication matrix needs a unit's editors to hold. */
const SITES_SYNDICATION = ['sites.syndication.propose', 'sites.syndication.review', 'sites.broadcast.publish'];
/** And the component sites of their unit and below (registry, hosts, provisioning). */
const SITES_NETWORK = ['sites.network.manage'];
/** And their own unit's site: theme, branding, home layout. */
const SITES_CONFIGURE = ['sites.site.configure'];

const A = 'so-tai-chinh';
const B = 'so-y-te';

describeEachDialect('tenant isolation matrix', (dialect) => {
  let t: TestPlatform;
  let planted: Planted;
  let actors: Actor[];
  let cells = 0;

  const call = async (request: Request, headers: Record<string, string>) => {
    const res = await fetch(new URL(request.path, t.url), {
      method: request.method,
      headers: { 'sec-fetch-site': 'same-origin', ...headers, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    return { status: res.status, text: await res.text() };
  };
  const login = async (username: string, password: string) => {
    const res = await fetch(new URL('/api/core/auth/login', t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: ['@cong/example-hello', '@cong/plugin-portal', '@cong/plugin-sites'], database: dialect, config: { demo: true } });
    const root = await login('admin', t.platform.takeDemoCredentials().password);
    const as = (cookie: string, tenant: string) => ({ cookie, 'x-cong-tenant': tenant });
    const create = async (username: string, tenant: string) => {
      const user = await call({ method: 'POST', path: '/api/core/users', body: { username, password: `${username} mật khẩu dài 2026` } }, as(root, tenant));
      for (const roleId of ['unit-admin', 'bien-tap-cong']) await call({ method: 'POST', path: '/api/core/grants', body: { userId: JSON.parse(user.text).id, roleId } }, as(root, tenant));
      return login(username, `${username} mật khẩu dài 2026`);
    };
    // A custom role carries the portal's permissions; each unit's admin also holds it in their unit.
    const province = (JSON.parse((await call({ method: 'GET', path: '/api/core/tenants?limit=500' }, { cookie: root })).text).items as { slug: string; parentId: string | null }[]).find((u) => !u.parentId)!.slug;
    expect((await call({ method: 'PUT', path: '/api/core/roles/bien-tap-cong', body: { label: { vi: 'Biên tập cổng' }, permissions: ['portal.*', ...SITES_SYNDICATION, ...SITES_NETWORK, ...SITES_CONFIGURE] } }, as(root, province))).status).toBe(201);
    const adminA = await create('admin.a', A);
    const adminB = await create('admin.b', B);

    // B's admin plants canaries: a token, an account with a grant in B, a module switch, audit entries.
    const canary = `CANARY-B-${randomUUID()}`;
    const token = JSON.parse((await call({ method: 'POST', path: '/api/core/tokens', body: { name: canary, permissions: ['core.audit.read'] } }, as(adminB, B))).text);
    const user = JSON.parse((await call({ method: 'POST', path: '/api/core/users', body: { username: 'canary.b', password: 'canary b mật khẩu dài 2026', displayName: canary } }, as(adminB, B))).text);
    const grant = JSON.parse((await call({ method: 'POST', path: '/api/core/grants', body: { userId: user.id, roleId: 'auditor' } }, as(adminB, B))).text);
    expect((await call({ method: 'PUT', path: '/api/core/modules/hello', body: { enabled: false } }, as(adminB, B))).status).toBe(200);
    const inB = async (method: string, path: string, body: unknown) => {
      const res = await call({ method, path, body }, as(adminB, B));
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(201);
      return JSON.parse(res.text) as { id: string };
    };
    const category = await inB('POST', '/api/portal/categories', { slug: 'canary-b-cat', name: { vi: canary } });
    const article = await inB('POST', '/api/portal/articles', { title: canary, slug: 'canary-b', summary: canary, body: `<p>${canary}</p>`, categoryId: category.id });
    const alert = await inB('POST', '/api/portal/alerts', { message: { vi: canary }, severity: 'warning', startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    const legal = await inB('POST', '/api/portal/legal-documents', { type: 'quyet_dinh', numberSymbol: '99/2026/QĐ-UBND', issuer: 'UBND tỉnh', issuedOn: '2026-11-01', summary: 'Văn bản của B' });
    const page = await inB('POST', '/api/portal/pages', { title: canary, slug: 'canary-b-page', body: `<p>${canary}</p>` });
    const banner = await inB('POST', '/api/portal/banners', { placement: 'home-top', imageUrl: 'https://example.vn/b.png', alt: { vi: canary, en: canary }, startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    const leader = await inB('POST', '/api/portal/organisation/leaders', { fullName: canary, position: { vi: 'Giám đốc' } });
    const deadline = await inB('POST', '/api/portal/deadlines', { subject: { type: 'text', text: canary }, kind: 'default', origin: '2026-11-02' });
    // B publishes an article (approving its own: B's settings allow it), proposes it to the province and
    // broadcasts it to a unit below B.
    expect((await call({ method: 'PUT', path: '/api/core/plugins/portal/settings', body: { values: { approvalRequired: false } } }, as(adminB, B))).status).toBe(200);
    const published = await inB('POST', '/api/portal/articles', { title: canary, slug: 'canary-b-published', summary: canary, body: `<p>${canary}</p>` });
    expect((await call({ method: 'POST', path: `/api/portal/articles/${published.id}/transitions/approve`, body: {} }, as(adminB, B))).status).toBe(200);
    const proposal = await inB('POST', '/api/sites/syndication/proposals', { articleId: published.id, note: canary });
    const idOfB = (JSON.parse((await call({ method: 'GET', path: '/api/core/tenants?limit=500' }, as(root, province))).text).items as { id: string; slug: string }[]).find((u) => u.slug === B)!.id;
    expect((await call({ method: 'POST', path: '/api/core/tenants', body: { slug: 'tram-y-te-canary', nameVi: 'Trạm Y tế', kind: 'department', parentId: idOfB } }, as(root, province))).status).toBe(201);
    const broadcast = await inB('POST', '/api/sites/broadcasts', { articleId: published.id, scope: 'all', note: canary });
    const provisioned = await call({ method: 'POST', path: '/api/sites/provisioning', body: { csv: `slug,notes\n${B},${canary}` } }, as(adminB, B));
    expect(JSON.parse(provisioned.text).counts.create, provisioned.text).toBe(1);
    // A has a site too (its appearance reads answer 200); B's site admin drafts an appearance carrying the canary.
    expect(JSON.parse((await call({ method: 'POST', path: '/api/sites/provisioning', body: { csv: `slug\n${A}` } }, as(adminA, A))).text).counts.create).toBe(1);
    const drafted = await call({ method: 'PUT', path: '/api/sites/appearance/draft', body: { theme: 'xanh-bien', branding: { primary: null, accent: null, logo: null, logoAlt: canary }, home: null } }, as(adminB, B));
    expect(drafted.status, drafted.text).toBe(200);
    const siteB = (JSON.parse((await call({ method: 'GET', path: '/api/sites/sites' }, as(adminB, B))).text).items as { id: string; unit: { slug: string } }[]).find((s) => s.unit.slug === B)!;
    planted = {
      canary,
      tokenId: token.id,
      grantId: grant.id,
      userId: user.id,
      articleId: article.id,
      alertId: alert.id,
      legalId: legal.id,
      categoryId: category.id,
      pageId: page.id,
      bannerId: banner.id,
      leaderId: leader.id,
      deadlineId: deadline.id,
      publishedArticleId: published.id,
      proposalId: proposal.id,
      broadcastId: broadcast.id,
      siteId: siteB.id,
    };

    const tokenA = JSON.parse(
      (await call({ method: 'POST', path: '/api/core/tokens', body: { name: 'A sync', permissions: ['core.access.manage', 'core.audit.read', 'core.modules.manage', 'core.users.manage', 'portal.content.write', 'portal.content.approve', 'portal.legal.write', 'portal.pages.write', 'portal.organisation.write', 'portal.compliance.manage', ...SITES_SYNDICATION, ...SITES_NETWORK, ...SITES_CONFIGURE] } }, as(adminA, A))).text,
    ).token as string;
    actors = [
      { name: 'unit admin of A (session)', headers: (tenant = A) => ({ cookie: adminA, 'x-cong-tenant': tenant }) },
      { name: 'API token of A', headers: (tenant?: string) => ({ authorization: `Bearer ${tokenA}`, ...(tenant ? { 'x-cong-tenant': tenant } : {}) }) },
      { name: 'anonymous', headers: (tenant = A) => ({ 'x-cong-tenant': tenant }), anonymous: true },
    ];
  });
  afterAll(async () => t?.stop());

  it('reads from A — lists, filters, exports — never show B\'s canary', async () => {
    for (const resource of RESOURCES) {
      for (const path of resource.reads) {
        for (const actor of actors) {
          const res = await call({ method: 'GET', path }, actor.headers());
          cells++;
          expect(res.status, `${actor.name} GET ${path}`).toBe(actor.anonymous ? 401 : 200);
          expect(res.text, `${resource.name}: ${actor.name} GET ${path}`).not.toContain(planted.canary);
          expect(res.text).not.toContain(planted.tokenId);
        }
      }
    }
  });

  it('B\'s objects by id, from A: 404 (401 anonymous), never 403, and nothing changes', async () => {
    for (const resource of RESOURCES) {
      for (const request of resource.onObject(planted)) {
        for (const actor of actors) {
          const res = await call(request, actor.headers());
          cells++;
          const expected = actor.anonymous ? 401 : (request.expected ?? (request.method === 'GET' ? 200 : 404));
          expect(res.status, `${resource.name}: ${actor.name} ${request.method} ${request.path}`).toBe(expected);
          expect(res.text).not.toContain(planted.canary);
        }
      }
    }
  });

  it('naming B explicitly from A: 404 everywhere (401 anonymous), and mass assignment of a unit is refused', async () => {
    const routes = RESOURCES.flatMap((r) => [...r.reads.map((path) => ({ method: 'GET', path })), ...r.onObject(planted)]);
    for (const request of [...routes, { method: 'PUT', path: '/api/core/modules/hello', body: { enabled: true } }]) {
      for (const actor of actors) {
        const res = await call(request, actor.headers(B));
        cells++;
        expect(res.status, `${actor.name} ${request.method} ${request.path} naming B`).toBe(actor.anonymous ? 401 : 404);
        expect(res.text).not.toContain(planted.canary);
      }
    }
    for (const actor of actors.filter((a) => !a.anonymous)) {
      const res = await call({ method: 'POST', path: '/api/core/tokens', body: { name: 'x', permissions: ['core.audit.read'], tenantId: 'so-y-te' } }, actor.headers());
      cells++;
      expect(res.status).toBe(400);
    }
  });

  it('B\'s objects are untouched, and the matrix ran every cell', async () => {
    const rootCookie = await login('admin.b', 'admin.b mật khẩu dài 2026');
    const tokens = await call({ method: 'GET', path: '/api/core/tokens' }, { cookie: rootCookie, 'x-cong-tenant': B });
    expect(tokens.text).toContain(planted.canary);
    expect(JSON.parse(tokens.text).items.find((x: { id: string }) => x.id === planted.tokenId).revokedAt).toBeNull();
    const grants = await call({ method: 'GET', path: '/api/core/grants' }, { cookie: rootCookie, 'x-cong-tenant': B });
    expect(grants.text).toContain(planted.grantId);
    const modules = JSON.parse((await call({ method: 'GET', path: '/api/core/modules' }, { cookie: rootCookie, 'x-cong-tenant': B })).text);
    expect(modules.items.find((m: { plugin: string }) => m.plugin === 'hello')).toMatchObject({ name: { vi: 'Lời chào', en: 'Greetings' }, enabled: false });
    const article = JSON.parse((await call({ method: 'GET', path: `/api/portal/articles/${planted.articleId}` }, { cookie: rootCookie, 'x-cong-tenant': B })).text);
    expect(article).toMatchObject({ title: planted.canary, status: 'draft', revision: 1 });
    const alerts = JSON.parse((await call({ method: 'GET', path: '/api/portal/alerts' }, { cookie: rootCookie, 'x-cong-tenant': B })).text);
    expect(alerts.items.find((a: { id: string }) => a.id === planted.alertId)).toMatchObject({ message: { vi: planted.canary }, state: 'scheduled' });
    const legal = JSON.parse((await call({ method: 'GET', path: `/api/portal/legal-documents/${planted.legalId}` }, { cookie: rootCookie, 'x-cong-tenant': B })).text);
    expect(legal).toMatchObject({ summary: 'Văn bản của B', statusOverride: null });
    const category = JSON.parse((await call({ method: 'GET', path: `/api/portal/categories/${planted.categoryId}` }, { cookie: rootCookie, 'x-cong-tenant': B })).text);
    expect(category.name.vi).toBe(planted.canary);
    const readB = async (path: string) => JSON.parse((await call({ method: 'GET', path }, { cookie: rootCookie, 'x-cong-tenant': B })).text);
    expect(await readB(`/api/portal/pages/${planted.pageId}`)).toMatchObject({ title: planted.canary, status: 'draft', revision: 1 });
    expect((await readB('/api/portal/banners')).items.find((b: { id: string }) => b.id === planted.bannerId)).toMatchObject({ active: true });
    expect(await readB(`/api/portal/organisation/leaders/${planted.leaderId}`)).toMatchObject({ fullName: planted.canary });
    expect(await readB(`/api/portal/deadlines/${planted.deadlineId}`)).toMatchObject({ metAt: null });
    expect(await readB(`/api/sites/syndication/proposals/${planted.proposalId}`)).toMatchObject({ status: 'proposed', note: planted.canary });
    expect(await readB(`/api/sites/broadcasts/${planted.broadcastId}`)).toMatchObject({ status: 'active', targetCount: 1 });
    expect(await readB(`/api/sites/sites/${planted.siteId}`)).toMatchObject({ status: 'draft', notes: planted.canary, primaryHost: 'so-y-te.localhost', history: [{ from: null, to: 'draft' }] });
    expect((await readB('/api/sites/appearance')).draft).toMatchObject({ theme: 'xanh-bien', branding: { logoAlt: planted.canary } });
    expect(cells).toBe(actors.length * (RESOURCES.flatMap((r) => r.reads).length * 2 + RESOURCES.flatMap((r) => r.onObject(planted)).length * 2 + 1) + 2);
  });
});
