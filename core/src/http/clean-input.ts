import type { FieldIssue } from '@cong/sdk';

/** Deeper JSON is refused: no form or API of ours needs more, and deep input is a stack-exhaustion lever. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Normalises every string of parsed input to NFC in place and reports what cannot be stored: lone
 * UTF-16 surrogates (MySQL utf8mb4 rejects them, and they corrupt folded search text), NUL characters,
 * and nesting deeper than {@link MAX_INPUT_DEPTH}. Iterative, so hostile depth cannot overflow the stack.
 */
export function cleanInput(root: unknown, location: FieldIssue['in']): { value: unknown; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (typeof root === 'string') {
    const checked = checkString(root, '', location, issues);
    return { value: checked, issues };
  }
  const stack: { node: Record<string, unknown> | unknown[]; pointer: string; depth: number }[] = [];
  if (typeof root === 'object' && root !== null) stack.push({ node: root as Record<string, unknown>, pointer: '', depth: 1 });
  while (stack.length > 0 && issues.length < 20) {
    const { node, pointer, depth } = stack.pop()!;
    if (depth > MAX_INPUT_DEPTH) {
      issues.push({ in: location, pointer, message: `is nested deeper than ${MAX_INPUT_DEPTH} levels`, keyword: 'maxDepth' });
      break;
    }
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node);
    for (const key of keys) {
      const childPointer = `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (typeof key === 'string' && !key.isWellFormed()) {
        issues.push({ in: location, pointer: childPointer, message: 'has a property name with a lone surrogate', keyword: 'unicode' });
        continue;
      }
      const value = (node as Record<string | number, unknown>)[key];
      if (typeof value === 'string') {
        (node as Record<string | number, unknown>)[key] = checkString(value, childPointer, location, issues);
      } else if (typeof value === 'object' && value !== null) {
        stack.push({ node: value as Record<string, unknown>, pointer: childPointer, depth: depth + 1 });
      }
    }
  }
  return { value: root, issues };
}

function checkString(value: string, pointer: string, location: FieldIssue['in'], issues: FieldIssue[]): string {
  if (!value.isWellFormed()) {
    issues.push({ in: location, pointer, message: 'contains a lone surrogate (invalid Unicode)', keyword: 'unicode' });
    return value;
  }
  if (value.includes('\u0000')) {
    issues.push({ in: location, pointer, message: 'contains a NUL character', keyword: 'unicode' });
    return value;
  }
  return value.normalize('NFC');
}
