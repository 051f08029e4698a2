import { html, nothing, type PropertyDeclarations } from 'lit';
import { adminLanguage } from '@cong/sdk/admin';
import { commonTexts, formatTime } from './common-messages.js';
import type { FieldErrors } from './form-field.js';
import type { ClockItem, FormLists, Page, QuestionDetail, QuestionItem, QuestionStatus } from './qa-api.js';
import { QaPage } from './qa-page.js';
import { queueTexts } from './queue-messages.js';
import { clocksTable, dueBadge, fieldName, pager, questionFacts, statusBadge, timelineTable } from './question-views.js';
import { loadFormLists } from './unit-tree.js';

const LIMIT = 20;

export interface QueueFilters {
  readonly status: string;
  readonly field: string;
  readonly commune: string;
  readonly from: string;
  readonly to: string;
}

/** Text without diacritics, lower case, đ → d: "quang tri" finds "Quảng Trị". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** The questions of a page that match every word of `text` in their title, tracking code or asker. */
export function matching(items: readonly QuestionItem[], text: string): readonly QuestionItem[] {
  const words = folded(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((q) => {
    const haystack = folded([q.title, q.trackingCode ?? '', q.asker.name, q.asker.email].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * A list of questions with its filters (status, field, commune, dates; words within the page), paging
 * and one question opened in a detail view, linked in the address. The board's queue and an agency's
 * inbox are this, with their own API path, permission and actions.
 */
export abstract class QuestionQueuePage extends QaPage {
  static override properties: PropertyDeclarations = {
    page: { state: true },
    offset: { state: true },
    filters: { state: true },
    text: { state: true },
    lists: { state: true },
    detail: { state: true },
    clocks: { state: true },
    fieldErrors: { state: true },
  };

  declare page: Page<QuestionItem> | undefined;
  declare offset: number;
  declare filters: QueueFilters;
  /** Words to find within the loaded page (the API filters by status, field, commune and dates only). */
  declare text: string;
  declare lists: FormLists;
  /** The question opened, or undefined for the list. */
  declare detail: QuestionDetail | undefined;
  /** The opened question's SLA clocks, when the deadlines area serves them (else empty). */
  declare clocks: readonly ClockItem[];
  declare fieldErrors: FieldErrors;

  /** `/api/qa/questions` or `/api/qa/inbox`. */
  protected abstract readonly basePath: string;
  /** The permission the page needs. */
  protected abstract readonly permission: string;
  /** The statuses its filter offers. */
  protected abstract readonly statuses: readonly QuestionStatus[];
  protected abstract pageTitle(): string;
  /** What the page says to an account without the permission. */
  protected abstract needPermission(): string;
  /** The actions and panels of an opened question, between its facts and its timeline. */
  protected abstract renderActions(detail: QuestionDetail): unknown;

  constructor() {
    super();
    this.offset = 0;
    this.filters = { status: '', field: '', commune: '', from: '', to: '' };
    this.text = '';
    this.lists = { fields: [], communes: [] };
    this.clocks = [];
    this.fieldErrors = {};
  }

  protected override unitChanged(): void {
    this.detail = undefined;
    this.page = undefined;
    this.offset = 0;
    this.lists = { fields: [], communes: [] };
  }

  /** What to say when the list cannot be read. */
  protected listFailure(error: unknown): string {
    return this.failure(error);
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(this.permission)) return;
    const f = this.filters;
    const query = { status: f.status || undefined, field: f.field || undefined, commune: f.commune || undefined, from: f.from || undefined, to: f.to || undefined, ...(this.searchesOnServer() && this.text ? { q: this.text } : {}), limit: LIMIT, offset: this.offset };
    const [page, lists] = await Promise.allSettled([
      api.get<Page<QuestionItem>>(this.basePath, { query }),
      this.lists.fields.length ? Promise.resolve(this.lists) : loadFormLists(api),
    ]);
    if (api !== this.api) return;
    // Without the lists the page still works: fields show their codes, the pickers are empty.
    if (lists.status === 'fulfilled') this.lists = lists.value;
    if (page.status === 'fulfilled') {
      this.page = page.value;
      this.error = undefined;
    } else {
      this.error = this.listFailure(page.reason);
    }
  }

  protected override followLink(id: string | undefined): void {
    if (id) void this.open(id);
    else void this.showList();
  }

  protected async open(id: string): Promise<void> {
    try {
      const detail = await this.api!.get<QuestionDetail>(`${this.basePath}/${encodeURIComponent(id)}`);
      this.clocks = [];
      this.detail = detail;
      void this.loadClocks(detail.id);
      this.fieldErrors = {};
      this.error = undefined;
      this.linkTo(detail.id);
      this.opened(detail);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  /**
   * Reads the question's SLA clocks (`…/:id/deadlines`). Optional: where the route does not exist or
   * fails, the page shows no deadlines and says nothing.
   */
  protected async loadClocks(id: string): Promise<void> {
    const api = this.api!;
    try {
      const { items } = await api.get<{ items: ClockItem[] }>(`${this.basePath}/${encodeURIComponent(id)}/deadlines`);
      if (api === this.api && this.detail?.id === id) this.clocks = items;
    } catch {
      // no deadlines here
    }
  }

  /**
   * Whether the words go to the API as `q` (the board's queue searches every question on the server)
   * instead of filtering the page shown. Default false.
   */
  protected searchesOnServer(): boolean {
    return false;
  }

  /** The words field's label and hint, and what the list says when nothing matches them. */
  protected textLabels(): { readonly label: string; readonly hint: string; readonly noMatch: string } {
    const t = queueTexts();
    return { label: t.text, hint: t.textHint, noMatch: t.noMatch };
  }

  /** A question was opened: pages reset their forms here. */
  protected opened(_detail: QuestionDetail): void {}

  protected async showList(): Promise<void> {
    this.detail = undefined;
    this.fieldErrors = {};
    this.linkTo(undefined);
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    this.filters = { status: value('status'), field: value('field'), commune: value('commune'), from: value('from'), to: value('to') };
    this.text = value('text');
    this.offset = 0;
    void this.load();
  }

  override render() {
    if (!this.can(this.permission)) return html`<h1>${this.pageTitle()}</h1><p class="note">${this.needPermission()}</p>`;
    return html`<h1 tabindex="-1">${this.pageTitle()}</h1>${this.renderStatus()}${this.detail ? this.#renderDetail(this.detail) : this.#renderList()}`;
  }

  #renderList() {
    const t = queueTexts();
    const c = commonTexts();
    const f = this.filters;
    const english = adminLanguage() === 'en';
    const all = this.page?.items;
    const server = this.searchesOnServer();
    const items = all ? (server ? all : matching(all, this.text)) : undefined;
    const words = this.textLabels();
    return html`
      <form class="row" role="search" aria-label=${t.filters} @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <div class="field"><label for="q-status">${c.status}</label><select id="q-status" name="status"><option value="">${c.all}</option>${this.statuses.map((s) => html`<option value=${s} ?selected=${f.status === s}>${c.statuses[s]}</option>`)}</select></div>
        <div class="field"><label for="q-field">${c.field}</label><select id="q-field" name="field"><option value="">${t.allFields}</option>${this.lists.fields.map((x) => html`<option value=${x.code} ?selected=${f.field === x.code}>${english ? x.nameEn : x.name}</option>`)}</select></div>
        <div class="field"><label for="q-commune">${c.commune}</label><select id="q-commune" name="commune"><option value="">${t.allCommunes}</option>${this.lists.communes.map((x) => html`<option value=${x.slug} ?selected=${f.commune === x.slug}>${x.name}</option>`)}</select></div>
        <div class="field"><label for="q-from">${t.from}</label><input id="q-from" name="from" type="date" .value=${f.from} /></div>
        <div class="field"><label for="q-to">${t.to}</label><input id="q-to" name="to" type="date" .value=${f.to} /></div>
        <div class="field"><label for="q-text">${words.label}</label><input id="q-text" name="text" type="search" maxlength="200" aria-describedby="q-text-hint" .value=${this.text} /><span class="hint" id="q-text-hint">${words.hint}</span></div>
        <button type="submit">${c.filter}</button>
      </form>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${all!.length === 0 && !(server && this.text) ? t.empty : words.noMatch}</p>`
          : html`<table>
              <caption class="visually-hidden">${this.pageTitle()}</caption>
              <thead><tr><th scope="col">${c.trackingCode}</th><th scope="col">${t.question}</th><th scope="col">${c.field}</th><th scope="col">${c.status}</th><th scope="col">${c.receivedAt}</th><th scope="col">${c.agency}</th><th scope="col"><span class="visually-hidden">${c.open}</span></th></tr></thead>
              <tbody>${items.map(
                (q) => html`<tr data-question=${q.id}>
                  <td>${q.trackingCode ?? c.none}</td>
                  <td><strong>${q.title}</strong><div class="note">${q.asker.name}${q.commune ? ` · ${q.commune.name}` : ''}</div></td>
                  <td>${fieldName(this.lists.fields, q.field, english)}</td>
                  <td>${statusBadge(q.status)}<div>${dueBadge(q)}</div></td>
                  <td>${formatTime(q.receivedAt)}</td>
                  <td>${q.agency?.name ?? c.none}</td>
                  <td><button type="button" aria-label=${c.openLabel(q.title)} @click=${() => this.open(q.id)}>${c.open}</button></td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${pager(this.offset, all?.length ?? 0, this.page?.total ?? 0, (offset) => { this.offset = offset; void this.load(); }, LIMIT)}
    `;
  }

  #renderDetail(detail: QuestionDetail) {
    return html`
      <p><button type="button" @click=${() => this.showList()}>${commonTexts().back}</button></p>
      <h2 tabindex="-1">${detail.title} ${statusBadge(detail.status)}</h2>
      ${questionFacts(detail, this.lists.fields, adminLanguage() === 'en')}
      ${clocksTable(this.clocks)}
      ${this.renderActions(detail)}
      ${timelineTable(detail)}
    `;
  }
}
