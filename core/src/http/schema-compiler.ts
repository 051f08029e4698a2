import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FieldIssue, JsonSchema } from '@cong/sdk';

type Location = FieldIssue['in'];

/**
 * Compiles route schemas once, at registration. Two ajv instances: one that coerces strings (params
 * and query arrive as text) and one that does not (JSON bodies keep their types).
 */
export class SchemaCompiler {
  readonly #coercing = this.#create(true);
  readonly #strict = this.#create(false);

  #create(coerce: boolean): Ajv2020 {
    const ajv = new Ajv2020({
      allErrors: true,
      coerceTypes: coerce ? 'array' : false,
      useDefaults: true,
      strict: false,
      // Patterns run on user input: the RE2-free default engine is fine with our own schemas, but
      // cap error lists so a huge bad array does not make a huge response.
      messages: true,
    });
    addFormats.default(ajv);
    return ajv;
  }

  compile(schema: JsonSchema, location: Location): ValidateFunction {
    return (location === 'body' || location === 'config' ? this.#strict : this.#coercing).compile(schema);
  }
}

/** Issues for a problem document, at most 20, each with a JSON pointer to the failing value. */
export function toFieldIssues(errors: readonly ErrorObject[] | null | undefined, location: Location): FieldIssue[] {
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
