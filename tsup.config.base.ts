import type { Options } from 'tsup';

/** Server packages: ESM, declarations, source maps, Node 20. Packages spread this and add entries. */
export const nodeConfig = {
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  // composite (for the solution tsconfig) breaks tsup's declaration build; turn it off there.
  dts: { compilerOptions: { composite: false, declarationMap: false } },
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: false,
  outDir: 'dist',
} satisfies Options;
