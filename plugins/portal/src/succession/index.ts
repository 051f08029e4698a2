import type { PluginRegistrar } from '@cong/sdk';
import type { Languages } from '../site/languages.js';
import { contentSuccessionRef } from './content-succession.js';
import { DefaultContentSuccession } from './default-content-succession.js';

export { contentSuccessionRef } from './content-succession.js';
export type { ContentMoveReport, ContentSuccession } from './content-succession.js';

/** The succession area: the service a site plugin calls when units merge (`@cong/plugin-portal/api`). */
export function registerSuccession(reg: PluginRegistrar, languages: Languages): void {
  reg.provide(contentSuccessionRef, (ctx) => new DefaultContentSuccession(ctx, languages));
}
