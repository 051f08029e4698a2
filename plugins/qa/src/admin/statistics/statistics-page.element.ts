import { html, nothing, type PropertyDeclarations } from 'lit';
import { adminLanguage, ApiError } from '@cong/sdk/admin';
import { commonTexts, formatDate } from '../shared/common-messages.js';
import { downloadFile, type FileDownloader } from '../shared/download-file.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { API, STATISTICS, TRIAGE, type AgencyFigures, type Statistics, type SweepResult } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { statisticsTexts } from './statistics-messages.js';

type Grouping = NonNullable<Statistics['groupBy']>;
type GroupFigures = NonNullable<Statistics['groups']>[number];
const GROUPINGS: readonly Grouping[] = ['agency', 'field', 'commune'];

/** One row of the table, whatever it is grouped by. */
interface Row {
  readonly key: string;
  readonly name: string;
  readonly figures: AgencyFigures | GroupFigures;
}

/** The query's field errors of a refusal (`in: 'query'`), by parameter: the period is a query, not a body. */
function queryErrors(error: ApiError): FieldErrors {
  const out: Record<string, string> = {};
  for (const e of error.errors) if (e.in === 'query') out[e.pointer.replace(/^\//, '')] ??= e.message;
  return out;
}

/**
 * "Thống kê hỏi đáp" (`qa.statistics.read`; QA-05, QA-03): for a period (by default this year), the
 * figures per agency, per field or per commune (the board sees every agency of its province, an
 * agency itself), the same table as CSV, the board's own triage, a link to the public dashboard, and
 * for the board (`qa.questions.triage` in the province) the deadline sweep run now.
 */
export class StatisticsPage extends QaPage {
  static override properties: PropertyDeclarations = {
    figures: { state: true },
    period: { state: true },
    groupBy: { state: true },
    fieldErrors: { state: true },
    download: { attribute: false },
  };

  declare figures: Statistics | undefined;
  /** The period asked for; undefined: the server's default. */
  declare period: { from: string; to: string } | undefined;
  /** What the rows are listed by; `agency` is the server's default and is not sent. */
  declare groupBy: Grouping;
  declare fieldErrors: FieldErrors;
  /** Saves the CSV (tests take another). */
  declare download: FileDownloader;

  constructor() {
    super();
    this.fieldErrors = {};
    this.groupBy = 'agency';
    this.download = downloadFile;
  }

  /** The query of the figures shown: the period asked for and the grouping, when not the defaults. */
  #query(): Record<string, string> | undefined {
    const query = { ...(this.period ?? {}), ...(this.groupBy !== 'agency' ? { groupBy: this.groupBy } : {}) };
    return Object.keys(query).length ? query : undefined;
  }

  protected override unitChanged(): void {
    this.figures = undefined;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(STATISTICS)) return;
    try {
      const query = this.#query();
      const figures = await api.get<Statistics>(`${API}/statistics`, query ? { query } : {});
      if (api !== this.api) return;
      this.figures = figures;
      this.error = undefined;
      this.fieldErrors = {};
    } catch (error) {
      if (api !== this.api) return;
      const fields = error instanceof ApiError ? queryErrors(error) : {};
      this.fieldErrors = fields;
      if (Object.keys(fields).length) await this.focusFirstError();
      else this.error = this.failure(error);
    }
  }

  async #show(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const period = { from: textOf(data, 'from'), to: textOf(data, 'to') };
    if (period.from && period.to && period.to < period.from) {
      this.fieldErrors = { to: statisticsTexts().toBeforeFrom };
      return this.focusFirstError();
    }
    this.period = period.from || period.to ? (Object.fromEntries(Object.entries(period).filter(([, v]) => v)) as { from: string; to: string }) : undefined;
    const groupBy = textOf(data, 'groupBy') as Grouping;
    this.groupBy = GROUPINGS.includes(groupBy) ? groupBy : 'agency';
    await this.load();
  }

  /** The table shown, as CSV: the figures' own period (the server's default when none was asked) and grouping. */
  async #downloadCsv(): Promise<void> {
    const f = this.figures;
    const groupBy = f?.groupBy ?? this.groupBy;
    const period = f ? f.period : this.period;
    const query: Record<string, string> = { ...(period ?? {}), ...(groupBy !== 'agency' ? { groupBy } : {}) };
    const fileName = `thong-ke-hoi-dap-${groupBy}${period ? `-${period.from}-${period.to}` : ''}.csv`;
    try {
      await this.download(`${API}/statistics.csv`, { fileName, ...(Object.keys(query).length ? { query } : {}), ...(this.tenant ? { tenant: this.tenant.id } : {}) });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  async #sweep(): Promise<void> {
    const t = statisticsTexts();
    let result: SweepResult | undefined;
    await this.act(
      async () => {
        result = await this.api!.post<SweepResult>(`${API}/deadlines/sweep`);
        await this.load();
      },
      () => t.swept(result!.computed, result!.reminders, result!.escalations),
    );
  }

  /** The board: the province's unit, with the triage permission (the sweep route checks both). */
  #isBoard(): boolean {
    return this.tenant?.kind === 'province' && this.can(TRIAGE);
  }

  override render() {
    const t = statisticsTexts();
    if (!this.can(STATISTICS)) return html`<h1>${t.title}</h1><p class="note">${t.needRead}</p>`;
    const f = this.figures;
    const e = this.fieldErrors;
    const dashboard = f ? `/hoi-dap/thong-ke?tu-ngay=${f.period.from}&den-ngay=${f.period.to}` : '/hoi-dap/thong-ke';
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}
      <p class="note">${t.intro}</p>
      <form class="row" novalidate aria-label=${t.show} @submit=${(ev: SubmitEvent) => this.#show(ev)}>
        ${field('s-from', t.from, e['from'], (d, bad) => html`<input id="s-from" name="from" type="date" .value=${this.period?.from ?? f?.period.from ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('s-to', t.to, e['to'], (d, bad) => html`<input id="s-to" name="to" type="date" .value=${this.period?.to ?? f?.period.to ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('s-group', t.groupBy, e['groupBy'], (d, bad) => html`<select id="s-group" name="groupBy" aria-describedby=${d} aria-invalid=${bad}>${GROUPINGS.map((g) => html`<option value=${g} ?selected=${this.groupBy === g}>${t.groupings[g]}</option>`)}</select>`)}
        <button type="submit" class="primary" ?disabled=${this.busy}>${t.show}</button>
      </form>
      <div class="actions">
        <a href=${dashboard} target="_blank" rel="noopener">${t.dashboard}</a>
        ${f ? html`<button type="button" aria-describedby="s-download-hint" ?disabled=${this.busy} @click=${() => this.#downloadCsv()}>${t.download}</button><span class="hint" id="s-download-hint">${t.downloadHint}</span>` : nothing}
        ${this.#isBoard() ? html`<button type="button" aria-describedby="s-sweep-hint" ?disabled=${this.busy} @click=${() => this.#sweep()}>${t.sweep}</button><span class="hint" id="s-sweep-hint">${t.sweepHint}</span>` : nothing}
      </div>
      ${!f ? (this.error || Object.keys(e).length ? nothing : html`<p>${commonTexts().loading}</p>`) : this.#renderFigures(f)}`;
  }

  #renderFigures(f: Statistics) {
    const t = statisticsTexts();
    const b = f.board;
    return html`
      <p>${t.periodShown(formatDate(f.period.from), formatDate(f.period.to))}</p>
      ${b ? html`<p><strong>${t.board}:</strong> ${t.boardFigures(b.received, b.forwarded, b.declined, b.triagedOnTime, b.triagedLate, b.overdue)}</p>` : nothing}
      ${this.#rows(f).length === 0
        ? html`<p>${t.empty}</p>`
        : html`<table>
            <caption>${t.periodShown(formatDate(f.period.from), formatDate(f.period.to))}</caption>
            <thead><tr>
              <th scope="col">${t.groupings[f.groupBy ?? 'agency']}</th><th scope="col">${t.received}</th><th scope="col">${t.onTime}</th><th scope="col">${t.late}</th>
              <th scope="col">${t.overdue}</th><th scope="col">${t.open}</th><th scope="col">${t.onTimeRate}</th><th scope="col">${t.median}</th><th scope="col">${t.ratings}</th>
            </tr></thead>
            <tbody>${this.#rows(f).map((r) => this.#renderRow(r))}</tbody>
            <tfoot><tr>
              <th scope="row">${t.total}</th><td>${f.totals.received}</td><td>${f.totals.answeredOnTime}</td><td>${f.totals.answeredLate}</td>
              <td>${f.totals.overdue}</td><td></td><td>${this.#percent(f.totals.onTimeRate)}</td><td>${this.#number(f.totals.medianWorkingDays)}</td><td></td>
            </tr></tfoot>
          </table>`}
    `;
  }

  /** The rows of the grouping the figures came with: the agencies' league table, or the fields or communes. */
  #rows(f: Statistics): Row[] {
    if ((f.groupBy ?? 'agency') === 'agency') return f.agencies.map((a) => ({ key: a.agency.slug, name: a.agency.name, figures: a }));
    const t = statisticsTexts();
    const english = adminLanguage() === 'en';
    return (f.groups ?? []).map((g) => ({ key: g.group.id ?? '', name: g.group.id === null ? t.noCommune : ((english ? g.group.nameEn : null) ?? g.group.name ?? g.group.id), figures: g }));
  }

  #renderRow({ key, name, figures: a }: Row) {
    const t = statisticsTexts();
    return html`<tr data-key=${key}>
      <th scope="row">${name}</th><td>${a.received}</td><td>${a.answeredOnTime}</td><td>${a.answeredLate}</td>
      <td>${a.overdue ? html`<span class="badge" data-state="overdue">${a.overdue}</span>` : 0}</td><td>${a.open}</td>
      <td>${this.#percent(a.onTimeRate)}</td><td>${this.#number(a.medianWorkingDays)}</td>
      <td>${a.ratings.average === null ? t.noRating : t.rating(this.#number(a.ratings.average), a.ratings.count)}</td>
    </tr>`;
  }

  #locale(): string {
    return adminLanguage() === 'en' ? 'en-GB' : 'vi-VN';
  }

  #percent(rate: number | null): string {
    return rate === null ? commonTexts().none : new Intl.NumberFormat(this.#locale(), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
  }

  #number(value: number | null): string {
    return value === null ? commonTexts().none : new Intl.NumberFormat(this.#locale(), { maximumFractionDigits: 2 }).format(value);
  }
}
