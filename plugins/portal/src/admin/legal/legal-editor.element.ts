import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formStyles } from '../article-editor/article-editor.styles.js';
import { formatTime } from '../messages.js';
import { formatDay } from './legal-format.js';
import { legalTexts, type LegalTexts } from './legal-messages.js';
import {
  LEGAL_API,
  LEGAL_STATUSES,
  LEGAL_TYPE_IDS,
  LEGAL_WRITE,
  legalPath,
  RELATION_KINDS,
  type LegalDocument,
  type LegalDocumentInput,
  type LegalPage,
  type LegalStatus,
  type LegalType,
  type RelationKind,
} from './legal-types.js';

type Found = LegalPage['items'][number];

/**
 * One legal document: every field of the API (type — with its own name for “other” —, number and
 * symbol, issuer, signer, issue/effective/expiry dates, field, summary, attached file ids), its
 * relations both ways (add: choose the kind and find the target by its number; remove), and its
 * validity: the status shown, the one computed from dates and relations, and the manual override
 * (a status with a required reason) and its removal.
 *
 * `documentId` names the document; without it the form adds one (`POST`) and announces the new id.
 * Errors the server names per field appear beside that field (e.g. a number the issuer already used).
 *
 * @fires portal-legal-created - after a document was added; `detail.id` is its id.
 * @fires portal-legal-open - when a related document's link is followed; `detail.id` is its id.
 */
