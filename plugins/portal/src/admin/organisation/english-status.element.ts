import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, type ApiClient } from '@cong/sdk/admin';
import { organisationTexts } from './organisation-messages.js';
import type { EnglishStatusItem } from './organisation-admin-types.js';
import { organisationStyles } from './organisation-styles.js';

/**
 * What needs translating (POR-23): the unit's org units, contacts and leaders whose English lags the
 * Vietnamese or is missing, mandatory ones (chart and contacts) first, from
 * `GET /api/portal/organisation/english-status`.
 */
export class EnglishStatus extends CongElement {
  static override styles = organisationStyles;

  static override properties = {
    api: { attribute: false },
    items: { state: true },
    error: { state: true },
  };

  declare api: ApiClient | undefined;
  declare items: readonly EnglishStatusItem[] | undefined;
  declare error: string | undefined;

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.load();
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const { items } = await api.get<{ items: EnglishStatusItem[] }>('/api/portal/organisation/english-status');
      if (api !== this.api) return;
      this.items = [...items].sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = error instanceof ApiError ? error.message : organisationTexts().failed;
    }
  }

  override render() {
    const t = organisationTexts();
    const items = this.items ?? [];
    return html`
      <h2>${t.tabs.english}</h2>
      <p class="muted">${t.englishIntro}</p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.items === undefined && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : items.length === 0
          ? html`<p role="status">${t.englishNone}</p>`
          : html`<table>
              <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.fields.kind}</th><th scope="col">${t.englishColumn}</th><th scope="col">${t.updated}</th></tr></thead>
              <tbody>${items.map(
                (i) => html`<tr>
                  <th scope="row">${i.label}</th>
                  <td>${t.kindNames[i.kind]}${i.mandatory ? html` <span class="badge warning">${t.mandatory}</span>` : nothing}</td>
                  <td>${i.missing.length > 0 ? t.missingFields(i.missing.map((f) => t.fields[f] ?? f).join(', ')) : t.englishStale}</td>
                  <td>${new Date(i.updatedAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' })}</td>
                </tr>`,
              )}</tbody>
            </table>`}
    `;
  }
}
