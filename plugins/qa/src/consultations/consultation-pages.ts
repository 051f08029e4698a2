import { escapeHtml, respond, type RouteResponse } from '@cong/sdk';
import type { PageSite } from '../questions/question-pages.js';
import { anonymise, DECISION_LABELS, vnDate } from './acceptance-report.js';
import type { PublicConsultation } from './comment.service.js';
import type { ArticleRow, CommentRow, ConsultationRow } from './consultation-database.js';
import { PHASE_LABELS, type ConsultationPhase } from './consultation-phase.js';
import { pagerHtml } from './public-pager.js';

// Every value from a person (the public's comments, staff's texts) goes through escapeHtml: no markup.
const e = escapeHtml;
const bi = (vi: string, en: string) => `${e(vi)} <span class="en" lang="en">(${e(en)})</span>`;

/** No script, forms only to this site, no framing by others. Consultation pages are public and indexable. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  'referrer-policy': 'no-referrer',
};

const STYLE =
  'body{font-family:system-ui,sans-serif;color:#1f2328;margin:0;line-height:1.5}main{max-width:48rem;margin:2rem auto;padding:0 1rem}' +
  'label{display:block;font-weight:600;margin-top:.75rem}input,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}' +
  '.en{color:#555;font-weight:400}.error{color:#a40e26;border-left:4px solid #a40e26;padding:.25rem .75rem}' +
  '.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}button{margin-top:.75rem;padding:.5rem 1.2rem;font:inherit}' +
  '.text{white-space:pre-line}.comment{border-left:3px solid #0b5394;padding:.25rem .75rem;margin:.75rem 0;background:#f6f8fa}' +
  'details{margin:.75rem 0}summary{cursor:pointer;color:#0b5394;text-decoration:underline}.phase{font-weight:700}' +
  'article{border-top:1px solid #d0d7de;margin-top:1.5rem}.report button{margin:0;padding:.1rem .5rem;font-size:.85rem}' +
  '.pager{display:flex;gap:1rem;list-style:none;padding:0}';

function page(status: number, site: PageSite, title: string, titleEn: string, body: string): RouteResponse {
  const html =
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${e(title)} — ${e(site.name)}</title><style>${STYLE}</style></head>` +
    `<body><header><p><a href="${e(site.prefix)}/">${e(site.name)}</a> › <a href="${e(site.prefix)}/gop-y-du-thao">Góp ý dự thảo văn bản</a></p></header>` +
    `<main id="noi-dung"><h1>${e(title)} <span class="en" lang="en">/ ${e(titleEn)}</span></h1>${body}</main></body></html>`;
  return respond(status, html, HEADERS);
}

const LIST_ORDER: readonly ConsultationPhase[] = ['open', 'announced', 'closed', 'outcome-published'];

/**
 * One page of the site's consultations, latest closing day first, by phase (`/gop-y-du-thao?trang=N`).
 * Past the first page a phase with nothing on the page is left out.
 */
export function listPage(site: PageSite, items: readonly { row: ConsultationRow; phase: ConsultationPhase; unitName: string }[], pageNumber = 1, pages = 1): RouteResponse {
  const sections = LIST_ORDER.filter((phase) => pageNumber === 1 || items.some((i) => i.phase === phase)).map((phase) => {
    const inPhase = items.filter((i) => i.phase === phase);
    const label = PHASE_LABELS[phase];
    const id = `giai-doan-${phase}`;
    return (
      `<section aria-labelledby="${id}"><h2 id="${id}">${bi(label.vi, label.en)}</h2>` +
      (inPhase.length === 0
        ? `<p>${bi('Không có dự thảo.', 'None.')}</p>`
        : `<ul>${inPhase
            .map((i) => `<li><a href="${e(site.prefix)}/gop-y-du-thao/${e(i.row.slug)}">${e(i.row.title)}</a> — ${e(i.unitName)}; ${e(`từ ${vnDate(i.row.opens_on)} đến hết ${vnDate(i.row.closes_on)}`)}</li>`)
            .join('')}</ul>`) +
      `</section>`
    );
  }).join('');
  const feed = `<p><a href="${e(site.prefix)}/lich-gop-y-doi-thoai.ics">${bi('Lịch các đợt lấy ý kiến và buổi đối thoại sắp tới (iCalendar)', 'Calendar of coming consultations and dialogues')}</a></p>`;
  return page(200, site, pageNumber > 1 ? `Góp ý dự thảo văn bản — trang ${pageNumber}` : 'Góp ý dự thảo văn bản', 'Consultations on draft documents', sections + pagerHtml(`${site.prefix}/gop-y-du-thao`, pageNumber, pages) + feed);
}

export interface CommentFormValues {
  readonly name?: string;
  readonly organisation?: string;
  readonly email?: string;
  readonly body?: string;
}

