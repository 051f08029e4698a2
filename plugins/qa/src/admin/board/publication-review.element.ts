import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { API, PUBLISH, type FindingView, type PublicTexts, type ReviewView } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { publicationTexts } from './publication-messages.js';

const PARTS = ['title', 'question', 'answer'] as const;

/**
 * The board's publication of one answered question (`qa.answers.publish`; QA-04, CORE-11): what the
 * detector found in the original, its proposal with those masked, the public version the board edits
 * and saves, then publishing or unpublishing it. Only a saved version is published; what the detector
 * still finds in it is listed.
 */
export class PublicationReview extends QaPage {
  static override properties: PropertyDeclarations = {
    questionId: { attribute: 'question-id' },
    review: { state: true },
    fieldErrors: { state: true },
  };

  declare questionId: string;
  declare review: ReviewView | undefined;
  declare fieldErrors: FieldErrors;

  constructor() {
    super();
    this.fieldErrors = {};
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('questionId') && !changed.has('api') && this.api) {
      this.review = undefined;
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(PUBLISH) || !this.questionId) return;
    try {
      const review = await api.get<ReviewView>(this.#path());
      if (api !== this.api) return;
      this.review = review;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #path(action = ''): string {
    return `${API}/publications/${encodeURIComponent(this.questionId)}${action}`;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = publicationTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const body = Object.fromEntries(PARTS.map((p) => [p, textOf(data, p)])) as unknown as PublicTexts;
    const errors: Record<string, string> = {};
    for (const p of PARTS) if (!body[p]) errors[p] = t.required;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      await this.focusFirstError();
      return;
    }
    const ok = await this.act(
      async () => {
        this.review = await this.api!.put<ReviewView>(this.#path(), body);
      },
      t.saved,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok) await this.focusFirstError();
  }

  async #publish(): Promise<void> {
    await this.act(async () => {
      this.review = await this.api!.post<ReviewView>(this.#path('/publish'));
    }, publicationTexts().published);
  }

  async #unpublish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const reason = textOf(new FormData(event.target as HTMLFormElement), 'reason');
    await this.act(
      async () => {
        this.review = await this.api!.post<ReviewView>(this.#path('/unpublish'), reason ? { reason } : {});
      },
      publicationTexts().unpublished,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
  }

  #findings(list: readonly FindingView[]) {
    const t = publicationTexts();
    return html`<ul class="flags">${list.map((f) => html`<li>${t.kinds[f.kind]} (${t.parts[f.part]}): <mark>${f.text}</mark></li>`)}</ul>`;
  }

  override render() {
    const t = publicationTexts();
    const r = this.review;
    if (!r) return html`${this.renderStatus()}${this.error ? nothing : html`<p>${commonTexts().loading}</p>`}`;
    const e = this.fieldErrors;
    const values = r.reviewed ?? r.proposal;
    const state = r.status ?? 'none';
    return html`
      ${this.renderStatus()}
      <dl class="facts">
        <dt>${t.state}</dt><dd><span class="badge" data-status=${state}>${t.states[state]}</span></dd>
        ${r.publishedAt && r.status === 'published' ? html`<dt>${t.publishedAt}</dt><dd>${formatTime(r.publishedAt)}</dd>` : nothing}
        ${r.slug && r.status === 'published' ? html`<dt>${t.address}</dt><dd><code>/hoi-dap/${r.slug}</code></dd>` : nothing}
      </dl>
      <div>
        <h4>${t.findings}</h4>
        ${r.findings.length ? this.#findings(r.findings) : html`<p class="note">${t.noFindings}</p>`}
      </div>
      ${r.reviewed?.remaining.length ? html`<div role="note"><h4>${t.remaining}</h4>${this.#findings(r.reviewed.remaining)}</div>` : nothing}
      <details>
        <summary>${t.original}</summary>
        ${PARTS.map((p) => html`<h4>${t.parts[p]}</h4><p class="text-block">${r.original[p]}</p>`)}
      </details>
      <form novalidate aria-labelledby="p-edit-title" @submit=${(ev: SubmitEvent) => this.#save(ev)}>
        <h4 id="p-edit-title">${t.edit}</h4>
        <p class="note">${t.editIntro}</p>
        ${field('p-title', t.title, e['title'], (d, bad) => html`<input id="p-title" name="title" maxlength="300" required aria-required="true" .value=${values.title} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('p-question', t.question, e['question'], (d, bad) => html`<textarea id="p-question" name="question" rows="8" maxlength="20000" required aria-required="true" .value=${values.question} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        ${field('p-answer', t.answer, e['answer'], (d, bad) => html`<textarea id="p-answer" name="answer" rows="10" maxlength="40000" required aria-required="true" .value=${values.answer} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${t.save}</button>
          ${r.status !== 'published'
            ? html`<button type="button" class="primary" ?disabled=${this.busy || !r.reviewed} aria-describedby=${r.reviewed ? nothing : 'p-need-review'} @click=${() => this.#publish()}>${t.publish}</button>
                ${r.reviewed ? nothing : html`<span class="note" id="p-need-review">${t.needReview}</span>`}`
            : nothing}
        </div>
      </form>
      ${r.status === 'published'
        ? html`<form class="row" novalidate aria-label=${t.unpublish} @submit=${(ev: SubmitEvent) => this.#unpublish(ev)}>
            ${field('p-reason', t.unpublishReason, e['reason'], (d, bad) => html`<input id="p-reason" name="reason" maxlength="2000" aria-describedby=${d} aria-invalid=${bad} />`)}
            <button type="submit" class="danger" ?disabled=${this.busy}>${t.unpublish}</button>
          </form>`
        : nothing}
    `;
  }
}
