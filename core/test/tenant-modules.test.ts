import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices, defineEvent } from '@cong/sdk';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';
import { inlinePlugin } from './inline-plugin.js';

function status(url: string, host: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: new URL(url).port, path, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

// Per-tenant modules: a plugin disabled for one unit is absent there (404, its jobs wait, it hears no
// events about that unit) and present everywhere else; onTenantEnable seeds once per unit, ever.
describeEachDialect('per-tenant modules', (dialect) => {
  const published = defineEvent<{ title: string }>('news.published');
  const seeded: string[] = [];
  const stopped: string[] = [];
  const jobRuns: string[] = [];
  const heard: string[] = [];
  let t: TestPlatform;

  const news = inlinePlugin({ id: 'news' }, {
    register(reg) {
      reg.publicRoutes((r) => r.get('/tin-tuc', { summary: 'news', schema: {}, handler: () => 'tin tức' }));
      reg.routes((r) => {
        r.get('/items', { summary: 'items', schema: {}, handler: (req) => ({ tenant: req.tenantId ?? null }) });
        // Work for the tenant the call names: a job, and an event about it.
        r.post('/digest', {
          summary: 'queue a digest',
          schema: {},
          handler: async (req, ctx) => ({ job: await ctx.get(coreServices.jobs).enqueue('digest', { tenant: req.tenantId }, { tenantId: req.tenantId! }) }),
        });
        r.post('/publish', {
          summary: 'announce',
          schema: {},
          handler: async (req, ctx) => {
            await ctx.get(coreServices.events).emit(published, { title: req.headers['x-cong-tenant']! }, { tenantId: req.tenantId! });
            return {};
          },
        });
      });
      reg.jobs({ digest: (payload: { tenant: string }) => void jobRuns.push(payload.tenant) });
    },
    onTenantEnable: (_ctx, tenant) => void seeded.push(tenant.slug),
    onTenantDisable: (_ctx, tenant) => void stopped.push(tenant.slug),
  });
  const listener = inlinePlugin({ id: 'listener', requires: { news: '*' } }, {
    register: (reg) => reg.on(published, (e) => void heard.push(e.title)),
  });

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [news, listener], database: dialect, config: { demo: true } });
  });
  afterAll(async () => t?.stop());

  const as = (slug: string) => ({ headers: { 'x-cong-tenant': slug } });

  it('seeds every active unit once at boot; an API call names its unit with X-Cong-Tenant', async () => {
    expect(seeded).toContain('so-tai-chinh');
    expect(seeded).not.toContain('huyen-vinh-linh'); // archived units are not seeded
    expect(new Set(seeded).size).toBe(seeded.length);
    const items = await t.client.get('/api/news/items', as('so-tai-chinh'));
    expect(items.body.tenant).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.client.get('/api/news/items', as('khong-ton-tai'))).status).toBe(404);
    expect((await t.client.get('/api/news/items', as('huyen-vinh-linh'))).body.tenant).not.toBe(items.body.tenant); // a former district names its successor
  });

  it('disabled for one unit: 404 there, 200 elsewhere; its jobs wait and its listeners hear nothing about it', async () => {
    expect(await t.platform.setModule('news', 'so-tai-chinh', false, { actor: 'test' })).toEqual(['so-tai-chinh']);
    await t.platform.setModule('listener', 'so-tai-chinh', false, { actor: 'test' });
    expect(stopped).toEqual(['so-tai-chinh']);
    expect(await status(t.url, 'so-tai-chinh.localhost', '/tin-tuc')).toBe(404);
    expect(await status(t.url, 'so-y-te.localhost', '/tin-tuc')).toBe(200);
    expect((await t.client.get('/api/news/items', as('so-tai-chinh'))).status).toBe(404);
    expect((await t.client.post('/api/news/digest', undefined, as('so-y-te'))).status).toBe(200);

    // A job queued for the unit before it was disabled waits; the listener is disabled there too.
    await t.platform.setModule('news', 'so-tai-chinh', true, { actor: 'test' });
    const queued = await t.client.post('/api/news/digest', undefined, as('so-tai-chinh'));
    expect(queued.status).toBe(200);
    await t.client.post('/api/news/publish', undefined, as('so-tai-chinh'));
    await t.client.post('/api/news/publish', undefined, as('so-y-te'));
    expect(heard).toEqual(['so-y-te']);
    await t.platform.setModule('news', 'so-tai-chinh', false, { actor: 'test' });
    await t.drainJobs();
    expect(jobRuns).toHaveLength(1); // so-y-te's digest ran; so-tai-chinh's is parked
  });

  it('re-enabling runs the parked job and does not seed again', async () => {
    await t.platform.setModule('news', 'so-tai-chinh', true, { actor: 'test' });
    expect(seeded.filter((s) => s === 'so-tai-chinh')).toHaveLength(1);
    expect(await status(t.url, 'so-tai-chinh.localhost', '/tin-tuc')).toBe(200);
    expect(await t.platform.setModule('news', 'so-tai-chinh', true)).toEqual([]);
  });
});
