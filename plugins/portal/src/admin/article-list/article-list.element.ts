import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime, texts } from '../messages.js';
import { ARTICLE_STATUSES, articlePath, NEW_ARTICLE_PATH, PORTAL_ROUTE, viewOf, WRITE, type ArticlePage, type ArticleStatus, type Category } from '../types.js';

const LIMIT = 20;

type View = ReturnType<typeof viewOf>;

interface Filters {
  readonly status: ArticleStatus | '';
  readonly categoryId: string;
  readonly text: string;
}

/**
 * The portal's page (nav route `/portal`, shown at `/admin/portal`): the unit's articles, paged and
 * filtered by status, category and title (the server folds diacritics: "dang ky" finds "Đăng ký"),
 * and the editor of one article.
 *
 * The shell gives a nav route every path under it, so the article is in the address:
 * `/admin/portal/articles/<id>` (and `/admin/portal/new`); a reload or a shared link opens it again.
 * Moving between the list and the editor asks the shell to navigate (`cong-navigate`) and switches
 * the view at once; Back/Forward and the shell's own links to `/portal` are followed too.
 */
export class ArticleList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = css`
    :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
    .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-m, 1rem); }
    .bar label { display: grid; gap: 0.25rem; font-weight: 600; }
    input, select { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
    button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
    button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
    button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
    button[disabled] { opacity: 0.6; cursor: default; }
    a { color: var(--cong-color-link, #0b57b0); }
    header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--cong-space-s, 0.75rem); }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); }
    .pager { display: flex; gap: var(--cong-space-s, 0.75rem); align-items: center; margin-block: var(--cong-space-m, 1rem); }
    [role='alert'] { color: var(--cong-color-danger, #b00020); }
  `;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    view: { state: true },
    page: { state: true },
    categories: { state: true },
    filters: { state: true },
    offset: { state: true },
    error: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare view: View;
  declare page: ArticlePage | undefined;
  declare categories: readonly Category[];
  declare filters: Filters;
  declare offset: number;
  declare error: string | undefined;
  /** The address the view was last taken from. */
  #path = location.pathname;
  /** Follows the address when it changed under the element: Back/Forward, or the shell's own links. */
  readonly #sync = () => {
    if (location.pathname === this.#path) return;
    this.#path = location.pathname;
    this.view = viewOf(this.#path);
  };
  // The shell keeps this element while the path stays under /portal and changes the address with
  // pushState (no event): after any click, once the shell has handled it, the address is read again.
  readonly #afterClick = () => void queueMicrotask(this.#sync);

  constructor() {
    super();
    this.view = viewOf(location.pathname);
    this.categories = [];
    this.filters = { status: '', categoryId: '', text: '' };
    this.offset = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#sync);
    window.addEventListener('click', this.#afterClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#sync);
    window.removeEventListener('click', this.#afterClick);
  }

  /** The editor and Tiptap load only when an article is opened: the list and the dashboard stay light. */
  static loadEditor(): Promise<unknown> {
    return import('../article-editor/article-editor.js');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.view.kind !== 'list') void ArticleList.loadEditor();
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      // The shell hands a new tenant object on every render: only another unit's id means a switch.
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        // Another unit: its articles, from the first page, and not the previous unit's article.
        this.page = undefined;
        this.offset = 0;
        if (this.view.kind !== 'list') this.#go({ kind: 'list' });
      }
      void this.#loadCategories();
      if (this.view.kind === 'list') void this.load();
    } else if (changed.has('view') && this.view.kind === 'list' && changed.get('view')?.kind !== 'list' && this.api) {
      void this.load();
    }
  }

  /** Switches the view and asks the shell to put it in the address. */
  #go(view: View): void {
    this.view = view;
    const path = view.kind === 'article' ? articlePath(view.id) : view.kind === 'new' ? NEW_ARTICLE_PATH : PORTAL_ROUTE;
    this.emit('cong-navigate', { path });
    this.#path = location.pathname; // the shell changed it synchronously (unchanged without a shell)
  }

  #open(event: MouseEvent, id: string): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.#go({ kind: 'article', id });
  }

  async #loadCategories(): Promise<void> {
    const api = this.api!;
    try {
      const { items } = await api.get<{ items: Category[] }>('/api/portal/categories');
      if (api === this.api) this.categories = items;
    } catch {
      // The shell's client already showed the failure; the filter offers no categories.
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    const { status, categoryId, text } = this.filters;
    try {
      const page = await api.get<ArticlePage>('/api/portal/articles', {
        query: { limit: LIMIT, offset: this.offset, status: status || undefined, categoryId: categoryId || undefined, text: text.trim() || undefined },
      });
      if (api !== this.api) return;
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : texts().failed;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = { status: String(data.get('status') ?? '') as ArticleStatus | '', categoryId: String(data.get('categoryId') ?? ''), text: String(data.get('text') ?? '') };
    this.offset = 0;
    void this.load();
  }

  #pageTo(offset: number): void {
    this.offset = Math.max(0, offset);
    void this.load();
  }

  get #canWrite(): boolean {
    return !this.user || this.user.permissions.includes(WRITE);
  }

  #categoryName(id: string | null): string {
    const c = id ? this.categories.find((x) => x.id === id) : undefined;
    if (!c) return '';
    return (document.documentElement.lang === 'en' && c.name.en) || c.name.vi;
  }

  override render() {
    const t = texts();
    if (this.view.kind !== 'list') {
      return html`
        <p><a href=${`/admin${PORTAL_ROUTE}`} @click=${(e: MouseEvent) => { e.preventDefault(); this.#go({ kind: 'list' }); }}>${t.backToList}</a></p>
        <portal-article-editor
          .api=${this.api}
          .user=${this.user}
          .tenant=${this.tenant}
          .articleId=${this.view.kind === 'article' ? this.view.id : undefined}
          @portal-article-created=${(e: CustomEvent<{ id: string }>) => this.#go({ kind: 'article', id: e.detail.id })}
        ></portal-article-editor>
      `;
    }
    const items = this.page?.items ?? [];
    const total = this.page?.total ?? 0;
    return html`
      <header>
        <h1>${t.articles}</h1>
        ${this.#canWrite ? html`<button type="button" class="primary" @click=${() => this.#go({ kind: 'new' })}>${t.newArticle}</button>` : nothing}
      </header>
      <form class="bar" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label>${t.status}
          <select name="status">
            <option value="">${t.allStatuses}</option>
            ${ARTICLE_STATUSES.map((s) => html`<option value=${s} ?selected=${this.filters.status === s}>${t.statuses[s]}</option>`)}
          </select>
        </label>
        <label>${t.category}
          <select name="categoryId">
            <option value="">${t.allCategories}</option>
            ${this.categories.map((c) => html`<option value=${c.id} ?selected=${this.filters.categoryId === c.id}>${this.#categoryName(c.id)}</option>`)}
          </select>
        </label>
        <label>${t.search} <input type="search" name="text" maxlength="200" .value=${this.filters.text} /></label>
        <button type="submit">${t.filter}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${!this.page && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <thead><tr><th scope="col">${t.title}</th><th scope="col">${t.status}</th><th scope="col">${t.category}</th><th scope="col">${t.updated}</th></tr></thead>
              <tbody>
                ${items.map(
                  (a) => html`<tr>
                    <td><a href=${`/admin${articlePath(a.id)}`} @click=${(e: MouseEvent) => this.#open(e, a.id)}>${a.title}</a></td>
                    <td>${t.statuses[a.status]}</td>
                    <td>${this.#categoryName(a.categoryId)}</td>
                    <td>${formatTime(a.updatedAt)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      ${total > LIMIT
        ? html`<nav class="pager" aria-label=${t.articles}>
            <button type="button" ?disabled=${this.offset === 0} @click=${() => this.#pageTo(this.offset - LIMIT)}>${t.previous}</button>
            <span>${t.page(this.offset + 1, Math.min(this.offset + LIMIT, total), total)}</span>
            <button type="button" ?disabled=${this.offset + LIMIT >= total} @click=${() => this.#pageTo(this.offset + LIMIT)}>${t.next}</button>
          </nav>`
        : nothing}
    `;
  }
}
