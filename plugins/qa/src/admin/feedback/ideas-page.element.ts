import { html, nothing } from 'lit';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { field, textOf } from '../shared/form-field.js';
import { API, IDEA_LIST_STATUSES, IDEAS, ROUTES, type FeedbackView, type Page } from '../shared/qa-api.js';
import { pager } from '../shared/question-views.js';
import { feedbackTexts } from './feedback-messages.js';
import { FeedbackStepsPage, LIMIT } from './feedback-steps-page.js';
import { feedbackFacts, feedbackStatusBadge, feedbackTimeline, publicationFacts } from './feedback-views.js';

/**
 * "Góp ý, hiến kế" (`qa.ideas.manage`, the province; QA-15): the ideas by status with their support
 * counts; for one, its facts and timeline, and the step its status allows: accept it for the public list
 * with a text staff write (never the sender's data: the server refuses it, naming the field) or reject it
 * with a reason; acknowledge or adopt an accepted idea with a public note; archive.
 */
export class IdeasPage extends FeedbackStepsPage {
  protected override readonly route = ROUTES.ideas;
  protected readonly collection = 'ideas';

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(IDEAS)) return;
    try {
      const list = await api.get<Page<FeedbackView>>(`${API}/ideas`, this.listQuery());
      if (api !== this.api) return;
      this.list = list;
      this.error = undefined;
    } catch (error) {
      if (api === this.api) this.error = this.failure(error);
    }
  }

  #accept(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const t = feedbackTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { title: textOf(data, 'title'), summary: textOf(data, 'summary') };
    const errors: Record<string, string> = {};
    if (body.title.length < 5) errors['title'] = body.title ? t.titleTooShort : t.required;
    if (!body.summary) errors['summary'] = t.required;
    return this.step('accept', errors, 'accept', body, () => t.accepted);
  }

  #reject(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const t = feedbackTexts();
    const reason = textOf(new FormData(event.target as HTMLFormElement), 'reason');
    return this.step('reject', reason ? {} : { reason: t.required }, 'reject', { reason }, () => t.rejected);
  }

  #acknowledge(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const t = feedbackTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { level: textOf(data, 'level'), note: textOf(data, 'note') };
    const errors: Record<string, string> = {};
    if (!body.level) errors['level'] = t.chooseRequired;
    if (!body.note) errors['note'] = t.required;
    return this.step('acknowledge', errors, 'acknowledge', body, () => t.acknowledgedDone);
  }

  // ─── Rendering ────────────────────────────────────────────────────────────────────────────
  override render() {
    const t = feedbackTexts();
    if (!this.can(IDEAS)) return html`<h1>${t.ideasTitle}</h1><p class="note">${t.needIdeas}</p>`;
    return html`<h1 tabindex="-1">${t.ideasTitle}</h1>${this.renderStatus()}${this.view ? this.#renderOne(this.view) : this.#renderList()}`;
  }

  #renderList() {
    const t = feedbackTexts();
    const c = commonTexts();
    const list = this.list;
    return html`
      <p class="note">${t.ideasIntro}</p>
      <div class="row">
        ${field('idea-status', t.statusFilter, undefined, (d) => html`<select id="idea-status" aria-describedby=${d} @change=${(e: Event) => this.filter((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.status}>${c.all}</option>
          ${IDEA_LIST_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.statuses[s]}</option>`)}
        </select>`)}
      </div>
      ${!list
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : list.items.length === 0
          ? html`<p>${this.status ? t.ideasEmptyFilter : t.ideasEmpty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.ideasTitle}</caption>
              <thead><tr><th scope="col">${t.subject}</th><th scope="col">${t.statusFilter}</th><th scope="col">${t.supports}</th><th scope="col">${t.receivedAt}</th></tr></thead>
              <tbody>${list.items.map(
                (i) => html`<tr data-idea=${i.id}>
                  <td><button type="button" class="link" aria-label=${t.openLabel(i.title)} @click=${() => this.openItem(i.id)}>${i.title}</button>${i.publication ? html`<div class="note">${i.publication.title}</div>` : nothing}</td>
                  <td>${feedbackStatusBadge(i.status)}${i.acknowledgement ? html` <span class="badge" data-status="published">${t.levels[i.acknowledgement.level]}</span>` : nothing}</td>
                  <td>${i.supportCount}</td>
                  <td>${formatTime(i.receivedAt ?? i.createdAt)}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${list ? pager(list.offset, list.items.length, list.total, (offset) => void this.showPage(offset), LIMIT) : nothing}
    `;
  }

  #renderOne(v: FeedbackView) {
    const t = feedbackTexts();
    const c = commonTexts();
    return html`
      <p><button type="button" @click=${() => this.closeItem()}>${c.back}</button></p>
      <h2 tabindex="-1">${v.title}</h2>
      ${feedbackFacts(v)}
      ${v.status === 'received' ? html`${this.#renderAccept()}${this.#renderReject()}` : nothing}
      ${v.status === 'accepted' ? this.#renderAcknowledge(v) : nothing}
      ${v.status === 'accepted' || v.status === 'rejected'
        ? html`<div class="actions panel"><button type="button" ?disabled=${this.busy} @click=${() => this.step('archive', {}, 'archive', undefined, () => t.archived)}>${t.archive}</button></div>`
        : nothing}
      ${v.publication ? publicationFacts(v, `/gop-y-hien-ke/${v.publication.slug}`) : nothing}
      ${feedbackTimeline(v)}
    `;
  }

  #renderAccept() {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    return html`<form class="panel" novalidate aria-labelledby="idea-accept-heading" @submit=${(ev: SubmitEvent) => this.#accept(ev)}>
      <h3 id="idea-accept-heading">${t.acceptTitle}</h3>
      <p class="note" id="idea-accept-hint">${t.publishHint}</p>
      ${field('idea-accept-title', t.publicTitle, e['accept-title'], (d, bad) => html`<input id="idea-accept-title" name="title" maxlength="500" required aria-required="true" aria-describedby=${d} aria-invalid=${bad} />`)}
      ${field('idea-accept-summary', t.publicSummary, e['accept-summary'], (d, bad) => html`<textarea id="idea-accept-summary" name="summary" rows="4" maxlength="50000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <div class="actions"><button type="submit" class="primary" aria-describedby="idea-accept-hint" ?disabled=${this.busy}>${t.accept}</button></div>
    </form>`;
  }

  #renderReject() {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    return html`<form class="panel" novalidate aria-labelledby="idea-reject-heading" @submit=${(ev: SubmitEvent) => this.#reject(ev)}>
      <h3 id="idea-reject-heading">${t.rejectTitle}</h3>
      ${field('idea-reject-reason', t.reason, e['reject-reason'], (d, bad) => html`<textarea id="idea-reject-reason" name="reason" rows="2" maxlength="4000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <div class="actions"><button type="submit" class="danger" ?disabled=${this.busy}>${t.reject}</button></div>
    </form>`;
  }

  #renderAcknowledge(v: FeedbackView) {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    const current = v.acknowledgement;
    const bad = e['acknowledge-level'] ? 'true' : 'false';
    return html`<form class="panel" novalidate aria-labelledby="idea-ack-heading" @submit=${(ev: SubmitEvent) => this.#acknowledge(ev)}>
      <h3 id="idea-ack-heading">${t.acknowledgeTitle}</h3>
      <fieldset aria-describedby=${e['acknowledge-level'] ? 'idea-ack-level-error' : nothing}>
        <legend>${t.level}</legend>
        <label class="check"><input type="radio" id="idea-ack-level" name="level" value="acknowledged" .checked=${current?.level === 'acknowledged'} aria-invalid=${bad} /> ${t.levels.acknowledged}</label>
        <label class="check"><input type="radio" name="level" value="adopted" .checked=${current?.level === 'adopted'} aria-invalid=${bad} /> ${t.levels.adopted}</label>
        ${e['acknowledge-level'] ? html`<span class="field-error" id="idea-ack-level-error">${e['acknowledge-level']}</span>` : nothing}
      </fieldset>
      ${field('idea-ack-note', t.acknowledgeNote, e['acknowledge-note'], (d, b) => html`<textarea id="idea-ack-note" name="note" rows="3" maxlength="4000" required aria-required="true" .value=${current?.note ?? ''} aria-describedby=${d} aria-invalid=${b}></textarea>`, t.publishHint)}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.acknowledge}</button></div>
    </form>`;
  }
}
