// @cong/create-plugin: `npm init @cong/plugin`, `create-cong-plugin` and `cong create-plugin`.
export { createPlugin } from './create-plugin.js';
export type { CreatedPlugin, CreatePluginOptions } from './create-plugin.js';
export { promptForOptions, shouldPrompt } from './prompts.js';
export { formatCreated } from './format-created.js';
export { PLUGIN_ID_PATTERN, RESERVED_PLUGIN_IDS, pluginIdProblem } from './plugin-id.js';
export { findCongCheckout } from './detect-target.js';
// The error class and every SCAFFOLD_ERR_* code.
export * from './errors.js';
export { SDK_VERSION, CORE_VERSION, TOOL_VERSIONS } from './dependency-versions.js';