/** A comment form for one article (or the whole draft when `article` is null); works without JavaScript. */
function commentForm(site: PageSite, slug: string, article: ArticleRow | null, formToken: string, values: CommentFormValues = {}, maxLength = 5000): string {
  const key = article ? article.id.slice(0, 8) : 'chung';
  const field = (name: string, label: string, en: string, type: string, extra: string) =>
    `<label for="c-${key}-${name}">${bi(label, en)}</label><input id="c-${key}-${name}" name="${name}" type="${type}" value="${e((values as Record<string, string | undefined>)[name] ?? '')}" ${extra}>`;
  return (
    `<form method="post" action="${e(site.prefix)}/gop-y-du-thao/${e(slug)}/gop-y" accept-charset="utf-8">` +
    (article ? `<input type="hidden" name="article" value="${e(article.id)}">` : '') +
    field('name', 'Họ và tên *', 'Full name', 'text', 'required maxlength="200" autocomplete="name"') +
    field('organisation', 'Cơ quan, tổ chức (nếu góp ý thay mặt tổ chức)', 'Organisation, if any', 'text', 'maxlength="300" autocomplete="organization"') +
    field('email', 'E-mail * (để xác nhận, không công khai)', 'E-mail, to confirm; not published', 'email', 'required maxlength="254" autocomplete="email"') +
    `<label for="c-${key}-body">${bi('Nội dung góp ý *', 'Your comment')}</label><textarea id="c-${key}-body" name="body" rows="5" required maxlength="${maxLength}">${e(values.body ?? '')}</textarea>` +
    `<div class="hp" aria-hidden="true"><label for="c-${key}-website">Website (để trống / leave empty)</label><input id="c-${key}-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>` +
    `<input type="hidden" name="formToken" value="${e(formToken)}">` +
    `<button type="submit">Gửi góp ý / Send</button></form>`
  );
}

function commentList(site: PageSite, slug: string, comments: readonly CommentRow[], canReport: boolean): string {
  if (comments.length === 0) return '';
  return (
    `<h4>${bi(`Ý kiến đã được duyệt (${comments.length})`, 'Approved comments')}</h4>` +
    comments
      .map(
        (c) =>
          `<div class="comment"><p><strong>${e(anonymise(c.author_name, c.author_org))}</strong></p><div class="text">${e(c.body)}</div>` +
          (c.reply_decision ? `<p><strong>${e(DECISION_LABELS[c.reply_decision])}:</strong> <span class="text">${e(c.reply_text ?? '')}</span></p>` : '') +
          (canReport
            ? `<form class="report" method="post" action="${e(site.prefix)}/gop-y-du-thao/${e(slug)}/bao-cao-vi-pham/${e(c.id)}"><button type="submit" aria-label="Báo cáo vi phạm / Report abuse: ${e(anonymise(c.author_name, c.author_org))}">Báo cáo vi phạm / Report abuse</button></form>`
            : '') +
          `</div>`,
      )
      .join('')
  );
}

