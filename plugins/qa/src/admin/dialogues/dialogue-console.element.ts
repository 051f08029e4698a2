import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { API, DIALOGUES, type DialogueModerationEntry, type DialogueQuestionStatus, type DialogueQuestionView, type DialogueView, type ForwardedView } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { dialogueTexts } from './dialogue-messages.js';

declare global {
  interface CongEventMap {
    /** The dialogue changed (started, ended, cancelled, published); `detail` is the dialogue as the server now has it. */
    'qa-dialogue-changed': DialogueView;
  }
}

const FILTERS: readonly DialogueQuestionStatus[] = ['pending', 'approved', 'answering', 'answered', 'rejected', 'forwarded'];

/** Which form is open: rejecting a question, answering one, cancelling the event. */
type Open = { readonly kind: 'reject' | 'answer'; readonly id: string } | { readonly kind: 'cancel' } | undefined;

/**
 * The live console of one dialogue (inside the dialogues page): start, end, cancel (with a reason);
 * the question queue (approve, reject with a reason, mark "being answered", record the answer
 * attributed to a guest); after the event, the summary and video, and forwarding the unanswered
 * questions to the board (QA-31); the moderation log. Steps the event's status does not allow are
 * not offered (the service refuses them too).
 *
 * @fires qa-dialogue-changed
 */
export class DialogueConsole extends QaPage {
  static override properties: PropertyDeclarations = {
    dialogue: { attribute: false },
    items: { state: true },
    log: { state: true },
    status: { state: true },
    open: { state: true },
    formErrors: { state: true },
    forwarded: { state: true },
  };

  declare dialogue: DialogueView | undefined;
  declare items: readonly DialogueQuestionView[] | undefined;
  declare log: readonly DialogueModerationEntry[] | undefined;
  /** The status shown; undefined: all. */
  declare status: DialogueQuestionStatus | undefined;
  declare open: Open;
  /** Field errors by form (`cancel`, `publish`, or a question id). */
  declare formErrors: Readonly<Record<string, FieldErrors>>;
  declare forwarded: ForwardedView['items'] | undefined;

  constructor() {
    super();
    this.formErrors = {};
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const previous = changed.get('dialogue') as DialogueView | undefined;
    if (changed.has('dialogue') && !changed.has('api') && this.api && previous?.id !== this.dialogue?.id) void this.load();
  }

  async load(): Promise<void> {
    const api = this.api!;
    const id = this.dialogue?.id;
    if (!this.can(DIALOGUES) || !id) return;
    try {
      const [questions, log] = await Promise.all([
        api.get<{ items: DialogueQuestionView[] }>(`${this.#path()}/questions`, this.status ? { query: { status: this.status } } : {}),
        api.get<{ items: DialogueModerationEntry[] }>(`${this.#path()}/moderation-log`),
      ]);
      if (api !== this.api || id !== this.dialogue?.id) return;
      this.items = questions.items;
      this.log = log.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #path(rest = ''): string {
    return `${API}/dialogues/${encodeURIComponent(this.dialogue!.id)}${rest}`;
  }

  async #filter(status: DialogueQuestionStatus | undefined): Promise<void> {
    this.status = status;
    this.items = undefined;
    await this.load();
  }

