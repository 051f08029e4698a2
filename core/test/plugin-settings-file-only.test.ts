import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices } from '@cong/sdk';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { createDatabase } from '../src/db/create-database.js';
import { parseDatabaseUrl } from '../src/db/database-url.js';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';
import { inlinePlugin } from './inline-plugin.js';

// A property marked "x-cong-file-only": true comes from cong.config.json alone: the settings API shows
// it and refuses to write it, and values stored before the mark never reach the plugin.

const regional = {
  ...inlinePlugin({ id: 'regional' }, {
    register: (reg) =>
      reg.routes((route) =>
        route.get('/settings-in-force', {
          summary: 'settings in force',
          schema: {},
          handler: async (req, ctx) => ctx.get(coreServices.config).forTenant(req.tenantId ?? null),
        }),
      ),
  }),
  configSchema: {
    type: 'object',
    additionalProperties: false,
    'x-cong-per-tenant': true,
    properties: {
      title: { type: 'string', maxLength: 100, default: 'Vùng' },
      regions: { type: 'array', items: { type: 'string' }, default: [], 'x-cong-file-only': true },
      edition: { type: 'string', default: 'tỉnh', 'x-cong-file-only': true },
    },
  },
};

describeEachDialect('file-only plugin settings', (dialect) => {
  let t: TestPlatform;
  let admin: TestClient;
  const at = (tenant: string) => ({ headers: { 'x-cong-tenant': tenant } });

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [regional], database: dialect, config: { demo: true, pluginConfig: { regional: { regions: ['bac', 'nam'] } } } });
    admin = t.client.as({ id: 'quan-tri', permissions: ['core.settings.manage'] });
  });
  afterAll(async () => t?.stop());

  it('reads show the file\'s value with defaults, apart from the scope\'s own values', async () => {
    const res = await admin.get('/api/core/plugins/regional/settings?scope=platform', at('quang-tri'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ values: {}, fileOnly: { regions: ['bac', 'nam'], edition: 'tỉnh' }, perTenant: true });
    expect(res.body.schema.properties.regions['x-cong-file-only']).toBe(true);
    // A unit sees the same file values.
    expect((await admin.get('/api/core/plugins/regional/settings', at('so-tai-chinh'))).body.fileOnly).toEqual({ regions: ['bac', 'nam'], edition: 'tỉnh' });
  });

  it('refuses a write naming a file-only field, at either scope, with a problem naming the field', async () => {
    const refused = await admin.put('/api/core/plugins/regional/settings?scope=platform', { values: { title: 'Miền', regions: ['trung'] } }, at('quang-tri'));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'CONG_ERR_SETTING_FILE_ONLY',
      detail: 'Setting regions of plugin regional is set in cong.config.json only (pluginConfig.regional.regions); it takes effect after a restart',
      errors: [{ in: 'body', pointer: '/values/regions', keyword: 'x-cong-file-only', message: expect.stringContaining('cong.config.json only') }],
    });
    const unit = await admin.put('/api/core/plugins/regional/settings', { values: { edition: 'xã', regions: [] } }, at('so-tai-chinh'));
    expect(unit.status).toBe(400);
    expect(unit.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/values/regions', '/values/edition']);
    // Nothing was written: the plugin still runs with the file's values.
    const inForce = await t.client.get('/api/regional/settings-in-force', at('so-tai-chinh'));
    expect(inForce.body).toEqual({ title: 'Vùng', regions: ['bac', 'nam'], edition: 'tỉnh' });
  });

  it('writes the other fields, and ignores a file-only value stored before the field was marked', async () => {
    const saved = await admin.put('/api/core/plugins/regional/settings?scope=platform', { values: { title: 'Miền Trung' } }, at('quang-tri'));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ values: { title: 'Miền Trung' }, fileOnly: { regions: ['bac', 'nam'] } });
    // As a platform that stored `regions` before it became file-only would have it.
    const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    try {
      await db.kysely
        .updateTable('core_plugin_settings')
        .set({ values_json: JSON.stringify({ title: 'Miền Trung', regions: ['cu'] }) })
        .where('plugin_id', '=', 'regional')
        .where('tenant_key', '=', '')
        .execute();
    } finally {
      await db.destroy();
    }
    const inForce = await t.client.get('/api/regional/settings-in-force', at('so-y-te'));
    expect(inForce.body).toEqual({ title: 'Miền Trung', regions: ['bac', 'nam'], edition: 'tỉnh' });
    const read = await admin.get('/api/core/plugins/regional/settings?scope=platform', at('quang-tri'));
    expect(read.body.values).toEqual({ title: 'Miền Trung' });
  });
});
