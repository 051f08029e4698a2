import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin, type TenantInfo } from '@cong/sdk';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
// As another plugin would: through the package's declared `api` entry, built.
import { BUILTIN_HOME_BLOCKS, html, PREVIEW_PARAM, siteThemePoint, type HomeLayoutEntry, type SiteTheme } from '../dist/api/index.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';

describeEachDialect('portal site theme extension point', (dialect) => {
  let t: TestPlatform;
  let theme: SiteTheme | undefined;
  const colours = new Map<string, string>([[A, '#0b5394']]);
  const ids = new Map<string, string>(); // unit ids by slug, as the contributor sees them
  const layouts = new Map<string, readonly HomeLayoutEntry[]>();
  const previewLayouts = new Map<string, readonly HomeLayoutEntry[]>();
  const contributor = {
    manifest: { id: 'sites-test', pluginApi: '^1.0.0', requires: { portal: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({
      register: (reg) =>
        reg.extend(siteThemePoint, (point) => {
          theme = point;
          point.setTokens((tenant: TenantInfo) => {
            ids.set(tenant.slug, tenant.id);
            const primary = colours.get(tenant.slug);
            return primary ? { primary, logo: 'https://cdn.example.vn/logo.svg', logoAlt: `Biểu trưng ${tenant.nameVi}` } : {};
          });
          point.setHomeLayout((tenant, request) => (request.preview === 'xem-thu' ? previewLayouts.get(tenant.slug) : undefined) ?? layouts.get(tenant.slug) ?? null);
          point.setPreviewVerifier((tenant, token) => token === 'xem-thu' && previewLayouts.has(tenant.slug));
          point.addHomeBlock({
            id: 'chi-trong-bo-cuc',
            order: 2,
            layoutOnly: true,
            label: { vi: 'Lời chào', en: 'Greeting' },
            settingsSchema: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } },
            render: ({ settings }) => html`<p>Xin chào ${String(settings?.name ?? '')}</p>`,
          });
          point.addHomeBlock({
            id: 'dich-vu-cong',
            order: 1,
            render: ({ tenant, lang }) =>
              tenant.slug === A ? html`<h2>${lang === 'en' ? 'Online public services' : 'Dịch vụ công trực tuyến'}</h2><p>${'<b>không phải thẻ</b>'}</p>` : null,
          });
        }),
    }),
  };
  const home = async (unit: string, path = '/') => (await fetch(new URL(`/t/${unit}${path}`, t.url))).text();

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal, contributor], database: dialect, config: { demo: true } });
  });
  afterAll(async () => t?.stop());

  it('applies a contributor\'s tokens and home-page blocks to the units it chooses, escaping the text it interpolates', async () => {
    const a = await home(A);
    expect(a).toContain('--portal-primary:#0b5394');
    expect(a).toContain('<img src="https://cdn.example.vn/logo.svg" alt="Biểu trưng Sở Tài chính"');
    expect(a).toContain('<section class="block" data-block="dich-vu-cong"><h2>Dịch vụ công trực tuyến</h2><p>&lt;b&gt;không phải thẻ&lt;/b&gt;</p></section>');
    expect(await home(A, '/en')).toContain('<h2>Online public services</h2>');
    const b = await home(B);
    expect(b).not.toContain('#0b5394');
    expect(b).not.toContain('data-block="dich-vu-cong"');
  });

  it('shows new tokens at once when the contributor says they changed', async () => {
    expect(await home(A)).toContain('--portal-primary:#0b5394'); // cached now
    colours.set(A, '#274e13');
    expect(await home(A)).toContain('--portal-primary:#0b5394'); // the cache does not know yet
    theme!.tokensChanged(ids.get(A)!);
    expect(await home(A)).toContain('--portal-primary:#274e13');
  });

  it('renders a unit\'s home layout instead of the default page, and previews a layout outside the cache', async () => {
    expect(await home(B)).not.toContain('chi-trong-bo-cuc'); // layout-only blocks stay off the default page
    expect(theme!.blocks.map((b) => b.id)).toEqual(['dich-vu-cong', 'chi-trong-bo-cuc']);
    layouts.set(B, [{ block: 'chi-trong-bo-cuc', settings: { name: '<Sở Y tế>' } }, { block: BUILTIN_HOME_BLOCKS.legalDocuments, settings: { count: 2 } }, { block: 'khong-co' }]);
    theme!.tokensChanged(ids.get(B)!);
    const b = await home(B);
    expect(b).toContain('<section class="block" data-block="chi-trong-bo-cuc"><p>Xin chào &lt;Sở Y tế&gt;</p></section>');
    expect(b).toContain('data-block="portal.legal-documents"');
    expect(b).not.toContain('id="tin-moi"');
    previewLayouts.set(B, [{ block: BUILTIN_HOME_BLOCKS.latestNews, settings: { count: 1 } }]);
    const preview = await fetch(new URL(`/t/${B}/?${PREVIEW_PARAM}=xem-thu`, t.url));
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    expect(await preview.text()).toContain('data-block="portal.latest-news"');
    const guessed = await fetch(new URL(`/t/${B}/?${PREVIEW_PARAM}=doan-mo`, t.url));
    expect(guessed.headers.get('cache-control')).not.toContain('private');
    expect(await guessed.text()).toContain('chi-trong-bo-cuc');
    layouts.delete(B);
    theme!.tokensChanged(ids.get(B)!);
    expect(await home(B)).toContain('id="tin-moi"');
  });

});
