import { escapeHtml, respond, type RouteResponse } from '@cong/sdk';
import type { ProofChallenge } from '../public-forms/proof-of-work.js';
import type { QuestionAttachmentView } from './question-attachment.service.js';
import type { QuestionSuggestion } from './question-suggestion.service.js';
import type { PublicStatus } from './question.service.js';

// Citizens' text is never markup: every value goes through the SDK's escapeHtml.
const e = escapeHtml;

/** The pages answer with the form's own strict policy: no script, no foreign form targets, no framing by others. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

/**
 * The form page's policy: the same, plus the script files it loads from this site
 * (`/hoi-dap/goi-y.js`, duplicate suggestions while typing; `/hoi-dap/kiem-tra.js`, the proof-of-work
 * when it is on) and the first one's calls to this site's API. No inline script: the page works without
 * them, except that a proof-of-work needs the second.
 */
const FORM_HEADERS = {
  ...HEADERS,
  'content-security-policy': "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
};

/** The site a page is for: its name and the `/t/<slug>` prefix when it was reached by path. */
export interface PageSite {
  readonly name: string;
  readonly prefix: string;
}

const STYLE =
  'body{font-family:system-ui,sans-serif;color:#1f2328;margin:0}main{max-width:44rem;margin:2rem auto;padding:0 1rem}' +
  'label{display:block;font-weight:600;margin-top:1rem}input,select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}' +
  'input[type=checkbox]{width:auto}.en{color:#555;font-weight:400}.error{color:#a40e26;border-left:4px solid #a40e26;padding:.25rem .75rem}' +
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}button{margin-top:1.5rem;padding:.6rem 1.4rem;font:inherit}' +
  '.code{font-size:1.6rem;font-weight:700;letter-spacing:.1em}.consent{background:#f6f8fa;padding:.75rem;border-radius:4px}';

