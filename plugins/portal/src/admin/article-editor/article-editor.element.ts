import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime, texts, type Texts } from '../messages.js';
import type { RichText } from '../rich-text/rich-text.element.js';
import '../rich-text/rich-text.js';
import { APPROVE, WRITE, type Article, type Category, type RevisionSummary, type TransitionAction } from '../types.js';
import { articleEditorStyles } from './article-editor.styles.js';

const BASE = '/api/portal';

/**
 * One article: its fields, the body in the rich-text editor, the workflow steps the user may take in
 * its status, the reviewer's remarks and its revisions (each can be restored as a new revision).
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

  constructor() {
    super();
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
    return this.renderRoot.querySelector('portal-rich-text');
  }

  /** Loads the categories, and the article and its revisions when there is one. */
  async load(): Promise<void> {
    const api = this.api!;
    const id = this.articleId;
    try {
      const [categories, article, revisions] = await Promise.all([
        api.get<{ items: Category[] }>(`${BASE}/categories`),
        id ? api.get<Article>(`${BASE}/articles/${encodeURIComponent(id)}`) : Promise.resolve(undefined),
        id ? api.get<{ items: RevisionSummary[] }>(`${BASE}/articles/${encodeURIComponent(id)}/revisions`) : Promise.resolve({ items: [] }),
      ]);
      if (api !== this.api || id !== this.articleId) return;
      this.categories = categories.items;
      this.article = article;
      this.revisions = revisions.items;
      this.fieldErrors = {};
      this.error = undefined;
      this.stale = undefined;
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
    this.fieldErrors = error.fieldErrors();
    this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = texts();
    const data = new FormData(event.target as HTMLFormElement);
    const slug = String(data.get('slug') ?? '').trim();
    const categoryId = String(data.get('categoryId') ?? '');
    const fields = {
      title: String(data.get('title') ?? '').trim(),
      summary: String(data.get('summary') ?? ''),
      body: this.#richText?.html() ?? this.article?.body ?? '',
      categoryId: categoryId === '' ? null : categoryId,
      ...(slug !== '' ? { slug } : {}),
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
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
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
    return html`
      <h2 id="editor-heading">${a ? t.editArticle : t.newArticle}</h2>
      ${a ? html`<p class="status">${t.status}: <strong data-status=${a.status}>${t.statuses[a.status]}</strong> · ${t.revision} ${a.revision}</p>` : nothing}
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
          <portal-rich-text .value=${a?.body ?? ''} .label=${t.body} ?disabled=${readOnly}></portal-rich-text>
          ${this.fieldErrors.body ? html`<span class="field-error" id="body-error">${this.fieldErrors.body}</span>` : nothing}
        </div>
        ${readOnly ? nothing : html`<button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>`}
      </form>
      ${a ? this.#workflow(t, a) : html`<p class="note">${t.saveFirst}</p>`}
      ${a ? this.#revisionList(t, a) : nothing}
    `;
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
    </section>`;
  }
}
