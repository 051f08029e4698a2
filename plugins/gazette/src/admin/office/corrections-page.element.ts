import { html, nothing, type PropertyDeclarations } from 'lit';
import { field, focusFirstError, type FieldErrors } from '../shared/attribute-fields.js';
import { commonTexts, formatDate } from '../shared/common-messages.js';
import { API, COMPOSE, type CorrectionCase, type CorrectionView, type Page, type Submission } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { correctionTexts } from './correction-messages.js';

const CASES: readonly CorrectionCase[] = ['issuer-before', 'issuer-after', 'office'];
/** How many candidate documents each picker offers (the intake list's largest page). */
const CANDIDATES = 100;

type Filter = '' | 'pending' | 'published';

/**
 * The documents a picker offers for a case, as the server will judge them (it checks again): the
 * notice is neither published nor withdrawn (for the office's own correction, entered by the office in
 * its own name); the corrected document is unpublished for GAZ-25 and published for GAZ-26/27.
 */
export function candidates(kind: CorrectionCase, officeId: string | undefined, open: readonly Submission[], published: readonly Submission[]): { readonly notices: readonly Submission[]; readonly corrected: readonly Submission[] } {
  const notices = open.filter((s) => !['published', 'withdrawn'].includes(s.status) && (kind !== 'office' || (s.origin === 'office' && s.issuer.id === officeId)));
  const corrected = kind === 'issuer-before' ? open.filter((s) => !['published', 'withdrawn', 'draft'].includes(s.status)) : published;
  return { notices, corrected };
}

/**
 * "Đính chính" (`gazette.compose`; GAZ-25…GAZ-29): the office's corrections with their case, the
 * document each corrects, where it was (or must be) published and by when; recording one (the three
 * cases, the notice and the corrected document picked from the register, the cause); unlinking one
 * that is not yet published.
 */
export class CorrectionsPage extends GazettePage {
  static override properties: PropertyDeclarations = {
    items: { state: true },
    filter: { state: true },
    open: { state: true },
    published: { state: true },
    creating: { state: true },
    caseKind: { state: true },
    fieldErrors: { state: true },
    formError: { state: true },
    removing: { state: true },
  };

  declare items: readonly CorrectionView[] | undefined;
  declare filter: Filter;
  /** The register's documents that are not published (notices, and documents corrected before publication). */
  declare open: readonly Submission[];
  /** Published documents (corrected after publication). */
  declare published: readonly Submission[];
  declare creating: boolean;
  declare caseKind: CorrectionCase;
  declare fieldErrors: FieldErrors;
  /** A refusal that is not about one field (GAZETTE_ERR_CORRECTION_LINK), shown above the form's button. */
  declare formError: string | undefined;
  /** The correction whose unlinking waits for confirmation. */
  declare removing: string | undefined;

  constructor() {
    super();
    this.filter = '';
    this.open = [];
    this.published = [];
    this.creating = false;
    this.caseKind = 'issuer-after';
    this.fieldErrors = {};
  }

  protected override unitChanged(): void {
    this.creating = false;
    this.items = undefined;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(COMPOSE)) return;
    try {
      const pending = this.filter === '' ? undefined : this.filter === 'pending';
      const [list, open, published] = await Promise.all([
        api.get<{ items: CorrectionView[] }>(`${API}/corrections`, { query: { pending } }),
        api.get<Page<Submission>>(`${API}/intake`, { query: { limit: CANDIDATES, offset: 0 } }),
        api.get<Page<Submission>>(`${API}/intake`, { query: { status: 'published', limit: CANDIDATES, offset: 0 } }),
      ]);
      if (api !== this.api) return;
      this.items = list.items;
      this.open = open.items.filter((s) => s.status !== 'published');
      this.published = published.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #numberSymbol(submissionId: string): string {
    return [...this.open, ...this.published].find((s) => s.id === submissionId)?.numberSymbol ?? submissionId;
  }

