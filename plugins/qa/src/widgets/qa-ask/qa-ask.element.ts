import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, fetchJson, postFile, postJson, publicApiUrl, safeHref, unitBase, widgetLanguage, type WidgetLanguage } from '../widget-support.js';
import { qaAskStyles } from './qa-ask.styles.js';
import { solveProof } from './solve-proof.js';

/** What `GET /api/qa/public/form` answers (the fields the widget uses). */
interface FormDescriptor {
  readonly fields: readonly { readonly code: string; readonly name: string; readonly nameEn: string }[];
  readonly consent: { readonly vi: string; readonly en: string };
  readonly formToken: string;
  readonly limits: { readonly titleMaxLength: number; readonly contentMaxLength: number; readonly attachmentsMaxCount?: number; readonly attachmentMaxBytes?: number };
  /** Present while the server asks for a proof-of-work: solved before the question is posted. */
  readonly proof?: { readonly challenge: string; readonly bits: number; readonly expiresAt: string };
}

/** A file attached to the question, as `POST /api/qa/public/questions/attachments` lists it. */
interface AttachedFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
}

type FieldName = 'name' | 'email' | 'phone' | 'field' | 'title' | 'content' | 'consentProcessing';
const FIELD_NAMES: readonly FieldName[] = ['name', 'email', 'phone', 'field', 'title', 'content', 'consentProcessing'];

const messages = {
  vi: {
    title: 'Gửi câu hỏi',
    loading: 'Đang tải biểu mẫu…',
    failed: 'Không tải được biểu mẫu. Xin thử lại sau.',
    required: 'Các mục có dấu * là bắt buộc.',
    name: 'Họ và tên *',
    email: 'E-mail *',
    phone: 'Số điện thoại',
    field: 'Lĩnh vực *',
    questionTitle: 'Tiêu đề *',
    content: 'Nội dung câu hỏi *',
    consentProcessing: 'Tôi đồng ý để cơ quan nhà nước xử lý thông tin cá nhân nêu trên cho mục đích này *',
    consentPublish: 'Tôi đồng ý công khai câu hỏi và câu trả lời (đã che thông tin cá nhân)',
    send: 'Gửi câu hỏi',
    sending: 'Đang gửi…',
    checking: 'Đang kiểm tra…',
    proofFailed: 'Biểu mẫu cần được kiểm tra lại nên vừa được tải lại. Vui lòng gửi lại.',
    noCrypto: 'Trình duyệt này không chạy được bước kiểm tra chống gửi tự động của biểu mẫu. Vui lòng dùng trang gửi câu hỏi đầy đủ.',
    invalid: 'Chưa hợp lệ',
    missing: 'Bắt buộc',
    notSent: 'Câu hỏi chưa được gửi. Vui lòng kiểm tra các mục được đánh dấu.',
    tooFast: 'Bạn gửi quá nhanh sau khi mở biểu mẫu. Vui lòng đợi vài giây rồi gửi lại.',
    expired: 'Biểu mẫu đã cũ và vừa được tải lại. Vui lòng gửi lại.',
    limited: 'Bạn đã gửi quá nhiều lần. Vui lòng thử lại sau.',
    error: 'Không gửi được câu hỏi. Xin thử lại sau.',
    doneTitle: 'Vui lòng kiểm tra e-mail',
    done: (hours: number) => `Chúng tôi đã gửi một liên kết xác nhận đến địa chỉ e-mail của bạn. Câu hỏi chỉ được tiếp nhận sau khi bạn mở liên kết và bấm "Xác nhận" (trong ${hours} giờ).`,
    fullForm: 'Mở trang gửi câu hỏi đầy đủ',
    attachTitle: 'Tệp đính kèm (nếu có)',
    attachHint: (count: number, mb: string) => `Trước khi xác nhận qua e-mail, bạn có thể đính kèm tối đa ${count} tệp PDF, JPEG, PNG hoặc DOCX, mỗi tệp tối đa ${mb}.`,
    chooseFile: 'Chọn tệp',
    attach: 'Đính kèm',
    attaching: 'Đang tải lên…',
    attached: (name: string) => `Đã đính kèm ${name}.`,
    fileType: 'Loại tệp này không được nhận: chỉ nhận PDF, JPEG, PNG, DOCX.',
    fileSize: (mb: string) => `Tệp quá lớn: tối đa ${mb}.`,
    fileCount: 'Đã đủ số tệp tối đa.',
    fileClosed: 'Câu hỏi đã được xác nhận hoặc hết hạn: không nhận thêm tệp.',
    fileFailed: 'Không tải được tệp lên. Xin thử lại.',
    noFile: 'Hãy chọn một tệp.',
  },
  en: {
    title: 'Ask a question',
    loading: 'Loading the form…',
    failed: 'Could not load the form. Please try again later.',
    required: 'Fields marked * are required.',
    name: 'Full name *',
    email: 'E-mail *',
    phone: 'Phone',
    field: 'Field *',
    questionTitle: 'Title *',
    content: 'Your question *',
    consentProcessing: 'I agree to the processing of my personal data for this purpose *',
    consentPublish: 'I agree to the question and its answer being published with personal data masked',
    send: 'Send the question',
    sending: 'Sending…',
    checking: 'Checking…',
    proofFailed: 'The form had to be checked again and has been reloaded. Please send it again.',
    noCrypto: 'This browser cannot run the form’s check against automated sending. Please use the full question form.',
    invalid: 'Not valid',
    missing: 'Required',
    notSent: 'The question was not sent. Please check the marked fields.',
    tooFast: 'The form was sent too soon after it opened. Please wait a few seconds and send it again.',
    expired: 'The form was too old and has been reloaded. Please send it again.',
    limited: 'Too many questions were sent. Please try again later.',
    error: 'The question could not be sent. Please try again later.',
    doneTitle: 'Please check your e-mail',
    done: (hours: number) => `We sent a confirmation link to your e-mail address. Your question is received once you open it and press "Confirm" (within ${hours} hours).`,
    fullForm: 'Open the full question form',
    attachTitle: 'Attachments (optional)',
    attachHint: (count: number, mb: string) => `Before confirming by e-mail, you may attach up to ${count} PDF, JPEG, PNG or DOCX files, each at most ${mb}.`,
    chooseFile: 'Choose a file',
    attach: 'Attach',
    attaching: 'Uploading…',
    attached: (name: string) => `${name} attached.`,
    fileType: 'This type of file is not accepted: PDF, JPEG, PNG and DOCX only.',
    fileSize: (mb: string) => `The file is too large: at most ${mb}.`,
    fileCount: 'The most files a question takes are attached.',
    fileClosed: 'The question was confirmed or has expired: it takes no more files.',
    fileFailed: 'The file could not be uploaded. Please try again.',
    noFile: 'Choose a file.',
  },
} as const;

