import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { diffStyles, formStyles } from '../article-editor/article-editor.styles.js';
import { formatTime, texts } from '../messages.js';
import type { RichText } from '../rich-text/rich-text.element.js';
import '../rich-text/rich-text.js';
import type { FieldDiff } from '../types.js';
import { pagesTexts, type PagesTexts } from './pages-messages.js';
import { API, APPROVE, flatten, forest, PAGES_WRITE, type Page, type PageAction, type PageRevisionSummary, type PageSummary } from './pages-types.js';
import { libraryImageChooser } from '../media/library-image-chooser.js';
import { ENGLISH, languageLabel, translationLanguages, type SiteLanguage } from '../site-languages.js';

/**
 * One page (trang tĩnh): its place in the tree (parent, order), its Vietnamese fields with the body in
 * the rich-text editor, a translation in each language of the site but Vietnamese (English and those
 * configured in cong.config.json) field by field with a flag where the Vietnamese changed since, the
 * workflow steps the user may take, and its revisions (compare, restore).
 *
 * Saving sends the revision the form was loaded from; when someone saved in between, the server
 * answers 409 and the form says to reload, keeping the text on screen. Field errors show beside the field.
 *
 * @fires portal-page-created - after a draft was created; `detail.id` is its id.
 */
export class PageEditor extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [formStyles, diffStyles, css`.diff { border: 1px solid var(--cong-color-border, #c9ccd1); padding: var(--cong-space-s, 0.75rem); } .diff dt { font-weight: 600; }`];
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    pageId: { attribute: 'page-id' },
    page: { state: true },
    tree: { state: true },
    revisions: { state: true },
    diff: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    stale: { state: true },
    busy: { state: true },
    languages: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare pageId: string | undefined;
  declare page: Page | undefined;
  declare tree: readonly PageSummary[];
  declare revisions: readonly PageRevisionSummary[];
  declare diff: { from: number; to: number; changes: readonly FieldDiff[] } | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare stale: number | undefined;
  declare busy: boolean;
  /** The languages a translation is offered in: English until the site's list arrives. */
  declare languages: readonly SiteLanguage[];

  constructor() {
    super();
    this.languages = [ENGLISH];
    this.tree = [];
    this.revisions = [];
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant') || changed.has('pageId')) && this.api) void this.load();
  }

  get #can(): { write: boolean; approve: boolean } {
    if (!this.user) return { write: true, approve: true };
    return { write: this.user.permissions.includes(PAGES_WRITE), approve: this.user.permissions.includes(APPROVE) };
  }

  /** Content edits: drafts and pages in review. The place in the tree can change in every state. */
  get #contentEditable(): boolean {
    return this.#can.write && (!this.page || !['published', 'archived'].includes(this.page.status));
  }

  /** The rich-text editor of the Vietnamese body (`body`) or of a translation's (`<code>-body`). */
  #editor(name: string): RichText | null {
    return this.renderRoot.querySelector(`portal-rich-text[data-field=${name}]`);
  }

  async load(): Promise<void> {
    const api = this.api!;
    const id = this.pageId;
    try {
      const [tree, page, revisions, languages] = await Promise.all([
        api.get<{ items: PageSummary[] }>(`${API}/pages`),
        id ? api.get<Page>(`${API}/pages/${encodeURIComponent(id)}`) : Promise.resolve(undefined),
        id ? api.get<{ items: PageRevisionSummary[] }>(`${API}/pages/${encodeURIComponent(id)}/revisions`) : Promise.resolve({ items: [] }),
        translationLanguages(api),
      ]);
      if (api !== this.api || id !== this.pageId) return;
      this.languages = languages;
      this.tree = tree.items;
      this.page = page;
      this.revisions = revisions.items;
      this.fieldErrors = {};
      this.error = undefined;
      this.stale = undefined;
      this.diff = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : pagesTexts().failed;
    }
  }

  async #refreshRevisions(): Promise<void> {
    if (!this.page) return;
    try {
      this.revisions = (await this.api!.get<{ items: PageRevisionSummary[] }>(`${API}/pages/${encodeURIComponent(this.page.id)}/revisions`)).items;
    } catch {
      // The shell's client already showed the failure.
    }
  }

  #failed(error: unknown): void {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409 && error.code === 'PORTAL_ERR_PAGE_STALE_REVISION') {
      this.stale = this.page?.revision ?? 0;
      this.error = undefined;
      return;
    }
    this.fieldErrors = error.fieldErrors();
    this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
  }

  /** The parents the page may take: any page but itself and those below it. */
  get #parents(): PageSummary[] {
    const all = flatten(forest(this.tree));
    if (!this.page) return all.map((n) => n.page);
    const own = all.find((n) => n.page.id === this.page!.id);
    const below = new Set(own ? flatten([own]).map((n) => n.page.id) : [this.page.id]);
    return all.filter((n) => !below.has(n.page.id)).map((n) => n.page);
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = pagesTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const parent = String(data.get('parentId') ?? '');
    const place = { parentId: parent === '' ? null : parent, order: Number(data.get('order') ?? 0) || 0 };
    let body: Record<string, unknown> = place;
    if (this.#contentEditable) {
      const slug = String(data.get('slug') ?? '').trim();
      const translations: Record<string, Record<string, string>> = {};
      for (const { code } of this.languages) {
        // An empty editor holds `<p></p>`: that is no body, not a translation of one.
        const rich = this.#editor(`${code}-body`);
        const fields = { title: String(data.get(`${code}Title`) ?? '').trim(), summary: String(data.get(`${code}Summary`) ?? '').trim(), body: rich && !rich.editor?.isEmpty ? rich.html() : '' };
        const had = this.page?.translations[code] ?? {};
        // An empty field removes a translation that existed, and is left out otherwise.
        const sent = Object.fromEntries(Object.entries(fields).filter(([field, value]) => value !== '' || field in had));
        if (Object.keys(sent).length > 0) translations[code] = sent;
      }
      body = {
        ...place,
        title: String(data.get('title') ?? '').trim(),
        summary: String(data.get('summary') ?? ''),
        body: this.#editor('body')?.html() ?? this.page?.body ?? '',
        ...(slug !== '' ? { slug } : {}),
        ...(Object.keys(translations).length > 0 ? { translations } : {}),
      };
    }
    this.busy = true;
    try {
      if (this.page) {
        this.page = await this.api!.patch<Page>(`${API}/pages/${encodeURIComponent(this.page.id)}`, { ...body, revision: this.page.revision });
        showToast(t.saved, { variant: 'success' }, this);
        void this.#refreshRevisions();
      } else {
        const created = await this.api!.post<Page>(`${API}/pages`, body);
        this.page = created;
        this.pageId = created.id;
        showToast(t.created, { variant: 'success' }, this);
        this.emit('portal-page-created', { id: created.id });
      }
      this.fieldErrors = {};
      this.error = undefined;
      this.stale = undefined;
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  async #transition(action: PageAction): Promise<void> {
    const t = pagesTexts();
    const page = this.page!;
    const remarksField = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=remarks]');
    const remarks = remarksField?.value.trim() ?? '';
    if (action === 'reject' && remarks === '') {
      this.fieldErrors = { remarks: t.remarksRequired };
      remarksField?.focus();
      return;
    }
    this.busy = true;
    try {
      this.page = await this.api!.post<Page>(`${API}/pages/${encodeURIComponent(page.id)}/transitions/${action}`, remarks !== '' && (action === 'reject' || action === 'approve') ? { remarks } : {});
      this.fieldErrors = {};
      this.error = undefined;
      showToast(t.transitioned[action] ?? t.saved, { variant: 'success' }, this);
      void this.#refreshRevisions();
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  async #restore(revision: number): Promise<void> {
    this.busy = true;
    try {
      this.page = await this.api!.post<Page>(`${API}/pages/${encodeURIComponent(this.page!.id)}/restore`, { revision });
      showToast(pagesTexts().restored(revision), { variant: 'success' }, this);
      this.stale = undefined;
      this.diff = undefined;
      void this.#refreshRevisions();
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  async #compare(revision: number): Promise<void> {
    try {
      this.diff = await this.api!.get<{ from: number; to: number; changes: FieldDiff[] }>(`${API}/pages/${encodeURIComponent(this.page!.id)}/diff`, { query: { from: revision - 1, to: revision } });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#diff-heading')?.focus();
    } catch (error) {
      this.#failed(error);
    }
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: boolean) => unknown, extra?: unknown) {
    const error = this.fieldErrors[name];
    const id = `${name}-error`;
    return html`<div class="field">
      <label for=${`field-${name}`}>${label} ${extra ?? nothing}</label>
      ${control(error ? id : nothing, Boolean(error))}
      ${error ? html`<span class="field-error" id=${id}>${error}</span>` : nothing}
    </div>`;
  }

  #staleFlag(language: SiteLanguage, field: 'title' | 'summary' | 'body', t: PagesTexts) {
    return this.page?.translations[language.code]?.[field]?.stale ? html`<span class="flag" title=${texts().translationStale(languageLabel(language))}>${t.enStale}</span>` : nothing;
  }

  /** One language's fields (`<code>Title`, `#field-<code>Title`…), flagged where the Vietnamese changed since. */
  #translation(t: PagesTexts, language: SiteLanguage, readOnly: boolean, images: ReturnType<typeof libraryImageChooser>) {
    const { code } = language;
    const tr = this.page?.translations[code] ?? {};
    const lang = languageLabel(language);
    const shell = texts();
    const shellLang = document.documentElement.lang || 'vi';
    return html`<fieldset lang=${code} data-lang=${code}>
      <legend lang=${shellLang}>${shell.translation(lang)}</legend>
      ${this.#field(`${code}Title`, shell.trTitle(lang), () => html`<input id=${`field-${code}Title`} name=${`${code}Title`} maxlength="500" .value=${tr.title?.value ?? ''} ?readonly=${readOnly} />`, this.#staleFlag(language, 'title', t))}
      ${this.#field(`${code}Summary`, shell.trSummary(lang), () => html`<textarea id=${`field-${code}Summary`} name=${`${code}Summary`} rows="3" maxlength="2000" .value=${tr.summary?.value ?? ''} ?readonly=${readOnly}></textarea>`, this.#staleFlag(language, 'summary', t))}
      <div class="field">
        <span class="label" lang=${shellLang}>${shell.trBody(lang)} ${this.#staleFlag(language, 'body', t)}</span>
        <portal-rich-text data-field=${`${code}-body`} .value=${tr.body?.value ?? ''} .label=${shell.trBody(lang)} ?disabled=${readOnly} .mediaBase=${images.mediaBase} .pickImage=${images.pickImage}></portal-rich-text>
      </div>
    </fieldset>`;
  }

  override render() {
    const t = pagesTexts();
    const p = this.page;
    if (this.pageId && !p && !this.error) return html`<p role="status">${t.loading}</p>`;
    const readOnly = !this.#contentEditable;
    const invalid = (b: boolean) => (b ? 'true' : 'false');
    const images = libraryImageChooser(() => this.renderRoot.querySelector('portal-media-picker'), this.tenant, this.user);
    return html`
      <h2 id="editor-heading">${p ? t.editPage : t.newPage}</h2>
      ${p ? html`<p class="status">${t.status}: <strong data-status=${p.status}>${t.statuses[p.status]}</strong> · ${t.revision} ${p.revision}${p.status === 'published' ? html` · <a href=${`${this.tenant ? `/t/${this.tenant.slug}` : ''}/trang/${p.slug}`} target="_blank" rel="noopener">${t.viewPublic}</a>` : nothing}</p>` : nothing}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.stale !== undefined ? html`<div role="alert" class="stale"><p>${t.stale(this.stale)}</p><button type="button" @click=${() => this.load()}>${t.reload}</button></div>` : nothing}
      ${p?.remarks ? html`<aside class="remarks" aria-labelledby="remarks-heading"><h3 id="remarks-heading">${t.remarksShown}</h3><p>${p.remarks}</p></aside>` : nothing}
      ${p?.enStale ? html`<p class="notice" role="status">${t.enStaleLong}</p>` : nothing}
      ${!this.#can.write ? html`<p class="note">${t.readOnly}</p>` : p && readOnly ? html`<p class="note">${t.notEditable}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.#save(e)} novalidate aria-labelledby="editor-heading">
        ${this.#field('title', t.title, (d, bad) => html`<input id="field-title" name="title" required maxlength="500" .value=${p?.title ?? ''} ?readonly=${readOnly} aria-describedby=${d} aria-invalid=${invalid(bad)} />`)}
        ${this.#field('slug', t.slug, (d, bad) => html`<input id="field-slug" name="slug" maxlength="120" pattern="[a-z0-9]+(-[a-z0-9]+)*" .value=${p?.slug ?? ''} ?readonly=${readOnly} aria-describedby=${d} aria-invalid=${invalid(bad)} />`)}
        <div class="row">
          ${this.#field('parentId', t.parent, (d, bad) => html`<select id="field-parentId" name="parentId" ?disabled=${!this.#can.write} aria-describedby=${d} aria-invalid=${invalid(bad)}>
            <option value="" ?selected=${!p?.parentId}>${t.noParent}</option>
            ${this.#parents.map((o) => html`<option value=${o.id} ?selected=${p?.parentId === o.id}>${o.title}</option>`)}
          </select>`)}
          ${this.#field('order', t.order, (d, bad) => html`<input id="field-order" name="order" type="number" step="1" min="-100000" max="100000" .value=${String(p?.order ?? 0)} ?readonly=${!this.#can.write} aria-describedby=${d} aria-invalid=${invalid(bad)} />`)}
        </div>
        ${this.#field('summary', t.summary, (d, bad) => html`<textarea id="field-summary" name="summary" rows="3" maxlength="2000" .value=${p?.summary ?? ''} ?readonly=${readOnly} aria-describedby=${d} aria-invalid=${invalid(bad)}></textarea>`)}
        <div class="field">
          <span class="label">${t.body}</span>
          <portal-rich-text data-field="body" .value=${p?.body ?? ''} .label=${t.body} ?disabled=${readOnly} .mediaBase=${images.mediaBase} .pickImage=${images.pickImage}></portal-rich-text>
          ${this.fieldErrors.body ? html`<span class="field-error">${this.fieldErrors.body}</span>` : nothing}
        </div>
        ${this.languages.map((language) => this.#translation(t, language, readOnly, images))}
        ${this.#can.write ? html`<button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>` : nothing}
      </form>
      ${p ? this.#workflow(t, p) : html`<p class="note">${t.saveFirst}</p>`}
      ${p ? this.#revisionList(t, p) : nothing}
      ${this.diff ? this.#diffView(t) : nothing}
      ${images.pickImage ? html`<portal-media-picker .api=${this.api} .tenant=${this.tenant} .user=${this.user}></portal-media-picker>` : nothing}
    `;
  }

  #workflow(t: PagesTexts, p: Page) {
    const { write, approve } = this.#can;
    const s = p.status;
    const may = { submit: write && s === 'draft', approve: approve && s === 'in_review', reject: approve && s === 'in_review', archive: approve && s !== 'archived', reopen: s === 'archived' ? write : s === 'published' && approve };
    if (!Object.values(may).some(Boolean)) return nothing;
    const step = (action: PageAction, label: string, cls = '') => html`<button type="button" class=${cls} data-action=${action} ?disabled=${this.busy} @click=${() => this.#transition(action)}>${label}</button>`;
    const remarksError = this.fieldErrors.remarks;
    return html`<section class="workflow" aria-labelledby="workflow-heading">
      <h3 id="workflow-heading">${t.workflow}</h3>
      ${may.approve || may.reject
        ? html`<div class="field">
            <label for="field-remarks">${t.remarks}</label>
            <textarea id="field-remarks" name="remarks" rows="2" maxlength="4000" aria-describedby=${remarksError ? 'remarks-error' : nothing} aria-invalid=${remarksError ? 'true' : 'false'}></textarea>
            ${remarksError ? html`<span class="field-error" id="remarks-error">${remarksError}</span>` : nothing}
          </div>`
        : nothing}
      <div class="actions">
        ${may.submit ? step('submit', t.submit, 'primary') : nothing}
        ${may.approve ? step('approve', t.approve, 'primary') : nothing}
        ${may.reject ? step('reject', t.reject) : nothing}
        ${may.reopen ? step('reopen', t.reopen) : nothing}
        ${may.archive ? step('archive', t.archive) : nothing}
      </div>
    </section>`;
  }

  #revisionList(t: PagesTexts, p: Page) {
    if (this.revisions.length === 0) return nothing;
    return html`<section class="revisions" aria-labelledby="revisions-heading">
      <h3 id="revisions-heading">${t.revisions}</h3>
      <table>
        <thead><tr><th scope="col">${t.revision}</th><th scope="col">${t.action}</th><th scope="col">${t.status}</th><th scope="col">${t.when}</th><th scope="col"><span class="visually-hidden">${t.compare} / ${t.restore}</span></th></tr></thead>
        <tbody>
          ${this.revisions.map((r) => html`<tr>
            <td>${r.revision}</td><td>${r.action}</td><td>${t.statuses[r.status] ?? r.status}</td><td>${formatTime(r.createdAt)}</td>
            <td class="actions">
              ${r.revision > 1 ? html`<button type="button" aria-label=${t.compareLabel(r.revision)} @click=${() => this.#compare(r.revision)}>${t.compare}</button>` : nothing}
              ${r.revision === p.revision
                ? html`<span>${t.current}</span>`
                : this.#can.write
                  ? html`<button type="button" aria-label=${t.restoreLabel(r.revision)} ?disabled=${this.busy || !this.#contentEditable} @click=${() => this.#restore(r.revision)}>${t.restore}</button>`
                  : nothing}
            </td>
          </tr>`)}
        </tbody>
      </table>
    </section>`;
  }

  #diffView(t: PagesTexts) {
    const d = this.diff!;
    return html`<section class="diff" aria-labelledby="diff-heading">
      <h3 id="diff-heading" tabindex="-1">${t.diffHeading(d.from, d.to)}</h3>
      ${d.changes.length === 0
        ? html`<p>${t.noChanges}</p>`
        : html`<dl>${d.changes.map((c) => html`<dt>${c.field}</dt><dd>${c.words
            ? c.words.map((w) => (w.op === 'insert' ? html`<ins>${w.text}</ins>` : w.op === 'delete' ? html`<del>${w.text}</del>` : w.text))
            : html`<del>${JSON.stringify(c.before)}</del> → <ins>${JSON.stringify(c.after)}</ins>`}</dd>`)}</dl>`}
    </section>`;
  }
}
