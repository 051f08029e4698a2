import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ApiError } from '@cong/sdk/admin';
import { attributeTexts } from '../shared/attribute-messages.js';
import { attributeFields, focusFirstError, readAttributes, type FieldErrors } from '../shared/attribute-fields.js';
import { commonTexts, formatDate, formatTime, pick } from '../shared/common-messages.js';
import '../shared/file-upload.js';
import { API, ROUTES, STATUSES, SUBMIT, type DocumentType, type Page, type RoundDetail, type Submission, type SubmissionDetail, type SubmissionStatus } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { deadlinesCell, filesTable, flagCount, flagList, pager, statusBadge, timelineTable } from '../shared/submission-views.js';
import { uploadSubmissionFile, type FileUploader } from '../shared/upload-file.js';
import { discrepancyList } from '../shared/word-diff-view.js';
import { issuerTexts } from './issuer-messages.js';

const LIMIT = 20;

/** What the page shows: the unit's list, the draft form (new or existing), or one submission's status. */
export type SubmissionsView =
  | { readonly kind: 'list' }
  | { readonly kind: 'edit'; readonly detail?: SubmissionDetail }
  | { readonly kind: 'status'; readonly detail: SubmissionDetail; readonly returned?: RoundDetail };

const CLOSED: readonly SubmissionStatus[] = ['published', 'withdrawn'];

/**
 * "Văn bản gửi đăng Công báo" (`gazette.submit`): the issuing unit's submissions with their status,
 * deadlines and intake flags; the draft form (GAZ-13 attributes, then the signed original and the
 * electronic copy, then send); and a submission's status page with its timeline, the discrepancies of
 * a returned round and the upload of the corrected copy (GAZ-14), and withdrawal.
 */
export class SubmissionsPage extends GazettePage {
  static override properties: PropertyDeclarations = {
    page: { state: true },
    offset: { state: true },
    filters: { state: true },
    types: { state: true },
    view: { state: true },
    fieldErrors: { state: true },
    upload: { attribute: false },
  };

  declare page: Page<Submission> | undefined;
  declare offset: number;
  declare filters: { readonly status: string; readonly year: string };
  declare types: readonly DocumentType[];
  declare view: SubmissionsView;
  declare fieldErrors: FieldErrors;
  /** How files go up (the XMLHttpRequest uploader by default). */
  declare upload: FileUploader;

  protected override readonly route = ROUTES.submissions;

  constructor() {
    super();
    this.offset = 0;
    this.filters = { status: '', year: '' };
    this.types = [];
    this.view = { kind: 'list' };
    this.fieldErrors = {};
    this.upload = uploadSubmissionFile;
  }