  /** Runs a call; `form`'s field errors go beside its fields; the queue and log are read again. */
  async #call(form: string | undefined, work: () => Promise<unknown>, done: string | (() => string)): Promise<boolean> {
    const ok = await this.act(
      async () => {
        await work();
        if (form) this.formErrors = { ...this.formErrors, [form]: {} };
        this.open = undefined;
        await this.load();
      },
      done,
      (error) => {
        if (!form) return false;
        const errors = error.fieldErrors();
        this.formErrors = { ...this.formErrors, [form]: errors };
        return Object.keys(errors).length > 0;
      },
    );
    if (!ok) await this.focusFirstError();
    return ok;
  }

  /** A call answering the dialogue itself: the page hears of it. */
  #move(form: string | undefined, work: () => Promise<DialogueView>, done: string): Promise<boolean> {
    return this.#call(
      form,
      async () => {
        const view = await work();
        this.dialogue = view;
        this.emit('qa-dialogue-changed', view);
      },
      done,
    );
  }

  async #local(form: string, errors: FieldErrors): Promise<boolean> {
    this.formErrors = { ...this.formErrors, [form]: errors };
    if (Object.keys(errors).length === 0) return true;
    await this.focusFirstError();
    return false;
  }

  async #cancel(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = dialogueTexts();
    const reason = textOf(new FormData(event.target as HTMLFormElement), 'reason');
    if (!(await this.#local('cancel', reason ? {} : { reason: t.reasonRequired }))) return;
    await this.#move('cancel', () => this.api!.post<DialogueView>(this.#path('/cancel'), { reason }), t.cancelled);
  }

  async #publish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = dialogueTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const summary = textOf(data, 'summary');
    const videoUrl = textOf(data, 'videoUrl');
    if (!(await this.#local('publish', summary ? {} : { summary: t.required }))) return;
    await this.#move('publish', () => this.api!.post<DialogueView>(this.#path('/publish'), { summary, videoUrl: videoUrl || null }), t.published);
  }

  async #forward(): Promise<void> {
    const t = dialogueTexts();
    let result: ForwardedView | undefined;
    await this.#call(
      undefined,
      async () => {
        result = await this.api!.post<ForwardedView>(this.#path('/forward-unanswered'));
        this.forwarded = result.items;
      },
      () => (result!.items.length ? t.forwarded(result!.items.length) : t.forwardedNone),
    );
  }

  async #reject(event: SubmitEvent, q: DialogueQuestionView): Promise<void> {
    event.preventDefault();
    const t = dialogueTexts();
    const reason = textOf(new FormData(event.target as HTMLFormElement), 'reason');
    if (!(await this.#local(q.id, reason ? {} : { reason: t.reasonRequired }))) return;
    await this.#call(q.id, () => this.api!.post(this.#path(`/questions/${encodeURIComponent(q.id)}/reject`), { reason }), t.rejected);
  }

  async #answer(event: SubmitEvent, q: DialogueQuestionView): Promise<void> {
    event.preventDefault();
    const t = dialogueTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const guestId = textOf(data, 'guestId');
    const text = textOf(data, 'text');
    const errors: Record<string, string> = {};
    if (!guestId) errors['guestId'] = t.chooseRequired;
    if (!text) errors['text'] = t.required;
    if (!(await this.#local(q.id, errors))) return;
    await this.#call(q.id, () => this.api!.put(this.#path(`/questions/${encodeURIComponent(q.id)}/answer`), { guestId, text }), t.answered);
  }

  override render() {
    const d = this.dialogue;
    if (!d) return nothing;
    const t = dialogueTexts();
    return html`${this.renderStatus()}
      ${this.#renderMoves(d)}
      <section class="panel" aria-labelledby="dc-questions-title">
        <h3 id="dc-questions-title">${t.questions}</h3>
        <p class="note">${t.questionsHint}</p>
        <div class="actions">
          <div class="field">
            <label for="dc-status">${t.questionFilter}</label>
            <select id="dc-status" @change=${(e: Event) => this.#filter(((e.target as HTMLSelectElement).value || undefined) as DialogueQuestionStatus | undefined)}>
              <option value="" ?selected=${!this.status}>${t.all}</option>${FILTERS.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.questionStatuses[s]}</option>`)}
            </select>
          </div>
          <button type="button" ?disabled=${this.busy} @click=${() => this.load()}>${t.refresh}</button>
        </div>
        ${!this.items
          ? this.error ? nothing : html`<p>${commonTexts().loading}</p>`
          : this.items.length === 0
            ? html`<p>${t.noQuestions}</p>`
            : html`<ul class="plain">${this.items.map((q) => this.#renderQuestion(d, q))}</ul>`}
      </section>
      ${d.status === 'ended' || d.status === 'published' ? this.#renderAfter(d) : nothing}
      ${this.#renderLog()}`;
  }

  #renderMoves(d: DialogueView) {
    const t = dialogueTexts();
    const e = this.formErrors['cancel'] ?? {};
    const cancellable = d.status === 'announced' || d.status === 'live';
    return html`<div class="actions">
        ${d.status === 'announced' ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#move(undefined, () => this.api!.post<DialogueView>(this.#path('/start')), t.started)}>${t.start}</button>` : nothing}
        ${d.status === 'live' ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#move(undefined, () => this.api!.post<DialogueView>(this.#path('/end')), t.ended)}>${t.end}</button>` : nothing}
        ${cancellable && this.open?.kind !== 'cancel' ? html`<button type="button" class="danger" @click=${() => (this.open = { kind: 'cancel' })}>${t.cancel}</button>` : nothing}
      </div>
      ${cancellable && this.open?.kind === 'cancel'
        ? html`<form novalidate aria-label=${t.cancel} @submit=${(ev: SubmitEvent) => this.#cancel(ev)}>
            ${field('dc-cancel', t.cancelReason, e['reason'], (dd, bad) => html`<textarea id="dc-cancel" name="reason" rows="2" maxlength="2000" required aria-required="true" aria-describedby=${dd} aria-invalid=${bad}></textarea>`)}
            <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>${t.confirmCancel}</button><button type="button" @click=${() => (this.open = undefined)}>${t.keep}</button></div>
          </form>`
        : nothing}`;
  }

  #renderQuestion(d: DialogueView, q: DialogueQuestionView) {
    const t = dialogueTexts();
    const e = this.formErrors[q.id] ?? {};
    const name = q.asker.name;
    const id = (what: string) => `dc-${what}-${q.id}`;
    const moderating = d.status === 'announced' || d.status === 'live' || d.status === 'ended';
    const answerable = (d.status === 'live' || d.status === 'ended') && (q.status === 'approved' || q.status === 'answering');
    return html`<li class="panel" data-question=${q.id}>
      <p><strong>${name}</strong> <span class="note">· ${q.asker.email} · ${formatTime(q.createdAt)} · ${t.askedDuring[q.askedDuring]}</span></p>
      <p><span class="badge" data-status=${q.status === 'answered' ? 'answered' : q.status === 'pending' ? 'pending' : q.status}>${t.questionStatuses[q.status]}</span>${q.consentPublish ? nothing : html` <span class="note">${t.noConsent}</span>`}${q.rejectReason ? html` <span class="note">${q.rejectReason}</span>` : nothing}</p>
      <p class="text-block">${q.content}</p>
      ${q.answer ? html`<p><strong>${t.answeredBy(q.answer.guest.name, q.answer.guest.position)}:</strong> ${q.answer.text}</p>` : nothing}
      ${q.forwardedQuestionId ? html`<p class="note">${t.forwardedAs(q.forwardedQuestionId)}</p>` : nothing}
      <div class="actions">
        ${moderating && q.status === 'pending' ? html`<button type="button" class="primary" aria-label=${t.approveLabel(name)} ?disabled=${this.busy} @click=${() => this.#call(undefined, () => this.api!.post(this.#path(`/questions/${encodeURIComponent(q.id)}/approve`), {}), t.approved)}>${t.approve}</button>` : nothing}
        ${moderating && (q.status === 'pending' || q.status === 'approved') ? html`<button type="button" class="danger" aria-label=${t.rejectLabel(name)} @click=${() => (this.open = { kind: 'reject', id: q.id })}>${t.reject}</button>` : nothing}
        ${d.status === 'live' && q.status === 'approved' ? html`<button type="button" aria-label=${t.answeringLabel(name)} ?disabled=${this.busy} @click=${() => this.#call(undefined, () => this.api!.post(this.#path(`/questions/${encodeURIComponent(q.id)}/answering`)), t.markedAnswering)}>${t.answering}</button>` : nothing}
        ${answerable ? html`<button type="button" aria-label=${t.answerLabel(name)} @click=${() => (this.open = { kind: 'answer', id: q.id })}>${t.answer}</button>` : nothing}
      </div>
      ${this.open?.kind === 'reject' && this.open.id === q.id
        ? html`<form novalidate aria-label=${t.rejectLabel(name)} @submit=${(ev: SubmitEvent) => this.#reject(ev, q)}>
            ${field(id('reason'), t.reason, e['reason'], (dd, bad) => html`<textarea id=${id('reason')} name="reason" rows="2" maxlength="2000" required aria-required="true" aria-describedby=${dd} aria-invalid=${bad}></textarea>`)}
            <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>${t.confirmReject}</button><button type="button" @click=${() => (this.open = undefined)}>${commonTexts().cancel}</button></div>
          </form>`
        : nothing}
      ${answerable && this.open?.kind === 'answer' && this.open.id === q.id
        ? html`<form novalidate aria-label=${t.answerLabel(name)} @submit=${(ev: SubmitEvent) => this.#answer(ev, q)}>
            ${field(id('guest'), t.guest, e['guestId'], (dd, bad) => html`<select id=${id('guest')} name="guestId" required aria-required="true" aria-describedby=${dd} aria-invalid=${bad}>
              <option value="">${t.choose}</option>${d.guests.map((g) => html`<option value=${g.id} ?selected=${q.answer?.guest.id === g.id}>${t.answeredBy(g.name, g.position)}</option>`)}
            </select>`)}
            ${field(id('text'), t.answerText, e['text'], (dd, bad) => html`<textarea id=${id('text')} name="text" rows="5" maxlength="50000" required aria-required="true" .value=${q.answer?.text ?? ''} aria-describedby=${dd} aria-invalid=${bad}></textarea>`)}
            <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.saveAnswer}</button><button type="button" @click=${() => (this.open = undefined)}>${commonTexts().cancel}</button></div>
          </form>`
        : nothing}
    </li>`;
  }

  #renderAfter(d: DialogueView) {
    const t = dialogueTexts();
    const e = this.formErrors['publish'] ?? {};
    return html`<section class="panel" aria-labelledby="dc-publish-title">
        <h3 id="dc-publish-title">${t.publish}</h3>
        <p class="note">${t.publishHint}</p>
        <form novalidate aria-labelledby="dc-publish-title" @submit=${(ev: SubmitEvent) => this.#publish(ev)}>
          ${field('dc-summary', t.summary, e['summary'], (dd, bad) => html`<textarea id="dc-summary" name="summary" rows="8" maxlength="200000" required aria-required="true" .value=${d.summary ?? ''} aria-describedby=${dd} aria-invalid=${bad}></textarea>`)}
          ${field('dc-video', t.videoUrl, e['videoUrl'], (dd, bad) => html`<input id="dc-video" name="videoUrl" type="url" maxlength="2000" .value=${d.videoUrl ?? ''} aria-describedby=${dd} aria-invalid=${bad} />`)}
          <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.publish}</button></div>
        </form>
      </section>
      <section class="panel" aria-labelledby="dc-forward-title">
        <h3 id="dc-forward-title">${t.forward}</h3>
        <p class="note" id="dc-forward-hint">${t.forwardHint}</p>
        <div class="actions"><button type="button" aria-describedby="dc-forward-hint" ?disabled=${this.busy} @click=${() => this.#forward()}>${t.forward}</button></div>
        ${this.forwarded?.length ? html`<p>${t.forwardedCodes}: ${this.forwarded.map((f) => f.trackingCode).join(', ')}</p>` : nothing}
      </section>`;
  }

  #renderLog() {
    const t = dialogueTexts();
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
