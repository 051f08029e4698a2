declare const __CONG_SDK_VERSION__: string | undefined;

/**
 * The version of the plugin contract this copy of `@cong/sdk` implements (its package version).
 * A plugin's `pluginApi` range must be satisfied by the core's copy.
 */
export const PLUGIN_API_VERSION: string = typeof __CONG_SDK_VERSION__ === 'string' ? __CONG_SDK_VERSION__ : '0.0.0-dev';
