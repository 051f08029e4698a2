import type { JsonSchema } from '../http/json-schema.js';

/** A typed event name. The payload type travels with the ref; the optional schema checks it at emit. */
export interface EventRef<T> {
  readonly $$type: '@cong/EventRef';
  /** `<pluginId>.<noun>-<verb>`, e.g. `portal.article-published`. */
  readonly name: string;
  readonly schema?: JsonSchema;
  /** Phantom: carries the payload type. */
  readonly T: T;
}

const EVENT_NAME = /^[a-z][a-z0-9-]{1,30}\.[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * Declares an event. Only the plugin whose id prefixes the name emits it; any plugin that declares the
 * owner in `requires` or `optional` may subscribe.
 *
 * @example
 * ```ts
 * export const greetingCreated = defineEvent<{ id: string; tenantId: string }>('hello.greeting-created');
 * ```
 */
export function defineEvent<T>(name: string, options: { readonly schema?: JsonSchema } = {}): EventRef<T> {
  if (!EVENT_NAME.test(name)) {
    throw new TypeError(`Event name "${name}" must look like "<pluginId>.<noun>-<verb>"`);
  }
  return Object.freeze({
    $$type: '@cong/EventRef',
    name,
    ...(options.schema ? { schema: options.schema } : {}),
    T: undefined as unknown as T,
  });
}
