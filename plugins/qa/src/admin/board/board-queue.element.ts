import { html, nothing, type PropertyDeclarations } from 'lit';
import { adminLanguage, ApiError } from '@cong/sdk/admin';
import { commonTexts } from '../shared/common-messages.js';
import { field, textOf } from '../shared/form-field.js';
import { API, LIST_STATUSES, PUBLISH, ROUTES, TRIAGE, type AnsweredByReference, type Page, type PublishedItem, type QuestionDetail, type QuestionStatus, type UnitNode } from '../shared/qa-api.js';
import { QuestionQueuePage } from '../shared/question-queue-page.js';
import { agencyChoices, loadUnits, unitOptions } from '../shared/unit-tree.js';
import { boardTexts } from './board-messages.js';
import './publication-review.js';

/** The statuses in which the board may still change a question's field, and forward or decline it (mirrors the service). */
const CLASSIFIABLE: readonly QuestionStatus[] = ['received', 'returned', 'forwarded'];
const FORWARDABLE: readonly QuestionStatus[] = ['received', 'returned'];

/**
 * "Tiếp nhận câu hỏi" (`qa.questions.triage`, the province; QA-02): the verified questions of the
 * province by status, field, commune, dates and words (searched on the server); one question with its timeline and the routing
 * rules' suggestions; classifying it, forwarding it to an agency of the province's tree, declining it
 * as outside the province's competence with a reason; and, for an answered question whose asker
 * agreed (`qa.answers.publish`), the redaction review and publication.
 */
export class BoardQueue extends QuestionQueuePage {
  static override properties: PropertyDeclarations = {
    units: { state: true },
    forwardAgency: { state: true },
    published: { state: true },
    linked: { state: true },
  };

  /** The active units, for the forwarding picker (read when a question is first opened). */
  declare units: readonly UnitNode[];
  /** The agency chosen in the forwarding picker (a suggestion's button sets it). */
  declare forwardAgency: string;
  /** Published Q&A for the answer-by-reference picker (QA-06), as the last search found them. */
  declare published: readonly PublishedItem[];
  /** The Q&A the opened question was just answered with (the detail view does not carry it). */
  declare linked: AnsweredByReference | undefined;

  protected override readonly route = ROUTES.board;
  protected readonly basePath = `${API}/questions`;
  protected readonly permission = TRIAGE;
  protected readonly statuses = LIST_STATUSES;

  constructor() {
    super();
    this.units = [];
    this.forwardAgency = '';
    this.published = [];
    this.linked = undefined;
  }

  protected pageTitle(): string {
    return boardTexts().title;
  }

  protected needPermission(): string {
    return boardTexts().needTriage;
  }

  protected override unitChanged(): void {
    super.unitChanged();
    this.units = [];
  }

  /** The board's queue searches every question of the province on the server (`q`), not the page shown. */
  protected override searchesOnServer(): boolean {
    return true;
  }

  protected override textLabels() {
    const t = boardTexts();
    return { label: t.text, hint: t.textHint, noMatch: t.noMatch };
  }

  protected override listFailure(error: unknown): string {
    // The queue exists only in the province: a department or a commune gets 404.
    return error instanceof ApiError && error.status === 404 ? boardTexts().boardOnly : this.failure(error);
  }

  protected override opened(detail: QuestionDetail): void {
    this.forwardAgency = '';
    this.linked = undefined;
    this.published = [];
    if (FORWARDABLE.includes(detail.status)) void this.#searchPublished('');
    if (this.units.length === 0) {
      const api = this.api!;
      loadUnits(api).then(
        (units) => {
          if (api === this.api) this.units = units;
        },
        () => undefined, // the shell's client showed the failure; the picker stays empty
      );
    }
  }

