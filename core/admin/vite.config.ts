import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { SHARED_ADMIN_MODULES } from '@cong/sdk/vite';
import { importMapPlugin, sharedEntryName } from './build/import-map-plugin.js';

// The admin shell: one HTML entry plus one entry per shared module of the import map, so `lit` and
// `@cong/sdk/admin` exist once and the shell's own code shares their chunks with plugin bundles.
const root = fileURLToPath(new URL('.', import.meta.url));
const shared = Object.fromEntries(SHARED_ADMIN_MODULES.map((specifier) => [sharedEntryName(specifier), specifier]));

export default defineConfig({
  root,
  base: '/admin/',
  publicDir: false,
  plugins: [importMapPlugin(shared)],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin/', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: fileURLToPath(new URL('index.html', import.meta.url)), ...shared },
      // The shared entries must keep every export: plugins import them through the import map.
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
