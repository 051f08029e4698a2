import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime } from '../messages.js';
import { formatSize, mediaTexts } from './media-messages.js';
import { mediaFormStyles, metadataBody, renderMetadataFields } from './media-metadata-form.js';
import { MEDIA_ACCEPT, MEDIA_KINDS, MEDIA_WRITE, mediaUrl, thumbnailPath, type MediaItem, type MediaKind, type MediaPage } from './media-types.js';
import { uploadMedia } from './upload-media.js';

const LIMIT = 24;

interface Filters {
  readonly q: string;
  readonly kind: MediaKind | '';
  readonly needsAlt: boolean;
}

interface UploadState {
  readonly key: number;
  readonly name: string;
  progress: number;
  error?: string;
}

/**
 * The unit's media library (nav route `/portal/media`): upload by file picker or drag and drop, one
 * file after another with a progress bar each; search (accents optional), filter by kind or by
 * "alt text missing"; grid or list; the details of one item with its metadata form and delete.
 *
 * An image uploaded without alt text opens at once with the alt field focused: it is kept, but the
 * picker will not hand it to an article until it has one. A delete the server refuses because
 * articles link to the file (409) is explained in place.
 */
export class MediaLibrary extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [
    mediaFormStyles,
    css`
      :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
      .drop { border: 2px dashed var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); padding: var(--cong-space-m, 1rem); margin-block: var(--cong-space-m, 1rem); }
      .drop.over { border-color: var(--cong-color-brand, #0b57b0); background: var(--cong-color-surface-alt, #eef4fb); }
      .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-m, 1rem); }
      .bar label { display: grid; gap: 0.25rem; font-weight: 600; }
      .bar label.check { display: flex; align-items: center; font-weight: 400; }
      ul.grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: var(--cong-space-s, 0.75rem); }
      ul.grid button { display: grid; gap: 0.25rem; width: 100%; text-align: start; padding: 0.5rem; }
      .thumb { aspect-ratio: 4 / 3; width: 100%; object-fit: cover; background: #f1f2f4; display: grid; place-items: center; font-weight: 700; }
      .name { overflow-wrap: anywhere; }
      .badge { display: inline-block; font-size: 0.85em; padding: 0 0.4rem; border-radius: 1rem; background: var(--cong-color-warning-surface, #fff4d6); color: var(--cong-color-warning-text, #6b4a00); }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); }
      .pager { display: flex; gap: var(--cong-space-s, 0.75rem); align-items: center; margin-block: var(--cong-space-m, 1rem); }
      .uploads { list-style: none; padding: 0; }
      .uploads li { display: flex; gap: var(--cong-space-s, 0.75rem); align-items: center; }
      section.details { border-top: 1px solid var(--cong-color-border, #c9ccd1); margin-top: var(--cong-space-l, 1.5rem); padding-top: var(--cong-space-m, 1rem); }
      .preview { max-width: 100%; max-height: 20rem; }
      [aria-pressed='true'] { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    page: { state: true },
    filters: { state: true },
    offset: { state: true },
    layout: { state: true },
    uploads: { state: true },
    selected: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    over: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare page: MediaPage | undefined;
  declare filters: Filters;
  declare offset: number;
  declare layout: 'grid' | 'list';
  declare uploads: readonly UploadState[];
  declare selected: MediaItem | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare over: boolean;
  declare busy: boolean;
  #uploadKey = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.filters = { q: '', kind: '', needsAlt: false };
    this.offset = 0;
    this.layout = 'grid';
    this.uploads = [];
    this.fieldErrors = {};
    this.over = false;
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.page = undefined;
        this.offset = 0;
        this.selected = undefined;
      }
      void this.load();
    }
  }

  get #canWrite(): boolean {
    return !this.user || this.user.permissions.includes(MEDIA_WRITE);
  }

  async load(): Promise<void> {
    const api = this.api!;
    const { q, kind, needsAlt } = this.filters;
    try {
      const page = await api.get<MediaPage>('/api/portal/media', {
        query: { limit: LIMIT, offset: this.offset, q: q.trim() || undefined, kind: kind || undefined, needsAlt: needsAlt || undefined },
      });
      if (api !== this.api) return;
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : mediaTexts().failed;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = { q: String(data.get('q') ?? ''), kind: String(data.get('kind') ?? '') as MediaKind | '', needsAlt: data.get('needsAlt') === 'on' };
    this.offset = 0;
    void this.load();
  }

  /** Queues the files: one upload at a time keeps the server's image work and the progress readable. */
  upload(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      const state: UploadState = { key: ++this.#uploadKey, name: file.name, progress: 0 };
      this.uploads = [...this.uploads, state];
      this.#queue = this.#queue.then(() => this.#uploadOne(file, state));
    }
    return this.#queue;
  }

  async #uploadOne(file: File, state: UploadState): Promise<void> {
    const t = mediaTexts();
    try {
      const { created, item } = await uploadMedia(file, {
        tenant: this.tenant?.id,
        onProgress: (fraction) => {
          state.progress = fraction;
          this.uploads = [...this.uploads];
        },
      });
      this.uploads = this.uploads.filter((u) => u.key !== state.key);
      showToast(created ? t.uploaded(file.name) : t.duplicate(file.name), { variant: created ? 'success' : 'neutral' }, this);
      await this.load();
      if (!created || item.needsAlt) await this.#select(item, item.needsAlt);
    } catch (error) {
      state.error = t.uploadFailed(file.name, error instanceof Error ? error.message : String(error));
      this.uploads = [...this.uploads];
    }
  }

  #dropped(event: DragEvent): void {
    event.preventDefault();
    this.over = false;
    if (!this.#canWrite) return;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) void this.upload(files);
  }

  #picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) void this.upload(files);
  }

  async #select(item: MediaItem, focusAlt = false): Promise<void> {
    this.selected = item;
    this.fieldErrors = {};
    this.error = undefined;
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(focusAlt ? 'input[name=altVi]' : 'section.details h2');
    target?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.selected!;
    const t = mediaTexts();
    this.busy = true;
    try {
      const updated = await this.api!.patch<MediaItem>(`/api/portal/media/${item.id}`, metadataBody(item, new FormData(event.target as HTMLFormElement)));
      this.selected = updated;
      this.fieldErrors = {};
      showToast(t.saved, { variant: 'success' }, this);
      await this.load();
    } catch (error) {
      if (error instanceof ApiError) this.fieldErrors = error.fieldErrors();
    } finally {
      this.busy = false;
    }
  }

  async #delete(): Promise<void> {
    const item = this.selected!;
    const t = mediaTexts();
    if (!confirm(t.confirmDelete(item.originalName))) return;
    this.busy = true;
    try {
      await this.api!.delete(`/api/portal/media/${item.id}`);
      showToast(t.deleted(item.originalName), { variant: 'success' }, this);
      this.selected = undefined;
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PORTAL_ERR_MEDIA_IN_USE') this.error = t.inUse(item.originalName, error.message);
      else this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  #thumbnail(item: MediaItem) {
    const path = thumbnailPath(item);
    return path
      ? html`<img class="thumb" src=${mediaUrl(this.tenant?.slug, path)} alt=${item.alt.vi ?? ''} loading="lazy" width="160" height="120" />`
      : html`<span class="thumb" aria-hidden="true">${item.kind === 'pdf' ? 'PDF' : 'DOC'}</span>`;
  }

  #label(item: MediaItem): string {
    return item.title.vi ?? item.document?.title ?? item.originalName;
  }

  #renderItems(items: readonly MediaItem[]) {
    const t = mediaTexts();
    if (this.layout === 'grid') {
      return html`<ul class="grid">
        ${items.map(
          (item) => html`<li>
            <button type="button" aria-pressed=${this.selected?.id === item.id ? 'true' : 'false'} @click=${() => void this.#select(item)}>
              ${this.#thumbnail(item)}
              <span class="name">${this.#label(item)}</span>
              <span>${t.kinds[item.kind]} · ${formatSize(item.size)}</span>
              ${item.needsAlt ? html`<span class="badge">${t.needsAlt}</span>` : nothing}
            </button>
          </li>`,
        )}
      </ul>`;
    }
    return html`<table>
      <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.kind}</th><th scope="col">${t.size}</th><th scope="col">${t.added}</th></tr></thead>
      <tbody>
        ${items.map(
          (item) => html`<tr>
            <th scope="row"><button type="button" class="link" @click=${() => void this.#select(item)}>${this.#label(item)}</button>
              ${item.needsAlt ? html` <span class="badge">${t.needsAlt}</span>` : nothing}</th>
            <td>${t.kinds[item.kind]}</td>
            <td>${formatSize(item.size)}</td>
            <td>${formatTime(item.createdAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderDetails(item: MediaItem) {
    const t = mediaTexts();
    const preview = item.kind === 'image' ? item.variants.find((v) => v.name === 'w640.webp')?.url ?? item.url : undefined;
    return html`<section class="details" aria-labelledby="details-title">
      <h2 id="details-title" tabindex="-1">${t.details(item.originalName)}</h2>
      ${preview ? html`<img class="preview" src=${mediaUrl(this.tenant?.slug, preview)} alt=${item.alt.vi ?? ''} width=${item.width ?? nothing} height=${item.height ?? nothing} />` : nothing}
      <p><a href=${mediaUrl(this.tenant?.slug, item.url)} target="_blank" rel="noopener">${t.openFile}</a> · ${formatSize(item.size)}${item.width ? ` · ${item.width}×${item.height}` : ''}</p>
      ${item.needsAlt ? html`<p class="badge" role="note">${t.needsAltHelp}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => void this.#save(e)}>
        <fieldset ?disabled=${!this.#canWrite || this.busy}>
          ${renderMetadataFields(item, this.fieldErrors)}
          <div class="actions">
            <button type="submit" class="primary">${t.save}</button>
            <button type="button" class="danger" @click=${() => void this.#delete()}>${t.delete}</button>
            <button type="button" @click=${() => (this.selected = undefined)}>${t.close}</button>
          </div>
        </fieldset>
      </form>
    </section>`;
  }

  override render() {
    const t = mediaTexts();
    const items = this.page?.items ?? [];
    const total = this.page?.total ?? 0;
    return html`
      <h1>${t.library}</h1>
      <p>${t.intro}</p>
      ${this.#canWrite
        ? html`<div
            class="drop ${this.over ? 'over' : ''}"
            @dragover=${(e: DragEvent) => { e.preventDefault(); this.over = true; }}
            @dragleave=${() => (this.over = false)}
            @drop=${(e: DragEvent) => this.#dropped(e)}
          >
            <label>${t.dropHere} <span class="link">${t.chooseFiles}</span>
              <input type="file" name="files" multiple accept=${MEDIA_ACCEPT} @change=${(e: Event) => this.#picked(e)} />
            </label>
            <p class="hint">${t.accepted}</p>
          </div>`
        : html`<p role="note">${t.readOnly}</p>`}
      <ul class="uploads" aria-live="polite">
        ${this.uploads.map(
          (u) => html`<li>
            ${u.error
              ? html`<span role="alert">${u.error}</span> <button type="button" @click=${() => (this.uploads = this.uploads.filter((x) => x.key !== u.key))}>${t.close}</button>`
              : html`<label>${t.uploading(u.name)} <progress max="1" .value=${u.progress}></progress></label>`}
          </li>`,
        )}
      </ul>
      <form class="bar" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label>${t.search} <input type="search" name="q" maxlength="200" .value=${this.filters.q} /></label>
        <label>${t.kind}
          <select name="kind">
            <option value="">${t.allKinds}</option>
            ${MEDIA_KINDS.map((k) => html`<option value=${k} ?selected=${this.filters.kind === k}>${t.kinds[k]}</option>`)}
          </select>
        </label>
        <label class="check"><input type="checkbox" name="needsAlt" .checked=${this.filters.needsAlt} /> ${t.onlyNeedsAlt}</label>
        <button type="submit">${t.filter}</button>
        <span role="group" aria-label=${t.view}>
          <button type="button" aria-pressed=${this.layout === 'grid' ? 'true' : 'false'} @click=${() => (this.layout = 'grid')}>${t.grid}</button>
          <button type="button" aria-pressed=${this.layout === 'list' ? 'true' : 'false'} @click=${() => (this.layout = 'list')}>${t.list}</button>
        </span>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${!this.page && !this.error ? html`<p role="status">${t.loading}</p>` : items.length === 0 && this.page ? html`<p>${t.empty}</p>` : this.#renderItems(items)}
      ${total > LIMIT
        ? html`<nav class="pager" aria-label=${t.library}>
            <button type="button" ?disabled=${this.offset === 0} @click=${() => { this.offset = Math.max(0, this.offset - LIMIT); void this.load(); }}>${t.previous}</button>
            <span>${t.page(this.offset + 1, Math.min(this.offset + LIMIT, total), total)}</span>
            <button type="button" ?disabled=${this.offset + LIMIT >= total} @click=${() => { this.offset += LIMIT; void this.load(); }}>${t.next}</button>
          </nav>`
        : nothing}
      ${this.selected ? this.#renderDetails(this.selected) : nothing}
    `;
  }
}
