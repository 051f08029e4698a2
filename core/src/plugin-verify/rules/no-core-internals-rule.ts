import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { findingsOf, type Finding } from '../finding.js';
import { lineAt, type PluginPackage } from '../plugin-package.js';

const finding = findingsOf('no-core-internals');

/** `from '…'`, `import '…'`, `import('…')`, `require('…')`: the specifier is the first group. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

/**
 * A plugin talks to the platform through `@cong/sdk` only, and to other plugins through their `api`
 * entry only (`@cong/plugin-portal/api`): the core's internals and another plugin's modules change
 * without notice, so importing them breaks the plugin at the next release of either.
 */
export function checkNoCoreInternals(plugin: PluginPackage): Finding[] {
  const findings: Finding[] = [];
  const isPlugin = pluginPackages(plugin.dir);
  for (const source of plugin.sources) {
    for (const match of source.text.matchAll(IMPORT)) {
      const specifier = match[2]!;
      const line = lineAt(source.text, match.index + match[0].indexOf(specifier));
      const problem = specifierProblem(plugin, source.file, specifier, isPlugin);
      if (problem) findings.push(finding('error', source.file, line, problem.message, problem.fix));
    }
  }
  return findings;
}

type Problem = { readonly message: { vi: string; en: string }; readonly fix: { vi: string; en: string } };

function specifierProblem(plugin: PluginPackage, file: string, specifier: string, isPlugin: (name: string) => PluginExports | undefined): Problem | undefined {
  if (specifier.startsWith('.')) {
    const target = resolve(plugin.dir, dirname(file), specifier);
    const outside = relative(plugin.dir, target).startsWith('..');
    return outside
      ? {
          message: { vi: `Import "${specifier}" đi ra ngoài gói plugin`, en: `Import "${specifier}" reaches outside the plugin package` },
          fix: { vi: 'Import gói khác theo tên (@cong/sdk, @cong/plugin-x/api), không theo đường dẫn tương đối', en: 'Import other packages by name (@cong/sdk, @cong/plugin-x/api), not by relative path' },
        }
      : undefined;
  }
  if (specifier.startsWith('/') || isBuiltin(specifier)) return undefined;
  const [name, subpath] = splitSpecifier(specifier);
  if (name === '@cong/core') {
    return {
      message: { vi: `Import "${specifier}": plugin không được dùng phần bên trong của lõi`, en: `Import "${specifier}": plugins may not use the core's internals` },
      fix: { vi: 'Dùng API tương ứng của @cong/sdk (coreServices, definePlugin…); thiếu API thì đề nghị thêm vào sdk', en: 'Use the matching @cong/sdk API (coreServices, definePlugin…); if none exists, ask for one in the sdk' },
    };
  }
  if (name === '@cong/sdk' || name === plugin.pkg.name) return undefined;
  const other = isPlugin(name);
  if (!other) return undefined;
  if (subpath !== '/api') {
    return {
      message: { vi: `Import "${specifier}": chỉ được dùng plugin khác qua lối "${name}/api"`, en: `Import "${specifier}": another plugin may be used through "${name}/api" only` },
      fix: { vi: `Import từ "${name}/api" (và khai báo plugin đó trong cong.requires hoặc cong.optional)`, en: `Import from "${name}/api" (and list that plugin in cong.requires or cong.optional)` },
    };
  }
  if (other.hasApi === false) {
    return {
      message: { vi: `Import "${specifier}": gói ${name} không khai báo lối "./api" trong exports`, en: `Import "${specifier}": ${name} declares no "./api" entry in its exports` },
      fix: { vi: `Chỉ dùng những gì ${name} công bố qua "./api"; nếu cần, đề nghị tác giả thêm vào`, en: `Use only what ${name} publishes through "./api"; ask its authors to add what you need` },
    };
  }
  return undefined;
}

interface PluginExports {
  /** Whether its exports map has `./api`; undefined when its package.json cannot be read. */
  readonly hasApi: boolean | undefined;
}

/** Whether a package name is a plugin, resolved from the package directory (cached per name). */
function pluginPackages(dir: string): (name: string) => PluginExports | undefined {
  const require = createRequire(join(dir, 'package.json'));
  const cache = new Map<string, PluginExports | undefined>();
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const pkg = readInstalledPackage(require, name);
    const answer: PluginExports | undefined = pkg
      ? pkg.cong !== undefined
        ? { hasApi: typeof pkg.exports === 'object' && pkg.exports !== null && './api' in pkg.exports }
        : undefined
      : name.startsWith('@cong/plugin-')
        ? { hasApi: undefined }
        : undefined;
    cache.set(name, answer);
    return answer;
  };
}

function readInstalledPackage(require: NodeJS.Require, name: string): { cong?: unknown; exports?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { cong?: unknown; exports?: unknown };
  } catch {
    // Exports maps that hide package.json: walk up from the entry.
    try {
      let at = dirname(require.resolve(name));
      while (at !== dirname(at)) {
        const candidate = join(at, 'package.json');
        if (existsSync(candidate)) {
          const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; cong?: unknown; exports?: unknown };
          if (pkg.name === name) return pkg;
        }
        at = dirname(at);
      }
    } catch {
      /* not installed */
    }
    return undefined;
  }
}

/** `@scope/name/sub/path` → [`@scope/name`, `/sub/path`]; `name/x` → [`name`, `/x`]. */
function splitSpecifier(specifier: string): [string, string] {
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(length).join('/');
  return [parts.slice(0, length).join('/'), rest ? `/${rest}` : ''];
}
