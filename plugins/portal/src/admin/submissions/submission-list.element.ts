import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import type { RichText } from '../rich-text/rich-text.element.js';
import { formatDate, submissionTexts } from './submission-messages.js';
import { SUBMISSION_STATUSES, SUBMIT, type AssignedRequest, type Page, type Submission, type SubmissionDetail, type SubmissionStatus } from './submission-types.js';
import { parseAttachments, renderFacts, renderHistory, renderPager, renderPreview, renderSubmissionTable } from './submission-views.js';
import { submissionStyles } from './submissions.styles.js';

const LIMIT = 20;

type View = { kind: 'list' } | { kind: 'new'; requestId?: string } | { kind: 'detail'; id: string } | { kind: 'edit'; id: string };

/**
 * The sender's page (tiếp nhận tin bài, POR-41): the unit's sent submissions with their status, a
 * form to send a new one (to the nearest portal above, or as the answer to an information request
 * addressed to the unit), and one submission's detail: its history, and for a returned one the
 * edit-and-resubmit form; withdrawing while it is not yet accepted.
 */
export class SubmissionList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = submissionStyles;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    view: { state: true },
    page: { state: true },
    status: { state: true },
    offset: { state: true },
    detail: { state: true },
    requests: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare view: View;
  declare page: Page<Submission> | undefined;
  declare status: SubmissionStatus | '';
  declare offset: number;
  declare detail: SubmissionDetail | undefined;
  declare requests: readonly AssignedRequest[];
  declare error: string | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare busy: boolean;

  constructor() {
    super();
    this.view = { kind: 'list' };
    this.status = '';
    this.offset = 0;
    this.requests = [];
    this.fieldErrors = {};
    this.busy = false;
  }

  /** The editor (Tiptap) loads only when a form opens: the list stays light. */
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && (this.view.kind === 'new' || this.view.kind === 'edit')) void import('../rich-text/rich-text.js');
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.view = { kind: 'list' };
        this.offset = 0;
      }
      void this.load();
    }
  }

  get #canSubmit(): boolean {
    return !this.user || this.user.permissions.includes(SUBMIT);
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const [page, requests] = await Promise.all([
        api.get<Page<Submission>>('/api/portal/submissions', { query: { limit: LIMIT, offset: this.offset, status: this.status || undefined } }),
        api.get<Page<AssignedRequest>>('/api/portal/information-requests/assigned', { query: { status: 'open', limit: 100 } }),
      ]);
      if (api !== this.api) return;
      this.page = page;
      this.requests = requests.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = error instanceof ApiError ? error.message : submissionTexts().failed;
    }
  }

  async #open(id: string): Promise<void> {
    this.error = undefined;
    try {
      this.detail = await this.api!.get<SubmissionDetail>(`/api/portal/submissions/${id}`);
      this.view = { kind: 'detail', id };
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : submissionTexts().failed;
    }
  }

  #richText(): RichText | null {
    return this.renderRoot.querySelector('portal-rich-text');
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = submissionTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    // The editor loads on its own; a quick submit must not read an element not yet defined.
    await import('../rich-text/rich-text.js');
    await customElements.whenDefined('portal-rich-text');
    const content = {
      title: value('title'),
      summary: value('summary'),
      body: this.#richText()?.html() ?? '',
      categorySlug: value('categorySlug') || null,
      byline: value('byline') || null,
      contact: { name: value('contactName'), phone: value('contactPhone') || null, email: value('contactEmail') || null },
      attachments: parseAttachments(String(data.get('attachments') ?? '')),
    };
    this.busy = true;
    try {
      let saved: SubmissionDetail;
      if (this.view.kind === 'edit') saved = await this.api!.patch<SubmissionDetail>(`/api/portal/submissions/${this.view.id}`, content);
      else {
        const requestId = value('requestId');
        saved = await this.api!.post<SubmissionDetail>('/api/portal/submissions', { ...content, ...(requestId ? { requestId } : {}) });
      }
      this.fieldErrors = {};
      this.detail = saved;
      this.view = { kind: 'detail', id: saved.id };
      showToast(t.done, { variant: 'success' }, this);
      void this.load();
    } catch (error) {
      if (error instanceof ApiError) this.fieldErrors = error.fieldErrors();
    } finally {
      this.busy = false;
    }
  }

  async #step(action: 'resubmit' | 'withdraw'): Promise<void> {
    const id = this.detail!.id;
    this.busy = true;
    try {
      this.detail = await this.api!.post<SubmissionDetail>(`/api/portal/submissions/${id}/${action}`, {});
      showToast(submissionTexts().done, { variant: 'success' }, this);
      void this.load();
    } catch {
      // The shell's client showed the problem; the detail stays as it was.
    } finally {
      this.busy = false;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    this.status = String(new FormData(event.target as HTMLFormElement).get('status') ?? '') as SubmissionStatus | '';
    this.offset = 0;
    void this.load();
  }

  #back(): void {
    this.view = { kind: 'list' };
    this.detail = undefined;
    this.fieldErrors = {};
  }

  override render() {
    const t = submissionTexts();
    if (this.view.kind === 'new' || this.view.kind === 'edit') return this.#renderForm();
    if (this.view.kind === 'detail' && this.detail) {
      const s = this.detail;
      return html`
        <p><button type="button" @click=${() => this.#back()}>${t.back}</button></p>
        <h2>${s.title}</h2>
        ${renderFacts(s, t)}
        <h3>${t.preview}</h3>
        ${renderPreview(s.body, t)}
        ${this.#canSubmit
          ? html`<div class="actions">
              ${s.status === 'returned' ? html`<button type="button" @click=${() => (this.view = { kind: 'edit', id: s.id })}>${t.editSubmission}</button>
                <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#step('resubmit')}>${t.resubmit}</button>` : nothing}
              ${s.status === 'submitted' || s.status === 'returned' ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.#step('withdraw')}>${t.withdraw}</button>` : nothing}
            </div>`
          : nothing}
        ${renderHistory(s, t)}
      `;
    }
    return html`
      <header>
        <h1>${t.sent}</h1>
        ${this.#canSubmit ? html`<button type="button" class="primary" @click=${() => (this.view = { kind: 'new' })}>${t.newSubmission}</button>` : nothing}
      </header>
      <form class="bar" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label>${t.status}
          <select name="status">
            <option value="">${t.allStatuses}</option>
            ${SUBMISSION_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.statuses[s]}</option>`)}
          </select>
        </label>
        <button type="submit">${t.filter}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.error && !this.page ? nothing : renderSubmissionTable(this.page?.items, t, { label: t.receiver, name: (s) => s.receiver.name }, (id) => void this.#open(id))}
      ${renderPager(t.sent, this.offset, LIMIT, this.page?.total ?? 0, t, (offset) => { this.offset = offset; void this.load(); })}
    `;
  }

  #renderForm() {
    const t = submissionTexts();
    const editing = this.view.kind === 'edit' ? this.detail : undefined;
    // fieldErrors() names the first segment of each field's pointer: `title`, `contact`, `attachments`…
    const error = (field: string) => (this.fieldErrors[field] ? html`<span class="field-error" id=${`err-${field}`}>${this.fieldErrors[field]}</span>` : nothing);
    const described = (field: string) => (this.fieldErrors[field] ? `err-${field}` : undefined);
    return html`
      <p><button type="button" @click=${() => (editing ? (this.view = { kind: 'detail', id: editing.id }) : this.#back())}>${editing ? t.cancel : t.back}</button></p>
      <h2>${editing ? t.editSubmission : t.newSubmission}</h2>
      <form class="stack" @submit=${(e: SubmitEvent) => this.#save(e)}>
        ${editing
          ? nothing
          : html`<label>${t.answers}
              <select name="requestId">
                <option value="">${t.noRequest}</option>
                ${this.requests.map((r) => html`<option value=${r.id}>${r.title} (${r.requester.name}, ${formatDate(r.deadline)})</option>`)}
              </select>
            </label>`}
        <label>${t.title}<input name="title" required maxlength="500" .value=${editing?.title ?? ''} aria-describedby=${described('title') ?? nothing} />${error('title')}</label>
        <label>${t.summary}<textarea name="summary" maxlength="2000" .value=${editing?.summary ?? ''}></textarea></label>
        <portal-rich-text .value=${editing?.body ?? ''} .label=${t.body}></portal-rich-text>${error('body')}
        <label>${t.category}<input name="categorySlug" pattern="[a-z0-9]+(-[a-z0-9]+)*" maxlength="120" .value=${editing?.categorySlug ?? ''} />${error('categorySlug')}</label>
        <label>${t.byline}<input name="byline" maxlength="300" .value=${editing?.byline ?? ''} /></label>
        <fieldset>
          <legend>${t.contactName}</legend>
          <label>${t.contactName}<input name="contactName" required maxlength="200" .value=${editing?.contact.name ?? this.user?.displayName ?? ''} /></label>
          <label>${t.contactPhone}<input name="contactPhone" type="tel" maxlength="40" .value=${editing?.contact.phone ?? ''} /></label>
          <label>${t.contactEmail}<input name="contactEmail" type="email" maxlength="254" .value=${editing?.contact.email ?? ''} /></label>
          ${error('contact')}
        </fieldset>
        <label>${t.attachments}
          <textarea name="attachments" aria-describedby="attachments-hint" .value=${(editing?.attachments ?? []).map((a) => `${a.url} | ${a.title}`).join('\n')}></textarea>
          <small id="attachments-hint">${t.attachmentsHint}</small>
          ${error('attachments')}
        </label>
        ${this.fieldErrors['receiverId'] ? html`<p role="alert">${this.fieldErrors['receiverId']}</p>` : nothing}
        ${this.fieldErrors['requestId'] ? html`<p role="alert">${this.fieldErrors['requestId']}</p>` : nothing}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${editing ? t.saveEdit : t.send}</button></div>
      </form>
    `;
  }
}
