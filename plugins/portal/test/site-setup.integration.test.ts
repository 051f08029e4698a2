import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices, definePlugin, type PluginContext } from '@cong/sdk';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
// As another plugin would: through the package's declared `api` entry, built.
import { siteSetupRef, type SiteBlueprint } from '../dist/api/index.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { inTenant } from './support/unit-client.js';

const portal = fileURLToPath(new URL('..', import.meta.url));

const blueprint: SiteBlueprint = {
  pages: [
    { slug: 'gioi-thieu', title: { vi: 'Giới thiệu', en: 'About' }, body: { vi: '<p>Xin chào<script>x()</script></p>', en: '<p>Hello</p>' }, publish: true },
    { slug: 'lich-su', title: { vi: 'Lịch sử' }, body: { vi: '<p>Lịch sử</p>' }, parent: 'gioi-thieu' },
  ],
  menus: {
    main: [
      { label: { vi: 'Giới thiệu', en: 'About' }, target: { kind: 'page', value: 'gioi-thieu' }, children: [{ label: { vi: 'Lịch sử' }, target: { kind: 'page', value: 'lich-su' } }] },
      { label: { vi: 'Tin tức' }, target: { kind: 'category', value: 'tin-tuc-su-kien' } },
    ],
  },
};

// The site setup service (`portal.site-setup`) as the tenant-sites plugin uses it: plan answers what
// apply then does, apply adds only what a unit lacks (twice is once), a template that cannot apply is
// a 400 in both, and the caller's `within` shares the transaction: its failure leaves nothing behind.
describeEachDialect('portal site setup service', (dialect) => {
  let t: TestPlatform;
  let ctx: PluginContext;
  const consumer = {
    manifest: { id: 'setup-test', pluginApi: '^1.0.0', requires: { portal: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({ register: () => undefined, start: (c) => void (ctx = c) }),
  };
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal, consumer], database: dialect, config: { demo: true } });
    const units = (await t.client.as({ id: 'x', permissions: [] }).get('/api/core/tenants', { query: { limit: 500 } })).body.items as { id: string; slug: string }[];
    ids = Object.fromEntries(units.map((u) => [u.slug, u.id]));
  });
  afterAll(async () => t?.stop());

  it('plans, applies exactly the plan, and the second time finds nothing to do', async () => {
    const setup = ctx.get(siteSetupRef);
    const unit = ids['so-tai-chinh']!;
    const plan = await setup.plan(unit, blueprint);
    // The unit's required sections were seeded when the portal was enabled for it: only pages and the menu are new.
    expect(plan).toEqual([
      { area: 'page', key: 'gioi-thieu' },
      { area: 'page', key: 'lich-su' },
      { area: 'menu', key: 'main' },
    ]);
    expect(await setup.apply(unit, blueprint, { actorId: 'cli' })).toEqual(plan);
    expect(await setup.plan(unit, blueprint)).toEqual([]);
    expect(await setup.apply(unit, blueprint)).toEqual([]);
    const editor = inTenant(t.client.as({ id: 'bt', permissions: ['portal.pages.write'] }), 'so-tai-chinh');
    const pages = (await editor.get('/api/portal/pages')).body.items as { slug: string; status: string; parentId: string | null }[];
    expect(pages.map((p) => `${p.slug}:${p.status}`).sort()).toEqual(['gioi-thieu:published', 'lich-su:draft']);
    const page = await fetch(new URL('/t/so-tai-chinh/trang/gioi-thieu', t.url));
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('Xin chào');
    expect(body).not.toContain('<script>x()');
    expect((await editor.get('/api/portal/menus/main')).body.items[0].children[0].href).toBe('/trang/lich-su');
  });

  it('refuses a template that cannot apply, the same way in planning and applying', async () => {
    const setup = ctx.get(siteSetupRef);
    const broken: SiteBlueprint = { menus: { footer: [{ label: { vi: 'Không có' }, target: { kind: 'page', value: 'khong-co' } }] } };
    await expect(setup.plan(ids['so-y-te']!, broken)).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION', errors: [{ pointer: '/items/0/target/value' }] });
    await expect(setup.apply(ids['so-y-te']!, broken)).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
    await expect(setup.plan(ids['so-y-te']!, { pages: [{ slug: 'con', title: { vi: 'Con' }, body: { vi: '' }, parent: 'cha' }] })).rejects.toMatchObject({ errors: [{ pointer: '/pages/0/parent' }] });
  });

  it('shares its transaction with the caller: a failure in `within` leaves nothing', async () => {
    const setup = ctx.get(siteSetupRef);
    const unit = ids['so-y-te']!;
    await expect(
      setup.apply(unit, blueprint, {
        within: async (trx) => {
          expect(await trx.selectFrom('portal_pages').select('slug').where('tenant_id', '=', unit).execute()).toHaveLength(2);
          throw new Error('the caller failed');
        },
      }),
    ).rejects.toThrow('the caller failed');
    const db = ctx.get(coreServices.database).kysely<{ portal_pages: { tenant_id: string }; portal_menus: { tenant_id: string } }>();
    expect(await db.selectFrom('portal_pages').selectAll().where('tenant_id', '=', unit).execute()).toEqual([]);
    expect(await db.selectFrom('portal_menus').selectAll().where('tenant_id', '=', unit).execute()).toEqual([]);
    expect(await setup.plan(unit, blueprint)).toHaveLength(3);
  });
});
