import { coreServices, type PluginContext, type PluginRegistrar } from '@cong/sdk';

/** The `deadlines` section of the plugin's configuration; file-only, read at start. */
export interface DeadlineSettings {
  /** How often the sweep (clocks, reminders, escalations) runs, in minutes. */
  readonly sweepEveryMinutes: number;
  /** Field codes whose questions are feedback on regulations: the board forwards them within `qa.deadline.petitionForward`. */
  readonly petitionFields: readonly string[];
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = { sweepEveryMinutes: 60, petitionFields: [] };

export function deadlineSettings(reg: PluginRegistrar): DeadlineSettings {
  const section = reg.config<{ deadlines?: Partial<DeadlineSettings> }>().deadlines ?? {};
  return { ...DEFAULT_DEADLINE_SETTINGS, ...section };
}

/** The same settings read at run time (for the other areas' views, which have no registrar). */
export function deadlineSettingsOf(ctx: PluginContext): DeadlineSettings {
  const section = ctx.get(coreServices.config).get<{ deadlines?: Partial<DeadlineSettings> }>().deadlines ?? {};
  return { ...DEFAULT_DEADLINE_SETTINGS, ...section };
}
