import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { WIDGET_RUNTIME_LIT_MAJOR, WIDGET_RUNTIME_MAP_FILE, WIDGET_RUNTIME_MODULES, widgetRuntimeFile } from '@cong/sdk/vite';

// The shared Lit of public widgets, served at /widgets/_lit/<file> (core/src/http/plugin-assets.ts).
// One entry per Lit entry point, named by `widgetRuntimeFile` (`lit3.js`, `lit3-decorators.js`, …):
// plugins' widget bundles import exactly these paths (`widgetBundleConfig` in @cong/sdk/vite). The
// entries keep stable names and revalidate; the code they share is in content-hashed chunks
// (`chunk-<hex>.js`), cached for a year. `modules.json` maps each specifier to its file.
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(new URL('../package.json', import.meta.url));
const litVersion = (JSON.parse(readFileSync(join(dirname(require.resolve('lit')), 'package.json'), 'utf8')) as { version: string }).version;
if (Number(litVersion.split('.')[0]) !== WIDGET_RUNTIME_LIT_MAJOR) {
  throw new Error(`widgets-runtime: lit ${litVersion} is not major ${WIDGET_RUNTIME_LIT_MAJOR}, the major plugins' widget bundles are built against`);
}
const entries = Object.fromEntries(WIDGET_RUNTIME_MODULES.map((specifier) => [widgetRuntimeFile(specifier).replace(/\.js$/, ''), specifier]));

const runtimeMap: Plugin = {
  name: 'cong-widgets-runtime-map',
  generateBundle() {
    const modules = Object.fromEntries(WIDGET_RUNTIME_MODULES.map((specifier) => [specifier, widgetRuntimeFile(specifier)]));
    this.emitFile({ type: 'asset', fileName: WIDGET_RUNTIME_MAP_FILE, source: `${JSON.stringify({ lit: litVersion, modules }, null, 2)}\n` });
  },
};

export default defineConfig({
  root,
  publicDir: false,
  configFile: false,
  plugins: [runtimeMap],
  build: {
    outDir: fileURLToPath(new URL('../dist/widgets-runtime/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: entries,
      // Every export stays: widget bundles import them by name.
      preserveEntrySignatures: 'strict',
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js', hashCharacters: 'hex' },
    },
  },
});
