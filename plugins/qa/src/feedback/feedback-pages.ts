import { escapeHtml, respond, type RouteResponse } from '@cong/sdk';
import type { PageSite } from '../questions/question-pages.js';
import { CLASSIFICATIONS, CONTENT_TYPES, DECISIONS, type FeedbackKind, type FeedbackRow, type FeedbackStatus } from './feedback-database.js';
import type { SubmissionProblem, SubmissionValues } from './public-feedback.service.js';

// Every value from a person (senders' texts, staff's public texts) goes through escapeHtml: no markup.
const e = escapeHtml;
const bi = (vi: string, en: string) => `${e(vi)} <span class="en" lang="en">(${e(en)})</span>`;

/** No script, forms only to this site, no framing by others. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  'referrer-policy': 'no-referrer',
};
/** Public lists (results, ideas) may be cached by the browser but revalidated, so a change shows at once. */
const PUBLIC_HEADERS = { ...HEADERS, 'cache-control': 'no-cache' };

const STYLE =
  'body{font-family:system-ui,sans-serif;color:#1f2328;margin:0;line-height:1.5}main,header{max-width:48rem;margin:1rem auto;padding:0 1rem}' +
  'label{display:block;font-weight:600;margin-top:.75rem}input,select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}' +
  'input[type=checkbox]{width:auto}.en{color:#555;font-weight:400}.error{color:#a40e26;border-left:4px solid #a40e26;padding:.25rem .75rem}' +
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}button{margin-top:.75rem;padding:.5rem 1.2rem;font:inherit}' +
  '.text{white-space:pre-line}.item{border-left:3px solid #0b5394;padding:.25rem .75rem;margin:1rem 0;background:#f6f8fa}' +
  '.note{background:#f6f8fa;padding:.75rem;border-radius:4px}.code{font-size:1.6rem;font-weight:700;letter-spacing:.1em}';

/** The two public areas: their path, their name and what the breadcrumb links to. */
export const AREAS: Readonly<Record<FeedbackKind, { path: string; vi: string; en: string }>> = {
  regulation: { path: 'phan-anh-kien-nghi', vi: 'Phản ánh, kiến nghị về quy định hành chính', en: 'Feedback on regulations' },
  idea: { path: 'gop-y-hien-ke', vi: 'Góp ý, hiến kế xây dựng quê hương', en: 'Ideas for the province' },
};

export const STATUS_LABELS: Readonly<Record<FeedbackStatus, { vi: string; en: string }>> = {
  unverified: { vi: 'Chưa xác nhận', en: 'Not confirmed' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  registered: { vi: 'Đã vào sổ, đang phân loại', en: 'Registered, being classified' },
  'not-accepted': { vi: 'Không thuộc phạm vi tiếp nhận', en: 'Not accepted' },
  forwarding: { vi: 'Đang chuyển cơ quan có thẩm quyền', en: 'Being forwarded to the competent body' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the competent body' },
  processing: { vi: 'Đang xem xét, xử lý', en: 'Being processed' },
  decided: { vi: 'Đã có quyết định xử lý', en: 'Decided' },
  published: { vi: 'Đã công khai kết quả', en: 'Result published' },
  accepted: { vi: 'Đã tiếp nhận và công khai', en: 'Accepted and published' },
  rejected: { vi: 'Không tiếp nhận', en: 'Not accepted' },
  archived: { vi: 'Đã lưu trữ', en: 'Archived' },
};

/** A Vietnam calendar date `YYYY-MM-DD` as people there write it (`17/2/2027`). */
export function vnDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}
const vnDay = (ms: number) => vnDate(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));

