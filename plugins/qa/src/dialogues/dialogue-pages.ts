import { escapeHtml, respond, type RouteResponse } from '@cong/sdk';
import type { PageSite } from '../questions/question-pages.js';
import type { DialogueQuestionRow, DialogueRow, DialogueStatus } from './dialogue-database.js';
import type { PublicDialogue } from './public-dialogue.service.js';
import { pagerHtml } from '../consultations/public-pager.js';

// Every value from a person (the public's questions, staff's texts, guests' answers) goes through escapeHtml: no markup.
const e = escapeHtml;
const bi = (vi: string, en: string) => `${e(vi)} <span class="en" lang="en">(${e(en)})</span>`;

/** No script, forms only to this site, no framing by others. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  'referrer-policy': 'no-referrer',
};

const STYLE =
  'body{font-family:system-ui,sans-serif;color:#1f2328;margin:0;line-height:1.5}main,header{max-width:48rem;margin:1rem auto;padding:0 1rem}' +
  'label{display:block;font-weight:600;margin-top:.75rem}input,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}' +
  'input[type=checkbox]{width:auto}.en{color:#555;font-weight:400}.error{color:#a40e26;border-left:4px solid #a40e26;padding:.25rem .75rem}' +
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}button{margin-top:.75rem;padding:.5rem 1.2rem;font:inherit}' +
  '.text{white-space:pre-line}.question{border-left:3px solid #0b5394;padding:.25rem .75rem;margin:.75rem 0;background:#f6f8fa}' +
  '.answer{border-left:3px solid #1a7f37;padding:.25rem .75rem;margin:.5rem 0 0 .5rem;background:#fff}.status{font-weight:700}' +
  '.consent{background:#f6f8fa;padding:.75rem;border-radius:4px}.pager{display:flex;gap:1rem;list-style:none;padding:0}';

export const STATUS_LABELS: Readonly<Record<DialogueStatus, { vi: string; en: string }>> = {
  announced: { vi: 'Sắp diễn ra', en: 'Upcoming' },
  live: { vi: 'Đang diễn ra', en: 'Live now' },
  ended: { vi: 'Đã kết thúc', en: 'Ended' },
  published: { vi: 'Đã kết thúc, đã công bố nội dung', en: 'Ended, summary published' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Date and time in Vietnam, as people there write it. */
