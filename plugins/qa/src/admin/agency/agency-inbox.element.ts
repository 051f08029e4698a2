import { html, nothing, type PropertyDeclarations } from 'lit';
import { formatDate, formatTime } from '../shared/common-messages.js';
import { field, textOf } from '../shared/form-field.js';
import { ANSWER, API, ROUTES, type ProgressReportView, type QuestionDetail, type QuestionStatus, type UnitNode } from '../shared/qa-api.js';
import { QuestionQueuePage } from '../shared/question-queue-page.js';
import { agencyChoices, loadUnits, provinceOf, unitOptions } from '../shared/unit-tree.js';
import './answer-editor.js';
import { inboxTexts } from './inbox-messages.js';

/** What an agency's inbox holds: the questions with it now (mirrors the service). */
const INBOX_STATUSES: readonly QuestionStatus[] = ['forwarded', 'waiting', 'answered'];

/**
 * "Câu hỏi được chuyển đến" (`qa.questions.answer`, any unit below the province): the questions
 * forwarded to the unit, one with its timeline; returning it to the board or transferring it to
 * another agency with a reason, asking the asker for more information (the question then waits), and
 * the answer (`<qa-answer-editor>`): drafting, notes, attachments, approval and sending.
 */
export class AgencyInbox extends QuestionQueuePage {
  static override properties: PropertyDeclarations = {
    units: { state: true },
    reports: { state: true },
  };

  /** The active units, for the transfer picker (read when a question is first opened). */
  declare units: readonly UnitNode[];
  /** The progress reports sent on the opened question (QA-03), oldest first as the API orders them. */
  declare reports: readonly ProgressReportView[];

  protected override readonly route = ROUTES.inbox;
  protected readonly basePath = `${API}/inbox`;
  protected readonly permission = ANSWER;
  protected readonly statuses = INBOX_STATUSES;

  constructor() {
    super();
    this.units = [];
    this.reports = [];
  }

  protected pageTitle(): string {
    return inboxTexts().title;
  }

  protected needPermission(): string {
    return inboxTexts().needAnswer;
  }

  protected override unitChanged(): void {
    super.unitChanged();
    this.units = [];
  }

  protected override opened(detail: QuestionDetail): void {
    this.reports = [];
    void this.#loadReports(detail.id);
    if (this.units.length > 0) return;
    const api = this.api!;
    loadUnits(api).then(
      (units) => {
        if (api === this.api) this.units = units;
      },
      () => undefined, // the shell's client showed the failure; the picker stays empty
    );
  }

  /** A step after which the question leaves the inbox (returned, transferred): back to the list. */
  async #handOver(detail: QuestionDetail, action: 'return' | 'transfer', body: Record<string, unknown>, done: (answer: { agency?: { name: string } }) => string): Promise<void> {
    let answer: { agency?: { name: string } } = {};
    const ok = await this.act(
      async () => {
        answer = await this.api!.post<{ agency?: { name: string } }>(`${this.basePath}/${encodeURIComponent(detail.id)}/${action}`, body);
        this.fieldErrors = {};
      },
      () => done(answer),
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (ok) await this.showList();
    else await this.focusFirstError();
  }

