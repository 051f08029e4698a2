import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin, defineSchema, type PluginManifest } from '@cong/sdk';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';

interface Question {
  title: string;
  copies?: number;
  consent?: boolean;
  topics?: string[];
}
const question = defineSchema<Question>({
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    copies: { type: 'integer', minimum: 1 },
    consent: { type: 'boolean' },
    topics: { type: 'array', items: { type: 'string', maxLength: 40 } },
  },
});
const echo = { 200: { type: 'object', additionalProperties: false, properties: { title: { type: 'string' }, copies: { type: 'integer' }, consent: { type: 'boolean' }, topics: { type: 'array', items: { type: 'string' } } } } } as const;

// A public form posted without JavaScript (application/x-www-form-urlencoded) on a route that says
// `form: true`; every other route keeps taking JSON only.
const forms = {
  manifest: { id: 'forms', pluginApi: '^1.0.0' } as PluginManifest,
  version: '1.0.0',
  packageName: '@test/plugin-forms',
  plugin: definePlugin({
    register(reg) {
      reg.routes((route) => {
        route.post('/form', { summary: 'Form', form: true, schema: { body: question, response: echo }, handler: (req) => req.body });
        route.post('/json', { summary: 'JSON only', schema: { body: question, response: echo }, handler: (req) => req.body });
      });
    },
  }),
};

describeEachDialect('HTML forms posted without JavaScript', (dialect) => {
  let t: TestPlatform;
  const post = (path: string, body: string, type = 'application/x-www-form-urlencoded') => fetch(new URL(path, t.url), { method: 'POST', headers: { 'content-type': type }, body });
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [forms], database: dialect });
  });
  afterAll(async () => t?.stop());

  it('takes flat form fields as text coerced by the schema, a repeated field as a list, in NFC', async () => {
    const form = new URLSearchParams([['title', 'Hỏi về đất đai 🏠'.normalize('NFD')], ['copies', '2'], ['consent', 'true'], ['topics', 'dat-dai'], ['topics', 'xay-dung']]);
    const res = await post('/api/forms/form', form.toString());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ title: 'Hỏi về đất đai 🏠', copies: 2, consent: true, topics: ['dat-dai', 'xay-dung'] });
    expect((await post('/api/forms/form', JSON.stringify({ title: 'JSON vẫn được' }), 'application/json')).status).toBe(200);
  });

  it('names the field of a bad value, refuses nested fields, and keeps JSON-only routes JSON-only', async () => {
    const bad = await post('/api/forms/form', 'title=x&copies=hai');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/copies']);
    const nested = await post('/api/forms/form', 'title=x&topics[a]=b');
    expect(nested.status).toBe(400);
    expect(((await nested.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/topics');
    // A prototype key is dropped by the parser, never merged into objects.
    const proto = await post('/api/forms/form', 'title=x&__proto__[admin]=1');
    expect(await proto.json()).toEqual({ title: 'x' });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await post('/api/forms/json', 'title=x')).status).toBe(415);
  });
});
