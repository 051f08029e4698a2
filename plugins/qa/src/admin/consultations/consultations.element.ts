import { html, nothing, type PropertyDeclarations } from 'lit';
import { adminLanguage } from '@cong/sdk/admin';
import { commonTexts, fileSize, formatDate, formatTime } from '../shared/common-messages.js';
import { downloadFile, type FileDownloader } from '../shared/download-file.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import {
  API,
  CONSULTATIONS,
  DOSSIER_ACCEPT,
  DOSSIER_MAX_BYTES,
  ROUTES,
  type BuiltInConsultee,
  type ConsultationItem,
  type ConsultationPhase,
  type ConsultationView,
  type DraftArticle,
  type Page,
  type PeriodsView,
  type UnitNode,
} from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { pager } from '../shared/question-views.js';
import { agencyChoices, loadUnits, provinceOf, unitOptions } from '../shared/unit-tree.js';
import { uploadFile, type FileUploader } from '../shared/upload-file.js';
import { consultationTexts } from './consultation-messages.js';
import './consultation-comments.js';

/** List rows a page shows (the API pages them; the page offers the next ones). */
const LIST_LIMIT = 100;
const PHASES: readonly ConsultationPhase[] = ['draft', 'announced', 'open', 'closed', 'outcome-published'];
/** The phases in which the title, days and contacts may change (mirror the service's check). */
const BEFORE_OPENING: readonly ConsultationPhase[] = ['draft', 'announced'];
/** The phases in which the split may change and the dossier take files (mirror the service's checks). */
const EDITABLE: readonly ConsultationPhase[] = ['draft', 'announced', 'open'];
const REPORT_FORMATS = ['docx', 'pdf', 'csv'] as const;

/** `day` + `n` calendar days (YYYY-MM-DD), as the service counts the minimum period. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

type Mode = { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'open'; readonly id: string };

/**
 * "Lấy ý kiến dự thảo" (`qa.consultations.manage`, the drafting unit; QA-20…QA-25): the unit's
 * consultations by phase; creating one (document type with its minimum period, days, contacts, the
 * consulted agencies, the full text with a preview of its split); then, for one: the split (corrected
 * while no one has commented), the dossier, announcing, the consulted agencies' replies, the comments
 * (`qa-consultation-comments`), the report and the outcome.
 */
export class ConsultationsPage extends QaPage {
  static override properties: PropertyDeclarations = {
    items: { state: true },
    offset: { state: true },
    total: { state: true },
    phase: { state: true },
    periods: { state: true },
    units: { state: true },
    mode: { state: true },
    view: { state: true },
    documentType: { state: true },
    opensOn: { state: true },
    preview: { state: true },
    editingArticles: { state: true },
    editingInfo: { state: true },
    fieldErrors: { state: true },
    progress: { state: true },
    upload: { attribute: false },
    download: { attribute: false },
  };

  declare items: readonly ConsultationItem[] | undefined;
  /** Where the shown page of the list starts, and how many there are in all. */
  declare offset: number;
  declare total: number;
  /** The phase shown; undefined: all. */
  declare phase: ConsultationPhase | undefined;
  declare periods: PeriodsView | undefined;
  declare units: readonly UnitNode[];
  declare mode: Mode;
  declare view: ConsultationView | undefined;
  /** The create form's document type and opening day: the hints follow them. */
  declare documentType: string;
  declare opensOn: string;
  declare preview: readonly DraftArticle[] | undefined;
  /** The articles being corrected; undefined: not editing. */
  declare editingArticles: DraftArticle[] | undefined;
  /** Whether the title, summary, days and contacts are being changed (before the consultation opens). */
  declare editingInfo: boolean;
  declare fieldErrors: FieldErrors;
  declare progress: number | undefined;
  declare upload: FileUploader<ConsultationView>;
  declare download: FileDownloader;

  protected override readonly route = ROUTES.consultations;

  constructor() {
    super();
    this.offset = 0;
    this.total = 0;
    this.units = [];
    this.mode = { kind: 'list' };
    this.editingInfo = false;
    this.documentType = '';
    this.opensOn = '';
    this.fieldErrors = {};
    this.upload = uploadFile;
    this.download = downloadFile;
  }