  #changeFilter(event: Event): void {
    this.filter = (event.target as HTMLSelectElement).value as Filter;
    void this.load();
  }

  async #startCreating(on: boolean): Promise<void> {
    this.creating = on;
    this.fieldErrors = {};
    this.formError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = correctionTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const correctionSubmissionId = String(data.get('correctionSubmissionId') ?? '');
    const correctedSubmissionId = String(data.get('correctedSubmissionId') ?? '');
    const reason = String(data.get('reason') ?? '').normalize('NFC').trim();
    const errors: Record<string, string> = {};
    if (!correctionSubmissionId) errors['correctionSubmissionId'] = t.chooseRequired;
    if (!correctedSubmissionId) errors['correctedSubmissionId'] = t.chooseRequired;
    if (reason.length < 3) errors['reason'] = t.reasonRequired;
    this.fieldErrors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    let numberSymbol = '';
    const ok = await this.act(
      async () => {
        const created = await this.api!.post<CorrectionView>(`${API}/corrections`, { correctionSubmissionId, correctedSubmissionId, source: this.caseKind === 'office' ? 'office' : 'issuer', reason });
        numberSymbol = created.numberSymbol;
        this.creating = false;
        await this.load();
      },
      () => t.created(numberSymbol),
      (error) => {
        this.fieldErrors = error.fieldErrors();
        if (Object.keys(this.fieldErrors).length === 0) this.formError = error.message;
        void this.updateComplete.then(() => (Object.keys(this.fieldErrors).length ? focusFirstError(this.renderRoot) : this.renderRoot.querySelector<HTMLElement>('#correction-form-error')?.focus()));
        return true;
      },
    );
    if (ok) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  async #remove(correction: CorrectionView): Promise<void> {
    await this.act(
      async () => {
        await this.api!.delete(`${API}/corrections/${encodeURIComponent(correction.id)}`);
        this.removing = undefined;
        await this.load();
      },
      correctionTexts().removed(correction.numberSymbol),
    );
  }

  override render() {
    const t = correctionTexts();
    if (!this.can(COMPOSE)) return html`<h1>${t.title}</h1><p class="note">${t.needCompose}</p>`;
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}${this.creating ? this.#renderCreate() : this.#renderList()}`;
  }

  #renderList() {
    const t = correctionTexts();
    const c = commonTexts();
    const items = this.items;
    return html`
      <div class="actions"><button type="button" class="primary" @click=${() => this.#startCreating(true)}>${t.create}</button></div>
      <div class="row">
        <div class="field"><label for="c-filter">${t.show}</label><select id="c-filter" @change=${(e: Event) => this.#changeFilter(e)}>
          <option value="" ?selected=${this.filter === ''}>${t.all}</option>
          <option value="pending" ?selected=${this.filter === 'pending'}>${t.pending}</option>
          <option value="published" ?selected=${this.filter === 'published'}>${t.published}</option>
        </select></div>
      </div>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.notice}</th><th scope="col">${t.corrects}</th><th scope="col">${t.case}</th><th scope="col">${t.reason}</th><th scope="col">${t.placement}</th><th scope="col"><span class="visually-hidden">${t.remove}</span></th></tr></thead>
              <tbody>${items.map((k) => this.#renderRow(k))}</tbody>
            </table>`}
    `;
  }

  #renderRow(k: CorrectionView) {
    const t = correctionTexts();
    const pending = k.correctionDocumentId === null;
    return html`<tr data-correction=${k.id}>
      <td><strong>${k.numberSymbol}</strong></td>
      <td>${this.#numberSymbol(k.correctedSubmissionId)}</td>
      <td>${t.cases[k.case]}<div class="note">${t.rules[k.case]}</div></td>
      <td>${k.reason}</td>
      <td>${k.issue ? t.placedIn(k.issue.label, formatDate(k.issue.publicationDate)) : html`${t.notPlaced}${k.due ? html`<div><span class="badge" data-state="pending">${t.dueBy(formatDate(k.due))}</span></div>` : nothing}`}</td>
      <td>${pending
        ? this.removing === k.id
          ? html`<p id=${`remove-${k.id}`}>${t.removeConfirm(k.numberSymbol)}</p><div class="actions">
              <button type="button" class="danger" aria-describedby=${`remove-${k.id}`} ?disabled=${this.busy} @click=${() => this.#remove(k)}>${t.confirmRemove}</button>
              <button type="button" @click=${() => (this.removing = undefined)}>${t.cancel}</button>
            </div>`
          : html`<button type="button" class="danger" aria-label=${t.removeLabel(k.numberSymbol)} @click=${() => (this.removing = k.id)}>${t.remove}</button>`
        : nothing}</td>
    </tr>`;
  }

  #renderCreate() {
    const t = correctionTexts();
    const e = this.fieldErrors;
    const { notices, corrected } = candidates(this.caseKind, this.tenant?.id, this.open, this.published);
    const option = (s: Submission) => html`<option value=${s.id}>${s.numberSymbol} — ${s.summary}</option>`;
    const picker = (id: string, name: string, label: string, list: readonly Submission[], hint?: string) =>
      field(id, label, e[name], (d, bad) => html`<select id=${id} name=${name} required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
        <option value="">${list.length ? t.choose : t.noCandidates}</option>${list.map(option)}
      </select>`, hint);
    return html`
      <p><button type="button" @click=${() => this.#startCreating(false)}>${commonTexts().back}</button></p>
      <h2 tabindex="-1">${t.createTitle}</h2>
      <p class="note">${t.createIntro}</p>
      <form novalidate aria-label=${t.createTitle} @submit=${(ev: SubmitEvent) => this.#create(ev)}>
        <fieldset>
          <legend>${t.chooseCase}</legend>
          ${CASES.map(
            (kind) => html`<label class="check"><input type="radio" name="case" value=${kind} .checked=${this.caseKind === kind} @change=${() => { this.caseKind = kind; this.fieldErrors = {}; }} /> ${t.cases[kind]}</label>`,
          )}
          <p class="note">${t.rules[this.caseKind]}</p>
        </fieldset>
        ${picker('c-corrected', 'correctedSubmissionId', this.caseKind === 'issuer-before' ? t.correctedBefore : t.correctedAfter, corrected)}
        ${picker('c-notice', 'correctionSubmissionId', t.noticeField, notices, this.caseKind === 'office' ? t.noticeOfficeHint : undefined)}
        ${field('c-reason', t.reason, e['reason'], (d, bad) => html`<textarea id="c-reason" name="reason" rows="3" minlength="3" maxlength="2000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`, t.reasonHint)}
        ${this.formError ? html`<p class="error" role="alert" id="correction-form-error" tabindex="-1">${this.formError}</p>` : nothing}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button></div>
      </form>
    `;
  }
}