export function vnDateTime(ms: number): string {
  return new Date(ms).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** The asker as the public sees them: the given name only (the last word), no e-mail. */
export function askerLabel(name: string): string {
  const given = name.trim().split(/\s+/).pop() ?? '';
  return given === '' ? 'Bạn đọc' : `Bạn ${given}`;
}

function page(status: number, site: PageSite, title: string, titleEn: string, body: string): RouteResponse {
  const html =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${e(title)} — ${e(site.name)}</title><style>${STYLE}</style></head>` +
    `<body><header><nav aria-label="Đường dẫn"><a href="${e(site.prefix)}/">${e(site.name)}</a> › <a href="${e(site.prefix)}/doi-thoai">Giao lưu, đối thoại trực tuyến</a></nav></header>` +
    `<main id="noi-dung"><h1>${e(title)} <span class="en" lang="en">/ ${e(titleEn)}</span></h1>${body}</main></body></html>`;
  return respond(status, html, HEADERS);
}

const LIST_SECTIONS: readonly { id: string; vi: string; en: string; statuses: readonly DialogueStatus[] }[] = [
  { id: 'dang-dien-ra', vi: 'Đang diễn ra', en: 'Live now', statuses: ['live'] },
  { id: 'sap-dien-ra', vi: 'Sắp diễn ra', en: 'Upcoming', statuses: ['announced'] },
  { id: 'da-dien-ra', vi: 'Đã diễn ra', en: 'Past', statuses: ['ended', 'published', 'cancelled'] },
];

/**
 * One page of the site's dialogues (`/doi-thoai?trang=N`), newest schedule first: live, upcoming
 * (soonest first), past (latest first). Past the first page a section with nothing on it is left out.
 */
export function listPage(site: PageSite, items: readonly { row: DialogueRow; unitName: string }[], pageNumber = 1, pages = 1): RouteResponse {
  const sections = LIST_SECTIONS.filter((section) => pageNumber === 1 || items.some((i) => section.statuses.includes(i.row.status)));
  const body = sections.map((section) => {
    const rows = items.filter((i) => section.statuses.includes(i.row.status));
    if (section.id === 'sap-dien-ra') rows.reverse();
    return (
      `<section aria-labelledby="${section.id}"><h2 id="${section.id}">${bi(section.vi, section.en)}</h2>` +
      (rows.length === 0
        ? `<p>${bi('Không có buổi đối thoại nào.', 'None.')}</p>`
        : `<ul>${rows
            .map(
              (i) =>
                `<li><a href="${e(site.prefix)}/doi-thoai/${e(i.row.slug)}">${e(i.row.title)}</a> — ${e(i.unitName)}; ${e(vnDateTime(i.row.starts_at))}` +
                (i.row.status === 'cancelled' ? ` — <strong>${bi('Đã hủy', 'Cancelled')}</strong>` : '') +
                `</li>`,
            )
            .join('')}</ul>`) +
      `</section>`
    );
  }).join('');
  const feed = `<p><a href="${e(site.prefix)}/lich-gop-y-doi-thoai.ics">${bi('Lịch các buổi đối thoại và đợt lấy ý kiến sắp tới (iCalendar)', 'Calendar of coming dialogues and consultations')}</a></p>`;
  return page(200, site, pageNumber > 1 ? `Giao lưu, đối thoại trực tuyến — trang ${pageNumber}` : 'Giao lưu, đối thoại trực tuyến', 'Online dialogues with leaders', body + pagerHtml(`${site.prefix}/doi-thoai`, pageNumber, pages) + feed);
}

export interface AskFormValues {
  readonly name?: string;
  readonly email?: string;
  readonly content?: string;
  readonly consentProcessing?: string;
  readonly consentPublish?: string;
}

/** The question form; works without JavaScript; values sent are put back (escaped) after a refusal. */
function askForm(site: PageSite, slug: string, formToken: string, maxLength: number, values: AskFormValues = {}): string {
  const field = (name: 'name' | 'email', label: string, en: string, type: string, extra: string) =>
    `<label for="d-${name}">${bi(label, en)}</label><input id="d-${name}" name="${name}" type="${type}" value="${e(values[name] ?? '')}" ${extra}>`;
  return (
    `<form method="post" action="${e(site.prefix)}/doi-thoai/${e(slug)}/dat-cau-hoi" accept-charset="utf-8">` +
    field('name', 'Họ và tên *', 'Full name', 'text', 'required maxlength="200" autocomplete="name"') +
    field('email', 'E-mail * (để xác nhận, không công khai)', 'E-mail, to confirm; not published', 'email', 'required maxlength="254" autocomplete="email"') +
    `<label for="d-content">${bi('Nội dung câu hỏi *', 'Your question')}</label><textarea id="d-content" name="content" rows="6" required maxlength="${maxLength}">${e(values.content ?? '')}</textarea>` +
    `<div class="hp" aria-hidden="true"><label for="d-website">Website (để trống / leave empty)</label><input id="d-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>` +
    `<input type="hidden" name="formToken" value="${e(formToken)}">` +
    `<div class="consent"><p>${e('Họ tên và e-mail được dùng để xác nhận câu hỏi và trả lời bạn; trên trang chỉ hiện tên gọi của bạn. Câu hỏi đã duyệt nhưng chưa được trả lời tại buổi đối thoại được chuyển đến Ban biên tập để trả lời theo quy trình hỏi đáp.')}</p>` +
    `<p class="en" lang="en">${e('Your name and e-mail are used to confirm the question and answer you; the page shows only your given name. Approved questions not answered during the event are forwarded to the editorial board and answered as ordinary questions.')}</p>` +
    `<label><input type="checkbox" name="consentProcessing" value="on" required${values.consentProcessing ? ' checked' : ''}> ${bi('Tôi đồng ý để cơ quan nhà nước xử lý thông tin cá nhân nêu trên cho mục đích này *', 'I agree to the processing of my personal data for this purpose')}</label>` +
    `<label><input type="checkbox" name="consentPublish" value="on"${values.consentPublish ? ' checked' : ''}> ${bi('Tôi đồng ý công khai câu hỏi và câu trả lời trong mục Hỏi đáp nếu câu hỏi được chuyển tiếp (đã che thông tin cá nhân)', 'I agree to the question and its answer being published in the Q&A section if it is forwarded, with personal data masked')}</label></div>` +
    `<button type="submit">Gửi câu hỏi / Send</button></form>`
  );
}

