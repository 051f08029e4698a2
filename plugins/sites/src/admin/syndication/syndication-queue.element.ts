import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ApiError } from '@cong/sdk/admin';
import { syndicationTexts } from './syndication-messages.js';
import { SyndicationPage } from './syndication-page.js';
import { PROPOSAL_STATUSES, type CategoryOption, type Page, type Proposal, type ProposalDetail, type ProposalStatus } from './syndication-types.js';
import { renderHistory, renderPager, renderProposalFacts } from './syndication-views.js';

const LIMIT = 20;

/**
 * The province's queue of articles the units proposed (TEN-07): what waits first; a proposal's source
 * article (on the unit's site), the unit's note and history; accepting puts it on the province site in
 * the chosen category, with attribution and a canonical link to the source; rejecting needs a reason,
 * which the unit sees; an accepted one can be removed again, with a reason.
 */
export class SyndicationQueue extends SyndicationPage {
  static override properties: PropertyDeclarations = {
    page: { state: true },
    categories: { state: true },
    status: { state: true },
    offset: { state: true },
    detail: { state: true },
    reasonError: { state: true },
  };

  declare page: Page<Proposal> | undefined;
  declare categories: readonly CategoryOption[];
  declare status: ProposalStatus;
  declare offset: number;
  declare detail: ProposalDetail | undefined;
  declare reasonError: string | undefined;

  constructor() {
    super();
    // What waits for a decision first.
    this.status = 'proposed';
    this.offset = 0;
    this.categories = [];
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.detail = undefined;
        this.offset = 0;
      }
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const [page, categories] = await Promise.all([
        api.get<Page<Proposal>>('/api/sites/syndication/queue', { query: { limit: LIMIT, offset: this.offset, status: this.status } }),
        api.get<{ items: CategoryOption[] }>('/api/sites/syndication/categories'),
      ]);
      if (api !== this.api) return;
      this.page = page;
      this.categories = categories.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  async #open(id: string): Promise<void> {
    try {
      this.detail = await this.api!.get<ProposalDetail>(`/api/sites/syndication/queue/${id}`);
      this.reasonError = undefined;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #accept(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const categoryId = String(data.get('categoryId') ?? '');
    const remark = String(data.get('remark') ?? '').trim();
    await this.#decide('accept', { categoryId: categoryId || null, ...(remark ? { remark } : {}) });
  }

  async #withReason(event: SubmitEvent, action: 'reject' | 'revoke'): Promise<void> {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (!reason) {
      this.reasonError = syndicationTexts().reasonRequired;
      return;
    }
    await this.#decide(action, { reason });
  }

  async #decide(action: 'accept' | 'reject' | 'revoke', body: Record<string, unknown>): Promise<void> {
    await this.act(
      async () => {
        this.detail = await this.api!.post<ProposalDetail>(`/api/sites/syndication/queue/${this.detail!.id}/${action}`, body);
        this.reasonError = undefined;
      },
      // A refused reason is shown at its field, not as the page's error.
      (error) => (this.reasonError = error instanceof ApiError ? error.fieldErrors()['reason'] : undefined) !== undefined,
    );
  }


  #filter(event: SubmitEvent): void {
    event.preventDefault();
    this.status = String(new FormData(event.target as HTMLFormElement).get('status') ?? 'proposed') as ProposalStatus;
    this.offset = 0;
    void this.load();
  }

  override render() {
    const t = syndicationTexts();
    if (this.detail) return this.#renderDetail(this.detail);
    const items = this.page?.items;
    return html`
      <h1>${t.queue}</h1>
      <form class="bar" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label>${t.status}
          <select name="status">
            ${PROPOSAL_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.statuses[s]}</option>`)}
          </select>
        </label>
        <button type="submit">${t.filter}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${!items
        ? nothing
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <thead><tr><th scope="col">${t.article}</th><th scope="col">${t.unit}</th><th scope="col">${t.status}</th></tr></thead>
              <tbody>${items.map(
                (p) => html`<tr>
                  <td><button type="button" class="link" @click=${() => void this.#open(p.id)}>${p.article?.title ?? p.articleId}</button></td>
                  <td>${p.unit.name}</td>
                  <td>${t.statuses[p.status]}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${renderPager(t.queue, this.offset, LIMIT, this.page?.total ?? 0, t, (offset) => { this.offset = offset; void this.load(); })}
    `;
  }

  #reasonForm(action: 'reject' | 'revoke', label: string) {
    const t = syndicationTexts();
    return html`<form class="stack" @submit=${(e: SubmitEvent) => this.#withReason(e, action)}>
      <label>${t.reason}
        <textarea name="reason" maxlength="2000" required aria-invalid=${this.reasonError ? 'true' : 'false'} aria-describedby=${this.reasonError ? 'reason-error' : nothing}></textarea>
        ${this.reasonError ? html`<span class="field-error" id="reason-error">${this.reasonError}</span>` : nothing}
      </label>
      <button type="submit" ?disabled=${this.busy}>${label}</button>
    </form>`;
  }

  #renderDetail(p: ProposalDetail) {
    const t = syndicationTexts();
    return html`
      <p><button type="button" @click=${() => (this.detail = undefined)}>${t.back}</button></p>
      <h2>${p.article?.title ?? p.articleId}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${renderProposalFacts(p, t)}
      ${p.status === 'proposed'
        ? html`<div class="actions">
            <form class="stack" @submit=${(e: SubmitEvent) => this.#accept(e)}>
              <label>${t.category}
                <select name="categoryId">
                  <option value="">${t.noCategory}</option>
                  ${this.categories.map((c) => html`<option value=${c.id}>${c.parentId ? '— ' : ''}${c.name}</option>`)}
                </select>
              </label>
              <label>${t.remark}<input name="remark" maxlength="2000" /></label>
              <button type="submit" class="primary" ?disabled=${this.busy}>${t.accept}</button>
            </form>
            ${this.#reasonForm('reject', t.reject)}
          </div>`
        : nothing}
      ${p.status === 'accepted' ? html`<div class="actions">${this.#reasonForm('revoke', t.revoke)}</div>` : nothing}
      ${renderHistory(p, t)}
    `;
  }
}
