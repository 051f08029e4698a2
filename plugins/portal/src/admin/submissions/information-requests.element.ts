import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formatDate, submissionTexts } from './submission-messages.js';
import { HANDLE, SUBMIT, type AssignedRequest, type InformationRequest, type InformationRequestDetail, type Page, type UnitNode } from './submission-types.js';
import { renderPager } from './submission-views.js';
import { submissionStyles } from './submissions.styles.js';

const LIMIT = 20;

/** A picked unit: itself, or itself and everything below it, with the addresses reminders go to. */
interface Pick {
  readonly subtree: boolean;
  readonly emails: string;
}

const splitEmails = (text: string) => text.split(/[,;\s]+/u).map((e) => e.trim()).filter(Boolean);

/**
 * Information requests (yêu cầu cung cấp thông tin, đôn đốc, POR-42). For a unit that asks
 * (`portal.submissions.handle`): its requests with answered / pending / overdue counts, a form with
 * a picker over the units below it (one unit, or a unit and its whole subtree) and a deadline in
 * working days (previewed with the calendar) or as a date; one request's per-unit state; closing; and
 * sending today's due reminders at once. For an addressed unit (`portal.submissions.submit`): the
 * requests it has to answer, with the addresses its reminders go to.
 */
export class InformationRequests extends CongElement implements Partial<AdminContributionProps> {
  static override styles = submissionStyles;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    page: { state: true },
    assigned: { state: true },
    offset: { state: true },
    detail: { state: true },
    creating: { state: true },
    units: { state: true },
    picks: { state: true },
    byDate: { state: true },
    preview: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare page: Page<InformationRequest> | undefined;
  declare assigned: readonly AssignedRequest[];
  declare offset: number;
  declare detail: InformationRequestDetail | undefined;
  declare creating: boolean;
  declare units: readonly UnitNode[];
  declare picks: ReadonlyMap<string, Pick>;
  declare byDate: boolean;
  declare preview: string | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.assigned = [];
    this.offset = 0;
    this.creating = false;
    this.units = [];
    this.picks = new Map();
    this.byDate = false;
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.detail = undefined;
        this.creating = false;
        this.picks = new Map();
        this.offset = 0;
      }
      void this.load();
    }
  }

  #can(permission: string): boolean {
    return !this.user || this.user.permissions.includes(permission);
  }

  /**
   * The manifest gives this element two nav entries: the requests the unit sent (holders of `handle`)
   * and, at `…/yeu-cau-gui-den`, the requests addressed to the unit (holders of `submit`). An account
   * with one of the two permissions sees its side wherever it comes in.
   */
  get #sides(): { readonly sent: boolean; readonly addressed: boolean } {
    const addressedRoute = typeof location !== 'undefined' && location.pathname.includes('/yeu-cau-gui-den');
    const sent = this.#can(HANDLE) && !(addressedRoute && this.#can(SUBMIT));
    return { sent, addressed: this.#can(SUBMIT) && (addressedRoute || !sent) };
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const [page, assigned] = await Promise.all([
        this.#sides.sent ? api.get<Page<InformationRequest>>('/api/portal/information-requests', { query: { limit: LIMIT, offset: this.offset } }) : Promise.resolve(undefined),
        this.#sides.addressed ? api.get<Page<AssignedRequest>>('/api/portal/information-requests/assigned', { query: { status: 'open', limit: 100 } }) : Promise.resolve(undefined),
      ]);
      if (api !== this.api) return;
      this.page = page;
      this.assigned = assigned?.items ?? [];
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = error instanceof ApiError ? error.message : submissionTexts().failed;
    }
  }

  async #startCreate(): Promise<void> {
    this.creating = true;
    this.fieldErrors = {};
    if (this.units.length > 0) return;
    try {
      const { items } = await this.api!.get<{ items: UnitNode[] }>('/api/core/tenants', { query: { status: 'active', limit: 500 } });
      this.units = items;
    } catch {
      // The shell's client showed the failure; the picker stays empty.
    }
  }

  /** The units below the current one, as (unit, depth) in tree order. */
  #below(): { unit: UnitNode; depth: number; hasChildren: boolean }[] {
    const children = new Map<string, UnitNode[]>();
    for (const u of this.units) if (u.parentId) (children.get(u.parentId) ?? children.set(u.parentId, []).get(u.parentId)!).push(u);
    const out: { unit: UnitNode; depth: number; hasChildren: boolean }[] = [];
    const walk = (id: string, depth: number) => {
      for (const u of (children.get(id) ?? []).sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'))) {
        out.push({ unit: u, depth, hasChildren: children.has(u.id) });
        if (depth < 10) walk(u.id, depth + 1);
      }
    };
    if (this.tenant) walk(this.tenant.id, 0);
    return out;
  }

  #toggle(id: string, change: Partial<Pick> | null): void {
    const next = new Map(this.picks);
    if (change === null) next.delete(id);
    else next.set(id, { subtree: false, emails: '', ...next.get(id), ...change });
    this.picks = next;
  }

  async #previewDeadline(workingDays: number): Promise<void> {
    if (!Number.isInteger(workingDays) || workingDays < 1) {
      this.preview = undefined;
      return;
    }
    try {
      const res = await this.api!.get<{ deadline: string }>('/api/portal/information-requests/deadline', { query: { workingDays } });
      this.preview = res.deadline;
    } catch {
      this.preview = undefined;
    }
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = submissionTexts();
    const data = new FormData(event.target as HTMLFormElement);
    if (this.picks.size === 0) {
      this.fieldErrors = { units: t.pickUnits };
      return;
    }
    const units: { id: string; notifyEmails: string[] }[] = [];
    const subtrees: string[] = [];
    for (const [id, pick] of this.picks) {
      units.push({ id, notifyEmails: splitEmails(pick.emails) });
      if (pick.subtree) subtrees.push(id);
    }
    const deadline = this.byDate ? { date: String(data.get('date') ?? '') } : { workingDays: Number(data.get('workingDays')) };
    this.busy = true;
    try {
      this.detail = await this.api!.post<InformationRequestDetail>('/api/portal/information-requests', {
        title: String(data.get('title') ?? '').trim(),
        message: String(data.get('message') ?? '').trim(),
        units,
        ...(subtrees.length > 0 ? { subtrees } : {}),
        deadline,
      });
      this.creating = false;
      this.picks = new Map();
      this.fieldErrors = {};
      showToast(t.done, { variant: 'success' }, this);
      void this.load();
    } catch (error) {
      if (error instanceof ApiError) this.fieldErrors = error.fieldErrors();
    } finally {
      this.busy = false;
    }
  }

  async #open(id: string): Promise<void> {
    try {
      this.detail = await this.api!.get<InformationRequestDetail>(`/api/portal/information-requests/${id}`);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : submissionTexts().failed;
    }
  }

  async #close(): Promise<void> {
    this.busy = true;
    try {
      this.detail = await this.api!.post<InformationRequestDetail>(`/api/portal/information-requests/${this.detail!.id}/close`);
      void this.load();
    } catch {
      // Shown by the shell's client.
    } finally {
      this.busy = false;
    }
  }

  async #remind(): Promise<void> {
    this.busy = true;
    try {
      const res = await this.api!.post<{ sent: unknown[] }>('/api/portal/information-requests/reminders');
      showToast(submissionTexts().remindersSent(res.sent.length), { variant: 'success' }, this);
      if (this.detail) await this.#open(this.detail.id);
    } catch {
      // Shown by the shell's client.
    } finally {
      this.busy = false;
    }
  }

  async #saveContacts(event: SubmitEvent, id: string): Promise<void> {
    event.preventDefault();
    const emails = splitEmails(String(new FormData(event.target as HTMLFormElement).get('emails') ?? ''));
    try {
      await this.api!.put(`/api/portal/information-requests/assigned/${id}/contacts`, { notifyEmails: emails });
      showToast(submissionTexts().done, { variant: 'success' }, this);
      void this.load();
    } catch {
      // Shown by the shell's client.
    }
  }

  override render() {
    const t = submissionTexts();
    if (this.creating) return this.#renderForm();
    if (this.detail) return this.#renderDetail(this.detail);
    return html`
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.#sides.sent ? this.#renderRequests() : nothing}
      ${this.#sides.addressed ? this.#renderAssigned() : nothing}
      ${!this.#can(HANDLE) && !this.#can(SUBMIT) ? html`<p>${t.empty}</p>` : nothing}
    `;
  }

  #renderRequests(): TemplateResult {
    const t = submissionTexts();
    const items = this.page?.items ?? [];
    return html`
      <header>
        <h1>${t.requests}</h1>
        <div class="actions">
          <button type="button" ?disabled=${this.busy} @click=${() => this.#remind()}>${t.sendReminders}</button>
          <button type="button" class="primary" @click=${() => this.#startCreate()}>${t.newRequest}</button>
        </div>
      </header>
      ${!this.page && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <thead><tr><th scope="col">${t.title}</th><th scope="col">${t.deadline}</th><th scope="col">${t.status}</th><th scope="col">${t.units}</th></tr></thead>
              <tbody>
                ${items.map(
                  (r) => html`<tr>
                    <td><a href="#" @click=${(e: Event) => { e.preventDefault(); void this.#open(r.id); }}>${r.title}</a></td>
                    <td>${formatDate(r.deadline)}</td>
                    <td>${r.status === 'open' ? t.open : t.closed}</td>
                    <td>${t.counts(r.counts.answered, r.counts.pending, r.counts.overdue)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      ${renderPager(t.requests, this.offset, LIMIT, this.page?.total ?? 0, t, (offset) => { this.offset = offset; void this.load(); })}
    `;
  }

  #renderAssigned(): TemplateResult {
    const t = submissionTexts();
    return html`
      <h2>${t.assigned}</h2>
      ${this.assigned.length === 0
        ? html`<p>${t.empty}</p>`
        : html`<table>
            <thead><tr><th scope="col">${t.title}</th><th scope="col">${t.sender}</th><th scope="col">${t.deadline}</th><th scope="col">${t.status}</th><th scope="col">${t.notifyEmails}</th></tr></thead>
            <tbody>
              ${this.assigned.map(
                (r) => html`<tr>
                  <td><strong>${r.title}</strong><br />${r.message}</td>
                  <td>${r.requester.name}</td>
                  <td>${formatDate(r.deadline)}</td>
                  <td>${t.states[r.state]}</td>
                  <td>
                    <form class="bar" @submit=${(e: SubmitEvent) => this.#saveContacts(e, r.id)}>
                      <label>${t.notifyEmails}<input name="emails" .value=${r.notifyEmails.join(', ')} /></label>
                      <button type="submit">${t.saveContacts}</button>
                    </form>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    `;
  }

  #renderDetail(r: InformationRequestDetail): TemplateResult {
    const t = submissionTexts();
    return html`
      <p><button type="button" @click=${() => (this.detail = undefined)}>${t.back}</button></p>
      <h2>${r.title}</h2>
      <p>${r.message}</p>
      <p>${t.deadline}: ${formatDate(r.deadline)} · ${r.status === 'open' ? t.open : t.closed}</p>
      <p>${t.counts(r.counts.answered, r.counts.pending, r.counts.overdue)}</p>
      <table>
        <thead><tr><th scope="col">${t.unit}</th><th scope="col">${t.status}</th><th scope="col">${t.notifyEmails}</th><th scope="col">${t.lastReminder}</th></tr></thead>
        <tbody>
          ${r.units.map(
            (u) => html`<tr>
              <th scope="row">${u.unit.name}</th>
              <td>${t.states[u.state]}</td>
              <td>${u.notifyEmails.join(', ')}</td>
              <td>${u.lastReminderOn ? formatDate(u.lastReminderOn) : ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${r.status === 'open' ? html`<div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.#close()}>${t.close}</button></div>` : nothing}
    `;
  }

  #renderForm(): TemplateResult {
    const t = submissionTexts();
    const error = (field: string) => (this.fieldErrors[field] ? html`<span class="field-error">${this.fieldErrors[field]}</span>` : nothing);
    // fieldErrors() names the first segment of each field's pointer: `units`, `subtrees`, `deadline`…
    const unitErrors = Object.entries(this.fieldErrors).filter(([k]) => k === 'units' || k === 'subtrees');
    return html`
      <p><button type="button" @click=${() => (this.creating = false)}>${t.cancel}</button></p>
      <h2>${t.newRequest}</h2>
      <form class="stack" @submit=${(e: SubmitEvent) => this.#create(e)}>
        <label>${t.title}<input name="title" required maxlength="500" />${error('title')}</label>
        <label>${t.message}<textarea name="message" required maxlength="10000"></textarea>${error('message')}</label>
        <fieldset>
          <legend>${t.deadlineKind}</legend>
          <label><span><input type="radio" name="kind" .checked=${!this.byDate} @change=${() => (this.byDate = false)} /> ${t.byWorkingDays}</span></label>
          <label><span><input type="radio" name="kind" .checked=${this.byDate} @change=${() => (this.byDate = true)} /> ${t.byDate}</span></label>
          ${this.byDate
            ? html`<label>${t.deadlineDate}<input type="date" name="date" required />${error('deadline')}</label>`
            : html`<label>${t.workingDays}<input type="number" name="workingDays" min="1" max="120" value="5" required aria-describedby="deadline-preview"
                  @input=${(e: Event) => void this.#previewDeadline(Number((e.target as HTMLInputElement).value))} /></label>
                <p id="deadline-preview" role="status">${this.preview ? t.deadlineWillBe(formatDate(this.preview)) : ''}</p>`}
        </fieldset>
        <fieldset>
          <legend>${t.units}</legend>
          ${unitErrors.map(([, v]) => html`<p class="field-error" role="alert">${v}</p>`)}
          <ul class="tree">
            ${this.#below().map(({ unit, depth, hasChildren }) => {
              const pick = this.picks.get(unit.id);
              return html`<li style=${`margin-inline-start:${depth * 1.25}rem`}>
                <label><input type="checkbox" .checked=${pick !== undefined} @change=${(e: Event) => this.#toggle(unit.id, (e.target as HTMLInputElement).checked ? {} : null)} /> ${unit.nameVi}</label>
                ${pick && hasChildren
                  ? html` <label><input type="checkbox" .checked=${pick.subtree} @change=${(e: Event) => this.#toggle(unit.id, { subtree: (e.target as HTMLInputElement).checked })} /> ${t.wholeSubtree}</label>`
                  : nothing}
                ${pick
                  ? html`<label>${t.notifyEmails}<input type="text" .value=${pick.emails} @change=${(e: Event) => this.#toggle(unit.id, { emails: (e.target as HTMLInputElement).value })} /></label>`
                  : nothing}
              </li>`;
            })}
          </ul>
        </fieldset>
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.create}</button></div>
      </form>
    `;
  }
}
