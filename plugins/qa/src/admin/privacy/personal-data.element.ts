import { html, nothing, type PropertyDeclarations } from 'lit';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { API, AUDIT_READ, ERASURE_ACTION, PRIVACY, type AuditEntry, type AuditPage, type RetentionResult } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { privacyTexts } from './privacy-messages.js';

const RECORD_LIMIT = 50;

/** What an erasure's audit entry says (`{ reason, published }`), read loosely: the audit log keeps any JSON. */
function erasureOf(entry: AuditEntry): { reason: string; published: boolean } {
  const after = (entry.after ?? {}) as { reason?: unknown; published?: unknown };
  return { reason: typeof after.reason === 'string' ? after.reason : '', published: after.published === true };
}

/**
 * "Dữ liệu cá nhân" (`qa.privacy.manage`, the province's board; CORE-11): the erasure record, as the API
 * offers it (the core's audit log of `qa.question.erase-personal-data`: which question, why, when; it
 * needs `core.audit.read` too), and the retention period applied now, after a confirmation (the daily
 * job does the same; running it twice erases nothing more).
 */
export class PersonalDataPage extends QaPage {
  static override properties: PropertyDeclarations = {
    record: { state: true },
    nextCursor: { state: true },
    confirming: { state: true },
    result: { state: true },
  };

  declare record: readonly AuditEntry[] | undefined;
  declare nextCursor: string | null;
  declare confirming: boolean;
  /** The last run's answer, shown until the unit changes. */
  declare result: RetentionResult | undefined;

  constructor() {
    super();
    this.nextCursor = null;
    this.confirming = false;
  }

  protected override unitChanged(): void {
    this.record = undefined;
    this.nextCursor = null;
    this.result = undefined;
    this.confirming = false;
  }

  #isProvince(): boolean {
    return !this.tenant || this.tenant.kind === 'province';
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(PRIVACY) || !this.can(AUDIT_READ) || !this.#isProvince()) return;
    try {
      const page = await api.get<AuditPage>('/api/core/audit', { query: { action: ERASURE_ACTION, limit: RECORD_LIMIT } });
      if (api !== this.api) return;
      this.record = page.items;
      this.nextCursor = page.nextCursor;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  async #more(): Promise<void> {
    const api = this.api!;
    try {
      const page = await api.get<AuditPage>('/api/core/audit', { query: { action: ERASURE_ACTION, limit: RECORD_LIMIT, cursor: this.nextCursor! } });
      if (api !== this.api) return;
      this.record = [...(this.record ?? []), ...page.items];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #run(): Promise<void> {
    const t = privacyTexts();
    const ok = await this.act(
      async () => {
        this.result = await this.api!.post<RetentionResult>(`${API}/privacy/retention/run`);
        await this.load();
      },
      () => t.ran(this.result!.erased, this.result!.retentionYears),
    );
    this.confirming = false;
    await this.updateComplete;
    if (ok) this.renderRoot.querySelector<HTMLElement>('#p-run')?.focus();
  }

  async #ask(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#p-confirm-run')?.focus();
  }

  override render() {
    const t = privacyTexts();
    if (!this.can(PRIVACY)) return html`<h1>${t.title}</h1><p class="note">${t.needManage}</p>`;
    if (!this.#isProvince()) return html`<h1>${t.title}</h1><p class="note">${t.provinceOnly}</p>`;
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}
      <p class="note">${t.intro}</p>
      <p><a href="/hoi-dap/xoa-du-lieu" target="_blank" rel="noopener">${t.publicPage}</a></p>
      <section class="panel" aria-labelledby="p-retention-title">
        <h2 id="p-retention-title">${t.retentionTitle}</h2>
        <p class="hint" id="p-retention-hint">${t.retentionHint}</p>
        ${this.confirming
          ? html`<p id="p-confirm">${t.confirm}</p>
              <div class="actions">
                <button type="button" id="p-confirm-run" class="danger" aria-describedby="p-confirm" ?disabled=${this.busy} @click=${() => this.#run()}>${t.confirmRun}</button>
                <button type="button" @click=${() => (this.confirming = false)}>${commonTexts().cancel}</button>
              </div>`
          : html`<div class="actions"><button type="button" id="p-run" aria-describedby="p-retention-hint" ?disabled=${this.busy} @click=${() => this.#ask()}>${t.run}</button></div>`}
        ${this.result ? html`<p data-result>${t.ran(this.result.erased, this.result.retentionYears)}</p>` : nothing}
      </section>
      ${this.#renderRecord()}`;
  }

  #renderRecord() {
    const t = privacyTexts();
    const c = commonTexts();
    const record = this.record;
    return html`<section class="panel" aria-labelledby="p-record-title">
      <h2 id="p-record-title">${t.record}</h2>
      <p class="hint">${t.recordHint}</p>
      ${!this.can(AUDIT_READ)
        ? html`<p class="note">${t.needAudit}</p>`
        : !record
          ? this.error ? nothing : html`<p>${c.loading}</p>`
          : record.length === 0
            ? html`<p>${t.recordEmpty}</p>`
            : html`<table>
                <caption class="visually-hidden">${t.record}</caption>
                <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.question}</th><th scope="col">${t.reason}</th><th scope="col">${t.published}</th></tr></thead>
                <tbody>${record.map((entry) => {
                  const erasure = erasureOf(entry);
                  return html`<tr data-erasure=${entry.objectId}>
                    <td>${formatTime(entry.at)}</td>
                    <td><code>${entry.objectId}</code></td>
                    <td>${t.reasons[erasure.reason] ?? (erasure.reason || c.none)}</td>
                    <td>${erasure.published ? c.yes : c.no}</td>
                  </tr>`;
                })}</tbody>
              </table>
              ${this.nextCursor ? html`<div class="actions"><button type="button" @click=${() => this.#more()}>${t.more}</button></div>` : nothing}`}
    </section>`;
  }
}
