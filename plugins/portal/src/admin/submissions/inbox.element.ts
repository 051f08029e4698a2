import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { articlePath } from '../types.js';
import { submissionTexts } from './submission-messages.js';
import { HANDLE, SUBMISSION_STATUSES, WRITE, type Page, type Submission, type SubmissionDetail, type SubmissionStatus } from './submission-types.js';
import { renderFacts, renderHistory, renderPager, renderPreview, renderSubmissionTable } from './submission-views.js';
import { submissionStyles } from './submissions.styles.js';

const LIMIT = 20;

/**
 * The receiver's inbox (tiếp nhận tin bài, POR-41): submissions sent to the unit, filtered by status
 * and sender; one submission's facts, a sandboxed preview of its (sanitised) body and its history;
 * accepting it makes a draft article in the unit (then opened from the articles page), returning it
 * needs a reason.
 */
export class Inbox extends CongElement implements Partial<AdminContributionProps> {
  static override styles = submissionStyles;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    page: { state: true },
    status: { state: true },
    senderId: { state: true },
    offset: { state: true },
    detail: { state: true },
    error: { state: true },
    reasonError: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare page: Page<Submission> | undefined;
  declare status: SubmissionStatus | '';
  declare senderId: string;
  declare offset: number;
  declare detail: SubmissionDetail | undefined;
  declare error: string | undefined;
  declare reasonError: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    // What waits for a decision first.
    this.status = 'submitted';
    this.senderId = '';
    this.offset = 0;
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.detail = undefined;
        this.offset = 0;
      }
      void this.load();
    }
  }

  get #canHandle(): boolean {
    return !this.user || this.user.permissions.includes(HANDLE);
  }

  get #canAccept(): boolean {
    return !this.user || (this.user.permissions.includes(HANDLE) && this.user.permissions.includes(WRITE));
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const page = await api.get<Page<Submission>>('/api/portal/inbox', {
        query: { limit: LIMIT, offset: this.offset, status: this.status || undefined, senderId: this.senderId || undefined },
      });
      if (api !== this.api) return;
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = error instanceof ApiError ? error.message : submissionTexts().failed;
    }
  }

  async #open(id: string): Promise<void> {
    try {
      this.detail = await this.api!.get<SubmissionDetail>(`/api/portal/inbox/${id}`);
      this.reasonError = undefined;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : submissionTexts().failed;
    }
  }

  async #accept(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const remark = String(new FormData(event.target as HTMLFormElement).get('remark') ?? '').trim();
    await this.#decide('accept', remark ? { remark } : {});
  }

  async #return(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = submissionTexts();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (!reason) {
      this.reasonError = t.reasonRequired;
      return;
    }
    await this.#decide('return', { reason });
  }

  async #decide(action: 'accept' | 'return', body: Record<string, string>): Promise<void> {
    this.busy = true;
    try {
      this.detail = await this.api!.post<SubmissionDetail>(`/api/portal/inbox/${this.detail!.id}/${action}`, body);
      this.reasonError = undefined;
      showToast(submissionTexts().done, { variant: 'success' }, this);
      void this.load();
    } catch (error) {
      if (error instanceof ApiError && action === 'return') this.reasonError = error.fieldErrors()['reason'];
    } finally {
      this.busy = false;
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.status = String(data.get('status') ?? '') as SubmissionStatus | '';
    this.senderId = String(data.get('senderId') ?? '');
    this.offset = 0;
    void this.load();
  }

  /** The senders seen on this page, for the filter (the inbox has few distinct senders at a time). */
  #senders(): { id: string; name: string }[] {
    const seen = new Map<string, string>();
    for (const s of this.page?.items ?? []) seen.set(s.sender.id, s.sender.name);
    if (this.senderId && !seen.has(this.senderId)) seen.set(this.senderId, this.senderId);
    return [...seen].map(([id, name]) => ({ id, name }));
  }

  override render() {
    const t = submissionTexts();
    if (this.detail) return this.#renderDetail(this.detail);
    return html`
      <header><h1>${t.inbox}</h1></header>
      <form class="bar" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label>${t.status}
          <select name="status">
            <option value="">${t.allStatuses}</option>
            ${SUBMISSION_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.statuses[s]}</option>`)}
          </select>
        </label>
        <label>${t.sender}
          <select name="senderId">
            <option value="">—</option>
            ${this.#senders().map((s) => html`<option value=${s.id} ?selected=${this.senderId === s.id}>${s.name}</option>`)}
          </select>
        </label>
        <button type="submit">${t.filter}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.error && !this.page ? nothing : renderSubmissionTable(this.page?.items, t, { label: t.sender, name: (s) => s.sender.name }, (id) => void this.#open(id))}
      ${renderPager(t.inbox, this.offset, LIMIT, this.page?.total ?? 0, t, (offset) => { this.offset = offset; void this.load(); })}
    `;
  }

  #renderDetail(s: SubmissionDetail) {
    const t = submissionTexts();
    return html`
      <p><button type="button" @click=${() => (this.detail = undefined)}>${t.back}</button></p>
      <h2>${s.title}</h2>
      ${renderFacts(s, t)}
      ${s.articleId ? html`<p>${t.article}: <a href=${`/admin${articlePath(s.articleId)}`}>${t.openArticle}</a></p>` : nothing}
      <h3>${t.preview}</h3>
      ${renderPreview(s.body, t)}
      ${s.status === 'submitted' && this.#canHandle
        ? html`<div class="actions">
            ${this.#canAccept
              ? html`<form class="stack" @submit=${(e: SubmitEvent) => this.#accept(e)}>
                  <label>${t.remark}<input name="remark" maxlength="2000" /></label>
                  <button type="submit" class="primary" ?disabled=${this.busy}>${t.accept}</button>
                </form>`
              : nothing}
            <form class="stack" @submit=${(e: SubmitEvent) => this.#return(e)}>
              <label>${t.reason}
                <textarea name="reason" maxlength="2000" aria-invalid=${this.reasonError ? 'true' : 'false'} aria-describedby=${this.reasonError ? 'reason-error' : nothing}></textarea>
                ${this.reasonError ? html`<span class="field-error" id="reason-error">${this.reasonError}</span>` : nothing}
              </label>
              <button type="submit" ?disabled=${this.busy}>${t.returnIt}</button>
            </form>
          </div>`
        : nothing}
      ${renderHistory(s, t)}
    `;
  }
}