function page(status: number, site: PageSite, kind: FeedbackKind, title: string, titleEn: string, body: string, headers = HEADERS): RouteResponse {
  const area = AREAS[kind];
  const html =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${e(title)} — ${e(site.name)}</title><style>${STYLE}</style></head>` +
    `<body><header><nav aria-label="Đường dẫn"><a href="${e(site.prefix)}/">${e(site.name)}</a> › <a href="${e(site.prefix)}/${area.path}">${e(area.vi)}</a></nav></header>` +
    `<main id="noi-dung"><h1>${e(title)} <span class="en" lang="en">/ ${e(titleEn)}</span></h1>${body}</main></body></html>`;
  return respond(status, html, headers);
}

export interface FormModel {
  readonly formToken: string;
  readonly receivingUnitName: string;
  readonly nationalPortalUrl: string;
  readonly contentMaxLength: number;
}

function input(name: keyof SubmissionValues, label: string, en: string, type: string, values: SubmissionValues, extra: string): string {
  return `<label for="f-${name}">${bi(label, en)}</label><input id="f-${name}" name="${name}" type="${type}" value="${e(values[name] ?? '')}" ${extra}>`;
}
function textarea(name: keyof SubmissionValues, label: string, en: string, values: SubmissionValues, extra: string): string {
  return `<label for="f-${name}">${bi(label, en)}</label><textarea id="f-${name}" name="${name}" rows="6" ${extra}>${e(values[name] ?? '')}</textarea>`;
}

/** The form of feedback on a regulation (QA-10, QA-11) or of an idea (QA-15); works without JavaScript; values sent are put back escaped. */
export function formPage(site: PageSite, kind: FeedbackKind, model: FormModel, values: SubmissionValues = {}, problems: readonly SubmissionProblem[] = [], status = 200): RouteResponse {
  const area = AREAS[kind];
  const action = kind === 'regulation' ? `${site.prefix}/${area.path}` : `${site.prefix}/${area.path}/gui`;
  let body = '';
  if (problems.length > 0) {
    body += `<div class="error" role="alert"><p>${bi('Nội dung chưa được gửi:', 'Not sent:')}</p><ul>${problems.map((p) => `<li><a href="#f-${e(p.field)}">${e(p.vi)}</a> <span class="en" lang="en">${e(p.en)}</span></li>`).join('')}</ul></div>`;
  }
  if (kind === 'regulation') {
    body +=
      `<div class="note"><p>${bi(`Phản ánh, kiến nghị về quy định hành chính của tỉnh được ${model.receivingUnitName} tiếp nhận, vào sổ, phân loại và xử lý theo Nghị định 20/2008/NĐ-CP; kết quả xử lý được công khai.`, 'Feedback on the province’s administrative regulations is received, registered, classified and processed under Decree 20/2008; results are published.')}</p>` +
      `<p>${bi('Phản ánh, kiến nghị về quy định của bộ, ngành trung ương: gửi trên Cổng Dịch vụ công quốc gia.', 'Feedback on national regulations: send it on the National Public Service Portal.')} <a href="${e(model.nationalPortalUrl)}" rel="noopener noreferrer">${bi('Gửi phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia', 'Send feedback on the National Public Service Portal')}</a></p>` +
      `<p>${bi('Nội dung viết bằng tiếng Việt, rõ ràng; ghi rõ họ tên, địa chỉ, số điện thoại để cơ quan liên hệ khi cần. Các mục có dấu * là bắt buộc.', 'Write in Vietnamese, clearly; give your name, address and phone so the agency can reach you. Fields marked * are required.')}</p></div>`;
  } else {
    body += `<p>${bi('Ý tưởng, sáng kiến xây dựng và phát triển tỉnh. Góp ý được tiếp nhận sẽ được công khai (nội dung do cơ quan biên tập, không kèm thông tin liên hệ) để mọi người cùng ủng hộ. Các mục có dấu * là bắt buộc.', 'Ideas for developing the province. Accepted ideas are published (as edited, without contact details) for others to support. Fields marked * are required.')}</p>`;
  }
  body += `<form method="post" action="${e(action)}" accept-charset="utf-8">`;
  body += `<fieldset><legend>${bi('Người gửi', 'Sender')}</legend>`;
  body += input('name', 'Họ và tên *', 'Full name', 'text', values, 'required maxlength="200" autocomplete="name"');
  body += input('email', 'E-mail * (để xác nhận và nhận trả lời)', 'E-mail, to confirm and receive replies', 'email', values, 'required maxlength="254" autocomplete="email"');
  body += kind === 'regulation' ? input('phone', 'Số điện thoại *', 'Phone', 'tel', values, 'required maxlength="20" autocomplete="tel"') : input('phone', 'Số điện thoại', 'Phone', 'tel', values, 'maxlength="20" autocomplete="tel"');
  body += kind === 'regulation' ? input('address', 'Địa chỉ *', 'Address', 'text', values, 'required maxlength="300" autocomplete="street-address"') : input('address', 'Địa chỉ', 'Address', 'text', values, 'maxlength="300" autocomplete="street-address"');
  body += `</fieldset>`;
  if (kind === 'regulation') {
    body += `<fieldset><legend>${bi('Quy định được phản ánh', 'The regulation concerned')}</legend>`;
    body +=
      `<label for="f-contentType">${bi('Nội dung phản ánh, kiến nghị *', 'Content type')}</label><select id="f-contentType" name="contentType" required><option value="">— Chọn / Choose —</option>` +
      Object.entries(CONTENT_TYPES).map(([code, label]) => `<option value="${e(code)}"${values.contentType === code ? ' selected' : ''}>${e(label.vi)} (${e(label.en)})</option>`).join('') +
      `</select>`;
    body += input('regulationName', 'Tên, số, ký hiệu văn bản quy định *', 'Name or number of the regulation', 'text', values, 'required maxlength="500"');
    body += input('regulationLink', 'Đường dẫn đến văn bản (nếu có)', 'Link to the text, optional', 'url', values, 'maxlength="2000"');
    body += `</fieldset>`;
  }
  body += input('title', 'Tiêu đề *', 'Title', 'text', values, 'required maxlength="300"');
  body += textarea('content', kind === 'regulation' ? 'Nội dung phản ánh, kiến nghị *' : 'Nội dung góp ý, hiến kế *', 'Content', values, `required maxlength="${model.contentMaxLength}"`);
  if (kind === 'regulation') body += textarea('proposal', 'Đề xuất, giải pháp (nếu có)', 'Proposed solution, optional', values, `maxlength="${model.contentMaxLength}"`);
  body += `<div class="hp" aria-hidden="true"><label for="f-website">Website (để trống / leave empty)</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>`;
  body += `<input type="hidden" name="formToken" value="${e(model.formToken)}">`;
  body +=
    `<div class="note"><p>${e('Họ tên, địa chỉ, số điện thoại và e-mail chỉ được dùng để xác nhận, xử lý và trả lời; không được công khai.')}</p><p class="en" lang="en">${e('Your name, address, phone and e-mail are used only to confirm, process and reply; they are never published.')}</p>` +
    `<label><input type="checkbox" name="consentProcessing" value="on" required${values.consentProcessing ? ' checked' : ''}> ${bi('Tôi đồng ý để cơ quan nhà nước xử lý thông tin cá nhân nêu trên cho mục đích này *', 'I agree to the processing of my personal data for this purpose')}</label>` +
    (kind === 'idea' ? `<label><input type="checkbox" name="consentPublish" value="on"${values.consentPublish ? ' checked' : ''}> ${bi('Tôi đồng ý ghi tên gọi của tôi khi góp ý được công khai', 'Show my given name when the idea is published')}</label>` : '') +
    `</div>`;
  body += `<button type="submit">Gửi / Send</button></form>`;
  body += `<p><a href="${e(site.prefix)}/${AREAS.regulation.path}/tra-cuu">${bi('Tra cứu kết quả xử lý', 'Look up a tracking code')}</a> · <a href="${e(site.prefix)}/${AREAS.regulation.path}/ket-qua">${bi('Kết quả xử lý đã công khai', 'Published results')}</a> · <a href="${e(site.prefix)}/${AREAS.idea.path}">${bi('Góp ý, hiến kế', 'Ideas')}</a></p>`;
  return page(status, site, kind, kind === 'regulation' ? 'Gửi phản ánh, kiến nghị' : 'Gửi góp ý, hiến kế', kind === 'regulation' ? 'Send feedback on a regulation' : 'Send an idea', body);
}

export function messagePage(site: PageSite, kind: FeedbackKind, status: number, title: string, titleEn: string, vi: string, en: string, back?: string): RouteResponse {
  return page(status, site, kind, title, titleEn, `<p>${e(vi)}</p><p class="en" lang="en">${e(en)}</p>` + (back ? `<p><a href="${e(back)}">${bi('Quay lại', 'Back')}</a></p>` : ''));
}

export function invalidLinkPage(site: PageSite, kind: FeedbackKind): RouteResponse {
  return messagePage(site, kind, 404, 'Liên kết không còn hiệu lực', 'This link is no longer valid', 'Liên kết xác nhận không đúng, đã được dùng hoặc đã hết hạn.', 'The confirmation link is wrong, already used or expired.');
}

/** The page a verification link opens: a button, so mail scanners that fetch links verify nothing. */
export function confirmPage(site: PageSite, kind: FeedbackKind, action: string, title: string): RouteResponse {
  return page(200, site, kind, 'Xác nhận', 'Confirm', `<p><strong>${e(title)}</strong></p><form method="post" action="${e(action)}"><button type="submit">Xác nhận / Confirm</button></form>`);
}

export function verifiedPage(site: PageSite, kind: FeedbackKind, code: string): RouteResponse {
  return page(
    200,
    site,
    kind,
    'Đã tiếp nhận',
    'Received',
    `<p>${bi('Mã theo dõi của bạn (cũng đã gửi qua e-mail; dùng cùng địa chỉ e-mail để tra cứu):', 'Your tracking code (also e-mailed to you; look it up with your e-mail address):')}</p><p class="code">${e(code)}</p>` +
      `<p><a href="${e(site.prefix)}/${AREAS.regulation.path}/tra-cuu">${bi('Tra cứu kết quả xử lý', 'Look up its status')}</a></p>`,
  );
}

/** The status look-up form, with a problem when the code and e-mail matched nothing. */
export function lookupPage(site: PageSite, notFound = false, status = 200): RouteResponse {
  const body =
    (notFound ? `<p class="error" role="alert">${bi('Không tìm thấy nội dung với mã theo dõi và e-mail này.', 'Nothing matches this tracking code and e-mail.')}</p>` : '') +
    `<form method="post" action="${e(site.prefix)}/${AREAS.regulation.path}/tra-cuu">` +
    `<label for="l-code">${bi('Mã theo dõi', 'Tracking code')}</label><input id="l-code" name="trackingCode" type="text" required maxlength="40" autocomplete="off">` +
    `<label for="l-email">${bi('E-mail đã dùng khi gửi', 'The e-mail you sent it with')}</label><input id="l-email" name="email" type="email" required maxlength="254" autocomplete="email">` +
    `<button type="submit">Tra cứu / Look up</button></form>`;
  return page(status, site, 'regulation', 'Tra cứu phản ánh, kiến nghị, góp ý', 'Look up feedback or an idea', body);
}

/** The status: what was decided and when; never the sender's name, contact or text. */
export function statusPage(site: PageSite, row: FeedbackRow): RouteResponse {
  const label = STATUS_LABELS[row.status];
  let body =
    `<dl><dt>${bi('Mã theo dõi', 'Tracking code')}</dt><dd>${e(row.tracking_code ?? '')}</dd>` +
    `<dt>${bi('Loại', 'Kind')}</dt><dd>${bi(AREAS[row.kind].vi, AREAS[row.kind].en)}</dd>` +
    `<dt>${bi('Tiêu đề', 'Title')}</dt><dd>${e(row.title)}</dd>` +
    `<dt>${bi('Tình trạng', 'Status')}</dt><dd>${bi(label.vi, label.en)}</dd>` +
    (row.received_at !== null ? `<dt>${bi('Ngày tiếp nhận', 'Received on')}</dt><dd>${e(vnDay(row.received_at))}</dd>` : '') +
    (row.register_number ? `<dt>${bi('Số vào sổ', 'Register number')}</dt><dd>${e(row.register_number)}</dd>` : '') +
    (row.classification ? `<dt>${bi('Phân loại', 'Classification')}</dt><dd>${bi(CLASSIFICATIONS[row.classification].vi, CLASSIFICATIONS[row.classification].en)}</dd>` : '') +
    (row.classification === 'not-accepted' || row.status === 'rejected' ? `<dt>${bi('Lý do', 'Reason')}</dt><dd class="text">${e(row.classify_reason ?? '')}</dd>` : '') +
    (row.status === 'forwarding' && row.forward_due_on ? `<dt>${bi('Hạn chuyển cơ quan có thẩm quyền', 'To be forwarded by')}</dt><dd>${e(vnDate(row.forward_due_on))}</dd>` : '') +
    (row.forwarded_to ? `<dt>${bi('Đã chuyển đến', 'Forwarded to')}</dt><dd>${e(row.forwarded_to)}</dd>` : '') +
    (row.decision ? `<dt>${bi('Quyết định xử lý', 'Decision')}</dt><dd>${bi(DECISIONS[row.decision].vi, DECISIONS[row.decision].en)}</dd>` : '') +
    `</dl>`;
  if (row.public_slug && row.kind === 'regulation' && row.published_at !== null) body += `<p><a href="${e(site.prefix)}/${AREAS.regulation.path}/ket-qua#${e(row.public_slug)}">${bi('Xem kết quả xử lý đã công khai', 'Read the published result')}</a></p>`;
  if (row.public_slug && row.kind === 'idea' && row.published_at !== null) body += `<p><a href="${e(site.prefix)}/${AREAS.idea.path}/${e(row.public_slug)}">${bi('Xem góp ý đã công khai', 'Read the published idea')}</a></p>`;
  return page(200, site, row.kind, 'Kết quả tra cứu', 'Status', body);
}

/** Published results of feedback on regulations (QA-13): the texts written for the public, no personal data. */
export function resultsPage(site: PageSite, rows: readonly FeedbackRow[]): RouteResponse {
  const body =
    `<p><a href="${e(site.prefix)}/${AREAS.regulation.path}">${bi('Gửi phản ánh, kiến nghị', 'Send feedback')}</a></p>` +
    (rows.length === 0
      ? `<p>${bi('Chưa có kết quả xử lý được công khai.', 'No results published yet.')}</p>`
      : rows
          .map(
            (r) =>
              `<article class="item" id="${e(r.public_slug ?? r.id)}" aria-labelledby="h-${e(r.public_slug ?? r.id)}"><h2 id="h-${e(r.public_slug ?? r.id)}">${e(r.public_title ?? '')}</h2>` +
              `<dl><dt>${bi('Quy định được phản ánh', 'Regulation')}</dt><dd>${e(r.regulation_name ?? '')}</dd>` +
              (r.content_type ? `<dt>${bi('Nội dung', 'Content type')}</dt><dd>${e(CONTENT_TYPES[r.content_type].vi)}</dd>` : '') +
              (r.register_number ? `<dt>${bi('Số vào sổ', 'Register number')}</dt><dd>${e(r.register_number)}</dd>` : '') +
              (r.decision ? `<dt>${bi('Quyết định', 'Decision')}</dt><dd>${e(DECISIONS[r.decision].vi)}</dd>` : '') +
              `<dt>${bi('Ngày công khai', 'Published')}</dt><dd>${e(vnDay(r.published_at ?? r.updated_at))}</dd></dl>` +
              `<h3>${bi('Tóm tắt phản ánh, kiến nghị', 'Summary')}</h3><div class="text">${e(r.public_summary ?? '')}</div>` +
              `<h3>${bi('Kết quả xử lý', 'Result')}</h3><div class="text">${e(r.public_result ?? '')}</div></article>`,
          )
          .join(''));
  return page(200, site, 'regulation', 'Kết quả xử lý phản ánh, kiến nghị', 'Results of feedback on regulations', body, PUBLIC_HEADERS);
}

const ACK = { acknowledged: { vi: 'Đã ghi nhận', en: 'Acknowledged' }, adopted: { vi: 'Đã tiếp thu, áp dụng', en: 'Adopted' } } as const;
const credit = (row: FeedbackRow) => (row.consent_publish === 1 ? `Bạn ${row.sender_name.trim().split(/\s+/).pop() ?? ''}` : 'Người dân');

/** The province's accepted ideas, with their support counts and acknowledgements (QA-15). */
export function ideasPage(site: PageSite, rows: readonly FeedbackRow[]): RouteResponse {
  const body =
    `<p><a href="${e(site.prefix)}/${AREAS.idea.path}/gui">${bi('Gửi góp ý, hiến kế', 'Send an idea')}</a></p>` +
    (rows.length === 0
      ? `<p>${bi('Chưa có góp ý, hiến kế được công khai.', 'No ideas published yet.')}</p>`
      : `<ul>${rows
          .map(
            (r) =>
              `<li class="item"><a href="${e(site.prefix)}/${AREAS.idea.path}/${e(r.public_slug ?? '')}">${e(r.public_title ?? '')}</a> — ${e(credit(r))}; ${bi(`${r.support_count} lượt ủng hộ`, `${r.support_count} supporters`)}` +
              (r.acknowledgement ? ` — <strong>${bi(ACK[r.acknowledgement].vi, ACK[r.acknowledgement].en)}</strong>` : '') +
              `</li>`,
          )
          .join('')}</ul>`);
  return page(200, site, 'idea', 'Góp ý, hiến kế xây dựng quê hương', 'Ideas for the province', body, PUBLIC_HEADERS);
}

/** An idea's page: the public text, the acknowledgement, the support count and the support form (while accepted). */
export function ideaPage(site: PageSite, row: FeedbackRow, formToken: string, problem: { vi: string; en: string } | null = null, status = 200): RouteResponse {
  let body =
    `<p>${e(credit(row))} — ${e(vnDay(row.published_at ?? row.created_at))}</p>` +
    `<div class="text">${e(row.public_summary ?? '')}</div>` +
    `<p><strong>${bi(`${row.support_count} lượt ủng hộ`, `${row.support_count} supporters`)}</strong></p>`;
  if (row.acknowledgement) body += `<section class="note" aria-labelledby="ghi-nhan"><h2 id="ghi-nhan">${bi(ACK[row.acknowledgement].vi, ACK[row.acknowledgement].en)}</h2><div class="text">${e(row.acknowledgement_note ?? '')}</div></section>`;
  if (row.status === 'accepted') {
    body +=
      `<section aria-labelledby="ung-ho"><h2 id="ung-ho">${bi('Ủng hộ góp ý này', 'Support this idea')}</h2>` +
      (problem ? `<p class="error" role="alert">${e(problem.vi)} <span class="en" lang="en">${e(problem.en)}</span></p>` : '') +
      `<p>${bi('Mỗi địa chỉ e-mail được tính một lượt, sau khi xác nhận qua liên kết gửi đến e-mail. Địa chỉ không được công khai.', 'One support per e-mail address, counted once confirmed by the e-mailed link. The address is never shown.')}</p>` +
      `<form method="post" action="${e(site.prefix)}/${AREAS.idea.path}/${e(row.public_slug ?? '')}/ung-ho">` +
      `<label for="s-email">${bi('E-mail *', 'E-mail')}</label><input id="s-email" name="email" type="email" required maxlength="254" autocomplete="email">` +
      `<div class="hp" aria-hidden="true"><label for="s-website">Website (để trống / leave empty)</label><input id="s-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>` +
      `<input type="hidden" name="formToken" value="${e(formToken)}"><button type="submit">Ủng hộ / Support</button></form></section>`;
  }
  return page(status, site, 'idea', row.public_title ?? '', 'Idea', body);
}
