import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { clampCount, fetchJson, formatDay, publicApiUrl, safeHref, unitBase, widgetLanguage, type WidgetLanguage } from '../widget-support.js';
import { qaLatestStyles } from './qa-latest.styles.js';

/** One published question as `GET /api/qa/public/answers` lists it (the fields the widget uses). */
interface PublishedQuestion {
  readonly slug: string;
  readonly title: string;
  readonly field?: { readonly code?: string; readonly name?: string };
  readonly agency?: string | null;
  readonly publishedAt?: string;
}

const messages = {
  vi: {
    title: 'Hỏi đáp mới',
    loading: 'Đang tải…',
    empty: 'Chưa có hỏi đáp nào được công khai.',
    failed: 'Không tải được danh sách hỏi đáp.',
    published: 'Ngày công khai',
    answeredBy: 'Cơ quan trả lời',
    more: 'Xem tất cả hỏi đáp',
    count: (n: number) => `${n} hỏi đáp mới nhất`,
  },
  en: {
    title: 'Latest questions and answers',
    loading: 'Loading…',
    empty: 'No published questions yet.',
    failed: 'Could not load the questions and answers.',
    published: 'Published',
    answeredBy: 'Answered by',
    more: 'All questions and answers',
    count: (n: number) => `The ${n} latest questions and answers`,
  },
} as const;

const FIELD_CODE = /^[a-z0-9-]{1,40}$/;

/**
 * `<cong-qa-latest>`: a unit's province's latest published questions and answers (hỏi đáp), optionally
 * of one field (lĩnh vực), each linked to its page on the portal.
 *
 * ```html
 * <script type="module" src="https://cong.example.gov.vn/widgets/qa.js"></script>
 * <cong-qa-latest tenant="quang-tri" field="dat-dai" count="5"></cong-qa-latest>
 * ```
 *
 * Attributes: `tenant` (or `unit`: the unit's slug; default: the `/t/<slug>/` of the script's URL),
 * `server` (the portal's base URL; default: the script's origin), `field` (a field code such as
 * `dat-dai`), `count` (1–20, default 5), `lang` (`vi` default, or `en`; else the nearest `lang` of the
 * page), `heading`. Everything from the API is rendered as text; links are built from the server's
 * origin and the slug only.
 */
export class QaLatest extends LitElement {
  static override styles = qaLatestStyles;
  static override properties = {
    tenant: { type: String },
    unit: { type: String },
    server: { type: String },
    field: { type: String },
    count: { type: Number },
    lang: { type: String },
    heading: { type: String },
    items: { state: true },
    failed: { state: true },
  };

  declare tenant: string | undefined;
  declare unit: string | undefined;
  declare server: string | undefined;
  declare field: string | undefined;
  declare count: number;
  declare lang: string;
  declare heading: string | undefined;
  declare items: readonly PublishedQuestion[] | undefined;
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
    const field = this.field && FIELD_CODE.test(this.field) ? this.field : undefined;
    return publicApiUrl(this.server, this.unit || this.tenant, 'answers', { limit: String(clampCount(this.count, 5, 1, 20)), field });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.items) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('tenant') || changed.has('unit') || changed.has('server') || changed.has('count') || changed.has('field')) void this.#load();
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const url = this.dataUrl;
    this.failed = false;
    try {
      const body = await fetchJson<{ items?: unknown }>(url, controller.signal);
      if (!controller.signal.aborted) this.items = Array.isArray(body.items) ? (body.items as PublishedQuestion[]).filter((i) => typeof i?.slug === 'string' && typeof i.title === 'string') : [];
    } catch (error) {
      if (controller.signal.aborted) return;
      this.items = undefined;
      this.failed = true;
      console.warn('<cong-qa-latest>', url, error);
    }
  }

  override render() {
    const language = this.#language();
    const t = messages[language];
    const items = this.items ?? [];
    const status = this.failed ? t.failed : !this.items ? t.loading : items.length === 0 ? t.empty : '';
    const base = unitBase(this.server, this.unit || this.tenant);
    const pageOf = (slug: string) => (base && /^[a-z0-9-]+$/.test(slug) ? safeHref(`${base}/hoi-dap/${slug}`) : undefined);
    const list = base ? safeHref(`${base}/hoi-dap${this.field && FIELD_CODE.test(this.field) ? `?linh-vuc=${this.field}` : ''}`) : undefined;
    return html`
      <section part="container" lang=${language} aria-labelledby="title" aria-busy=${!this.items && !this.failed ? 'true' : 'false'}>
        <h2 part="title" id="title">${this.heading || t.title}</h2>
        <p part="status" class="status" role="status">${status}</p>
        ${items.length > 0
          ? html`<ul part="list" role="list" aria-label=${t.count(items.length)}>
              ${repeat(
                items,
                (i) => i.slug,
                (i) => {
                  const page = pageOf(i.slug);
                  return html`<li part="item">
                    ${page ? html`<a part="link" href=${page}>${i.title}</a>` : html`<span part="link">${i.title}</span>`}
                    <span part="meta" class="meta">
                      ${i.field?.name ? html`${i.field.name} · ` : nothing}${i.agency ? html`<span class="visually-hidden">${t.answeredBy} </span>${i.agency} · ` : nothing}
                      ${i.publishedAt ? html`<time part="time" datetime=${i.publishedAt}><span class="visually-hidden">${t.published} </span>${formatDay(i.publishedAt, language)}</time>` : nothing}
                    </span>
                  </li>`;
                },
              )}
            </ul>`
          : nothing}
        ${list && items.length > 0 ? html`<a part="more" class="more" href=${list}>${t.more}</a>` : nothing}
      </section>
    `;
  }
}
