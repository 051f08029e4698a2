import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime, texts, type Texts } from '../messages.js';
import type { RichText } from '../rich-text/rich-text.element.js';
import '../rich-text/rich-text.js';
import { APPROVE, WRITE, type Article, type ArticleDiff, type Category, type RevisionSummary, type TransitionAction } from '../types.js';
import { articleEditorStyles } from './article-editor.styles.js';
import { renderDiff } from './revision-diff-view.js';
import { TRANSLATED_FIELDS, translationChanges, translationOf } from './translation-fields.js';
import { libraryImageChooser } from '../media/library-image-chooser.js';
import { ENGLISH, languageLabel, translationLanguages, type SiteLanguage } from '../site-languages.js';

const BASE = '/api/portal';

/** An ISO time as a `datetime-local` value, in the browser's time zone. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * One article: its fields, the body in the rich-text editor, a translation in each language of the
 * site but Vietnamese (English and those configured in cong.config.json, from
 * `GET /api/portal/languages`), each with the server's "out of date" flag, the workflow steps the user may take in its status, the publish and
 * unpublish schedule, the reviewer's remarks and its revisions (each can be restored as a new
 * revision; any two can be compared with the server's word diff).
 *
 * `articleId` names the article; without it the form creates a draft (`POST`) and announces the new
 * id. Saving sends the revision the form was loaded from (`PATCH … { revision }`): when someone else
 * saved in between, the server answers 409 and the form says to reload, keeping the author's text on
 * screen. Errors the server names per field appear beside that field.
 *
 * @fires portal-article-created - after a draft was created; `detail.id` is its id.
 */
export class ArticleEditor extends CongElement implements Partial<AdminContributionProps> {
  static override styles = articleEditorStyles;
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    articleId: { attribute: 'article-id' },
    article: { state: true },
    categories: { state: true },
    revisions: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    stale: { state: true },
    busy: { state: true },
    diff: { state: true },
    languages: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** The article's id; empty for a new article. */
  declare articleId: string | undefined;
  declare article: Article | undefined;
  declare categories: readonly Category[];
  declare revisions: readonly RevisionSummary[];
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  /** The revision the form was loaded from, when the server said the article changed since. */
  declare stale: number | undefined;
  declare busy: boolean;
  /** The comparison of two revisions last asked for. */
  declare diff: ArticleDiff | undefined;
  /** The languages a translation is offered in: English until the site's list arrives. */
  declare languages: readonly SiteLanguage[];
  /** Languages whose body the author typed in since it was loaded (the editor normalises its HTML). */
  #bodyEdited = new Set<string>();

  constructor() {
    super();
    this.languages = [ENGLISH];
    this.categories = [];
    this.revisions = [];
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant') || changed.has('articleId')) && this.api) void this.load();
  }

