import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { clampCount, fetchJson, formatDay, publicApiUrl, safeHref, widgetLanguage, type QueryValue, type WidgetLanguage } from '../widget-support.js';
import { gazetteSearchStyles } from './gazette-search.styles.js';

/** One document as `GET /api/gazette/v1/documents` answers it with the fields the widget asks for. */
interface FoundDocument {
  readonly id: string;
  readonly number_symbol?: string;
  readonly type_name?: string;
  readonly summary?: string;
  readonly signed_on?: string;
  readonly html_url?: string;
  readonly issue?: { readonly year?: number; readonly number?: string; readonly url?: string };
}

interface SearchAnswer {
  readonly count?: number;
  readonly results?: readonly FoundDocument[];
}

/** The kinds of document (mirrors the server's DOCUMENT_TYPES: the bundle does not import server code). */
const TYPES = [
  ['nghi-quyet', 'Nghị quyết', 'Resolution'],
  ['quyet-dinh', 'Quyết định', 'Decision'],
  ['chi-thi', 'Chỉ thị', 'Directive'],
  ['thong-bao', 'Thông báo', 'Notice'],
  ['van-ban-khac', 'Văn bản khác', 'Other document'],
] as const;

const FIELDS = ['id', 'number_symbol', 'type_name', 'summary', 'signed_on', 'html_url', 'issue'];

export type SearchBy = 'words' | 'number';

const messages = {
  vi: {
    title: 'Tra cứu văn bản trên Công báo',
    query: 'Số, ký hiệu hoặc từ khóa',
    by: 'Tìm theo',
    byWords: 'Từ khóa (trích yếu, toàn văn)',
    byNumber: 'Số, ký hiệu',
    type: 'Loại văn bản',
    allTypes: 'Tất cả',
    search: 'Tìm',
    needQuery: 'Hãy nhập số, ký hiệu hoặc từ khóa, hoặc chọn loại văn bản.',
    searching: 'Đang tìm…',
    none: 'Không tìm thấy văn bản nào.',
    found: (shown: number, total: number) => (total > shown ? `Tìm thấy ${total} văn bản, hiển thị ${shown} văn bản đầu tiên.` : `Tìm thấy ${total} văn bản.`),
    failed: 'Không tra cứu được. Xin thử lại sau.',
    signed: 'Ban hành',
    issue: (number: string, year: number) => `Công báo số ${number}/${year}`,
    results: 'Kết quả tra cứu',
  },
  en: {
    title: 'Search the gazette',
    query: 'Number, symbol or words',
    by: 'Search by',
    byWords: 'Words (summary, full text)',
    byNumber: 'Number and symbol',
    type: 'Document type',
    allTypes: 'All',
    search: 'Search',
    needQuery: 'Enter a number, a symbol or words, or choose a document type.',
    searching: 'Searching…',
    none: 'No documents found.',
    found: (shown: number, total: number) => (total > shown ? `${total} documents found; the first ${shown} are shown.` : `${total} document${total === 1 ? '' : 's'} found.`),
    failed: 'The search failed. Please try again later.',
    signed: 'Signed',
    issue: (number: string, year: number) => `Gazette no. ${number}/${year}`,
    results: 'Search results',
  },
} as const;

/** The API query of a search: words go to `conditions[term]`, a number or symbol to `conditions[number]`. */
export function searchQuery(text: string, by: SearchBy, type: string, perPage: number): Record<string, QueryValue> {
  const q = text.normalize('NFC').trim();
  return {
    ...(q ? { [by === 'number' ? 'conditions[number]' : 'conditions[term]']: q } : {}),
    ...(type ? { 'conditions[type][]': [type] } : {}),
    'fields[]': FIELDS,
    // Words: the API's relevance order (every word in the summary first); otherwise the newest first.
    ...(q && by === 'words' ? {} : { order: 'newest' }),
    per_page: String(perPage),
  };
}

/**
 * `<cong-gazette-search>`: a small search of a unit's gazette (by number and symbol, or by words, and
 * by type) that lists the matching published documents with links to their pages.
 *
 * ```html
 * <script type="module" src="https://cong.example.gov.vn/widgets/gazette.js"></script>
 * <cong-gazette-search tenant="quang-tri" count="10"></cong-gazette-search>
 * ```
 *
 * Attributes: `tenant` (or `unit`: the unit's slug; default: the `/t/<slug>/` of the script's URL),
 * `server` (the portal's base URL; default: the script's origin), `count` (results shown, 1–50,
 * default 10), `lang` (`vi` default, or `en`; else the nearest `lang` of the page), `heading`. The
 * result count is announced in a polite live region; results are rendered as text, links only http(s).
 */