  async #return(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const t = inboxTexts();
    const reason = textOf(new FormData(event.target as HTMLFormElement), 'reason');
    if (!reason) {
      this.fieldErrors = { reason: t.reasonRequired };
      await this.focusFirstError();
      return;
    }
    await this.#handOver(detail, 'return', { reason }, () => t.returned);
  }

  async #transfer(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const t = inboxTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const agency = textOf(data, 'agency');
    const note = textOf(data, 'note');
    if (!agency) {
      this.fieldErrors = { agency: t.agencyRequired };
      await this.focusFirstError();
      return;
    }
    await this.#handOver(detail, 'transfer', { agency, ...(note ? { note } : {}) }, (a) => t.transferred(a.agency?.name ?? agency));
  }

  async #ask(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const t = inboxTexts();
    const message = textOf(new FormData(event.target as HTMLFormElement), 'message');
    if (!message) {
      this.fieldErrors = { message: t.messageRequired };
      await this.focusFirstError();
      return;
    }
    const ok = await this.act(
      async () => {
        await this.api!.post(`${this.basePath}/${encodeURIComponent(detail.id)}/request-information`, { message });
        this.fieldErrors = {};
        await this.#refresh(detail.id);
      },
      t.asked,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok) await this.focusFirstError();
  }

  async #loadReports(id: string): Promise<void> {
    const api = this.api!;
    try {
      const { items } = await api.get<{ items: ProgressReportView[] }>(`${this.basePath}/${encodeURIComponent(id)}/progress-reports`);
      if (api === this.api && this.detail?.id === id) this.reports = items;
    } catch {
      // the shell's client showed the failure; the list stays empty
    }
  }

  /** QA-03: tells the asker how far the agency is and the date it will answer by. */
  async #report(event: SubmitEvent, detail: QuestionDetail): Promise<void> {
    event.preventDefault();
    const t = inboxTexts();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = textOf(data, 'text');
    const answerBy = textOf(data, 'answerBy');
    const missing: Record<string, string> = {};
    if (!text) missing['text'] = t.progressTextRequired;
    if (!answerBy) missing['answerBy'] = t.answerByRequired;
    if (Object.keys(missing).length > 0) {
      this.fieldErrors = missing;
      await this.focusFirstError();
      return;
    }
    const ok = await this.act(
      async () => {
        const sent = await this.api!.post<ProgressReportView>(`${this.basePath}/${encodeURIComponent(detail.id)}/progress-reports`, { text, answerBy });
        this.fieldErrors = {};
        this.reports = [...this.reports, sent];
        form.reset();
        await this.#refresh(detail.id);
      },
      () => t.progressSent(formatDate(answerBy)),
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok) await this.focusFirstError();
  }

  #renderProgress(detail: QuestionDetail) {
    const t = inboxTexts();
    const e = this.fieldErrors;
    return html`<section class="panel" aria-labelledby="i-progress">
      <h3 id="i-progress">${t.progressTitle}</h3>
      ${detail.status === 'forwarded'
        ? html`<form class="panel" novalidate aria-labelledby="i-progress" @submit=${(ev: SubmitEvent) => this.#report(ev, detail)}>
            <p class="note">${t.progressIntro}</p>
            ${field('i-progress-text', t.progressText, e['text'], (d, bad) => html`<textarea id="i-progress-text" name="text" rows="3" maxlength="2000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
            ${field('i-answer-by', t.answerBy, e['answerBy'], (d, bad) => html`<input id="i-answer-by" name="answerBy" type="date" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} />`)}
            <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.progressSubmit}</button></div>
          </form>`
        : nothing}
      <h4>${t.progressSentList}</h4>
      ${this.reports.length === 0
        ? html`<p class="note">${t.noProgress}</p>`
        : html`<ul class="plain">${this.reports.map((r) => html`<li><strong>${t.progressItem(formatTime(r.at), formatDate(r.answerBy))}</strong><div>${r.text}</div></li>`)}</ul>`}
    </section>`;
  }

  /** Reads the opened question again (its status and timeline changed). */
  async #refresh(id: string): Promise<void> {
    try {
      this.detail = await this.api!.get<QuestionDetail>(`${this.basePath}/${encodeURIComponent(id)}`);
      void this.loadClocks(id);
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  protected renderActions(detail: QuestionDetail) {
    const t = inboxTexts();
    const e = this.fieldErrors;
    const province = this.tenant ? provinceOf(this.units, this.tenant.id) : undefined;
    const choices = province && this.tenant ? agencyChoices(this.units, province.id, this.tenant.id) : [];
    return html`
      ${detail.status === 'forwarded'
        ? html`<section class="panel" aria-labelledby="i-handling">
            <h3 id="i-handling">${t.handling}</h3>
            <form class="panel" novalidate aria-labelledby="i-ask-title" @submit=${(ev: SubmitEvent) => this.#ask(ev, detail)}>
              <h4 id="i-ask-title">${t.askTitle}</h4>
              <p class="note">${t.askIntro}</p>
              ${field('i-message', t.message, e['message'], (d, bad) => html`<textarea id="i-message" name="message" rows="3" maxlength="2000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
              <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.askSubmit}</button></div>
            </form>
            <form class="panel" novalidate aria-labelledby="i-transfer-title" @submit=${(ev: SubmitEvent) => this.#transfer(ev, detail)}>
              <h4 id="i-transfer-title">${t.transferTitle}</h4>
              ${field('i-agency', t.agency, e['agency'], (d, bad) => html`<select id="i-agency" name="agency" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
                <option value="">${t.chooseAgency}</option>${unitOptions(choices)}
              </select>`)}
              ${field('i-note', t.note, e['note'], (d, bad) => html`<textarea id="i-note" name="note" rows="2" maxlength="2000" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
              <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.transferSubmit}</button></div>
            </form>
            <form class="panel" novalidate aria-labelledby="i-return-title" @submit=${(ev: SubmitEvent) => this.#return(ev, detail)}>
              <h4 id="i-return-title">${t.returnTitle}</h4>
              <p class="note">${t.returnIntro}</p>
              ${field('i-reason', t.reason, e['reason'], (d, bad) => html`<textarea id="i-reason" name="reason" rows="3" maxlength="2000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
              <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>${t.returnSubmit}</button></div>
            </form>
          </section>`
        : nothing}
      ${this.#renderProgress(detail)}
      <section class="panel" aria-labelledby="i-answer">
        <h3 id="i-answer">${t.answerTitle}</h3>
        <qa-answer-editor .api=${this.api} .user=${this.user} .tenant=${this.tenant} .questionStatus=${detail.status} question-id=${detail.id} @qa-answer-changed=${() => this.#refresh(detail.id)}></qa-answer-editor>
      </section>
    `;
  }
}
