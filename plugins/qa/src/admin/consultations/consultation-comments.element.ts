import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { API, CONSULTATIONS, type CommentView, type ConsultationView, type ModerationEntry, type ReplyDecision } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { pager } from '../shared/question-views.js';
import { consultationTexts } from './consultation-messages.js';

const STATUSES = ['pending', 'approved', 'rejected'] as const;
type CommentStatus = (typeof STATUSES)[number];
const DECISIONS: readonly ReplyDecision[] = ['accepted', 'partly', 'not-accepted'];
/** Comments a page of the queue shows (the API's maximum); the panel offers the next ones. */
const QUEUE_LIMIT = 100;

/** Which comment's form is open: rejecting it (with a reason). */
type Pending = { readonly kind: 'reject'; readonly id: string } | undefined;

/**
 * The comments of one consultation (QA-23, QA-25), inside the consultation page: the moderation queue
 * (approve, reject with a reason, show again a comment hidden by abuse reports), the moderation log,
 * and once the consultation has closed, the answer to each shown comment (accepted, partly, not
 * accepted, with the explanation), until the outcome is published.
 */
export class ConsultationComments extends QaPage {
  static override properties: PropertyDeclarations = {
    consultation: { attribute: false },
    items: { state: true },
    offset: { state: true },
    total: { state: true },
    log: { state: true },
    status: { state: true },
    pending: { state: true },
    formErrors: { state: true },
  };

  declare consultation: ConsultationView | undefined;
  declare items: readonly CommentView[] | undefined;
  /** Where the shown page of the queue starts, and how many comments the chosen status has in all. */
  declare offset: number;
  declare total: number;
  declare log: readonly ModerationEntry[] | undefined;
  /** The status shown; undefined: all. */
  declare status: CommentStatus | undefined;
  declare pending: Pending;
  /** Field errors by comment id (each comment has its own forms). */
  declare formErrors: Readonly<Record<string, FieldErrors>>;

  /** Whether staff chose the status; until then it follows the phase (pending to moderate; shown to answer after closing). */
  #statusChosen = false;

  constructor() {
    super();
    this.status = 'pending';
    this.offset = 0;
    this.total = 0;
    this.formErrors = {};
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const previous = changed.get('consultation') as ConsultationView | undefined;
    if (changed.has('consultation') && previous?.id !== this.consultation?.id) this.offset = 0;
    if (changed.has('consultation') && !changed.has('api') && this.api && previous?.id !== this.consultation?.id) void this.load();
  }

  async load(): Promise<void> {
    const api = this.api!;
    const id = this.consultation?.id;
    if (!this.can(CONSULTATIONS) || !id) return;
    if (!this.#statusChosen) this.status = this.consultation!.phase === 'closed' || this.consultation!.phase === 'outcome-published' ? 'approved' : 'pending';
    const path = `${API}/consultations/${encodeURIComponent(id)}`;
    try {
      const [comments, log] = await Promise.all([
        api.get<{ items: CommentView[]; total: number }>(`${path}/comments`, { query: { ...(this.status ? { status: this.status } : {}), limit: QUEUE_LIMIT, offset: this.offset } }),
        api.get<{ items: ModerationEntry[] }>(`${path}/moderation-log`),
      ]);
      if (api !== this.api || id !== this.consultation?.id) return;
      // A moderated comment leaves the queue: past its last page, show the page before.
      if (comments.items.length === 0 && this.offset > 0 && comments.total > 0) {
        this.offset = Math.max(0, Math.floor((comments.total - 1) / QUEUE_LIMIT) * QUEUE_LIMIT);
        return this.load();
      }
      this.items = comments.items;
      this.total = comments.total;
      this.log = log.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #path(comment: CommentView, rest: string): string {
    return `${API}/consultations/${encodeURIComponent(this.consultation!.id)}/comments/${encodeURIComponent(comment.id)}${rest}`;
  }

  async #filter(status: CommentStatus | undefined): Promise<void> {
    this.status = status;
    this.#statusChosen = true;
    this.items = undefined;
    this.offset = 0;
    await this.load();
  }

  async #go(offset: number): Promise<void> {
    this.offset = offset;
    this.items = undefined;
    await this.load();
  }

