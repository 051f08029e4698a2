import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { syndicationStyles } from '../syndication/syndication.styles.js';
import { formatTime, networkTexts } from './network-messages.js';
import { SITE_STATUSES, SORTS, UNIT_KINDS, type DashboardPage, type DashboardRow, type LinkPage, type Sort } from './network-types.js';

const LIMIT = 50;

/** The filters the page sends, as the API names them. */
interface Filters {
  status: string;
  kind: string;
  stale: boolean;
  brokenLinks: boolean;
  sort: Sort;
  desc: boolean;
}

/**
 * The network dashboard (`/sites/mang-luoi`): every site of the unit and the units below it, with its
 * last update (flagged when older than the `staleAfterDays` setting), articles of the last 30 days,
 * empty mandated sections, stale English, editors, broken links and uptime ("—" without a monitoring
 * plugin); filters, sorting, paging, a CSV of the filtered list, and one site's links with the pages
 * they appear on. Shares the shell props and the look of the syndication pages.
 */
export class NetworkDashboardPage extends CongElement implements Partial<AdminContributionProps> {
  static override styles = syndicationStyles;

  static override properties: PropertyDeclarations = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    error: { state: true },
    busy: { state: true },
    page: { state: true },
    filters: { state: true },
    offset: { state: true },
    site: { state: true },
    links: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare error: string | undefined;
  declare busy: boolean;
  declare page: DashboardPage | undefined;
  declare filters: Filters;
  declare offset: number;
  declare site: DashboardRow | undefined;
  declare links: LinkPage | undefined;

