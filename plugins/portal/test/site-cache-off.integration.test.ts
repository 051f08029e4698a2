import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

// Read when the plugin module loads: vitest gives each test file its own modules.
process.env.PORTAL_PAGE_CACHE = 'off';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';

describeEachDialect('portal page cache switched off', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
  });
  afterAll(async () => {
    await t?.stop();
    delete process.env.PORTAL_PAGE_CACHE;
  });

  it('renders every page afresh (x-cache: bypass) and still answers ETags with 304', async () => {
    const writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    const chief = inTenant(t.client.as({ id: 'truong-ban', permissions: ['portal.content.write', 'portal.content.approve'] }), A);
    const article = await writer.post('/api/portal/articles', { title: 'Tin không qua bộ nhớ đệm', slug: 'khong-dem', summary: 'x', body: '<p>x</p>' });
    await writer.post(`/api/portal/articles/${article.body.id}/transitions/submit`, {});
    expect((await chief.post(`/api/portal/articles/${article.body.id}/transitions/approve`, {})).body.status).toBe('published');
    const url = new URL(`/t/${A}/tin/khong-dem`, t.url);
    const first = await fetch(url);
    const second = await fetch(url);
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['bypass', 'bypass']);
    expect(await second.text()).toContain('Tin không qua bộ nhớ đệm');
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=/); // anonymous pages stay cacheable downstream
    expect((await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
  });
});
