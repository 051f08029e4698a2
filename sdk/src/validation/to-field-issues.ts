import type { ErrorObject } from 'ajv';
import type { FieldIssue } from '../errors/cong-error.js';

/**
 * Turns ajv errors into {@link FieldIssue}s, at most 20, each with a JSON pointer to the failing value:
 * a missing or unknown property points at the property itself (`/admin/module`), not its parent.
 */
export function toFieldIssues(errors: readonly ErrorObject[] | null | undefined, location: FieldIssue['in']): FieldIssue[] {
  return (errors ?? []).slice(0, 20).map((e) => {
    let pointer = e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') {
      pointer += `/${escape((e.params as { additionalProperty: string }).additionalProperty)}`;
      message = 'is not allowed';
    } else if (e.keyword === 'required') {
      pointer += `/${escape((e.params as { missingProperty: string }).missingProperty)}`;
      message = 'is required';
    }
    return { in: location, pointer, message, keyword: e.keyword };
  });
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
