import { html, nothing, type PropertyDeclarations } from 'lit';
import { commonTexts, formatDate } from '../shared/common-messages.js';
import { API, RECEIVE, type DeadlineDashboard, type DeadlineItem } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { statusBadge } from '../shared/submission-views.js';
import { officeTexts } from './office-messages.js';

type StateFilter = '' | DeadlineItem['state'];

/** The dashboard's items under their issuers, in the server's order (issuers by name, most urgent first). */
export function groupByIssuer(dashboard: DeadlineDashboard, state: StateFilter): { readonly issuer: DeadlineDashboard['byIssuer'][number]; readonly items: readonly DeadlineItem[] }[] {
  return dashboard.byIssuer
    .map((issuer) => ({ issuer, items: dashboard.items.filter((i) => i.submission.issuer.id === issuer.issuer.id && (!state || i.state === state)) }))
    .filter((group) => group.items.length > 0);
}

/**
 * "Hạn đăng Công báo" (`gazette.receive`; GAZ-15, GAZ-16, GAZ-01): the documents not yet published
 * whose deadline, to send or to publish, is past or near, grouped by issuing unit with who each one
 * waits on (the issuer that has not sent it or its correction, or the office), so lateness is
 * attributable.
 */
export class DeadlineDashboardPage extends GazettePage {
  static override properties: PropertyDeclarations = {
    dashboard: { state: true },
    state: { state: true },
    issuerUnitId: { state: true },
    within: { state: true },
  };

  declare dashboard: DeadlineDashboard | undefined;
  declare state: StateFilter;
  declare issuerUnitId: string;
  /** `''`: the server's setting. */
  declare within: string;

  constructor() {
    super();
    this.state = '';
    this.issuerUnitId = '';
    this.within = '';
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(RECEIVE)) return;
    try {
      const dashboard = await api.get<DeadlineDashboard>(`${API}/deadlines`, { query: { withinWorkingDays: this.within || undefined } });
      if (api !== this.api) return;
      this.dashboard = dashboard;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const within = String(data.get('within') ?? '').trim();
    this.state = String(data.get('state') ?? '') as StateFilter;
    this.issuerUnitId = String(data.get('issuer') ?? '');
    // The state and issuer filter what is loaded; only another window needs the server.
    if (within !== (this.within || String(this.dashboard?.withinWorkingDays ?? ''))) {
      this.within = within;
      void this.load();
    }
  }

  override render() {
    const t = officeTexts();
    if (!this.can(RECEIVE)) return html`<h1>${t.deadlinesTitle}</h1><p class="note">${t.needReceive}</p>`;
    const d = this.dashboard;
    return html`<h1>${t.deadlinesTitle}</h1>
      ${this.renderStatus()}
      ${d ? html`<p>${t.asOf(formatDate(d.asOf))}</p>` : nothing}
      <form class="row" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <div class="field"><label for="d-state">${t.show}</label><select id="d-state" name="state">
          <option value="">${t.allStates}</option>
          ${(['overdue', 'at-risk'] as const).map((s) => html`<option value=${s} ?selected=${this.state === s}>${t.states[s]}</option>`)}
        </select></div>
        <div class="field"><label for="d-issuer">${t.issuer}</label><select id="d-issuer" name="issuer">
          <option value="">${t.allIssuers}</option>
          ${(d?.byIssuer ?? []).map((g) => html`<option value=${g.issuer.id} ?selected=${this.issuerUnitId === g.issuer.id}>${g.issuer.name}</option>`)}
        </select></div>
        <div class="field"><label for="d-within">${t.within}</label><input id="d-within" name="within" type="number" min="0" max="60" inputmode="numeric" .value=${this.within || String(d?.withinWorkingDays ?? '')} /></div>
        <button type="submit">${commonTexts().filter}</button>
      </form>
      ${!d ? (this.error ? nothing : html`<p>${commonTexts().loading}</p>`) : this.#renderGroups(d)}`;
  }

  #renderGroups(d: DeadlineDashboard) {
    const t = officeTexts();
    const groups = groupByIssuer(d, this.state).filter((g) => !this.issuerUnitId || g.issuer.issuer.id === this.issuerUnitId);
    if (groups.length === 0) return html`<p>${t.nothingDue}</p>`;
    return html`<h2 class="visually-hidden">${t.byIssuer}</h2>${groups.map(({ issuer, items }) => {
      const headingId = `issuer-${issuer.issuer.id}`;
      return html`<section class="issuer-group" aria-labelledby=${headingId} data-issuer=${issuer.issuer.id}>
        <h3 id=${headingId}>${issuer.issuer.name}</h3>
        <p>${t.counts(issuer.atRisk, issuer.overdue, issuer.overdueByIssuer, issuer.overdueByOffice)}</p>
        <table>
          <caption class="visually-hidden">${issuer.issuer.name}</caption>
          <thead><tr><th scope="col">${t.document}</th><th scope="col">${t.stage}</th><th scope="col">${t.due}</th><th scope="col">${commonTexts().status}</th><th scope="col">${t.waitsOn}</th></tr></thead>
          <tbody>${items.map(
            (i) => html`<tr data-state=${i.state}>
              <td><strong>${i.submission.numberSymbol}</strong> ${statusBadge(i.submission)}<div>${i.submission.summary}</div></td>
              <td>${t.stages[i.stage]}</td>
              <td>${formatDate(i.due)}</td>
              <td><span class="badge" data-state=${i.state}>${t.states[i.state]}</span> ${t.days(i.state, i.workingDays)}</td>
              <td>${t.causes[i.cause]}${i.sentLate ? html` <span class="badge" data-state="late">${t.sentLate}</span>` : nothing}</td>
            </tr>`,
          )}</tbody>
        </table>
      </section>`;
    })}`;
  }
}
