import { coreServices, type PluginContext } from '@cong/sdk';

/** The plugin's settings (`config.schema.json`), as the core hands them over with defaults applied. */
export interface HelloSettings {
  readonly defaultLanguage: 'vi' | 'en';
  readonly signature: string;
  readonly maxPerDay: number;
  readonly webhookUrl?: string;
  /** Write-only in the admin form (`x-cong-secret`): readable here, never sent back to a browser. */
  readonly webhookSecret?: string;
}

/** The settings in force for a unit (null: the platform's). Read per use: admins can change them at any time. */
export function helloSettings(ctx: PluginContext, tenantId: string | undefined | null): Promise<HelloSettings> {
  return ctx.get(coreServices.config).forTenant<HelloSettings>(tenantId ?? null);
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000; // UTC+7, no daylight saving
const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight of `now`'s day in Vietnam, in epoch ms: the daily limit starts there. */
export function startOfVietnamDay(now: number): number {
  return Math.floor((now + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
}
