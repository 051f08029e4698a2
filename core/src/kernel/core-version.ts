declare const __CONG_CORE_VERSION__: string | undefined;

/** The version of @cong/core (its package version), set at build time. */
export const CORE_VERSION: string = typeof __CONG_CORE_VERSION__ === 'string' ? __CONG_CORE_VERSION__ : '0.0.0-dev';
