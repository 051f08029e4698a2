import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { syndicationTexts } from './syndication-messages.js';
import { SyndicationPage } from './syndication-page.js';
import { PROPOSAL_STATUSES, type Page, type Proposal, type ProposalDetail, type ProposalStatus, type PublishedArticle } from './syndication-types.js';
import { renderHistory, renderPager, renderProposalFacts } from './syndication-views.js';

const LIMIT = 20;

/**
 * The unit's side of syndication up (TEN-07): its published articles, each with "propose to the
 * province" (an optional note for the editorial board), and its proposals with their states; a
 * proposal's detail shows the province's reason when rejected or removed, the history, and lets the
 * unit withdraw it.
 */
export class Proposals extends SyndicationPage {
  static override properties: PropertyDeclarations = {
    articles: { state: true },
    articleOffset: { state: true },
    q: { state: true },
    proposals: { state: true },
    status: { state: true },
    offset: { state: true },
    proposing: { state: true },
    detail: { state: true },
  };

  declare articles: Page<PublishedArticle> | undefined;
  declare articleOffset: number;
  declare q: string;
  declare proposals: Page<Proposal> | undefined;
  declare status: ProposalStatus | '';
  declare offset: number;
  declare proposing: PublishedArticle | undefined;
  declare detail: ProposalDetail | undefined;

  constructor() {
    super();
    this.articleOffset = 0;
    this.q = '';
    this.status = '';
    this.offset = 0;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.detail = undefined;
        this.proposing = undefined;
        this.offset = 0;
        this.articleOffset = 0;
      }
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const [articles, proposals] = await Promise.all([
        api.get<Page<PublishedArticle>>('/api/sites/published-articles', { query: { limit: LIMIT, offset: this.articleOffset, q: this.q || undefined } }),
        api.get<Page<Proposal>>('/api/sites/syndication/proposals', { query: { limit: LIMIT, offset: this.offset, status: this.status || undefined } }),
      ]);
      if (api !== this.api) return;
      this.articles = articles;
      this.proposals = proposals;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  async #open(id: string): Promise<void> {
    try {
      this.detail = await this.api!.get<ProposalDetail>(`/api/sites/syndication/proposals/${id}`);
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #propose(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim();
    await this.act(async () => {
      this.detail = await this.api!.post<ProposalDetail>('/api/sites/syndication/proposals', { articleId: this.proposing!.id, ...(note ? { note } : {}) });
      this.proposing = undefined;
    });
  }

  async #withdraw(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const remark = String(new FormData(event.target as HTMLFormElement).get('remark') ?? '').trim();
    await this.act(async () => {
      this.detail = await this.api!.post<ProposalDetail>(`/api/sites/syndication/proposals/${this.detail!.id}/withdraw`, remark ? { remark } : {});
    });
  }

  #search(event: SubmitEvent): void {
    event.preventDefault();
    this.q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    this.articleOffset = 0;
    void this.load();
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    this.status = String(new FormData(event.target as HTMLFormElement).get('status') ?? '') as ProposalStatus | '';
    this.offset = 0;
    void this.load();
  }

  override render() {
    const t = syndicationTexts();
    if (this.detail) return this.#renderDetail(this.detail);
    if (this.proposing) return this.#renderProposeForm(this.proposing);
    return html`
      <h1>${t.proposals}</h1>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <section aria-labelledby="bai-da-xuat-ban">
        <h2 id="bai-da-xuat-ban">${t.publishedArticles}</h2>
        <form class="bar" role="search" @submit=${(e: SubmitEvent) => this.#search(e)}>
          <label>${t.search}<input type="search" name="q" maxlength="200" .value=${this.q} /></label>
          <button type="submit">${t.find}</button>
        </form>
        ${this.#renderArticles()}
        ${renderPager(t.publishedArticles, this.articleOffset, LIMIT, this.articles?.total ?? 0, t, (offset) => { this.articleOffset = offset; void this.load(); })}
      </section>
      <section aria-labelledby="de-xuat-cua-don-vi">
        <h2 id="de-xuat-cua-don-vi">${t.ourProposals}</h2>
        <form class="bar" @submit=${(e: SubmitEvent) => this.#filter(e)}>
          <label>${t.status}
            <select name="status">
              <option value="">${t.allStatuses}</option>
              ${PROPOSAL_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.statuses[s]}</option>`)}
            </select>
          </label>
          <button type="submit">${t.filter}</button>
        </form>
        ${this.#renderProposals()}
        ${renderPager(t.ourProposals, this.offset, LIMIT, this.proposals?.total ?? 0, t, (offset) => { this.offset = offset; void this.load(); })}
      </section>
    `;
  }

  #renderArticles() {
    const t = syndicationTexts();
    const items = this.articles?.items;
    if (!items) return nothing;
    if (items.length === 0) return html`<p>${t.noArticles}</p>`;
    return html`<table>
      <thead><tr><th scope="col">${t.title}</th><th scope="col">${t.publishedAt}</th><th scope="col"><span class="sr-only">${t.propose}</span></th></tr></thead>
      <tbody>${items.map(
        (a) => html`<tr>
          <td><a href=${a.url} target="_blank" rel="noopener">${a.title}</a></td>
          <td>${a.publishedAt ? new Date(a.publishedAt).toLocaleDateString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN') : ''}</td>
          <td>${a.proposal
            ? html`<button type="button" class="link" @click=${() => void this.#open(a.proposal!.id)}>${t.alreadyProposed}: ${t.statuses[a.proposal.status]}</button>`
            : html`<button type="button" @click=${() => (this.proposing = a)}>${t.propose}</button>`}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }

  #renderProposals() {
    const t = syndicationTexts();
    const items = this.proposals?.items;
    if (!items) return nothing;
    if (items.length === 0) return html`<p>${t.empty}</p>`;
    return html`<table>
      <thead><tr><th scope="col">${t.article}</th><th scope="col">${t.status}</th><th scope="col">${t.reasonShown}</th></tr></thead>
      <tbody>${items.map(
        (p) => html`<tr>
          <td><button type="button" class="link" @click=${() => void this.#open(p.id)}>${p.article?.title ?? p.articleId}</button></td>
          <td>${t.statuses[p.status]}</td>
          <td>${p.reason ?? ''}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }

  #renderProposeForm(article: PublishedArticle) {
    const t = syndicationTexts();
    return html`
      <p><button type="button" @click=${() => (this.proposing = undefined)}>${t.back}</button></p>
      <h2>${t.proposeTitle(article.title)}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <form class="stack" @submit=${(e: SubmitEvent) => this.#propose(e)}>
        <label>${t.note}<textarea name="note" maxlength="2000"></textarea></label>
        <button type="submit" class="primary" ?disabled=${this.busy}>${t.send}</button>
      </form>
    `;
  }

  #renderDetail(p: ProposalDetail) {
    const t = syndicationTexts();
    return html`
      <p><button type="button" @click=${() => (this.detail = undefined)}>${t.back}</button></p>
      <h2>${p.article?.title ?? p.articleId}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${renderProposalFacts(p, t)}
      ${p.status === 'proposed' || p.status === 'accepted'
        ? html`<form class="stack" @submit=${(e: SubmitEvent) => this.#withdraw(e)}>
            <label>${t.withdrawRemark}<input name="remark" maxlength="2000" /></label>
            <button type="submit" ?disabled=${this.busy}>${t.withdraw}</button>
          </form>`
        : nothing}
      ${renderHistory(p, t)}
    `;
  }
}