/** A consultation's page (QA-20): the full text by article, the dossier, dates, contacts, comments and forms. */
export function consultationPage(site: PageSite, c: PublicConsultation, formToken: string, maxLength: number): RouteResponse {
  const r = c.row;
  const open = c.phase === 'open';
  const base = `${site.prefix}/gop-y-du-thao/${r.slug}`;
  const label = PHASE_LABELS[c.phase];
  const byArticle = (id: string | null) => c.comments.filter((x) => x.article_id === id || (id === null && x.article_id !== null && !c.articles.some((a) => a.id === x.article_id)));
  const reportable = c.phase === 'open' || c.phase === 'closed';

  let body =
    `<p class="phase">${bi(label.vi, label.en)}</p>` +
    `<dl><dt>${bi('Cơ quan chủ trì soạn thảo', 'Drafting unit')}</dt><dd>${e(c.unitName)}</dd>` +
    `<dt>${bi('Thời gian lấy ý kiến', 'Comment period')}</dt><dd>${e(`Từ ngày ${vnDate(r.opens_on)} đến hết ngày ${vnDate(r.closes_on)}`)}</dd>` +
    `<dt>${bi('Hạn góp ý', 'Closing date')}</dt><dd><strong>${e(vnDate(r.closes_on))}</strong> — <a href="${e(base)}/lich.ics">Thêm vào lịch <span class="en" lang="en">/ Add to calendar</span></a></dd>` +
    `<dt>${bi('Nơi tiếp nhận ý kiến', 'Collecting unit')}</dt><dd>${e(r.contact_address)}<br>E-mail: <a href="mailto:${e(r.contact_email)}">${e(r.contact_email)}</a>` +
    (r.contact_phone ? `<br>${bi('Điện thoại', 'Phone')}: ${e(r.contact_phone)}` : '') +
    `</dd></dl>`;
  if (r.summary) body += `<h2>${bi('Tóm tắt', 'Summary')}</h2><div class="text">${e(r.summary)}</div>`;

  if (c.phase === 'outcome-published') {
    body +=
      `<section aria-labelledby="ket-qua"><h2 id="ket-qua">${bi('Kết quả lấy ý kiến', 'Outcome')}</h2><div class="text">${e(r.outcome_summary ?? '')}</div>` +
      `<p>${bi('Báo cáo tiếp thu, giải trình ý kiến góp ý:', 'Report on acceptance and explanation:')} <a href="${e(base)}/bao-cao-tiep-thu/pdf">PDF</a>, <a href="${e(base)}/bao-cao-tiep-thu/docx">DOCX</a></p></section>`;
  }

  body += `<h2>${bi('Hồ sơ dự thảo', 'Dossier')}</h2>`;
  body += c.files.length === 0 ? `<p>${bi('Không có tệp kèm theo.', 'No files.')}</p>` : `<ul>${c.files.map((f) => `<li><a href="${e(base)}/ho-so/${e(f.file_id)}">${e(f.name)}</a> (${e(Math.max(1, Math.round(Number(f.size) / 1024)).toLocaleString('vi-VN'))} KB)</li>`).join('')}</ul>`;

  if (c.consultees.length > 0) {
    body += `<h2>${bi('Cơ quan được lấy ý kiến', 'Consulted agencies')}</h2><ul>${c.consultees.map((k) => `<li>${e(k.unitName)} — ${e(`hạn trả lời ${vnDate(k.deadline_on)}`)}${k.replied_at !== null ? ` — ${bi('đã có ý kiến', 'replied')}` : ''}</li>`).join('')}</ul>`;
  }

  if (!open) {
    const why = c.phase === 'announced' ? ['Dự thảo chưa đến thời gian lấy ý kiến.', 'Comments open on the opening date.'] : ['Đã hết thời gian lấy ý kiến.', 'The comment period has ended.'];
    body += `<p class="error">${bi(why[0]!, why[1]!)}</p>`;
  } else {
    body += `<p>${bi('Góp ý cho từng điều ở cuối mỗi điều, hoặc góp ý chung ở cuối trang. Ý kiến được xác nhận qua e-mail và kiểm duyệt trước khi hiển thị.', 'Comment on each article below it, or on the whole draft at the end. Comments are confirmed by e-mail and moderated before they are shown.')}</p>`;
  }

  body += `<h2>${bi('Toàn văn dự thảo', 'Full text of the draft')}</h2>`;
  body += `<nav aria-label="Mục lục dự thảo"><ul>${c.articles.map((a) => `<li><a href="#dieu-${e(a.id.slice(0, 8))}">${e(a.heading)}</a></li>`).join('')}</ul></nav>`;
  let chapter: string | null = null;
  for (const a of c.articles) {
    if (a.chapter !== chapter && a.chapter !== null) body += `<h2>${e(a.chapter)}</h2>`;
    chapter = a.chapter;
    const anchor = `dieu-${a.id.slice(0, 8)}`;
    body +=
      `<article aria-labelledby="${anchor}"><h3 id="${anchor}">${e(a.heading)}</h3><div class="text">${e(a.body)}</div>` +
      commentList(site, r.slug, byArticle(a.id), reportable) +
      (open ? `<details><summary>${bi(`Góp ý ${a.heading}`, 'Comment on this article')}</summary>${commentForm(site, r.slug, a, formToken, {}, maxLength)}</details>` : '') +
      `</article>`;
  }
  body += `<section aria-labelledby="y-kien-chung"><h2 id="y-kien-chung">${bi('Ý kiến chung về dự thảo', 'Comments on the whole draft')}</h2>` + commentList(site, r.slug, byArticle(null), reportable);
  if (open) body += commentForm(site, r.slug, null, formToken, {}, maxLength);
  body += `</section>`;
  return page(200, site, r.title, 'Draft open for comments', body);
}

/** The form again after a refusal, with the problems named and the values put back (escaped). */
export function commentRefusedPage(site: PageSite, row: ConsultationRow, article: ArticleRow | null, formToken: string, values: CommentFormValues, problems: readonly { vi: string; en: string }[], status: number, maxLength: number): RouteResponse {
  const list = `<div class="error" role="alert"><p>${bi('Ý kiến chưa được gửi:', 'Your comment was not sent:')}</p><ul>${problems.map((p) => `<li>${e(p.vi)} <span class="en" lang="en">${e(p.en)}</span></li>`).join('')}</ul></div>`;
  const about = article ? `<p>${bi(`Góp ý ${article.heading}`, 'Comment on this article')}</p>` : '';
  return page(status, site, `Góp ý: ${row.title}`, 'Comment on a draft', list + about + commentForm(site, row.slug, article, formToken, values, maxLength));
}

export function messagePage(site: PageSite, status: number, title: string, titleEn: string, vi: string, en: string, back?: string): RouteResponse {
  return page(status, site, title, titleEn, `<p>${e(vi)}</p><p class="en" lang="en">${e(en)}</p>` + (back ? `<p><a href="${e(back)}">${bi('Quay lại dự thảo', 'Back to the draft')}</a></p>` : ''));
}

/** The page a verification link opens: a button, so mail scanners that fetch links verify nothing. */
export function confirmPage(site: PageSite, token: string, title: string): RouteResponse {
  return page(
    200,
    site,
    'Xác nhận ý kiến góp ý',
    'Confirm your comment',
    `<p>${bi('Dự thảo:', 'Draft:')} <strong>${e(title)}</strong></p><form method="post" action="${e(site.prefix)}/gop-y-du-thao/xac-nhan/${e(token)}"><button type="submit">Xác nhận / Confirm</button></form>`,
  );
}
