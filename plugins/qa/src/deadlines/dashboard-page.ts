import { html, respond, type RouteResponse } from '@cong/sdk';
import type { PageSite } from '../questions/question-pages.js';
import type { Statistics } from './statistics.service.js';

// Every value goes through `html`'s escaping. The page has figures only: no question, no person.
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  'referrer-policy': 'strict-origin-when-cross-origin',
};

const STYLE =
  'body{font-family:system-ui,sans-serif;color:#1f2328;margin:0;line-height:1.5}main{max-width:64rem;margin:2rem auto;padding:0 1rem}' +
  '.en{color:#555;font-weight:400}table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.5rem 0}' +
  'th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:right}th[scope=row],thead th:nth-child(2){text-align:left}thead th{background:#f6f8fa}' +
  'form{display:flex;gap:1rem;align-items:end;flex-wrap:wrap}label{display:block;font-weight:600}input{padding:.4rem;font:inherit}button{padding:.5rem 1.2rem;font:inherit}a{color:#0b57d0}';

const bi = (vi: string, en: string) => html`${vi} <span class="en" lang="en">(${en})</span>`;
const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const decimal = (x: number | null) => (x === null ? '—' : x.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

/**
 * `/hoi-dap/thong-ke`: the public per-agency league table (QA-05) of the site's province for a period,
 * an accessible table (caption, column and row headers), server-rendered, with the JSON's address.
 */
export function dashboardPage(site: PageSite, s: Statistics): RouteResponse {
  const body = html`<h1>Thống kê trả lời câu hỏi <span class="en" lang="en">/ Answering statistics</span></h1>
<p>${bi(`Từ ngày ${vnDate(s.period.from)} đến ngày ${vnDate(s.period.to)}; số liệu đến ngày ${vnDate(s.today)}.`, `From ${s.period.from} to ${s.period.to}, as of ${s.today}`)}</p>
<form method="get" action="${site.prefix}/hoi-dap/thong-ke"><div><label for="tk-from">${bi('Từ ngày', 'From')}</label><input id="tk-from" name="tu-ngay" type="date" value="${s.period.from}"></div>
<div><label for="tk-to">${bi('Đến ngày', 'To')}</label><input id="tk-to" name="den-ngay" type="date" value="${s.period.to}"></div><button type="submit">Xem / Show</button></form>
${s.board
    ? html`<table><caption>${bi('Ban biên tập tiếp nhận, phân loại, chuyển câu hỏi', 'The editorial board’s triage')}</caption>
<thead><tr><th scope="col">${bi('Đã tiếp nhận', 'Received')}</th><th scope="col">${bi('Đã chuyển cơ quan có thẩm quyền', 'Forwarded')}</th><th scope="col">${bi('Không thuộc thẩm quyền', 'Declined')}</th><th scope="col">${bi('Xử lý đúng hạn', 'On time')}</th><th scope="col">${bi('Xử lý trễ hạn', 'Late')}</th></tr></thead>
<tbody><tr><td>${s.board.received}</td><td>${s.board.forwarded}</td><td>${s.board.declined}</td><td>${s.board.triagedOnTime}</td><td>${s.board.triagedLate}</td></tr></tbody></table>`
    : null}
<table><caption>${bi('Bảng xếp hạng các cơ quan trả lời (tỷ lệ đúng hạn cao trước)', 'League table of answering agencies, best on-time rate first')}</caption>
<thead><tr><th scope="col">${bi('Hạng', 'Rank')}</th><th scope="col">${bi('Cơ quan', 'Agency')}</th><th scope="col">${bi('Nhận', 'Received')}</th><th scope="col">${bi('Trả lời đúng hạn', 'Answered on time')}</th><th scope="col">${bi('Trả lời trễ hạn', 'Answered late')}</th><th scope="col">${bi('Đang quá hạn', 'Overdue now')}</th><th scope="col">${bi('Tỷ lệ đúng hạn', 'On-time rate')}</th><th scope="col">${bi('Số ngày làm việc (trung vị)', 'Median working days')}</th><th scope="col">${bi('Mức hài lòng (1–5)', 'Rating (1–5)')}</th></tr></thead>
<tbody>${s.agencies.length === 0
    ? html`<tr><td colspan="9">${bi('Chưa có câu hỏi nào trong khoảng thời gian này.', 'No questions in this period.')}</td></tr>`
    : s.agencies.map(
        (a, i) => html`<tr><td>${i + 1}</td><th scope="row">${a.agency.name}</th><td>${a.received}</td><td>${a.answeredOnTime}</td><td>${a.answeredLate}</td><td>${a.overdue}</td><td>${percent(a.onTimeRate)}</td><td>${decimal(a.medianWorkingDays)}</td><td>${decimal(a.ratings.average)}${a.ratings.count > 0 ? ` (${a.ratings.count})` : ''}</td></tr>`,
      )}</tbody>
<tfoot><tr><th scope="row" colspan="2">${bi('Tổng', 'Total')}</th><td>${s.totals.received}</td><td>${s.totals.answeredOnTime}</td><td>${s.totals.answeredLate}</td><td>${s.totals.overdue}</td><td>${percent(s.totals.onTimeRate)}</td><td>${decimal(s.totals.medianWorkingDays)}</td><td></td></tr></tfoot></table>
<p>${bi('Thời hạn trả lời tính theo ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết); thời gian chờ người hỏi bổ sung thông tin không được tính.', 'Deadlines count working days (no weekends, holidays or Tết); time waiting for the asker’s information is not counted.')}</p>
<p><a href="${site.prefix}/hoi-dap">‹ ${bi('Hỏi đáp', 'Questions and answers')}</a> · <a href="${site.prefix}/api/qa/public/statistics?from=${s.period.from}&amp;to=${s.period.to}" type="application/json">${bi('Dữ liệu JSON', 'JSON data')}</a></p>`;
  const doc = html`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Thống kê trả lời câu hỏi — ${site.name}</title><style>${STYLE}</style></head><body><header><p><a href="${site.prefix}/">${site.name}</a> › <a href="${site.prefix}/hoi-dap">Hỏi đáp</a></p></header><main id="noi-dung">${body}</main></body></html>`;
  return respond(200, doc.toString(), HEADERS);
}
