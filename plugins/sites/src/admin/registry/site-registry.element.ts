import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime, registryTexts, type RegistryTexts } from './registry-messages.js';
import { registryStyles } from './registry.styles.js';
import { API, NETWORK, NEXT_STATUSES, SITE_STATUSES, UNIT_KINDS, type Site, type SiteDetail, type SiteStatus } from './registry-types.js';

const PAGE_SIZE = 50;

/**
 * The network of component sites (nav route `/sites`, for network admins): the sites of the unit and
 * those below it, filtered by status, kind and text, and one site's detail: its status (with the
 * reason a closing needs) and history, its hosts with the CORE-02 suggestion, its notes and go-live date.
 */
export class SiteRegistry extends CongElement implements Partial<AdminContributionProps> {
  static override styles = registryStyles;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    items: { state: true },
    total: { state: true },
    offset: { state: true },
    filters: { state: true },
    selected: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare items: readonly Site[] | undefined;
  declare total: number;
  declare offset: number;
  declare filters: { readonly status: string; readonly kind: string; readonly text: string };
  declare selected: SiteDetail | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.total = 0;
    this.offset = 0;
    this.filters = { status: '', kind: '', text: '' };
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      this.selected = undefined;
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const { status, kind, text } = this.filters;
      const page = await api.get<{ items: Site[]; total: number }>(`${API}/sites`, { query: { status: status || undefined, kind: kind || undefined, text: text || undefined, limit: PAGE_SIZE, offset: this.offset } });
      if (api !== this.api) return;
      this.items = page.items;
      this.total = page.total;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : registryTexts().failed;
    }
  }

  async #open(site: Site): Promise<void> {
    try {
      this.selected = await this.api!.get<SiteDetail>(`${API}/sites/${encodeURIComponent(site.id)}`);
      this.fieldErrors = {};
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#site-detail-heading')?.focus();
    } catch (error) {
      if (error instanceof ApiError) this.error = error.message;
    }
  }

  /** Sends a change of the open site and shows the answer; field problems go beside their fields. */
  async #send(event: SubmitEvent, call: (form: FormData) => Promise<SiteDetail>, done: string): Promise<void> {
    event.preventDefault();
    this.busy = true;
    try {
      this.selected = await call(new FormData(event.target as HTMLFormElement));
      this.fieldErrors = {};
      this.error = undefined;
      showToast(done, { variant: 'success' }, this);
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = Object.fromEntries(error.errors.filter((e) => e.in === 'body').map((e) => [e.pointer.replace(/^\//, '').split('/')[0]!, e.message]));
      this.error = error.errors.length === 0 ? error.message : undefined;
    } finally {
      this.busy = false;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = { status: String(data.get('status') ?? ''), kind: String(data.get('kind') ?? ''), text: String(data.get('text') ?? '').trim() };
    this.offset = 0;
    void this.load();
  }

  #page(delta: number): void {
    this.offset = Math.max(0, this.offset + delta * PAGE_SIZE);
    void this.load();
  }

  #field(id: string, name: string, label: string, control: (describedBy: string | typeof nothing, invalid: string) => unknown) {
    const error = this.fieldErrors[name];
    return html`<div class="field"><label for=${id}>${label}</label>${control(error ? `${id}-error` : nothing, error ? 'true' : 'false')}${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}</div>`;
  }

  #detail(t: RegistryTexts, site: SiteDetail) {
    const url = `${API}/sites/${encodeURIComponent(site.id)}`;
    const str = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
    return html`<section class="panel" aria-labelledby="site-detail-heading">
      <h2 id="site-detail-heading" tabindex="-1">${site.unit.nameVi} <span class="badge" data-status=${site.status}>${t.statuses[site.status]}</span></h2>
      ${site.statusReason ? html`<p class="note">${t.reason}: ${site.statusReason}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.#send(e, (d) => this.api!.post<SiteDetail>(`${url}/status`, { status: str(d, 'status'), ...(str(d, 'reason') ? { reason: str(d, 'reason') } : {}) }), t.statusChanged)} aria-label=${t.changeStatus}>
        <fieldset>
          <legend>${t.changeStatus}</legend>
          ${this.#field('site-status', 'status', t.newStatus, (d, bad) => html`<select id="site-status" name="status" aria-describedby=${d} aria-invalid=${bad}>${NEXT_STATUSES[site.status].map((s) => html`<option value=${s}>${t.statuses[s]}</option>`)}</select>`)}
          ${this.#field('site-reason', 'reason', t.reason, (d, bad) => html`<textarea id="site-reason" name="reason" rows="2" maxlength="500" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
          <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.apply}</button></div>
        </fieldset>
      </form>
      <form @submit=${(e: SubmitEvent) => this.#send(e, (d) => this.api!.put<SiteDetail>(`${url}/hosts`, { primaryHost: str(d, 'primaryHost') || null, aliasHosts: str(d, 'aliasHosts').split(/\s+/).filter(Boolean) }), t.hostsSaved)} aria-label=${t.hosts}>
        <fieldset>
          <legend>${t.hosts}</legend>
          ${this.#field('site-primary', 'primaryHost', t.primaryHost, (d, bad) => html`<input id="site-primary" name="primaryHost" maxlength="253" .value=${site.primaryHost ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
          ${site.suggestedHost && site.suggestedHost !== site.primaryHost
            ? html`<p class="note">${t.suggested(site.suggestedHost)} <button type="button" @click=${() => ((this.renderRoot.querySelector<HTMLInputElement>('#site-primary')!).value = site.suggestedHost!)}>${t.useSuggested}</button></p>`
            : nothing}
          ${this.#field('site-aliases', 'aliasHosts', t.aliasHosts, (d, bad) => html`<textarea id="site-aliases" name="aliasHosts" rows="3" .value=${site.aliasHosts.join('\n')} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
          <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.saveHosts}</button></div>
        </fieldset>
      </form>
      <form @submit=${(e: SubmitEvent) => this.#send(e, (d) => this.api!.patch<SiteDetail>(url, { notes: str(d, 'notes') || null, goLiveOn: str(d, 'goLiveOn') || null }), t.saved)} aria-label=${t.details}>
        <fieldset>
          <legend>${t.details}</legend>
          ${this.#field('site-golive', 'goLiveOn', t.goLive, (d, bad) => html`<input id="site-golive" name="goLiveOn" type="date" .value=${site.goLiveOn ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
          ${this.#field('site-notes', 'notes', t.notes, (d, bad) => html`<textarea id="site-notes" name="notes" rows="3" maxlength="2000" .value=${site.notes ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
          <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.save}</button></div>
        </fieldset>
      </form>
      <table>
        <caption>${t.history}</caption>
        <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.status}</th><th scope="col">${t.reason}</th><th scope="col">${t.who}</th></tr></thead>
        <tbody>${site.history.map((h) => html`<tr><td>${formatTime(h.at)}</td><td>${h.from ? `${t.statuses[h.from]} → ` : `${t.created}: `}${t.statuses[h.to]}</td><td>${h.reason ?? ''}</td><td>${h.actorId}</td></tr>`)}</tbody>
      </table>
      <div class="actions"><button type="button" @click=${() => (this.selected = undefined)}>${t.close}</button></div>
    </section>`;
  }

  override render() {
    const t = registryTexts();
    if (this.user && !this.user.permissions.includes(NETWORK)) return html`<h1>${t.sites}</h1><p class="note">${t.needNetwork}</p>`;
    const items = this.items;
    return html`
      <h1>${t.sites}</h1>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      <form class="row" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <div class="field"><label for="f-text">${t.search}</label><input id="f-text" name="text" type="search" maxlength="100" .value=${this.filters.text} /></div>
        <div class="field"><label for="f-status">${t.status}</label><select id="f-status" name="status"><option value="">${t.allStatuses}</option>${SITE_STATUSES.map((s) => html`<option value=${s} ?selected=${this.filters.status === s}>${t.statuses[s]}</option>`)}</select></div>
        <div class="field"><label for="f-kind">${t.kind}</label><select id="f-kind" name="kind"><option value="">${t.allKinds}</option>${UNIT_KINDS.map((k) => html`<option value=${k} ?selected=${this.filters.kind === k}>${t.kinds[k]}</option>`)}</select></div>
        <button type="submit">${t.filter}</button>
      </form>
      ${this.selected ? this.#detail(t, this.selected) : nothing}
      ${!items && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : !items || items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.sites}</caption>
              <thead><tr><th scope="col">${t.unit}</th><th scope="col">${t.kind}</th><th scope="col">${t.status}</th><th scope="col">${t.host}</th><th scope="col">${t.template}</th><th scope="col">${t.goLive}</th><th scope="col"><span class="visually-hidden">${t.open}</span></th></tr></thead>
              <tbody>${items.map((s) => html`<tr>
                <td>${s.unit.nameVi}</td>
                <td>${t.kinds[s.unit.kind] ?? s.unit.kind}</td>
                <td><span class="badge" data-status=${s.status}>${t.statuses[s.status as SiteStatus]}</span></td>
                <td>${s.primaryHost ?? t.noHost}${s.suggestedHost && s.suggestedHost !== s.primaryHost ? html`<br /><span class="note">${t.suggested(s.suggestedHost)}</span>` : nothing}</td>
                <td>${s.template}</td>
                <td>${s.goLiveOn ?? ''}</td>
                <td><button type="button" aria-label=${t.openLabel(s.unit.nameVi)} @click=${() => this.#open(s)}>${t.open}</button></td>
              </tr>`)}</tbody>
            </table>
            <div class="actions">
              <span role="status">${t.page(this.offset + 1, this.offset + items.length, this.total)}</span>
              <button type="button" ?disabled=${this.offset === 0} @click=${() => this.#page(-1)}>${t.previous}</button>
              <button type="button" ?disabled=${this.offset + items.length >= this.total} @click=${() => this.#page(1)}>${t.next}</button>
            </div>`}
    `;
  }
}
