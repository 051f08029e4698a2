import { css, html, nothing, type PropertyValues } from 'lit';
import { CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime, texts } from '../messages.js';
import { APPROVE, articlePath, PORTAL_ROUTE, type ArticlePage } from '../types.js';

/**
 * The dashboard widget (zone `dashboard.widgets@1`) for approvers: how many articles wait for review in
 * the unit, and the latest five with links to open them. Accounts without `portal.content.approve`
 * see nothing (and nothing is asked of the server). The shell sets `tenant`, `user` and `api` again
 * when the unit changes; it counts again then.
 */
export class ReviewQueue extends CongElement implements Partial<AdminContributionProps> {
  static override styles = css`
    :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
    :host([hidden]) { display: none; }
    h2 { font-size: 1.1rem; margin: 0 0 var(--cong-space-xs, 0.5rem); }
    ul { margin: 0; padding-inline-start: 1.25rem; }
    li { margin-block: 0.25rem; }
    a { color: var(--cong-color-link, #0b57b0); }
    a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
    small { color: var(--cong-color-text-quiet, #535353); }
  `;
  static override properties = { tenant: { attribute: false }, user: { attribute: false }, api: { attribute: false }, page: { state: true } };
  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare page: ArticlePage | undefined;

  /** Without a user (previews, tests) the server decides. */
  get #approver(): boolean {
    return !this.user || this.user.permissions.includes(APPROVE);
  }

  override updated(changed: PropertyValues<this>): void {
    if (!(changed.has('api') || changed.has('tenant') || changed.has('user'))) return;
    this.page = undefined;
    this.hidden = !this.#approver;
    if (!this.api || !this.#approver) return;
    const api = this.api;
    api
      .get<ArticlePage>('/api/portal/articles', { query: { status: 'in_review', limit: 5, sort: 'updatedAt', order: 'desc' } })
      .then((page) => {
        if (api === this.api) this.page = page; // a late answer for the previous unit is dropped
      })
      .catch(() => undefined); // the shell's API client already shows the failure
  }

  override render() {
    if (!this.#approver) return nothing;
    const t = texts();
    const page = this.page;
    return html`<section aria-labelledby="queue-heading">
      <h2 id="queue-heading">${t.reviewQueue}</h2>
      ${!page
        ? html`<p>…</p>`
        : page.total === 0
          ? html`<p>${t.noneInReview}</p>`
          : html`<p>${t.inReview(page.total)}</p>
              <ul>
                ${page.items.map((a) => html`<li><a href=${`/admin${articlePath(a.id)}`}>${a.title}</a> <small>${formatTime(a.updatedAt)}</small></li>`)}
              </ul>
              ${page.total > page.items.length ? html`<p><a href=${`/admin${PORTAL_ROUTE}`}>${t.openAll}</a></p>` : nothing}`}
    </section>`;
  }
}