  #agencyName(id: string): string {
    return this.units.find((u) => u.id === id)?.nameVi ?? id;
  }

  async #pick(agencyId: string, name: string): Promise<void> {
    this.forwardAgency = agencyId;
    this.announce(boardTexts().picked(name));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#b-agency')?.focus();
  }

  /** Runs a step on the opened question; the answer is the question as it now is. */
  async #step(detail: QuestionDetail, action: string, body: Record<string, unknown>, done: () => string): Promise<void> {
    const ok = await this.act(
      async () => {
        this.detail = await this.api!.post<QuestionDetail>(`${this.basePath}/${encodeURIComponent(detail.id)}/${action}`, body);
        this.fieldErrors = {};
        void this.loadClocks(detail.id);
      },
      done,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok && Object.keys(this.fieldErrors).length) await this.focusFirstError();
  }

  async #classify(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const value = textOf(new FormData(event.target as HTMLFormElement), 'field');
    await this.#step(detail, 'classify', { field: value }, () => boardTexts().classified);
  }

  async #forward(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const t = boardTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const agency = textOf(data, 'agency');
    const note = textOf(data, 'note');
    if (!agency) {
      this.fieldErrors = { agency: t.agencyRequired };
      await this.focusFirstError();
      return;
    }
    await this.#step(detail, 'forward', { agency, ...(note ? { note } : {}) }, () => t.forwarded(this.detail?.agency?.name ?? this.#agencyName(agency)));
  }

  async #decline(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const t = boardTexts();
    const reason = textOf(new FormData(event.target as HTMLFormElement), 'reason');
    if (!reason) {
      this.fieldErrors = { reason: t.reasonRequired };
      await this.focusFirstError();
      return;
    }
    await this.#step(detail, 'decline', { reason }, () => t.declined);
  }

  /** The province's published Q&A matching the words (the public list the portal's widget reads). */
  async #searchPublished(words: string): Promise<void> {
    const api = this.api!;
    try {
      const found = await api.get<Page<PublishedItem>>(`${API}/public/answers`, { query: { limit: 50, ...(words ? { q: words } : {}) } });
      if (api === this.api) this.published = found.items;
    } catch {
      // the shell's client showed the failure; the picker stays empty
    }
  }

  async #search(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.#searchPublished(textOf(new FormData(event.target as HTMLFormElement), 'q'));
  }

  /** QA-06: answers the question by linking a published Q&A; the asker is mailed the link. */
  async #answerByReference(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const t = boardTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const publication = textOf(data, 'publication');
    const note = textOf(data, 'note');
    const missing: Record<string, string> = {};
    if (!publication) missing['publication'] = t.publishedRequired;
    if (data.get('confirm') !== 'yes') missing['confirm'] = t.referenceConfirmRequired;
    if (Object.keys(missing).length > 0) {
      this.fieldErrors = missing;
      await this.focusFirstError();
      return;
    }
    let answer: AnsweredByReference | undefined;
    const ok = await this.act(
      async () => {
        answer = await this.api!.post<AnsweredByReference>(`${this.basePath}/${encodeURIComponent(detail.id)}/answer-by-reference`, { publication, ...(note ? { note } : {}) });
        this.fieldErrors = {};
        this.detail = await this.api!.get<QuestionDetail>(`${this.basePath}/${encodeURIComponent(detail.id)}`);
        this.linked = answer;
        void this.loadClocks(detail.id);
      },
      () => t.answeredByReference(answer?.publication.title ?? publication),
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok && Object.keys(this.fieldErrors).length) await this.focusFirstError();
  }

  #renderByReference(detail: QuestionDetail) {
    const t = boardTexts();
    const e = this.fieldErrors;
    if (this.linked && this.linked.id === detail.id) {
      const p = this.linked.publication;
      return html`<section class="panel" aria-labelledby="b-linked">
        <h3 id="b-linked">${t.linkedTitle}</h3>
        <p><a href=${`/hoi-dap/${p.slug}`} target="_blank" rel="noopener">${p.title}</a></p>
      </section>`;
    }
    if (!FORWARDABLE.includes(detail.status)) return nothing;
    return html`<section class="panel" aria-labelledby="b-reference-title">
      <h3 id="b-reference-title">${t.byReference}</h3>
      <p class="note">${t.byReferenceIntro}</p>
      <form role="search" aria-label=${t.searchPublished} novalidate @submit=${(ev: SubmitEvent) => this.#search(ev)}>
        <div class="row">
          ${field('b-published-q', t.searchPublished, undefined, () => html`<input id="b-published-q" name="q" type="search" maxlength="200" />`)}
          <button type="submit" ?disabled=${this.busy}>${t.searchSubmit}</button>
        </div>
      </form>
      <form novalidate aria-labelledby="b-reference-title" @submit=${(ev: SubmitEvent) => this.#answerByReference(ev, detail)}>
        ${field('b-published', t.publishedPick, e['publication'], (d, bad) => html`<select id="b-published" name="publication" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
          <option value="">${this.published.length === 0 ? t.noPublished : t.choosePublished}</option>
          ${this.published.map((p) => html`<option value=${p.slug}>${p.title} (${p.field.name})</option>`)}
        </select>`)}
        ${field('b-reference-note', t.referenceNote, e['note'], (d, bad) => html`<textarea id="b-reference-note" name="note" rows="2" maxlength="1000" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        <div class="field">
          <label><input id="b-confirm" type="checkbox" name="confirm" value="yes" aria-describedby=${e['confirm'] ? 'b-confirm-error' : nothing} aria-invalid=${e['confirm'] ? 'true' : 'false'} /> ${t.referenceConfirm}</label>
          ${e['confirm'] ? html`<span class="field-error" id="b-confirm-error">${e['confirm']}</span>` : nothing}
        </div>
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.referenceSubmit}</button></div>
      </form>
    </section>`;
  }

  protected renderActions(detail: QuestionDetail) {
    const t = boardTexts();
    const e = this.fieldErrors;
    const english = adminLanguage() === 'en';
    const forwardable = FORWARDABLE.includes(detail.status);
    const choices = this.tenant ? agencyChoices(this.units, this.tenant.id) : [];
    const suggestions = detail.suggestions ?? [];
    return html`
      ${forwardable
        ? html`<section class="panel" aria-labelledby="b-suggestions">
            <h3 id="b-suggestions">${t.suggestions}</h3>
            ${suggestions.length === 0
              ? html`<p class="note">${t.noSuggestions}</p>`
              : html`<ul class="plain">${suggestions.map(
                  (s) => html`<li>${s.agency.name} <span class="note">(${t.ruleKinds[s.rule.kind]})</span>
                    <button type="button" class="link" aria-label=${t.pickLabel(s.agency.name)} @click=${() => this.#pick(s.agency.id, s.agency.name)}>${t.pick}</button></li>`,
                )}</ul>`}
          </section>`
        : nothing}
      ${CLASSIFIABLE.includes(detail.status)
        ? html`<form class="panel" novalidate aria-labelledby="b-classify-title" @submit=${(ev: SubmitEvent) => this.#classify(ev, detail)}>
            <h3 id="b-classify-title">${t.classify}</h3>
            <div class="row">
              ${field('b-field', commonTexts().field, e['field'], (d, bad) => html`<select id="b-field" name="field" aria-describedby=${d} aria-invalid=${bad}>
                ${this.lists.fields.some((f) => f.code === detail.field) ? nothing : html`<option value=${detail.field} selected>${detail.field}</option>`}
                ${this.lists.fields.map((f) => html`<option value=${f.code} ?selected=${f.code === detail.field}>${english ? f.nameEn : f.name}</option>`)}
              </select>`)}
              <button type="submit" ?disabled=${this.busy}>${t.classifySave}</button>
            </div>
          </form>`
        : nothing}
      ${forwardable
        ? html`<form class="panel" novalidate aria-labelledby="b-forward-title" @submit=${(ev: SubmitEvent) => this.#forward(ev, detail)}>
              <h3 id="b-forward-title">${t.forward}</h3>
              ${field('b-agency', t.agency, e['agency'], (d, bad) => html`<select id="b-agency" name="agency" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} @change=${(ev: Event) => (this.forwardAgency = (ev.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${this.forwardAgency === ''}>${t.chooseAgency}</option>${unitOptions(choices, this.forwardAgency)}
              </select>`)}
              ${field('b-note', t.forwardNote, e['note'], (d, bad) => html`<textarea id="b-note" name="note" rows="2" maxlength="2000" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
              <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.forwardSubmit}</button></div>
            </form>
            <form class="panel" novalidate aria-labelledby="b-decline-title" @submit=${(ev: SubmitEvent) => this.#decline(ev, detail)}>
              <h3 id="b-decline-title">${t.decline}</h3>
              <p class="note">${t.declineIntro}</p>
              ${field('b-reason', t.reason, e['reason'], (d, bad) => html`<textarea id="b-reason" name="reason" rows="3" maxlength="2000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
              <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>${t.declineSubmit}</button></div>
            </form>`
        : nothing}
      ${this.#renderByReference(detail)}
      ${detail.status === 'answered' && detail.consentPublish && this.can(PUBLISH)
        ? html`<section class="panel" aria-labelledby="b-publication">
            <h3 id="b-publication">${t.publication}</h3>
            <qa-publication-review .api=${this.api} .user=${this.user} .tenant=${this.tenant} question-id=${detail.id}></qa-publication-review>
          </section>`
        : nothing}
    `;
  }
}
