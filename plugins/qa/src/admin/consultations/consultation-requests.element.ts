import { html, nothing, type PropertyDeclarations } from 'lit';
import { commonTexts, formatDate, formatTime } from '../shared/common-messages.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { API, CONSULTATION_REPLY, DOSSIER_ACCEPT, DOSSIER_MAX_BYTES, type ConsultationRequest, type ConsulteeView } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { uploadFile, type FileUploader } from '../shared/upload-file.js';
import { consultationTexts } from './consultation-messages.js';

/**
 * "Dự thảo được lấy ý kiến" (`qa.consultations.reply`, a consulted unit; QA-21): the drafts the unit is
 * consulted on, with their deadlines, and for each the unit's opinion: its text, and the signed file
 * (PDF or DOCX) that replaces an earlier one. A reply after the deadline is taken and flagged late.
 */
export class ConsultationRequests extends QaPage {
  static override properties: PropertyDeclarations = {
    items: { state: true },
    formErrors: { state: true },
    progress: { state: true },
    upload: { attribute: false },
  };

  declare items: readonly ConsultationRequest[] | undefined;
  /** Field errors by consultation id. */
  declare formErrors: Readonly<Record<string, FieldErrors>>;
  declare progress: number | undefined;
  declare upload: FileUploader<ConsulteeView>;

  constructor() {
    super();
    this.formErrors = {};
    this.upload = uploadFile;
  }

  protected override unitChanged(): void {
    this.items = undefined;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(CONSULTATION_REPLY)) return;
    try {
      const list = await api.get<{ items: ConsultationRequest[] }>(`${API}/consultation-requests`);
      if (api !== this.api) return;
      this.items = list.items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #replaced(id: string, consultee: ConsulteeView): void {
    this.items = this.items?.map((r) => (r.consultationId === id ? { ...r, ...consultee } : r));
  }

  async #errors(id: string, errors: FieldErrors): Promise<boolean> {
    this.formErrors = { ...this.formErrors, [id]: errors };
    if (Object.keys(errors).length === 0) return true;
    await this.focusFirstError();
    return false;
  }

  async #send(event: SubmitEvent, request: ConsultationRequest): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const id = request.consultationId;
    const form = event.target as HTMLFormElement;
    const text = textOf(new FormData(form), 'text');
    const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = input.files?.[0];
    const errors: Record<string, string> = {};
    if (!text && !file && !request.reply) errors['text'] = t.required;
    if (file && file.size > DOSSIER_MAX_BYTES) errors['file'] = t.tooBig;
    if (!(await this.#errors(id, errors))) return;
    const path = `${API}/consultation-requests/${encodeURIComponent(id)}/reply`;
    const ok = await this.act(
      async () => {
        if (text) this.#replaced(id, await this.api!.put<ConsulteeView>(path, { text }));
        if (file) {
          this.progress = 0;
          this.#replaced(id, await this.upload(`${path}/file`, file, { ...(this.tenant ? { tenant: this.tenant.id } : {}), onProgress: (f) => (this.progress = f) }));
        }
        this.formErrors = { ...this.formErrors, [id]: {} };
      },
      t.replySent,
      (error) => {
        const fields = error.fieldErrors();
        this.formErrors = { ...this.formErrors, [id]: fields };
        return Object.keys(fields).length > 0;
      },
    );
    this.progress = undefined;
    if (ok) input.value = '';
    else await this.focusFirstError();
  }

  override render() {
    const t = consultationTexts();
    if (!this.can(CONSULTATION_REPLY)) return html`<h1>${t.requestsTitle}</h1><p class="note">${t.needReply}</p>`;
    const items = this.items;
    return html`<h1 tabindex="-1">${t.requestsTitle}</h1>${this.renderStatus()}
      <p class="note">${t.requestsIntro}</p>
      ${!items
        ? this.error ? nothing : html`<p>${commonTexts().loading}</p>`
        : items.length === 0
          ? html`<p>${t.noRequests}</p>`
          : items.map((r) => this.#renderRequest(r))}`;
  }

  #renderRequest(r: ConsultationRequest) {
    const t = consultationTexts();
    const e = this.formErrors[r.consultationId] ?? {};
    const id = (what: string) => `cr-${what}-${r.consultationId}`;
    return html`<section class="panel" data-request=${r.consultationId} aria-labelledby=${id('title')}>
      <h2 id=${id('title')}>${r.title}</h2>
      <dl class="facts">
        <dt>${t.draftingUnit}</dt><dd>${r.draftingUnit?.name ?? commonTexts().none}</dd>
        <dt>${t.deadline}</dt><dd>${formatDate(r.deadlineOn)}</dd>
        <dt>${t.publicPage}</dt><dd><a href=${`/gop-y-du-thao/${r.slug}`} target="_blank" rel="noopener">/gop-y-du-thao/${r.slug}</a></dd>
        <dt>${t.yourReply}</dt><dd>${r.reply
          ? html`${t.repliedAt(formatTime(r.reply.at))} ${r.reply.late ? html`<span class="badge" data-state="met-late">${t.late}</span>` : nothing}${r.reply.file ? html` · ${r.reply.file.name}` : nothing}`
          : html`<span class="badge" data-status="pending">${t.noReply}</span>`}</dd>
      </dl>
      <form novalidate aria-label=${t.requestLegend(r.title)} @submit=${(ev: SubmitEvent) => this.#send(ev, r)}>
        ${field(id('text'), t.yourReply, e['text'], (d, bad) => html`<textarea id=${id('text')} name="text" rows="5" maxlength="50000" .value=${r.reply?.text ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        ${field(id('file'), t.replyFile, e['file'], (d, bad) => html`<input id=${id('file')} name="file" type="file" accept=${DOSSIER_ACCEPT} aria-describedby=${d} aria-invalid=${bad} />`, t.replyFileHint)}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.sendReply}</button>
          ${this.progress !== undefined ? html`<progress max="1" .value=${this.progress} aria-label=${t.uploading('')}></progress>` : nothing}</div>
      </form>
    </section>`;
  }
}
