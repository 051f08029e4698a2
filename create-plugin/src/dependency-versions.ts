declare const __CONG_SDK_VERSION__: string | undefined;
declare const __CONG_CORE_VERSION__: string | undefined;

/** The `@cong/sdk` this scaffolder was built with (tsup reads it from the checkout at build time). */
export const SDK_VERSION: string = typeof __CONG_SDK_VERSION__ === 'string' ? __CONG_SDK_VERSION__ : '1.0.0';

/** The `@cong/core` this scaffolder was built with. */
export const CORE_VERSION: string = typeof __CONG_CORE_VERSION__ === 'string' ? __CONG_CORE_VERSION__ : '0.1.0';

/**
 * The pins a new plugin builds and tests with: the same as the Cổng monorepo's (STACK.md), so a
 * standalone plugin resolves what the platform was tested with. A test checks them against the
 * checkout's package.json files.
 */
export const TOOL_VERSIONS = {
  kysely: '0.28.19',
  lit: '3.3.3',
  vite: '8.3.8',
  tsup: '8.5.1',
  typescript: '~5.9.3',
  vitest: '4.1.12',
  '@vitest/browser-playwright': '4.1.12',
  playwright: '1.65.1',
  '@types/node': '^20.19.0',
} as const;
