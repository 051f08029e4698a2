import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isCongPlugin, validateManifest, type JsonSchema, type PluginManifest } from '@cong/sdk';
import { CONG_ERR_PLUGIN_ENTRY_INVALID, CONG_ERR_PLUGIN_MANIFEST_INVALID, CONG_ERR_PLUGIN_NOT_FOUND } from '../errors.js';
import type { LoadedPlugin, PluginSource } from './loaded-plugin.js';

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly main?: string;
  readonly exports?: unknown;
  readonly cong?: unknown;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/**
 * Loads plugins: finds each package (Node's resolution from `baseDir`, or a directory path), validates
 * its manifest, then imports its entry and checks that the default export came from `definePlugin`.
 */
export async function loadPlugins(sources: readonly PluginSource[], baseDir: string): Promise<LoadedPlugin[]> {
  return Promise.all(sources.map((source) => loadPlugin(source, baseDir)));
}

/**
 * The plugin sources of a project without a `plugins` list: each dependency of `<baseDir>/package.json`
 * whose package.json carries a `cong` manifest, in name order.
 */
export function discoverPluginSources(baseDir: string): string[] {
  const file = join(baseDir, 'package.json');
  if (!existsSync(file)) return [];
  const pkg = readJson(file);
  const names = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.devDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ]);
  const require = createRequire(file);
  return [...names].sort().filter((name) => {
    const found = findPackageJson(require, name);
    return found !== undefined && readJson(found).cong !== undefined;
  });
}

async function loadPlugin(source: PluginSource, baseDir: string): Promise<LoadedPlugin> {
  if (typeof source !== 'string') {
    const manifest = checkManifest(source.manifest, source.packageName ?? '(inline plugin)');
    if (!isCongPlugin(source.plugin)) throw CONG_ERR_PLUGIN_ENTRY_INVALID.create({ plugin: manifest.id });
    return {
      id: manifest.id,
      manifest,
      plugin: source.plugin,
      version: source.version ?? '0.0.0',
      packageName: source.packageName ?? manifest.id,
      ...(source.configSchema ? { configSchema: source.configSchema } : {}),
    };
  }

  const isPath = source.startsWith('.') || isAbsolute(source);
  let packageFile: string | undefined;
  if (isPath) {
    packageFile = join(resolve(baseDir, source), 'package.json');
    if (!existsSync(packageFile)) throw CONG_ERR_PLUGIN_NOT_FOUND.create({ source, reason: `${packageFile} does not exist` });
  } else {
    packageFile = findPackageJson(createRequire(join(baseDir, 'package.json')), source);
    if (!packageFile) throw CONG_ERR_PLUGIN_NOT_FOUND.create({ source, reason: `package not installed (resolved from ${baseDir})` });
  }
  const root = dirname(packageFile);
  const pkg = readJson(packageFile);
  const packageName = pkg.name ?? source;
  if (pkg.cong === undefined) {
    throw CONG_ERR_PLUGIN_MANIFEST_INVALID.create({ plugin: packageName, reason: 'package.json has no "cong" field' });
  }
  const manifest = checkManifest(pkg.cong, packageName);
  const entry = entryFile(root, pkg);
  if (!entry) throw CONG_ERR_PLUGIN_NOT_FOUND.create({ source, reason: 'package.json names no entry ("exports" "." or "main")' });

  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (cause) {
    throw CONG_ERR_PLUGIN_NOT_FOUND.create({ source, reason: `importing ${entry} failed: ${(cause as Error).message}` }, { cause });
  }
  if (!isCongPlugin(module.default)) throw CONG_ERR_PLUGIN_ENTRY_INVALID.create({ plugin: manifest.id });

  return {
    id: manifest.id,
    manifest,
    plugin: module.default,
    version: pkg.version ?? '0.0.0',
    packageName,
    root,
    ...(manifest.config ? { configSchema: readConfigSchema(root, manifest) } : {}),
  };
}

function checkManifest(value: unknown, packageName: string): PluginManifest {
  const result = validateManifest(value);
  if (!result.valid) {
    const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : packageName;
    const reason = result.errors.map((e) => `cong${e.pointer.replace(/\//g, '.')} ${e.message}`).join('; ');
    throw CONG_ERR_PLUGIN_MANIFEST_INVALID.create({ plugin: id, reason }, { errors: result.errors });
  }
  return result.manifest;
}

function readConfigSchema(root: string, manifest: PluginManifest): JsonSchema {
  const file = resolve(root, manifest.config!);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
  } catch (cause) {
    throw CONG_ERR_PLUGIN_MANIFEST_INVALID.create({ plugin: manifest.id, reason: `cong.config: cannot read ${file}` }, { cause });
  }
}

function findPackageJson(require: NodeJS.Require, name: string): string | undefined {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    // Packages whose exports map hides package.json: walk up from the entry.
    try {
      let dir = dirname(require.resolve(name));
      while (dir !== dirname(dir)) {
        const candidate = join(dir, 'package.json');
        if (existsSync(candidate) && readJson(candidate).name === name) return candidate;
        dir = dirname(dir);
      }
    } catch {
      /* not installed */
    }
    return undefined;
  }
}

function entryFile(root: string, pkg: PackageJson): string | undefined {
  const dot = typeof pkg.exports === 'string' ? pkg.exports : (pkg.exports as Record<string, unknown> | undefined)?.['.'];
  const target = typeof dot === 'string' ? dot : pickCondition(dot) ?? pkg.main;
  return target ? resolve(root, target) : undefined;
}

function pickCondition(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const map = value as Record<string, unknown>;
  for (const key of ['import', 'node', 'default']) {
    const picked = pickCondition(map[key]);
    if (picked) return picked;
  }
  return undefined;
}

function readJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}
