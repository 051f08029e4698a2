import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** What a bundle's `elements.json` says. */
export interface ElementsManifest {
  /** The plugin id (from the build options, or the package's `cong.id`). */
  readonly plugin: string | null;
  /** The ESM entry, relative to the output directory. */
  readonly module: string;
  /** Every custom element tag the bundle defines, sorted. */
  readonly elements: readonly string[];
  /** Gzipped size in bytes of each JavaScript file of the bundle (widgets only). */
  readonly gzipBytes?: Readonly<Record<string, number>>;
}

/** Which of the manifest's element lists to compare with what the bundle defines. */
export type ManifestCheck = (cong: CongField, defined: ReadonlySet<string>) => string[];

interface CongField {
  readonly id?: string;
  readonly admin?: { readonly nav?: readonly { readonly element?: string }[]; readonly slots?: readonly { readonly element?: string }[] };
  readonly widgets?: { readonly elements?: readonly string[] };
}

/**
 * Static `define` calls with a literal tag: `customElements.define('x-y', …)`, `Class.define('x-y', …)`
 * (CongElement) and `@customElement('x-y')`. A tag held in a variable is not seen; the manifest check
 * then names it as missing, which is the safe side.
 */
const DEFINE = /(?:\.define|customElement)\(\s*(['"`])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\1/g;

/** The tags a module's source defines. */
export function definedTags(code: string): string[] {
  return [...code.matchAll(DEFINE)].map((m) => m[2]!);
}

/**
 * A vite plugin that collects the custom element tags the bundle defines, writes `elements.json`
 * beside the entry, and fails the build when the package's `cong` manifest names an element the bundle
 * does not define (`check`). `extra` adds fields to the written manifest (sizes).
 */
export function elementsManifestPlugin(options: {
  readonly name: string;
  readonly module: string;
  readonly pluginId?: string;
  readonly check: ManifestCheck;
  readonly extra?: () => Partial<ElementsManifest>;
}): Plugin {
  const byModule = new Map<string, string[]>();
  let root = process.cwd();
  return {
    name: options.name,
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transform(code, id) {
      if (id.startsWith('\0') || !/\.[cm]?[jt]sx?(?:\?|$)/.test(id)) return null;
      const tags = definedTags(code);
      if (tags.length > 0) byModule.set(id, tags);
      else byModule.delete(id);
      return null;
    },
    generateBundle(_output, bundle) {
      const included = new Set<string>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') for (const id of file.moduleIds) included.add(id);
      const defined = new Set([...byModule].filter(([id]) => included.has(id)).flatMap(([, tags]) => tags));
      const cong = readCong(root);
      const pluginId = options.pluginId ?? cong?.id ?? null;
      if (cong) {
        const problems = options.check(cong, defined);
        if (problems.length > 0) this.error(`${options.name}: ${problems.join('; ')} (package.json "cong" field of ${root})`);
      }
      const manifest: ElementsManifest = { plugin: pluginId, module: options.module, elements: [...defined].sort(), ...options.extra?.() };
      this.emitFile({ type: 'asset', fileName: 'elements.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

function readCong(root: string): CongField | undefined {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { cong?: CongField }).cong;
  } catch {
    return undefined;
  }
}

/** Tags named in `list` that `defined` lacks, as messages. */
export function missing(list: readonly (string | undefined)[], defined: ReadonlySet<string>, where: string): string[] {
  return list.filter((tag): tag is string => typeof tag === 'string' && !defined.has(tag)).map((tag) => `<${tag}> is named in ${where} but the bundle does not define it`);
}
