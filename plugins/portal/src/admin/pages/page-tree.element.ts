import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime } from '../messages.js';
import { pagesTexts } from './pages-messages.js';
import { API, forest, NEW_PAGE_PATH, PAGE_STATUSES, PAGES_ROUTE, PAGES_WRITE, pageEditorPath, pageViewOf, type PageNode, type PageStatus, type PageSummary } from './pages-types.js';

type View = ReturnType<typeof pageViewOf>;

/**
 * The unit's pages (nav route `/portal/trang`): the page tree as nested lists, filtered by status and
 * title, each page with its status and the state of its English translation; and the editor of one
 * page at `/admin/portal/trang/<id>` (`/moi` for a new one), so a reload or a shared link opens it again.
 */
export class PageTree extends CongElement implements Partial<AdminContributionProps> {
  static override styles = css`
    :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
    header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--cong-space-s, 0.75rem); }
    .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-m, 1rem); }
    .bar label { display: grid; gap: 0.25rem; font-weight: 600; }
    input, select { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
    button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
    button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
    button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
    a { color: var(--cong-color-link, #0b57b0); }
    ul.tree, ul.tree ul { list-style: none; margin: 0; padding-inline-start: 1.5rem; }
    ul.tree { padding-inline-start: 0; }
    ul.tree li { padding-block: 0.25rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
    .badge { border: 1px solid currentColor; border-radius: var(--cong-radius, 0.375rem); padding: 0 0.4rem; font-size: 0.875rem; }
    .badge.stale { color: var(--cong-color-warning, #7a4a00); font-weight: 600; }
    .muted { color: var(--cong-color-text-quiet, #535353); font-size: 0.875rem; }
    [role='alert'] { color: var(--cong-color-danger, #b00020); }
  `;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    view: { state: true },
    items: { state: true },
    filters: { state: true },
    error: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare view: View;
  declare items: readonly PageSummary[] | undefined;
  declare filters: { readonly status: PageStatus | ''; readonly text: string };
  declare error: string | undefined;
  #path = location.pathname;
  readonly #sync = () => {
    if (location.pathname === this.#path) return;
    this.#path = location.pathname;
    this.view = pageViewOf(this.#path);
  };
  // The shell changes the address with pushState (no event): after a click, the address is read again.
  readonly #afterClick = () => void queueMicrotask(this.#sync);

  constructor() {
    super();
    this.view = pageViewOf(location.pathname);
    this.filters = { status: '', text: '' };
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

  /** The editor (and Tiptap) load only when a page is opened. */
  static loadEditor(): Promise<unknown> {
    return import('./page-editor.js');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.view.kind !== 'tree') void PageTree.loadEditor();
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.items = undefined;
        if (this.view.kind !== 'tree') this.#go({ kind: 'tree' });
      }
      if (this.view.kind === 'tree') void this.load();
    } else if (changed.has('view') && this.view.kind === 'tree' && changed.get('view')?.kind !== 'tree' && this.api) {
      void this.load();
    }
  }

  #go(view: View): void {
    this.view = view;
    this.emit('cong-navigate', { path: view.kind === 'page' ? pageEditorPath(view.id) : view.kind === 'new' ? NEW_PAGE_PATH : PAGES_ROUTE });
    this.#path = location.pathname;
  }

  #open(event: MouseEvent, id: string): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.#go({ kind: 'page', id });
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const { items } = await api.get<{ items: PageSummary[] }>(`${API}/pages`, { query: { status: this.filters.status || undefined, text: this.filters.text.trim() || undefined } });
      if (api !== this.api) return;
      this.items = items;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : pagesTexts().failed;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = { status: String(data.get('status') ?? '') as PageStatus | '', text: String(data.get('text') ?? '') };
    void this.load();
  }

  #node(node: PageNode): unknown {
    const t = pagesTexts();
    const p = node.page;
    return html`<li>
      <span class="row">
        <a href=${`/admin${pageEditorPath(p.id)}`} @click=${(e: MouseEvent) => this.#open(e, p.id)}>${p.title}</a>
        <span class="badge" data-status=${p.status}>${t.statuses[p.status]}</span>
        ${p.enStale ? html`<span class="badge stale">${t.enStale}</span>` : !p.hasEnglish ? html`<span class="muted">${t.enMissing}</span>` : nothing}
        <span class="muted">/trang/${p.slug} · ${formatTime(p.updatedAt)}</span>
      </span>
      ${node.children.length > 0 ? html`<ul>${node.children.map((c) => this.#node(c))}</ul>` : nothing}
    </li>`;
  }

  override render() {
    const t = pagesTexts();
    if (this.view.kind !== 'tree') {
      return html`
        <p><a href=${`/admin${PAGES_ROUTE}`} @click=${(e: MouseEvent) => { e.preventDefault(); this.#go({ kind: 'tree' }); }}>${t.backToTree}</a></p>
        <portal-page-editor
          .api=${this.api}
          .user=${this.user}
          .tenant=${this.tenant}
          .pageId=${this.view.kind === 'page' ? this.view.id : undefined}
          @portal-page-created=${(e: CustomEvent<{ id: string }>) => this.#go({ kind: 'page', id: e.detail.id })}
        ></portal-page-editor>
      `;
    }
    const canWrite = !this.user || this.user.permissions.includes(PAGES_WRITE);
    return html`
      <header>
        <h1>${t.pages}</h1>
        ${canWrite ? html`<button type="button" class="primary" @click=${() => this.#go({ kind: 'new' })}>${t.newPage}</button>` : nothing}
      </header>
      <form class="bar" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label>${t.status}
          <select name="status">
            <option value="">${t.allStatuses}</option>
            ${PAGE_STATUSES.map((s) => html`<option value=${s} ?selected=${this.filters.status === s}>${t.statuses[s]}</option>`)}
          </select>
        </label>
        <label>${t.search} <input type="search" name="text" maxlength="200" .value=${this.filters.text} /></label>
        <button type="submit">${t.filter}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${!this.items && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : this.items && this.items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<nav aria-label=${t.treeLabel}><ul class="tree">${forest(this.items ?? []).map((n) => this.#node(n))}</ul></nav>`}
    `;
  }
}