export class GazetteSearch extends LitElement {
  static override styles = gazetteSearchStyles;
  static override properties = {
    tenant: { type: String },
    unit: { type: String },
    server: { type: String },
    count: { type: Number },
    lang: { type: String },
    heading: { type: String },
    results: { state: true },
    total: { state: true },
    state: { state: true },
  };

  declare tenant: string | undefined;
  declare unit: string | undefined;
  declare server: string | undefined;
  declare count: number;
  declare lang: string;
  declare heading: string | undefined;
  declare results: readonly FoundDocument[];
  declare total: number;
  /** Where the search stands; `idle` before the first one. */
  declare state: 'idle' | 'need-query' | 'searching' | 'done' | 'failed';

  #controller: AbortController | undefined;

  constructor() {
    super();
    this.count = 10;
    this.results = [];
    this.total = 0;
    this.state = 'idle';
  }

  #language(): WidgetLanguage {
    return widgetLanguage(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  /** Runs a search as the form would (for pages that script the widget). */
  async search(text: string, by: SearchBy = 'words', type = ''): Promise<void> {
    if (!text.trim() && !type) {
      this.#controller?.abort();
      this.state = 'need-query';
      this.results = [];
      return;
    }
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const url = publicApiUrl(this.server, this.unit || this.tenant, 'documents', searchQuery(text, by, type, clampCount(this.count, 10, 1, 50)));
    this.state = 'searching';
    try {
      const body = await fetchJson<SearchAnswer>(url, controller.signal);
      if (controller.signal.aborted) return;
      this.results = Array.isArray(body.results) ? body.results : [];
      this.total = typeof body.count === 'number' ? body.count : this.results.length;
      this.state = 'done';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.results = [];
      this.state = 'failed';
      console.warn('<cong-gazette-search>', url, error);
    }
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void this.search(String(data.get('q') ?? ''), data.get('by') === 'number' ? 'number' : 'words', String(data.get('type') ?? ''));
  }

  override render() {
    const language = this.#language();
    const t = messages[language];
    const status = { idle: '', 'need-query': t.needQuery, searching: t.searching, failed: t.failed, done: this.results.length === 0 ? t.none : t.found(this.results.length, this.total) }[this.state];
    return html`
      <section part="container" lang=${language} aria-labelledby="title">
        <h2 part="title" id="title">${this.heading || t.title}</h2>
        <form part="form" role="search" aria-labelledby="title" @submit=${(e: SubmitEvent) => this.#submit(e)}>
          <div class="field" part="field">
            <label for="q">${t.query}</label>
            <input part="input" id="q" name="q" type="search" maxlength="300" autocomplete="off" />
          </div>
          <div class="field" part="field">
            <label for="by">${t.by}</label>
            <select part="select" id="by" name="by">
              <option value="words">${t.byWords}</option>
              <option value="number">${t.byNumber}</option>
            </select>
          </div>
          <div class="field" part="field">
            <label for="type">${t.type}</label>
            <select part="select" id="type" name="type">
              <option value="">${t.allTypes}</option>
              ${TYPES.map(([code, vi, en]) => html`<option value=${code}>${language === 'en' ? en : vi}</option>`)}
            </select>
          </div>
          <button part="button" type="submit">${t.search}</button>
        </form>
        <p part="status" class="status" role="status" aria-live="polite">${status}</p>
        ${this.results.length > 0
          ? html`<ol part="list" aria-label=${t.results}>
              ${repeat(
                this.results,
                (d) => d.id,
                (d) => {
                  const href = safeHref(d.html_url);
                  const title = [d.type_name, d.number_symbol].filter(Boolean).join(' ');
                  const issueHref = safeHref(d.issue?.url);
                  const issueText = d.issue?.number && d.issue.year ? t.issue(d.issue.number, d.issue.year) : '';
                  return html`<li part="item">
                    ${href ? html`<a part="link" href=${href}>${title}</a>` : html`<span part="link">${title}</span>`}
                    ${d.summary ? html`<span part="summary" class="summary">${d.summary}</span>` : nothing}
                    <span part="meta" class="meta">
                      ${d.signed_on ? html`${t.signed} <time datetime=${d.signed_on}>${formatDay(d.signed_on, language)}</time>` : nothing}
                      ${issueText ? html` · ${issueHref ? html`<a href=${issueHref}>${issueText}</a>` : issueText}` : nothing}
                    </span>
                  </li>`;
                },
              )}
            </ol>`
          : nothing}
      </section>
    `;
  }
}
