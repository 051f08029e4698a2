/**
 * A typed extension point that one plugin owns and others contribute to: the portal's home-page
 * blocks, the sites plugin's theme sections. The owner provides an implementation of `T` in
 * `register`; contributors receive it in theirs (the owner registers first: it is a dependency).
 */
export interface ExtensionPoint<T> {
  readonly $$type: '@cong/ExtensionPoint';
  /** `<ownerPluginId>.<name>` */
  readonly id: string;
  /** Bumped on a breaking change; a contributor built for another version is refused. */
  readonly version: number;
  readonly T: T;
}

/**
 * Declares an extension point; export it from the owner's `api` entry.
 *
 * @example
 * ```ts
 * export interface HomeBlocks { addBlock(block: { id: string; element: string }): void }
 * export const homeBlocksPoint = createExtensionPoint<HomeBlocks>({ id: 'portal.home-blocks', version: 1 });
 * ```
 */
export function createExtensionPoint<T>(options: { readonly id: string; readonly version: number }): ExtensionPoint<T> {
  if (!/^[a-z][a-z0-9-]{1,30}\.[a-z][a-z0-9.-]*$/.test(options.id)) {
    throw new TypeError(`Extension point id "${options.id}" must look like "<pluginId>.<name>"`);
  }
  if (!Number.isInteger(options.version) || options.version < 1) {
    throw new TypeError(`Extension point "${options.id}" needs a positive integer version`);
  }
  return Object.freeze({ $$type: '@cong/ExtensionPoint', id: options.id, version: options.version, T: undefined as unknown as T });
}
