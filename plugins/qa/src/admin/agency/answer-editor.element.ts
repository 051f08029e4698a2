import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { commonTexts, fileSize, formatTime } from '../shared/common-messages.js';
import { downloadFile, type FileDownloader } from '../shared/download-file.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { ANSWER, API, APPROVE, ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, type AnswerView, type AttachmentView, type QuestionStatus } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { uploadAttachment, type FileUploader } from '../shared/upload-file.js';
import { answerTexts } from './answer-messages.js';

declare global {
  interface CongEventMap {
    /** The answer changed (saved, submitted, sent…); `detail` is the answer as the server now has it. */
    'qa-answer-changed': AnswerView;
  }
}

/** The question statuses in which an answer can be drafted and sent (mirrors the service's `ANSWERABLE`). */
const ANSWERABLE: readonly QuestionStatus[] = ['forwarded', 'waiting'];

/** The forms of the editor, each with its own field errors (the draft and a note both send `body`). */
type FormName = 'draft' | 'remarks' | 'file' | 'note';

/**
 * An agency's answer to one question (`qa.questions.answer`; QA-03, §5.5 item 4): the draft with its
 * revisions, saved as often as needed; files sent with it; internal notes; then, per the unit's
 * setting, submitting it for a leader's approval or sending it at once. A leader
 * (`qa.answers.approve`) approves a submitted answer, which sends it, or sends it back with remarks.
 *
 * @fires qa-answer-changed
 */
export class AnswerEditor extends QaPage {
  static override properties: PropertyDeclarations = {
    questionId: { attribute: 'question-id' },
    questionStatus: { attribute: false },
    view: { state: true },
    formErrors: { state: true },
    progress: { state: true },
    upload: { attribute: false },
    download: { attribute: false },
  };

  declare questionId: string;
  declare questionStatus: QuestionStatus | undefined;
  declare view: AnswerView | undefined;
  declare formErrors: Partial<Record<FormName, FieldErrors>>;
  /** The fraction of the file sent, while an upload runs. */
  declare progress: number | undefined;
  declare upload: FileUploader;
  declare download: FileDownloader;

  constructor() {
    super();
    this.formErrors = {};
    this.upload = uploadAttachment;
    this.download = downloadFile;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('questionId') && !changed.has('api') && this.api) {
      this.view = undefined;
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(ANSWER) || !this.questionId) return;
    try {
      const view = await api.get<AnswerView>(this.#path());
      if (api !== this.api) return;
      this.view = view;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #path(rest = '/answer'): string {
    return `${API}/inbox/${encodeURIComponent(this.questionId)}${rest}`;
  }

  #errors(form: FormName): FieldErrors {
    return this.formErrors[form] ?? {};
  }

  /** Runs a call whose answer is the answer view; the form's field errors go beside its fields. */
  async #call(form: FormName | undefined, work: () => Promise<AnswerView>, done: (view: AnswerView) => string): Promise<boolean> {
    let view: AnswerView | undefined;
    const ok = await this.act(
      async () => {
        view = await work();
        this.view = view;
        if (form) this.formErrors = { ...this.formErrors, [form]: {} };
        this.emit('qa-answer-changed', view);
      },
      () => done(view!),
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

  async #local(form: FormName, errors: FieldErrors): Promise<boolean> {
    this.formErrors = { ...this.formErrors, [form]: errors };
    if (Object.keys(errors).length === 0) return true;
    await this.focusFirstError();
    return false;
  }

