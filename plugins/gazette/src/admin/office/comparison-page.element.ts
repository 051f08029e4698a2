import { html, nothing, type PropertyDeclarations } from 'lit';
import { commonTexts, formatTime, pick } from '../shared/common-messages.js';
import { COMPARE, API, ROUTES, type DocumentType, type Page, type RoundDetail, type Submission, type SubmissionDetail, type SubmissionStatus } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { deadlinesCell, filesTable, flagCount, flagList, pager, statusBadge } from '../shared/submission-views.js';
import { discrepancyList, roundSummary, sideBySideDiff } from '../shared/word-diff-view.js';
import { officeTexts } from './office-messages.js';

const LIMIT = 20;
/** The queue's choices: the default (everything waiting for or in a comparison), then single statuses. */
const QUEUE_STATUSES: readonly SubmissionStatus[] = ['registered', 'corrected', 'comparing', 'returned', 'passed'];

/**
 * "Đối chiếu văn bản" (`gazette.compare`, GAZ-14): the documents waiting for a comparison; for one,
 * opening a round (the server reads both files and compares them word by word), the two extracted
 * texts side by side with the difference marked, the discrepancies with their context, and the
 * decision: pass (ready for an issue) or return to the issuer with the reviewer's notes, which
 * notifies the issuer at once.
 */
export class ComparisonPage extends GazettePage {
  static override properties: PropertyDeclarations = {
    page: { state: true },
    offset: { state: true },
    status: { state: true },
    types: { state: true },
    detail: { state: true },
    round: { state: true },
    notesError: { state: true },
  };

  declare page: Page<Submission> | undefined;
  declare offset: number;
  /** `''`: the default queue. */
  declare status: string;
  declare types: readonly DocumentType[];
  declare detail: SubmissionDetail | undefined;
  declare round: RoundDetail | undefined;
  declare notesError: string | undefined;

  protected override readonly route = ROUTES.comparison;

  constructor() {
    super();
    this.offset = 0;
    this.status = '';
    this.types = [];
  }

  protected override unitChanged(): void {
    this.detail = undefined;
    this.round = undefined;
    this.offset = 0;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(COMPARE)) return;
    try {
      const [page, types] = await Promise.all([
        api.get<Page<Submission>>(`${API}/review`, { query: { status: this.status || undefined, limit: LIMIT, offset: this.offset } }),
        this.types.length ? Promise.resolve({ items: this.types }) : api.get<{ items: DocumentType[] }>(`${API}/document-types`),
      ]);
      if (api !== this.api) return;
      this.page = page;
      this.types = types.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #path(id: string, round?: number): string {
    return `${API}/review/${encodeURIComponent(id)}${round === undefined ? '' : `/rounds/${round}`}`;
  }

  protected override followLink(id: string | undefined): void {
    if (id) void this.#open(id);
    else this.#close();
  }