export function page(status: number, site: PageSite, title: { vi: string; en: string }, body: string, headers: Readonly<Record<string, string>> = HEADERS): RouteResponse {
  const html =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${e(title.vi)} — ${e(site.name)}</title><style>${STYLE}</style></head>` +
    `<body><main><p><a href="${e(site.prefix)}/">${e(site.name)}</a></p><h1>${e(title.vi)} <span class="en" lang="en">/ ${e(title.en)}</span></h1>${body}</main></body></html>`;
  return respond(status, html, headers);
}

export interface FormModel {
  readonly fields: readonly { code: string; name: string; nameEn: string }[];
  readonly communes: readonly { slug: string; name: string }[];
  readonly consent: { readonly vi: string; readonly en: string; readonly version: string };
  readonly formToken: string;
  readonly limits: { readonly titleMaxLength: number; readonly contentMaxLength: number; readonly attachmentsMaxCount?: number };
  /** The challenge to solve before sending, while `questions.proofOfWork` is on. */
  readonly proof?: ProofChallenge;
}

/** The files of a question being attached, and how to attach more (the upload form's hidden token). */
export interface AttachModel {
  readonly token: string;
  readonly attachments: readonly QuestionAttachmentView[];
  readonly remaining: number;
  readonly maxBytes: number;
}

/** Problems to show above the form, each with the field it names. */
export interface FormProblem {
  readonly field: string | null;
  readonly vi: string;
  readonly en: string;
}

const bi = (vi: string, en: string) => `${e(vi)} <span class="en" lang="en">(${e(en)})</span>`;

/** The question form: works without JavaScript; the values sent are put back (escaped) after a refusal. */
export function formPage(
  site: PageSite,
  model: FormModel,
  values: Readonly<Record<string, string>> = {},
  problems: readonly FormProblem[] = [],
  status = 200,
  suggestions: readonly QuestionSuggestion[] | null = null,
): RouteResponse {
  const v = (name: string) => e(values[name] ?? '');
  const input = (name: string, label: string, en: string, type: string, extra = '') =>
    `<label for="q-${name}">${bi(label, en)}</label><input id="q-${name}" name="${name}" type="${type}" value="${v(name)}" ${extra}>`;
  const options = (items: readonly { value: string; label: string }[], chosen: string | undefined) =>
    items.map((o) => `<option value="${e(o.value)}"${o.value === chosen ? ' selected' : ''}>${e(o.label)}</option>`).join('');
  const errorList =
    problems.length === 0
      ? ''
      : `<div class="error" role="alert"><p>${bi('Câu hỏi chưa được gửi:', 'Your question was not sent:')}</p><ul>${problems
          .map((p) => `<li>${p.field ? `<a href="#q-${e(p.field)}">${e(p.vi)}</a>` : e(p.vi)} <span class="en" lang="en">${e(p.en)}</span></li>`)
          .join('')}</ul></div>`;
  const body =
    errorList +
    `<p>${bi('Các mục có dấu * là bắt buộc. Câu hỏi chỉ được tiếp nhận sau khi bạn xác nhận qua e-mail.', 'Fields marked * are required. Your question is received once you confirm it by e-mail.')}</p>` +
    ((model.limits.attachmentsMaxCount ?? 0) > 0
      ? `<p>${bi(`Sau khi gửi, bạn có thể đính kèm tối đa ${model.limits.attachmentsMaxCount} tệp (PDF, JPEG, PNG, DOCX) trước khi xác nhận.`, `Once sent, you may attach up to ${model.limits.attachmentsMaxCount} files (PDF, JPEG, PNG, DOCX) before confirming.`)}</p>`
      : '') +
    proofNotice(model.proof) +
    `<form method="post" action="${e(site.prefix)}/hoi-dap/gui-cau-hoi" accept-charset="utf-8" data-suggest="${e(site.prefix)}/api/qa/public/suggestions" data-link-prefix="${e(site.prefix)}"${
      model.proof ? ` data-proof="${e(model.proof.challenge)}" data-proof-bits="${e(String(model.proof.bits))}"` : ''
    }>` +
    input('name', 'Họ và tên *', 'Full name', 'text', 'required maxlength="200" autocomplete="name"') +
    input('email', 'E-mail *', 'E-mail', 'email', 'required maxlength="254" autocomplete="email"') +
    input('phone', 'Số điện thoại', 'Phone', 'tel', 'maxlength="20" autocomplete="tel"') +
    input('address', 'Địa chỉ', 'Address', 'text', 'maxlength="300" autocomplete="street-address"') +
    `<label for="q-field">${bi('Lĩnh vực *', 'Field')}</label><select id="q-field" name="field" required>${options(
      model.fields.map((f) => ({ value: f.code, label: `${f.name} (${f.nameEn})` })),
      values.field,
    )}</select>` +
    `<label for="q-commune">${bi('Xã, phường liên quan (nếu có)', 'Commune concerned (optional)')}</label><select id="q-commune" name="commune"><option value="">—</option>${options(
      model.communes.map((c) => ({ value: c.slug, label: c.name })),
      values.commune,
    )}</select>` +
    input('title', 'Tiêu đề *', 'Title', 'text', `required maxlength="${model.limits.titleMaxLength}" aria-describedby="q-suggestions"`) +
    suggestionSection(site, suggestions) +
    `<label for="q-content">${bi('Nội dung câu hỏi *', 'Your question')}</label><textarea id="q-content" name="content" rows="10" required maxlength="${model.limits.contentMaxLength}">${v('content')}</textarea>` +
    `<div class="hp" aria-hidden="true"><label for="q-website">Website (để trống / leave empty)</label><input id="q-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>` +
    `<input type="hidden" name="formToken" value="${e(model.formToken)}">` +
    (model.proof ? `<input type="hidden" name="proof" value="">` : '') +
    `<div class="consent"><p>${e(model.consent.vi)}</p><p class="en" lang="en">${e(model.consent.en)}</p>` +
    `<label><input type="checkbox" name="consentProcessing" value="on" required${values.consentProcessing ? ' checked' : ''}> ${bi('Tôi đồng ý để cơ quan nhà nước xử lý thông tin cá nhân nêu trên cho mục đích này *', 'I agree to the processing of my personal data for this purpose')}</label>` +
    `<label><input type="checkbox" name="consentPublish" value="on"${values.consentPublish ? ' checked' : ''}> ${bi('Tôi đồng ý công khai câu hỏi và câu trả lời (đã che thông tin cá nhân)', 'I agree to the question and its answer being published with personal data masked')}</label></div>` +
    (model.proof ? `<p id="q-proof-status" role="status" aria-live="polite"></p>` : '') +
    `<button type="submit">Gửi câu hỏi / Send</button> ` +
    // Without JavaScript, the same form asks for similar questions (nothing is sent); the script does it while typing.
    `<button type="submit" formaction="${e(site.prefix)}/hoi-dap/gui-cau-hoi/tuong-tu" formnovalidate>Tìm câu hỏi tương tự / Find similar questions</button></form>` +
    `<p><a href="${e(site.prefix)}/hoi-dap/tra-cuu">${bi('Tra cứu câu hỏi đã gửi', 'Track a question')}</a></p>` +
    `<script src="${e(site.prefix)}/hoi-dap/goi-y.js" defer></script>` +
    (model.proof ? `<script src="${e(site.prefix)}/hoi-dap/kiem-tra.js" defer></script>` : '');
  return page(status, site, { vi: 'Gửi câu hỏi', en: 'Ask a question' }, body, FORM_HEADERS);
}

