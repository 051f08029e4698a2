import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formStyles } from '../article-editor/article-editor.styles.js';
import { formatDay } from './legal-format.js';
import { legalTexts, type LegalTexts } from './legal-messages.js';
import {
  LEGAL_API,
  LEGAL_ROUTE,
  LEGAL_STATUSES,
  LEGAL_TYPE_IDS,
  LEGAL_WRITE,
  legalPath,
  legalViewOf,
  NEW_LEGAL_PATH,
  type FacetName,
  type FacetValue,
  type LegalPage,
  type LegalView,
} from './legal-types.js';

const LIMIT = 20;
const SORTS = ['-issuedOn', 'issuedOn', '-updatedAt', 'numberSymbol'] as const;

interface Filters {
  readonly q: string;
  readonly type: string;
  readonly issuer: string;
  readonly field: string;
  readonly year: string;
  readonly status: string;
  readonly sort: (typeof SORTS)[number];
}

const NO_FILTERS: Filters = { q: '', type: '', issuer: '', field: '', year: '', status: '', sort: '-issuedOn' };

/**
 * The unit's legal documents (nav route `/portal/van-ban`): a paged list with the API's filters —
 * words (accents optional), type, issuer, field, year, validity status — each choice showing how many
 * documents it holds (the API's facets), and the editor of one document at `/portal/van-ban/<id>`
 * (a new one at `/portal/van-ban/moi`), so a reload or a shared link opens it again.
 *
 * Reading is open like the documents; adding and editing need `portal.legal.write`.
 */
