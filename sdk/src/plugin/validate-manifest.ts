import validRange from 'semver/ranges/valid.js';
import compiled from './manifest-validator.generated.js';
import manifestSchema from '../../schemas/manifest.schema.json' with { type: 'json' };
import type { FieldIssue } from '../errors/cong-error.js';
import { toFieldIssues } from '../validation/to-field-issues.js';
import type { PluginManifest } from './plugin-manifest.js';

/** The result of {@link validateManifest}: the manifest, or every issue found with a JSON pointer. */
export type ManifestValidation =
  | { readonly valid: true; readonly manifest: PluginManifest; readonly errors: readonly [] }
  | { readonly valid: false; readonly errors: readonly FieldIssue[] };

/** The manifest's JSON Schema (draft 2020-12). */
export { manifestSchema };

/**
 * Checks a plugin manifest (the `cong` field of its package.json): the JSON Schema, then the rules a
 * schema cannot say: valid semver ranges, names prefixed with the plugin id, no self-dependency.
 * Returns every issue, each with a JSON pointer such as `/requires/portal`.
 */
export function validateManifest(value: unknown): ManifestValidation {
  if (!compiled(value)) {
    const errors = toFieldIssues(compiled.errors, 'manifest').map((issue) =>
      issue.keyword === 'additionalProperties' ? { ...issue, message: 'is not a known manifest field' } : issue,
    );
    return { valid: false, errors };
  }
  const manifest = value as PluginManifest;
  const errors: FieldIssue[] = [];
  const issue = (pointer: string, message: string, keyword = 'cong') => errors.push({ in: 'manifest', pointer, message, keyword });
  const id = manifest.id;

  if (validRange(manifest.pluginApi) === null) issue('/pluginApi', `"${manifest.pluginApi}" is not a semver range`);
  for (const field of ['requires', 'optional'] as const) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (dep === id) issue(`/${field}/${dep}`, 'a plugin cannot depend on itself');
      if (validRange(range) === null) issue(`/${field}/${dep}`, `"${range}" is not a semver range`);
      if (field === 'optional' && manifest.requires?.[dep] !== undefined) issue(`/optional/${dep}`, 'is also listed in requires');
    }
  }
  manifest.permissions?.forEach((p, i) => {
    if (!p.id.startsWith(`${id}.`)) issue(`/permissions/${i}/id`, `must start with "${id}."`);
  });
  manifest.admin?.nav?.forEach((n, i) => {
    if (!n.element.startsWith(`${id}-`)) issue(`/admin/nav/${i}/element`, `tag must start with "${id}-"`);
    if (!n.id.startsWith(`${id}.`)) issue(`/admin/nav/${i}/id`, `must start with "${id}."`);
  });
  manifest.admin?.slots?.forEach((s, i) => {
    if (!s.element.startsWith(`${id}-`)) issue(`/admin/slots/${i}/element`, `tag must start with "${id}-"`);
  });
  manifest.widgets?.elements.forEach((tag, i) => {
    if (!tag.startsWith(`cong-${id}-`)) issue(`/widgets/elements/${i}`, `tag must start with "cong-${id}-"`);
  });
  return errors.length === 0 ? { valid: true, manifest, errors: [] } : { valid: false, errors };
}
