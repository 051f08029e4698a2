import { html, jsonForScript, respond, type RouteResponse, type SafeHtml } from '@cong/sdk';
import type { PageSite } from '../questions/question-pages.js';
import type { PublicAnswer } from './publication.service.js';

// Every value goes through `html`'s escaping; the JSON-LD through `jsonForScript`.

/**
 * Pages of published questions and answers are public and indexable (no personal data is in them);
 * `no-cache` makes a cache ask again, so an unpublished answer disappears at once. The rating and
 * reply pages belong to one asker: `no-store`, `noindex`.
 */
const PUBLIC_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  'referrer-policy': 'strict-origin-when-cross-origin',
};
const PRIVATE_HEADERS = { ...PUBLIC_HEADERS, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' };

const STYLE =
  'body{font-family:system-ui,sans-serif;color:#1f2328;margin:0;line-height:1.5}main{max-width:48rem;margin:2rem auto;padding:0 1rem}' +
  'label{display:block;font-weight:600;margin-top:1rem}input,select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}' +
  'input[type=radio]{width:auto}.en{color:#555;font-weight:400}.error{color:#a40e26;border-left:4px solid #a40e26;padding:.25rem .75rem}' +
  'button{margin-top:1rem;padding:.6rem 1.4rem;font:inherit}.meta{color:#555}.text{white-space:pre-line}' +
  '.pager{display:flex;gap:1rem;list-style:none;padding:0}ol.items{padding-left:1.25rem}ol.items li{margin-bottom:1rem}a{color:#0b57d0}';

function page(status: number, site: PageSite, title: string, body: SafeHtml, options: { head?: SafeHtml; private?: boolean } = {}): RouteResponse {
  const doc = html`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${options.private ? html`<meta name="robots" content="noindex">` : null}<title>${title} — ${site.name}</title><style>${STYLE}</style>${options.head ?? null}</head><body><header><p><a href="${site.prefix}/">${site.name}</a> › <a href="${site.prefix}/hoi-dap">Hỏi đáp</a></p></header><main id="noi-dung">${body}</main></body></html>`;
  return respond(status, doc.toString(), options.private ? PRIVATE_HEADERS : PUBLIC_HEADERS);
}

const bi = (vi: string, en: string) => html`${vi} <span class="en" lang="en">(${en})</span>`;
const day = (iso: string) => new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

export interface ListModel {
  readonly items: readonly PublicAnswer[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly field: string | undefined;
  readonly q: string | undefined;
  readonly fields: readonly { code: string; name: string; count: number }[];
}

/** `/hoi-dap`: the published questions and answers, by field, searchable, paged. */
export function listPage(site: PageSite, m: ListModel): RouteResponse {
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams();
    if (m.field) params.set('linh-vuc', m.field);
    if (m.q) params.set('q', m.q);
    if (p > 1) params.set('trang', String(p));
    const query = params.toString();
    return `${site.prefix}/hoi-dap${query ? `?${query}` : ''}`;
  };
  const body = html`<h1>Hỏi đáp <span class="en" lang="en">/ Questions and answers</span></h1>
<form method="get" action="${site.prefix}/hoi-dap" role="search">
<label for="s-q">${bi('Tìm trong câu hỏi và câu trả lời', 'Search questions and answers')}</label><input id="s-q" name="q" type="search" value="${m.q ?? ''}" maxlength="200">
<label for="s-field">${bi('Lĩnh vực', 'Field')}</label><select id="s-field" name="linh-vuc"><option value="">— Tất cả lĩnh vực —</option>${m.fields
    .filter((f) => f.count > 0 || f.code === m.field)
    .map((f) => html`<option value="${f.code}"${f.code === m.field ? html` selected` : null}>${f.name} (${f.count})</option>`)}</select>
<button type="submit">Tìm / Search</button></form>
<p role="status">${m.total === 0 ? 'Không có câu hỏi nào phù hợp.' : `${m.total} câu hỏi đã được trả lời và công khai.`}</p>
${m.items.length === 0 ? null : html`<ol class="items" start="${(m.page - 1) * m.pageSize + 1}">${m.items.map(
    (a) => html`<li><a href="${site.prefix}/hoi-dap/${a.slug}">${a.title}</a><br><span class="meta">${a.field.name} · ${a.agency ?? ''} · trả lời ngày ${day(a.answeredAt)}</span></li>`,
  )}</ol>`}
${pages > 1 ? html`<nav aria-label="Phân trang"><ul class="pager">${m.page > 1 ? html`<li><a href="${link(m.page - 1)}" rel="prev">‹ Trang trước</a></li>` : null}<li aria-current="page">Trang ${m.page}/${pages}</li>${m.page < pages ? html`<li><a href="${link(m.page + 1)}" rel="next">Trang sau ›</a></li>` : null}</ul></nav>` : null}
<p><a href="${site.prefix}/hoi-dap/gui-cau-hoi">${bi('Gửi câu hỏi', 'Ask a question')}</a> · <a href="${site.prefix}/hoi-dap/tra-cuu">${bi('Tra cứu câu hỏi đã gửi', 'Track a question')}</a></p>`;
  return page(200, site, 'Hỏi đáp', body);
}

/** schema.org `QAPage`: one question with its accepted answer, by the agency. */
export function qaPageJsonLd(a: PublicAnswer, url: string): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    url,
    inLanguage: 'vi',
    mainEntity: {
      '@type': 'Question',
      name: a.title,
      text: a.question,
      dateCreated: a.askedAt,
      answerCount: 1,
      about: a.field.name,
      acceptedAnswer: {
        '@type': 'Answer',
        text: a.answer,
        dateCreated: a.answeredAt,
        url,
        ...(a.agency ? { author: { '@type': 'GovernmentOrganization', name: a.agency } } : {}),
      },
    },
  };
}

