import { html, nothing } from 'lit';
import { ApiError, CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import type { Notice, NoticeInput } from '../../notices/notice.schema.js';
import { FUNDING_LABELS, FUNDINGS, KIND_LABELS, KINDS, STATUS_LABELS, STATUSES } from '../../notices/notice-labels.js';
import { labelOf, texts } from '../messages.js';
import { noticeListStyles } from './notice-list.styles.js';

type Page = { items: Notice[]; total: number };
type Editing = { readonly notice: Notice | null };

/** `yyyy-mm-ddThh:mm` in Vietnam time, for a datetime-local input. */
const localInput = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16) : '');
/** A datetime-local value, read as Vietnam time (UTC+7, no daylight saving). */
const fromLocalInput = (value: string) => (value ? new Date(`${value}:00+07:00`).toISOString() : null);

/**
 * The unit's projects and notices (nav route `/mua-sam-cong`): a table, a form to add or edit one, and
 * publish / unpublish / delete. Field errors from the API appear next to their fields. The shell sets
 * `tenant`, `user` and `api` (bound to the unit), and sets them again when the unit changes.
 */
export class NoticeList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = noticeListStyles;
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    page: { state: true },
    editing: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare page: Page | undefined;
  declare editing: Editing | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      if (changed.get('tenant') !== undefined) {
        this.page = undefined;
        this.editing = undefined;
        this.fieldErrors = {};
      }
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const page = await api.get<Page>('/api/procurement/notices', { query: { limit: 100 } });
      if (api !== this.api) return;
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : texts().failed;
    }
  }

  get canPublish(): boolean {
    return !this.user || this.user.permissions.includes('procurement.publish');
  }

  async #run(action: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    try {
      await action();
      this.fieldErrors = {};
      this.error = undefined;
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = error.fieldErrors();
      this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
    } finally {
      this.busy = false;
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const body: NoticeInput = {
      kind: text('kind') as NoticeInput['kind'],
      name: text('name'),
      objective: text('objective'),
      field: text('field'),
      funding: text('funding') as NoticeInput['funding'],
      status: text('status') as NoticeInput['status'],
      startOn: text('startOn') || null,
      endOn: text('endOn') || null,
      budgetVnd: text('budgetVnd') ? Number(text('budgetVnd').replace(/[.\s]/g, '')) : null,
      donor: text('donor') || null,
      closesAt: fromLocalInput(text('closesAt')),
      result: text('result') || null,
    };
    const notice = this.editing?.notice;
    await this.#run(async () => {
      if (notice) await this.api!.patch(`/api/procurement/notices/${notice.id}`, body);
      else await this.api!.post('/api/procurement/notices', body);
      this.editing = undefined;
    });
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: boolean) => unknown) {
    const error = this.fieldErrors[name];
    const id = `${name}-error`;
    return html`<label>${label} ${control(error ? id : nothing, Boolean(error))}${error ? html`<span class="field-error" id=${id}>${error}</span>` : nothing}</label>`;
  }

  #select(name: string, label: string, values: readonly string[], labels: Readonly<Record<string, { vi: string; en: string }>>, current: string) {
    return this.#field(name, label, (d, invalid) => html`<select name=${name} aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'}>${values.map((v) => html`<option value=${v} ?selected=${v === current}>${labelOf(labels, v)}</option>`)}</select>`);
  }

  #input(name: string, label: string, value: string, type = 'text') {
    return this.#field(name, label, (d, invalid) => html`<input name=${name} type=${type} .value=${value} aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'} />`);
  }

  override render() {
    const t = texts();
    const items = this.page?.items ?? [];
    return html`
      <h1>${t.title}</h1>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${items.length === 0
        ? html`<p>${t.empty}</p>`
        : html`<table>
            <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.kind}</th><th scope="col">${t.status}</th><th scope="col">${t.public}</th><th scope="col"><span class="visually-hidden">${t.edit}</span></th></tr></thead>
            <tbody>${items.map((n) => this.#row(n, t))}</tbody>
          </table>`}
      ${this.editing ? this.#form(t, this.editing.notice) : html`<button type="button" @click=${() => (this.editing = { notice: null })}>${t.newNotice}</button>`}
    `;
  }

  #row(n: Notice, t: ReturnType<typeof texts>) {
    return html`<tr>
      <td>${n.name}</td><td>${labelOf(KIND_LABELS, n.kind)}</td><td>${labelOf(STATUS_LABELS, n.status)}</td>
      <td>${n.publishedAt ? t.published : t.draft}</td>
      <td><div role="group" aria-label=${t.actionsFor(n.name)}>
        <button type="button" ?disabled=${this.busy} @click=${() => { this.fieldErrors = {}; this.editing = { notice: n }; }}>${t.edit}</button>
        ${this.canPublish
          ? n.publishedAt
            ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.#run(() => this.api!.post(`/api/procurement/notices/${n.id}/unpublish`))}>${t.unpublish}</button>`
            : html`<button type="button" ?disabled=${this.busy} @click=${() => this.#run(() => this.api!.post(`/api/procurement/notices/${n.id}/publish`))}>${t.publish}</button>`
          : nothing}
        ${n.publishedAt ? nothing : html`<button type="button" ?disabled=${this.busy} @click=${() => this.#run(() => this.api!.delete(`/api/procurement/notices/${n.id}`))}>${t.delete}</button>`}
      </div></td>
    </tr>`;
  }

  #form(t: ReturnType<typeof texts>, n: Notice | null) {
    return html`
      <form @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate aria-labelledby="notice-form-title">
        <h2 id="notice-form-title">${n ? t.editNotice : t.newNotice}</h2>
        ${this.#input('name', t.name, n?.name ?? '')}
        ${this.#select('kind', t.kind, KINDS, KIND_LABELS, n?.kind ?? 'project')}
        ${this.#input('field', t.field, n?.field ?? '')}
        ${this.#field('objective', t.objective, (d, invalid) => html`<textarea name="objective" .value=${n?.objective ?? ''} aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`)}
        ${this.#select('status', t.status, STATUSES, STATUS_LABELS, n?.status ?? 'preparing')}
        ${this.#select('funding', t.funding, FUNDINGS, FUNDING_LABELS, n?.funding ?? 'state-budget')}
        ${this.#input('budgetVnd', t.budget, n?.budgetVnd === null || n?.budgetVnd === undefined ? '' : String(n.budgetVnd), 'text')}
        ${this.#input('startOn', t.startOn, n?.startOn ?? '', 'date')}
        ${this.#input('endOn', t.endOn, n?.endOn ?? '', 'date')}
        ${this.#input('closesAt', t.closesAt, localInput(n?.closesAt ?? null), 'datetime-local')}
        ${this.#input('donor', t.donor, n?.donor ?? '')}
        ${this.#field('result', t.result, (d, invalid) => html`<textarea name="result" .value=${n?.result ?? ''} aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`)}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t.saving : n ? t.save : t.add}</button>
          <button type="button" @click=${() => { this.editing = undefined; this.fieldErrors = {}; }}>${t.cancel}</button>
        </div>
      </form>
    `;
  }
}