export class LegalEditor extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [
    formStyles,
    css`
      section { margin-block-start: var(--cong-space-l, 1.5rem); max-width: 56rem; display: grid; gap: var(--cong-space-s, 0.75rem); }
      .found { display: grid; gap: 0.25rem; }
      .found label { font-weight: 400; display: flex; gap: 0.5rem; align-items: baseline; }
      .override { display: grid; gap: 0.25rem; }
      .override p { margin: 0; }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    documentId: { attribute: 'document-id' },
    document: { state: true },
    type: { state: true },
    found: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** The document's id; empty for a new one. */
  declare documentId: string | undefined;
  declare document: LegalDocument | undefined;
  /** The type chosen in the form: “other” asks for its name. */
  declare type: LegalType;
  /** Candidates of the relation search, undefined before a search. */
  declare found: readonly Found[] | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.type = 'quyet_dinh';
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant') || changed.has('documentId')) && this.api) void this.load();
  }

  /** Without a user (previews, tests) the server decides. */
  get #canWrite(): boolean {
    return !this.user || this.user.permissions.includes(LEGAL_WRITE);
  }

  async load(): Promise<void> {
    const api = this.api!;
    const id = this.documentId;
    this.found = undefined;
    this.fieldErrors = {};
    if (!id) {
      this.document = undefined;
      this.error = undefined;
      return;
    }
    try {
      const doc = await api.get<LegalDocument>(`${LEGAL_API}/${encodeURIComponent(id)}`);
      if (api !== this.api || id !== this.documentId) return;
      this.#show(doc);
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : legalTexts().failed;
    }
  }

  #show(doc: LegalDocument): void {
    this.document = doc;
    this.type = doc.type;
  }

  #failed(error: unknown): void {
    if (!(error instanceof ApiError)) throw error;
    this.fieldErrors = error.fieldErrors();
    this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
  }

  /** Runs one write; its answer is the document as it is now. */
  async #write(call: () => Promise<LegalDocument>, done: string): Promise<boolean> {
    this.busy = true;
    try {
      this.#show(await call());
      this.fieldErrors = {};
      this.error = undefined;
      showToast(done, { variant: 'success' }, this);
      return true;
    } catch (error) {
      this.#failed(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = legalTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const orNull = (name: string) => text(name) || null;
    const type = text('type') as LegalType;
    const input: LegalDocumentInput = {
      type,
      ...(type === 'other' ? { typeName: text('typeName') } : {}),
      numberSymbol: text('numberSymbol'),
      issuer: text('issuer'),
      signer: orNull('signer'),
      issuedOn: text('issuedOn'),
      effectiveOn: orNull('effectiveOn'),
      expiresOn: orNull('expiresOn'),
      field: orNull('field'),
      summary: text('summary'),
      fileIds: [...new Set(text('fileIds').split(/\s+/).filter(Boolean))],
    };
    // The server checks all of it again; this spares a round trip for what is plainly missing.
    const required = ['numberSymbol', 'issuer', 'issuedOn', 'summary', ...(type === 'other' ? ['typeName'] : [])] as const;
    const missing = Object.fromEntries(required.filter((name) => text(name) === '').map((name) => [name, t.required]));
    if (Object.keys(missing).length > 0) {
      this.fieldErrors = missing;
      this.renderRoot.querySelector<HTMLElement>(`#field-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    const current = this.document;
    if (current) {
      await this.#write(() => this.api!.patch<LegalDocument>(`${LEGAL_API}/${encodeURIComponent(current.id)}`, input), t.saved);
      return;
    }
    if (await this.#write(() => this.api!.post<LegalDocument>(LEGAL_API, input), t.created)) {
      this.documentId = this.document!.id;
      this.emit('portal-legal-created', { id: this.document!.id });
    }
  }

  async #findTargets(): Promise<void> {
    const q = this.renderRoot.querySelector<HTMLInputElement>('#field-targetQuery')?.value.trim() ?? '';
    if (q === '') {
      this.fieldErrors = { targetId: legalTexts().chooseTarget };
      return;
    }
    try {
      const page = await this.api!.get<LegalPage>(LEGAL_API, { query: { q, limit: 10, offset: 0 } });
      this.found = page.items.filter((d) => d.id !== this.document?.id);
      this.fieldErrors = {};
    } catch (error) {
      this.#failed(error);
    }
  }

  async #addRelation(): Promise<void> {
    const t = legalTexts();
    const doc = this.document!;
    const kind = this.renderRoot.querySelector<HTMLSelectElement>('#field-relationKind')!.value as RelationKind;
    const targetId = this.renderRoot.querySelector<HTMLInputElement>('input[name=targetId]:checked')?.value;
    if (!targetId) {
      this.fieldErrors = { targetId: t.chooseTarget };
      return;
    }
    if (await this.#write(() => this.api!.post<LegalDocument>(`${LEGAL_API}/${encodeURIComponent(doc.id)}/relations`, { kind, targetId }), t.relationAdded)) {
      this.found = undefined;
      const query = this.renderRoot.querySelector<HTMLInputElement>('#field-targetQuery');
      if (query) query.value = '';
    }
  }

  async #removeRelation(relationId: string): Promise<void> {
    const doc = this.document!;
    await this.#write(() => this.api!.delete<LegalDocument>(`${LEGAL_API}/${encodeURIComponent(doc.id)}/relations/${encodeURIComponent(relationId)}`), legalTexts().relationRemoved);
  }

  async #setOverride(): Promise<void> {
    const t = legalTexts();
    const doc = this.document!;
    const status = this.renderRoot.querySelector<HTMLSelectElement>('#field-overrideStatus')!.value as LegalStatus;
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('#field-reason')!.value.trim();
    if (reason === '') {
      this.fieldErrors = { reason: t.overrideReasonRequired };
      this.renderRoot.querySelector<HTMLTextAreaElement>('#field-reason')?.focus();
      return;
    }
    if (await this.#write(() => this.api!.put<LegalDocument>(`${LEGAL_API}/${encodeURIComponent(doc.id)}/status-override`, { status, reason }), t.overrideSet)) {
      this.renderRoot.querySelector<HTMLTextAreaElement>('#field-reason')!.value = '';
    }
  }

  async #clearOverride(): Promise<void> {
    const doc = this.document!;
    await this.#write(() => this.api!.delete<LegalDocument>(`${LEGAL_API}/${encodeURIComponent(doc.id)}/status-override`), legalTexts().overrideCleared);
  }

  #openRelated(event: MouseEvent, id: string): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.emit('portal-legal-open', { id });
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => unknown) {
    const error = this.fieldErrors[name];
    return html`<div class="field">
      <label for=${`field-${name}`}>${label}</label>
      ${control(error ? `${name}-error` : nothing, error ? 'true' : 'false')}
      ${error ? html`<span class="field-error" id=${`${name}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const t = legalTexts();
    const d = this.document;
    if (this.documentId && !d && !this.error) return html`<p role="status">${t.loading}</p>`;
    const ro = !this.#canWrite;
    const input = (name: keyof LegalDocument, label: string, options: { type?: string; max?: number; required?: boolean } = {}) =>
      this.#field(name, label, (desc, bad) => {
        const value = d?.[name];
        return html`<input id=${`field-${name}`} name=${name} type=${options.type ?? 'text'} maxlength=${options.max ?? nothing} ?required=${options.required ?? false}
          .value=${typeof value === 'string' ? value : ''} ?readonly=${ro} aria-describedby=${desc} aria-invalid=${bad} />`;
      });
    return html`
      <h2 id="legal-heading">${d ? `${t.editDocument}: ${d.numberSymbol}` : t.newDocument}</h2>
      ${d ? this.#status(t, d) : nothing}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${ro ? html`<p class="note">${t.readOnly}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.#save(e)} novalidate aria-labelledby="legal-heading">
        <div class="row">
          ${this.#field('type', t.type, (desc, bad) =>
            html`<select id="field-type" name="type" ?disabled=${ro} aria-describedby=${desc} aria-invalid=${bad}
              @change=${(e: Event) => (this.type = (e.target as HTMLSelectElement).value as LegalType)}>
              ${LEGAL_TYPE_IDS.map((v) => html`<option value=${v} ?selected=${this.type === v}>${t.types[v]}</option>`)}
            </select>`,
          )}
          ${this.type === 'other' ? input('typeName', t.typeName, { max: 100, required: true }) : nothing}
          ${input('numberSymbol', t.numberSymbol, { max: 100, required: true })}
        </div>
        <div class="row">
          ${input('issuer', t.issuer, { max: 300, required: true })}
          ${input('signer', t.signer, { max: 200 })}
          ${input('field', t.field, { max: 200 })}
        </div>
        <div class="row">
          ${input('issuedOn', t.issuedOn, { type: 'date', required: true })}
          ${input('effectiveOn', t.effectiveOn, { type: 'date' })}
          ${input('expiresOn', t.expiresOn, { type: 'date' })}
        </div>
        ${this.#field('summary', t.summary, (desc, bad) =>
          html`<textarea id="field-summary" name="summary" rows="3" maxlength="2000" required .value=${d?.summary ?? ''} ?readonly=${ro} aria-describedby=${desc} aria-invalid=${bad}></textarea>`,
        )}
        ${this.#field('fileIds', t.fileIds, (desc, bad) =>
          html`<textarea id="field-fileIds" name="fileIds" rows="2" .value=${(d?.fileIds ?? []).join('\n')} ?readonly=${ro} aria-describedby=${desc} aria-invalid=${bad}></textarea>`,
        )}
        ${ro ? nothing : html`<button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>`}
      </form>
      ${d ? this.#relations(t, d, ro) : html`<p class="note">${t.saveFirst}</p>`}
      ${d && !ro ? this.#overrideForm(t, d) : nothing}
    `;
  }

  #status(t: LegalTexts, d: LegalDocument) {
    return html`<div class="override" aria-live="polite">
      <p class="status">${t.status}: <strong data-status=${d.status}>${t.statuses[d.status]}</strong> (${t.statusAsOf(formatDay(d.statusAsOf))})</p>
      ${d.statusOverride
        ? html`<div class="notice" data-override>
            <p><strong>${t.overrideShown(t.statuses[d.statusOverride.status])}</strong> — ${d.statusOverride.reason}</p>
            <p class="note">${t.overrideBy(formatTime(d.statusOverride.setAt))} · ${t.computedIs(t.statuses[d.computedStatus])}</p>
          </div>`
        : nothing}
    </div>`;
  }

  #relations(t: LegalTexts, d: LegalDocument, ro: boolean) {
    const relations = d.relations ?? [];
    const targetError = this.fieldErrors.targetId;
    return html`<section class="relations" aria-labelledby="relations-heading">
      <h3 id="relations-heading">${t.relations}</h3>
      ${relations.length === 0
        ? html`<p>${t.noRelations}</p>`
        : html`<table>
            <thead><tr><th scope="col">${t.relation}</th><th scope="col">${t.document}</th><th scope="col">${t.issuedOn}</th>${ro ? nothing : html`<th scope="col"><span class="visually-hidden">${t.remove}</span></th>`}</tr></thead>
            <tbody>
              ${relations.map(
                (r) => html`<tr data-relation=${r.relationId}>
                  <td>${t.relationLabels[r.kind]}</td>
                  <td><a href=${`/admin${legalPath(r.document.id)}`} @click=${(e: MouseEvent) => this.#openRelated(e, r.document.id)}>${r.document.typeName} ${r.document.numberSymbol}</a> — ${r.document.summary}</td>
                  <td>${formatDay(r.document.issuedOn)}</td>
                  ${ro
                    ? nothing
                    : html`<td><button type="button" aria-label=${t.removeRelation(t.relationLabels[r.kind], r.document.numberSymbol)} ?disabled=${this.busy} @click=${() => this.#removeRelation(r.relationId)}>${t.remove}</button></td>`}
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${ro
        ? nothing
        : html`<fieldset class="add-relation">
            <legend>${t.addRelation}</legend>
            <div class="row">
              <div class="field">
                <label for="field-relationKind">${t.relationKind}</label>
                <select id="field-relationKind" name="relationKind">${RELATION_KINDS.map((k) => html`<option value=${k}>${t.relationKinds[k]}</option>`)}</select>
              </div>
              <div class="field">
                <label for="field-targetQuery">${t.findTarget}</label>
                <input id="field-targetQuery" type="search" maxlength="200" aria-describedby=${targetError ? 'targetId-error' : nothing} aria-invalid=${targetError ? 'true' : 'false'}
                  @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void this.#findTargets(); } }} />
                ${targetError ? html`<span class="field-error" id="targetId-error">${targetError}</span>` : nothing}
              </div>
              <button type="button" data-action="find" @click=${() => this.#findTargets()}>${t.find}</button>
            </div>
            ${this.found
              ? html`<div class="found" role="group" aria-labelledby="found-heading">
                  <p id="found-heading" role="status">${t.found(this.found.length)}</p>
                  ${this.found.map(
                    (f) => html`<label><input type="radio" name="targetId" value=${f.id} ?checked=${this.found!.length === 1} />
                      <span>${f.typeName} <strong>${f.numberSymbol}</strong> (${f.issuer}, ${formatDay(f.issuedOn)}) — ${f.summary}</span></label>`,
                  )}
                </div>`
              : nothing}
            <div class="actions"><button type="button" data-action="add-relation" ?disabled=${this.busy} @click=${() => this.#addRelation()}>${t.addRelation}</button></div>
          </fieldset>`}
    </section>`;
  }

  #overrideForm(t: LegalTexts, d: LegalDocument) {
    const reasonError = this.fieldErrors.reason;
    return html`<section class="validity" aria-labelledby="override-heading">
      <h3 id="override-heading">${t.override}</h3>
      <p class="note">${t.computedIs(t.statuses[d.computedStatus])} (${t.statusAsOf(formatDay(d.statusAsOf))})</p>
      <div class="row">
        ${this.#field('overrideStatus', t.overrideStatus, (desc, bad) =>
          html`<select id="field-overrideStatus" aria-describedby=${desc} aria-invalid=${bad}>
            ${LEGAL_STATUSES.map((s) => html`<option value=${s} ?selected=${(d.statusOverride?.status ?? d.computedStatus) === s}>${t.statuses[s]}</option>`)}
          </select>`,
        )}
      </div>
      <div class="field">
        <label for="field-reason">${t.overrideReason}</label>
        <textarea id="field-reason" rows="2" maxlength="1000" required aria-describedby=${reasonError ? 'reason-error' : nothing} aria-invalid=${reasonError ? 'true' : 'false'}></textarea>
        ${reasonError ? html`<span class="field-error" id="reason-error">${reasonError}</span>` : nothing}
      </div>
      <div class="actions">
        <button type="button" data-action="set-override" ?disabled=${this.busy} @click=${() => this.#setOverride()}>${t.override}</button>
        ${d.statusOverride ? html`<button type="button" data-action="clear-override" ?disabled=${this.busy} @click=${() => this.#clearOverride()}>${t.clearOverride}</button>` : nothing}
      </div>
    </section>`;
  }
}