  get #can(): { write: boolean; approve: boolean } {
    // Without a user (previews, tests) the server decides.
    if (!this.user) return { write: true, approve: true };
    return { write: this.user.permissions.includes(WRITE), approve: this.user.permissions.includes(APPROVE) };
  }

  get #editable(): boolean {
    return this.#can.write && (!this.article || !['published', 'archived'].includes(this.article.status));
  }

  get #richText(): RichText | null {
    return this.renderRoot.querySelector('portal-rich-text.body-vi');
  }

  #translatedRichText(lang: string): RichText | null {
    return this.renderRoot.querySelector(`portal-rich-text[data-lang="${lang}"]`);
  }

  /** Loads the categories, and the article and its revisions when there is one. */
  async load(): Promise<void> {
    const api = this.api!;
    const id = this.articleId;
    try {
      const [categories, article, revisions, languages] = await Promise.all([
        api.get<{ items: Category[] }>(`${BASE}/categories`),
        id ? api.get<Article>(`${BASE}/articles/${encodeURIComponent(id)}`) : Promise.resolve(undefined),
        id ? api.get<{ items: RevisionSummary[] }>(`${BASE}/articles/${encodeURIComponent(id)}/revisions`) : Promise.resolve({ items: [] }),
        translationLanguages(api),
      ]);
      if (api !== this.api || id !== this.articleId) return;
      this.languages = languages;
      this.categories = categories.items;
      this.article = article;
      this.revisions = revisions.items;
      this.fieldErrors = {};
      this.error = undefined;
      this.stale = undefined;
      this.diff = undefined;
      this.#bodyEdited.clear();
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : texts().failed;
    }
  }

  async #refreshRevisions(): Promise<void> {
    if (!this.article) return;
    try {
      const { items } = await this.api!.get<{ items: RevisionSummary[] }>(`${BASE}/articles/${encodeURIComponent(this.article.id)}/revisions`);
      this.revisions = items;
    } catch {
      // The shell's client already showed the failure; the list stays as it was.
    }
  }

  /** A failure of a call: field errors beside the fields, a stale revision as its own message. */
  #failed(error: unknown): void {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409 && error.code === 'PORTAL_ERR_STALE_REVISION') {
      this.stale = this.article?.revision ?? 0;
      this.error = undefined;
      return;
    }
    // Translations are one body field for fieldErrors(): name them by the whole pointer instead.
    const translated = Object.fromEntries(
      error.errors.flatMap((e) => {
        const m = /^\/translations\/([^/]+)\/(title|summary|body)$/.exec(e.pointer);
        return e.in === 'body' && m ? [[`${m[1]}-${m[2]}`, e.message]] : [];
      }),
    );
    this.fieldErrors = { ...error.fieldErrors(), ...translated };
    this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = texts();
    const data = new FormData(event.target as HTMLFormElement);
    const slug = String(data.get('slug') ?? '').trim();
    const categoryId = String(data.get('categoryId') ?? '');
    const translations: Record<string, Partial<Record<'title' | 'summary' | 'body', string>>> = {};
    for (const { code } of this.languages) {
      const body = this.#translatedRichText(code);
      const changes = translationChanges(
        this.article,
        code,
        {
          title: String(data.get(`${code}Title`) ?? '').trim(),
          summary: String(data.get(`${code}Summary`) ?? '').trim(),
          body: body ? (body.editor?.isEmpty ? '' : body.html()) : translationOf(this.article, code).body.value,
        },
        this.#bodyEdited.has(code),
        data.get(`${code}Confirm`) === 'on',
      );
      if (changes) translations[code] = changes;
    }
    const fields = {
      title: String(data.get('title') ?? '').trim(),
      summary: String(data.get('summary') ?? ''),
      body: this.#richText?.html() ?? this.article?.body ?? '',
      categoryId: categoryId === '' ? null : categoryId,
      ...(slug !== '' ? { slug } : {}),
      ...(Object.keys(translations).length > 0 ? { translations } : {}),
    };
    this.busy = true;
    try {
      if (this.article) {
        this.article = await this.api!.patch<Article>(`${BASE}/articles/${encodeURIComponent(this.article.id)}`, { ...fields, revision: this.article.revision });
        showToast(t.saved, { variant: 'success' }, this);
        void this.#refreshRevisions();
      } else {
        const created = await this.api!.post<Article>(`${BASE}/articles`, fields);
        this.article = created;
        this.articleId = created.id;
        showToast(t.created, { variant: 'success' }, this);
        this.emit('portal-article-created', { id: created.id });
      }
      this.fieldErrors = {};
      this.error = undefined;
      this.stale = undefined;
      this.#bodyEdited.clear();
      for (const confirm of this.renderRoot.querySelectorAll<HTMLInputElement>('input[data-confirm]')) confirm.checked = false;
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  /** Sets the publish and unpublish times (`schedule`); an empty field clears its time. */
  async #schedule(): Promise<void> {
    const value = (name: string) => this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value ?? '';
    const iso = (v: string) => (v === '' ? null : new Date(v).toISOString());
    const body = { publishAt: iso(value('schedulePublishAt')), unpublishAt: iso(value('scheduleUnpublishAt')) };
    this.busy = true;
    try {
      this.article = await this.api!.post<Article>(`${BASE}/articles/${encodeURIComponent(this.article!.id)}/transitions/schedule`, body);
      this.fieldErrors = {};
      this.error = undefined;
      showToast(texts().transitioned.schedule!, { variant: 'success' }, this);
      void this.#refreshRevisions();
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  /** Asks the server for the word diff of the two revisions chosen. */
  async #compare(): Promise<void> {
    const chosen = (name: string) => Number(this.renderRoot.querySelector<HTMLSelectElement>(`select[name=${name}]`)?.value);
    const from = chosen('compareFrom');
    const to = chosen('compareTo');
    try {
      this.diff = await this.api!.get<ArticleDiff>(`${BASE}/articles/${encodeURIComponent(this.article!.id)}/diff`, { query: { from, to } });
      this.error = undefined;
    } catch (error) {
      this.#failed(error);
    }
  }

  async #transition(action: TransitionAction): Promise<void> {
    const t = texts();
    const article = this.article!;
    const body: Record<string, string> = {};
    const remarks = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=remarks]')?.value.trim() ?? '';
    if (action === 'reject') {
      if (remarks === '') {
        this.fieldErrors = { remarks: t.remarksRequired };
        this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=remarks]')?.focus();
        return;
      }
      body.remarks = remarks;
    }
    if (action === 'approve') {
      const when = this.renderRoot.querySelector<HTMLInputElement>('input[name=publishAt]')?.value ?? '';
      if (when !== '') body.publishAt = new Date(when).toISOString();
      if (remarks !== '') body.remarks = remarks;
    }
    this.busy = true;
    try {
      this.article = await this.api!.post<Article>(`${BASE}/articles/${encodeURIComponent(article.id)}/transitions/${action}`, body);
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
    const article = this.article!;
    this.busy = true;
    try {
      this.article = await this.api!.post<Article>(`${BASE}/articles/${encodeURIComponent(article.id)}/restore`, { revision });
      showToast(texts().restored(revision), { variant: 'success' }, this);
      this.stale = undefined;
      void this.#refreshRevisions();
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: boolean) => unknown) {
    const error = this.fieldErrors[name];
    const id = `${name}-error`;
    return html`<div class="field">
      <label for=${`field-${name}`}>${label}</label>
      ${control(error ? id : nothing, Boolean(error))}
      ${error ? html`<span class="field-error" id=${id}>${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const t = texts();
    const a = this.article;
    const loading = Boolean(this.articleId) && !a && !this.error;
    if (loading) return html`<p role="status">${t.loading}</p>`;
    const readOnly = !this.#editable;
    const invalid = (b: boolean) => (b ? 'true' : 'false');
    const images = this.#images;
    return html`
      <h2 id="editor-heading">${a ? t.editArticle : t.newArticle}</h2>
      ${a
        ? html`<p class="status">${t.status}: <strong data-status=${a.status}>${t.statuses[a.status]}</strong> · ${t.revision} ${a.revision}${a.publishedAt && a.status === 'published'
            ? html` · <span data-published-at>${t.publishedAtShown(formatTime(a.publishedAt))}</span>`
            : a.publishAt && (a.status !== 'published' && a.status !== 'archived')
              ? html` · <span data-publish-at>${t.publishesAt(formatTime(a.publishAt))}</span>`
              : nothing}${a.unpublishAt && a.status !== 'archived' ? html` · <span data-unpublish-at>${t.unpublishesAt(formatTime(a.unpublishAt))}</span>` : nothing}</p>`
        : nothing}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.stale !== undefined
        ? html`<div role="alert" class="stale"><p>${t.stale(this.stale)}</p><button type="button" @click=${() => this.load()}>${t.reload}</button></div>`
        : nothing}
      ${a?.remarks ? html`<aside class="remarks" aria-labelledby="remarks-heading"><h3 id="remarks-heading">${t.remarksShown}</h3><p>${a.remarks}</p></aside>` : nothing}
      ${!this.#can.write ? html`<p class="note">${t.readOnly}</p>` : a && readOnly ? html`<p class="note">${t.notEditable}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.#save(e)} novalidate aria-labelledby="editor-heading">
        ${this.#field('title', t.title, (d, bad) =>
          html`<input id="field-title" name="title" required maxlength="500" .value=${a?.title ?? ''} ?readonly=${readOnly} aria-describedby=${d} aria-invalid=${invalid(bad)} />`,
        )}
        ${this.#field('slug', t.slug, (d, bad) =>
          html`<input id="field-slug" name="slug" maxlength="120" pattern="[a-z0-9]+(-[a-z0-9]+)*" .value=${a?.slug ?? ''} ?readonly=${readOnly} aria-describedby=${d} aria-invalid=${invalid(bad)} />`,
        )}
        ${this.#field('categoryId', t.category, (d, bad) =>
          html`<select id="field-categoryId" name="categoryId" ?disabled=${readOnly} aria-describedby=${d} aria-invalid=${invalid(bad)}>
            <option value="" ?selected=${!a?.categoryId}>${t.noCategory}</option>
            ${this.categories.map((c) => html`<option value=${c.id} ?selected=${a?.categoryId === c.id}>${(document.documentElement.lang === 'en' && c.name.en) || c.name.vi}</option>`)}
          </select>`,
        )}
        ${this.#field('summary', t.summary, (d, bad) =>
          html`<textarea id="field-summary" name="summary" rows="3" maxlength="2000" .value=${a?.summary ?? ''} ?readonly=${readOnly} aria-describedby=${d} aria-invalid=${invalid(bad)}></textarea>`,
        )}
        <div class="field">
          <span class="label" id="body-label">${t.body}</span>
          <portal-rich-text class="body-vi" .value=${a?.body ?? ''} .label=${t.body} ?disabled=${readOnly} .mediaBase=${images.mediaBase} .pickImage=${images.pickImage}></portal-rich-text>
          ${this.fieldErrors.body ? html`<span class="field-error" id="body-error">${this.fieldErrors.body}</span>` : nothing}
        </div>
        ${this.languages.map((language) => this.#translation(t, a, readOnly, language))}
        ${readOnly ? nothing : html`<button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>`}
      </form>
      ${a ? this.#workflow(t, a) : html`<p class="note">${t.saveFirst}</p>`}
      ${a ? this.#scheduleSection(t, a) : nothing}
      ${a ? this.#revisionList(t, a) : nothing}
      ${images.pickImage ? html`<portal-media-picker .api=${this.api} .tenant=${this.tenant} .user=${this.user}></portal-media-picker>` : nothing}
    `;
  }

  /** The bodies' image button opens the media library's picker (for accounts that may use the library). */
  get #images() {
    return libraryImageChooser(() => this.renderRoot.querySelector('portal-media-picker'), this.tenant, this.user);
  }

  /**
   * One language's fields (`<code>Title`, `#field-<code>-title`…), flagged where the Vietnamese
   * changed after the translation, with the box that says the translation still matches.
   */
  #translation(t: Texts, a: Article | undefined, readOnly: boolean, language: SiteLanguage) {
    const { code } = language;
    const lang = languageLabel(language);
    const tr = translationOf(a, code);
    const stale = TRANSLATED_FIELDS.filter((f) => tr[f].stale);
    const staleNames = stale.map((f) => ({ title: t.title, summary: t.summary, body: t.body })[f]).join(', ');
    const flag = (field: 'title' | 'summary' | 'body') => (tr[field].stale ? html` <span class="flag" data-stale=${field}>${t.staleField}</span>` : nothing);
    const error = (field: string) => this.fieldErrors[`${code}-${field}`];
    const invalid = (field: string) => (error(field) ? 'true' : 'false');
    const describedBy = (field: string) => (error(field) ? `${code}-${field}-error` : nothing);
    const images = this.#images;
    return html`<fieldset class="translation" data-lang=${code}>
      <legend>${t.translation(lang)}</legend>
      ${stale.length > 0
        ? html`<div class="notice translation-stale" role="status">
            <p><strong class="flag">${t.translationStale(lang)}</strong></p>
            <p>${t.translationStaleDetail(lang, staleNames)}</p>
            ${readOnly ? nothing : html`<label class="check"><input type="checkbox" name=${`${code}Confirm`} data-confirm /> ${t.translationConfirm(lang)}</label>`}
          </div>`
        : nothing}
      <p class="note">${t.translationHint(lang)}</p>
      <div class="field">
        <label for=${`field-${code}-title`}>${t.trTitle(lang)}${flag('title')}</label>
        <input id=${`field-${code}-title`} name=${`${code}Title`} lang=${code} maxlength="500" .value=${tr.title.value} ?readonly=${readOnly} aria-describedby=${describedBy('title')} aria-invalid=${invalid('title')} />
        ${error('title') ? html`<span class="field-error" id=${`${code}-title-error`}>${error('title')}</span>` : nothing}
      </div>
      <div class="field">
        <label for=${`field-${code}-summary`}>${t.trSummary(lang)}${flag('summary')}</label>
        <textarea id=${`field-${code}-summary`} name=${`${code}Summary`} lang=${code} rows="3" maxlength="2000" .value=${tr.summary.value} ?readonly=${readOnly} aria-describedby=${describedBy('summary')} aria-invalid=${invalid('summary')}></textarea>
        ${error('summary') ? html`<span class="field-error" id=${`${code}-summary-error`}>${error('summary')}</span>` : nothing}
      </div>
      <div class="field">
        <span class="label">${t.trBody(lang)}${flag('body')}</span>
        <portal-rich-text class=${`body-${code}`} data-lang=${code} .value=${tr.body.value} .label=${t.trBody(lang)} ?disabled=${readOnly} .mediaBase=${images.mediaBase} .pickImage=${images.pickImage}
          @portal-body-input=${() => this.#bodyEdited.add(code)}></portal-rich-text>
        ${error('body') ? html`<span class="field-error" id=${`${code}-body-error`}>${error('body')}</span>` : nothing}
      </div>
    </fieldset>`;
  }

  /** Publish and unpublish times: who may move them depends on the status, as the server decides. */
  #scheduleSection(t: Texts, a: Article) {
    const { write, approve } = this.#can;
    const s = a.status;
    if (s === 'archived' || !write || ((s === 'scheduled' || s === 'published') && !approve)) return nothing;
    const field = (name: 'publishAt' | 'unpublishAt', label: string, value: string | null) => {
      const error = this.fieldErrors[name];
      const input = `schedule${name[0]!.toUpperCase()}${name.slice(1)}`;
      return html`<div class="field">
        <label for=${`field-${input}`}>${label}</label>
        <input id=${`field-${input}`} name=${input} type="datetime-local" .value=${localInput(value)} aria-describedby=${error ? `${input}-error` : nothing} aria-invalid=${error ? 'true' : 'false'} />
        ${error ? html`<span class="field-error" id=${`${input}-error`}>${error}</span>` : nothing}
      </div>`;
    };
    return html`<section class="schedule" aria-labelledby="schedule-heading">
      <h3 id="schedule-heading">${t.schedule}</h3>
      <p class="note">${t.scheduleHint}</p>
      <div class="row">
        ${s === 'published' ? nothing : field('publishAt', t.schedulePublishAt, a.publishAt)}
        ${field('unpublishAt', t.scheduleUnpublishAt, a.unpublishAt)}
      </div>
      <div class="actions"><button type="button" data-tool="schedule" ?disabled=${this.busy} @click=${() => this.#schedule()}>${t.setSchedule}</button></div>
    </section>`;
  }

  #workflow(t: Texts, a: Article) {
    const { write, approve } = this.#can;
    const s = a.status;
    const submit = write && s === 'draft';
    const approveIt = approve && s === 'in_review';
    const reject = approve && (s === 'in_review' || s === 'scheduled');
    const archive = approve && s !== 'archived';
    const reopen = s === 'archived' ? write : s === 'published' && approve;
    if (!submit && !approveIt && !reject && !archive && !reopen) return nothing;
    const step = (action: TransitionAction, label: string, cls = '') =>
      html`<button type="button" class=${cls} data-action=${action} ?disabled=${this.busy} @click=${() => this.#transition(action)}>${label}</button>`;
    const remarksError = this.fieldErrors.remarks;
    return html`<section class="workflow" aria-labelledby="workflow-heading">
      <h3 id="workflow-heading">${t.workflow}</h3>
      ${approveIt || reject
        ? html`<div class="field">
              <label for="field-remarks">${reject ? t.remarks : t.remarksShown}</label>
              <textarea id="field-remarks" name="remarks" rows="2" maxlength="4000" aria-describedby=${remarksError ? 'remarks-error' : nothing} aria-invalid=${remarksError ? 'true' : 'false'}></textarea>
              ${remarksError ? html`<span class="field-error" id="remarks-error">${remarksError}</span>` : nothing}
            </div>`
        : nothing}
      ${approveIt
        ? html`<div class="field"><label for="field-publishAt">${t.publishAt}</label><input id="field-publishAt" name="publishAt" type="datetime-local" /></div>`
        : nothing}
      <div class="actions">
        ${submit ? step('submit', t.submit, 'primary') : nothing}
        ${approveIt ? step('approve', t.approve, 'primary') : nothing}
        ${reject ? step('reject', t.reject) : nothing}
        ${reopen ? step('reopen', t.reopen) : nothing}
        ${archive ? step('archive', t.archive) : nothing}
      </div>
    </section>`;
  }

  #revisionList(t: Texts, a: Article) {
    if (this.revisions.length === 0) return nothing;
    const mayRestore = this.#can.write;
    return html`<section class="revisions" aria-labelledby="revisions-heading">
      <h3 id="revisions-heading">${t.revisions}</h3>
      <table>
        <thead><tr><th scope="col">${t.revision}</th><th scope="col">${t.action}</th><th scope="col">${t.status}</th><th scope="col">${t.when}</th>${mayRestore ? html`<th scope="col"><span class="visually-hidden">${t.restore}</span></th>` : nothing}</tr></thead>
        <tbody>
          ${this.revisions.map(
            (r) => html`<tr>
              <td>${r.revision}</td><td>${r.action}</td><td>${t.statuses[r.status] ?? r.status}</td><td>${formatTime(r.createdAt)}</td>
              ${mayRestore
                ? html`<td>${r.revision === a.revision
                    ? t.current
                    : html`<button type="button" aria-label=${t.restoreLabel(r.revision)} ?disabled=${this.busy || !this.#editable} @click=${() => this.#restore(r.revision)}>${t.restore}</button>`}</td>`
                : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.revisions.length > 1 ? this.#comparison(t) : nothing}
    </section>`;
  }

  /** Two revisions to compare (by default the previous one and the current one) and their diff. */
  #comparison(t: Texts) {
    const choice = (name: string, label: string, selected: number) => html`<div class="field">
      <label for=${`field-${name}`}>${label}</label>
      <select id=${`field-${name}`} name=${name}>
        ${this.revisions.map((r) => html`<option value=${r.revision} ?selected=${r.revision === selected}>${t.revision} ${r.revision} — ${formatTime(r.createdAt)}</option>`)}
      </select>
    </div>`;
    return html`<fieldset class="compare">
        <legend>${t.compare}</legend>
        <div class="row">
          ${choice('compareFrom', t.compareFrom, this.diff?.from ?? this.revisions[1]!.revision)}
          ${choice('compareTo', t.compareTo, this.diff?.to ?? this.revisions[0]!.revision)}
          <button type="button" data-tool="compare" @click=${() => this.#compare()}>${t.compareButton}</button>
        </div>
      </fieldset>
      ${this.diff ? renderDiff(t, this.diff, this.categories, this.languages) : nothing}`;
  }
}
