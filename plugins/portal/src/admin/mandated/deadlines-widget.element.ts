import { html, nothing, type PropertyValues } from 'lit';
import { CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { mandatedTexts, showDate } from './mandated-messages.js';
import { mandatedStyles } from './mandated.styles.js';
import { COMPLIANCE_READERS, COMPLIANCE_ROUTE, type Deadline, type DeadlinePage } from './mandated-types.js';

const SHOWN = 5;
const SOON_DAYS = 7;

/** `YYYY-MM-DD` plus `days` calendar days. */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The dashboard widget (zone `dashboard.widgets@1`): the unit's information overdue for publication
 * (POR-30…POR-37) and what falls due within a week, each with its due date, and a link to the
 * compliance page. Accounts that may not read deadlines see nothing and nothing is asked of the server.
 */
export class DeadlinesWidget extends CongElement implements Partial<AdminContributionProps> {
  static override styles = mandatedStyles;
  static override properties = { tenant: { attribute: false }, user: { attribute: false }, api: { attribute: false }, overdue: { state: true }, soon: { state: true } };
  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare overdue: DeadlinePage | undefined;
  declare soon: readonly Deadline[] | undefined;

  get #reader(): boolean {
    return !this.user || COMPLIANCE_READERS.some((p) => this.user!.permissions.includes(p));
  }

  override updated(changed: PropertyValues<this>): void {
    if (!(changed.has('api') || changed.has('tenant') || changed.has('user'))) return;
    this.overdue = undefined;
    this.soon = undefined;
    this.hidden = !this.#reader;
    if (!this.api || !this.#reader) return;
    const api = this.api;
    void (async () => {
      const overdue = await api.get<DeadlinePage>('/api/portal/deadlines', { query: { overdue: true, limit: SHOWN } });
      const soon = await api.get<DeadlinePage>('/api/portal/deadlines', { query: { status: 'pending', dueBefore: plusDays(overdue.today, SOON_DAYS), limit: SHOWN } });
      if (api !== this.api) return; // a late answer for the previous unit is dropped
      this.overdue = overdue;
      this.soon = soon.items;
    })().catch(() => undefined); // the shell's API client already shows the failure
  }

  override render() {
    if (!this.#reader) return nothing;
    const t = mandatedTexts();
    const item = (d: Deadline) => html`<li>${d.subject.title} <small>${t.due}: ${showDate(d.dueDate)}</small></li>`;
    return html`<section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">${t.widgetTitle}</h2>
      ${!this.overdue || !this.soon
        ? html`<p>${t.loading}</p>`
        : this.overdue.total === 0 && this.soon.length === 0
          ? html`<p>${t.nothingDue}</p>`
          : html`${this.overdue.total > 0 ? html`<p><span class="badge b-overdue">${t.overdueCount(this.overdue.total)}</span></p><ul>${this.overdue.items.map(item)}</ul>` : nothing}
              ${this.soon.length > 0 ? html`<p><strong>${t.dueSoon}</strong></p><ul>${this.soon.map(item)}</ul>` : nothing}`}
      <p><a href=${`/admin${COMPLIANCE_ROUTE}`}>${t.openAll}</a></p>
    </section>`;
  }
}
