import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices, definePlugin, defineSchema, respond, type PluginManifest } from '@cong/sdk';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';

const BYPASS = 'bench-key-0123456789abcdef0123456789abcdef';
const ok = { 200: { type: 'object', additionalProperties: false, properties: { ok: { type: 'boolean' }, remaining: { type: 'integer' } } } } as const;

// A plugin with a public form limited per address (3 a minute, every path of the route one bucket),
// and a route that limits per e-mail address through coreServices.rateLimits.
const forms = {
  manifest: { id: 'forms', pluginApi: '^1.0.0' } as PluginManifest,
  version: '1.0.0',
  packageName: '@test/plugin-forms',
  plugin: definePlugin({
    register(reg) {
      reg.publicRoutes((route) => {
        route.post('/hoi-dap', {
          summary: 'A public form page',
          form: true,
          rateLimit: { points: 1, durationSeconds: 60 },
          schema: { body: defineSchema<{ text: string }>({ type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string', maxLength: 100 } } }) },
          handler: () => respond(200, '<p>Đã nhận</p>', { 'content-type': 'text/html; charset=utf-8' }),
        });
      });
      reg.routes((route) => {
        route.post('/questions/:topic', {
          summary: 'Ask',
          rateLimit: { points: 3, durationSeconds: 60 },
          schema: { params: defineSchema<{ topic: string }>({ type: 'object', additionalProperties: false, required: ['topic'], properties: { topic: { type: 'string', maxLength: 40 } } }), body: defineSchema<{ text: string }>({ type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string', maxLength: 100 } } }), response: ok },
          handler: () => ({ ok: true }),
        });
        route.post('/verify', {
          summary: 'Verify an address',
          schema: { body: defineSchema<{ email: string }>({ type: 'object', additionalProperties: false, required: ['email'], properties: { email: { type: 'string', maxLength: 100 } } }), response: ok },
          handler: async (req, ctx) => {
            const limits = ctx.get(coreServices.rateLimits);
            await limits.enforce('verify-by-email', req.body.email.toLowerCase(), { points: 2, durationSeconds: 3600 }, req);
            return { ok: true };
          },
        });
        route.get('/exempt', {
          summary: 'Whether limits are lifted for this request',
          schema: { response: ok },
          handler: (req, ctx) => ({ ok: ctx.get(coreServices.rateLimits).exempts(req) }),
        });
      });
    },
  }),
};

describeEachDialect('rate limits of routes and of plugins', (dialect) => {
  let t: TestPlatform;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, t.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [forms], database: dialect, config: { http: { rateLimitBypassKeys: [BYPASS] } } });
  });
  afterAll(async () => t?.stop());

  it('tells a plugin whether a request is exempt from limits (a valid bypass key only)', async () => {
    const exempt = async (headers: Record<string, string>) => ((await (await fetch(new URL('/api/forms/exempt', t.url), { headers })).json()) as { ok: boolean }).ok;
    expect(await exempt({ 'x-cong-rate-limit-bypass': BYPASS })).toBe(true);
    expect(await exempt({ 'x-cong-rate-limit-bypass': `${BYPASS}x` })).toBe(false);
    expect(await exempt({})).toBe(false);
  });

  it('counts every path of a route in one bucket per address, refuses with 429 and Retry-After, before reading the body', async () => {
    expect((await post('/api/forms/questions/dat-dai', { text: 'Hỏi 1' })).status).toBe(200);
    expect((await post('/api/forms/questions/xay-dung', { text: 'Hỏi 2' })).status).toBe(200);
    expect((await post('/api/forms/questions/x', { wrong: true })).status).toBe(400); // a bad request counts too
    const refused = await post('/api/forms/questions/dat-dai', { text: 'Hỏi 4' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { code: string }).code).toBe('CONG_ERR_RATE_LIMITED');
    // Not even a body too large to parse is read.
    expect((await post('/api/forms/questions/dat-dai', { text: 'x'.repeat(200_000) })).status).toBe(429);
    // A bypass key lifts it (benchmarks); a wrong one does not.
    expect((await post('/api/forms/questions/dat-dai', { text: 'Hỏi 5' }, { 'x-cong-rate-limit-bypass': BYPASS })).status).toBe(200);
    expect((await post('/api/forms/questions/dat-dai', { text: 'Hỏi 6' }, { 'x-cong-rate-limit-bypass': `${BYPASS}x` })).status).toBe(429);
  });

  it('lets a plugin limit by its own key (per e-mail address), whatever the client address', async () => {
    expect((await post('/api/forms/verify', { email: 'dan@example.vn' })).status).toBe(200);
    expect((await post('/api/forms/verify', { email: 'DAN@example.vn' })).status).toBe(200);
    const refused = await post('/api/forms/verify', { email: 'dan@example.vn' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect((await post('/api/forms/verify', { email: 'khac@example.vn' })).status).toBe(200);
    expect((await post('/api/forms/verify', { email: 'dan@example.vn' }, { 'x-cong-rate-limit-bypass': BYPASS })).status).toBe(200);
  });

  it('answers a browser on a public page with a page it can show, in Vietnamese and English; programs keep problem+json', async () => {
    const send = (accept: string) => fetch(new URL('/hoi-dap', t.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept }, body: 'text=xin+ch%C3%A0o' });
    expect((await send('text/html')).status).toBe(200);
    const page = await send('text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await page.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Quá nhiều yêu cầu');
    expect(html).toContain('Too Many Requests');
    const program = await send('application/json');
    expect(program.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // The API is for programs whatever they accept.
    const api = await fetch(new URL('/api/forms/questions/x', t.url), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/html' }, body: '{}' });
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

it('refuses a route whose rateLimit cannot work, at registration', async () => {
  const broken = {
    ...forms,
    manifest: { id: 'broken', pluginApi: '^1.0.0' } as PluginManifest,
    packageName: '@test/plugin-broken',
    plugin: definePlugin({
      register(reg) {
        reg.routes((route) => route.get('/x', { summary: 'x', rateLimit: { points: 0, durationSeconds: 60 }, schema: {}, handler: () => undefined }));
      },
    }),
  };
  const t = await createTestPlatform({ plugins: [broken], database: 'sqlite' });
  try {
    expect(t.report.plugins.find((p) => p.id === 'broken')).toMatchObject({ state: 'failed', error: { code: 'CONG_ERR_PLUGIN_REGISTRATION_INVALID' } });
    expect(t.report.plugins.find((p) => p.id === 'broken')!.error!.message).toContain('rateLimit.points must be an integer from 1 to 1000000');
  } finally {
    await t.stop();
  }
});
