import { html, nothing, type PropertyDeclarations } from 'lit';
import { ApiError, CongElement, localized } from '@cong/sdk/admin';
import { commonTexts, pick } from './common-messages.js';
import { ACCEPT, type FileRole, type SubmissionDetail } from './gazette-api.js';
import { gazetteStyles } from './gazette.styles.js';
import { uploadSubmissionFile, type FileUploader } from './upload-file.js';

declare global {
  interface CongEventMap {
    /** A file went up; `detail` is the submission as the server now has it (files, flags, status). */
    'gazette-file-uploaded': SubmissionDetail;
  }
}

const messages = {
  vi: {
    choose: 'Chọn tệp',
    upload: 'Tải lên',
    remark: 'Ghi chú kèm tệp (không bắt buộc)',
    noFile: 'Hãy chọn một tệp',
    progress: (name: string) => `Đang tải lên ${name}`,
    uploaded: (name: string) => `Đã tải lên ${name}`,
    serverFlags: 'Máy chủ lưu ý',
  },
  en: {
    choose: 'Choose a file',
    upload: 'Upload',
    remark: 'Remark with the file (optional)',
    noFile: 'Choose a file',
    progress: (name: string) => `Uploading ${name}`,
    uploaded: (name: string) => `${name} uploaded`,
    serverFlags: 'The server notes',
  },
};

/**
 * Uploads the signed original or the electronic copy of a submission to `path` (a `PUT …/original` or
 * `…/electronic` route), showing the progress and the server's answer: its refusal at the field, or the
 * intake flags of the submission after the upload. Fires `gazette-file-uploaded` with the submission.
 *
 * @fires gazette-file-uploaded
 */
export class GazetteFileUpload extends CongElement {
  static override styles = gazetteStyles;

  static override properties: PropertyDeclarations = {
    fileRole: { attribute: 'file-role' },
    path: {},
    tenant: {},
    remarkField: { type: Boolean, attribute: 'remark-field' },
    disabled: { type: Boolean },
    upload: { attribute: false },
    progress: { state: true },
    error: { state: true },
    result: { state: true },
  };

  /** Which file: the signed original or the electronic copy. (Not `role`: that is the ARIA attribute.) */
  declare fileRole: FileRole;
  declare path: string;
  /** The unit, sent as `X-Cong-Tenant`. */
  declare tenant: string | undefined;
  /** Offer a remark (for a corrected copy). */
  declare remarkField: boolean;
  declare disabled: boolean;
  /** How files go up; the XMLHttpRequest uploader unless a test or host sets another. */
  declare upload: FileUploader;
  declare progress: number | undefined;
  declare error: string | undefined;
  declare result: { readonly message: string; readonly detail: SubmissionDetail } | undefined;

  constructor() {
    super();
    this.fileRole = 'original';
    this.path = '';
    this.remarkField = false;
    this.disabled = false;
    this.upload = uploadSubmissionFile;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = localized(messages);
    const form = event.target as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = input.files?.[0];
    if (!file) {
      this.error = t.noFile;
      await this.updateComplete;
      input.focus();
      return;
    }
    const remark = String(new FormData(form).get('remark') ?? '');
    this.error = undefined;
    this.result = undefined;
    this.progress = 0;
    try {
      const detail = await this.upload(this.path, file, { ...(this.tenant ? { tenant: this.tenant } : {}), ...(remark.trim() ? { remark } : {}), onProgress: (p) => (this.progress = p) });
      this.result = { message: t.uploaded(file.name), detail };
      form.reset();
      this.emit('gazette-file-uploaded', detail);
    } catch (error) {
      this.error = error instanceof ApiError ? (error.fieldErrors()['file'] ?? error.message) : commonTexts().failed;
    } finally {
      this.progress = undefined;
    }
  }

  override render() {
    const t = localized(messages);
    const id = `file-${this.fileRole}`;
    const label = commonTexts().roles[this.fileRole];
    const uploading = this.progress !== undefined;
    return html`<form @submit=${(e: SubmitEvent) => this.#submit(e)} aria-label=${label} novalidate>
      <div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} type="file" name="file" accept=${ACCEPT[this.fileRole]} ?disabled=${this.disabled || uploading} aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? `${id}-error` : nothing} />
        ${this.error ? html`<span class="field-error" id=${`${id}-error`}>${this.error}</span>` : nothing}
      </div>
      ${this.remarkField ? html`<div class="field"><label for=${`${id}-remark`}>${t.remark}</label><input id=${`${id}-remark`} name="remark" maxlength="2000" /></div>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.disabled || uploading}>${t.upload}</button>
        ${uploading ? html`<progress max="1" .value=${this.progress ?? 0} aria-label=${t.progress(label)}></progress>` : nothing}
      </div>
      <div role="status">
        ${this.result
          ? html`<p>${this.result.message}</p>${this.result.detail.flags.length ? html`<span class="label">${t.serverFlags}</span><ul class="flags">${this.result.detail.flags.map((f) => html`<li>${pick(f.message)}</li>`)}</ul>` : nothing}`
          : nothing}
      </div>
    </form>`;
  }
}