  protected override unitChanged(): void {
    this.items = undefined;
    this.offset = 0;
    this.view = undefined;
    this.units = [];
    this.periods = undefined;
    this.mode = { kind: 'list' };
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(CONSULTATIONS)) return;
    const [list, periods, units] = await Promise.allSettled([
      api.get<Page<ConsultationItem>>(`${API}/consultations`, { query: { limit: LIST_LIMIT, offset: this.offset } }),
      this.periods ? Promise.resolve(this.periods) : api.get<PeriodsView>(`${API}/consultation-periods`),
      this.units.length ? Promise.resolve(this.units) : loadUnits(api),
    ]);
    if (api !== this.api) return;
    if (periods.status === 'fulfilled') this.periods = periods.value;
    if (units.status === 'fulfilled') this.units = units.value;
    if (list.status === 'fulfilled') {
      this.items = list.value.items;
      this.total = list.value.total;
      this.error = undefined;
    } else this.error = this.failure(list.reason);
  }

  protected override followLink(id: string | undefined): void {
    void (id ? this.#open(id) : this.#show({ kind: 'list' }));
  }

  async #show(mode: Mode): Promise<void> {
    this.mode = mode;
    this.fieldErrors = {};
    this.preview = undefined;
    this.editingArticles = undefined;
    this.editingInfo = false;
    if (mode.kind !== 'open') this.view = undefined;
    this.linkTo(mode.kind === 'open' ? mode.id : undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(mode.kind === 'list' ? 'h1' : 'h2')?.focus();
  }

  async #open(id: string): Promise<void> {
    const api = this.api!;
    try {
      const view = await api.get<ConsultationView>(`${API}/consultations/${encodeURIComponent(id)}`);
      if (api !== this.api) return;
      this.view = view;
      this.error = undefined;
      await this.#show({ kind: 'open', id });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  #path(rest = ''): string {
    return `${API}/consultations/${encodeURIComponent(this.view!.id)}${rest}`;
  }

  /** Runs a call answering the consultation; field errors go beside their fields. */
  async #change(work: () => Promise<ConsultationView>, done: string | (() => string)): Promise<boolean> {
    const ok = await this.act(
      async () => {
        this.view = await work();
        this.fieldErrors = {};
      },
      done,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok) await this.focusFirstError();
    return ok;
  }

  async #local(errors: Record<string, string>): Promise<boolean> {
    this.fieldErrors = errors;
    if (Object.keys(errors).length === 0) return true;
    await this.focusFirstError();
    return false;
  }

  // ─── Creating ─────────────────────────────────────────────────────────────────────────────
  async #previewSplit(): Promise<void> {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#c-text')!;
    const text = textarea.value.normalize('NFC').trim();
    if (!(await this.#local(text ? {} : { text: consultationTexts().required }))) return;
    await this.act(
      async () => {
        this.preview = (await this.api!.post<{ articles: DraftArticle[] }>(`${API}/consultations/split`, { text })).articles;
      },
      () => consultationTexts().previewCount(this.preview?.length ?? 0),
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const phone = textOf(data, 'phone');
    const body = {
      title: textOf(data, 'title'),
      documentType: textOf(data, 'documentType'),
      summary: textOf(data, 'summary'),
      opensOn: textOf(data, 'opensOn'),
      closesOn: textOf(data, 'closesOn'),
      shortened: data.get('shortened') !== null,
      contact: { address: textOf(data, 'address'), email: textOf(data, 'email'), ...(phone ? { phone } : {}) },
      text: textOf(data, 'text'),
      builtInConsultees: data.getAll('builtIn').map(String) as BuiltInConsultee[],
      otherConsultees: data.getAll('other').map(String),
    };
    const errors: Record<string, string> = {};
    if (body.title.length < 5) errors['title'] = body.title ? t.titleTooShort : t.required;
    if (!body.documentType) errors['documentType'] = t.chooseRequired;
    if (!body.opensOn) errors['opensOn'] = t.required;
    if (!body.closesOn) errors['closesOn'] = t.required;
    else if (body.opensOn && body.closesOn <= body.opensOn) errors['closesOn'] = t.closeBeforeOpen;
    else if (body.opensOn) {
      const minimum = this.#type(body.documentType)?.minimumDays ?? 0;
      if (daysBetween(body.opensOn, body.closesOn) < minimum) errors['closesOn'] = t.tooShort(minimum);
    }
    if (!body.contact.address) errors['contact'] = t.required;
    else if (!body.contact.email) errors['contact'] = t.required;
    if (!body.text) errors['text'] = t.required;
    if (!(await this.#local(errors))) return;
    let created: ConsultationView | undefined;
    const ok = await this.act(
      async () => {
        created = await this.api!.post<ConsultationView>(`${API}/consultations`, body);
        await this.load();
      },
      t.created,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok) return this.focusFirstError();
    this.view = created;
    await this.#show({ kind: 'open', id: created!.id });
  }

  #type(code: string) {
    return this.periods?.documentTypes.find((d) => d.code === code);
  }

  // ─── One consultation ─────────────────────────────────────────────────────────────────────
  async #saveInfo(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const v = this.view!;
    const data = new FormData(event.target as HTMLFormElement);
    const phone = textOf(data, 'phone');
    const body = {
      title: textOf(data, 'title'),
      summary: textOf(data, 'summary'),
      opensOn: textOf(data, 'opensOn'),
      closesOn: textOf(data, 'closesOn'),
      contact: { address: textOf(data, 'address'), email: textOf(data, 'email'), ...(phone ? { phone } : {}) },
    };
    const errors: Record<string, string> = {};
    if (body.title.length < 5) errors['title'] = body.title ? t.titleTooShort : t.required;
    if (!body.opensOn) errors['opensOn'] = t.required;
    if (!body.closesOn) errors['closesOn'] = t.required;
    else if (body.opensOn && daysBetween(body.opensOn, body.closesOn) < v.rule.minimumDays) errors['closesOn'] = t.tooShort(v.rule.minimumDays);
    if (!body.contact.address || !body.contact.email) errors['contact'] = t.required;
    if (!(await this.#local(errors))) return;
    // The days only when changed: the server checks them against today and the rule again.
    const { opensOn, closesOn, ...rest } = body;
    const changes = { ...rest, ...(opensOn !== v.opensOn || closesOn !== v.closesOn ? { opensOn, closesOn } : {}) };
    if (await this.#change(() => this.api!.patch<ConsultationView>(this.#path(), changes), t.infoSaved)) this.editingInfo = false;
  }

  async #saveArticles(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const articles = this.editingArticles ?? [];
    const blank = articles.findIndex((a) => !a.heading.trim());
    if (!(await this.#local(blank >= 0 ? { [`heading-${blank}`]: t.required } : articles.length ? {} : { articles: t.noArticles }))) return;
    const body = { articles: articles.map((a) => ({ chapter: a.chapter?.trim() || null, number: a.number?.trim() || null, heading: a.heading.normalize('NFC').trim(), body: a.body.normalize('NFC') })) };
    if (await this.#change(() => this.api!.put<ConsultationView>(this.#path('/articles'), body), () => t.articlesSaved(body.articles.length))) this.editingArticles = undefined;
  }

  #editArticle(index: number, key: keyof DraftArticle, value: string): void {
    this.editingArticles = this.editingArticles!.map((a, i) => (i === index ? { ...a, [key]: value } : a));
  }

  async #attach(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type=file]')!;
    const file = input.files?.[0];
    if (!(await this.#local(!file ? { file: t.chooseFile } : file.size > DOSSIER_MAX_BYTES ? { file: t.tooBig } : {}))) return;
    this.progress = 0;
    this.announce(t.uploading(file!.name));
    const ok = await this.#change(() => this.upload(this.#path('/files'), file!, { ...(this.tenant ? { tenant: this.tenant.id } : {}), onProgress: (f) => (this.progress = f) }), () => t.uploaded(file!.name));
    this.progress = undefined;
    if (ok) input.value = '';
  }

  async #fetch(path: string, fileName: string, query?: Record<string, string>): Promise<void> {
    try {
      await this.download(path, { fileName, ...(query ? { query } : {}), ...(this.tenant ? { tenant: this.tenant.id } : {}) });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #publishOutcome(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = consultationTexts();
    const summary = textOf(new FormData(event.target as HTMLFormElement), 'summary');
    if (!(await this.#local(summary ? {} : { summary: t.required }))) return;
    await this.#change(() => this.api!.post<ConsultationView>(this.#path('/publish-outcome'), { summary }), t.outcomePublished);
  }

  // ─── Rendering ────────────────────────────────────────────────────────────────────────────
  override render() {
    const t = consultationTexts();
    if (!this.can(CONSULTATIONS)) return html`<h1>${t.title}</h1><p class="note">${t.needManage}</p>`;
    const body = this.mode.kind === 'new' ? this.#renderCreate() : this.mode.kind === 'open' && this.view ? this.#renderOne(this.view) : this.#renderList();
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}${body}`;
  }

  #renderList() {
    const t = consultationTexts();
    const c = commonTexts();
    const items = this.items?.filter((i) => !this.phase || i.phase === this.phase);
    return html`
      <p class="note">${t.intro}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => this.#show({ kind: 'new' })}>${t.create}</button>
        <div class="field">
          <label for="c-phase">${t.phaseFilter}</label>
          <select id="c-phase" @change=${(e: Event) => (this.phase = ((e.target as HTMLSelectElement).value || undefined) as ConsultationPhase | undefined)}>
            <option value="">${t.all}</option>${PHASES.map((p) => html`<option value=${p} ?selected=${this.phase === p}>${t.phases[p]}</option>`)}
          </select>
        </div>
      </div>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${this.items!.length === 0 ? t.empty : t.emptyPhase}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.documentType}</th><th scope="col">${t.phaseFilter}</th><th scope="col">${t.period}</th><th scope="col">${t.updatedAt}</th></tr></thead>
              <tbody>${items.map(
                (i) => html`<tr data-consultation=${i.id}>
                  <td><button type="button" class="link" aria-label=${t.openLabel(i.title)} @click=${() => this.#open(i.id)}>${i.title}</button></td>
                  <td>${this.#typeLabel(i.documentType)}</td>
                  <td><span class="badge" data-status=${i.phase}>${t.phases[i.phase]}</span></td>
                  <td>${t.days(formatDate(i.opensOn), formatDate(i.closesOn))}</td>
                  <td>${formatTime(i.updatedAt)}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${this.items ? pager(this.offset, this.items.length, this.total, (offset) => { this.offset = offset; void this.load(); }, LIST_LIMIT) : nothing}
    `;
  }

  #typeLabel(code: string): string {
    const type = this.#type(code);
    return type ? (adminLanguage() === 'en' ? type.label.en : type.label.vi) : code;
  }

  #renderCreate() {
    const t = consultationTexts();
    const e = this.fieldErrors;
    const periods = this.periods;
    const type = this.#type(this.documentType);
    const english = adminLanguage() === 'en';
    const province = this.tenant ? provinceOf(this.units, this.tenant.id) : undefined;
    const others = province && this.tenant ? agencyChoices(this.units, province.id, this.tenant.id) : [];
    const periodHint = type
      ? [t.minimumHint(type.minimumDays, periods?.citation ?? ''), this.opensOn ? t.earliestClose(formatDate(addDays(this.opensOn, type.minimumDays))) : '', type.checked ? '' : t.unchecked].filter(Boolean).join(' ')
      : t.chooseTypeFirst;
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${commonTexts().back}</button></p>
      <h2 tabindex="-1">${t.createTitle}</h2>
      <form novalidate aria-label=${t.createTitle} @submit=${(ev: SubmitEvent) => this.#create(ev)}>
        ${field('c-title', t.name, e['title'], (d, bad) => html`<input id="c-title" name="title" maxlength="500" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('c-type', t.documentType, e['documentType'], (d, bad) => html`<select id="c-type" name="documentType" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} @change=${(ev: Event) => (this.documentType = (ev.target as HTMLSelectElement).value)}>
          <option value="">${t.choose}</option>${(periods?.documentTypes ?? []).map((d) => html`<option value=${d.code} ?selected=${this.documentType === d.code}>${english ? d.label.en : d.label.vi}</option>`)}
        </select>`)}
        <div class="row">
          ${field('c-opens', t.opensOn, e['opensOn'], (d, bad) => html`<input id="c-opens" name="opensOn" type="date" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} @change=${(ev: Event) => (this.opensOn = (ev.target as HTMLInputElement).value)} />`)}
          ${field('c-closes', t.closesOn, e['closesOn'], (d, bad) => html`<input id="c-closes" name="closesOn" type="date" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} />`, periodHint)}
        </div>
        <label class="check"><input type="checkbox" name="shortened" aria-describedby="c-shortened-hint" /> ${t.shortened}</label>
        ${periods ? html`<span class="hint" id="c-shortened-hint">${t.replyDays(periods.agencyReplyDays, periods.agencyReplyDaysShortened)}</span>` : html`<span class="hint" id="c-shortened-hint"></span>`}
        ${field('c-summary', t.summary, e['summary'], (d, bad) => html`<textarea id="c-summary" name="summary" rows="3" maxlength="20000" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        <fieldset>
          <legend>${t.contact}</legend>
          ${field('c-address', t.address, e['contact'], (d, bad) => html`<input id="c-address" name="address" maxlength="300" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} />`)}
          <div class="row">
            ${field('c-email', t.email, undefined, (d, bad) => html`<input id="c-email" name="email" type="email" maxlength="254" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} />`)}
            ${field('c-phone', t.phone, undefined, (d, bad) => html`<input id="c-phone" name="phone" type="tel" maxlength="30" aria-describedby=${d} aria-invalid=${bad} />`)}
          </div>
        </fieldset>
        <fieldset aria-describedby="c-builtin-hint">
          <legend>${t.consultees}</legend>
          <span class="hint" id="c-builtin-hint">${t.builtInHint}</span>
          ${(periods?.builtInConsultees ?? []).map(
            (b) => html`<label class="check"><input type="checkbox" name="builtIn" value=${b.flag} ?disabled=${!b.unit} .checked=${this.documentType === 'qd-ubnd' && !!b.unit} /> ${t.builtIn[b.flag]} (${b.unit?.name ?? t.noUnit})</label>`,
          )}
          ${e['builtInConsultees'] ? html`<span class="field-error" id="c-builtin-error">${e['builtInConsultees']}</span>` : nothing}
          ${field('c-other', t.otherConsultees, e['otherConsultees'], (d, bad) => html`<select id="c-other" name="other" multiple size="5" aria-describedby=${d} aria-invalid=${bad}>
            ${unitOptions(others)}
          </select>`)}
        </fieldset>
        ${field('c-text', t.fullText, e['text'] ?? e['articles'], (d, bad) => html`<textarea id="c-text" name="text" rows="14" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} @input=${() => (this.preview = undefined)}></textarea>`, t.fullTextHint)}
        <div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.#previewSplit()}>${t.preview}</button></div>
        ${this.preview ? this.#renderArticleList(this.preview, t.previewCount(this.preview.length)) : nothing}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button></div>
      </form>
    `;
  }

  #renderArticleList(articles: readonly DraftArticle[], caption: string) {
    const t = consultationTexts();
    return html`<section class="panel" aria-label=${caption}>
      <p class="note">${caption}</p>
      <ol>${articles.map((a) => html`<li>${a.chapter ? html`<span class="note">${a.chapter} · </span>` : nothing}<strong>${a.heading}</strong>${a.body ? html`<details><summary>${t.body}</summary><p class="text-block">${a.body}</p></details>` : nothing}</li>`)}</ol>
    </section>`;
  }

  #renderOne(v: ConsultationView) {
    const t = consultationTexts();
    const c = commonTexts();
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${c.back}</button></p>
      <h2 tabindex="-1">${v.title}</h2>
      <dl class="facts">
        <dt>${t.phaseFilter}</dt><dd><span class="badge" data-status=${v.phase}>${t.phases[v.phase]}</span></dd>
        <dt>${t.documentType}</dt><dd>${this.#typeLabel(v.documentType)}</dd>
        <dt>${t.period}</dt><dd>${t.days(formatDate(v.opensOn), formatDate(v.closesOn))} <span class="note">${t.rule(v.rule.minimumDays, v.rule.version)}</span></dd>
        <dt>${t.contact}</dt><dd>${[v.contact.address, v.contact.email, v.contact.phone].filter(Boolean).join(' · ')}</dd>
        <dt>${t.commentsCount}</dt><dd>${v.comments}</dd>
        ${v.phase !== 'draft' ? html`<dt>${t.publicPage}</dt><dd><a href=${`/gop-y-du-thao/${v.slug}`} target="_blank" rel="noopener">/gop-y-du-thao/${v.slug}</a></dd>` : nothing}
      </dl>
      ${v.summary ? html`<p class="text-block">${v.summary}</p>` : nothing}
      ${BEFORE_OPENING.includes(v.phase)
        ? this.editingInfo
          ? this.#renderInfoForm(v)
          : html`<div class="actions"><button type="button" @click=${() => { this.editingInfo = true; this.fieldErrors = {}; }}>${t.editInfo}</button></div>`
        : nothing}
      ${v.phase === 'draft'
        ? html`<div class="panel"><p class="note" id="c-announce-hint">${t.announceHint}</p><div class="actions"><button type="button" class="primary" aria-describedby="c-announce-hint" ?disabled=${this.busy} @click=${() => this.#change(() => this.api!.post<ConsultationView>(this.#path('/announce')), t.announced)}>${t.announce}</button></div></div>`
        : nothing}
      ${this.#renderArticles(v)} ${this.#renderFiles(v)} ${this.#renderConsultees(v)}
      ${v.phase === 'draft' ? nothing : html`<qa-consultation-comments .api=${this.api} .tenant=${this.tenant} .user=${this.user} .consultation=${v}></qa-consultation-comments>`}
      ${v.phase === 'closed' || v.phase === 'outcome-published' ? this.#renderOutcome(v) : nothing}
    `;
  }

  #renderInfoForm(v: ConsultationView) {
    const t = consultationTexts();
    const e = this.fieldErrors;
    return html`<form novalidate aria-label=${t.editInfo} @submit=${(ev: SubmitEvent) => this.#saveInfo(ev)}>
      ${field('ci-title', t.name, e['title'], (d, bad) => html`<input id="ci-title" name="title" maxlength="500" required aria-required="true" .value=${v.title} aria-describedby=${d} aria-invalid=${bad} />`)}
      <div class="row">
        ${field('ci-opens', t.opensOn, e['opensOn'], (d, bad) => html`<input id="ci-opens" name="opensOn" type="date" required aria-required="true" .value=${v.opensOn} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('ci-closes', t.closesOn, e['closesOn'], (d, bad) => html`<input id="ci-closes" name="closesOn" type="date" required aria-required="true" .value=${v.closesOn} aria-describedby=${d} aria-invalid=${bad} />`, t.minimumHint(v.rule.minimumDays, this.periods?.citation ?? v.rule.version))}
      </div>
      ${field('ci-summary', t.summary, e['summary'], (d, bad) => html`<textarea id="ci-summary" name="summary" rows="3" maxlength="20000" .value=${v.summary} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <fieldset>
        <legend>${t.contact}</legend>
        ${field('ci-address', t.address, e['contact'], (d, bad) => html`<input id="ci-address" name="address" maxlength="300" required aria-required="true" .value=${v.contact.address} aria-describedby=${d} aria-invalid=${bad} />`)}
        <div class="row">
          ${field('ci-email', t.email, undefined, (d, bad) => html`<input id="ci-email" name="email" type="email" maxlength="254" required aria-required="true" .value=${v.contact.email} aria-describedby=${d} aria-invalid=${bad} />`)}
          ${field('ci-phone', t.phone, undefined, (d, bad) => html`<input id="ci-phone" name="phone" type="tel" maxlength="30" .value=${v.contact.phone ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t.saveInfo}</button>
        <button type="button" @click=${() => { this.editingInfo = false; this.fieldErrors = {}; }}>${commonTexts().cancel}</button>
      </div>
    </form>`;
  }

  #renderArticles(v: ConsultationView) {
    const t = consultationTexts();
    const editable = EDITABLE.includes(v.phase);
    const editing = this.editingArticles;
    const e = this.fieldErrors;
    return html`<section class="panel" aria-labelledby="c-articles-title">
      <h3 id="c-articles-title">${t.articles}</h3>
      ${editing
        ? html`<form novalidate aria-labelledby="c-articles-title" @submit=${(ev: SubmitEvent) => this.#saveArticles(ev)}>
            ${editing.map(
              (a, i) => html`<fieldset>
                <legend>${t.articleLegend(i + 1)}</legend>
                <div class="row">
                  ${field(`c-chapter-${i}`, t.chapter, undefined, (d, bad) => html`<input id=${`c-chapter-${i}`} maxlength="500" .value=${a.chapter ?? ''} aria-describedby=${d} aria-invalid=${bad} @input=${(ev: Event) => this.#editArticle(i, 'chapter', (ev.target as HTMLInputElement).value)} />`)}
                  ${field(`c-number-${i}`, t.number, undefined, (d, bad) => html`<input id=${`c-number-${i}`} maxlength="20" .value=${a.number ?? ''} aria-describedby=${d} aria-invalid=${bad} @input=${(ev: Event) => this.#editArticle(i, 'number', (ev.target as HTMLInputElement).value)} />`)}
                </div>
                ${field(`c-heading-${i}`, t.heading, e[`heading-${i}`], (d, bad) => html`<input id=${`c-heading-${i}`} maxlength="500" required aria-required="true" .value=${a.heading} aria-describedby=${d} aria-invalid=${bad} @input=${(ev: Event) => this.#editArticle(i, 'heading', (ev.target as HTMLInputElement).value)} />`)}
                ${field(`c-body-${i}`, t.body, undefined, (d, bad) => html`<textarea id=${`c-body-${i}`} rows="4" .value=${a.body} aria-describedby=${d} aria-invalid=${bad} @input=${(ev: Event) => this.#editArticle(i, 'body', (ev.target as HTMLTextAreaElement).value)}></textarea>`)}
                <div class="actions"><button type="button" class="danger" aria-label=${t.removeArticleLabel(i + 1)} @click=${() => (this.editingArticles = this.editingArticles!.filter((_, j) => j !== i))}>${t.removeArticle}</button></div>
              </fieldset>`,
            )}
            ${e['articles'] ? html`<p class="field-error" id="c-articles-error">${e['articles']}</p>` : nothing}
            <div class="actions">
              <button type="button" @click=${() => (this.editingArticles = [...this.editingArticles!, { chapter: null, number: null, heading: '', body: '' }])}>${t.addArticle}</button>
              <button type="submit" class="primary" ?disabled=${this.busy}>${t.saveArticles}</button>
              <button type="button" @click=${() => { this.editingArticles = undefined; this.fieldErrors = {}; }}>${commonTexts().cancel}</button>
            </div>
          </form>`
        : html`${v.articles.length === 0 ? html`<p>${t.noArticles}</p>` : this.#renderArticleList(v.articles, t.previewCount(v.articles.length))}
            ${editable
              ? v.comments > 0
                ? html`<p class="note">${t.articlesLocked}</p>`
                : html`<div class="actions"><button type="button" @click=${() => (this.editingArticles = v.articles.map((a) => ({ chapter: a.chapter, number: a.number, heading: a.heading, body: a.body })))}>${t.editArticles}</button></div>`
              : nothing}`}
    </section>`;
  }

  #renderFiles(v: ConsultationView) {
    const t = consultationTexts();
    const editable = EDITABLE.includes(v.phase);
    const e = this.fieldErrors;
    return html`<section class="panel" aria-labelledby="c-files-title">
      <h3 id="c-files-title">${t.files}</h3>
      <p class="note">${t.filesHint}</p>
      ${v.files.length === 0
        ? html`<p>${t.noFiles}</p>`
        : html`<ul class="plain">${v.files.map(
            (f) => html`<li>${f.name} <span class="note">(${fileSize(f.size)})</span>
              ${editable ? html`<button type="button" class="link" aria-label=${t.removeFileLabel(f.name)} ?disabled=${this.busy} @click=${() => this.#change(() => this.api!.delete<ConsultationView>(this.#path(`/files/${encodeURIComponent(f.id)}`)), t.removedFile(f.name))}>${t.removeFile}</button>` : nothing}</li>`,
          )}</ul>`}
      ${editable
        ? html`<form class="row" novalidate aria-label=${t.files} @submit=${(ev: SubmitEvent) => this.#attach(ev)}>
            ${field('c-file', t.file, e['file'], (d, bad) => html`<input id="c-file" name="file" type="file" accept=${DOSSIER_ACCEPT} aria-describedby=${d} aria-invalid=${bad} />`)}
            <button type="submit" ?disabled=${this.busy}>${t.upload}</button>
            ${this.progress !== undefined ? html`<progress max="1" .value=${this.progress} aria-label=${t.uploading('')}></progress>` : nothing}
          </form>`
        : nothing}
    </section>`;
  }

  #renderConsultees(v: ConsultationView) {
    const t = consultationTexts();
    return html`<section class="panel" aria-labelledby="c-replies-title">
      <h3 id="c-replies-title">${t.replies}</h3>
      ${v.consultees.length === 0
        ? html`<p>${t.noConsultees}</p>`
        : html`<table>
            <caption class="visually-hidden">${t.replies}</caption>
            <thead><tr><th scope="col">${t.unit}</th><th scope="col">${t.deadline}</th><th scope="col">${t.reply}</th></tr></thead>
            <tbody>${v.consultees.map(
              (c) => html`<tr>
                <td>${c.unit.name}${c.builtIn ? html` <span class="note">(${t.builtIn[c.builtIn]})</span>` : nothing}</td>
                <td>${formatDate(c.deadlineOn)}</td>
                <td>${c.reply
                  ? html`<span class="note">${t.repliedAt(formatTime(c.reply.at))}</span> ${c.reply.late ? html`<span class="badge" data-state="met-late">${t.late}</span>` : nothing}
                      ${c.reply.text ? html`<p class="text-block">${c.reply.text}</p>` : nothing}
                      ${c.reply.file ? html`<button type="button" class="link" aria-label=${t.downloadLabel(c.reply.file.name)} @click=${() => this.#fetch(this.#path(`/replies/${encodeURIComponent(c.reply!.file!.id)}`), c.reply!.file!.name)}>${t.download}</button>` : nothing}`
                  : html`<span class="badge" data-status="pending">${t.noReply}</span>`}</td>
              </tr>`,
            )}</tbody>
          </table>`}
    </section>`;
  }

  #renderOutcome(v: ConsultationView) {
    const t = consultationTexts();
    const e = this.fieldErrors;
    return html`<section class="panel" aria-labelledby="c-outcome-title">
      <h3 id="c-outcome-title">${t.outcome}</h3>
      <div class="actions" role="group" aria-label=${t.report}>
        ${REPORT_FORMATS.map((format) => html`<button type="button" @click=${() => this.#fetch(this.#path('/report'), `bao-cao-tiep-thu.${format}`, { format })}>${t.reportAs(format.toUpperCase())}</button>`)}
      </div>
      ${v.outcome
        ? html`<p class="note">${t.publishedAt(formatTime(v.outcome.publishedAt))}</p><p class="text-block">${v.outcome.summary}</p>`
        : html`<p class="note">${t.outcomeHint}</p>
            <form novalidate aria-label=${t.publishOutcome} @submit=${(ev: SubmitEvent) => this.#publishOutcome(ev)}>
              ${field('c-outcome', t.outcomeSummary, e['summary'], (d, bad) => html`<textarea id="c-outcome" name="summary" rows="5" maxlength="20000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
              <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.publishOutcome}</button></div>
            </form>`}
    </section>`;
  }
}