/**
 * `<cong-qa-ask>`: a compact question form for any site. It reads the unit's fields, consent text and a
 * fill-time token from `GET /api/qa/public/form`, posts the question as JSON to
 * `POST /api/qa/public/questions`, and then says to check the e-mail: the question is received once the
 * asker opens the mailed link. Refusals are shown next to the field the server names. Until then, files
 * can be attached one by one (`POST /api/qa/public/questions/attachments` with the `attachToken` the
 * submission answered; multipart, so no preflight). While the server asks for a proof-of-work (`proof` in
 * the descriptor, `questions.proofOfWork`), the widget solves it with Web Crypto, starting when the form
 * is first entered, and "Send" shows "Đang kiểm tra…" until it is done.
 *
 * ```html
 * <script type="module" src="https://cong.example.gov.vn/widgets/qa.js"></script>
 * <cong-qa-ask tenant="so-tu-phap"></cong-qa-ask>
 * ```
 *
 * Attributes: `tenant` (or `unit`: the unit whose site receives the question; default: the
 * `/t/<slug>/` of the script's URL), `server` (the portal's base URL; default: the script's origin),
 * `lang` (`vi` default, or `en`; else the nearest `lang` of the page), `heading`. Everything from the
 * API is rendered as text.
 *
 * @fires cong-qa-asked - after the server took the question (`detail: { id }`); bubbles, composed.
 */
export class QaAsk extends LitElement {
  static override styles = qaAskStyles;
  static override properties = {
    tenant: { type: String },
    unit: { type: String },
    server: { type: String },
    lang: { type: String },
    heading: { type: String },
    descriptor: { state: true },
    failed: { state: true },
    sending: { state: true },
    checking: { state: true },
    problems: { state: true },
    message: { state: true },
    doneHours: { state: true },
    attachToken: { state: true },
    attachments: { state: true },
    remaining: { state: true },
    uploading: { state: true },
    fileMessage: { state: true },
  };

