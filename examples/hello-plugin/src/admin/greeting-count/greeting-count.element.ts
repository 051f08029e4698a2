import { html } from 'lit';
import { CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { texts } from '../messages.js';

/**
 * The dashboard widget (zone `dashboard.widgets@1`): how many greetings the unit has. The shell sets
 * `tenant`, `user` and `api` before connecting it and again when the unit changes; it counts again then.
 */
export class GreetingCount extends CongElement implements Partial<AdminContributionProps> {
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
        .get<{ total: number }>('/api/hello/greetings', { query: { limit: 1 } })
        .then((page) => {
          if (api === this.api) this.total = page.total; // a late answer for the previous unit is dropped
        })
        .catch(() => undefined); // the shell's API client already shows the failure
    }
  }

  override render() {
    const t = texts();
    return html`<p>${this.total === undefined ? '…' : t.count(this.total)}</p>`;
  }
}
