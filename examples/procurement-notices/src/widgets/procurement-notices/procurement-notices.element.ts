import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PublicNotice } from '../../api/index.js';
import { KIND_LABELS, STATUS_LABELS } from '../../notices/notice-labels.js';

const SCRIPT_URL = new URL(import.meta.url);
const SCRIPT_TENANT = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)\//.exec(SCRIPT_URL.pathname)?.[1];

const TEXT = {
  vi: { title: 'Đầu tư công, mua sắm công', loading: 'Đang tải…', empty: 'Chưa có thông báo nào.', failed: 'Không tải được danh sách.', all: 'Xem tất cả', locale: 'vi-VN' },
  en: { title: 'Public investment and procurement', loading: 'Loading…', empty: 'No notices yet.', failed: 'Could not load the list.', all: 'See all', locale: 'en-GB' },
} as const;

/**
 * `<cong-procurement-notices>`: a unit's newest published projects and procurement notices, for any site.
 *
 * ```html
 * <script type="module" src="https://portal.example/widgets/procurement.js"></script>
 * <cong-procurement-notices tenant="so-tai-chinh" kind="tender" limit="5"></cong-procurement-notices>
 * ```
 *
 * Attributes: `tenant` (the unit's slug; default: the script URL's `/t/<slug>/`), `server` (default: the
 * script's origin), `kind` (`project`, `tender`, `award`), `limit` (1–20, default 5), `lang` (`vi` or `en`),
 * `heading`. Data: `GET <server>/t/<tenant>/procurement/notices` without cookies (CORS for the unit's
 * allowed origins). Values render as text. Theming: `--cong-procurement-accent`, `--cong-procurement-font`
 * and `::part(container|title|status|list|item|link|meta|all)`.
 */
export class ProcurementNotices extends LitElement {
  static override styles = css`
    :host { display: block; font: var(--cong-procurement-font, inherit); }
    h2 { font-size: 1.15em; margin: 0 0 0.5em; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.4em 0; border-bottom: 1px solid #d0d0d0; }
    a { color: var(--cong-procurement-accent, #0b4f9c); }
    .meta { display: block; font-size: 0.875em; color: #4a4a4a; }
  `;
  static override properties = {
    tenant: { type: String },
    server: { type: String },
    kind: { type: String },
    limit: { type: Number },
    lang: { type: String },
    heading: { type: String },
    items: { state: true },
    failed: { state: true },
  };

  declare tenant: string | undefined;
  declare server: string | undefined;
  declare kind: string | undefined;
  declare limit: number;
  declare lang: string;
  declare heading: string | undefined;
  declare items: readonly PublicNotice[] | undefined;
  declare failed: boolean;
  #controller: AbortController | undefined;

  constructor() {
    super();
    this.limit = 5;
    this.failed = false;
  }

  /** The unit's site on the portal (links), or undefined when `server` is not an http(s) URL. */
  get siteUrl(): string | undefined {
    try {
      const server = new URL(this.server || SCRIPT_URL.origin);
      if (server.protocol !== 'https:' && server.protocol !== 'http:') return undefined;
      const tenant = this.tenant || SCRIPT_TENANT;
      return `${server.origin}${tenant ? `/t/${encodeURIComponent(tenant)}` : ''}`;
    } catch {
      return undefined;
    }
  }

  get dataUrl(): string | undefined {
    const site = this.siteUrl;
    if (!site) return undefined;
    const params = new URLSearchParams({ limit: String(Math.min(20, Math.max(1, Math.trunc(Number(this.limit)) || 5))) });
    if (this.kind === 'project' || this.kind === 'tender' || this.kind === 'award') params.set('kind', this.kind);
    return `${site}/procurement/notices?${params}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.items) void this.#load();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('tenant') || changed.has('server') || changed.has('limit') || changed.has('kind')) void this.#load();
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const url = this.dataUrl;
    this.failed = false;
    try {
      if (!url) throw new TypeError('server must be an http(s) origin');
      const res = await fetch(url, { mode: 'cors', credentials: 'omit', headers: { accept: 'application/json' }, signal: controller.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { items?: unknown };
      if (!controller.signal.aborted) this.items = Array.isArray(body.items) ? (body.items as PublicNotice[]) : [];
    } catch (error) {
      if (controller.signal.aborted) return;
      this.items = undefined;
      this.failed = true;
      console.warn('<cong-procurement-notices>', url, error);
    }
  }

  override render() {
    const language = (this.lang || this.closest('[lang]')?.getAttribute('lang') || 'vi').startsWith('en') ? 'en' : 'vi';
    const t = TEXT[language];
    const items = this.items ?? [];
    const status = this.failed ? t.failed : !this.items ? t.loading : items.length === 0 ? t.empty : undefined;
    const site = this.siteUrl;
    const day = new Intl.DateTimeFormat(t.locale, { dateStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
    return html`
      <section part="container" lang=${language} aria-labelledby="title" aria-busy=${!this.items && !this.failed ? 'true' : 'false'}>
        <h2 part="title" id="title">${this.heading || t.title}</h2>
        <p part="status" role="status" ?hidden=${!status}>${status ?? ''}</p>
        ${items.length > 0
          ? html`<ul part="list" role="list">
              ${repeat(
                items,
                (n) => n.id,
                (n) => html`<li part="item" lang="vi">
                  ${site ? html`<a part="link" href=${`${site}/mua-sam-cong/${encodeURIComponent(n.slug)}`}>${n.name}</a>` : n.name}
                  <span part="meta" class="meta" lang=${language}>${KIND_LABELS[n.kind]?.[language] ?? n.kind} · ${STATUS_LABELS[n.status]?.[language] ?? n.status} · ${day.format(new Date(n.publishedAt))}</span>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${site && items.length > 0 ? html`<p><a part="all" href=${`${site}/mua-sam-cong`}>${t.all}</a></p>` : nothing}
      </section>
    `;
  }
}
