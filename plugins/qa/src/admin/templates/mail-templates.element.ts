import { html, nothing, type PropertyDeclarations } from 'lit';
import { adminLanguage } from '@cong/sdk/admin';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { field, type FieldErrors } from '../shared/form-field.js';
import { API, ROUTES, TEMPLATES, type MailPreview, type MailTemplateItem, type MailTemplateView } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { templateTexts } from './template-messages.js';

type Part = 'subject' | 'bodyVi' | 'bodyEn';
const PARTS: readonly Part[] = ['subject', 'bodyVi', 'bodyEn'];
const fieldId = (part: Part) => `t-${part}`;

// The fields are bound once per text the server gave (not `live`): a re-render while busy must not
// overwrite what is being typed; a new text (saved, restored) replaces it.

/**
 * "Mẫu thư điện tử" (`qa.templates.manage`, the province's board): the e-mails the plugin sends; for
 * one, its subject and bodies (vi/en) with the keys it declares as chips that insert `{{key}}` where the
 * cursor is, a preview with the sample values (the API renders it: the page never interprets a
 * template), saving, and restoring the default. A placeholder the template does not declare is refused
 * by the server (400 naming the field), shown beside that field.
 */
export class MailTemplatesPage extends QaPage {
  static override properties: PropertyDeclarations = {
    items: { state: true },
    view: { state: true },
    preview: { state: true },
    confirmingRestore: { state: true },
    fieldErrors: { state: true },
  };

  declare items: readonly MailTemplateItem[] | undefined;
  declare view: MailTemplateView | undefined;
  declare preview: MailPreview | undefined;
  declare confirmingRestore: boolean;
  declare fieldErrors: FieldErrors;

  protected override readonly route = ROUTES.templates;
  /** The part a chip inserts into: the last one focused (the Vietnamese body at first). */
  #target: Part = 'bodyVi';

  constructor() {
    super();
    this.confirmingRestore = false;
    this.fieldErrors = {};
  }

  protected override unitChanged(): void {
    this.items = undefined;
    this.view = undefined;
    this.preview = undefined;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(TEMPLATES)) return;
    try {
      const { items } = await api.get<{ items: MailTemplateItem[] }>(`${API}/templates`);
      if (api !== this.api) return;
      this.items = items;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  protected override followLink(name: string | undefined): void {
    if (name) void this.#open(name);
    else void this.#close();
  }

  async #open(name: string): Promise<void> {
    const api = this.api!;
    try {
      const view = await api.get<MailTemplateView>(`${API}/templates/${encodeURIComponent(name)}`);
      if (api !== this.api) return;
      this.#edit(view);
      this.error = undefined;
      this.linkTo(name);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  #edit(view: MailTemplateView): void {
    this.view = view;
    this.preview = undefined;
    this.confirmingRestore = false;
    this.fieldErrors = {};
    this.#target = 'bodyVi';
  }

  async #close(): Promise<void> {
    this.view = undefined;
    this.preview = undefined;
    this.fieldErrors = {};
    this.linkTo(undefined);
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  #path(rest = ''): string {
    return `${API}/templates/${encodeURIComponent(this.view!.name)}${rest}`;
  }

