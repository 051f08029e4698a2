import { css, html, nothing } from 'lit';
import { ApiError, CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatSize, mediaTexts } from './media-messages.js';
import { mediaFormStyles } from './media-metadata-form.js';
import { MEDIA_ACCEPT, mediaUrl, thumbnailPath, type MediaItem, type MediaKind, type MediaPage } from './media-types.js';
import { uploadMedia } from './upload-media.js';

const LIMIT = 24;

/** Options of {@link MediaPicker.pick}. */
export interface PickOptions {
  /** Offer only this kind (`image` for the editor's image button). Default: every kind. */
  readonly kind?: MediaKind;
}

/**
 * A modal dialog that lets an editor choose one item of the unit's media library, or upload one first.
 *
 * ```ts
 * const picker = document.createElement('portal-media-picker');
 * Object.assign(picker, { api, tenant, user });
 * this.renderRoot.append(picker);
 * const item = await picker.pick({ kind: 'image' }); // MediaItem, or undefined when cancelled
 * ```
 *
 * An image without Vietnamese alt text is never handed out: choosing one asks for the alt text and
 * saves it first ("Save and choose"). The chosen item is also announced as `portal-media-picked`.
 */
export class MediaPicker extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [
    mediaFormStyles,
    css`
      dialog { width: min(56rem, 95vw); max-height: 90vh; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); padding: var(--cong-space-m, 1rem); }
      dialog::backdrop { background: rgb(0 0 0 / 0.4); }
      header { display: flex; justify-content: space-between; align-items: center; gap: var(--cong-space-s, 0.75rem); }
      h2 { margin: 0; }
      .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-s, 0.75rem); }
      ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: var(--cong-space-s, 0.75rem); }
      ul button { display: grid; gap: 0.25rem; width: 100%; text-align: start; padding: 0.4rem; }
      .thumb { aspect-ratio: 4 / 3; width: 100%; object-fit: cover; background: #f1f2f4; display: grid; place-items: center; font-weight: 700; }
      .badge { font-size: 0.85em; color: var(--cong-color-warning-text, #6b4a00); }
      .name { overflow-wrap: anywhere; }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    kind: { state: true },
    page: { state: true },
    q: { state: true },
    needingAlt: { state: true },
    error: { state: true },
    progress: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare kind: MediaKind | undefined;
  declare page: MediaPage | undefined;
  declare q: string;
  /** The image chosen that first needs its alt text. */
  declare needingAlt: MediaItem | undefined;
  declare error: string | undefined;
  declare progress: number | undefined;
  #resolve: ((item: MediaItem | undefined) => void) | undefined;

  constructor() {
    super();
    this.q = '';
  }

  /** Opens the dialog; resolves with the chosen item, or `undefined` when the editor cancels. */
  async pick(options: PickOptions = {}): Promise<MediaItem | undefined> {
    this.#resolve?.(undefined);
    this.kind = options.kind;
    this.needingAlt = undefined;
    this.error = undefined;
    this.page = undefined;
    await this.updateComplete;
    this.#dialog.showModal();
    void this.load();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this.page = await api.get<MediaPage>('/api/portal/media', { query: { limit: LIMIT, offset: 0, kind: this.kind, q: this.q.trim() || undefined } });
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : mediaTexts().failed;
    }
  }

  #finish(item: MediaItem | undefined): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.#dialog.open) this.#dialog.close();
    if (item) this.emit('portal-media-picked', { item });
    resolve?.(item);
  }

  async #choose(item: MediaItem): Promise<void> {
    if (item.needsAlt) {
      this.needingAlt = item;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name=altVi]')?.focus();
      return;
    }
    this.#finish(item);
  }

  async #saveAlt(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const vi = String(data.get('altVi') ?? '').trim();
    const en = String(data.get('altEn') ?? '').trim();
    if (vi === '') {
      this.error = mediaTexts().altFirst;
      return;
    }
    try {
      const item = await this.api!.patch<MediaItem>(`/api/portal/media/${this.needingAlt!.id}`, { alt: { vi, en: en || null } });
      this.#finish(item);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  async #upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.progress = 0;
    this.error = undefined;
    try {
      const { item } = await uploadMedia(file, { tenant: this.tenant?.id, onProgress: (p) => (this.progress = p) });
      this.progress = undefined;
      await this.load();
      await this.#choose(item);
    } catch (error) {
      this.progress = undefined;
      this.error = mediaTexts().uploadFailed(file.name, error instanceof Error ? error.message : String(error));
    }
  }

  #label(item: MediaItem): string {
    return item.title.vi ?? item.document?.title ?? item.originalName;
  }

  override render() {
    const t = mediaTexts();
    const items = this.page?.items ?? [];
    return html`<dialog aria-labelledby="picker-title" @close=${() => this.#finish(undefined)}>
      <header>
        <h2 id="picker-title">${t.pick}</h2>
        <button type="button" @click=${() => this.#finish(undefined)}>${t.cancel}</button>
      </header>
      ${this.needingAlt
        ? html`<form @submit=${(e: SubmitEvent) => void this.#saveAlt(e)}>
            <p role="note">${t.altFirst}: <strong>${this.#label(this.needingAlt)}</strong></p>
            ${thumbnailPath(this.needingAlt) ? html`<img class="thumb" style="max-width: 16rem" src=${mediaUrl(this.tenant?.slug, thumbnailPath(this.needingAlt)!)} alt="" />` : nothing}
            <label class="field">${t.altVi} <input name="altVi" maxlength="500" required aria-describedby="alt-hint" /></label>
            <small id="alt-hint">${t.altHint}</small>
            <label class="field">${t.altEn} <input name="altEn" maxlength="500" /></label>
            ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
            <div class="actions">
              <button type="submit" class="primary">${t.saveAndChoose}</button>
              <button type="button" @click=${() => { this.needingAlt = undefined; this.error = undefined; }}>${t.cancel}</button>
            </div>
          </form>`
        : html`
            <form class="bar" role="search" @submit=${(e: SubmitEvent) => { e.preventDefault(); this.q = String(new FormData(e.target as HTMLFormElement).get('q') ?? ''); void this.load(); }}>
              <label class="field">${t.search} <input type="search" name="q" maxlength="200" .value=${this.q} /></label>
              <button type="submit">${t.filter}</button>
              <label class="field">${t.upload} <input type="file" accept=${this.kind === 'image' ? 'image/jpeg,image/png,image/webp' : MEDIA_ACCEPT} @change=${(e: Event) => void this.#upload(e)} /></label>
            </form>
            ${this.progress !== undefined ? html`<label>${t.loading} <progress max="1" .value=${this.progress}></progress></label>` : nothing}
            ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
            ${!this.page ? html`<p role="status">${t.loading}</p>` : items.length === 0 ? html`<p>${t.empty}</p>` : nothing}
            <ul>
              ${items.map((item) => {
                const thumb = thumbnailPath(item);
                return html`<li>
                  <button type="button" aria-label=${t.chooseLabel(this.#label(item))} @click=${() => void this.#choose(item)}>
                    ${thumb ? html`<img class="thumb" src=${mediaUrl(this.tenant?.slug, thumb)} alt="" loading="lazy" />` : html`<span class="thumb" aria-hidden="true">${item.kind === 'pdf' ? 'PDF' : 'DOC'}</span>`}
                    <span class="name">${this.#label(item)}</span>
                    <span>${t.kinds[item.kind]} · ${formatSize(item.size)}</span>
                    ${item.needsAlt ? html`<span class="badge">${t.needsAlt}</span>` : nothing}
                  </button>
                </li>`;
              })}
            </ul>
          `}
    </dialog>`;
  }
}
