import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { build, mergeConfig, type UserConfig } from 'vite';
import { adminBundleConfig } from './admin-bundle-config.js';
import { definedTags } from './elements-manifest.js';
import { widgetBundleConfig, WIDGET_BUDGET_BYTES } from './widget-bundle-config.js';
import { WIDGET_RUNTIME_MODULES, widgetRuntimeFile } from './widget-runtime.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A throwaway plugin package: `files` relative to its root, `cong` its manifest. */
function project(files: Record<string, string>, cong?: unknown): string {
  const root = mkdtempSync(join(tmpdir(), 'cong-vite-'));
  dirs.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', type: 'module', ...(cong ? { cong } : {}) }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const run = (root: string, config: UserConfig) => build(mergeConfig(config, { root, logLevel: 'silent', configFile: false }));
const list = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

describe('widgetBundleConfig', () => {
  const widget = `
    import { LitElement, html } from 'lit';
    import { repeat } from 'lit/directives/repeat.js';
    class Latest extends LitElement { render() { return html\`<ul>\${repeat([1], (i) => html\`<li>\${i}</li>\`)}</ul>\`; } }
    customElements.define('cong-demo-latest', Latest);
    export const more = () => import('./more.js');
  `;
  const more = "import { html } from 'lit'; export const answer = () => html`<b>42</b>`;";

  it('writes <id>.js with hashed chunks under <id>/, Lit rewritten to the shared runtime, and elements.json', async () => {
    const root = project({ 'src/index.ts': widget, 'src/more.ts': more }, { id: 'demo', widgets: { module: './dist/widgets/demo.js', elements: ['cong-demo-latest'] } });
    await run(root, widgetBundleConfig({ entry: 'src/index.ts', pluginId: 'demo' }));
    const out = join(root, 'dist/widgets');
    const files = list(out);
    expect(files).toContain('demo.js');
    expect(files).toContain('elements.json');
    const chunk = files.find((f) => f.startsWith('demo/'));
    expect(chunk).toMatch(/^demo\/more-[0-9a-f]{8,}\.js$/);
    const entry = readFileSync(join(out, 'demo.js'), 'utf8');
    // Relative to the entry's URL (/widgets/demo.js or /t/<unit>/widgets/demo.js): /widgets/_lit/… on that server.
    expect(entry).toMatch(/from\s*["']\.\/_lit\/lit3\.js["']/);
    expect(entry).toMatch(/from\s*["']\.\/_lit\/lit3-directives-repeat\.js["']/);
    expect(readFileSync(join(out, chunk!), 'utf8')).toMatch(/from\s*["']\.\.\/_lit\/lit3\.js["']/);
    expect(entry).toContain(`./${chunk}`);
    expect(entry).not.toContain('ReactiveElement'); // Lit itself is not bundled
    const manifest = JSON.parse(readFileSync(join(out, 'elements.json'), 'utf8'));
    expect(manifest).toMatchObject({ plugin: 'demo', module: 'demo.js', elements: ['cong-demo-latest'] });
    expect(manifest.gzipBytes['demo.js']).toBeGreaterThan(0);
  });

  it('fails over the 25 KB budget, naming the sizes', async () => {
    // Random text does not compress: ~40 KB gzipped.
    const big = `export const blob = ${JSON.stringify(randomBytes(30_000).toString('base64'))};`;
    const root = project({ 'src/index.ts': `${widget}\nexport { blob } from './big.js';`, 'src/big.ts': big, 'src/more.ts': '' });
    await expect(run(root, widgetBundleConfig({ entry: 'src/index.ts', pluginId: 'demo' }))).rejects.toThrow(/widget bundle of "demo" is [\d.]+ KB gzipped \(demo\.js [\d.]+ KB.*\), over its budget of 25\.0 KB/);
    expect(WIDGET_BUDGET_BYTES).toBe(25 * 1024);
  });

  it('refuses @cong/sdk/admin, tags outside cong-<id>-, and manifest elements the bundle lacks', async () => {
    const admin = project({ 'src/index.ts': "import { CongElement } from '@cong/sdk/admin'; console.log(CongElement);" });
    await expect(run(admin, widgetBundleConfig({ entry: 'src/index.ts', pluginId: 'demo' }))).rejects.toThrow(/imports @cong\/sdk\/admin: public widgets run on other sites/);
    const prefix = project({ 'src/index.ts': "customElements.define('demo-latest', class extends HTMLElement {});" }, { id: 'demo' });
    await expect(run(prefix, widgetBundleConfig({ entry: 'src/index.ts', pluginId: 'demo' }))).rejects.toThrow(/<demo-latest> must start with "cong-demo-"/);
    const lacking = project({ 'src/index.ts': "customElements.define('cong-demo-a', class extends HTMLElement {});" }, { id: 'demo', widgets: { module: './dist/widgets/demo.js', elements: ['cong-demo-a', 'cong-demo-b'] } });
    await expect(run(lacking, widgetBundleConfig({ entry: 'src/index.ts', pluginId: 'demo' }))).rejects.toThrow(/<cong-demo-b> is named in cong.widgets.elements but the bundle does not define it/);
    expect(() => widgetBundleConfig({ entry: 'x.ts', pluginId: '_lit' })).toThrow(/not a plugin id/);
  });

  it('names one runtime file per shared Lit entry point, without @cong/sdk/admin', () => {
    expect(WIDGET_RUNTIME_MODULES).not.toContain('@cong/sdk/admin');
    expect(WIDGET_RUNTIME_MODULES).toContain('lit/decorators.js');
    expect(widgetRuntimeFile('lit')).toBe('lit3.js');
    expect(widgetRuntimeFile('lit/directives/class-map.js')).toBe('lit3-directives-class-map.js');
    expect(new Set(WIDGET_RUNTIME_MODULES.map(widgetRuntimeFile)).size).toBe(WIDGET_RUNTIME_MODULES.length);
    expect(() => widgetRuntimeFile('@cong/sdk/admin')).toThrow();
  });
});

describe('adminBundleConfig', () => {
  it('keeps lit and @cong/sdk/admin external, hashes chunks, lists the elements, checks the manifest', async () => {
    const source = `
      import { html } from 'lit';
      import { CongElement } from '@cong/sdk/admin';
      class Page extends CongElement { render() { return html\`<p>hi</p>\`; } }
      Page.define('demo-page', 'demo');
      customElements.define('demo-card', class extends HTMLElement {});
      export const later = () => import('./later.js');
    `;
    const root = project({ 'src/admin.ts': source, 'src/later.ts': 'export const x = 1;' }, { id: 'demo', admin: { module: './dist/admin/index.js', nav: [{ element: 'demo-page' }], slots: [{ element: 'demo-card' }] } });
    await run(root, adminBundleConfig({ entry: 'src/admin.ts' }));
    const out = join(root, 'dist/admin');
    const entry = readFileSync(join(out, 'index.js'), 'utf8');
    expect(entry).toMatch(/from\s*["']lit["']/);
    expect(entry).toMatch(/from\s*["']@cong\/sdk\/admin["']/);
    expect(list(out).some((f) => /^later-[0-9a-f]{8,}\.js$/.test(f))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'elements.json'), 'utf8'))).toEqual({ plugin: 'demo', module: 'index.js', elements: ['demo-card', 'demo-page'] });

    const wrong = project({ 'src/admin.ts': source, 'src/later.ts': '' }, { id: 'demo', admin: { module: './dist/admin/index.js', nav: [{ element: 'demo-list' }] } });
    await expect(run(wrong, adminBundleConfig({ entry: 'src/admin.ts' }))).rejects.toThrow(/<demo-list> is named in cong.admin.nav but the bundle does not define it/);
  });

  it('finds literal tags in define calls', () => {
    expect(definedTags("X.define('hello-greeting-list', 'hello'); customElements.define(\"cong-hello-greetings\", Y); @customElement('a-b')")).toEqual([
      'hello-greeting-list',
      'cong-hello-greetings',
      'a-b',
    ]);
    expect(definedTags("define('nohyphen')")).toEqual([]);
  });
});
