import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cell, code } from './markdown-text.js';
import { workspacePackages } from './workspace-packages.js';

/** The admin shell's zones, from `ADMIN_ZONES` in the sdk (the list the manifest check accepts). */
export function collectZones(repoRoot) {
  const text = readFileSync(join(repoRoot, 'sdk/src/admin/zones.ts'), 'utf8');
  const list = /ADMIN_ZONES\s*=\s*\[([^\]]*)\]/.exec(text);
  if (!list) throw new Error('sdk/src/admin/zones.ts: ADMIN_ZONES not found');
  const doc = /\/\*\*([\s\S]*?)\*\/\s*export const ADMIN_ZONES/.exec(text)?.[1] ?? '';
  return {
    zones: [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]),
    description: doc.replace(/^\s*\* ?/gm, '').replace(/\s+/g, ' ').trim(),
  };
}

export function zoneReference(repoRoot) {
  const { zones, description } = collectZones(repoRoot);
  const contributions = new Map(zones.map((z) => [z, []]));
  for (const { manifest } of workspacePackages(repoRoot)) {
    for (const slot of manifest.cong?.admin?.slots ?? []) {
      if (!contributions.has(slot.zone)) contributions.set(slot.zone, []);
      contributions.get(slot.zone).push(`${code(`<${slot.element}>`)} (${manifest.cong.id}${slot.permission ? `, needs ${code(slot.permission)}` : ''})`);
    }
  }
  const lines = [
    '# Admin zones (generated)',
    '',
    '*Các vùng của giao diện quản trị mà plugin đóng góp phần tử vào, sinh từ `ADMIN_ZONES` của sdk.* ' + description,
    '',
    `A plugin names the zone in its manifest (${code('admin.slots[].zone')}, see [manifest fields](manifest.md)); the element receives ` +
      `${code('tenant')}, ${code('user')} and ${code('api')} like every contribution ([admin shell guide](../../guides/admin-shell-and-widgets.md)).`,
    '',
    '| zone | contributed by (first-party packages) |',
    '|---|---|',
    ...[...contributions].map(([zone, by]) => `| ${code(zone)}${zones.includes(zone) ? '' : ' (unknown to the sdk)'} | ${cell(by.join(', ') || '—')} |`),
  ];
  return { markdown: lines.join('\n') + '\n', items: zones };
}
