import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SDK_VERSION } from './dependency-versions.js';
import { detectTarget, findCongCheckout, type PluginTarget } from './detect-target.js';
import { SCAFFOLD_ERR_ID_REQUIRED, SCAFFOLD_ERR_ID_TAKEN, SCAFFOLD_ERR_OPTION_INVALID, SCAFFOLD_ERR_TARGET_EXISTS } from './errors.js';
import { nextSteps } from './next-steps.js';
import { completePackageJson } from './plugin-package-json.js';
import { assertPluginId } from './plugin-id.js';
import { pluginIdsInUse } from './plugin-ids-in-use.js';
import { renderPath, renderTemplate, type TemplateValues } from './render-template.js';

/** Options of {@link createPlugin}: everything but `id` has a default. */
export interface CreatePluginOptions {
  /** The plugin id (`^[a-z][a-z0-9-]{1,30}$`): prefixes its tables, routes, permissions and tags. */
  readonly id?: string | undefined;
  /** The new package's folder. Default is `plugins/<id>` inside a Cổng checkout, else `./<id>`. */
  readonly dir?: string | undefined;
  /** Display name in Vietnamese. Default is the id in title case. */
  readonly nameVi?: string | undefined;
  /** Display name in English. Default is the id in title case. */
  readonly nameEn?: string | undefined;
  /** One line for package.json and the README. */
  readonly description?: string | undefined;
  /** Default is `@cong/plugin-<id>` inside a checkout, else `cong-plugin-<id>`. */
  readonly packageName?: string | undefined;
  /** Generate the admin page and dashboard widget. Default is true. */
  readonly admin?: boolean | undefined;
  /** Generate the public widget bundle. Default is true. */
  readonly widgets?: boolean | undefined;
  /** Outside a checkout: depend on this local Cổng checkout's sdk and core (`link:`) instead of published versions. */
  readonly link?: string | undefined;
  /**
   * Inside a checkout: list the package in the root package.json's devDependencies, which is how the
   * demo (`cong start` without a config file) finds its plugins. Default is true.
   */
  readonly addToWorkspace?: boolean | undefined;
  /** The folder relative paths start from. Default is `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** The migration's timestamp. Default is now. */
  readonly now?: Date | undefined;
}

/** What {@link createPlugin} made. */
export interface CreatedPlugin {
  readonly id: string;
  readonly packageName: string;
  /** The new package's folder (absolute). */
  readonly dir: string;
  readonly mode: PluginTarget['mode'];
  /** The files written in `dir`, relative to it, sorted. */
  readonly files: readonly string[];
  /** The changeset written (absolute path), if any. */
  readonly changeset: string | undefined;
  /** The root package.json the package was added to, if any. */
  readonly addedTo: string | undefined;
  /** What to run next, one command or sentence a line. */
  readonly nextSteps: readonly string[];
}

const TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

/** Template paths each feature owns: left out when the feature is off. */
const FEATURE_FILES = {
  admin: ['src/admin/', 'vite.admin.config.ts.tmpl'],
  widgets: ['src/widgets/', 'vite.widgets.config.ts.tmpl', 'src/server/public-item-routes.ts.tmpl'],
} as const;

/**
 * Generates a complete plugin package: manifest, server entry with validated routes and an error
 * registry, a migration with `down`, an admin page and dashboard widget, a public widget bundle, an
 * integration test on SQLite (and MySQL when configured), configs, a changeset and a README. Refuses
 * an invalid, reserved or taken id and a non-empty target folder before writing anything.
 *
 * @example
 * ```ts
 * const created = await createPlugin({ id: 'notices', nameVi: 'Thông báo', nameEn: 'Notices' });
 * console.log(created.nextSteps.join('\n'));
 * ```
 */
