import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatTime } from '../messages.js';
import { mandatedTexts, pageLang, showDate } from './mandated-messages.js';
import { mandatedStyles } from './mandated.styles.js';
import { COMPLIANCE_MANAGE, DEADLINE_KINDS, type ComplianceReport, type DeadlineKind, type DeadlinePage, type DeadlineStatus, type SectionCompliance } from './mandated-types.js';

const LIMIT = 20;
const PROBLEMS = new Set(['empty', 'stale', 'english-missing']);

/**
 * The unit's mandated information (nav route `/portal/compliance`): every section POR-01…POR-16 with
 * its status badge, item count and last update, a filter to the sections that need work, "not
 * applicable" with a reason, the address of link sections (Cổng DVCQG, Công báo), re-seeding missing
 * sections; below, the publication deadlines with a status filter, paging, free-text items and
 * "recorded as published". Only holders of `portal.compliance.manage` see the controls that write.
 */
export class CompliancePage extends CongElement implements Partial<AdminContributionProps> {
  static override styles = mandatedStyles;
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    report: { state: true },
    deadlines: { state: true },
    problemsOnly: { state: true },
    editing: { state: true },
    deadlineStatus: { state: true },
    offset: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare report: ComplianceReport | undefined;
  declare deadlines: DeadlinePage | undefined;
  declare problemsOnly: boolean;
  /** The section whose "not applicable" form is open. */
  declare editing: string | undefined;
  declare deadlineStatus: DeadlineStatus | '';
  declare offset: number;
  declare error: string | undefined;
  declare notice: string | undefined;

  constructor() {
    super();
    this.problemsOnly = false;
    this.deadlineStatus = '';
    this.offset = 0;
  }