  constructor() {
    super();
    this.busy = false;
    this.offset = 0;
    this.filters = { status: '', kind: '', stale: false, brokenLinks: false, sort: 'name', desc: false };
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.site = undefined;
        this.offset = 0;
      }
      void this.load();
    }
  }

  /** The query of the list and of the CSV: only the filters that are set. */
  #query(): Record<string, string | number | boolean> {
    const f = this.filters;
    return {
      ...(f.status ? { status: f.status } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.stale ? { stale: true } : {}),
      ...(f.brokenLinks ? { brokenLinks: true } : {}),
      sort: f.sort,
      order: f.desc ? 'desc' : 'asc',
    };
  }

  #failure(error: unknown): string {
    return error instanceof ApiError ? error.message : networkTexts().failed;
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const page = await api.get<DashboardPage>('/api/sites/network', { query: { ...this.#query(), limit: LIMIT, offset: this.offset } });
      if (api !== this.api) return;
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.#failure(error);
    }
  }

  async #openLinks(row: DashboardRow): Promise<void> {
    try {
      this.links = await this.api!.get<LinkPage>(`/api/sites/network/sites/${row.siteId}/links`, { query: { limit: 200, offset: 0 } });
      this.site = row;
      this.error = undefined;
    } catch (error) {
      this.error = this.#failure(error);
    }
  }

  async #checkNow(): Promise<void> {
    this.busy = true;
    try {
      await this.api!.post('/api/sites/network/link-checks');
      showToast(networkTexts().checkQueued, { variant: 'success' }, this);
    } catch (error) {
      this.error = this.#failure(error);
    } finally {
      this.busy = false;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = {
      status: String(data.get('status') ?? ''),
      kind: String(data.get('kind') ?? ''),
      stale: data.get('stale') === 'on',
      brokenLinks: data.get('brokenLinks') === 'on',
      sort: String(data.get('sort') ?? 'name') as Sort,
      desc: data.get('desc') === 'on',
    };
    this.offset = 0;
    void this.load();
  }

  /** The CSV's address: the tenant-prefixed API path, so the browser's session and unit go with it. */
  #csvHref(): string {
    const query = new URLSearchParams(Object.entries(this.#query()).map(([k, v]) => [k, String(v)]));
    return `${this.tenant ? `/t/${encodeURIComponent(this.tenant.slug)}` : ''}/api/sites/network.csv?${query}`;
  }

  override render() {
    if (this.site && this.links) return this.#renderLinks(this.site, this.links);
    const t = networkTexts();
    const f = this.filters;
    const page = this.page;
    return html`
      <h1>${t.title}</h1>
      ${page ? html`<p class="muted">${t.intro(page.staleAfterDays)} ${t.flagged(page.flagged, page.total)}</p>` : nothing}
      <form class="bar" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label>${t.status}
          <select name="status">
            <option value="">${t.allStatuses}</option>
            ${SITE_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${t.statuses[s]}</option>`)}
          </select>
        </label>
        <label>${t.kind}
          <select name="kind">
            <option value="">${t.allKinds}</option>
            ${UNIT_KINDS.map((k) => html`<option value=${k} ?selected=${f.kind === k}>${t.kinds[k] ?? k}</option>`)}
          </select>
        </label>
        <label>${t.sort}
          <select name="sort">${SORTS.map((s) => html`<option value=${s} ?selected=${f.sort === s}>${t.sorts[s]}</option>`)}</select>
        </label>
        <fieldset>
          <legend class="sr-only">${t.filter}</legend>
          <label><input type="checkbox" name="desc" ?checked=${f.desc} />${t.descending}</label>
          <label><input type="checkbox" name="stale" ?checked=${f.stale} />${t.staleOnly}</label>
          <label><input type="checkbox" name="brokenLinks" ?checked=${f.brokenLinks} />${t.brokenOnly}</label>
        </fieldset>
        <button type="submit">${t.filter}</button>
      </form>
      <div class="actions">
        <a href=${this.#csvHref()} download>${t.csv}</a>
        <button type="button" ?disabled=${this.busy} @click=${() => void this.#checkNow()}>${t.checkNow}</button>
      </div>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${!page ? nothing : page.items.length === 0 ? html`<p>${t.none}</p>` : this.#renderTable(page)}
      ${this.#renderPager(page)}
    `;
  }

  #renderTable(page: DashboardPage) {
    const t = networkTexts();
    return html`<table>
      <thead><tr>
        <th scope="col">${t.unit}</th><th scope="col">${t.status}</th><th scope="col">${t.lastUpdate}</th><th scope="col">${t.published}</th>
        <th scope="col">${t.empty}</th><th scope="col">${t.english}</th><th scope="col">${t.editors}</th><th scope="col">${t.broken}</th><th scope="col">${t.uptime}</th>
      </tr></thead>
      <tbody>${page.items.map(
        (r) => html`<tr class=${r.stale ? 'stale' : ''}>
          <th scope="row">${r.unit.nameVi}${r.primaryHost ? html`<br /><span class="muted">${r.primaryHost}</span>` : nothing}</th>
          <td>${t.statuses[r.status]}</td>
          <td>${r.lastUpdate ? formatTime(r.lastUpdate) : t.never}${r.stale ? html` <strong class="flag">⚠ ${t.staleFlag}</strong>` : nothing}</td>
          <td>${r.publishedLast30Days}</td>
          <td>${r.emptyMandatedSections}/${r.mandatedSections}</td>
          <td>${r.staleEnglish}</td>
          <td>${r.editors.total}</td>
          <td>${r.brokenLinks > 0 ? html`<button type="button" class="link" @click=${() => void this.#openLinks(r)}>${r.brokenLinks}</button>` : html`<button type="button" class="link" aria-label=${t.linksOf(r.unit.nameVi)} @click=${() => void this.#openLinks(r)}>0</button>`}</td>
          <td>${r.uptime === null ? '—' : `${r.uptime.toFixed(1)} %`}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }

  #renderPager(page: DashboardPage | undefined) {
    const t = networkTexts();
    if (!page || page.total <= LIMIT) return nothing;
    const go = (offset: number) => {
      this.offset = offset;
      void this.load();
    };
    return html`<nav class="pager" aria-label=${t.title}>
      <button type="button" ?disabled=${this.offset === 0} @click=${() => go(Math.max(0, this.offset - LIMIT))}>${t.previous}</button>
      <span>${t.page(this.offset + 1, Math.min(this.offset + LIMIT, page.total), page.total)}</span>
      <button type="button" ?disabled=${this.offset + LIMIT >= page.total} @click=${() => go(this.offset + LIMIT)}>${t.next}</button>
    </nav>`;
  }

  #renderLinks(row: DashboardRow, links: LinkPage) {
    const t = networkTexts();
    return html`
      <p><button type="button" @click=${() => { this.site = undefined; this.links = undefined; }}>${t.back}</button></p>
      <h2>${t.linksOf(row.unit.nameVi)}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${links.items.length === 0
        ? html`<p>${t.noLinks}</p>`
        : html`<table>
            <thead><tr><th scope="col">${t.url}</th><th scope="col">${t.result}</th><th scope="col">${t.failures}</th><th scope="col">${t.checkedAt}</th><th scope="col">${t.appearsOn}</th></tr></thead>
            <tbody>${links.items.map(
              (l) => html`<tr>
                <td><a href=${l.url} target="_blank" rel="noopener noreferrer">${l.url}</a></td>
                <td>${t.linkStatuses[l.status]}${l.httpStatus !== null ? ` (${l.httpStatus})` : ''}${l.error ? html`<br /><span class="muted">${l.error}</span>` : nothing}</td>
                <td>${l.failures}</td>
                <td>${formatTime(l.lastCheckedAt)}</td>
                <td>${l.occurrences.map((o) => html`<div><a href=${`/t/${encodeURIComponent(row.unit.slug)}${o.path}`} target="_blank" rel="noopener">${o.title}</a></div>`)}</td>
              </tr>`,
            )}</tbody>
          </table>`}
    `;
  }
}
