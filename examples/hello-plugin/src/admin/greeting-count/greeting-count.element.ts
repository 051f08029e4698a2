import { html } from 'lit';
import { CongElement, type ApiClient } from '@cong/sdk/admin';
import { texts } from '../messages.js';

/** The dashboard widget: how many greetings the unit has. */
export class GreetingCount extends CongElement {
  static override properties = { api: { attribute: false }, total: { state: true } };
  declare api: ApiClient | undefined;
  declare total: number | undefined;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('api') && this.api) {
      void this.api.get<{ total: number }>('/api/hello/greetings', { query: { limit: 1 } }).then((page) => (this.total = page.total));
    }
  }

  override render() {
    const t = texts(document.documentElement.lang);
    return html`<p>${this.total === undefined ? '…' : t.count(this.total)}</p>`;
  }
}