  /** Without a user (previews, tests) the server decides. */
  get #manager(): boolean {
    return !this.user || this.user.permissions.includes(COMPLIANCE_MANAGE);
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('tenant')) {
      this.offset = 0;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const [report, deadlines] = await Promise.all([
        api.get<ComplianceReport>('/api/portal/compliance'),
        api.get<DeadlinePage>('/api/portal/deadlines', { query: { limit: LIMIT, offset: this.offset, ...(this.deadlineStatus ? { status: this.deadlineStatus } : {}) } }),
      ]);
      if (api !== this.api) return; // a late answer for the previous unit
      this.report = report;
      this.deadlines = deadlines;
      this.error = undefined;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Runs a change, then reloads; the notice is what `work` returns, else `done`. */
  async #write(work: (api: ApiClient) => Promise<unknown>, done?: string): Promise<void> {
    if (!this.api) return;
    try {
      const said = await work(this.api);
      this.notice = typeof said === 'string' ? said : done;
      this.error = undefined;
      await this.#load();
    } catch (error) {
      this.error = error instanceof ApiError && error.errors.length > 0 ? `${error.message}: ${error.errors.map((e) => e.message).join('; ')}` : error instanceof Error ? error.message : String(error);
    }
  }

  #markNotApplicable(event: SubmitEvent, code: string): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (!reason) {
      this.error = mandatedTexts().reasonRequired;
      return;
    }
    this.editing = undefined;
    void this.#write((api) => api.patch(`/api/portal/mandated-sections/${code}`, { notApplicable: true, reason }), mandatedTexts().saved);
  }

  #saveLink(event: SubmitEvent, code: string): void {
    event.preventDefault();
    const url = String(new FormData(event.target as HTMLFormElement).get('url') ?? '').trim();
    void this.#write((api) => api.patch(`/api/portal/mandated-sections/${code}`, { linkUrl: url === '' ? null : url }), mandatedTexts().saved);
  }

  #track(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { subject: { type: 'text', text: String(data.get('text') ?? '').trim() }, kind: String(data.get('kind')) as DeadlineKind, origin: String(data.get('origin')) };
    void this.#write(async (api) => {
      await api.post('/api/portal/deadlines', body);
      form.reset();
    });
  }

  #sectionRow(s: SectionCompliance) {
    const t = mandatedTexts();
    const name = pageLang() === 'en' ? s.name.en : s.name.vi;
    const manager = this.#manager;
    return html`<tr>
      <th scope="row">${s.code}</th>
      <td>
        ${name}<br /><small>${t.sources[s.source]} · ${s.basis}</small>
        ${s.staleAfterDays !== null ? html`<br /><small>${t.staleAfter(s.staleAfterDays)}</small>` : nothing}
        ${s.englishStale > 0 ? html`<br /><small>${t.englishStale(s.englishStale)}</small>` : nothing}
        ${s.notApplicableReason ? html`<br /><small>${t.reason}: ${s.notApplicableReason}</small>` : nothing}
      </td>
      <td><span class="badge b-${s.status}">${t.statuses[s.status]}</span></td>
      <td>${s.itemCount}</td>
      <td>${formatTime(s.lastUpdate)}</td>
      <td>
        ${manager && s.source === 'link'
          ? html`<form class="inline" @submit=${(e: SubmitEvent) => this.#saveLink(e, s.code)}>
              <label><span class="quiet">${t.linkUrl}</span> <input name="url" type="url" maxlength="1000" .value=${s.linkUrl ?? ''} /></label>
              <button type="submit">${t.saveLink}</button>
            </form>`
          : nothing}
        ${manager && s.status === 'not-applicable'
          ? html`<button type="button" @click=${() => this.#write((api) => api.patch(`/api/portal/mandated-sections/${s.code}`, { notApplicable: false }), t.saved)}>${t.applicableAgain}</button>`
          : nothing}
        ${manager && s.status !== 'not-applicable' && this.editing !== s.code
          ? html`<button type="button" @click=${() => (this.editing = s.code)}>${t.markNotApplicable}</button>`
          : nothing}
        ${this.editing === s.code
          ? html`<form class="inline" @submit=${(e: SubmitEvent) => this.#markNotApplicable(e, s.code)}>
              <label><span class="quiet">${t.reason}</span> <textarea name="reason" rows="2" maxlength="1000" required></textarea></label>
              <button class="primary" type="submit">${t.save}</button>
              <button type="button" @click=${() => (this.editing = undefined)}>${t.cancel}</button>
            </form>`
          : nothing}
      </td>
    </tr>`;
  }

  #deadlines() {
    const t = mandatedTexts();
    const page = this.deadlines;
    if (!page) return html`<p>${t.loading}</p>`;
    const manager = this.#manager;
    return html`
      <div class="bar">
        <label>${t.status}
          <select @change=${(e: Event) => { this.deadlineStatus = (e.target as HTMLSelectElement).value as DeadlineStatus | ''; this.offset = 0; void this.#load(); }}>
            <option value="" ?selected=${this.deadlineStatus === ''}>${t.allStatuses}</option>
            ${(['overdue', 'pending', 'late', 'met'] as const).map((s) => html`<option value=${s} ?selected=${this.deadlineStatus === s}>${t.deadlineStatuses[s]}</option>`)}
          </select>
        </label>
      </div>
      ${page.items.length === 0
        ? html`<p>${t.noDeadlines}</p>`
        : html`<table>
            <caption class="quiet">${t.deadlines}</caption>
            <thead><tr><th scope="col">${t.subject}</th><th scope="col">${t.origin}</th><th scope="col">${t.due}</th><th scope="col">${t.status}</th><th scope="col">${t.rule}</th><th scope="col">${t.actions}</th></tr></thead>
            <tbody>
              ${page.items.map((d) => html`<tr>
                <td>${d.subject.title}</td>
                <td>${showDate(d.originDate)}</td>
                <td>${showDate(d.dueDate)}</td>
                <td><span class="badge b-${d.status}">${t.deadlineStatuses[d.status]}</span>${d.metAt ? html`<br /><small>${t.met}: ${formatTime(d.metAt)}</small>` : nothing}</td>
                <td><small>${d.rule.name} · ${t.days(d.rule.days)}</small></td>
                <td>
                  ${manager && d.subject.type === 'text' && d.metAt === null
                    ? html`<button type="button" @click=${() => this.#write((api) => api.post(`/api/portal/deadlines/${d.id}/met`, {}))}>${t.markMet}</button>`
                    : nothing}
                  ${manager && d.subject.type !== 'legal' ? html`<button type="button" @click=${() => this.#write((api) => api.delete(`/api/portal/deadlines/${d.id}`))}>${t.remove}</button>` : nothing}
                </td>
              </tr>`)}
            </tbody>
          </table>`}
      ${page.total > page.limit
        ? html`<div class="pager">
            <button type="button" ?disabled=${page.offset === 0} @click=${() => { this.offset = Math.max(0, page.offset - LIMIT); void this.#load(); }}>${t.previous}</button>
            <span>${t.page(page.offset + 1, Math.min(page.offset + page.items.length, page.total), page.total)}</span>
            <button type="button" ?disabled=${page.offset + page.items.length >= page.total} @click=${() => { this.offset = page.offset + LIMIT; void this.#load(); }}>${t.next}</button>
          </div>`
        : nothing}
      ${manager
        ? html`<form class="bar" @submit=${(e: SubmitEvent) => this.#track(e)} aria-label=${t.track}>
            <label>${t.text} <input name="text" required maxlength="500" /></label>
            <label>${t.kind}
              <select name="kind">${DEADLINE_KINDS.map((k) => html`<option value=${k}>${t.kinds[k]}</option>`)}</select>
            </label>
            <label>${t.origin} <input name="origin" type="date" required value=${page.today} /></label>
            <button class="primary" type="submit">${t.add}</button>
          </form>`
        : nothing}
    `;
  }

  override render() {
    const t = mandatedTexts();
    const report = this.report;
    const shown = report ? report.items.filter((s) => !this.problemsOnly || PROBLEMS.has(s.status)) : [];
    return html`<h1>${t.title}</h1>
      <p>${t.intro}</p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      <h2>${t.sections}</h2>
      ${!report
        ? html`<p>${t.loading}</p>`
        : html`<div class="bar">
              <strong>${t.summary(report.summary.ok, report.summary.total)}</strong>
              <label class="inline"><input type="checkbox" .checked=${this.problemsOnly} @change=${(e: Event) => (this.problemsOnly = (e.target as HTMLInputElement).checked)} /> ${t.onlyProblems}</label>
              ${this.#manager
                ? html`<button type="button" @click=${() => this.#write(async (api) => { const r = await api.post<{ added: string[] }>('/api/portal/mandated-sections/seed'); return t.reseeded(r.added.length); })}>${t.reseed}</button>`
                : nothing}
            </div>
            ${shown.length === 0
              ? html`<p>${t.noProblems}</p>`
              : html`<table>
                  <caption class="quiet">${t.sections}</caption>
                  <thead><tr><th scope="col">${t.code}</th><th scope="col">${t.section}</th><th scope="col">${t.status}</th><th scope="col">${t.items}</th><th scope="col">${t.lastUpdate}</th><th scope="col">${t.actions}</th></tr></thead>
                  <tbody>${shown.map((s) => this.#sectionRow(s))}</tbody>
                </table>`}`}
      <h2>${t.deadlines}</h2>
      ${this.#deadlines()}`;
  }
}
