/**
 * A JSON Schema (draft 2020-12) as a plain object. Kept loose on purpose: ajv checks it at
 * registration, and OpenAPI 3.1 takes it as it is.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A JSON Schema paired with the TypeScript type it describes. */
export type Schema<T> = JsonSchema & { readonly __type?: T };

/** The TypeScript type a {@link Schema} describes. */
export type SchemaType<S> = S extends Schema<infer T> ? (unknown extends T ? unknown : T) : unknown;

/**
 * Pairs a JSON Schema with its TypeScript type, so route handlers get typed input from the same
 * object that validates it.
 *
 * @example
 * ```ts
 * const greetingBody = defineSchema<{ name: string }>({
 *   type: 'object', additionalProperties: false, required: ['name'],
 *   properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
 * });
 * ```
 */
export function defineSchema<T>(schema: JsonSchema): Schema<T> {
  return schema as Schema<T>;
}
