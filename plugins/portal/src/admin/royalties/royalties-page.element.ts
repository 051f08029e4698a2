import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import type { Royalty } from '../../royalties/royalties.schema.js';
import { vietnamMonth } from '../../time/vietnam-time.js';
import { royaltyTexts } from './royalty-messages.js';

const BASE = '/api/portal/royalties';
const ROLES = ['author', 'photographer', 'translator', 'editor', 'other'] as const;
const GENRES = ['tin', 'bai-viet', 'anh', 'phong-su-anh', 'video', 'ban-dich', 'khac'] as const;

interface Summary {
  readonly period: string;
  readonly unitValueVnd: number | null;
  readonly recipients: readonly { name: string; userId: string | null; items: number; proposedVnd: number; approvedVnd: number; paidVnd: number }[];
  readonly totalVnd: number;
  readonly unrecorded: readonly { id: string; title: string; publishedAt: string }[];
}


/**
 * The royalties page (nav route `/portal/nhuan-but`): a month's totals per recipient, the articles of
 * the month still without a royalty (each with a form to record one), the month's entries with their
 * next step (approve, mark paid, delete), and the statement as CSV.
 */
export class RoyaltiesPage extends CongElement implements Partial<AdminContributionProps> {
  static override styles = css`
    :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
    .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-m, 1rem); }
    label { display: grid; gap: 0.25rem; font-weight: 600; }
    input, select { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
    button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
    button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
    button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
    a { color: var(--cong-color-link, #0b57b0); }
    table { border-collapse: collapse; width: 100%; margin-block-end: var(--cong-space-m, 1rem); }
    th, td { text-align: start; padding: 0.45rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: top; }
    td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
    form.record { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; padding: var(--cong-space-s, 0.75rem); border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
    form.record fieldset { border: 0; padding: 0; margin: 0; display: contents; }
    .error, [role='alert'] { color: var(--cong-color-danger, #b00020); font-weight: 400; }
    .notice { padding: 0.5rem 0.75rem; border-inline-start: 4px solid var(--cong-color-warning, #8a5a00); background: var(--cong-color-surface-alt, #fff8e6); }
  `;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    period: { state: true },
    summary: { state: true },
    entries: { state: true },
    recording: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare period: string;
  declare summary: Summary | undefined;
  declare entries: readonly Royalty[];
  /** The article whose record form is open. */
  declare recording: { id: string; title: string } | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;