function questionItem(q: DialogueQuestionRow): string {
  const state =
    q.status === 'answering'
      ? `<p class="status">${bi('Đang được trả lời', 'Being answered now')}</p>`
      : q.status === 'forwarded'
        ? `<p>${bi('Chưa được trả lời tại buổi đối thoại; đã chuyển Ban biên tập để trả lời theo quy trình hỏi đáp.', 'Not answered during the event; forwarded to the editorial board.')}</p>`
        : '';
  const answer =
    q.status === 'answered' && q.answer_text !== null
      ? `<div class="answer"><p><strong>${e(q.answered_by_name ?? '')}</strong>${q.answered_by_title ? `, ${e(q.answered_by_title)}` : ''} ${bi('trả lời:', 'answers:')}</p><div class="text">${e(q.answer_text)}</div></div>`
      : '';
  return `<li class="question"><p><strong>${e(askerLabel(q.asker_name))}</strong> ${bi(q.asked_during === 'during' ? 'hỏi trong buổi đối thoại' : 'hỏi trước buổi đối thoại', q.asked_during === 'during' ? 'asked during the event' : 'asked before the event')}:</p><div class="text">${e(q.content)}</div>${state}${answer}</li>`;
}

/** An event's page (QA-30, QA-31): details, guests, the livestream, the questions with answers, the form, and afterwards the summary and video. */
export function dialoguePage(site: PageSite, d: PublicDialogue, formToken: string, maxLength: number): RouteResponse {
  const r = d.row;
  const label = STATUS_LABELS[r.status];
  const asking = r.status === 'announced' || r.status === 'live';
  let body =
    `<p class="status">${bi(label.vi, label.en)}</p>` +
    `<dl><dt>${bi('Đơn vị tổ chức', 'Organised by')}</dt><dd>${e(d.unitName)}</dd>` +
    `<dt>${bi('Lĩnh vực', 'Field')}</dt><dd>${e(d.fieldName)}</dd>` +
    `<dt>${bi('Thời gian', 'Time')}</dt><dd>${e(`Từ ${vnDateTime(r.starts_at)} đến ${vnDateTime(r.ends_at)}`)}` +
    (r.status === 'announced' || r.status === 'live' ? ` — <a href="${e(site.prefix)}/doi-thoai/${e(r.slug)}/lich.ics">Thêm vào lịch <span class="en" lang="en">/ Add to calendar</span></a>` : '') +
    `</dd>` +
    (r.livestream_url && asking ? `<dt>${bi('Truyền hình trực tiếp', 'Livestream')}</dt><dd><a href="${e(r.livestream_url)}" rel="noopener noreferrer nofollow">${bi('Xem trực tiếp', 'Watch live')}</a></dd>` : '') +
    `</dl>`;
  if (r.status === 'cancelled') body += `<p class="error">${bi('Buổi đối thoại đã bị hủy.', 'The dialogue has been cancelled.')} ${e(r.cancel_reason ?? '')}</p>`;
  if (r.description) body += `<h2>${bi('Giới thiệu', 'About')}</h2><div class="text">${e(r.description)}</div>`;
  body += `<h2>${bi('Khách mời', 'Guests')}</h2><ul>${d.guests.map((g) => `<li><strong>${e(g.name)}</strong>${g.title ? `, ${e(g.title)}` : ''}${g.unit_name ? ` — ${e(g.unit_name)}` : ''}</li>`).join('')}</ul>`;

  if (r.status === 'published') {
    body += `<section aria-labelledby="noi-dung-buoi"><h2 id="noi-dung-buoi">${bi('Nội dung buổi đối thoại', 'Summary or transcript')}</h2><div class="text">${e(r.summary ?? '')}</div>`;
    if (r.video_url) body += `<p><a href="${e(r.video_url)}" rel="noopener noreferrer nofollow">${bi('Xem video buổi đối thoại', 'Watch the video')}</a></p>`;
    body += `</section>`;
  }

  body += `<section aria-labelledby="cau-hoi"><h2 id="cau-hoi">${bi(`Câu hỏi và trả lời (${d.questions.length})`, 'Questions and answers')}</h2>`;
  if (r.status === 'live') body += `<p>${bi('Câu trả lời mới được cập nhật khi bạn tải lại trang.', 'New answers appear when you reload the page.')} <a href="${e(site.prefix)}/doi-thoai/${e(r.slug)}#cau-hoi">${bi('Tải lại', 'Reload')}</a></p>`;
  body += d.questions.length === 0 ? `<p>${bi('Chưa có câu hỏi được duyệt.', 'No approved questions yet.')}</p>` : `<ul>${d.questions.map(questionItem).join('')}</ul>`;
  body += `</section>`;

  if (asking) {
    body +=
      `<section aria-labelledby="dat-cau-hoi"><h2 id="dat-cau-hoi">${bi('Gửi câu hỏi', 'Ask a question')}</h2>` +
      `<p>${bi('Câu hỏi được xác nhận qua e-mail và kiểm duyệt trước khi hiển thị. Các mục có dấu * là bắt buộc.', 'Questions are confirmed by e-mail and moderated before they are shown. Fields marked * are required.')}</p>` +
      askForm(site, r.slug, formToken, maxLength) +
      `</section>`;
  }
  return page(200, site, r.title, 'Online dialogue', body);
}

