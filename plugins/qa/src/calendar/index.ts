// iCalendar (RFC 5545) for the public side: the serializer (icalendar.ts) that the consultation and
// dialogue pages use for one event each (`…/lich.ics`), and the site's feed of both (calendar.routes.ts).
import type { PluginRegistrar } from '@cong/sdk';
import { consultationSettings } from '../consultations/consultation-config.js';
import { dialogueSettings } from '../dialogues/dialogue-config.js';
import { calendarFeedRoutes } from './calendar.routes.js';

export function registerCalendar(reg: PluginRegistrar): void {
  const settings = { consultations: consultationSettings(reg), dialogues: dialogueSettings(reg) };
  reg.publicRoutes((route) => calendarFeedRoutes(route, settings));
}