  declare tenant: string | undefined;
  declare unit: string | undefined;
  declare server: string | undefined;
  declare lang: string;
  declare heading: string | undefined;
  declare descriptor: FormDescriptor | undefined;
  declare failed: boolean;
  declare sending: boolean;
  /** True while the proof-of-work is being solved after "Send". */
  declare checking: boolean;
  /** Field → what is wrong with it, from the last refusal. */
  declare problems: Readonly<Partial<Record<FieldName, string>>>;
  /** The last refusal or notice, as one sentence. */
  declare message: string;
  /** Hours the verification link is valid, once the question was taken. */
  declare doneHours: number | undefined;
  /** The token the submission answered: files are attached with it until the question is confirmed. */
  declare attachToken: string | undefined;
  declare attachments: readonly AttachedFile[];
  declare remaining: number;
  declare uploading: boolean;
  /** The last upload's outcome, as one sentence. */
  declare fileMessage: string;

  #controller: AbortController | undefined;
  /** The proof-of-work of the descriptor's challenge, started when the form is first entered. */
  #proof: { readonly challenge: string; readonly solution: Promise<string> } | undefined;

  constructor() {
    super();
    this.failed = false;
    this.sending = false;
    this.checking = false;
    this.problems = {};
    this.message = '';
    this.attachments = [];
    this.remaining = 0;
    this.uploading = false;
    this.fileMessage = '';
  }

  #language(): WidgetLanguage {
    return widgetLanguage(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
  }

