import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { fetchJson, publicApiUrl, safeHref, widgetLanguage } from '../widget-support.js';
import { portalLatestStyles } from './portal-latest.styles.js';

/** One article as `GET /api/portal/public/articles` returns it. */
interface LatestArticle {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly publishedAt: string;
  readonly url: string;
}

const messages = {
  vi: { title: 'Tin mới', loading: 'Đang tải…', empty: 'Chưa có tin bài nào.', failed: 'Không tải được tin bài.', locale: 'vi-VN' },
  en: { title: 'Latest news', loading: 'Loading…', empty: 'No articles yet.', failed: 'Could not load the articles.', locale: 'en-GB' },
} as const;

/**
 * `<cong-portal-latest>`: a unit's latest published articles, as links to their pages on its site.
 *
 * ```html
 * <script type="module" src="https://portal.example/widgets/portal.js"></script>
 * <cong-portal-latest tenant="so-tai-chinh" category="tin-tuc" limit="5" lang="vi"></cong-portal-latest>
 * ```
 *
 * Attributes: `tenant` (the unit's slug; default: the `/t/<slug>/` of the script's URL), `server`
 * (default: the script's origin), `category` (a category slug), `limit` (1–20, default 5), `lang`
 * (`vi` default, or `en`: English titles where translated), `heading`, `summaries` (show summaries).
 * Everything from the API is rendered as text; only http(s) URLs become links.
 */
export class PortalLatest extends LitElement {
  static override styles = portalLatestStyles;
  static override properties = {
    tenant: { type: String },
    server: { type: String },
    category: { type: String },
    limit: { type: Number },
    lang: { type: String },
    heading: { type: String },
    summaries: { type: Boolean },
    items: { state: true },
    failed: { state: true },
  };

  declare tenant: string | undefined;
  declare server: string | undefined;
  declare category: string | undefined;
  declare limit: number;
  declare lang: string;
  declare heading: string | undefined;
  declare summaries: boolean;
  declare items: readonly LatestArticle[] | undefined;
  declare failed: boolean;

  #controller: AbortController | undefined;

  constructor() {
    super();
    this.limit = 5;
    this.summaries = false;
    this.failed = false;
  }

  #language() {
    return widgetLanguage(this.lang || this.closest('[lang]')?.getAttribute('lang'));
  }

  get dataUrl(): string | undefined {
    const limit = Math.min(20, Math.max(1, Math.trunc(Number(this.limit)) || 5));
    return publicApiUrl(this.server, this.tenant, 'articles', { limit: String(limit), category: this.category, lang: this.#language() });
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
    if (changed.has('tenant') || changed.has('server') || changed.has('limit') || changed.has('category') || changed.has('lang')) void this.#load();
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const url = this.dataUrl;
    this.failed = false;
    try {
      const body = await fetchJson<{ items?: unknown }>(url, controller.signal);
      if (!controller.signal.aborted) this.items = Array.isArray(body.items) ? (body.items as LatestArticle[]) : [];
    } catch (error) {
      if (controller.signal.aborted) return;
      this.items = undefined;
      this.failed = true;
      console.warn('<cong-portal-latest>', url, error);
    }
  }

  override render() {
    const language = this.#language();
    const t = messages[language];
    const date = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' });
    const items = this.items ?? [];
    const status = this.failed ? t.failed : !this.items ? t.loading : items.length === 0 ? t.empty : undefined;
    return html`
      <section part="container" lang=${language} aria-labelledby="title" aria-busy=${!this.items && !this.failed ? 'true' : 'false'}>
        <h2 part="title" id="title">${this.heading || t.title}</h2>
        <p part="status" class="status" role="status" ?hidden=${!status}>${status ?? ''}</p>
        ${items.length > 0
          ? html`<ul part="list" role="list">
              ${repeat(
                items,
                (a) => a.id,
                (a) => {
                  const href = safeHref(a.url);
                  return html`<li part="item">
                    ${href ? html`<a part="link" href=${href}>${a.title}</a>` : html`<span part="link">${a.title}</span>`}
                    ${this.summaries && a.summary ? html`<span part="summary" class="summary">${a.summary}</span>` : nothing}
                    <time part="time" datetime=${a.publishedAt}>${formatDate(date, a.publishedAt)}</time>
                  </li>`;
                },
              )}
            </ul>`
          : nothing}
      </section>
    `;
  }
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}
