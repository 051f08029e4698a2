import type { Options } from 'tsup';

/** Server packages: ESM, declarations, source maps, Node 20. Packages spread this and add entries. */
export const nodeConfig = {
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: false,
  outDir: 'dist',
} satisfies Options;