/** While proof-of-work is on, a browser without JavaScript is told first that the form cannot be sent from it. */
function proofNotice(proof: ProofChallenge | undefined): string {
  if (!proof) return '';
  return (
    `<noscript><div class="error" role="note"><p>${bi(
      'Biểu mẫu đang bật chế độ chống gửi tự động: cần bật JavaScript trong trình duyệt để gửi câu hỏi.',
      'The form’s protection against automated sending is on: JavaScript must be enabled in the browser to send a question.',
    )}</p></div></noscript>`
  );
}

/**
 * Published questions like the one typed (QA-06), under the title: server-rendered after "Tìm câu hỏi
 * tương tự", filled by the script while typing. Always present (empty), so the script has its place.
 */
function suggestionSection(site: PageSite, suggestions: readonly QuestionSuggestion[] | null): string {
  let inner = '';
  if (suggestions !== null) {
    inner =
      suggestions.length === 0
        ? `<p>${bi('Chưa có câu hỏi tương tự đã được trả lời.', 'No similar answered question yet.')}</p>`
        : `<p>${bi('Câu hỏi tương tự đã được trả lời:', 'Similar questions already answered:')}</p><ul>${suggestions
            .map((q) => `<li><a href="${e(site.prefix)}${e(q.path)}">${e(q.title)}</a> <span class="en">(${e(q.field)})</span></li>`)
            .join('')}</ul>`;
  }
  return `<div id="q-suggestions" class="suggestions" aria-live="polite">${inner}</div>`;
}

/** The files attached so far and, while the question takes more, a form to upload one more (no JavaScript needed). */
function attachSection(site: PageSite, attach: AttachModel): string {
  const list =
    attach.attachments.length === 0
      ? ''
      : `<ul>${attach.attachments.map((f) => `<li>${e(f.name)} (${e(Math.max(1, Math.round(f.size / 1024)).toLocaleString('vi-VN'))} KB)</li>`).join('')}</ul>`;
  const most = attach.maxBytes >= 1024 * 1024 ? `${Math.round((attach.maxBytes / 1024 / 1024) * 10) / 10} MB` : `${Math.floor(attach.maxBytes / 1024)} KB`;
  const form =
    attach.remaining <= 0
      ? `<p>${bi('Đã đủ số tệp tối đa.', 'The most files a question takes are attached.')}</p>`
      : `<form method="post" action="${e(site.prefix)}/hoi-dap/gui-cau-hoi/tep" enctype="multipart/form-data">` +
        `<input type="hidden" name="attachToken" value="${e(attach.token)}">` +
        `<label for="a-file">${bi(`Chọn tệp (PDF, JPEG, PNG, DOCX; tối đa ${most}; còn ${attach.remaining} tệp)`, `Choose a file (PDF, JPEG, PNG, DOCX; at most ${most}; ${attach.remaining} left)`)}</label>` +
        `<input id="a-file" name="file" type="file" required accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png">` +
        `<button type="submit">Đính kèm / Attach</button></form>`;
  return `<section aria-labelledby="attach-h"><h2 id="attach-h">${bi('Tệp đính kèm', 'Attachments')}</h2>${list}${form}` +
    `<p>${bi('Tệp chỉ được đính kèm trước khi bạn xác nhận câu hỏi qua e-mail.', 'Files can be attached until you confirm the question by e-mail.')}</p></section>`;
}

/** After an upload (or a refused one): the files so far, the problem if any, the form for one more. */
export function attachmentsPage(site: PageSite, attach: AttachModel, problem: FormProblem | null = null, status = 200): RouteResponse {
  return page(
    status,
    site,
    { vi: 'Đính kèm tệp', en: 'Attach files' },
    (problem ? `<div class="error" role="alert"><p>${bi(problem.vi, problem.en)}</p></div>` : '') +
      attachSection(site, attach) +
      `<p>${bi('Khi đã xong, mở liên kết trong e-mail và bấm "Xác nhận".', 'When you are done, open the link in the e-mail and press "Confirm".')}</p>`,
  );
}