/** `/hoi-dap/<slug>`: one published question and its answer. */
export function answerPage(site: PageSite, a: PublicAnswer, url: string): RouteResponse {
  const body = html`<article><h1>${a.title}</h1>
<p class="meta">${bi('Lĩnh vực', 'Field')}: <a href="${site.prefix}/hoi-dap?linh-vuc=${a.field.code}">${a.field.name}</a> · ${bi('Ngày hỏi', 'Asked')}: ${day(a.askedAt)}</p>
<section aria-labelledby="q-h"><h2 id="q-h">Câu hỏi <span class="en" lang="en">/ Question</span></h2><div class="text">${a.question}</div></section>
<section aria-labelledby="a-h"><h2 id="a-h">Trả lời <span class="en" lang="en">/ Answer</span></h2>
<p class="meta">${a.agency ?? ''} · ${bi('Ngày trả lời', 'Answered')}: ${day(a.answeredAt)}</p><div class="text">${a.answer}</div></section></article>
<p><a href="${site.prefix}/hoi-dap">‹ ${bi('Tất cả hỏi đáp', 'All questions and answers')}</a></p>`;
  return page(200, site, a.title, body, { head: html`<link rel="canonical" href="${url}"><script type="application/ld+json">${jsonForScript(qaPageJsonLd(a, url))}</script>` });
}

export function notFoundPage(site: PageSite): RouteResponse {
  return page(404, site, 'Không tìm thấy', html`<h1>Không tìm thấy <span class="en" lang="en">/ Not found</span></h1><p>${bi('Câu hỏi này không có hoặc đã được gỡ khỏi trang công khai.', 'This question does not exist or is no longer published.')}</p>`);
}

/** The rating page the mailed link opens: a form (a GET changes nothing). */
export function ratingPage(site: PageSite, token: string, title: string, problem: string | null = null, status = 200): RouteResponse {
  const body = html`<h1>Đánh giá câu trả lời <span class="en" lang="en">/ Rate the answer</span></h1>
<p>${bi('Câu hỏi', 'Question')}: <strong>${title}</strong></p>
${problem ? html`<div class="error" role="alert"><p>${problem}</p></div>` : null}
<form method="post" action="${site.prefix}/hoi-dap/danh-gia/${token}"><fieldset><legend>${bi('Mức độ hài lòng', 'How satisfied are you?')}</legend>
${[5, 4, 3, 2, 1].map((n) => html`<label><input type="radio" name="score" value="${n}" required> ${n} — ${SCORE_LABELS[n]!}</label>`)}</fieldset>
<label for="r-comment">${bi('Ý kiến (không bắt buộc)', 'Comment (optional)')}</label><textarea id="r-comment" name="comment" rows="4" maxlength="1000"></textarea>
<p>${bi('Thông tin người đánh giá được giữ kín; mỗi câu trả lời được đánh giá một lần.', 'Who rated is kept confidential; an answer is rated once.')}</p>
<button type="submit">Gửi đánh giá / Send</button></form>`;
  return page(status, site, 'Đánh giá câu trả lời', body, { private: true });
}

const SCORE_LABELS: Readonly<Record<number, string>> = { 5: 'Rất hài lòng', 4: 'Hài lòng', 3: 'Bình thường', 2: 'Chưa hài lòng', 1: 'Rất không hài lòng' };

export function ratedPage(site: PageSite): RouteResponse {
  return page(200, site, 'Cảm ơn bạn', html`<h1>Cảm ơn bạn <span class="en" lang="en">/ Thank you</span></h1><p>${bi('Đánh giá của bạn đã được ghi nhận.', 'Your rating has been recorded.')}</p>`, { private: true });
}

export function ratingClosedPage(site: PageSite, rated: boolean): RouteResponse {
  const text = rated ? bi('Câu trả lời này đã được đánh giá. Cảm ơn bạn.', 'This answer has been rated already. Thank you.') : bi('Liên kết đánh giá không đúng hoặc câu hỏi chưa có câu trả lời.', 'The rating link is wrong, or the question has no answer yet.');
  return page(rated ? 409 : 404, site, 'Đánh giá câu trả lời', html`<h1>Đánh giá câu trả lời <span class="en" lang="en">/ Rate the answer</span></h1><p>${text}</p>`, { private: true });
}

export function repliedPage(site: PageSite, problem: string | null = null, status = 200): RouteResponse {
  const body = problem
    ? html`<h1>Chưa gửi được <span class="en" lang="en">/ Not sent</span></h1><div class="error" role="alert"><p>${problem}</p></div><p><a href="${site.prefix}/hoi-dap/tra-cuu">${bi('Tra cứu lại', 'Track again')}</a></p>`
    : html`<h1>Đã gửi nội dung bổ sung <span class="en" lang="en">/ Reply sent</span></h1><p>${bi('Cơ quan trả lời đã nhận được nội dung bổ sung của bạn.', 'The agency has received your reply.')}</p><p><a href="${site.prefix}/hoi-dap/tra-cuu">${bi('Tra cứu tình trạng', 'Track its status')}</a></p>`;
  return page(status, site, 'Bổ sung thông tin', body, { private: true });
}