  /** The API URL of the form descriptor, or undefined when `server` or the unit is not usable. */
  get formUrl(): string | undefined {
    return publicApiUrl(this.server, this.unit || this.tenant, 'form');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.descriptor) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('tenant') || changed.has('unit') || changed.has('server')) void this.#load();
  }

  async #load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const url = this.formUrl;
    this.failed = false;
    try {
      const body = await fetchJson<FormDescriptor>(url, controller.signal);
      if (!controller.signal.aborted) this.descriptor = { ...body, fields: Array.isArray(body.fields) ? body.fields : [] };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.descriptor = undefined;
      this.failed = true;
      console.warn('<cong-qa-ask>', url, error);
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const descriptor = this.descriptor;
    if (!descriptor || this.sending) return;
    const t = messages[this.#language()];
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    // The browser's own checks are off (novalidate) so that every message is the widget's, in its language.
    const problems: Partial<Record<FieldName, string>> = {};
    for (const name of ['name', 'email', 'field', 'title', 'content'] as const) if (text(name) === '') problems[name] = t.missing;
    if (text('email') !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text('email'))) problems.email = t.invalid;
    if (data.get('consentProcessing') === null) problems.consentProcessing = t.missing;
    if (Object.keys(problems).length > 0) return this.#refused(problems, t.notSent);

    const body = {
      name: text('name'),
      email: text('email'),
      ...(text('phone') ? { phone: text('phone') } : {}),
      field: text('field'),
      title: text('title'),
      content: text('content'),
      consentProcessing: true,
      consentPublish: data.get('consentPublish') !== null,
      website: String(data.get('website') ?? ''),
      formToken: descriptor.formToken,
    };
    this.sending = true;
    this.message = '';
    this.problems = {};
    const controller = new AbortController();
    this.#controller = controller;
    try {
      if (descriptor.proof) {
        this.checking = true;
        try {
          Object.assign(body, { proof: await this.#solve(descriptor.proof) });
        } catch (error) {
          if (controller.signal.aborted) return;
          console.warn('<cong-qa-ask>', error);
          return this.#refused({}, t.noCrypto);
        } finally {
          this.checking = false;
        }
      }
      const done = await postJson<{ id: string; verificationHours: number; attachToken?: string }>(publicApiUrl(this.server, this.unit || this.tenant, 'questions'), body, controller.signal);
      this.doneHours = typeof done.verificationHours === 'number' ? done.verificationHours : 48;
      this.attachToken = typeof done.attachToken === 'string' ? done.attachToken : undefined;
      this.remaining = descriptor.limits?.attachmentsMaxCount ?? 0;
      this.dispatchEvent(new CustomEvent('cong-qa-asked', { detail: { id: done.id }, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=result] h3')?.focus();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#apiRefusal(error);
    } finally {
      this.sending = false;
    }
  }

  /** The solution of `proof`'s challenge: one search per challenge, whether started by focus or by "Send". */
  #solve(proof: NonNullable<FormDescriptor['proof']>): Promise<string> {
    if (this.#proof?.challenge !== proof.challenge) this.#proof = { challenge: proof.challenge, solution: solveProof(proof.challenge, proof.bits) };
    return this.#proof.solution;
  }

  /** Starts the proof-of-work when the person enters the form, so it is usually done by "Send". */
  #warmUp(): void {
    const proof = this.descriptor?.proof;
    if (proof) this.#solve(proof).catch(() => undefined);
  }

  /** One file, as the full form's page takes it: sent with the token, the list answered back. */
  async #attach(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = messages[this.#language()];
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type=file]');
    const file = input?.files?.[0];
    if (!file) {
      this.fileMessage = t.noFile;
      return;
    }
    const maxBytes = this.descriptor?.limits?.attachmentMaxBytes;
    if (maxBytes !== undefined && file.size > maxBytes) {
      this.fileMessage = t.fileSize(megabytes(maxBytes));
      return;
    }
    if (!this.attachToken || this.uploading) return;
    this.uploading = true;
    this.fileMessage = '';
    try {
      const done = await postFile<{ attachments: AttachedFile[]; remaining: number }>(publicApiUrl(this.server, this.unit || this.tenant, 'questions/attachments'), { attachToken: this.attachToken }, file, new AbortController().signal);
      this.attachments = Array.isArray(done.attachments) ? done.attachments : [];
      this.remaining = typeof done.remaining === 'number' ? done.remaining : 0;
      this.fileMessage = t.attached(file.name);
      if (input) input.value = '';
    } catch (error) {
      const code = error instanceof ApiError ? error.problem?.code : undefined;
      const status = error instanceof ApiError ? error.status : 0;
      this.fileMessage =
        status === 415 ? t.fileType : status === 413 ? t.fileSize(megabytes(maxBytes ?? 0)) : code === 'QA_ERR_ATTACHMENT_LIMIT' ? t.fileCount : code === 'QA_ERR_ATTACHMENT_TOKEN_INVALID' ? t.fileClosed : t.fileFailed;
      if (code === 'QA_ERR_ATTACHMENT_LIMIT' || code === 'QA_ERR_ATTACHMENT_TOKEN_INVALID') this.remaining = 0;
    } finally {
      this.uploading = false;
    }
  }

  #attachSection(t: (typeof messages)[WidgetLanguage]) {
    if (!this.attachToken || (this.remaining <= 0 && this.attachments.length === 0)) return nothing;
    const maxBytes = this.descriptor?.limits?.attachmentMaxBytes ?? 0;
    return html`<form part="form" class="files" @submit=${(e: SubmitEvent) => void this.#attach(e)}>
      <h4>${t.attachTitle}</h4>
      ${this.attachments.length > 0 ? html`<ul part="list">${repeat(this.attachments, (f) => f.id, (f) => html`<li>${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB)</li>`)}</ul>` : nothing}
      ${this.remaining > 0
        ? html`<p class="consent">${t.attachHint(this.remaining, megabytes(maxBytes))}</p>
            <div>
              <label part="label" for="f-file">${t.chooseFile}</label>
              <input part="input" id="f-file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png" aria-describedby="file-status" />
            </div>
            <button part="button" type="submit" ?disabled=${this.uploading}>${this.uploading ? t.attaching : t.attach}</button>`
        : nothing}
      <p part="status" class="status" id="file-status" role="status">${this.fileMessage}</p>
    </form>`;
  }

  #apiRefusal(error: unknown): void {
    const t = messages[this.#language()];
    if (!(error instanceof ApiError)) {
      console.warn('<cong-qa-ask>', error);
      this.#refused({}, t.error);
      return;
    }
    const code = error.problem?.code;
    if (code === 'QA_ERR_FORM_TOO_FAST') return this.#refused({}, t.tooFast);
    if (code === 'QA_ERR_FORM_EXPIRED') {
      void this.#load();
      return this.#refused({}, t.expired);
    }
    if (code === 'QA_ERR_PROOF_INVALID' || code === 'QA_ERR_PROOF_REQUIRED') {
      // Expired, spent, or the server started asking for one: a fresh descriptor brings a fresh challenge.
      void this.#load();
      return this.#refused({}, t.proofFailed);
    }
    if (error.status === 429) return this.#refused({}, t.limited);
    const problems: Partial<Record<FieldName, string>> = {};
    for (const issue of error.problem?.errors ?? []) {
      const name = (issue.pointer ?? '').replace(/^\//, '') as FieldName;
      if (FIELD_NAMES.includes(name)) problems[name] = t.invalid;
    }
    this.#refused(problems, Object.keys(problems).length > 0 ? t.notSent : t.error);
  }

  #refused(problems: Partial<Record<FieldName, string>>, message: string): void {
    this.problems = problems;
    this.message = message;
    void this.updateComplete.then(() => {
      const first = FIELD_NAMES.find((name) => problems[name]);
      if (first) this.renderRoot.querySelector<HTMLElement>(`#f-${first}`)?.focus();
    });
  }

  #control(name: FieldName, label: string, control: (describedBy: string | undefined, invalid: boolean) => unknown) {
    const problem = this.problems[name];
    return html`<div>
      <label part="label" for="f-${name}">${label}</label>
      ${control(problem ? `e-${name}` : undefined, Boolean(problem))}
      ${problem ? html`<p part="error" class="error" id="e-${name}">${problem}</p>` : nothing}
    </div>`;
  }

  override render() {
    const language = this.#language();
    const t = messages[language];
    const d = this.descriptor;
    const base = unitBase(this.server, this.unit || this.tenant);
    const fullForm = base ? safeHref(`${base}/hoi-dap/gui-cau-hoi`) : undefined;
    let content: unknown;
    if (this.doneHours !== undefined) {
      content = html`<div part="result" role="status">
        <h3 tabindex="-1">${t.doneTitle}</h3>
        <p>${t.done(this.doneHours)}</p>
      </div>
      ${this.#attachSection(t)}`;
    } else if (!d) {
      content = html`<p part="status" class="status" role="status">${this.failed ? t.failed : t.loading}</p>`;
    } else {
      const invalid = (flag: boolean) => (flag ? 'true' : 'false');
      content = html`
        <p part="status" class="status alert" role="alert">${this.message}</p>
        <form part="form" novalidate @submit=${(e: SubmitEvent) => void this.#submit(e)} @focusin=${() => this.#warmUp()}>
          <p class="consent">${t.required}</p>
          ${this.#control('name', t.name, (by, bad) => html`<input part="input" id="f-name" name="name" type="text" maxlength="200" autocomplete="name" aria-required="true" aria-invalid=${invalid(bad)} aria-describedby=${by ?? nothing} />`)}
          ${this.#control('email', t.email, (by, bad) => html`<input part="input" id="f-email" name="email" type="email" maxlength="254" autocomplete="email" aria-required="true" aria-invalid=${invalid(bad)} aria-describedby=${by ?? nothing} />`)}
          ${this.#control('phone', t.phone, (by, bad) => html`<input part="input" id="f-phone" name="phone" type="tel" maxlength="20" autocomplete="tel" aria-invalid=${invalid(bad)} aria-describedby=${by ?? nothing} />`)}
          ${this.#control(
            'field',
            t.field,
            (by, bad) => html`<select part="input" id="f-field" name="field" aria-required="true" aria-invalid=${invalid(bad)} aria-describedby=${by ?? nothing}>
              <option value="">—</option>
              ${repeat(d.fields, (f) => f.code, (f) => html`<option value=${f.code}>${language === 'en' ? f.nameEn || f.name : f.name}</option>`)}
            </select>`,
          )}
          ${this.#control('title', t.questionTitle, (by, bad) => html`<input part="input" id="f-title" name="title" type="text" maxlength=${d.limits?.titleMaxLength ?? 200} aria-required="true" aria-invalid=${invalid(bad)} aria-describedby=${by ?? nothing} />`)}
          ${this.#control('content', t.content, (by, bad) => html`<textarea part="input" id="f-content" name="content" rows="6" maxlength=${d.limits?.contentMaxLength ?? 5000} aria-required="true" aria-invalid=${invalid(bad)} aria-describedby=${by ?? nothing}></textarea>`)}
          <div class="hp" aria-hidden="true"><label for="f-website">Website</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" /></div>
          <p part="consent" class="consent">${language === 'en' ? d.consent?.en : d.consent?.vi}</p>
          <div>
            <label part="label" class="check"
              ><input id="f-consentProcessing" name="consentProcessing" type="checkbox" aria-invalid=${invalid(Boolean(this.problems.consentProcessing))} aria-describedby=${this.problems.consentProcessing ? 'e-consentProcessing' : nothing} />${t.consentProcessing}</label
            >
            ${this.problems.consentProcessing ? html`<p part="error" class="error" id="e-consentProcessing">${this.problems.consentProcessing}</p>` : nothing}
          </div>
          <label part="label" class="check"><input name="consentPublish" type="checkbox" />${t.consentPublish}</label>
          <button part="button" type="submit" ?disabled=${this.sending}>${this.checking ? t.checking : this.sending ? t.sending : t.send}</button>
        </form>
        ${fullForm ? html`<p class="consent"><a href=${fullForm}>${t.fullForm}</a></p>` : nothing}
      `;
    }
    return html`<section part="container" lang=${language} aria-labelledby="title">
      <h2 part="title" id="title">${this.heading || t.title}</h2>
      ${content}
    </section>`;
  }
}

/** A size limit as people read it (10 MB, 512 KB). */
function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.floor(bytes / 1024)} KB`;
}