export function submittedPage(site: PageSite, hours: number, attach: AttachModel | null = null): RouteResponse {
  return page(
    200,
    site,
    { vi: 'Vui lòng kiểm tra e-mail', en: 'Please check your e-mail' },
    `<p>${e(`Chúng tôi đã gửi một liên kết xác nhận đến địa chỉ e-mail của bạn. Câu hỏi chỉ được tiếp nhận sau khi bạn mở liên kết và bấm "Xác nhận" (trong ${hours} giờ).`)}</p>` +
      `<p class="en" lang="en">${e(`We sent a confirmation link to your e-mail address. Your question is received once you open it and press "Confirm" (within ${hours} hours).`)}</p>` +
      (attach && attach.remaining > 0 ? attachSection(site, attach) : ''),
  );
}

/** The page a verification link opens: a button, so that mail scanners that fetch links verify nothing. */
export function confirmPage(site: PageSite, token: string, title: string, attach: AttachModel | null = null): RouteResponse {
  return page(
    200,
    site,
    { vi: 'Xác nhận câu hỏi', en: 'Confirm your question' },
    `<p>${bi('Câu hỏi:', 'Question:')} <strong>${e(title)}</strong></p>` +
      (attach && (attach.remaining > 0 || attach.attachments.length > 0) ? attachSection(site, attach) : '') +
      `<form method="post" action="${e(site.prefix)}/hoi-dap/xac-nhan/${e(token)}"><button type="submit">Xác nhận / Confirm</button></form>`,
  );
}

export function invalidLinkPage(site: PageSite): RouteResponse {
  return page(
    404,
    site,
    { vi: 'Liên kết không còn hiệu lực', en: 'This link is no longer valid' },
    `<p>${bi('Liên kết xác nhận không đúng, đã được dùng hoặc đã hết hạn. Nếu câu hỏi đã được xác nhận, hãy tra cứu bằng mã theo dõi gửi qua e-mail.', 'The confirmation link is wrong, already used or expired. If your question was confirmed, track it with the code we e-mailed you.')}</p>`,
  );
}

export function verifiedPage(site: PageSite, code: string): RouteResponse {
  return page(
    200,
    site,
    { vi: 'Câu hỏi đã được tiếp nhận', en: 'Your question has been received' },
    `<p>${bi('Mã theo dõi của bạn (cũng đã gửi qua e-mail):', 'Your tracking code (also e-mailed to you):')}</p><p class="code">${e(code)}</p>` +
      `<p><a href="${e(site.prefix)}/hoi-dap/tra-cuu">${bi('Tra cứu tình trạng', 'Track its status')}</a></p>`,
  );
}

export function lookupPage(site: PageSite, problem: FormProblem | null = null, status = 200): RouteResponse {
  return page(
    status,
    site,
    { vi: 'Tra cứu câu hỏi', en: 'Track a question' },
    (problem ? `<div class="error" role="alert"><p>${bi(problem.vi, problem.en)}</p></div>` : '') +
      `<form method="post" action="${e(site.prefix)}/hoi-dap/tra-cuu">` +
      `<label for="s-code">${bi('Mã theo dõi', 'Tracking code')}</label><input id="s-code" name="trackingCode" required maxlength="30" autocomplete="off">` +
      `<label for="s-email">${bi('E-mail đã dùng khi gửi', 'E-mail used to ask')}</label><input id="s-email" name="email" type="email" required maxlength="254" autocomplete="email">` +
      `<button type="submit">Tra cứu / Track</button></form>`,
  );
}

