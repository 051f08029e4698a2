import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formStyles } from '../article-editor/article-editor.styles.js';
import { formatTime } from '../messages.js';
import { fromLocalInput, pagesTexts, toLocalInput, type PagesTexts } from './pages-messages.js';
import { API, BANNER_PLACEMENTS, type Banner, type BannerPlacement } from './pages-types.js';

/**
 * The unit's banners (nav route `/portal/banner`): a table by placement with each banner's image, alt
 * text, window and state (scheduled, showing, ended, off), and one form to add or edit a banner. Alt
 * text is required in Vietnamese and English; the server checks the addresses and the window.
 */
export class BannerList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [formStyles, css`td img { max-width: 8rem; max-height: 4rem; } h2 { margin-block-start: var(--cong-space-l, 1.5rem); }`];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    items: { state: true },
    editing: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare items: readonly Banner[] | undefined;
  /** The banner in the form: one being edited, or undefined for a new one. */
  declare editing: Banner | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) void this.load();
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const { items } = await api.get<{ items: Banner[] }>(`${API}/banners`);
      if (api !== this.api) return;
      this.items = items;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : pagesTexts().failed;
    }
  }

  async #edit(banner: Banner | undefined): Promise<void> {
    this.editing = banner;
    this.fieldErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#banner-form-heading')?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const str = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      placement: str('placement') as BannerPlacement,
      imageUrl: str('imageUrl'),
      alt: { vi: str('altVi'), en: str('altEn') },
      linkUrl: str('linkUrl') || null,
      startsAt: fromLocalInput(str('startsAt')),
      endsAt: fromLocalInput(str('endsAt')),
      order: Number(str('order')) || 0,
      active: data.get('active') === 'on',
    };
    const t = pagesTexts();
    this.busy = true;
    try {
      if (this.editing) await this.api!.patch<Banner>(`${API}/banners/${encodeURIComponent(this.editing.id)}`, body);
      else await this.api!.post<Banner>(`${API}/banners`, body);
      showToast(t.bannerSaved, { variant: 'success' }, this);
      this.editing = undefined;
      this.fieldErrors = {};
      form.reset();
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = Object.fromEntries(error.errors.filter((e) => e.in === 'body').map((e) => [e.pointer.replace(/^\//, '').replace('/', '.'), e.message]));
      this.error = error.errors.length === 0 ? error.message : undefined;
    } finally {
      this.busy = false;
    }
  }

  async #delete(banner: Banner): Promise<void> {
    const t = pagesTexts();
    if (!window.confirm(t.confirmDelete)) return;
    try {
      await this.api!.delete(`${API}/banners/${encodeURIComponent(banner.id)}`);
      showToast(t.bannerDeleted, { variant: 'success' }, this);
      if (this.editing?.id === banner.id) this.editing = undefined;
      await this.load();
    } catch (error) {
      if (error instanceof ApiError) this.error = error.message;
    }
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: string) => unknown) {
    const error = this.fieldErrors[name];
    return html`<div class="field"><label for=${`banner-${name}`}>${label}</label>${control(error ? `banner-${name}-error` : nothing, error ? 'true' : 'false')}${error ? html`<span class="field-error" id=${`banner-${name}-error`}>${error}</span>` : nothing}</div>`;
  }

  #form(t: PagesTexts) {
    const b = this.editing;
    // Keyed by the banner, so switching banners resets the inputs.
    return html`<section aria-labelledby="banner-form-heading">
      <h2 id="banner-form-heading" tabindex="-1">${b ? t.editBanner : t.newBanner}</h2>
      <form @submit=${(e: SubmitEvent) => this.#save(e)} novalidate data-banner=${b?.id ?? 'new'}>
        <div class="row">
          ${this.#field('placement', t.placement, (d, bad) => html`<select id="banner-placement" name="placement" aria-describedby=${d} aria-invalid=${bad}>${BANNER_PLACEMENTS.map((p) => html`<option value=${p} ?selected=${b?.placement === p}>${t.placements[p]}</option>`)}</select>`)}
          ${this.#field('order', t.order, () => html`<input id="banner-order" name="order" type="number" step="1" .value=${String(b?.order ?? 0)} />`)}
        </div>
        ${this.#field('imageUrl', t.imageUrl, (d, bad) => html`<input id="banner-imageUrl" name="imageUrl" required maxlength="1000" .value=${b?.imageUrl ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${this.#field('alt.vi', t.altVi, (d, bad) => html`<input id="banner-alt.vi" name="altVi" required maxlength="300" .value=${b?.alt.vi ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${this.#field('alt.en', t.altEn, (d, bad) => html`<input id="banner-alt.en" name="altEn" lang="en" required maxlength="300" .value=${b?.alt.en ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${this.#field('linkUrl', t.linkUrl, (d, bad) => html`<input id="banner-linkUrl" name="linkUrl" maxlength="1000" .value=${b?.linkUrl ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        <div class="row">
          ${this.#field('startsAt', t.startsAt, (d, bad) => html`<input id="banner-startsAt" name="startsAt" type="datetime-local" .value=${toLocalInput(b?.startsAt ?? null)} aria-describedby=${d} aria-invalid=${bad} />`)}
          ${this.#field('endsAt', t.endsAt, (d, bad) => html`<input id="banner-endsAt" name="endsAt" type="datetime-local" .value=${toLocalInput(b?.endsAt ?? null)} aria-describedby=${d} aria-invalid=${bad} />`)}
        </div>
        <label class="check"><input type="checkbox" name="active" .checked=${b?.active ?? true} /> ${t.active}</label>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button>
          ${b ? html`<button type="button" @click=${() => this.#edit(undefined)}>${t.cancel}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }

  override render() {
    const t = pagesTexts();
    const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    return html`
      <h1>${t.banners}</h1>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${!this.items && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : !this.items || this.items.length === 0
          ? html`<p>${t.noBanners}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.banners}</caption>
              <thead><tr><th scope="col">${t.preview}</th><th scope="col">${t.placement}</th><th scope="col">${t.window}</th><th scope="col">${t.status}</th><th scope="col"><span class="visually-hidden">${t.edit}</span></th></tr></thead>
              <tbody>${this.items.map((b) => html`<tr>
                <td><img src=${b.imageUrl} alt=${b.alt[lang]} /></td>
                <td>${t.placements[b.placement]}</td>
                <td>${b.startsAt ? formatTime(b.startsAt) : '…'} – ${b.endsAt ? formatTime(b.endsAt) : '…'}</td>
                <td>${t.bannerStates[b.state]}</td>
                <td class="actions">
                  <button type="button" aria-label=${t.editLabel(b.alt[lang])} @click=${() => this.#edit(b)}>${t.edit}</button>
                  <button type="button" aria-label=${t.deleteBanner(b.alt[lang])} @click=${() => this.#delete(b)}>${t.delete}</button>
                </td>
              </tr>`)}</tbody>
            </table>`}
      ${this.#form(t)}
    `;
  }
}
