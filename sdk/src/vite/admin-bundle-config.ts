import type { UserConfig } from 'vite';
import { elementsManifestPlugin, missing } from './elements-manifest.js';
import { SHARED_ADMIN_MODULES } from './shared-admin-modules.js';

/** Options of {@link adminBundleConfig}. */
export interface AdminBundleOptions {
  /** The admin entry, e.g. `src/admin/index.ts`: it defines the plugin's elements. */
  readonly entry: string;
  /** Default is `dist/admin`; the manifest's `admin.module` points at `<outDir>/index.js`. */
  readonly outDir?: string;
}

/**
 * The vite build of a plugin's admin bundle: one ESM entry (`index.js`) plus content-hashed chunks,
 * with `lit` and `@cong/sdk/admin` left to the admin shell's import map so every plugin shares one
 * copy. Writes `elements.json` (the tags the bundle defines) beside the entry, and fails the build
 * when the package's manifest (`cong.admin.nav[].element`, `cong.admin.slots[].element`) names an
 * element the bundle does not define.
 *
 * @example
 * ```ts
 * // vite.admin.config.ts
 * import { defineConfig } from 'vite';
 * import { adminBundleConfig } from '@cong/sdk/vite';
 * export default defineConfig(adminBundleConfig({ entry: 'src/admin/index.ts' }));
 * ```
 */
export function adminBundleConfig(options: AdminBundleOptions): UserConfig {
  return {
    build: {
      lib: { entry: options.entry, formats: ['es'], fileName: () => 'index.js' },
      outDir: options.outDir ?? 'dist/admin',
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      rolldownOptions: {
        external: [...SHARED_ADMIN_MODULES],
        // Hex hashes: the core caches names ending in a hash for a year (`index-3fa9c2d1.js`).
        // Browsers load these files as they are: minify whitespace too (vite's library mode does not for ES).
        output: { chunkFileNames: '[name]-[hash].js', hashCharacters: 'hex', minify: true },
      },
    },
    plugins: [
      elementsManifestPlugin({
        name: 'cong-admin-elements',
        module: 'index.js',
        check: (cong, defined) => [
          ...missing((cong.admin?.nav ?? []).map((n) => n.element), defined, 'cong.admin.nav'),
          ...missing((cong.admin?.slots ?? []).map((s) => s.element), defined, 'cong.admin.slots'),
        ],
      }),
    ],
  };
}
