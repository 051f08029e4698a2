import type { Plugin } from 'vite';

/** The entry name of a shared specifier: `lit/directives/class-map.js` → `lit-directives-class-map`. */
export function sharedEntryName(specifier: string): string {
  return specifier.replace(/^@/, '').replace(/\.js$/, '').replace(/[^a-zA-Z0-9]+/g, '-');
}

/**
 * Writes `<script type="importmap">` at the top of `index.html` (before any module script or
 * modulepreload link), mapping each shared specifier to its hashed entry file, the same file names the
 * build manifest records. `entries` maps entry name → specifier. The core's CSP allows this one inline
 * script by its sha256 hash.
 */
export function importMapPlugin(entries: Readonly<Record<string, string>>): Plugin {
  let base = '/';
  return {
    name: 'cong-admin-import-map',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const imports: Record<string, string> = {};
        for (const output of Object.values(ctx.bundle ?? {})) {
          if (output.type !== 'chunk' || !output.isEntry) continue;
          const specifier = entries[output.name];
          if (specifier) imports[specifier] = `${base}${output.fileName}`;
        }
        const missing = Object.values(entries).filter((specifier) => !imports[specifier]);
        if (missing.length > 0) throw new Error(`Import map: no entry chunk for ${missing.join(', ')}`);
        const sorted = Object.fromEntries(Object.entries(imports).sort(([a], [b]) => a.localeCompare(b)));
        return [{ tag: 'script', attrs: { type: 'importmap' }, children: JSON.stringify({ imports: sorted }), injectTo: 'head-prepend' }];
      },
    },
  };
}
