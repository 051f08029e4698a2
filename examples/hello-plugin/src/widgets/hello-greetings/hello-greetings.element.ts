import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { helloGreetingsStyles } from './hello-greetings.styles.js';
import { widgetLanguage, widgetMessages } from './widget-messages.js';

/** One greeting as `GET /hello/greetings/latest` returns it. */
export interface PublicGreeting {
  readonly id: string;
  readonly name: string;
  readonly message: string;
  readonly language: 'vi' | 'en';
  readonly createdAt: string;
}

interface Latest {
  readonly items: readonly PublicGreeting[];
  readonly signature: string | null;
}

/** Where this bundle was loaded from: the portal, and a `/t/<slug>/` prefix if the page used one. */
const SCRIPT_URL = new URL(import.meta.url);
const SCRIPT_TENANT = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)\//.exec(SCRIPT_URL.pathname)?.[1];

/**
 * `<cong-hello-greetings>`: a unit's latest greetings, for any site to embed.
 *
 * ```html
 * <script type="module" src="https://portal.example/widgets/hello.js"></script>
 * <cong-hello-greetings tenant="so-tai-chinh" limit="5" lang="vi"></cong-hello-greetings>
 * ```
 *
 * Attributes: `tenant` (the unit's slug; default: the `/t/<slug>/` of the script's URL, else the unit
 * of the server's host), `server` (the portal's origin; default: the script's own origin), `limit`
 * (1–20, default 5), `lang` (`vi` default, or `en`), `heading` (replaces the title).
 *
 * Data comes from `GET <server>/t/<tenant>/hello/greetings/latest?limit=<limit>`, anonymous and
 * without cookies; the server answers with CORS for the unit's allowed origins. Every value is
 * rendered as text through Lit bindings, which escape it: nothing from the API becomes HTML.
 *
 * Theming: CSS custom properties `--cong-hello-*` and `::part()`; see `hello-greetings.styles.ts`.
 */
export class HelloGreetings extends LitElement {
  static override styles = helloGreetingsStyles;
  static override properties = {
    tenant: { type: String },
    server: { type: String },
    limit: { type: Number },
    lang: { type: String },
    heading: { type: String },
    data: { state: true },
    failed: { state: true },
  };

  declare tenant: string | undefined;
  declare server: string | undefined;
  declare limit: number;
  declare lang: string;
  declare heading: string | undefined;
  declare data: Latest | undefined;
  declare failed: boolean;

  #controller: AbortController | undefined;

  constructor() {
    super();
    this.limit = 5;
    this.failed = false;
  }

  /** The URL of the data, or undefined when `server` is not an http(s) URL. */
  get dataUrl(): string | undefined {
    let origin: string;
    try {
      const server = new URL(this.server || SCRIPT_URL.origin);
      if (server.protocol !== 'https:' && server.protocol !== 'http:') return undefined;
      origin = server.origin;
    } catch {
      return undefined;
    }
    const tenant = this.tenant || SCRIPT_TENANT;
    const prefix = tenant ? `/t/${encodeURIComponent(tenant)}` : '';
    const limit = Math.min(20, Math.max(1, Math.trunc(Number(this.limit)) || 5));
    return `${origin}${prefix}/hello/greetings/latest?limit=${limit}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: fetch again (disconnecting aborted the request in flight).
    if (this.hasUpdated && !this.data) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('tenant') || changed.has('server') || changed.has('limit')) void this.#load();
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
      const body = (await res.json()) as Latest;
      if (!controller.signal.aborted) this.data = { items: Array.isArray(body.items) ? body.items : [], signature: typeof body.signature === 'string' ? body.signature : null };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.data = undefined;
      this.failed = true;
      console.warn('<cong-hello-greetings>', url, error);
    }
  }

  override render() {
    const language = widgetLanguage(this.lang || this.closest('[lang]')?.getAttribute('lang'));
    const t = widgetMessages[language];
    const time = new Intl.DateTimeFormat(t.locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
    const items = this.data?.items ?? [];
    const status = this.failed ? t.failed : !this.data ? t.loading : items.length === 0 ? t.empty : undefined;
    return html`
      <section part="container" lang=${language} aria-labelledby="title" aria-busy=${!this.data && !this.failed ? 'true' : 'false'}>
        <h2 part="title" id="title">${this.heading || t.title}</h2>
        <p part="status" class="status" role="status" ?hidden=${!status}>${status ?? ''}</p>
        ${items.length > 0
          ? html`<ul part="list" role="list">
              ${repeat(
                items,
                (g) => g.id,
                (g) => html`<li part="item" lang=${g.language === 'en' ? 'en' : 'vi'}>
                  <span part="name" class="name">${g.name}</span>
                  ${g.message ? html`<span part="message" class="message">${g.message}</span>` : nothing}
                  <time part="time" datetime=${g.createdAt}>${formatTime(time, g.createdAt)}</time>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${this.data?.signature ? html`<p part="signature" class="signature">— ${this.data.signature}</p>` : nothing}
      </section>
    `;
  }
}

function formatTime(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}