  async #saveDraft(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = answerTexts();
    const body = textOf(new FormData(event.target as HTMLFormElement), 'body');
    if (!(await this.#local('draft', body ? {} : { body: t.required }))) return;
    await this.#call('draft', () => this.api!.put<AnswerView>(this.#path(), { body }), (v) => t.saved(v.answer?.revision ?? 1));
  }

  async #addNote(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = answerTexts();
    const form = event.target as HTMLFormElement;
    const body = textOf(new FormData(form), 'body');
    if (!(await this.#local('note', body ? {} : { body: t.required }))) return;
    if (await this.#call('note', () => this.api!.post<AnswerView>(this.#path('/notes'), { body }), () => t.noteAdded)) form.reset();
  }

  async #sendBack(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = answerTexts();
    const remarks = textOf(new FormData(event.target as HTMLFormElement), 'remarks');
    if (!(await this.#local('remarks', remarks ? {} : { remarks: t.remarksRequired }))) return;
    await this.#call('remarks', () => this.api!.post<AnswerView>(this.#path('/answer/send-back'), { remarks }), () => t.sentBack);
  }

  async #attach(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = answerTexts();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type=file]')!;
    const file = input.files?.[0];
    if (!(await this.#local('file', !file ? { file: t.chooseFile } : file.size > ATTACHMENT_MAX_BYTES ? { file: t.tooBig } : {}))) return;
    this.progress = 0;
    this.announce(t.uploading(file!.name));
    const ok = await this.#call('file', () => this.upload(this.#path('/answer/attachments'), file!, { ...(this.tenant ? { tenant: this.tenant.id } : {}), onProgress: (f) => (this.progress = f) }), () => t.uploaded(file!.name));
    this.progress = undefined;
    if (ok) input.value = '';
  }

  async #detach(file: AttachmentView): Promise<void> {
    await this.#call(undefined, () => this.api!.delete<AnswerView>(this.#path(`/answer/attachments/${encodeURIComponent(file.id)}`)), () => answerTexts().removedFile(file.name));
  }

  async #fetch(file: AttachmentView): Promise<void> {
    try {
      await this.download(this.#path(`/answer/attachments/${encodeURIComponent(file.id)}`), { fileName: file.name, ...(this.tenant ? { tenant: this.tenant.id } : {}) });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  override render() {
    const v = this.view;
    if (!v) return html`${this.renderStatus()}${this.error ? nothing : html`<p>${commonTexts().loading}</p>`}`;
    const t = answerTexts();
    const a = v.answer;
    const status = a?.status ?? 'none';
    const answerable = ANSWERABLE.includes(this.questionStatus ?? v.questionStatus);
    const editable = answerable && (!a || a.status === 'draft');
    const e = this.#errors('draft');
    return html`
      ${this.renderStatus()}
      <dl class="facts">
        <dt>${t.state}</dt><dd><span class="badge" data-status=${status}>${t.states[status]}</span>${a?.submittedBy && a.status === 'pending' ? html` <span class="note">${t.submittedBy(a.submittedBy, formatTime(a.submittedAt))}</span>` : nothing}</dd>
        ${a?.sentAt ? html`<dt>${t.sentAt}</dt><dd>${formatTime(a.sentAt)}</dd>` : nothing}
        ${a?.remarks && a.status === 'draft' ? html`<dt>${t.remarks}</dt><dd>${a.remarks}</dd>` : nothing}
      </dl>
      <p class="note">${v.requiresApproval ? t.approvalRequired : t.approvalNotRequired}</p>
      ${editable
        ? html`<form novalidate aria-label=${t.draft} @submit=${(ev: SubmitEvent) => this.#saveDraft(ev)}>
            ${field('a-body', t.draft, e['body'], (d, bad) => html`<textarea id="a-body" name="body" rows="10" required aria-required="true" .value=${a?.body ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`, t.draftHint)}
            <div class="actions">
              <button type="submit" ?disabled=${this.busy}>${t.saveDraft}</button>
              ${a
                ? v.requiresApproval
                  ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#call(undefined, () => this.api!.post<AnswerView>(this.#path('/answer/submit')), () => t.submitted)}>${t.submit}</button>`
                  : html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#call(undefined, () => this.api!.post<AnswerView>(this.#path('/answer/send')), () => t.sent)}>${t.send}</button>`
                : nothing}
            </div>
          </form>`
        : html`${a ? html`<p class="text-block">${a.body}</p>` : nothing}<p class="note">${answerable ? t.readOnly : t.notAnswerable}</p>`}
      ${a?.status === 'pending' && answerable && this.can(APPROVE) ? this.#renderApproval() : nothing}
      ${a && a.revisions.length
        ? html`<details>
            <summary>${t.revisions(a.revisions.length)}</summary>
            ${[...a.revisions].reverse().map((r) => html`<h4>${t.revision(r.number, r.author, formatTime(r.at))}</h4><p class="text-block">${r.body}</p>`)}
          </details>`
        : nothing}
      ${this.#renderAttachments(v, editable)}
      ${this.#renderNotes(v)}
    `;
  }

  #renderApproval() {
    const t = answerTexts();
    const e = this.#errors('remarks');
    return html`<div class="panel">
      <div class="actions"><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#call(undefined, () => this.api!.post<AnswerView>(this.#path('/answer/approve')), () => t.approved)}>${t.approve}</button></div>
      <form novalidate aria-labelledby="a-send-back-title" @submit=${(ev: SubmitEvent) => this.#sendBack(ev)}>
        <h4 id="a-send-back-title">${t.sendBackTitle}</h4>
        ${field('a-remarks', t.remarksField, e['remarks'], (d, bad) => html`<textarea id="a-remarks" name="remarks" rows="3" maxlength="2000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.sendBack}</button></div>
      </form>
    </div>`;
  }

  #renderAttachments(v: AnswerView, editable: boolean) {
    const t = answerTexts();
    const files = v.answer?.attachments ?? [];
    const e = this.#errors('file');
    return html`<section class="panel" aria-labelledby="a-files-title">
      <h4 id="a-files-title">${t.attachments}</h4>
      <p class="note">${t.attachmentsHint}</p>
      ${files.length === 0
        ? html`<p>${t.noAttachments}</p>`
        : html`<ul class="plain">${files.map(
            (f) => html`<li>${f.name} <span class="note">(${fileSize(f.size)}, ${f.author}, ${formatTime(f.at)})</span>
              <button type="button" class="link" aria-label=${t.downloadLabel(f.name)} @click=${() => this.#fetch(f)}>${t.download}</button>
              ${editable ? html`<button type="button" class="link" aria-label=${t.removeFileLabel(f.name)} ?disabled=${this.busy} @click=${() => this.#detach(f)}>${t.removeFile}</button>` : nothing}</li>`,
          )}</ul>`}
      ${editable && v.answer
        ? html`<form class="row" novalidate aria-label=${t.attachments} @submit=${(ev: SubmitEvent) => this.#attach(ev)}>
            ${field('a-file', t.file, e['file'], (d, bad) => html`<input id="a-file" name="file" type="file" accept=${ATTACHMENT_ACCEPT} aria-describedby=${d} aria-invalid=${bad} />`)}
            <button type="submit" ?disabled=${this.busy}>${t.upload}</button>
            ${this.progress !== undefined ? html`<progress max="1" .value=${this.progress} aria-label=${t.uploading('')}></progress>` : nothing}
          </form>`
        : editable
          ? html`<p class="note">${t.attachmentsNeedDraft}</p>`
          : nothing}
    </section>`;
  }

  #renderNotes(v: AnswerView) {
    const t = answerTexts();
    const e = this.#errors('note');
    return html`<section class="panel" aria-labelledby="a-notes-title">
      <h4 id="a-notes-title">${t.notes}</h4>
      <p class="note">${t.notesHint}</p>
      ${v.notes.length === 0 ? html`<p>${t.noNotes}</p>` : html`<ul class="plain">${v.notes.map((n) => html`<li><span class="note">${n.author} · ${formatTime(n.at)}</span><div class="text-block">${n.body}</div></li>`)}</ul>`}
      <form novalidate aria-label=${t.notes} @submit=${(ev: SubmitEvent) => this.#addNote(ev)}>
        ${field('a-note', t.noteField, e['body'], (d, bad) => html`<textarea id="a-note" name="body" rows="2" maxlength="4000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.addNote}</button></div>
      </form>
    </section>`;
  }
}