const STATUS_LABELS: Readonly<Record<string, { vi: string; en: string }>> = {
  received: { vi: 'Đã tiếp nhận, đang phân loại', en: 'Received, being classified' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền trả lời', en: 'Forwarded to the competent agency' },
  returned: { vi: 'Đang được Ban biên tập xem xét lại', en: 'Being reviewed again by the editorial board' },
  closed: { vi: 'Không thuộc thẩm quyền của tỉnh', en: 'Outside the province’s competence' },
  waiting: { vi: 'Cơ quan trả lời đề nghị bạn bổ sung thông tin', en: 'The agency asks you for more information' },
  answered: { vi: 'Đã có câu trả lời', en: 'Answered' },
};

export function statusLabel(status: string): { vi: string; en: string } {
  return STATUS_LABELS[status] ?? { vi: status, en: status };
}

/**
 * What the asker sees of their question: no name, no contact, no content; the answer once sent, with
 * the rating link, and while `waiting` the agency's request with a reply form (the code and e-mail the
 * asker just typed go back in hidden fields: the page is `no-store`).
 */
export function statusPage(site: PageSite, s: PublicStatus, email = ''): RouteResponse {
  const label = statusLabel(s.status);
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');
  return page(
    200,
    site,
    { vi: 'Tình trạng câu hỏi', en: 'Question status' },
    `<dl><dt>${bi('Mã theo dõi', 'Tracking code')}</dt><dd class="code">${e(s.trackingCode)}</dd>` +
      `<dt>${bi('Tiêu đề', 'Title')}</dt><dd>${e(s.title)}</dd>` +
      `<dt>${bi('Lĩnh vực', 'Field')}</dt><dd>${e(s.field)}</dd>` +
      `<dt>${bi('Ngày tiếp nhận', 'Received on')}</dt><dd>${e(day(s.receivedAt))}</dd>` +
      `<dt>${bi('Tình trạng', 'Status')}</dt><dd>${bi(label.vi, label.en)}</dd>` +
      (s.agency ? `<dt>${bi('Cơ quan trả lời', 'Answering agency')}</dt><dd>${e(s.agency)}</dd>` : '') +
      (s.expectedAnswerBy ? `<dt>${bi('Hạn trả lời dự kiến', 'Expected answer by')}</dt><dd>${e(day(`${s.expectedAnswerBy}T12:00:00+07:00`))}</dd>` : '') +
      (s.progressReport ? `<dt>${bi('Tiến độ giải quyết', 'Progress')}</dt><dd><div style="white-space:pre-line">${e(s.progressReport.text)}</div></dd>` : '') + // QA-03 (src/answers)
      (s.closeReason ? `<dt>${bi('Lý do', 'Reason')}</dt><dd>${e(s.closeReason)}</dd>` : '') +
      `</dl>` +
      answerSection(site, s, email) +
      // CORE-11: the asker may ask for deletion of the personal data (src/privacy mails a confirm link);
      // the address is typed again, so the page never shows it. Offered once the question is finished.
      (s.status !== 'answered' && s.status !== 'closed' ? '' : `<form method="post" action="${e(site.prefix)}/hoi-dap/xoa-du-lieu"><h2>${bi('Yêu cầu xoá dữ liệu cá nhân', 'Ask to delete your personal data')}</h2><input type="hidden" name="trackingCode" value="${e(s.trackingCode)}"><label for="erase-email">E-mail</label><input id="erase-email" name="email" type="email" required maxlength="254" autocomplete="email"><button type="submit">Gửi yêu cầu / Send the request</button></form>`),
  );
}

/** The answer, the rating link, or the agency's request with the reply form (src/answers). */
function answerSection(site: PageSite, s: PublicStatus, email: string): string {
  const day = (iso: string) => new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  let out = '';
  if (s.answer) {
    out +=
      `<section aria-labelledby="answer-h"><h2 id="answer-h">${bi('Câu trả lời', 'Answer')}</h2>` +
      `<p>${e(s.answer.agency ?? '')} — ${e(day(s.answer.answeredAt))}</p><div style="white-space:pre-line">${e(s.answer.text)}</div>` +
      (s.answer.attachments.length === 0
        ? ''
        : `<h3>${bi('Tệp đính kèm', 'Attachments')}</h3><ul>${s.answer.attachments.map((f) => `<li><a href="${e(site.prefix)}${e(f.path)}">${e(f.name)}</a> (${e(Math.max(1, Math.round(f.size / 1024)).toLocaleString('vi-VN'))} KB)</li>`).join('')}</ul>`) +
      `</section>`;
  }
  if (s.rating?.token) {
    out += `<p><a href="${e(site.prefix)}/hoi-dap/danh-gia/${e(s.rating.token)}">${bi('Đánh giá mức độ hài lòng với câu trả lời', 'Rate the answer')}</a></p>`;
  } else if (s.rating?.rated) {
    out += `<p>${bi('Cảm ơn bạn đã đánh giá câu trả lời.', 'Thank you for rating the answer.')}</p>`;
  }
  if (s.status === 'waiting') {
    out +=
      `<section aria-labelledby="info-h"><h2 id="info-h">${bi('Đề nghị bổ sung thông tin', 'More information needed')}</h2>` +
      `<div style="white-space:pre-line">${e(s.informationRequest ?? '')}</div>` +
      `<form method="post" action="${e(site.prefix)}/hoi-dap/tra-cuu/bo-sung">` +
      `<input type="hidden" name="trackingCode" value="${e(s.trackingCode)}"><input type="hidden" name="email" value="${e(email)}">` +
      `<label for="r-message">${bi('Nội dung bổ sung', 'Your reply')}</label><textarea id="r-message" name="message" rows="6" required maxlength="2000"></textarea>` +
      `<button type="submit">Gửi bổ sung / Send</button></form></section>`;
  }
  return out;
}
