import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

interface PackageJson {
  readonly name?: string;
  readonly cong?: { readonly id?: unknown };
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/**
 * The plugin ids already in use around a new plugin, each with who uses it: the packages of a Cổng
 * checkout (`plugins/*`, `examples/*`), the plugins a project depends on (its package.json, as
 * `cong start` discovers them) and those its `cong.config.json` lists.
 */
export function pluginIdsInUse(roots: readonly string[]): Map<string, string> {
  const inUse = new Map<string, string>();
  const note = (pkg: PackageJson | undefined, where: string) => {
    const id = pkg?.cong?.id;
    if (typeof id === 'string' && !inUse.has(id)) inUse.set(id, pkg?.name ? `${pkg.name} (${where})` : where);
  };
  for (const root of new Set(roots.map((r) => resolve(r)))) {
    for (const folder of ['plugins', 'examples']) {
      const parent = join(root, folder);
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) note(readPackage(join(parent, entry.name, 'package.json')), `${folder}/${entry.name}`);
      }
    }
    const project = readPackage(join(root, 'package.json'));
    for (const name of Object.keys({ ...project?.dependencies, ...project?.devDependencies, ...project?.optionalDependencies })) {
      note(readPackage(join(root, 'node_modules', name, 'package.json')), `${join(root, 'package.json')}`);
    }
    const config = readJson<{ plugins?: unknown }>(join(root, 'cong.config.json'));
    for (const source of Array.isArray(config?.plugins) ? config.plugins : []) {
      if (typeof source !== 'string') continue;
      const isPath = source.startsWith('.') || isAbsolute(source);
      const file = isPath ? join(resolve(root, source), 'package.json') : join(root, 'node_modules', source, 'package.json');
      note(readPackage(file), join(root, 'cong.config.json'));
    }
  }
  return inUse;
}

function readPackage(file: string): PackageJson | undefined {
  return readJson<PackageJson>(file);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
