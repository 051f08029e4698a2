import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cell, code } from './markdown-text.js';
import { scanDeclarations } from './source-declarations.js';
import { workspacePackages } from './workspace-packages.js';

/**
 * The contract entry points of the workspace: the sdk (core events) and each plugin's `./api`
 * (its events, extension points and services), as built `.js` and `.d.ts` files.
 */
export function contractEntries(repoRoot) {
  const entries = [];
  for (const { dir, manifest } of workspacePackages(repoRoot)) {
    const subpath = dir === 'sdk' ? '.' : './api';
    const target = manifest.exports?.[subpath];
    if (!target || dir === 'core') continue;
    const js = join(repoRoot, dir, typeof target === 'string' ? target : target.default);
    const dts = typeof target === 'object' && target.types ? join(repoRoot, dir, target.types) : undefined;
    if (existsSync(js)) entries.push({ packageName: manifest.name, importPath: subpath === '.' ? manifest.name : `${manifest.name}/api`, js, dts, pluginId: manifest.cong?.id });
  }
  return entries;
}

/** Finds the refs exported by the built contract entries, one level deep (`coreEvents.tenantMerged`). */
export async function collectContracts(repoRoot) {
  const events = [];
  const points = [];
  const services = [];
  for (const entry of contractEntries(repoRoot)) {
    const module = await import(pathToFileURL(entry.js).href);
    const visit = (value, exportPath) => {
      if (!value || typeof value !== 'object') return;
      const found = { ...entry, exportPath };
      if (value.$$type === '@cong/EventRef') events.push({ ...found, name: value.name, schema: value.schema });
      else if (value.$$type === '@cong/ExtensionPoint') points.push({ ...found, id: value.id, version: value.version });
      else if (value.$$type === '@cong/ServiceRef') services.push({ ...found, id: value.id, scope: value.scope });
      else if (!exportPath.includes('.') && Object.getPrototypeOf(value) === Object.prototype) {
        for (const [key, child] of Object.entries(value)) visit(child, `${exportPath}.${key}`);
      }
    };
    for (const [name, value] of Object.entries(module)) visit(value, name);
  }
  const byName = (a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id);
  return { events: events.sort(byName), points: points.sort(byName), services: services.sort(byName) };
}

function payloadOf(schema) {
  const properties = schema?.properties;
  if (!properties) return '';
  const required = new Set(schema.required ?? []);
  return Object.entries(properties)
    .map(([key, value]) => `${code(`${key}${required.has(key) ? '' : '?'}: ${Array.isArray(value.type) ? value.type.join('|') : (value.type ?? 'any')}`)}`)
    .join(', ');
}

export async function eventsReference(repoRoot, { docsOf }) {
  const { events, points, services } = await collectContracts(repoRoot);
  const declared = scanDeclarations(repoRoot);
  const internalEvents = declared.events.filter((d) => !events.some((e) => e.name === d.name));
  const internalPoints = declared.points.filter((d) => !points.some((p) => p.id === d.id));
  const describe = (item) => {
    const [head, member] = item.exportPath.split('.');
    const doc = docsOf(item.dts, head);
    return member ? (doc?.members.find((m) => m.name === member)?.doc ?? '') : (doc?.doc ?? '');
  };
  const lines = [
    '# Events and extension points (generated)',
    '',
    '*Sự kiện, điểm mở rộng và dịch vụ mà lõi và các plugin công bố, sinh từ các gói đã dựng.* ' +
      'Everything the core and the first-party plugins publish for other plugins, found in their built contract entries ' +
      `(${code('@cong/sdk')} and each plugin's ${code('./api')}). A plugin subscribes with ${code('reg.on(ref, handler)')}, contributes to an ` +
      `extension point of a plugin it ${code('requires')}, and consumes a service through its ref; see the [plugin authoring guide](../../guides/writing-a-plugin.md).`,
    '',
    '## Events',
    '',
    `Only the owner (the id before the dot) emits an event. ${events.length} events.`,
    '',
    '| event | import | payload (checked at emit when a schema is declared) | description |',
    '|---|---|---|---|',
    ...events.map((e) => `| ${code(e.name)} | ${code(e.exportPath)} from ${code(e.importPath)} | ${payloadOf(e.schema) || 'typed only'} | ${cell(describe(e))} |`),
    '',
    '## Extension points',
    '',
    'The owner provides the implementation in its `register`; contributors receive it in theirs. A contributor built for another version is refused.',
    '',
    '| extension point | version | import | description |',
    '|---|---|---|---|',
    ...points.map((p) => `| ${code(p.id)} | ${p.version} | ${code(p.exportPath)} from ${code(p.importPath)} | ${cell(describe(p))} |`),
    '',
    ...(internalEvents.length + internalPoints.length
      ? [
          '## Internal to their plugin',
          '',
          'Declared in the sources but not exported from a contract entry: only their own plugin uses them, and other plugins cannot subscribe or contribute.',
          '',
          '| name | kind | declared in |',
          '|---|---|---|',
          ...internalEvents.map((e) => `| ${code(e.name)} | event | ${code(e.file)} |`),
          ...internalPoints.map((p) => `| ${code(p.id)} | extension point | ${code(p.file)} |`),
          '',
        ]
      : []),
    '## Services',
    '',
    'Services a plugin provides (`reg.provide`) and others consume when they list the owner in `requires` or `optional`.',
    '',
    '| service | scope | import | description |',
    '|---|---|---|---|',
    ...services.map((s) => `| ${code(s.id)} | ${s.scope ?? ''} | ${code(s.exportPath)} from ${code(s.importPath)} | ${cell(describe(s))} |`),
  ];
  return { markdown: lines.join('\n') + '\n', items: [...events.map((e) => e.name), ...points.map((p) => p.id), ...internalEvents.map((e) => e.name), ...internalPoints.map((p) => p.id)] };
}