  /** The text as typed: NFC, line ends as the server stores them (it trims only the subject). */
  #draft(): Record<Part, string> {
    const value = (part: Part) => (this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${fieldId(part)}`)?.value ?? '').normalize('NFC').replace(/\r\n?/g, '\n');
    return { subject: value('subject').trim(), bodyVi: value('bodyVi'), bodyEn: value('bodyEn') };
  }

  async #checked(): Promise<Record<Part, string> | undefined> {
    const draft = this.#draft();
    const errors: Record<string, string> = {};
    for (const part of PARTS) if (!draft[part].trim()) errors[part] = templateTexts().required;
    this.fieldErrors = errors;
    if (Object.keys(errors).length === 0) return draft;
    await this.focusFirstError();
    return undefined;
  }

  /** Runs a call; the server's field errors (an undeclared `{{key}}`, a subject on two lines) go beside their fields. */
  async #run(work: () => Promise<void>, done: string): Promise<boolean> {
    const ok = await this.act(work, done, (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0);
    if (!ok) await this.focusFirstError();
    return ok;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = await this.#checked();
    if (!draft) return;
    await this.#run(async () => {
      const view = await this.api!.put<MailTemplateView>(this.#path(), draft);
      this.view = view;
      this.fieldErrors = {};
      await this.load();
    }, templateTexts().saved);
  }

  async #preview(): Promise<void> {
    const draft = await this.#checked();
    if (!draft) return;
    await this.#run(async () => {
      this.preview = await this.api!.post<MailPreview>(this.#path('/preview'), draft);
      this.fieldErrors = {};
    }, templateTexts().previewed);
  }

  async #restore(): Promise<void> {
    await this.#run(async () => {
      this.#edit(await this.api!.delete<MailTemplateView>(this.#path()));
      await this.load();
    }, templateTexts().restored);
  }

  /** Inserts `{{key}}` in the part focused last, at its cursor, and puts the cursor after it. */
  #insert(key: string): void {
    const control = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${fieldId(this.#target)}`);
    if (!control) return;
    const token = `{{${key}}}`;
    const start = control.selectionStart ?? control.value.length;
    const end = control.selectionEnd ?? start;
    control.setRangeText(token, start, end, 'end');
    control.focus();
    this.preview = undefined;
    this.announce(templateTexts().inserted(key));
  }

  // ─── Rendering ────────────────────────────────────────────────────────────────────────────
  override render() {
    const t = templateTexts();
    if (!this.can(TEMPLATES)) return html`<h1>${t.title}</h1><p class="note">${t.needManage}</p>`;
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}${this.view ? this.#renderOne(this.view) : this.#renderList()}`;
  }

  #renderList() {
    const t = templateTexts();
    const c = commonTexts();
    const english = adminLanguage() === 'en';
    const items = this.items;
    return html`<p class="note">${t.intro}</p>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.description}</th><th scope="col">${t.name}</th><th scope="col">${t.state}</th><th scope="col">${t.updatedAt}</th></tr></thead>
              <tbody>${items.map(
                (i) => html`<tr data-template=${i.name}>
                  <td><button type="button" class="link" aria-label=${t.openLabel(english ? i.description.en : i.description.vi)} @click=${() => this.#open(i.name)}>${english ? i.description.en : i.description.vi}</button></td>
                  <td><code>${i.name}</code></td>
                  <td><span class="badge" data-status=${i.overridden ? 'published' : 'pending'}>${i.overridden ? t.overridden : t.builtIn}</span></td>
                  <td>${i.updatedAt ? formatTime(i.updatedAt) : c.none}</td>
                </tr>`,
              )}</tbody>
            </table>`}`;
  }

  #renderOne(v: MailTemplateView) {
    const t = templateTexts();
    const c = commonTexts();
    const e = this.fieldErrors;
    const english = adminLanguage() === 'en';
    const control = (part: Part, rows: number) => (d: string | typeof nothing, bad: 'true' | 'false') =>
      part === 'subject'
        ? html`<input id=${fieldId(part)} name=${part} maxlength="400" required aria-required="true" .value=${v[part]} aria-describedby=${d} aria-invalid=${bad} @focus=${() => (this.#target = part)} />`
        : html`<textarea id=${fieldId(part)} name=${part} rows=${rows} maxlength="20000" required aria-required="true" .value=${v[part]} aria-describedby=${d} aria-invalid=${bad} @focus=${() => (this.#target = part)}></textarea>`;
    return html`
      <p><button type="button" @click=${() => this.#close()}>${c.back}</button></p>
      <h2 tabindex="-1">${english ? v.description.en : v.description.vi}</h2>
      <p class="note"><code>${v.name}</code> · ${v.overridden ? t.usingOverride(formatTime(v.updatedAt)) : t.usingDefault}</p>
      <section class="panel" aria-labelledby="t-keys-title">
        <h3 id="t-keys-title">${t.keys}</h3>
        <p class="hint" id="t-keys-hint">${t.keysHint}</p>
        <div class="actions" role="group" aria-labelledby="t-keys-title" aria-describedby="t-keys-hint">
          ${v.keys.map((key) => html`<button type="button" class="chip" data-key=${key} aria-label=${t.insertLabel(key)} @mousedown=${(ev: Event) => ev.preventDefault()} @click=${() => this.#insert(key)}><code>{{${key}}}</code></button>`)}
        </div>
      </section>
      <form novalidate aria-labelledby="t-form-title" @submit=${(ev: SubmitEvent) => this.#save(ev)}>
        <h3 id="t-form-title" class="visually-hidden">${t.edit}</h3>
        ${field(fieldId('subject'), t.subject, e['subject'], control('subject', 1), t.subjectHint)}
        ${field(fieldId('bodyVi'), t.bodyVi, e['bodyVi'], control('bodyVi', 10))}
        ${field(fieldId('bodyEn'), t.bodyEn, e['bodyEn'], control('bodyEn', 6))}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button>
          <button type="button" ?disabled=${this.busy} @click=${() => this.#preview()}>${t.preview}</button>
          ${v.overridden && !this.confirmingRestore ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => (this.confirmingRestore = true)}>${t.restore}</button>` : nothing}
        </div>
        ${this.confirmingRestore
          ? html`<div class="panel"><p id="t-restore-confirm">${t.restoreConfirm}</p><div class="actions">
              <button type="button" class="danger" aria-describedby="t-restore-confirm" ?disabled=${this.busy} @click=${() => this.#restore()}>${t.confirmRestore}</button>
              <button type="button" @click=${() => (this.confirmingRestore = false)}>${c.cancel}</button>
            </div></div>`
          : nothing}
      </form>
      ${this.preview ? this.#renderPreview(this.preview) : nothing}
    `;
  }

  #renderPreview(p: MailPreview) {
    const t = templateTexts();
    return html`<section class="panel" aria-labelledby="t-preview-title">
      <h3 id="t-preview-title">${t.previewTitle}</h3>
      <dl class="facts"><dt>${t.previewSubject}</dt><dd data-preview="subject">${p.subject}</dd></dl>
      <p class="label">${t.previewBody}</p>
      <pre class="text-block" data-preview="text">${p.text}</pre>
      <details>
        <summary>${t.previewValues}</summary>
        <dl class="facts">${Object.entries(p.values).map(([key, value]) => html`<dt><code>{{${key}}}</code></dt><dd>${value}</dd>`)}</dl>
      </details>
    </section>`;
  }
}
