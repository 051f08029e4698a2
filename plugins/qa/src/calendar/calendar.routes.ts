import type { RouteBuilder } from '@cong/sdk';
import { siteOfRequest } from '../questions/site-of-request.js';
import { CommentService } from '../consultations/comment.service.js';
import { consultationEvent } from '../consultations/consultation-calendar.js';
import type { ConsultationSettings } from '../consultations/consultation-config.js';
import { dialogueEvent } from '../dialogues/dialogue-calendar.js';
import type { DialogueSettings } from '../dialogues/dialogue-config.js';
import { PublicDialogueService } from '../dialogues/public-dialogue.service.js';
import { calendarResponse, renderCalendar } from './icalendar.js';

/** Events of each kind a feed carries at most. */
const FEED_LIMIT = 200;

/**
 * `/lich-gop-y-doi-thoai.ics`: one calendar a person subscribes to on a unit's site, with the
 * consultations announced or open and the dialogues ahead (cancelled ones marked so). Its scope is the
 * lists': the province's site covers every unit of the province, a unit's site its own.
 */
export function calendarFeedRoutes(route: RouteBuilder, settings: { consultations: ConsultationSettings; dialogues: DialogueSettings }): void {
  route.get('/lich-gop-y-doi-thoai.ics', {
    summary: { vi: 'Lịch lấy ý kiến dự thảo và đối thoại trực tuyến sắp tới (iCalendar)', en: 'Coming consultations and online dialogues (iCalendar feed)' },
    description: `At most ${FEED_LIMIT} consultations (announced or open) and ${FEED_LIMIT} dialogues (announced, live, or cancelled before their start), times in UTC.`,
    produces: 'text/calendar',
    schema: {},
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const comments = new CommentService(ctx, settings.consultations);
      const dialogues = new PublicDialogueService(ctx, settings.dialogues);
      const [consultations, events] = await Promise.all([
        comments.siteOf(req.tenantId).then((s) => comments.current(s, FEED_LIMIT)),
        dialogues.scopeOf(req.tenantId).then((s) => dialogues.upcoming(s, FEED_LIMIT)),
      ]);
      const calendar = renderCalendar(
        [
          ...consultations.map((c) => consultationEvent(c.row, c.unitName, `${site.linkBase}/gop-y-du-thao/${c.row.slug}`)),
          ...events.map((d) => dialogueEvent(d.row, d.unitName, `${site.linkBase}/doi-thoai/${d.row.slug}`)),
        ],
        { name: `Góp ý dự thảo và đối thoại — ${site.name}` },
      );
      return calendarResponse(calendar, 'lich-gop-y-doi-thoai.ics');
    },
  });
}