export class LegalList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [
    formStyles,
    css`
      header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--cong-space-s, 0.75rem); }
      form.bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-m, 1rem); max-width: none; }
      form.bar label { display: grid; gap: 0.25rem; }
      th, td { vertical-align: top; }
      .pager { display: flex; gap: var(--cong-space-s, 0.75rem); align-items: center; margin-block: var(--cong-space-m, 1rem); }
      .manual { font-size: 0.875rem; color: var(--cong-color-text-quiet, #535353); }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    view: { state: true },
    page: { state: true },
    filters: { state: true },
    offset: { state: true },
    error: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare view: LegalView;
  declare page: LegalPage | undefined;
  declare filters: Filters;
  declare offset: number;
  declare error: string | undefined;
  #path = location.pathname;
  /** Follows the address when it changed under the element: Back/Forward, or the shell's own links. */
  readonly #sync = () => {
    if (location.pathname === this.#path) return;
    this.#path = location.pathname;
    this.view = legalViewOf(this.#path);
  };
  // The shell changes the address with pushState (no event): after a click it is read again.
  readonly #afterClick = () => void queueMicrotask(this.#sync);

  constructor() {
    super();
    this.view = legalViewOf(location.pathname);
    this.filters = NO_FILTERS;
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

  /** The editor is its own chunk: the list stays light. */
  static loadEditor(): Promise<unknown> {
    return import('./legal-editor.js');
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.view.kind !== 'list') void LegalList.loadEditor();
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.page = undefined;
        this.offset = 0;
        if (this.view.kind !== 'list') this.#go({ kind: 'list' });
      }
      if (this.view.kind === 'list') void this.load();
    } else if (changed.has('view') && this.view.kind === 'list' && changed.get('view')?.kind !== 'list' && this.api) {
      void this.load();
    }
  }

  #go(view: LegalView): void {
    this.view = view;
    const path = view.kind === 'document' ? legalPath(view.id) : view.kind === 'new' ? NEW_LEGAL_PATH : LEGAL_ROUTE;
    this.emit('cong-navigate', { path });
    this.#path = location.pathname;
  }

  #open(event: MouseEvent, id: string): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.#go({ kind: 'document', id });
  }

  get #canWrite(): boolean {
    return !this.user || this.user.permissions.includes(LEGAL_WRITE);
  }

  async load(): Promise<void> {
    const api = this.api!;
    const f = this.filters;
    const query = {
      limit: LIMIT,
      offset: this.offset,
      sort: f.sort,
      q: f.q.trim() || undefined,
      type: f.type || undefined,
      issuer: f.issuer || undefined,
      field: f.field || undefined,
      year: f.year ? Number(f.year) : undefined,
      status: f.status || undefined,
    };
    try {
      const page = await api.get<LegalPage>(LEGAL_API, { query });
      if (api !== this.api) return;
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : legalTexts().failed;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const get = (name: string) => String(data.get(name) ?? '');
    this.filters = { q: get('q'), type: get('type'), issuer: get('issuer'), field: get('field'), year: get('year'), status: get('status'), sort: (get('sort') || '-issuedOn') as Filters['sort'] };
    this.offset = 0;
    void this.load();
  }

  #clear(): void {
    this.filters = NO_FILTERS;
    this.offset = 0;
    void this.load();
  }

  #pageTo(offset: number): void {
    this.offset = Math.max(0, offset);
    void this.load();
  }

  /** A filter's choices: the facet's values with their counts, and the current choice even when no longer counted. */
  #choices(name: FacetName, all: readonly { value: string; label: string }[] | undefined) {
    const t = legalTexts();
    const counted = new Map<string, FacetValue>((this.page?.facets[name] ?? []).map((v) => [v.value, v]));
    const base = all ?? [...counted.values()].map(({ value, label }) => ({ value, label }));
    const current = this.filters[name];
    const options = current && !base.some((o) => o.value === current) ? [...base, { value: current, label: current }] : base;
    return html`<option value="">${t.all}</option>
      ${options.map((o) => {
        const n = counted.get(o.value)?.count;
        return html`<option value=${o.value} ?selected=${current === o.value}>${n === undefined ? o.label : t.withCount(o.label, n)}</option>`;
      })}`;
  }

  override render() {
    const t = legalTexts();
    if (this.view.kind !== 'list') {
      return html`
        <p><a href=${`/admin${LEGAL_ROUTE}`} @click=${(e: MouseEvent) => { e.preventDefault(); this.#go({ kind: 'list' }); }}>${t.backToList}</a></p>
        <portal-legal-editor
          .api=${this.api}
          .user=${this.user}
          .tenant=${this.tenant}
          .documentId=${this.view.kind === 'document' ? this.view.id : undefined}
          @portal-legal-created=${(e: CustomEvent<{ id: string }>) => this.#go({ kind: 'document', id: e.detail.id })}
          @portal-legal-open=${(e: CustomEvent<{ id: string }>) => this.#go({ kind: 'document', id: e.detail.id })}
        ></portal-legal-editor>
      `;
    }
    return html`
      <header>
        <h1>${t.documents}</h1>
        ${this.#canWrite ? html`<button type="button" class="primary" @click=${() => this.#go({ kind: 'new' })}>${t.newDocument}</button>` : nothing}
      </header>
      ${this.#filters(t)}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.#table(t)}
    `;
  }

  #filters(t: LegalTexts) {
    const f = this.filters;
    return html`<form class="bar" role="search" aria-label=${t.filters} @submit=${(e: SubmitEvent) => this.#filter(e)}>
      <label>${t.search} <input type="search" name="q" maxlength="200" .value=${f.q} /></label>
      <label>${t.type} <select name="type">${this.#choices('type', LEGAL_TYPE_IDS.map((v) => ({ value: v, label: t.types[v] })))}</select></label>
      <label>${t.issuer} <select name="issuer">${this.#choices('issuer', undefined)}</select></label>
      <label>${t.field} <select name="field">${this.#choices('field', undefined)}</select></label>
      <label>${t.year} <select name="year">${this.#choices('year', undefined)}</select></label>
      <label>${t.status} <select name="status">${this.#choices('status', LEGAL_STATUSES.map((v) => ({ value: v, label: t.statuses[v] })))}</select></label>
      <label>${t.sort}
        <select name="sort">${SORTS.map((s) => html`<option value=${s} ?selected=${f.sort === s}>${t.sorts[s]}</option>`)}</select>
      </label>
      <button type="submit">${t.filter}</button>
      <button type="button" @click=${() => this.#clear()}>${t.clear}</button>
    </form>`;
  }

  #table(t: LegalTexts) {
    if (!this.page) return this.error ? nothing : html`<p role="status">${t.loading}</p>`;
    const { items, total } = this.page;
    if (items.length === 0) return html`<p>${t.empty}</p>`;
    return html`<table>
        <caption class="visually-hidden">${t.documents} — ${t.statusAsOf(formatDay(this.page.statusAsOf))}</caption>
        <thead><tr>
          <th scope="col">${t.numberSymbol}</th><th scope="col">${t.type}</th><th scope="col">${t.issuer}</th>
          <th scope="col">${t.issuedOn}</th><th scope="col">${t.summary}</th><th scope="col">${t.status}</th>
        </tr></thead>
        <tbody>
          ${items.map(
            (d) => html`<tr>
              <td><a href=${`/admin${legalPath(d.id)}`} @click=${(e: MouseEvent) => this.#open(e, d.id)}>${d.numberSymbol}</a></td>
              <td>${d.type === 'other' ? d.typeName : t.types[d.type]}</td>
              <td>${d.issuer}</td>
              <td>${formatDay(d.issuedOn)}</td>
              <td>${d.summary}</td>
              <td data-status=${d.status}>${t.statuses[d.status]}${d.statusOverride ? html`<br /><span class="manual">${t.manual}</span>` : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${total > LIMIT
        ? html`<nav class="pager" aria-label=${t.documents}>
            <button type="button" ?disabled=${this.offset === 0} @click=${() => this.#pageTo(this.offset - LIMIT)}>${t.previous}</button>
            <span>${t.page(this.offset + 1, Math.min(this.offset + LIMIT, total), total)}</span>
            <button type="button" ?disabled=${this.offset + LIMIT >= total} @click=${() => this.#pageTo(this.offset + LIMIT)}>${t.next}</button>
          </nav>`
        : nothing}`;
  }
}
