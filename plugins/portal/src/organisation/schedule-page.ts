import type { RouteRequest, RouteResponse } from '@cong/sdk';
import { html, type SafeHtml } from '../site/html.js';
import { renderPage, sendHtml } from '../site/layout.js';
import type { Site } from '../site/site-context.js';
import { vietnamDate } from '../time/vietnam-time.js';
import { isoWeekOf, shiftWeek, weekDates } from './iso-week.js';
import type { LeaderRow, ScheduleEntryRow } from './organisation-database.js';
import { OrganisationPublicQueries } from './organisation-public-queries.js';
import { OrganisationStore } from './organisation-store.js';
import { say } from './page-text.js';
import { leaderIdsOf } from './schedule-entry.schema.js';

const DAYS: readonly [string, string][] = [
  ['Thứ Hai', 'Monday'],
  ['Thứ Ba', 'Tuesday'],
  ['Thứ Tư', 'Wednesday'],
  ['Thứ Năm', 'Thursday'],
  ['Thứ Sáu', 'Friday'],
  ['Thứ Bảy', 'Saturday'],
  ['Chủ nhật', 'Sunday'],
];

const CSS = html`<style>.week-nav{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
.schedule tbody th{white-space:nowrap;background:#f6f8fa}
.schedule .cancelled s{color:var(--portal-muted)}
.schedule .note{display:block;font-weight:700}</style>`;

const dmy = (date: string) => date.split('-').reverse().join('/');
const DATE_ONLY = /^\d{4}-W\d{2}$/;

function entryRow(site: Site, e: ScheduleEntryRow, leaders: ReadonlyMap<string, LeaderRow>, dayCell: SafeHtml | null): SafeHtml {
  const time = html`<time datetime="${e.entry_date}T${e.start_time}+07:00">${e.start_time}</time>${e.end_time ? html`–<time datetime="${e.entry_date}T${e.end_time}+07:00">${e.end_time}</time>` : null}`;
  const presiding = leaderIdsOf(e).flatMap((id) => {
    const l = leaders.get(id);
    return l ? [html`<div>${l.full_name}, ${say(site, l.position_vi, l.position_en)}</div>`] : [];
  });
  const content = say(site, e.title_vi, e.title_en);
  const status = e.status === 'cancelled'
    ? html`<span class="note">${site.t('Đã hoãn', 'Cancelled')}${e.status_note ? html`: <span lang="vi">${e.status_note}</span>` : null}</span>`
    : e.status === 'changed'
      ? html`<span class="note">${site.t('Có thay đổi', 'Changed')}${e.status_note ? html`: <span lang="vi">${e.status_note}</span>` : null}</span>`
      : null;
  const cancelled = e.status === 'cancelled';
  return html`<tr${cancelled ? html` class="cancelled"` : null}>${dayCell}<td>${cancelled ? html`<s>${time}</s>` : time}</td><td>${cancelled ? html`<s>${content}</s>` : content}${status}</td><td>${presiding}</td><td lang="vi">${e.participants}</td><td lang="vi">${e.location}</td><td lang="vi">${e.preparing_unit}</td></tr>`;
}

/**
 * /lich-cong-tac: the leaders' work schedule (lịch công tác, POR-08) for one ISO week (`?tuan=2026-W48`,
 * default this week), a day per row group, with links to the previous and next week. Cancelled
 * entries stay, struck through, with the note; the strike is also said in words.
 */
export async function schedulePage(req: RouteRequest, site: Site): Promise<RouteResponse> {
  const asked = (req.query as { tuan?: string }).tuan;
  const week = asked !== undefined && DATE_ONLY.test(asked) && weekDates(asked) ? asked : isoWeekOf(vietnamDate());
  const dates = weekDates(week)!;
  const { entries, leaders } = await new OrganisationPublicQueries(new OrganisationStore(site.ctx)).schedule(site.tenant.id, dates[0]!, dates[6]!);
  const title = site.t('Lịch công tác', 'Work schedule');
  const range = `${dmy(dates[0]!)} – ${dmy(dates[6]!)}`;
  const link = (w: string) => site.path(`/lich-cong-tac?tuan=${w}`);
  const days = dates.map((date, i) => {
    const items = entries.filter((e) => e.entry_date === date);
    const day = (rowspan: number) => html`<th scope="rowgroup"${rowspan > 1 ? html` rowspan="${rowspan}"` : null}>${site.t(...DAYS[i]!)}<br><time datetime="${date}">${dmy(date)}</time></th>`;
    if (items.length === 0) return html`<tbody><tr>${day(1)}<td colspan="6" class="muted">${site.t('Không có lịch', 'Nothing scheduled')}</td></tr></tbody>`;
    return html`<tbody>${items.map((e, j) => entryRow(site, e, leaders, j === 0 ? day(items.length) : null))}</tbody>`;
  });
  const body = html`<h1>${title}</h1>
${CSS}
<p class="lead">${site.t('Tuần', 'Week')} ${week.slice(6)} (${range})</p>
<nav class="week-nav" aria-label="${site.t('Chọn tuần', 'Choose a week')}">
<a href="${link(shiftWeek(week, -1))}" rel="prev">← ${site.t('Tuần trước', 'Previous week')}</a>
<a href="${site.path('/lich-cong-tac')}">${site.t('Tuần này', 'This week')}</a>
<a href="${link(shiftWeek(week, 1))}" rel="next">${site.t('Tuần sau', 'Next week')} →</a>
</nav>
<table class="schedule"><caption>${site.t(`Lịch công tác tuần ${week.slice(6)}, từ ${range}`, `Work schedule, week ${week.slice(6)}, ${range}`)}</caption>
<thead><tr><th scope="col">${site.t('Ngày', 'Day')}</th><th scope="col">${site.t('Thời gian', 'Time')}</th><th scope="col">${site.t('Nội dung', 'Engagement')}</th><th scope="col">${site.t('Chủ trì', 'Presiding')}</th><th scope="col">${site.t('Thành phần', 'Participants')}</th><th scope="col">${site.t('Địa điểm', 'Location')}</th><th scope="col">${site.t('Đơn vị chuẩn bị', 'Prepared by')}</th></tr></thead>
${days}
</table>`;
  const jsonLd = {
    '@type': 'ItemList',
    name: `${title} ${week}`,
    itemListElement: entries.filter((e) => e.status !== 'cancelled').map((e, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: { '@type': 'Event', name: e.title_vi, startDate: `${e.entry_date}T${e.start_time}:00+07:00`, ...(e.end_time ? { endDate: `${e.entry_date}T${e.end_time}:00+07:00` } : {}), ...(e.location ? { location: { '@type': 'Place', name: e.location } } : {}), ...(e.status === 'changed' ? { eventStatus: 'https://schema.org/EventRescheduled' } : {}) },
    })),
  };
  return sendHtml(req, 200, await renderPage(site, { title: `${title} ${site.t('tuần', 'week')} ${week.slice(6)}`, description: site.t(`Lịch công tác của lãnh đạo ${site.unitName}, ${range}`, `Leaders' work schedule of ${site.unitName}, ${range}`), path: asked === week ? `/lich-cong-tac?tuan=${week}` : '/lich-cong-tac', jsonLd }, body));
}
