import { html, nothing, type PropertyDeclarations } from 'lit';
import { ApiError } from '@cong/sdk/admin';
import { field, focusFirstError, vietnamToday, type FieldErrors } from '../shared/attribute-fields.js';
import { commonTexts, formatDate, pick } from '../shared/common-messages.js';
import { downloadFile, type FileDownloader } from '../shared/download-file.js';
import { API, RECEIVE } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { annualReportTexts } from './annual-report-messages.js';

type Text = { readonly vi: string; readonly en?: string };

/**
 * The report as `GET /api/gazette/reports/annual?format=json` answers it. Read loosely on purpose:
 * the page renders whatever tables the server sends, so a new table needs no change here.
 */
export interface AnnualReportView {
  readonly year: number;
  readonly from?: string;
  readonly to?: string;
  readonly basis?: { readonly citation?: string | null; readonly dueDate?: string | null };
  readonly totals?: Readonly<Record<string, number>>;
  readonly tables?: readonly {
    readonly id: string;
    readonly title: Text;
    readonly columns: readonly { readonly key: string; readonly label: Text }[];
    readonly rows: readonly Readonly<Record<string, unknown>>[];
  }[];
}

export const REPORT_FORMATS = [
  { format: 'docx', label: 'DOCX' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'pdf', label: 'PDF' },
] as const;

/** The figures the page puts first, when the report has them. */
const HEADLINE = ['received', 'published', 'publishedOnTime', 'publishedLate', 'issues', 'corrections'];

