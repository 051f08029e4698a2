import { gzipSync } from 'node:zlib';
import type { Plugin, UserConfig } from 'vite';
import { elementsManifestPlugin, missing } from './elements-manifest.js';
import { WIDGET_RUNTIME_BASE, WIDGET_RUNTIME_MODULES, widgetRuntimeFile } from './widget-runtime.js';

/** The budget of a plugin's widget bundle: entry plus its own chunks, gzipped, without the shared Lit. */
export const WIDGET_BUDGET_BYTES = 25 * 1024;

/** Options of {@link widgetBundleConfig}. */
export interface WidgetBundleOptions {
  /** The widgets entry, e.g. `src/widgets/index.ts`: it defines the plugin's `cong-<id>-…` elements. */
  readonly entry: string;
  /** The plugin id: the entry is written as `<outDir>/<pluginId>.js` and served at `/widgets/<pluginId>.js`. */
  readonly pluginId: string;
  /** Default is `dist/widgets`; the manifest's `widgets.module` points at `<outDir>/<pluginId>.js`. */
  readonly outDir?: string;
  /** Default is {@link WIDGET_BUDGET_BYTES} (25 KB). Raise it only with a reason the review accepts. */
  readonly budgetBytes?: number;
}

/**
 * The vite build of a plugin's public widgets: pages of other sites load them with
 * `<script type="module" src="https://portal.example/widgets/<pluginId>.js">`.
 *
 * - ESM; the entry is `<outDir>/<pluginId>.js` (un-hashed: its URL is in other sites' pages), code-split
 *   chunks go to `<outDir>/<pluginId>/<name>-<hash>.js` (served at `/widgets/<pluginId>/…`, cached a year).
 * - Lit is not bundled: `lit` and its entry points are rewritten to the shared modules the core serves
 *   at `/widgets/_lit/` (`import { html } from './_lit/lit3.js'` in the entry, `'../_lit/lit3.js'` in a
 *   chunk). The paths are relative to the widget's own URL, so the browser loads Lit from the server
 *   and unit path the widget came from (`https://portal/t/<unit>/widgets/hello.js` →
 *   `https://portal/t/<unit>/widgets/_lit/lit3.js`), whatever the embedding page's origin, and an
 *   alias host's redirect never sits between a cross-origin page and Lit.
 * - No `@cong/sdk` (neither the admin shell's `@cong/sdk/admin` nor the Node entry): the build fails.
 * - Fails when the entry and its chunks, each gzipped, add up to more than the budget (25 KB), and when
 *   `cong.widgets.elements` in package.json names a tag the bundle does not define or that does not
 *   start with `cong-<pluginId>-`.
 * - Writes `<outDir>/elements.json` (tags defined, gzipped sizes). It is not served.
 *
 * @example
 * ```ts
 * // vite.widgets.config.ts
 * import { defineConfig } from 'vite';
 * import { widgetBundleConfig } from '@cong/sdk/vite';
 * export default defineConfig(widgetBundleConfig({ entry: 'src/widgets/index.ts', pluginId: 'hello' }));
 * ```
 */
export function widgetBundleConfig(options: WidgetBundleOptions): UserConfig {
  const { pluginId } = options;
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(pluginId)) throw new TypeError(`widgetBundleConfig: "${pluginId}" is not a plugin id (^[a-z][a-z0-9-]{1,30}$)`);
  const budget = options.budgetBytes ?? WIDGET_BUDGET_BYTES;
  const runtime = new Map<string, string>(WIDGET_RUNTIME_MODULES.map((specifier) => [specifier, `${WIDGET_RUNTIME_BASE}${widgetRuntimeFile(specifier)}`]));
  const sizes: Record<string, number> = {};

  const noAdmin: Plugin = {
    name: 'cong-widgets-no-sdk',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@cong/sdk' || source.startsWith('@cong/sdk/')) {
        this.error(`${importer ?? 'the widget entry'} imports ${source}: public widgets run on other sites without the admin shell or the server, so they cannot use @cong/sdk. Use lit and fetch.`);
      }
      if (source.startsWith('lit/') && !runtime.has(source) && !source.startsWith('lit/development/')) {
        this.error(`${importer ?? 'the widget entry'} imports ${source}, which is not one of the shared Lit entry points (${[...runtime.keys()].join(', ')})`);
      }
      return null;
    },
  };

  // `paths` writes `/widgets/_lit/<file>`; each chunk gets it relative to where it is served from.
  const relativeRuntime: Plugin = {
    name: 'cong-widgets-relative-runtime',
    renderChunk(code, chunk) {
      const depth = chunk.fileName.split('/').length - 1;
      const prefix = depth === 0 ? './_lit/' : `${'../'.repeat(depth)}_lit/`;
      return { code: code.replace(/(["'`])\/widgets\/_lit\//g, `$1${prefix}`), map: null };
    },
  };

  const budgetCheck: Plugin = {
    name: 'cong-widgets-budget',
    apply: 'build',
    generateBundle(_output, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') sizes[file.fileName] = gzipSync(file.code, { level: 9 }).length;
      }
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      if (total > budget) {
        const parts = Object.entries(sizes)
          .sort((a, b) => b[1] - a[1])
          .map(([name, bytes]) => `${name} ${kb(bytes)}`)
          .join(', ');
        this.error(
          `The widget bundle of "${pluginId}" is ${kb(total)} gzipped (${parts}), over its budget of ${kb(budget)}. ` +
            'Lit is already excluded (it comes from /widgets/_lit/). Drop dependencies, or load rarely used parts with import() so they become chunks fetched on demand.',
        );
      }
    },
  };

  return {
    build: {
      lib: { entry: options.entry, formats: ['es'], fileName: () => `${pluginId}.js` },
      outDir: options.outDir ?? 'dist/widgets',
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      rolldownOptions: {
        external: [...runtime.keys()],
        output: {
          chunkFileNames: `${pluginId}/[name]-[hash].js`,
          hashCharacters: 'hex',
          paths: (id) => runtime.get(id) ?? id,
          // Browsers load this file as it is (no bundler after us): minify whitespace too, which vite's
          // library mode leaves alone for ES output.
          minify: true,
        },
      },
    },
    plugins: [
      noAdmin,
      relativeRuntime,
      budgetCheck,
      elementsManifestPlugin({
        name: 'cong-widget-elements',
        module: `${pluginId}.js`,
        pluginId,
        check: (cong, defined) => {
          const named = cong.widgets?.elements ?? [];
          return [
            ...(cong.id !== undefined && cong.id !== pluginId ? [`pluginId "${pluginId}" differs from the manifest's id "${cong.id}"`] : []),
            ...missing(named, defined, 'cong.widgets.elements'),
            ...[...defined].filter((tag) => !tag.startsWith(`cong-${pluginId}-`)).map((tag) => `<${tag}> must start with "cong-${pluginId}-"`),
          ];
        },
        extra: () => ({ gzipBytes: { ...sizes } }),
      }),
    ],
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