export async function createPlugin(options: CreatePluginOptions): Promise<CreatedPlugin> {
  const cwd = options.cwd ?? process.cwd();
  const id = options.id?.trim();
  if (!id) throw SCAFFOLD_ERR_ID_REQUIRED.create();
  assertPluginId(id);
  const target = detectTarget({ id, cwd, dir: options.dir, link: options.link });
  if (target.mode === 'workspace' && options.link !== undefined) {
    throw SCAFFOLD_ERR_OPTION_INVALID.create({ option: '--link', reasonVi: 'chỉ dùng ngoài một bản Cổng (trong đó gói được liên kết sẵn)', reasonEn: 'only applies outside a Cổng checkout (inside one, the workspace links the packages)' });
  }
  if (target.checkout && target.mode === 'standalone' && !existsSync(join(target.checkout, 'sdk', 'package.json'))) {
    throw SCAFFOLD_ERR_OPTION_INVALID.create({ option: '--link', reasonVi: `${target.checkout} không phải một bản Cổng`, reasonEn: `${target.checkout} is not a Cổng checkout` });
  }
  const roots = [cwd, target.dir, ...(target.mode === 'workspace' ? [target.checkout!] : []), findCongCheckout(cwd)].filter((r): r is string => r !== undefined);
  const owner = pluginIdsInUse(roots).get(id);
  if (owner) throw SCAFFOLD_ERR_ID_TAKEN.create({ id, owner });
  if (existsSync(target.dir) && readdirSync(target.dir).length > 0) throw SCAFFOLD_ERR_TARGET_EXISTS.create({ dir: relative(cwd, target.dir) || '.' });

  const title = id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const nameVi = text('--name-vi', options.nameVi, title, 100);
  const nameEn = text('--name-en', options.nameEn, title, 100);
  const description = text('--description', options.description, `Cổng plugin: ${nameEn}.`, 300);
  const packageName = options.packageName ?? (target.mode === 'workspace' ? `@cong/plugin-${id}` : `cong-plugin-${id}`);
  if (!/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(packageName) || packageName.length > 214) {
    throw SCAFFOLD_ERR_OPTION_INVALID.create({ option: '--package-name', reasonVi: `"${packageName}" không phải tên gói npm`, reasonEn: `"${packageName}" is not an npm package name` });
  }
  const features = { admin: options.admin ?? true, widgets: options.widgets ?? true };
  const values = templateValues({ id, nameVi, nameEn, description, packageName, now: options.now ?? new Date() });

  // Render everything first: nothing is written when a template fails.
  const files = new Map<string, string>();
  for (const template of listTemplates(join(TEMPLATES, 'plugin'))) {
    if (Object.entries(FEATURE_FILES).some(([feature, paths]) => !features[feature as keyof typeof features] && paths.some((p) => template.startsWith(p)))) continue;
    const rendered = renderTemplate(readFileSync(join(TEMPLATES, 'plugin', template), 'utf8'), values, features, template);
    const path = renderPath(template, values);
    files.set(path, path === 'package.json' ? completePackageJson(rendered, { target, nameVi, nameEn, description, ...features }) : rendered);
  }
  const changesetText = renderTemplate(readFileSync(join(TEMPLATES, 'changeset.md.tmpl'), 'utf8'), values, {}, 'changeset.md.tmpl');
  if (target.mode === 'standalone') {
    for (const template of listTemplates(join(TEMPLATES, 'standalone'))) {
      files.set(renderPath(template, values), renderTemplate(readFileSync(join(TEMPLATES, 'standalone', template), 'utf8'), values, features, template));
    }
    files.set('.changeset/initial-release.md', changesetText);
  }

  for (const [path, content] of files) {
    const file = join(target.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content, { flag: 'wx' });
  }
  let changeset: string | undefined;
  let addedTo: string | undefined;
  if (target.mode === 'workspace') {
    const checkout = target.checkout!;
    changeset = join(checkout, '.changeset', `plugin-${id}.md`);
    if (!existsSync(changeset)) {
      mkdirSync(dirname(changeset), { recursive: true });
      writeFileSync(changeset, changesetText);
    } else changeset = undefined;
    if (options.addToWorkspace !== false && addDevDependency(join(checkout, 'package.json'), packageName)) addedTo = join(checkout, 'package.json');
  } else changeset = join(target.dir, '.changeset', 'initial-release.md');

  const created = { id, packageName, dir: target.dir, mode: target.mode, files: [...files.keys()].sort(), changeset, addedTo };
  return { ...created, nextSteps: nextSteps({ ...created, cwd, checkout: target.checkout, ...features }) };
}

/** The values templates interpolate. */
function templateValues(input: { id: string; nameVi: string; nameEn: string; description: string; packageName: string; now: Date }): TemplateValues {
  const { id, now } = input;
  const tablePrefix = id.replace(/-/g, '_');
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}_${pad(now.getUTCMonth() + 1)}_${pad(now.getUTCDate())}_${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}`;
  return {
    id,
    packageName: input.packageName,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    // For TypeScript string literals: quoted and escaped.
    nameViJs: JSON.stringify(input.nameVi),
    nameEnJs: JSON.stringify(input.nameEn),
    description: input.description,
    pluginApi: `^${SDK_VERSION}`,
    // `PREFIX_ERR_NAME`: the core's code pattern has no separator before `_ERR_`.
    errorPrefix: id.replace(/-/g, '').toUpperCase(),
    tablePrefix,
    table: `${tablePrefix}_items`,
    migration: `${stamp}_create_${tablePrefix}_items`,
  };
}

/** A one-line text option: the given value (trimmed, NFC), else the default. */
function text(option: string, value: string | undefined, fallback: string, max: number): string {
  const result = (value ?? '').normalize('NFC').trim() || fallback;
  if (/[\r\n]/.test(result) || result.includes('\u0000') || result.length > max) {
    throw SCAFFOLD_ERR_OPTION_INVALID.create({ option, reasonVi: `một dòng, tối đa ${max} ký tự`, reasonEn: `one line of at most ${max} characters` });
  }
  return result;
}

/** Every template file under `dir`, relative, with `/` separators, sorted. */
function listTemplates(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listTemplates(dir, path) : entry.name.endsWith('.tmpl') ? [path.split(sep).join('/')] : [];
    });
}

/** Adds `"<name>": "workspace:*"` to a package.json's devDependencies (sorted); false when already there. */
function addDevDependency(file: string, name: string): boolean {
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text) as { devDependencies?: Record<string, string> };
  if (pkg.devDependencies?.[name] !== undefined) return false;
  // Keep the file's order; the new entry goes before the first name that sorts after it.
  const entries = Object.entries(pkg.devDependencies ?? {});
  const at = entries.findIndex(([key]) => key > name);
  entries.splice(at === -1 ? entries.length : at, 0, [name, 'workspace:*']);
  pkg.devDependencies = Object.fromEntries(entries);
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  return true;
}
