/**
 * Where one instance of a service lives. `root`: one for the whole platform. `plugin`: one for each
 * plugin that asks, built with that plugin's identity (its logger, its tables, its job names).
 */
export type ServiceScope = 'root' | 'plugin';

/**
 * A typed token naming a service. Plugins never construct services of the core or of other plugins;
 * they ask the host for them by ref, and the host checks that they declared the dependency.
 * Refs compare by `id`, so two copies of `@cong/sdk` still agree on them.
 */
export interface ServiceRef<T, TScope extends ServiceScope = ServiceScope> {
  readonly $$type: '@cong/ServiceRef';
  readonly id: string;
  readonly scope: TScope;
  /** Phantom: carries the service type. Never read at run time. */
  readonly T: T;
}

/** Options of {@link createServiceRef}. */
export interface ServiceRefOptions<TScope extends ServiceScope> {
  /** `<owner>.<name>`: `core.database`, or `<pluginId>.<name>` for a plugin's service. */
  readonly id: string;
  /** Default is `'root'`. */
  readonly scope?: TScope;
}

const REF_ID = /^[a-z][a-z0-9-]{1,30}\.[a-zA-Z][a-zA-Z0-9.-]*$/;

/**
 * Declares a service that the core or a plugin provides.
 *
 * @example
 * ```ts
 * export interface GreetingApi { latest(tenantId: string): Promise<string | undefined> }
 * export const greetingApiRef = createServiceRef<GreetingApi>({ id: 'hello.greetings' });
 * // provider:  reg.provide(greetingApiRef, ctx => new DefaultGreetingApi(ctx.get(coreServices.database)));
 * // consumer:  const api = ctx.get(greetingApiRef); // needs "requires" or "optional" on "hello"
 * ```
 */
export function createServiceRef<T, TScope extends ServiceScope = 'root'>(
  options: ServiceRefOptions<TScope>,
): ServiceRef<T, TScope> {
  if (!REF_ID.test(options.id)) {
    throw new TypeError(`Service ref id "${options.id}" must look like "<owner>.<name>", the owner being "core" or a plugin id`);
  }
  return Object.freeze({
    $$type: '@cong/ServiceRef',
    id: options.id,
    scope: (options.scope ?? 'root') as TScope,
    T: undefined as unknown as T,
  });
}

/** The plugin id (or `core`) that owns a ref: the part of its id before the first dot. */
export function serviceRefOwner(ref: Pick<ServiceRef<unknown>, 'id'>): string {
  return ref.id.slice(0, ref.id.indexOf('.'));
}
