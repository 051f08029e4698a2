import { html } from 'lit';
import { CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { texts } from '../messages.js';

/** Dashboard widget (zone `dashboard.widgets@1`): how many of the unit's invitations to bid are open. */
export class OpenCount extends CongElement implements Partial<AdminContributionProps> {
  static override properties = { tenant: { attribute: false }, user: { attribute: false }, api: { attribute: false }, total: { state: true } };
  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare total: number | undefined;

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const api = this.api;
      this.total = undefined;
      api
        .get<{ total: number }>('/api/procurement/notices', { query: { kind: 'tender', status: 'open', limit: 1 } })
        .then((page) => {
          if (api === this.api) this.total = page.total;
        })
        .catch(() => undefined); // the shell's API client already shows the failure
    }
  }

  override render() {
    return html`<p>${this.total === undefined ? '…' : texts().open(this.total)}</p>`;
  }
}
