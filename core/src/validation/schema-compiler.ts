import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
// The format definitions alone: ajv-formats' entry also loads ajv's draft-07 class, which we never use.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { JsonSchema } from '@cong/sdk';

/**
 * The one place JSON Schemas are compiled: route input, plugin configuration, job and event payloads.
 * Two ajv instances, made on first use: one that coerces strings (query, path, environment values
 * arrive as text) and one that keeps types (JSON bodies, payloads).
 *
 * Schemas are not checked against the 2020-12 meta-schema: compiling the meta-schema costs ~45 ms per
 * instance at every start (STACK.md §4.12 counts cold start). Strict mode still refuses unknown
 * keywords, so a typo such as `minLenght` fails at registration instead of validating nothing.
 */
export class SchemaCompiler {
  #strict: Ajv2020 | undefined;
  #coercing: Ajv2020 | undefined;
  readonly #extensions = new Map<Ajv2020, Set<string>>();

  /** Compiles once; ajv caches by schema, so the same schema compiles to the same function. */
  compile(schema: JsonSchema, options: { readonly coerce?: boolean } = {}): ValidateFunction {
    const ajv = options.coerce ? (this.#coercing ??= create(true)) : (this.#strict ??= create(false));
    const known = this.#extensions.get(ajv) ?? new Set<string>();
    this.#extensions.set(ajv, known);
    for (const keyword of extensionKeywords(schema)) {
      // ajv.getKeyword() says false for keywords added without a definition, so track them here.
      if (!known.has(keyword)) ajv.addKeyword(keyword);
      known.add(keyword);
    }
    return ajv.compile(schema);
  }
}

/** The process-wide compiler: compiled validators are shared by every platform in the process. */
export const schemaCompiler = new SchemaCompiler();

function create(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    validateSchema: false,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // OpenAPI's annotation keyword; JSON Schema's own `examples` is known already.
    keywords: ['example'],
    formats: fullFormats,
  });
  return ajv;
}

/** `x-…` keys used as schema keywords (OpenAPI-style extensions such as `x-cong-secret`). */
function extensionKeywords(schema: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (typeof schema !== 'object' || schema === null || depth > 64) return found;
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) found.add(key);
    else if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
      for (const child of Object.values((value as Record<string, unknown>) ?? {})) extensionKeywords(child, found, depth + 1);
    } else if (typeof value === 'object') extensionKeywords(value, found, depth + 1);
  }
  return found;
}