  protected override unitChanged(): void {
    this.view = { kind: 'list' };
    this.offset = 0;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(SUBMIT)) return;
    try {
      const [page, types] = await Promise.all([
        api.get<Page<Submission>>(`${API}/submissions`, { query: { status: this.filters.status || undefined, year: this.filters.year || undefined, limit: LIMIT, offset: this.offset } }),
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

  protected override followLink(id: string | undefined): void {
    if (id) void this.#open(id);
    else void this.#show({ kind: 'list' });
  }

  async #show(view: SubmissionsView): Promise<void> {
    this.view = view;
    this.linkTo(view.kind === 'list' || !view.detail ? undefined : view.detail.id);
    this.fieldErrors = {};
    this.error = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  async #open(id: string): Promise<void> {
    try {
      const detail = await this.api!.get<SubmissionDetail>(`${API}/submissions/${encodeURIComponent(id)}`);
      await this.#show(detail.status === 'draft' ? { kind: 'edit', detail } : await this.#statusView(detail));
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  /** The status page; for a returned or corrected document, with the returned round's discrepancies. */
  async #statusView(detail: SubmissionDetail): Promise<SubmissionsView> {
    const last = [...detail.rounds].reverse().find((r) => r.status === 'returned');
    if (!last || (detail.status !== 'returned' && detail.status !== 'corrected')) return { kind: 'status', detail };
    const returned = await this.api!.get<RoundDetail>(`${API}/submissions/${encodeURIComponent(detail.id)}/rounds/${last.round}`);
    return { kind: 'status', detail, returned };
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = issuerTexts();
    const { body, errors } = readAttributes(event.target as HTMLFormElement);
    this.fieldErrors = errors;
    if (Object.keys(errors).length > 0) {
      this.announce('');
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    const existing = this.view.kind === 'edit' ? this.view.detail : undefined;
    await this.act(
      async () => {
        const detail = existing
          ? await this.api!.patch<SubmissionDetail>(`${API}/submissions/${encodeURIComponent(existing.id)}`, body)
          : await this.api!.post<SubmissionDetail>(`${API}/submissions`, body);
        this.view = { kind: 'edit', detail };
        this.fieldErrors = {};
        this.linkTo(detail.id);
        void this.load();
      },
      t.draftSaved,
      (error: ApiError) => {
        const fields = error.fieldErrors();
        if (Object.keys(fields).length === 0) return false;
        this.fieldErrors = fields;
        void this.updateComplete.then(() => focusFirstError(this.renderRoot));
        return true;
      },
    );
  }

  async #send(detail: SubmissionDetail): Promise<void> {
    const t = issuerTexts();
    await this.act(async () => {
      const sent = await this.api!.post<SubmissionDetail>(`${API}/submissions/${encodeURIComponent(detail.id)}/send`, {});
      await this.#show({ kind: 'status', detail: sent });
      void this.load();
    }, t.sent);
  }

  async #withdraw(event: SubmitEvent, detail: SubmissionDetail): Promise<void> {
    event.preventDefault();
    const t = issuerTexts();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (!reason) {
      this.fieldErrors = { reason: t.reasonRequired };
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    await this.act(
      async () => {
        const withdrawn = await this.api!.post<SubmissionDetail>(`${API}/submissions/${encodeURIComponent(detail.id)}/withdraw`, { reason });
        this.view = { kind: 'status', detail: withdrawn };
        this.fieldErrors = {};
        void this.load();
      },
      t.withdrawn,
      (error) => (this.fieldErrors = error.fieldErrors())['reason'] !== undefined,
    );
  }

  async #uploaded(event: CustomEvent<SubmissionDetail>): Promise<void> {
    const detail = event.detail;
    this.view = detail.status === 'draft' ? { kind: 'edit', detail } : await this.#statusView(detail);
    void this.load();
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = { status: String(data.get('status') ?? ''), year: String(data.get('year') ?? '').trim() };
    this.offset = 0;
    void this.load();
  }

  override render() {
    const t = issuerTexts();
    if (!this.can(SUBMIT)) return html`<h1>${t.title}</h1><p class="note">${t.needSubmit}</p>`;
    const view = this.view;
    return html`<h1>${t.title}</h1>${this.renderStatus()}${view.kind === 'list' ? this.#renderList() : view.kind === 'edit' ? this.#renderEdit(view.detail) : this.#renderStatusPage(view.detail, view.returned)}`;
  }

  #renderList() {
    const t = issuerTexts();
    const c = commonTexts();
    const items = this.page?.items;
    return html`
      <div class="actions"><button type="button" class="primary" @click=${() => this.#show({ kind: 'edit' })}>${t.create}</button></div>
      <form class="row" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <div class="field"><label for="f-status">${c.status}</label><select id="f-status" name="status"><option value="">${c.all}</option>${STATUSES.map((s) => html`<option value=${s} ?selected=${this.filters.status === s}>${c.statuses[s]}</option>`)}</select></div>
        <div class="field"><label for="f-year">${c.year}</label><input id="f-year" name="year" type="number" min="2000" max="2200" inputmode="numeric" .value=${this.filters.year} /></div>
        <button type="submit">${c.filter}</button>
      </form>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.document}</th><th scope="col">${t.type}</th><th scope="col">${t.signedOn}</th><th scope="col">${c.status}</th><th scope="col">${t.deadlines}</th><th scope="col">${t.flags}</th></tr></thead>
              <tbody>${items.map(
                (s) => html`<tr>
                  <td><button type="button" class="link" aria-label=${t.openLabel(s.numberSymbol)} @click=${() => this.#open(s.id)}>${s.numberSymbol}</button><div>${s.summary}</div></td>
                  <td>${this.#typeName(s.documentType)}</td>
                  <td>${formatDate(s.signedOn)}</td>
                  <td>${statusBadge(s)}</td>
                  <td>${deadlinesCell(s)}</td>
                  <td>${flagCount(s.flags)}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${pager(this.offset, items?.length ?? 0, this.page?.total ?? 0, (offset) => { this.offset = offset; void this.load(); }, LIMIT)}
    `;
  }

  #typeName(code: string): string {
    const type = this.types.find((x) => x.code === code);
    return type ? pick(type.name) : code;
  }

  #renderEdit(detail: SubmissionDetail | undefined) {
    const t = issuerTexts();
    const c = commonTexts();
    const current = (role: 'original' | 'electronic') => detail?.files.some((f) => f.role === role && f.current) ?? false;
    const ready = current('original') && current('electronic');
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${c.back}</button></p>
      <h2 tabindex="-1">${detail ? t.editTitle(detail.numberSymbol) : t.newTitle}</h2>
      <form novalidate @submit=${(e: SubmitEvent) => this.#save(e)} aria-label=${t.facts}>
        ${Object.keys(this.fieldErrors).length ? html`<p class="error" role="alert">${attributeTexts().fixErrors(Object.keys(this.fieldErrors).length)}</p>` : nothing}
        ${attributeFields('sub', this.types, detail, this.fieldErrors)}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.saveDraft}</button></div>
      </form>
      ${detail
        ? html`<section class="panel" aria-labelledby="files-heading">
            <h2 id="files-heading">${t.filesTitle}</h2>
            <p class="note">${t.filesIntro}</p>
            ${filesTable(detail)}
            ${flagList(detail.flags)}
            <div class="grid">
              ${(['original', 'electronic'] as const).map(
                (role) => html`<gazette-file-upload file-role=${role} path=${`${API}/submissions/${detail.id}/${role}`} .tenant=${this.tenant?.id} .upload=${this.upload} @gazette-file-uploaded=${(e: CustomEvent<SubmissionDetail>) => this.#uploaded(e)}></gazette-file-upload>`,
              )}
            </div>
            <div class="actions">
              <button type="button" class="primary" ?disabled=${!ready || this.busy} aria-describedby=${ready ? nothing : 'send-hint'} @click=${() => this.#send(detail)}>${t.send}</button>
              ${ready ? nothing : html`<span class="note" id="send-hint">${t.sendNeedsFiles}</span>`}
            </div>
          </section>`
        : nothing}
    `;
  }

  #renderStatusPage(detail: SubmissionDetail, returned: RoundDetail | undefined) {
    const t = issuerTexts();
    const c = commonTexts();
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${c.back}</button></p>
      <h2 tabindex="-1">${detail.numberSymbol} ${statusBadge(detail)}</h2>
      <dl class="facts">
        <dt>${t.type}</dt><dd>${this.#typeName(detail.documentType)}</dd>
        <dt>${t.document}</dt><dd>${detail.summary}</dd>
        <dt>${t.issuer}</dt><dd>${detail.issuer.name}</dd>
        <dt>${t.office}</dt><dd>${detail.office.name}</dd>
        <dt>${t.signedOn}</dt><dd>${formatDate(detail.signedOn)}</dd>
        <dt>${t.sentAt}</dt><dd>${formatTime(detail.sentAt)}</dd>
        <dt>${t.registered}</dt><dd>${detail.register ? `${detail.register.label} · ${formatTime(detail.register.registeredAt)}` : c.none}</dd>
        <dt>${t.deadlines}</dt><dd>${deadlinesCell(detail)}</dd>
      </dl>
      ${flagList(detail.flags)}
      ${returned ? this.#renderReturned(detail, returned) : nothing}
      ${filesTable(detail)}
      ${timelineTable(detail)}
      ${CLOSED.includes(detail.status) ? nothing : this.#renderWithdraw(detail)}
    `;
  }

  #renderReturned(detail: SubmissionDetail, round: RoundDetail) {
    const t = issuerTexts();
    return html`<section class="panel" aria-labelledby="returned-heading">
      <h2 id="returned-heading">${t.returnedTitle(round.round)}</h2>
      <p>${t.returnedIntro}</p>
      ${discrepancyList(round.discrepancies, 'returned-discrepancies')}
      ${round.reviewerNotes.length ? html`<h3>${t.reviewerNotes}</h3><ul>${round.reviewerNotes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      <h3>${t.correctedTitle}</h3>
      ${detail.status === 'corrected' ? html`<p role="status">${t.correctedWaiting}</p>` : nothing}
      <div class="grid">
        ${(['electronic', 'original'] as const).map(
          (role) => html`<gazette-file-upload file-role=${role} remark-field path=${`${API}/submissions/${detail.id}/${role}`} .tenant=${this.tenant?.id} .upload=${this.upload} @gazette-file-uploaded=${(e: CustomEvent<SubmissionDetail>) => this.#uploaded(e)}></gazette-file-upload>`,
        )}
      </div>
    </section>`;
  }

  #renderWithdraw(detail: SubmissionDetail) {
    const t = issuerTexts();
    const error = this.fieldErrors['reason'];
    return html`<details>
      <summary>${t.withdraw}</summary>
      <form novalidate @submit=${(e: SubmitEvent) => this.#withdraw(e, detail)}>
        <div class="field">
          <label for="withdraw-reason">${t.withdrawReason}</label>
          <textarea id="withdraw-reason" name="reason" rows="2" maxlength="2000" required aria-required="true" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'withdraw-reason-error' : nothing}></textarea>
          ${error ? html`<span class="field-error" id="withdraw-reason-error">${error}</span>` : nothing}
        </div>
        <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>${t.withdraw}</button></div>
      </form>
    </details>`;
  }
}