  /** Runs a moderation call; the comment's field errors go beside its fields; the list and log are read again. */
  async #call(comment: CommentView, work: () => Promise<unknown>, done: string): Promise<boolean> {
    const ok = await this.act(
      async () => {
        await work();
        this.formErrors = { ...this.formErrors, [comment.id]: {} };
        this.pending = undefined;
        await this.load();
      },
      done,
      (error) => {
        const errors = error.fieldErrors();
        this.formErrors = { ...this.formErrors, [comment.id]: errors };
        return Object.keys(errors).length > 0;
      },
    );
    if (!ok) await this.focusFirstError();
    return ok;
  }

  async #local(comment: CommentView, errors: FieldErrors): Promise<boolean> {
    this.formErrors = { ...this.formErrors, [comment.id]: errors };
    if (Object.keys(errors).length === 0) return true;
    await this.focusFirstError();
    return false;
  }

  async #reject(event: SubmitEvent, comment: CommentView): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const reason = textOf(new FormData(event.target as HTMLFormElement), 'reason');
    if (!(await this.#local(comment, reason ? {} : { reason: t.reasonRequired }))) return;
    await this.#call(comment, () => this.api!.post(this.#path(comment, '/reject'), { reason }), t.rejected);
  }

  async #reply(event: SubmitEvent, comment: CommentView): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const decision = textOf(data, 'decision') as ReplyDecision | '';
    const explanation = textOf(data, 'explanation');
    const errors: Record<string, string> = {};
    if (!decision) errors['decision'] = t.chooseRequired;
    if (!explanation) errors['explanation'] = t.required;
    if (!(await this.#local(comment, errors))) return;
    await this.#call(comment, () => this.api!.put(this.#path(comment, '/reply'), { decision, explanation }), t.replySaved);
  }

  #article(comment: CommentView): string {
    const t = consultationTexts();
    const article = comment.articleId ? this.consultation?.articles.find((a) => a.id === comment.articleId) : undefined;
    return article ? article.heading : t.general;
  }

  override render() {
    const t = consultationTexts();
    const c = commonTexts();
    const items = this.items;
    return html`<section class="panel" aria-labelledby="cc-title">
      <h3 id="cc-title">${t.comments}</h3>
      <p class="note">${t.commentsHint}</p>
      ${this.renderStatus()}
      <div class="field">
        <label for="cc-status">${t.statusFilter}</label>
        <select id="cc-status" @change=${(e: Event) => this.#filter(((e.target as HTMLSelectElement).value || undefined) as CommentStatus | undefined)}>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.commentStatuses[s]}</option>`)}
          <option value="" ?selected=${!this.status}>${t.all}</option>
        </select>
      </div>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.noComments}</p>`
          : html`<ul class="plain">${items.map((comment) => this.#renderComment(comment))}</ul>`}
      ${items ? pager(this.offset, items.length, this.total, (offset) => this.#go(offset), QUEUE_LIMIT) : nothing}
      ${this.#renderLog()}
    </section>`;
  }

  #renderComment(comment: CommentView) {
    const t = consultationTexts();
    const e = this.formErrors[comment.id] ?? {};
    const name = comment.author.name;
    const phase = this.consultation?.phase;
    const answerable = phase === 'closed' && comment.status === 'approved' && !comment.hidden;
    const id = (what: string) => `cc-${what}-${comment.id}`;
    return html`<li data-comment=${comment.id} class="panel">
      <p><strong>${name}</strong>${comment.author.organisation ? html` · ${comment.author.organisation}` : nothing} <span class="note">· ${comment.author.email} · ${formatTime(comment.createdAt)}</span></p>
      <p class="note">${this.#article(comment)} · <span class="badge" data-status=${comment.status}>${t.commentStatuses[comment.status]}</span>
        ${comment.hidden ? html` <span class="badge" data-state="overdue">${t.hidden(comment.reports)}</span>` : comment.reports ? html` <span class="note">${t.reports(comment.reports)}</span>` : nothing}</p>
      <p class="text-block">${comment.body}</p>
      ${comment.reply ? html`<p><span class="badge" data-status="answered">${t.decisions[comment.reply.decision]}</span> ${comment.reply.explanation}</p>` : nothing}
      <div class="actions">
        ${comment.status === 'pending'
          ? html`<button type="button" class="primary" aria-label=${t.approveLabel(name)} ?disabled=${this.busy} @click=${() => this.#call(comment, () => this.api!.post(this.#path(comment, '/approve'), {}), t.approved)}>${t.approve}</button>
              <button type="button" class="danger" aria-label=${t.rejectLabel(name)} @click=${() => (this.pending = { kind: 'reject', id: comment.id })}>${t.reject}</button>`
          : nothing}
        ${comment.status === 'approved' && comment.hidden
          ? html`<button type="button" aria-label=${t.restoreLabel(name)} ?disabled=${this.busy} @click=${() => this.#call(comment, () => this.api!.post(this.#path(comment, '/restore'), {}), t.restored)}>${t.restore}</button>`
          : nothing}
      </div>
      ${this.pending?.kind === 'reject' && this.pending.id === comment.id
        ? html`<form novalidate aria-label=${t.rejectLabel(name)} @submit=${(ev: SubmitEvent) => this.#reject(ev, comment)}>
            ${field(id('reason'), t.reason, e['reason'], (d, bad) => html`<textarea id=${id('reason')} name="reason" rows="2" maxlength="2000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
            <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>${t.confirmReject}</button><button type="button" @click=${() => (this.pending = undefined)}>${commonTexts().cancel}</button></div>
          </form>`
        : nothing}
      ${answerable
        ? html`<form novalidate aria-label=${t.replyLegend(name)} @submit=${(ev: SubmitEvent) => this.#reply(ev, comment)}>
            <fieldset aria-describedby=${e['decision'] ? `${id('decision')}-error` : nothing}>
              <legend>${t.decision}</legend>
              ${DECISIONS.map((d) => html`<label class="check"><input type="radio" name="decision" value=${d} .checked=${comment.reply?.decision === d} aria-invalid=${e['decision'] ? 'true' : 'false'} /> ${t.decisions[d]}</label>`)}
              ${e['decision'] ? html`<span class="field-error" id=${`${id('decision')}-error`}>${e['decision']}</span>` : nothing}
            </fieldset>
            ${field(id('explanation'), t.explanation, e['explanation'], (d, bad) => html`<textarea id=${id('explanation')} name="explanation" rows="3" maxlength="20000" required aria-required="true" .value=${comment.reply?.explanation ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
            <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.saveReply}</button></div>
          </form>`
        : nothing}
    </li>`;
  }

  #renderLog() {
    const t = consultationTexts();
    const log = this.log ?? [];
    return html`<details>
      <summary>${t.log}</summary>
      ${log.length === 0
        ? html`<p>${t.noLog}</p>`
        : html`<table>
            <caption class="visually-hidden">${t.log}</caption>
            <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.action}</th><th scope="col">${t.reason}</th><th scope="col">${t.who}</th></tr></thead>
            <tbody>${log.map((m) => html`<tr><td>${formatTime(m.at)}</td><td>${t.logActions[m.action]}</td><td>${m.reason ?? ''}</td><td>${m.actor}</td></tr>`)}</tbody>
          </table>`}
    </details>`;
  }
}