/** The form again after a refusal, with the problems named and the values put back (escaped). */
export function askRefusedPage(site: PageSite, row: DialogueRow, formToken: string, maxLength: number, values: AskFormValues, problems: readonly { vi: string; en: string }[], status: number): RouteResponse {
  const list = `<div class="error" role="alert"><p>${bi('Câu hỏi chưa được gửi:', 'Your question was not sent:')}</p><ul>${problems.map((p) => `<li>${e(p.vi)} <span class="en" lang="en">${e(p.en)}</span></li>`).join('')}</ul></div>`;
  return page(status, site, `Gửi câu hỏi: ${row.title}`, 'Ask a question', list + askForm(site, row.slug, formToken, maxLength, values));
}

export function messagePage(site: PageSite, status: number, title: string, titleEn: string, vi: string, en: string, back?: string): RouteResponse {
  return page(status, site, title, titleEn, `<p>${e(vi)}</p><p class="en" lang="en">${e(en)}</p>` + (back ? `<p><a href="${e(back)}">${bi('Quay lại buổi đối thoại', 'Back to the dialogue')}</a></p>` : ''));
}

/** The page a verification link opens: a button, so mail scanners that fetch links verify nothing. */
export function confirmPage(site: PageSite, token: string, title: string): RouteResponse {
  return page(
    200,
    site,
    'Xác nhận câu hỏi',
    'Confirm your question',
    `<p>${bi('Buổi đối thoại:', 'Dialogue:')} <strong>${e(title)}</strong></p><form method="post" action="${e(site.prefix)}/doi-thoai/xac-nhan/${e(token)}"><button type="submit">Xác nhận / Confirm</button></form>`,
  );
}