  #close(): void {
    this.detail = undefined;
    this.round = undefined;
    this.linkTo(undefined);
  }

  /** Opens a document with its latest round (the open one, if any). */
  async #open(id: string): Promise<void> {
    try {
      const detail = await this.api!.get<SubmissionDetail>(this.#path(id));
      const latest = detail.rounds.at(-1);
      this.round = latest ? await this.api!.get<RoundDetail>(this.#path(id, latest.round)) : undefined;
      this.detail = detail;
      this.notesError = undefined;
      this.error = undefined;
      this.linkTo(id);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #viewRound(round: number): Promise<void> {
    try {
      this.round = await this.api!.get<RoundDetail>(this.#path(this.detail!.id, round));
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #openRound(): Promise<void> {
    const t = officeTexts();
    const id = this.detail!.id;
    this.announce(t.openingRound);
    await this.act(async () => {
      this.round = await this.api!.post<RoundDetail>(`${this.#path(id)}/rounds`);
      this.detail = await this.api!.get<SubmissionDetail>(this.#path(id));
      void this.load();
    }, () => t.roundOpened(this.round!.round));
  }

  async #decide(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = officeTexts();
    const round = this.round!;
    const data = new FormData(event.target as HTMLFormElement);
    const decision = (event.submitter as HTMLButtonElement | null)?.value === 'return' ? 'return' : 'pass';
    const notes = String(data.get('notes') ?? '').split('\n').map((n) => n.trim()).filter(Boolean);
    const remark = String(data.get('remark') ?? '').trim();
    if (decision === 'return' && notes.length === 0 && round.discrepancies.length === 0) {
      this.notesError = t.returnNeedsSomething;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#review-notes')?.focus();
      return;
    }
    this.notesError = undefined;
    const body = decision === 'return' ? { ...(notes.length ? { notes } : {}), ...(remark ? { remark } : {}) } : remark ? { remark } : {};
    await this.act(
      async () => {
        this.round = await this.api!.post<RoundDetail>(`${this.#path(round.submissionId, round.round)}/${decision}`, body);
        this.detail = await this.api!.get<SubmissionDetail>(this.#path(round.submissionId));
        void this.load();
      },
      () => (decision === 'pass' ? t.passed : t.returned(this.round!.notifiedTo.join(', '))),
      (error) => (this.notesError = error.fieldErrors()['notes']) !== undefined,
    );
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    this.status = String(new FormData(event.target as HTMLFormElement).get('status') ?? '');
    this.offset = 0;
    void this.load();
  }

  #typeName(code: string): string {
    const type = this.types.find((x) => x.code === code);
    return type ? pick(type.name) : code;
  }

  override render() {
    const t = officeTexts();
    if (!this.can(COMPARE)) return html`<h1>${t.compareTitle}</h1><p class="note">${t.needCompare}</p>`;
    return html`<h1>${t.compareTitle}</h1>${this.renderStatus()}${this.detail ? this.#renderDocument(this.detail) : this.#renderQueue()}`;
  }

  #renderQueue() {
    const t = officeTexts();
    const c = commonTexts();
    const items = this.page?.items;
    return html`
      <form class="row" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <div class="field"><label for="q-status">${c.status}</label><select id="q-status" name="status"><option value="">${t.waiting}</option>${QUEUE_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${c.statuses[s]}</option>`)}</select></div>
        <button type="submit">${c.filter}</button>
      </form>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.queueEmpty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.compareTitle}</caption>
              <thead><tr><th scope="col">${t.registerNumber}</th><th scope="col">${t.document}</th><th scope="col">${t.issuer}</th><th scope="col">${c.status}</th><th scope="col">${t.deadlines}</th><th scope="col">${t.flags}</th></tr></thead>
              <tbody>${items.map(
                (s) => html`<tr>
                  <td>${s.register?.label ?? ''}</td>
                  <td><button type="button" class="link" aria-label=${t.compareLabel(s.numberSymbol)} @click=${() => this.#open(s.id)}>${s.numberSymbol}</button><div>${s.summary}</div></td>
                  <td>${s.issuer.name}</td>
                  <td>${statusBadge(s)}</td>
                  <td>${deadlinesCell(s)}</td>
                  <td>${flagCount(s.flags)}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${pager(this.offset, items?.length ?? 0, this.page?.total ?? 0, (offset) => { this.offset = offset; void this.load(); }, LIMIT)}
    `;
  }

  #renderDocument(detail: SubmissionDetail) {
    const t = officeTexts();
    const c = commonTexts();
    const mayOpen = detail.status === 'registered' || detail.status === 'corrected';
    return html`
      <p><button type="button" @click=${() => this.#close()}>${c.back}</button></p>
      <h2 tabindex="-1">${detail.numberSymbol} ${statusBadge(detail)}</h2>
      <dl class="facts">
        <dt>${t.document}</dt><dd>${this.#typeName(detail.documentType)} · ${detail.summary}</dd>
        <dt>${t.issuer}</dt><dd>${detail.issuer.name} · ${detail.issuingAgency}</dd>
        <dt>${t.registerNumber}</dt><dd>${detail.register?.label ?? c.none}</dd>
        <dt>${t.deadlines}</dt><dd>${deadlinesCell(detail)}</dd>
      </dl>
      ${flagList(detail.flags)}
      ${filesTable(detail)}
      ${mayOpen ? html`<div class="actions"><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#openRound()}>${t.openRound}</button>${this.busy ? html`<span>${t.openingRound}</span>` : nothing}</div>` : nothing}
      ${detail.rounds.length > 1
        ? html`<table>
            <caption>${t.rounds}</caption>
            <tbody>${detail.rounds.map(
              (r) => html`<tr><th scope="row">${c.round(r.round)}</th><td>${t.roundStatuses[r.status]}</td><td>${formatTime(r.openedAt)}</td><td>${r.discrepancyCount}</td><td>${this.round?.round === r.round ? nothing : html`<button type="button" @click=${() => this.#viewRound(r.round)}>${t.viewRound(r.round)}</button>`}</td></tr>`,
            )}</tbody>
          </table>`
        : nothing}
      ${this.round ? this.#renderRound(this.round) : nothing}
    `;
  }

  #renderRound(round: RoundDetail) {
    const t = officeTexts();
    const c = commonTexts();
    return html`<section class="panel" aria-labelledby="round-heading">
      <h2 id="round-heading">${c.round(round.round)} · ${t.roundStatuses[round.status]}</h2>
      <p>${roundSummary(round)}</p>
      ${sideBySideDiff(round)}
      ${discrepancyList(round.discrepancies)}
      ${round.status === 'open'
        ? html`<form novalidate @submit=${(e: SubmitEvent) => this.#decide(e)} aria-label=${t.decision}>
            <fieldset>
              <legend>${t.decision}</legend>
              <div class="field">
                <label for="review-notes">${t.notes}</label>
                <textarea id="review-notes" name="notes" rows="4" aria-invalid=${this.notesError ? 'true' : 'false'} aria-describedby=${this.notesError ? 'review-notes-error' : nothing}></textarea>
                ${this.notesError ? html`<span class="field-error" id="review-notes-error">${this.notesError}</span>` : nothing}
              </div>
              <div class="field"><label for="review-remark">${t.remark}</label><input id="review-remark" name="remark" maxlength="2000" /></div>
              <div class="actions">
                <button type="submit" class="primary" value="pass" ?disabled=${this.busy}>${t.pass}</button>
                <button type="submit" class="danger" value="return" ?disabled=${this.busy}>${t.returnToIssuer}</button>
              </div>
            </fieldset>
          </form>`
        : html`<dl class="facts">
            ${round.reviewerNotes.length ? html`<dt>${t.notes}</dt><dd><ul>${round.reviewerNotes.map((n) => html`<li>${n}</li>`)}</ul></dd>` : nothing}
            <dt>${t.decidedBy}</dt><dd>${round.decidedBy ?? c.none} · ${formatTime(round.decidedAt)}</dd>
            ${round.notifiedTo.length ? html`<dt>${t.notifiedTo}</dt><dd>${round.notifiedTo.join(', ')} · ${formatTime(round.notifiedAt)}</dd>` : nothing}
          </dl>`}
    </section>`;
  }
}

