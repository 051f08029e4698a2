import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ApiError } from '@cong/sdk/admin';
import { field, focusFirstError, vietnamToday, type FieldErrors } from '../shared/attribute-fields.js';
import { commonTexts, formatDate, formatTime, pick } from '../shared/common-messages.js';
import { API, COMPOSE, ISSUE_STATUSES, PUBLISH, ROUTES, SECTIONS, type IssueDetail, type IssueEntryView, type IssueSummary, type Page, type ReadyDocument } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { pager } from '../shared/submission-views.js';
import { issueTexts } from './issue-messages.js';

const LIMIT = 20;

export type IssuesView = { readonly kind: 'list' } | { readonly kind: 'create' } | { readonly kind: 'detail'; readonly issue: IssueDetail };

/** What the next draft would be numbered, from the year's highest number so far. */
export function proposedNumbers(highest: number, count: number): { readonly from: number; readonly to: number } {
  return { from: highest + 1, to: highest + Math.max(1, count) };
}

/** `12-03-2026`: the table of contents writes dates with hyphens (GAZ-20). */
function tocDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y}`;
}

/** The entries under their section headings, in the issue's order (a heading where the section changes). */
export function tocGroups(entries: readonly IssueEntryView[]): { readonly section: string | null; readonly entries: readonly IssueEntryView[] }[] {
  const groups: { section: string | null; entries: IssueEntryView[] }[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.section === entry.section) last.entries.push(entry);
    else groups.push({ section: entry.section, entries: [entry] });
  }
  return groups;
}

/**
 * "Số Công báo" (`gazette.compose`; GAZ-20…GAZ-24): the office's issues by year and status; a new
 * draft with the next number of its year (or a grouped range); its documents, added from those that
 * passed comparison, reordered and removed; the table of contents and page ranges; the signed PDF once
 * published; deleting the year's last draft. Publication (`gazette.publish`) is part of the issue's
 * view: a confirmation that says it cannot be undone, then the result (hash, signer, time) or the
 * reason it failed. A publisher without `gazette.compose` reaches an issue by its link.
 */
export class IssuesPage extends GazettePage {
  static override properties: PropertyDeclarations = {
    page: { state: true },
    offset: { state: true },
    filters: { state: true },
    view: { state: true },
    ready: { state: true },
    fieldErrors: { state: true },
    proposal: { state: true },
    confirming: { state: true },
    actionError: { state: true },
    acknowledged: { state: true },
  };

  declare page: Page<IssueSummary> | undefined;
  declare offset: number;
  declare filters: { readonly year: string; readonly status: string };
  declare view: IssuesView;
  declare ready: readonly ReadyDocument[] | undefined;
  declare fieldErrors: FieldErrors;
  /** The numbers the draft being created would take, once its date is known. */
  declare proposal: { readonly from: number; readonly to: number } | undefined;
  /** Which irreversible action waits for confirmation. */
  declare confirming: 'publish' | 'delete' | undefined;
  /** A refused publication or deletion, shown beside its button. */
  declare actionError: string | undefined;
  /** The publisher ticked "cannot be undone". */
  declare acknowledged: boolean;

  protected override readonly route = ROUTES.issues;
  #proposalRequest = 0;

  constructor() {
    super();
    this.offset = 0;
    this.filters = { year: '', status: '' };
    this.view = { kind: 'list' };
    this.fieldErrors = {};
    this.acknowledged = false;
  }

  protected override unitChanged(): void {
    this.view = { kind: 'list' };
    this.offset = 0;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(COMPOSE)) return;
    const f = this.filters;
    try {
      const page = await api.get<Page<IssueSummary>>(`${API}/issues`, { query: { year: f.year || undefined, status: f.status || undefined, limit: LIMIT, offset: this.offset } });
      if (api !== this.api) return;
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  protected override followLink(id: string | undefined): void {
    if (id) void this.#open(id);
    else void this.#show({ kind: 'list' });
  }

  async #show(view: IssuesView, focus = true): Promise<void> {
    this.view = view;
    this.linkTo(view.kind === 'detail' ? view.issue.id : undefined);
    this.fieldErrors = {};
    this.confirming = undefined;
    this.actionError = undefined;
    if (view.kind !== 'create') this.proposal = undefined;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  async #open(id: string): Promise<void> {
    try {
      const issue = await this.api!.get<IssueDetail>(`${API}/issues/${encodeURIComponent(id)}`);
      await this.#loadReady(issue);
      await this.#show({ kind: 'detail', issue });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  /** The documents that may be added, for a draft the user may compose. */
  async #loadReady(issue: IssueDetail): Promise<void> {
    this.ready = undefined;
    if (!this.can(COMPOSE) || !isEditable(issue)) return;
    this.ready = (await this.api!.get<{ items: ReadyDocument[] }>(`${API}/issues/ready`)).items;
  }

  #filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = { year: String(data.get('year') ?? '').trim(), status: String(data.get('status') ?? '') };
    this.offset = 0;
    void this.load();
  }

  /** Asks which numbers the draft would take; a stale answer (the date changed meanwhile) is dropped. */
  async #propose(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const date = String(data.get('publicationDate') ?? '');
    const count = Number(data.get('numberCount') ?? 1) || 1;
    const request = ++this.#proposalRequest;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      this.proposal = undefined;
      return;
    }
    try {
      const latest = await this.api!.get<Page<IssueSummary>>(`${API}/issues`, { query: { year: Number(date.slice(0, 4)), limit: 1, offset: 0 } });
      if (request === this.#proposalRequest) this.proposal = proposedNumbers(latest.items[0]?.numberTo ?? 0, count);
    } catch {
      if (request === this.#proposalRequest) this.proposal = undefined; // only a hint: the server numbers the issue
    }
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = issueTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const publicationDate = String(data.get('publicationDate') ?? '').trim();
    const numberCount = Number(data.get('numberCount') ?? 1);
    const errors: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(publicationDate)) errors['publicationDate'] = t.dateRequired;
    if (!Number.isInteger(numberCount) || numberCount < 1 || numberCount > 20) errors['numberCount'] = t.countInvalid;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    let label = '';
    await this.act(
      async () => {
        const issue = await this.api!.post<IssueDetail>(`${API}/issues`, { publicationDate, numberCount });
        label = `${issue.label}/${issue.year}`;
        await this.#loadReady(issue);
        await this.#show({ kind: 'detail', issue });
        void this.load();
      },
      () => t.created(label),
      (error) => this.#takeFieldErrors(error),
    );
  }

  /** Field errors of a refused form go beside their fields; true when there were any. */
  #takeFieldErrors(error: ApiError, fallbackField?: string): boolean {
    const errors = error.fieldErrors();
    if (Object.keys(errors).length === 0 && fallbackField && error.status >= 400 && error.status < 500) {
      this.fieldErrors = { [fallbackField]: error.message };
    } else {
      this.fieldErrors = errors;
    }
    if (Object.keys(this.fieldErrors).length === 0) return false;
    void this.updateComplete.then(() => focusFirstError(this.renderRoot));
    return true;
  }

  /** Runs a change that answers the issue as it now is, and shows it. */
  async #change(issue: IssueDetail, work: () => Promise<IssueDetail>, done: () => string, fallbackField?: string): Promise<boolean> {
    return this.act(
      async () => {
        const updated = await work();
        await this.#loadReady(updated);
        this.view = { kind: 'detail', issue: updated };
        this.fieldErrors = {};
      },
      done,
      (error) => this.#takeFieldErrors(error, fallbackField),
    );
  }

  async #add(event: SubmitEvent, issue: IssueDetail): Promise<void> {
    event.preventDefault();
    const t = issueTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const submissionId = String(data.get('submissionId') ?? '');
    const section = String(data.get('section') ?? '');
    if (!submissionId) {
      this.fieldErrors = { submissionId: t.chooseRequired };
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    const numberSymbol = this.ready?.find((r) => r.submissionId === submissionId)?.numberSymbol ?? '';
    await this.#change(
      issue,
      () => this.api!.post<IssueDetail>(`${API}/issues/${encodeURIComponent(issue.id)}/entries`, { submissionId, section: section || null }),
      () => t.added(numberSymbol),
      'submissionId',
    );
  }

  /** Sends the issue's entries with the one at `from` moved to `to`; true when the server took it. */
  async #reorder(issue: IssueDetail, from: number, to: number): Promise<boolean> {
    if (from === to || to < 0 || to >= issue.entries.length) return false;
    const entries = [...issue.entries];
    const [moved] = entries.splice(from, 1);
    entries.splice(to, 0, moved!);
    const body = { entries: entries.map((e) => ({ submissionId: e.submissionId, section: e.section })) };
    return this.#change(issue, () => this.api!.put<IssueDetail>(`${API}/issues/${encodeURIComponent(issue.id)}/entries`, body), () => issueTexts().reordered);
  }

  async #move(issue: IssueDetail, index: number, delta: -1 | 1): Promise<void> {
    const moved = issue.entries[index];
    if (!moved || !(await this.#reorder(issue, index, index + delta))) return;
    // Keep the keyboard where it was: on the same button of the moved row, or its other one at an end.
    await this.updateComplete;
    const t = issueTexts();
    const labels = delta < 0 ? [t.upLabel(moved.numberSymbol), t.downLabel(moved.numberSymbol)] : [t.downLabel(moved.numberSymbol), t.upLabel(moved.numberSymbol)];
    for (const label of labels) {
      const button = this.renderRoot.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(label)}"]:not([disabled])`);
      if (button) {
        button.focus();
        break;
      }
    }
  }

  /** Drag-to-order with the mouse (the Up/Down buttons do the same from the keyboard): the row being dragged. */
  #dragFrom: number | undefined;

  #dragStart(event: DragEvent, index: number): void {
    this.#dragFrom = index;
    event.dataTransfer?.setData('text/plain', String(index));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #dragOver(event: DragEvent, index: number): void {
    if (this.#dragFrom === undefined) return;
    event.preventDefault(); // allows the drop
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    for (const row of this.renderRoot.querySelectorAll('tr.drop-target')) row.classList.remove('drop-target');
    if (index !== this.#dragFrom) (event.currentTarget as HTMLElement).classList.add('drop-target');
  }

  async #drop(event: DragEvent, issue: IssueDetail, index: number): Promise<void> {
    event.preventDefault();
    const from = this.#dragFrom;
    this.#dragEnd();
    if (from !== undefined && !this.busy) await this.#reorder(issue, from, index);
  }

  #dragEnd(): void {
    this.#dragFrom = undefined;
    for (const row of this.renderRoot.querySelectorAll('tr.drop-target')) row.classList.remove('drop-target');
  }

  async #remove(issue: IssueDetail, entry: IssueEntryView): Promise<void> {
    await this.#change(issue, () => this.api!.delete<IssueDetail>(`${API}/issues/${encodeURIComponent(issue.id)}/entries/${encodeURIComponent(entry.submissionId)}`), () => issueTexts().removed(entry.numberSymbol));
  }

  async #delete(issue: IssueDetail): Promise<void> {
    const label = `${issue.label}/${issue.year}`;
    this.actionError = undefined;
    await this.act(
      async () => {
        await this.api!.delete(`${API}/issues/${encodeURIComponent(issue.id)}`);
        await this.#show({ kind: 'list' });
        await this.load();
      },
      issueTexts().deleted(label),
      (error) => {
        this.actionError = error.message;
        return true;
      },
    );
  }

  async #publish(issue: IssueDetail): Promise<void> {
    const label = `${issue.label}/${issue.year}`;
    this.actionError = undefined;
    await this.act(
      async () => {
        const updated = await this.api!.post<IssueDetail>(`${API}/issues/${encodeURIComponent(issue.id)}/publish`);
        this.view = { kind: 'detail', issue: updated };
        this.confirming = undefined;
        this.ready = undefined;
      },
      issueTexts().publishRequested(label),
      (error) => {
        this.actionError = error.message;
        return true;
      },
    );
  }

  async #refresh(issue: IssueDetail): Promise<void> {
    try {
      const updated = await this.api!.get<IssueDetail>(`${API}/issues/${encodeURIComponent(issue.id)}`);
      await this.#loadReady(updated);
      this.view = { kind: 'detail', issue: updated };
      this.announce(issueTexts().statuses[updated.status]);
      this.error = undefined;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  override render() {
    const t = issueTexts();
    const view = this.view;
    if (view.kind !== 'detail' && !this.can(COMPOSE)) return html`<h1>${t.title}</h1>${this.renderStatus()}<p class="note">${t.needCompose}</p>`;
    return html`<h1>${t.title}</h1>${this.renderStatus()}${view.kind === 'list' ? this.#renderList() : view.kind === 'create' ? this.#renderCreate() : this.#renderDetail(view.issue)}`;
  }

  #renderList() {
    const t = issueTexts();
    const c = commonTexts();
    const items = this.page?.items;
    const f = this.filters;
    return html`
      <div class="actions"><button type="button" class="primary" @click=${() => this.#show({ kind: 'create' })}>${t.create}</button></div>
      <form class="row" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <div class="field"><label for="i-year">${c.year}</label><input id="i-year" name="year" type="number" min="1900" max="9999" inputmode="numeric" .value=${f.year} /></div>
        <div class="field"><label for="i-status">${c.status}</label><select id="i-status" name="status"><option value="">${c.all}</option>${ISSUE_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${t.statuses[s]}</option>`)}</select></div>
        <button type="submit">${c.filter}</button>
      </form>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.number}</th><th scope="col">${t.publicationDate}</th><th scope="col">${c.status}</th><th scope="col">${t.documents}</th><th scope="col">${t.pages}</th><th scope="col"><span class="visually-hidden">${t.open}</span></th></tr></thead>
              <tbody>${items.map(
                (i) => html`<tr data-issue=${i.id}>
                  <td><strong>${i.label}/${i.year}</strong></td>
                  <td>${formatDate(i.publicationDate)}</td>
                  <td>${issueBadge(i)}</td>
                  <td>${i.entryCount}</td>
                  <td>${i.pageCount ?? c.none}</td>
                  <td><button type="button" aria-label=${t.openLabel(`${i.label}/${i.year}`)} @click=${() => this.#open(i.id)}>${t.open}</button></td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${pager(this.offset, items?.length ?? 0, this.page?.total ?? 0, (offset) => { this.offset = offset; void this.load(); }, LIMIT)}
    `;
  }

  #renderCreate() {
    const t = issueTexts();
    const e = this.fieldErrors;
    const p = this.proposal;
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${commonTexts().back}</button></p>
      <h2 tabindex="-1">${t.createTitle}</h2>
      <p class="note">${t.createIntro}</p>
      <form novalidate aria-label=${t.createTitle} @submit=${(ev: SubmitEvent) => this.#create(ev)} @change=${(ev: Event) => this.#propose(ev.currentTarget as HTMLFormElement)}>
        <div class="grid">
          ${field('issue-date', t.publicationDate, e['publicationDate'], (d, bad) => html`<input id="issue-date" name="publicationDate" type="date" required aria-required="true" .value=${vietnamToday()} aria-describedby=${d} aria-invalid=${bad} />`)}
          ${field('issue-count', t.numberCount, e['numberCount'], (d, bad) => html`<input id="issue-count" name="numberCount" type="number" min="1" max="20" value="1" inputmode="numeric" aria-describedby=${d} aria-invalid=${bad} />`, t.numberCountHint)}
        </div>
        <p role="status" aria-live="polite" class="note">${p ? t.proposed(p.from === p.to ? t.proposedOne(p.from) : t.proposedRange(p.from, p.to)) : ''}</p>
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button></div>
      </form>
    `;
  }

  #renderDetail(issue: IssueDetail) {
    const t = issueTexts();
    const c = commonTexts();
    const label = `${issue.label}/${issue.year}`;
    const editable = isEditable(issue) && this.can(COMPOSE);
    return html`
      ${this.can(COMPOSE) ? html`<p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${c.back}</button></p>` : nothing}
      <h2 tabindex="-1">${label} ${issueBadge(issue)}</h2>
      <dl class="facts" aria-label=${t.facts}>
        <dt>${t.publicationDate}</dt><dd>${formatDate(issue.publicationDate)}</dd>
        <dt>${t.documents}</dt><dd>${issue.entryCount}</dd>
        <dt>${t.pages}</dt><dd>${issue.pageCount ?? c.none}</dd>
      </dl>
      ${this.#renderEntries(issue, editable)}
      ${editable ? this.#renderAdd(issue) : nothing}
      ${this.#renderToc(issue)}
      <section class="panel" aria-labelledby="issue-pdf">
        <h3 id="issue-pdf">${t.pdf}</h3>
        ${issue.pdfUrl
          ? html`<div class="actions"><a href=${issue.pdfUrl} target="_blank" rel="noopener">${t.viewPdf}</a><a href=${issue.pdfUrl} download=${`cong-bao-${issue.year}-${issue.numberFrom}.pdf`}>${t.downloadPdf}</a></div>`
          : html`<p class="note">${t.noPdf}</p>`}
      </section>
      ${this.#renderPublication(issue, label)}
      ${editable && issue.status === 'draft' ? this.#renderDelete(issue, label) : nothing}
    `;
  }

  #renderEntries(issue: IssueDetail, editable: boolean) {
    const t = issueTexts();
    const c = commonTexts();
    if (issue.entries.length === 0) return html`<h3>${t.entriesTitle}</h3><p>${t.noEntries}</p>`;
    const last = issue.entries.length - 1;
    return html`${editable ? html`<p class="note">${t.dragHint}</p>` : nothing}<table class="entries">
      <caption>${t.entriesTitle}</caption>
      <thead><tr><th scope="col">${t.position}</th><th scope="col">${t.document}</th><th scope="col">${t.section}</th><th scope="col">${t.agency}</th><th scope="col">${t.pageRange}</th>${editable ? html`<th scope="col"><span class="visually-hidden">${t.remove}</span></th>` : nothing}</tr></thead>
      <tbody>${issue.entries.map(
        (e, index) => html`<tr
          data-submission=${e.submissionId}
          draggable=${editable && !this.busy ? 'true' : 'false'}
          @dragstart=${(event: DragEvent) => this.#dragStart(event, index)}
          @dragover=${(event: DragEvent) => this.#dragOver(event, index)}
          @drop=${(event: DragEvent) => this.#drop(event, issue, index)}
          @dragend=${() => this.#dragEnd()}
        >
          <td>${index + 1}</td>
          <td><strong>${e.numberSymbol}</strong> · ${pick(e.documentTypeName)}${e.correction ? html` <span class="badge">${t.correction}</span>` : nothing}<div>${e.summary}</div></td>
          <td>${e.section ?? t.noSection}</td>
          <td>${e.issuingAgency}<div class="note">${formatDate(e.signedOn)}</div></td>
          <td>${e.firstPage !== null ? `${e.firstPage}–${e.lastPage ?? e.firstPage}` : c.none}</td>
          ${editable
            ? html`<td><div class="actions">
                <button type="button" aria-label=${t.upLabel(e.numberSymbol)} ?disabled=${index === 0 || this.busy} @click=${() => this.#move(issue, index, -1)}>${t.up}</button>
                <button type="button" aria-label=${t.downLabel(e.numberSymbol)} ?disabled=${index === last || this.busy} @click=${() => this.#move(issue, index, 1)}>${t.down}</button>
                <button type="button" class="danger" aria-label=${t.removeLabel(e.numberSymbol)} ?disabled=${this.busy} @click=${() => this.#remove(issue, e)}>${t.remove}</button>
              </div></td>`
            : nothing}
        </tr>`,
      )}</tbody>
    </table>`;
  }

  #renderAdd(issue: IssueDetail) {
    const t = issueTexts();
    const ready = this.ready;
    const e = this.fieldErrors;
    return html`<section class="panel" aria-labelledby="issue-add">
      <h3 id="issue-add">${t.addTitle}</h3>
      ${!ready
        ? html`<p>${commonTexts().loading}</p>`
        : ready.length === 0
          ? html`<p>${t.noReady}</p>`
          : html`<form novalidate class="row" aria-labelledby="issue-add" @submit=${(ev: SubmitEvent) => this.#add(ev, issue)}>
              ${field('entry-document', t.document, e['submissionId'], (d, bad) => html`<select id="entry-document" name="submissionId" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
                <option value="">${t.chooseDocument}</option>
                ${ready.map((r) => html`<option value=${r.submissionId}>${r.numberSymbol} — ${r.summary}${r.publishDue ? ` (${t.due(formatDate(r.publishDue))})` : ''}</option>`)}
              </select>`)}
              ${field('entry-section', t.section, e['section'], (d, bad) => html`<select id="entry-section" name="section" aria-describedby=${d} aria-invalid=${bad}>
                <option value="">${t.noSection}</option>
                ${SECTIONS.map((s) => html`<option value=${s}>${s}</option>`)}
              </select>`)}
              <button type="submit" ?disabled=${this.busy}>${t.add}</button>
            </form>`}
    </section>`;
  }

  #renderToc(issue: IssueDetail) {
    const t = issueTexts();
    if (issue.entries.length === 0) return nothing;
    const c = commonTexts();
    return html`<section class="panel toc" aria-labelledby="issue-toc">
      <h3 id="issue-toc">${t.tocTitle}</h3>
      ${issue.status === 'published' ? nothing : html`<p class="note">${t.tocPending}</p>`}
      <table>
        <caption class="visually-hidden">${t.tocTitle}</caption>
        <thead><tr><th scope="col">${t.agency}</th><th scope="col">${t.signedOn}</th><th scope="col">${t.type}</th><th scope="col">${t.number}</th><th scope="col">${t.summary}</th><th scope="col">${t.pageRange}</th></tr></thead>
        ${tocGroups(issue.entries).map(
          (g) => html`<tbody>
            ${g.section ? html`<tr><th scope="rowgroup" colspan="6">${g.section}</th></tr>` : nothing}
            ${g.entries.map((e) => html`<tr><td>${e.issuingAgency}</td><td>${tocDate(e.signedOn)}</td><td>${pick(e.documentTypeName)}</td><td>${e.numberSymbol}</td><td>${e.summary}</td><td>${e.firstPage ?? c.none}</td></tr>`)}
          </tbody>`,
        )}
      </table>
    </section>`;
  }

  #renderPublication(issue: IssueDetail, label: string) {
    const t = issueTexts();
    const c = commonTexts();
    const s = issue.signature;
    if (issue.status === 'published') {
      return html`<section class="panel" aria-labelledby="issue-result">
        <h3 id="issue-result">${t.result}</h3>
        <dl class="facts">
          <dt>${t.publishedAt}</dt><dd>${formatTime(issue.publishedAt)}</dd>
          <dt>${t.sha256}</dt><dd><code class="hash">${issue.sha256 ?? c.none}</code></dd>
          ${s
            ? html`<dt>${t.signer}</dt><dd>${s.signerName ?? s.subject}${s.organisation ? html` · ${s.organisation}` : nothing}</dd>
                <dt>${t.signerCa}</dt><dd>${s.issuer}</dd>
                <dt>${t.signedAt}</dt><dd>${formatTime(s.signedAt)}</dd>`
            : html`<dt>${t.signer}</dt><dd>${t.unsigned}</dd>`}
        </dl>
      </section>`;
    }
    if (issue.status === 'rendering') {
      return html`<section class="panel" aria-labelledby="issue-publish">
        <h3 id="issue-publish">${t.publishTitle}</h3>
        <p>${t.rendering}</p>
        <div class="actions"><button type="button" @click=${() => this.#refresh(issue)}>${t.refresh}</button></div>
      </section>`;
    }
    const failed = issue.status === 'failed' ? html`<p class="error">${t.failedRender} ${issue.renderError ?? c.none}. ${t.retry}</p>` : nothing;
    if (!this.can(PUBLISH)) return html`<section class="panel" aria-labelledby="issue-publish"><h3 id="issue-publish">${t.publishTitle}</h3>${failed}<p class="note">${t.needPublish}</p></section>`;
    const problem = this.actionError && this.confirming !== 'delete' ? html`<p class="error" role="alert" id="publish-error">${this.actionError}</p>` : nothing;
    return html`<section class="panel" aria-labelledby="issue-publish">
      <h3 id="issue-publish">${t.publishTitle}</h3>
      ${failed}
      ${this.confirming === 'publish'
        ? html`<form class="confirm" aria-labelledby="issue-publish" @submit=${(ev: SubmitEvent) => { ev.preventDefault(); void this.#publish(issue); }}>
            <p id="publish-warning"><strong>${t.publishWarning(label)}</strong></p>
            <label class="check"><input type="checkbox" name="acknowledge" required .checked=${this.acknowledged} @change=${(ev: Event) => (this.acknowledged = (ev.target as HTMLInputElement).checked)} /> ${t.publishAcknowledge}</label>
            ${problem}
            <div class="actions">
              <button type="submit" class="primary" aria-describedby="publish-warning" ?disabled=${this.busy || !this.acknowledged}>${t.confirmPublish}</button>
              <button type="button" @click=${() => { this.confirming = undefined; this.actionError = undefined; }}>${t.cancel}</button>
            </div>
          </form>`
        : html`${problem}<div class="actions"><button type="button" class="primary" ?disabled=${issue.entries.length === 0 || this.busy} @click=${() => this.#confirm('publish')}>${t.publish}</button></div>`}
    </section>`;
  }

  async #confirm(action: 'publish' | 'delete'): Promise<void> {
    this.confirming = action;
    this.actionError = undefined;
    this.acknowledged = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(action === 'publish' ? 'input[name="acknowledge"]' : '#delete-confirm')?.focus();
  }

  #renderDelete(issue: IssueDetail, label: string) {
    const t = issueTexts();
    const problem = this.actionError && this.confirming === 'delete' ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing;
    return html`<section class="panel" aria-label=${t.deleteDraft}>
      ${this.confirming === 'delete'
        ? html`<p id="delete-warning">${t.deleteConfirm(label)}</p>
            ${problem}
            <div class="actions">
              <button type="button" id="delete-confirm" class="danger" aria-describedby="delete-warning" ?disabled=${this.busy} @click=${() => this.#delete(issue)}>${t.confirmDelete}</button>
              <button type="button" @click=${() => { this.confirming = undefined; this.actionError = undefined; }}>${t.cancel}</button>
            </div>`
        : html`<div class="actions"><button type="button" class="danger" @click=${() => this.#confirm('delete')}>${t.deleteDraft}</button></div>`}
    </section>`;
  }
}

function isEditable(issue: Pick<IssueDetail, 'status'>): boolean {
  return issue.status === 'draft' || issue.status === 'failed';
}

function issueBadge(issue: Pick<IssueSummary, 'status'>) {
  const state = issue.status === 'failed' ? 'overdue' : issue.status === 'published' ? 'met' : issue.status === 'rendering' ? 'at-risk' : 'pending';
  return html`<span class="badge" data-state=${state} data-issue-status=${issue.status}>${issueTexts().statuses[issue.status]}</span>`;
}