/** Field errors of a refused query, by parameter name (the client's `fieldErrors()` reads only bodies). */
export function queryFieldErrors(error: ApiError): FieldErrors {
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    if (e.in !== 'query') continue;
    const name = e.pointer.replace(/^\//, '').split('/')[0] ?? '';
    if (name) out[name] ??= e.message;
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Báo cáo năm" (`gazette.receive`; GAZ-32): the yearly report to the Government Office for a year (or
 * a period within it): its figures as tables, and the same report to download as DOCX, XLSX or PDF.
 */
export class AnnualReportPage extends GazettePage {
  static override properties: PropertyDeclarations = {
    report: { state: true },
    period: { state: true },
    fieldErrors: { state: true },
    loading: { state: true },
    download: { attribute: false },
  };

  declare report: AnnualReportView | undefined;
  /** The period the report shows and the downloads use. */
  declare period: { readonly year: number; readonly from: string; readonly to: string };
  declare fieldErrors: FieldErrors;
  declare loading: boolean;
  declare download: FileDownloader;

  constructor() {
    super();
    // The previous year: the report is made at the start of the next one.
    this.period = { year: Number(vietnamToday().slice(0, 4)) - 1, from: '', to: '' };
    this.fieldErrors = {};
    this.loading = false;
    this.download = downloadFile;
  }

  protected override unitChanged(): void {
    this.report = undefined;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(RECEIVE)) return;
    const p = this.period;
    this.loading = true;
    try {
      const report = await api.get<AnnualReportView>(`${API}/reports/annual`, { query: { year: p.year, from: p.from || undefined, to: p.to || undefined, format: 'json' } });
      if (api !== this.api) return;
      this.report = report;
      this.error = undefined;
      this.fieldErrors = {};
    } catch (error) {
      if (api !== this.api) return;
      this.report = undefined;
      const fields = error instanceof ApiError ? queryFieldErrors(error) : {};
      this.fieldErrors = fields;
      if (Object.keys(fields).length) {
        await this.updateComplete;
        focusFirstError(this.renderRoot);
      } else this.error = this.failure(error);
    } finally {
      if (api === this.api) this.loading = false;
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = annualReportTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const year = Number(String(data.get('year') ?? '').trim());
    const from = String(data.get('from') ?? '').trim();
    const to = String(data.get('to') ?? '').trim();
    const errors: Record<string, string> = {};
    if (!Number.isInteger(year) || year < 2000 || year > 2999) errors['year'] = t.yearInvalid;
    if (from && !DATE.test(from)) errors['from'] = t.dateInvalid;
    if (to && !DATE.test(to)) errors['to'] = t.dateInvalid;
    else if (from && to && to < from) errors['to'] = t.toBeforeFrom;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    this.period = { year, from, to };
    this.error = undefined;
    await this.load();
  }

  async #download(format: string, label: string): Promise<void> {
    const p = this.period;
    await this.act(
      () => this.download(`${API}/reports/annual`, { ...(this.tenant ? { tenant: this.tenant.id } : {}), query: { year: p.year, from: p.from || undefined, to: p.to || undefined, format }, fileName: `bao-cao-cong-bao-${p.year}.${format}` }),
      annualReportTexts().downloaded(label),
    );
  }

  override render() {
    const t = annualReportTexts();
    if (!this.can(RECEIVE)) return html`<h1>${t.title}</h1><p class="note">${t.needReceive}</p>`;
    const e = this.fieldErrors;
    const p = this.period;
    return html`<h1>${t.title}</h1>
      ${this.renderStatus()}
      <p class="note">${t.intro}</p>
      <form class="row" novalidate aria-label=${t.show} @submit=${(ev: SubmitEvent) => this.#submit(ev)}>
        ${field('r-year', t.year, e['year'], (d, bad) => html`<input id="r-year" name="year" type="number" min="2000" max="2999" inputmode="numeric" required aria-required="true" .value=${String(p.year)} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('r-from', t.from, e['from'], (d, bad) => html`<input id="r-from" name="from" type="date" .value=${p.from} aria-describedby=${d} aria-invalid=${bad} />`, t.periodHint)}
        ${field('r-to', t.to, e['to'], (d, bad) => html`<input id="r-to" name="to" type="date" .value=${p.to} aria-describedby=${d} aria-invalid=${bad} />`)}
        <button type="submit" class="primary" ?disabled=${this.loading}>${t.show}</button>
      </form>
      <div aria-busy=${this.loading ? 'true' : 'false'}>${this.loading && !this.report ? html`<p>${commonTexts().loading}</p>` : this.report ? this.#renderReport(this.report) : nothing}</div>`;
  }

  #renderReport(report: AnnualReportView) {
    const t = annualReportTexts();
    const tables = report.tables ?? [];
    const totals = report.totals ?? {};
    const headline = HEADLINE.filter((k) => typeof totals[k] === 'number');
    return html`
      <section class="panel" aria-labelledby="report-heading">
        <h2 id="report-heading" tabindex="-1">${t.title} ${report.year}</h2>
        ${report.from && report.to ? html`<p>${t.period(formatDate(report.from), formatDate(report.to))}</p>` : nothing}
        ${report.basis?.citation || report.basis?.dueDate
          ? html`<dl class="facts">
              ${report.basis.citation ? html`<dt>${t.basis}</dt><dd>${report.basis.citation}</dd>` : nothing}
              ${report.basis.dueDate ? html`<dt>${t.due}</dt><dd>${formatDate(report.basis.dueDate)}</dd>` : nothing}
            </dl>`
          : nothing}
        <div class="actions" role="group" aria-label=${t.download}>
          ${REPORT_FORMATS.map(({ format, label }) => html`<button type="button" aria-label=${t.downloadLabel(label, report.year)} ?disabled=${this.busy} @click=${() => this.#download(format, label)}>${t.downloadAs(label)}</button>`)}
        </div>
      </section>
      ${headline.length
        ? html`<table class="headline">
            <caption>${t.headline}</caption>
            <thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.value}</th></tr></thead>
            <tbody>${headline.map((k) => html`<tr data-total=${k}><th scope="row">${t.totals[k] ?? k}</th><td>${formatNumber(totals[k]!)}</td></tr>`)}</tbody>
          </table>`
        : nothing}
      ${tables.length === 0
        ? html`<p>${t.noTables}</p>`
        : tables.map(
            (table) => html`<table data-table=${table.id}>
              <caption>${pick(table.title)}</caption>
              <thead><tr>${table.columns.map((c) => html`<th scope="col">${pick(c.label)}</th>`)}</tr></thead>
              <tbody>${table.rows.length === 0
                ? html`<tr><td colspan=${table.columns.length || 1}>${t.noRows}</td></tr>`
                : table.rows.map((row) => html`<tr>${table.columns.map((c) => html`<td>${cell(row[c.key])}</td>`)}</tr>`)}</tbody>
            </table>`,
          )}
    `;
  }
}

function formatNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN').format(value);
}

/** Numbers in the Vietnamese way; text as text; anything else empty. */
function cell(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return '';
}
