/**
 * The object schemas inside `schema` that leave extra properties open. Route schemas must close every
 * object (`additionalProperties: false` or `unevaluatedProperties: false`), so mass assignment of
 * `tenant_id` or `isAdmin` is refused at the edge.
 */
export function findOpenObjects(schema: unknown, path = '#'): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const open: string[] = [];
  const isObject = node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || node.properties !== undefined;
  if (isObject && node.additionalProperties !== false && node.unevaluatedProperties !== false && typeof node.additionalProperties !== 'object') {
    open.push(path);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || key === '$defs' || key === 'definitions' || key === 'patternProperties') {
      for (const [name, child] of Object.entries((value as Record<string, unknown>) ?? {})) open.push(...findOpenObjects(child, `${path}/${key}/${name}`));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not' || key === 'if' || key === 'then' || key === 'else' || key === 'contains') {
      open.push(...findOpenObjects(value, `${path}/${key}`));
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'prefixItems') && Array.isArray(value)) {
      value.forEach((child, i) => open.push(...findOpenObjects(child, `${path}/${key}/${i}`)));
    }
  }
  return open;
}
