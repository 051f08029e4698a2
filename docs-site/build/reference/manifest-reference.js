import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cell, code } from './markdown-text.js';

/**
 * Every field of the plugin manifest (the `cong` field of package.json) as a dot path
 * (`admin.nav[].route`), walked from the JSON Schema the sdk ships, with `$ref`s followed.
 */
export function collectManifestFields(schema) {
  const fields = [];
  const deref = (node) => {
    let current = node;
    for (let i = 0; current?.$ref && i < 10; i++) {
      const target = current.$ref.replace(/^#\/\$defs\//, '');
      current = { ...schema.$defs[target], ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
    }
    return current ?? {};
  };
  const walk = (node, path, required) => {
    const resolved = deref(node);
    if (path) fields.push({ path, schema: resolved, required });
    if (resolved.properties) {
      const req = new Set(resolved.required ?? []);
      for (const [name, child] of Object.entries(resolved.properties)) walk(child, path ? `${path}.${name}` : name, req.has(name));
    }
    if (resolved.items) walk(resolved.items, `${path}[]`, false);
    if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') walk(resolved.additionalProperties, `${path}.<key>`, false);
  };
  walk(schema, '', false);
  return fields;
}

function describeType(s) {
  if (s.enum) return s.enum.map((v) => code(JSON.stringify(v))).join(', ');
  if (s.const !== undefined) return code(JSON.stringify(s.const));
  const type = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? (s.oneOf || s.anyOf ? 'one of several shapes' : 'any'));
  const rules = [];
  if (s.pattern) rules.push(`pattern ${code(s.pattern)}`);
  if (s.minLength !== undefined) rules.push(`≥ ${s.minLength} chars`);
  if (s.maxLength !== undefined) rules.push(`≤ ${s.maxLength} chars`);
  if (s.minimum !== undefined) rules.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) rules.push(`≤ ${s.maximum}`);
  if (s.maxItems !== undefined) rules.push(`≤ ${s.maxItems} items`);
  if (s.default !== undefined) rules.push(`default ${code(JSON.stringify(s.default))}`);
  return [type, ...rules].join('; ');
}

export function manifestReference(repoRoot) {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'sdk/schemas/manifest.schema.json'), 'utf8'));
  const fields = collectManifestFields(schema);
  const lines = [
    '# Plugin manifest fields (generated)',
    '',
    '*Các trường của manifest plugin (trường `cong` trong package.json), sinh từ JSON Schema của sdk.* ' +
      `Generated from ${code('sdk/schemas/manifest.schema.json')} (${code('@cong/sdk/manifest.schema.json')}); the core validates every plugin's manifest against it at load. ` +
      'See the [plugin authoring guide](../../guides/writing-a-plugin.md) for how the fields are used.',
    '',
    '| field | required | type and rules | description |',
    '|---|---|---|---|',
    ...fields.map((f) => `| ${code(f.path)} | ${f.required ? 'yes' : ''} | ${cell(describeType(f.schema))} | ${cell(f.schema.description ?? '')} |`),
  ];
  return { markdown: lines.join('\n') + '\n', items: fields.map((f) => f.path) };
}
