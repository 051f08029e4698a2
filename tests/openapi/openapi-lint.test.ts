import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';

// Acceptance: /openapi.json passes an OpenAPI 3.1 linter (Redocly's recommended rules, no problems).
describe('/openapi.json', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: ['@cong/example-hello'] });
  });
  afterAll(async () => t?.stop());

  it('is an OpenAPI 3.1 document with every route of every plugin', async () => {
    const res = await t.client.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/hello/greetings', '/api/hello/greetings/{id}']));
    const post = res.body.paths['/api/hello/greetings'].post;
    expect(post['x-cong-permission']).toBe('hello.write');
    expect(post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(post.responses['400'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
  });

  it('passes the Redocly linter with the recommended rules and no problems', async () => {
    const source = (await t.client.get('/openapi.json')).text;
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(described).toEqual([]);
  });
});
