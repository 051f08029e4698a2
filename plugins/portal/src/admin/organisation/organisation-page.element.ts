import { html, type PropertyValues } from 'lit';
import { CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { organisationTexts } from './organisation-messages.js';
import type { ResourceKind } from './organisation-admin-types.js';
import { organisationStyles } from './organisation-styles.js';
import './english-status.js';
import './organisation-resource.js';

type Tab = ResourceKind | 'english';
const TABS: readonly Tab[] = ['units', 'leaders', 'contacts', 'schedule', 'english'];

/**
 * The organisation page (nav route `/portal/to-chuc`): tabs for the organisation chart, leaders,
 * contacts, the leaders' work schedule and the English versions that need updating (POR-04, -05, -06,
 * -08, -23). The tabs follow the WAI-ARIA tabs pattern: arrow keys, Home and End move between them.
 */
export class OrganisationPage extends CongElement implements Partial<AdminContributionProps> {
  static override styles = organisationStyles;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    tab: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare tab: Tab;

  constructor() {
    super();
    this.tab = 'units';
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('tab') && changed.get('tab') !== undefined) this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
  }

  #key(event: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.tab = TABS[(next + TABS.length) % TABS.length]!;
  }

  override render() {
    const t = organisationTexts();
    return html`
      <h1>${t.title}</h1>
      <div role="tablist" aria-label=${t.title} class="bar" @keydown=${(e: KeyboardEvent) => this.#key(e)}>
        ${TABS.map(
          (tab) => html`<button type="button" role="tab" id=${`tab-${tab}`} aria-controls="panel" aria-selected=${this.tab === tab ? 'true' : 'false'} tabindex=${this.tab === tab ? '0' : '-1'} class=${this.tab === tab ? 'primary' : ''} @click=${() => (this.tab = tab)}>${t.tabs[tab]}</button>`,
        )}
      </div>
      <section role="tabpanel" id="panel" aria-labelledby=${`tab-${this.tab}`}>
        ${this.tab === 'english'
          ? html`<portal-organisation-english .api=${this.api}></portal-organisation-english>`
          : html`<portal-organisation-resource .api=${this.api} .user=${this.user} .resource=${this.tab}></portal-organisation-resource>`}
      </section>
    `;
  }
}