  constructor() {
    super();
    this.period = vietnamMonth();
    this.entries = [];
    this.fieldErrors = {};
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('tenant')) void this.#load();
  }

  async #load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const [summary, page] = await Promise.all([
        api.get<Summary>(`${BASE}/summary`, { query: { period: this.period } }),
        api.get<{ items: Royalty[] }>(BASE, { query: { period: this.period, limit: 200 } }),
      ]);
      if (api !== this.api) return; // a late answer for the previous unit
      this.summary = summary;
      this.entries = page.items;
      this.error = undefined;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.error = `${royaltyTexts().failed}: ${error.message}`;
    }
  }

  #choosePeriod(event: SubmitEvent): void {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('period') ?? '');
    if (/^\d{4}-\d{2}$/.test(value)) {
      this.period = value;
      this.recording = undefined;
      void this.#load();
    }
  }

  async #record(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.recording || !this.api) return;
    const data = new FormData(event.target as HTMLFormElement);
    const note = String(data.get('note') ?? '').trim();
    try {
      await this.api.post(BASE, {
        articleId: this.recording.id,
        recipient: { name: String(data.get('recipient') ?? '').trim() },
        role: String(data.get('role')),
        genre: String(data.get('genre')),
        coefficient: Number(String(data.get('coefficient') ?? '').replace(',', '.')),
        ...(note ? { note } : {}),
      });
      showToast(royaltyTexts().saved, { variant: 'success' }, this);
      this.recording = undefined;
      this.fieldErrors = {};
      await this.#load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = error.fieldErrors();
      this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
    }
  }

  async #step(entry: Royalty, action: 'approve' | 'paid' | 'delete'): Promise<void> {
    if (!this.api) return;
    const t = royaltyTexts();
    try {
      if (action === 'delete') await this.api.delete(`${BASE}/${encodeURIComponent(entry.id)}`);
      else await this.api.post(`${BASE}/${encodeURIComponent(entry.id)}/${action}`);
      showToast(t.done, { variant: 'success' }, this);
      await this.#load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.error = error.code === 'PORTAL_ERR_ROYALTY_OWN' ? t.own : `${t.failed}: ${error.message}`;
    }
  }

  override render() {
    const t = royaltyTexts();
    const s = this.summary;
    const csv = `${this.tenant ? `/t/${encodeURIComponent(this.tenant.slug)}` : ''}${BASE}.csv?period=${this.period}`;
    return html`<h1>${t.title}</h1>
      <form class="bar" @submit=${this.#choosePeriod}>
        <label>${t.period}<input type="month" name="period" .value=${this.period} required /></label>
        <button type="submit">${t.show}</button>
        <a href=${csv} download>${t.csv}</a>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${!s
        ? html`<p>…</p>`
        : html`${s.unitValueVnd === null ? html`<p class="notice">${t.unitValueMissing}</p>` : html`<p>${t.unitValue(t.money(s.unitValueVnd))} · <strong>${t.total(t.money(s.totalVnd))}</strong></p>`}
            ${this.#recipients(s)} ${this.#unrecorded(s)} ${this.#entries()}`}`;
  }

  #recipients(s: Summary) {
    const t = royaltyTexts();
    if (s.recipients.length === 0) return nothing;
    return html`<table>
      <caption>${t.byRecipient}</caption>
      <thead><tr><th scope="col">${t.recipient}</th><th scope="col" class="num">${t.items}</th><th scope="col" class="num">${t.proposed}</th><th scope="col" class="num">${t.approved}</th><th scope="col" class="num">${t.paid}</th></tr></thead>
      <tbody>${s.recipients.map((r) => html`<tr><th scope="row">${r.name}</th><td class="num">${r.items}</td><td class="num">${t.money(r.proposedVnd)}</td><td class="num">${t.money(r.approvedVnd)}</td><td class="num">${t.money(r.paidVnd)}</td></tr>`)}</tbody>
    </table>`;
  }

  #unrecorded(s: Summary) {
    const t = royaltyTexts();
    return html`<section aria-labelledby="unrecorded-heading">
      <h2 id="unrecorded-heading">${t.unrecorded}</h2>
      ${s.unrecorded.length === 0
        ? html`<p>${t.allRecorded}</p>`
        : html`<ul>
            ${s.unrecorded.map(
              (a) => html`<li>
                ${a.title}
                ${this.recording?.id === a.id
                  ? this.#recordForm(a)
                  : html`<button type="button" ?disabled=${s.unitValueVnd === null} @click=${() => ((this.recording = a), (this.fieldErrors = {}))} aria-label=${t.recordFor(a.title)}>${t.record}</button>`}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  #recordForm(article: { id: string; title: string }) {
    const t = royaltyTexts();
    const e = this.fieldErrors;
    const described = (field: string) => (e[field] ? `err-${field}` : undefined);
    return html`<form class="record" @submit=${this.#record} aria-label=${t.recordFor(article.title)}>
      <label>${t.recipient}<input name="recipient" required maxlength="200" aria-invalid=${e.recipient ? 'true' : 'false'} aria-describedby=${described('recipient') ?? nothing} />${e.recipient ? html`<span class="error" id="err-recipient">${e.recipient}</span>` : nothing}</label>
      <label>${t.role}<select name="role">${ROLES.map((r) => html`<option value=${r}>${t.roles[r]}</option>`)}</select></label>
      <label>${t.genre}<select name="genre">${GENRES.map((g) => html`<option value=${g}>${t.genres[g]}</option>`)}</select></label>
      <label>${t.coefficient}<input name="coefficient" inputmode="decimal" required size="6" aria-invalid=${e.coefficient ? 'true' : 'false'} aria-describedby=${described('coefficient') ?? nothing} />${e.coefficient ? html`<span class="error" id="err-coefficient">${e.coefficient}</span>` : nothing}</label>
      <label>${t.note}<input name="note" maxlength="1000" /></label>
      <button type="submit" class="primary">${t.save}</button>
      <button type="button" @click=${() => (this.recording = undefined)}>${t.cancel}</button>
    </form>`;
  }

  #entries() {
    const t = royaltyTexts();
    return html`<section aria-labelledby="entries-heading">
      <h2 id="entries-heading">${t.entries}</h2>
      ${this.entries.length === 0
        ? html`<p>${t.none}</p>`
        : html`<table>
            <thead><tr><th scope="col">${t.article}</th><th scope="col">${t.recipient}</th><th scope="col">${t.role}</th><th scope="col">${t.genre}</th><th scope="col" class="num">${t.coefficient}</th><th scope="col" class="num">${t.amount}</th><th scope="col">${t.status}</th><th scope="col">${t.actions}</th></tr></thead>
            <tbody>
              ${this.entries.map(
                (r) => html`<tr>
                  <td>${r.subject.title}</td>
                  <td>${r.recipient.name}</td>
                  <td>${t.roles[r.role]}</td>
                  <td>${t.genres[r.genre] ?? r.genre}</td>
                  <td class="num">${r.coefficient.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN')}</td>
                  <td class="num">${t.money(r.amountVnd)}</td>
                  <td data-status=${r.status}>${t.statuses[r.status]}</td>
                  <td>
                    ${r.status === 'proposed'
                      ? html`<button type="button" @click=${() => this.#step(r, 'approve')}>${t.approve}</button> <button type="button" @click=${() => this.#step(r, 'delete')}>${t.remove}</button>`
                      : r.status === 'approved'
                        ? html`<button type="button" @click=${() => this.#step(r, 'paid')}>${t.markPaid}</button>`
                        : nothing}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }
}
