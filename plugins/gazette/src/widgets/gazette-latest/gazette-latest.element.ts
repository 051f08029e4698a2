import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { clampCount, fetchJson, formatDay, publicApiUrl, safeHref, widgetLanguage, type WidgetLanguage } from '../widget-support.js';
import { gazetteLatestStyles } from './gazette-latest.styles.js';

/** One issue as `GET /api/gazette/v1/issues` lists it. */
interface ListedIssue {
  readonly id: string;
  readonly year: number;
  readonly number_from: number;
  readonly number_to: number;
  readonly publication_date: string;
  readonly page_count: number | null;
  readonly pdf_url: string;
  readonly url: string;
}

const messages = {
  vi: {
    title: 'Công báo mới phát hành',
    loading: 'Đang tải…',
    empty: 'Chưa có số Công báo nào.',
    failed: 'Không tải được danh sách số Công báo.',
    number: (i: ListedIssue) => (i.number_from === i.number_to ? `Số ${i.number_from}/${i.year}` : `Số ${i.number_from} + ${i.number_to}/${i.year}`),
    published: 'Ngày đăng',
    pages: (n: number) => `${n} trang`,
    pdf: 'PDF',
    pdfLabel: (label: string) => `Tải tệp PDF ${label}`,
    more: 'Xem tất cả số Công báo',
    count: (n: number) => `${n} số Công báo mới nhất`,
  },
  en: {
    title: 'Latest gazette issues',
    loading: 'Loading…',
    empty: 'No gazette issues yet.',
    failed: 'Could not load the gazette issues.',
    number: (i: ListedIssue) => (i.number_from === i.number_to ? `No. ${i.number_from}/${i.year}` : `Nos. ${i.number_from}–${i.number_to}/${i.year}`),
    published: 'Published',
    pages: (n: number) => `${n} pages`,
    pdf: 'PDF',
    pdfLabel: (label: string) => `Download the PDF of ${label}`,
    more: 'All gazette issues',
    count: (n: number) => `The ${n} latest gazette issues`,
  },
} as const;

/** The site's list of issues, from an issue page's URL (`…/cong-bao/so/2026/12` → `…/cong-bao/so`). */
function issueListUrl(issueUrl: string | undefined): string | undefined {
  return issueUrl && /\/\d{4}\/\d+$/.test(issueUrl) ? issueUrl.replace(/\/\d{4}\/\d+$/, '') : undefined;
}

/**
 * `<cong-gazette-latest>`: a unit's latest published gazette issues (Công báo), each with its number,
 * publication date, a link to its page on the gazette site and its signed PDF.
 *
 * ```html
 * <script type="module" src="https://cong.example.gov.vn/widgets/gazette.js"></script>
 * <cong-gazette-latest tenant="quang-tri" count="5"></cong-gazette-latest>
 * ```
 *
 * Attributes: `tenant` (or `unit`: the unit's slug; default: the `/t/<slug>/` of the script's URL),
 * `server` (the portal's base URL; default: the script's origin), `count` (1–20, default 5), `lang`
 * (`vi` default, or `en`; else the nearest `lang` of the page), `heading`. Everything from the API is
 * rendered as text; only http(s) URLs become links.
 */
export class GazetteLatest extends LitElement {
  static override styles = gazetteLatestStyles;
  static override properties = {
    tenant: { type: String },
    unit: { type: String },
    server: { type: String },
    count: { type: Number },
    lang: { type: String },
    heading: { type: String },
    issues: { state: true },
    failed: { state: true },
  };

  declare tenant: string | undefined;
  declare unit: string | undefined;
  declare server: string | undefined;
  declare count: number;
  declare lang: string;
  declare heading: string | undefined;
  declare issues: readonly ListedIssue[] | undefined;
  declare failed: boolean;

  #controller: AbortController | undefined;

  constructor() {
    super();
    this.count = 5;
    this.failed = false;
  }

  #language(): WidgetLanguage {
    return widgetLanguage(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  /** The API URL the widget reads. */
  get dataUrl(): string | undefined {
    return publicApiUrl(this.server, this.unit || this.tenant, 'issues', { per_page: String(clampCount(this.count, 5, 1, 20)) });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.issues) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('tenant') || changed.has('unit') || changed.has('server') || changed.has('count')) void this.#load();
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const url = this.dataUrl;
    this.failed = false;
    try {
      const body = await fetchJson<{ results?: unknown }>(url, controller.signal);
      if (!controller.signal.aborted) this.issues = Array.isArray(body.results) ? (body.results as ListedIssue[]) : [];
    } catch (error) {
      if (controller.signal.aborted) return;
      this.issues = undefined;
      this.failed = true;
      console.warn('<cong-gazette-latest>', url, error);
    }
  }

  override render() {
    const language = this.#language();
    const t = messages[language];
    const issues = this.issues ?? [];
    const status = this.failed ? t.failed : !this.issues ? t.loading : issues.length === 0 ? t.empty : '';
    const more = safeHref(issueListUrl(issues[0]?.url));
    return html`
      <section part="container" lang=${language} aria-labelledby="title" aria-busy=${!this.issues && !this.failed ? 'true' : 'false'}>
        <h2 part="title" id="title">${this.heading || t.title}</h2>
        <p part="status" class="status" role="status">${status}</p>
        ${issues.length > 0
          ? html`<ul part="list" role="list" aria-label=${t.count(issues.length)}>
              ${repeat(
                issues,
                (i) => i.id,
                (i) => {
                  const label = t.number(i);
                  const page = safeHref(i.url);
                  const pdf = safeHref(i.pdf_url);
                  return html`<li part="item">
                    ${page ? html`<a part="link" href=${page}>${label}</a>` : html`<span part="link">${label}</span>`}
                    <time part="time" datetime=${i.publication_date}><span class="visually-hidden">${t.published} </span>${formatDay(i.publication_date, language)}</time>
                    ${typeof i.page_count === 'number' ? html`<span class="pages">${t.pages(i.page_count)}</span>` : nothing}
                    ${pdf ? html`<a part="pdf" href=${pdf} aria-label=${t.pdfLabel(label)}>${t.pdf}</a>` : nothing}
                  </li>`;
                },
              )}
            </ul>`
          : nothing}
        ${more ? html`<a part="more" class="more" href=${more}>${t.more}</a>` : nothing}
      </section>
    `;
  }
}
