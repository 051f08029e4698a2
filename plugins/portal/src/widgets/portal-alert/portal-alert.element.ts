import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { fetchJson, publicApiUrl, widgetLanguage } from '../widget-support.js';
import { portalAlertStyles } from './portal-alert.styles.js';

/** One alert as `GET /api/portal/public/alerts` returns it. */
interface ActiveAlert {
  readonly id: string;
  readonly message: string;
  readonly lang: string;
  readonly severity: 'info' | 'warning' | 'danger';
  readonly unit: { readonly slug: string; readonly name: string };
}

const label = { vi: { info: 'Thông báo', warning: 'Cảnh báo', danger: 'Khẩn cấp' }, en: { info: 'Notice', warning: 'Warning', danger: 'Emergency' } } as const;
const SEVERITIES = new Set(['info', 'warning', 'danger']);

/**
 * `<cong-portal-alert>`: the emergency banners in force for a unit (its own and those its parent
 * units post for their whole subtree). Renders nothing when there is none (or the data fails).
 *
 * ```html
 * <script type="module" src="https://portal.example/widgets/portal.js"></script>
 * <cong-portal-alert tenant="so-tai-chinh" lang="vi"></cong-portal-alert>
 * ```
 *
 * Attributes: `tenant`, `server`, `lang` (as `<cong-portal-latest>`). A danger alert is `role=alert`
 * (read out at once), the others `role=status`. Messages are text, never HTML.
 */
export class PortalAlert extends LitElement {
  static override styles = portalAlertStyles;
  static override properties = {
    tenant: { type: String },
    server: { type: String },
    lang: { type: String },
    alerts: { state: true },
  };

  declare tenant: string | undefined;
  declare server: string | undefined;
  declare lang: string;
  declare alerts: readonly ActiveAlert[];

  #controller: AbortController | undefined;
  #loaded = false;

  constructor() {
    super();
    this.alerts = [];
  }

  #language() {
    return widgetLanguage(this.lang || this.closest('[lang]')?.getAttribute('lang'));
  }

  get dataUrl(): string | undefined {
    return publicApiUrl(this.server, this.tenant, 'alerts', { lang: this.#language() });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#loaded) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('tenant') || changed.has('server') || changed.has('lang')) void this.#load();
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const url = this.dataUrl;
    try {
      const body = await fetchJson<{ items?: unknown }>(url, controller.signal);
      if (controller.signal.aborted) return;
      this.alerts = Array.isArray(body.items) ? (body.items as ActiveAlert[]).filter((a) => SEVERITIES.has(a?.severity)) : [];
      this.#loaded = true;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.alerts = [];
      console.warn('<cong-portal-alert>', url, error);
    }
  }

  override render() {
    if (this.alerts.length === 0) return nothing;
    const language = this.#language();
    return html`<div part="container" class="alerts" lang=${language}>
      ${repeat(
        this.alerts,
        (a) => a.id,
        (a) => html`<p part="alert ${a.severity}" class="alert ${a.severity}" role=${a.severity === 'danger' ? 'alert' : 'status'} lang=${a.lang === 'en' ? 'en' : 'vi'}>
          <span part="message">${label[language][a.severity]}: ${a.message}</span>
          ${a.unit?.name ? html` <span part="unit" class="unit">— ${a.unit.name}</span>` : nothing}
        </p>`,
      )}
    </div>`;
  }
}
