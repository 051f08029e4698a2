import { html, css } from 'lit';
import { msg, str } from '@lit/localize';
import { CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { shellStyles } from '../../app/shell-styles.js';
import type { AdminManifest } from '../../app/session.js';
import { tenantName } from '../../app/tenant-switcher.js';
import '../../contributions/cong-zone.js';

declare global {
  interface HTMLElementTagNameMap {
    'cong-dashboard-page': CongDashboardPage;
  }
}

/** `/admin/`: a summary of the unit and the plugins' `dashboard.widgets@1` slots. */
export class CongDashboardPage extends CongElement {
  static override styles = [
    shellStyles,
    css`
      :host { display: block; }
      .summary { border: 1px solid var(--cong-color-border); border-radius: var(--cong-radius); padding: var(--cong-space-m); margin-bottom: var(--cong-space-l); background: var(--cong-color-surface); }
      .summary h2 { margin-top: 0; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
      dt { font-weight: 600; }
      dd { margin: 0; }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    manifest: { attribute: false },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare manifest: AdminManifest | undefined;

  override render() {
    const plugins = this.manifest?.plugins ?? [];
    const name = this.user?.displayName || this.user?.username || '';
    return html`
      <h1>${msg('Dashboard', { id: 'nav.dashboard' })}</h1>
      <section class="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">${this.tenant ? tenantName(this.tenant) : ''}</h2>
        <dl>
          <dt>${msg('Signed in as', { id: 'dashboard.signedInAs' })}</dt>
          <dd>${name}</dd>
          <dt>${msg('Plugins enabled here', { id: 'dashboard.plugins' })}</dt>
          <dd>${plugins.length}</dd>
          <dt>${msg('Your permissions here', { id: 'dashboard.permissions' })}</dt>
          <dd>${msg(str`${this.user?.permissions.length ?? 0} permissions`, { id: 'dashboard.permissionCount' })}</dd>
        </dl>
      </section>
      <h2>${msg('Widgets', { id: 'dashboard.widgets' })}</h2>
      <cong-zone name="dashboard.widgets@1" .manifest=${this.manifest} .tenant=${this.tenant} .user=${this.user} .api=${this.api}></cong-zone>
    `;
  }
}

CongDashboardPage.define('cong-dashboard-page', 'cong');
