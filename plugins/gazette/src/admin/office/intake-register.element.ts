import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ApiError } from '@cong/sdk/admin';
import { attributeFields, field, focusFirstError, readAttributes, type FieldErrors } from '../shared/attribute-fields.js';
import { attributeTexts } from '../shared/attribute-messages.js';
import { commonTexts, formatDate, formatTime, pick } from '../shared/common-messages.js';
import '../shared/file-upload.js';
import { API, CHANNELS, RECEIVE, ROUTES, STATUSES, type DocumentType, type Page, type Submission, type SubmissionDetail } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { deadlinesCell, filesTable, flagCount, flagList, pager, statusBadge, timelineTable } from '../shared/submission-views.js';
import { uploadSubmissionFile, type FileUploader } from '../shared/upload-file.js';
import { officeTexts } from './office-messages.js';

const LIMIT = 20;

export type RegisterView = { readonly kind: 'list' } | { readonly kind: 'detail'; readonly detail: SubmissionDetail } | { readonly kind: 'on-behalf' };

/** A `datetime-local` value read as Vietnam time (UTC+7, no daylight saving), as an ISO instant. */
export function vietnamInstant(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return undefined;
  const date = new Date(`${local.length === 16 ? `${local}:00` : local}+07:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * "Sổ tiếp nhận" (`gazette.receive`): every document the units of the office's tree sent, filtered by
 * status, issuer and year of registration; registering one (vào sổ, the next number of the year); and
 * entering a document received outside the portal on its issuer's behalf (GAZ-17): its details, both
 * files, then registering it with the time it actually arrived.
 */
export class IntakeRegister extends GazettePage {
  static override properties: PropertyDeclarations = {
    page: { state: true },
    offset: { state: true },
    filters: { state: true },
    issuers: { state: true },
    types: { state: true },
    view: { state: true },
    fieldErrors: { state: true },
    upload: { attribute: false },
  };

  declare page: Page<Submission> | undefined;
  declare offset: number;
  declare filters: { readonly status: string; readonly issuerUnitId: string; readonly registerYear: string };
  /** The issuers seen so far, for the filter (the register has no list of units of its own). */
  declare issuers: ReadonlyMap<string, string>;
  declare types: readonly DocumentType[];
  declare view: RegisterView;
  declare fieldErrors: FieldErrors;
  declare upload: FileUploader;

  protected override readonly route = ROUTES.register;

  constructor() {
    super();
    this.offset = 0;
    this.filters = { status: '', issuerUnitId: '', registerYear: '' };
    this.issuers = new Map();
    this.types = [];
    this.view = { kind: 'list' };
    this.fieldErrors = {};
    this.upload = uploadSubmissionFile;
  }

  protected override unitChanged(): void {
    this.view = { kind: 'list' };
    this.offset = 0;
    this.issuers = new Map();
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(RECEIVE)) return;
    const f = this.filters;
    try {
      const [page, types] = await Promise.all([
        api.get<Page<Submission>>(`${API}/intake`, { query: { status: f.status || undefined, issuerUnitId: f.issuerUnitId || undefined, registerYear: f.registerYear || undefined, limit: LIMIT, offset: this.offset } }),
        this.types.length ? Promise.resolve({ items: this.types }) : api.get<{ items: DocumentType[] }>(`${API}/document-types`),
      ]);
      if (api !== this.api) return;
      this.page = page;
      this.types = types.items;
      const issuers = new Map(this.issuers);
      for (const s of page.items) issuers.set(s.issuer.id, s.issuer.name);
      this.issuers = issuers;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  protected override followLink(id: string | undefined): void {
    if (id) void this.#open(id);
    else void this.#show({ kind: 'list' });
  }

  async #show(view: RegisterView): Promise<void> {
    this.view = view;
    this.linkTo(view.kind === 'detail' ? view.detail.id : undefined);
    this.fieldErrors = {};
    this.error = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  async #open(id: string): Promise<void> {
    try {
      await this.#show({ kind: 'detail', detail: await this.api!.get<SubmissionDetail>(`${API}/intake/${encodeURIComponent(id)}`) });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #register(submission: Submission, body: { receivedAt?: string; remark?: string } = {}): Promise<void> {
    let label = '';
    await this.act(
      async () => {
        const detail = await this.api!.post<SubmissionDetail>(`${API}/intake/${encodeURIComponent(submission.id)}/register`, body);
        label = detail.register?.label ?? '';
        if (this.view.kind === 'detail') this.view = { kind: 'detail', detail };
        await this.load();
      },
      () => officeTexts().registered(label),
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
  }

  async #registerEntered(event: SubmitEvent, detail: SubmissionDetail): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const local = String(data.get('receivedAt') ?? '').trim();
    const remark = String(data.get('remark') ?? '').trim();
    const receivedAt = local ? vietnamInstant(local) : undefined;
    if (local && !receivedAt) {
      this.fieldErrors = { receivedAt: attributeTexts().badDate };
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    await this.#register(detail, { ...(receivedAt ? { receivedAt } : {}), ...(remark ? { remark } : {}) });
  }

  async #createOnBehalf(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = officeTexts();
    const form = event.target as HTMLFormElement;
    const { body, errors } = readAttributes(form);
    const data = new FormData(form);
    const issuerUnitId = String(data.get('issuerUnitId') ?? '').trim();
    const sourceChannel = String(data.get('sourceChannel') ?? 'email');
    const all: Record<string, string> = { ...errors };
    if (!issuerUnitId) all['issuerUnitId'] = t.issuerRequired;
    this.fieldErrors = all;
    if (Object.keys(all).length) {
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    await this.act(
      async () => {
        const detail = await this.api!.post<SubmissionDetail>(`${API}/intake`, { issuerUnitId, sourceChannel, ...body });
        await this.#show({ kind: 'detail', detail });
      },
      t.created,
      (error: ApiError) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    this.filters = { status: value('status'), issuerUnitId: value('issuerUnitId'), registerYear: value('registerYear') };
    this.offset = 0;
    void this.load();
  }

  override render() {
    const t = officeTexts();
    if (!this.can(RECEIVE)) return html`<h1>${t.registerTitle}</h1><p class="note">${t.needReceive}</p>`;
    const view = this.view;
    return html`<h1>${t.registerTitle}</h1>${this.renderStatus()}${view.kind === 'list' ? this.#renderList() : view.kind === 'detail' ? this.#renderDetail(view.detail) : this.#renderOnBehalf()}`;
  }

  #typeName(code: string): string {
    const type = this.types.find((x) => x.code === code);
    return type ? pick(type.name) : code;
  }

  #renderList() {
    const t = officeTexts();
    const c = commonTexts();
    const items = this.page?.items;
    const f = this.filters;
    return html`
      <div class="actions"><button type="button" @click=${() => this.#show({ kind: 'on-behalf' })}>${t.enterOnBehalf}</button></div>
      <form class="row" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <div class="field"><label for="r-status">${c.status}</label><select id="r-status" name="status"><option value="">${c.all}</option>${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${c.statuses[s]}</option>`)}</select></div>
        <div class="field"><label for="r-issuer">${t.issuer}</label><select id="r-issuer" name="issuerUnitId"><option value="">${t.allIssuers}</option>${[...this.issuers].map(([id, name]) => html`<option value=${id} ?selected=${f.issuerUnitId === id}>${name}</option>`)}</select></div>
        <div class="field"><label for="r-year">${t.registerYear}</label><input id="r-year" name="registerYear" type="number" min="2000" max="2200" inputmode="numeric" .value=${f.registerYear} /></div>
        <button type="submit">${c.filter}</button>
      </form>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.registerTitle}</caption>
              <thead><tr><th scope="col">${t.registerNumber}</th><th scope="col">${t.document}</th><th scope="col">${t.issuer}</th><th scope="col">${t.sentAt}</th><th scope="col">${c.status}</th><th scope="col">${t.deadlines}</th><th scope="col">${t.flags}</th><th scope="col"><span class="visually-hidden">${t.open}</span></th></tr></thead>
              <tbody>${items.map(
                (s) => html`<tr>
                  <td>${s.register?.label ?? ''}</td>
                  <td><strong>${s.numberSymbol}</strong> · ${this.#typeName(s.documentType)}<div>${s.summary}</div></td>
                  <td>${s.issuer.name}<div class="note">${commonTexts().channels[s.sourceChannel]}</div></td>
                  <td>${formatTime(s.sentAt)}</td>
                  <td>${statusBadge(s)}</td>
                  <td>${deadlinesCell(s)}</td>
                  <td>${flagCount(s.flags)}</td>
                  <td><div class="actions">
                    <button type="button" aria-label=${t.openLabel(s.numberSymbol)} @click=${() => this.#open(s.id)}>${t.open}</button>
                    ${s.status === 'sent' ? html`<button type="button" class="primary" aria-label=${t.registerLabel(s.numberSymbol)} ?disabled=${this.busy} @click=${() => this.#register(s)}>${t.register}</button>` : nothing}
                  </div></td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${pager(this.offset, items?.length ?? 0, this.page?.total ?? 0, (offset) => { this.offset = offset; void this.load(); }, LIMIT)}
    `;
  }

  #renderDetail(detail: SubmissionDetail) {
    const t = officeTexts();
    const c = commonTexts();
    const enteredDraft = detail.status === 'draft' && detail.origin === 'office';
    const ready = (['original', 'electronic'] as const).every((role) => detail.files.some((f) => f.role === role && f.current));
    const receivedError = this.fieldErrors['receivedAt'];
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${c.back}</button></p>
      <h2 tabindex="-1">${detail.numberSymbol} ${statusBadge(detail)}</h2>
      <dl class="facts">
        <dt>${t.document}</dt><dd>${this.#typeName(detail.documentType)} · ${detail.summary}</dd>
        <dt>${t.issuer}</dt><dd>${detail.issuer.name}</dd>
        <dt>${t.channel}</dt><dd>${c.channels[detail.sourceChannel]}</dd>
        <dt>${t.sentAt}</dt><dd>${formatTime(detail.sentAt)}</dd>
        <dt>${t.registerNumber}</dt><dd>${detail.register ? `${detail.register.label} · ${formatTime(detail.register.registeredAt)}` : c.none}</dd>
        <dt>${t.deadlines}</dt><dd>${deadlinesCell(detail)}</dd>
        <dt>${attributeTexts().signedOn}</dt><dd>${formatDate(detail.signedOn)}</dd>
      </dl>
      ${flagList(detail.flags)}
      ${detail.status === 'sent' ? html`<div class="actions"><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#register(detail)}>${t.register}</button></div>` : nothing}
      ${enteredDraft
        ? html`<section class="panel" aria-labelledby="entered-files">
            <h2 id="entered-files">${c.files}</h2>
            <div class="grid">${(['original', 'electronic'] as const).map(
              (role) => html`<gazette-file-upload file-role=${role} path=${`${API}/intake/${detail.id}/${role}`} .tenant=${this.tenant?.id} .upload=${this.upload} @gazette-file-uploaded=${(e: CustomEvent<SubmissionDetail>) => (this.view = { kind: 'detail', detail: e.detail })}></gazette-file-upload>`,
            )}</div>
            <form novalidate @submit=${(e: SubmitEvent) => this.#registerEntered(e, detail)} aria-label=${t.register}>
              ${field('received-at', t.receivedAt, receivedError, (d, bad) => html`<input id="received-at" name="receivedAt" type="datetime-local" aria-describedby=${d} aria-invalid=${bad} />`, t.receivedAtHint)}
              ${field('register-remark', t.remark, undefined, (d) => html`<input id="register-remark" name="remark" maxlength="2000" aria-describedby=${d} />`)}
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${!ready || this.busy} aria-describedby=${ready ? nothing : 'register-hint'}>${t.register}</button>
                ${ready ? nothing : html`<span class="note" id="register-hint">${t.registerNeedsFiles}</span>`}
              </div>
            </form>
          </section>`
        : nothing}
      ${filesTable(detail)}
      ${timelineTable(detail)}
    `;
  }

  #renderOnBehalf() {
    const t = officeTexts();
    const c = commonTexts();
    const e = this.fieldErrors;
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${c.back}</button></p>
      <h2 tabindex="-1">${t.onBehalfTitle}</h2>
      <p class="note">${t.onBehalfIntro}</p>
      <form novalidate @submit=${(ev: SubmitEvent) => this.#createOnBehalf(ev)} aria-label=${t.onBehalfTitle}>
        ${Object.keys(e).length ? html`<p class="error" role="alert">${attributeTexts().fixErrors(Object.keys(e).length)}</p>` : nothing}
        <div class="grid">
          ${field('ob-issuer', t.issuerUnit, e['issuerUnitId'], (d, bad) => html`<input id="ob-issuer" name="issuerUnitId" maxlength="64" required aria-required="true" list="ob-issuers" aria-describedby=${d} aria-invalid=${bad} /><datalist id="ob-issuers">${[...this.issuers].map(([id, name]) => html`<option value=${id}>${name}</option>`)}</datalist>`)}
          ${field('ob-channel', t.sourceChannel, e['sourceChannel'], (d, bad) => html`<select id="ob-channel" name="sourceChannel" aria-describedby=${d} aria-invalid=${bad}>${CHANNELS.filter((ch) => ch !== 'portal').map((ch) => html`<option value=${ch}>${c.channels[ch]}</option>`)}</select>`)}
        </div>
        ${attributeFields('ob', this.types, undefined, e)}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.create}</button></div>
      </form>
    `;
  }
}
