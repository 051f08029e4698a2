import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { startGazettePlatform, type Harness } from './gazette-support.js';

// The intake and review routes feed the platform's OpenAPI document: each with its permission, its
// Vietnamese-first summary, closed request schemas, the upload routes as multipart with a binary file;
// and the document still passes the Redocly linter the platform's own suite uses (tests/openapi).

describeEachDialect('gazette intake routes in the OpenAPI document', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGazettePlatform(dialect);
  });
  afterAll(async () => h?.stop());

  it('lists every route with permission, summary and schemas, and passes the linter', async () => {
    const res = await h.t.client.get('/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, any>>;
    const expected: [string, string, string][] = [
      ['/api/gazette/submissions', 'post', 'gazette.submit'],
      ['/api/gazette/submissions/{id}/original', 'put', 'gazette.submit'],
      ['/api/gazette/submissions/{id}/send', 'post', 'gazette.submit'],
      ['/api/gazette/intake/{id}/register', 'post', 'gazette.receive'],
      ['/api/gazette/review/{id}/rounds', 'post', 'gazette.compare'],
      ['/api/gazette/review/{id}/rounds/{round}/return', 'post', 'gazette.compare'],
      ['/api/gazette/deadlines', 'get', 'gazette.receive'],
    ];
    for (const [path, method, permission] of expected) {
      expect(paths[path]?.[method]?.['x-cong-permission'], `${method} ${path}`).toBe(permission);
    }
    const create = paths['/api/gazette/submissions']!.post;
    expect(create.summary).toMatch(/^Nhập văn bản gửi đăng Công báo/);
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    const upload = paths['/api/gazette/submissions/{id}/electronic']!.put.requestBody.content['multipart/form-data'].schema;
    expect(upload.properties.file).toMatchObject({ type: 'string' });
    expect(upload.required).toContain('file');

    const problems = await lintFromString({ source: res.text, absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    const ours = problems.filter((p) => (p.location[0]?.pointer ?? '').includes('gazette'));
    expect(ours.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
  });
});
