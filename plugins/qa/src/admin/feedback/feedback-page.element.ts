import { html, nothing, type PropertyDeclarations } from 'lit';
import { commonTexts, formatDate, formatTime } from '../shared/common-messages.js';
import { field, textOf } from '../shared/form-field.js';
import {
  API,
  CLASSIFICATIONS,
  CONTENT_TYPES,
  DECISIONS,
  FEEDBACK,
  FEEDBACK_LIST_STATUSES,
  FORWARDING,
  REVIEW_CRITERIA,
  ROUTES,
  type Classification,
  type ContentType,
  type Decision,
  type FeedbackStatus,
  type FeedbackView,
  type Page,
  type ReviewCriteria,
  type UnitNode,
} from '../shared/qa-api.js';
import { pager } from '../shared/question-views.js';
import { agencyChoices, loadUnits, provinceOf, unitOptions } from '../shared/unit-tree.js';
import { feedbackTexts } from './feedback-messages.js';
import { FeedbackStepsPage, LIMIT } from './feedback-steps-page.js';
import { feedbackFacts, feedbackStatusBadge, feedbackTimeline, publicationFacts } from './feedback-views.js';

/** The statuses an item is archived from (mirrors the service's `CLOSED`). */
const ARCHIVABLE: readonly FeedbackStatus[] = ['not-accepted', 'forwarded', 'decided', 'published'];
/** The channels staff enter feedback from (`web` is the portal's form). */
const INTAKE_CHANNELS: readonly Exclude<FeedbackView['channel'], 'web'>[] = ['post', 'phone', 'questionnaire', 'in_person'];
/** Today in Vietnam, `YYYY-MM-DD`: the latest day feedback can have been received. */
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * "Phản ánh, kiến nghị về quy định hành chính" (`qa.feedback.process`, the receiving unit, by default the
 * Department of Justice; NĐ 20/2008 Arts. 9 and 14, QA-12, QA-13): the items by status and content type;
 * for one, its facts and timeline, and the step its status allows: register (số vào sổ), classify into
 * one of the four outcomes with a reason, forward by the due date, or process (ask to clarify, assess
 * the basis, review the six criteria, decide), publish the result in texts written for the public,
 * archive. Each form's field errors (the page's checks, the server's 400) go beside its fields.
 * Feedback received by post, telephone, questionnaire or in person is entered here (`POST
 * /api/qa/feedback`): received at once, the forwarding deadline counted from the day it arrived.
 */
export class FeedbackPage extends FeedbackStepsPage {
  static override properties: PropertyDeclarations = {
    ...FeedbackStepsPage.properties,
    contentType: { state: true },
    units: { state: true },
    outcome: { state: true },
    intake: { state: true },
  };

  /** The content type shown (filtered in the page shown: the API filters by status only). */
  declare contentType: ContentType | undefined;
  declare units: readonly UnitNode[];
  /** The outcome chosen in the classify form: a forwarding one explains the due date. */
  declare outcome: Classification | undefined;
  /** The form entering feedback received outside the portal is open (instead of the list). */
  declare intake: boolean;

  protected override readonly route = ROUTES.feedback;
  protected readonly collection = 'feedback';

  constructor() {
    super();
    this.units = [];
    this.intake = false;
  }

  protected override unitChanged(): void {
    super.unitChanged();
    this.units = [];
    this.intake = false;
  }

  protected override followLink(id: string | undefined): void {
    if (id) this.intake = false;
    super.followLink(id);
  }

  protected override itemChanged(): void {
    this.outcome = undefined;
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(FEEDBACK)) return;
    const [list, units] = await Promise.allSettled([
      api.get<Page<FeedbackView>>(`${API}/feedback`, this.listQuery()),
      this.units.length ? Promise.resolve(this.units) : loadUnits(api),
    ]);
    if (api !== this.api) return;
    if (units.status === 'fulfilled') this.units = units.value;
    if (list.status === 'fulfilled') {
      this.list = list.value;
      this.error = undefined;
    } else this.error = this.failure(list.reason);
  }

  async #openIntake(): Promise<void> {
    this.intake = true;
    this.fieldErrors = {};
    this.error = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#fb-intake-heading')?.focus();
  }

  async #closeIntake(): Promise<void> {
    this.intake = false;
    this.fieldErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Checks the form here first, then enters it; the new item opens, with its tracking code announced. */
  async #enter(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = feedbackTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const values = Object.fromEntries(['channel', 'receivedOn', 'name', 'address', 'phone', 'email', 'contentType', 'regulationName', 'regulationLink', 'title', 'content', 'proposal'].map((k) => [k, textOf(data, k)]));
    const errors: Record<string, string> = {};
    for (const k of ['name', 'address', 'phone', 'regulationName', 'content']) if (!values[k]) errors[`intake-${k}`] = t.required;
    if (!values['channel']) errors['intake-channel'] = t.chooseRequired;
    if (!values['contentType']) errors['intake-contentType'] = t.chooseRequired;
    if (!values['receivedOn']) errors['intake-receivedOn'] = t.required;
    else if (values['receivedOn'] > vietnamToday()) errors['intake-receivedOn'] = t.futureDate;
    if (values['title']!.length < 5) errors['intake-title'] = values['title'] ? t.titleTooShort : t.required;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      await this.focusFirstError();
      return;
    }
    // Optional fields left empty are left out; the sender's consent is a box.
    const body = { ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')), consentPublish: data.get('consentPublish') !== null };
    let entered: FeedbackView | undefined;
    const ok = await this.act(
      async () => {
        entered = await this.api!.post<FeedbackView>(`${API}/feedback`, body);
      },
      () => t.entered(entered?.trackingCode ?? ''),
      (error) => Object.keys((this.fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors()).map(([k, v]) => [`intake-${k}`, v])))).length > 0,
    );
    if (!ok) {
      await this.focusFirstError();
      return;
    }
    this.intake = false;
    this.fieldErrors = {};
    this.view = entered;
    this.itemChanged();
    this.linkTo(entered!.id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #register(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const number = textOf(new FormData(event.target as HTMLFormElement), 'number');
    return this.step('register', {}, 'register', number ? { number } : {}, (v) => feedbackTexts().registered(v.registerNumber ?? ''));
  }

  #classify(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const t = feedbackTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { outcome: textOf(data, 'outcome'), reason: textOf(data, 'reason') };
    const errors: Record<string, string> = {};
    if (!body.outcome) errors['outcome'] = t.chooseRequired;
    if (!body.reason) errors['reason'] = t.required;
    return this.step('classify', errors, 'classify', body, () => t.classified);
  }

  #forward(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const t = feedbackTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const unit = textOf(data, 'unit');
    const to = unit || textOf(data, 'other');
    const note = textOf(data, 'note');
    const name = this.units.find((u) => u.id === unit)?.nameVi ?? to;
    return this.step('forward', to ? {} : { to: t.chooseRequired }, 'forward', { to, ...(note ? { note } : {}) }, (v) => t.forwarded(v.forwardedTo ?? name));
  }

  async #clarify(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = feedbackTexts();
    const form = event.target as HTMLFormElement;
    const note = textOf(new FormData(form), 'note');
    // Recorded steps stay on the page (the item is still processing): the form empties for the next one.
    if (await this.step('clarify', note ? {} : { note: t.required }, 'clarify', { note }, () => t.clarified)) form.reset();
  }

  async #assess(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = feedbackTexts();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const basis = textOf(data, 'sufficientBasis');
    const note = textOf(data, 'note');
    const errors: Record<string, string> = {};
    if (!basis) errors['sufficientBasis'] = t.chooseRequired;
    if (!note) errors['note'] = t.required;
    if (await this.step('assess', errors, 'assess', { sufficientBasis: basis === 'yes', note }, () => t.assessed)) form.reset();
  }

  #review(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const criteria = Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, { met: data.get(`met-${c}`) !== null, note: textOf(data, `note-${c}`) }])) as unknown as ReviewCriteria;
    return this.step('review', {}, 'review', { criteria }, () => feedbackTexts().reviewed, 'put');
  }

  #decide(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const t = feedbackTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { decision: textOf(data, 'decision'), note: textOf(data, 'note') };
    const errors: Record<string, string> = {};
    if (!body.decision) errors['decision'] = t.chooseRequired;
    if (!body.note) errors['note'] = t.required;
    return this.step('decide', errors, 'decide', body, () => t.decided);
  }

  #publish(event: SubmitEvent): Promise<boolean> {
    event.preventDefault();
    const t = feedbackTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { title: textOf(data, 'title'), summary: textOf(data, 'summary'), result: textOf(data, 'result') };
    const errors: Record<string, string> = {};
    if (body.title.length < 5) errors['title'] = body.title ? t.titleTooShort : t.required;
    if (!body.summary) errors['summary'] = t.required;
    if (!body.result) errors['result'] = t.required;
    return this.step('publish', errors, 'publish', body, () => t.published);
  }

  // ─── Rendering ────────────────────────────────────────────────────────────────────────────
  override render() {
    const t = feedbackTexts();
    if (!this.can(FEEDBACK)) return html`<h1>${t.title}</h1><p class="note">${t.needProcess}</p>`;
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}${this.view ? this.#renderOne(this.view) : this.intake ? this.#renderIntake() : this.#renderList()}`;
  }

  #renderList() {
    const t = feedbackTexts();
    const c = commonTexts();
    const list = this.list;
    const items = list?.items.filter((i) => !this.contentType || i.contentType === this.contentType);
    const filtered = this.status !== undefined || this.contentType !== undefined;
    return html`
      <p class="note">${t.intro}</p>
      <p><button type="button" class="primary" @click=${() => void this.#openIntake()}>${t.intakeOpen}</button></p>
      <div class="row">
        ${field('fb-status', t.statusFilter, undefined, (d) => html`<select id="fb-status" aria-describedby=${d} @change=${(e: Event) => this.filter((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.status}>${c.all}</option>
          ${FEEDBACK_LIST_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t.statuses[s]}</option>`)}
        </select>`)}
        ${field('fb-type', t.typeFilter, undefined, (d) => html`<select id="fb-type" aria-describedby=${d} @change=${(e: Event) => (this.contentType = ((e.target as HTMLSelectElement).value || undefined) as ContentType | undefined)}>
          <option value="" ?selected=${!this.contentType}>${c.all}</option>
          ${CONTENT_TYPES.map((s) => html`<option value=${s} ?selected=${this.contentType === s}>${t.contentTypes[s]}</option>`)}
        </select>`)}
      </div>
      ${!list || !items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${filtered ? t.emptyFilter : t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.subject}</th><th scope="col">${t.typeFilter}</th><th scope="col">${t.channel}</th><th scope="col">${t.statusFilter}</th><th scope="col">${t.registerNumber}</th><th scope="col">${t.receivedAt}</th><th scope="col">${t.forwardDue}</th></tr></thead>
              <tbody>${items.map(
                (i) => html`<tr data-feedback=${i.id}>
                  <td><button type="button" class="link" aria-label=${t.openLabel(i.title)} @click=${() => this.openItem(i.id)}>${i.title}</button>${i.trackingCode ? html`<div class="note">${i.trackingCode}</div>` : nothing}</td>
                  <td>${i.contentType ? t.contentTypes[i.contentType] : c.none}</td>
                  <td>${t.channels[i.channel] ?? i.channel}</td>
                  <td>${feedbackStatusBadge(i.status)}</td>
                  <td>${i.registerNumber ?? c.none}</td>
                  <td>${formatTime(i.receivedAt ?? i.createdAt)}</td>
                  <td>${i.forwardDueOn && i.status === 'forwarding' ? formatDate(i.forwardDueOn) : c.none}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${list ? pager(list.offset, list.items.length, list.total, (offset) => void this.showPage(offset), LIMIT) : nothing}
    `;
  }

  #renderIntake() {
    const t = feedbackTexts();
    const c = commonTexts();
    const e = this.fieldErrors;
    const text = (name: string, label: string, attrs: { max: number; required?: boolean; type?: string; hint?: string; autocomplete?: string }) =>
      field(`fb-intake-${name}`, label, e[`intake-${name}`], (d, bad) => html`<input id=${`fb-intake-${name}`} name=${name} type=${attrs.type ?? 'text'} maxlength=${attrs.max} autocomplete=${attrs.autocomplete ?? 'off'} ?required=${attrs.required ?? false} aria-required=${attrs.required ? 'true' : 'false'} aria-describedby=${d} aria-invalid=${bad} />`, attrs.hint);
    return html`<form class="panel" novalidate aria-labelledby="fb-intake-heading" @submit=${(ev: SubmitEvent) => void this.#enter(ev)}>
      <h2 id="fb-intake-heading" tabindex="-1">${t.intakeTitle}</h2>
      <p class="note">${t.intakeIntro}</p>
      <fieldset aria-describedby=${e['intake-channel'] ? 'fb-intake-channel-error' : nothing}>
        <legend>${t.channelLegend}</legend>
        ${INTAKE_CHANNELS.map(
          (ch, i) => html`<label class="check"><input type="radio" name="channel" value=${ch} id=${i === 0 ? 'fb-intake-channel' : nothing} aria-invalid=${e['intake-channel'] ? 'true' : 'false'} /> ${t.channels[ch]}</label>`,
        )}
        ${e['intake-channel'] ? html`<span class="field-error" id="fb-intake-channel-error">${e['intake-channel']}</span>` : nothing}
      </fieldset>
      ${field('fb-intake-receivedOn', t.receivedOn, e['intake-receivedOn'], (d, bad) => html`<input id="fb-intake-receivedOn" name="receivedOn" type="date" max=${vietnamToday()} .value=${vietnamToday()} required aria-required="true" aria-describedby=${d} aria-invalid=${bad} />`, t.receivedOnHint)}
      <div class="row">
        ${text('name', t.senderName, { max: 200, required: true })}
        ${text('phone', t.senderPhone, { max: 40, required: true, type: 'tel' })}
      </div>
      ${text('address', t.senderAddress, { max: 300, required: true })}
      ${text('email', t.senderEmail, { max: 254, type: 'email', hint: t.senderEmailHint })}
      ${field('fb-intake-contentType', t.typeFilter, e['intake-contentType'], (d, bad) => html`<select id="fb-intake-contentType" name="contentType" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
        <option value="">${t.choose}</option>
        ${CONTENT_TYPES.map((s) => html`<option value=${s}>${t.contentTypes[s]}</option>`)}
      </select>`)}
      ${text('regulationName', t.regulationName, { max: 500, required: true })}
      ${text('regulationLink', t.regulationLink, { max: 2000, type: 'url' })}
      ${text('title', t.intakeSubject, { max: 300, required: true })}
      ${field('fb-intake-content', t.content, e['intake-content'], (d, bad) => html`<textarea id="fb-intake-content" name="content" rows="6" maxlength="10000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      ${field('fb-intake-proposal', t.proposalOptional, e['intake-proposal'], (d, bad) => html`<textarea id="fb-intake-proposal" name="proposal" rows="3" maxlength="10000" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <label class="check"><input type="checkbox" id="fb-intake-consentPublish" name="consentPublish" /> ${t.consentPublishLabel}</label>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t.intakeSave}</button>
        <button type="button" @click=${() => void this.#closeIntake()}>${c.cancel}</button>
      </div>
    </form>`;
  }

  #renderOne(v: FeedbackView) {
    const c = commonTexts();
    return html`
      <p><button type="button" @click=${() => this.closeItem()}>${c.back}</button></p>
      <h2 tabindex="-1">${v.title}</h2>
      ${feedbackFacts(v)}
      ${this.#renderSteps(v)}
      ${publicationFacts(v, '/phan-anh-kien-nghi/ket-qua')}
      ${feedbackTimeline(v)}
    `;
  }

  #renderSteps(v: FeedbackView) {
    switch (v.status) {
      case 'received':
        return this.#renderRegister();
      case 'registered':
        return this.#renderClassify();
      case 'forwarding':
        return this.#renderForward(v);
      case 'processing':
        return html`${this.#renderClarify()}${this.#renderAssess()}${this.#renderReview(v)}${this.#renderDecide(v)}`;
      case 'decided':
      case 'published':
        return html`${this.#renderPublish(v)}${this.#renderArchive()}`;
      default:
        return ARCHIVABLE.includes(v.status) ? this.#renderArchive() : nothing;
    }
  }

  #renderRegister() {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    return html`<form class="panel" novalidate aria-labelledby="fb-register-heading" @submit=${(ev: SubmitEvent) => this.#register(ev)}>
      <h3 id="fb-register-heading">${t.registerTitle}</h3>
      ${field('fb-register-number', t.registerNumber, e['register-number'], (d, bad) => html`<input id="fb-register-number" name="number" maxlength="40" aria-describedby=${d} aria-invalid=${bad} />`, t.registerHint)}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.register}</button></div>
    </form>`;
  }

  #renderClassify() {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    const forwarding = this.outcome !== undefined && FORWARDING.includes(this.outcome);
    return html`<form class="panel" novalidate aria-labelledby="fb-classify-heading" @submit=${(ev: SubmitEvent) => this.#classify(ev)}>
      <h3 id="fb-classify-heading">${t.classifyTitle}</h3>
      <fieldset aria-describedby=${e['classify-outcome'] ? 'fb-classify-outcome-error' : nothing}>
        <legend>${t.outcome}</legend>
        ${CLASSIFICATIONS.map(
          (o, i) => html`<label class="check"><input type="radio" name="outcome" value=${o} id=${i === 0 ? 'fb-classify-outcome' : nothing} aria-invalid=${e['classify-outcome'] ? 'true' : 'false'} @change=${() => (this.outcome = o)} /> ${t.classifications[o]}</label>`,
        )}
        ${e['classify-outcome'] ? html`<span class="field-error" id="fb-classify-outcome-error">${e['classify-outcome']}</span>` : nothing}
      </fieldset>
      ${forwarding ? html`<p class="note" id="fb-classify-forward-hint">${t.forwardAfterClassify}</p>` : nothing}
      ${field('fb-classify-reason', t.reason, e['classify-reason'], (d, bad) => html`<textarea id="fb-classify-reason" name="reason" rows="3" maxlength="4000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.classify}</button></div>
    </form>`;
  }

  #renderForward(v: FeedbackView) {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    const province = this.tenant ? provinceOf(this.units, this.tenant.id) : undefined;
    const choices = province ? agencyChoices(this.units, province.id, this.tenant?.id) : [];
    return html`<form class="panel" novalidate aria-labelledby="fb-forward-heading" @submit=${(ev: SubmitEvent) => this.#forward(ev)}>
      <h3 id="fb-forward-heading">${t.forwardTitle}</h3>
      ${v.forwardDueOn ? html`<p><span class="badge" data-state="due-soon">${t.forwardHint(formatDate(v.forwardDueOn))}</span></p>` : nothing}
      <div class="row">
        ${field('fb-forward-to', t.forwardTo, e['forward-to'], (d, bad) => html`<select id="fb-forward-to" name="unit" aria-describedby=${d} aria-invalid=${bad}>
          <option value="">${t.chooseUnit}</option>
          ${unitOptions(choices)}
        </select>`, t.forwardToHint)}
        ${field('fb-forward-other', t.forwardOther, undefined, (d, bad) => html`<input id="fb-forward-other" name="other" maxlength="500" aria-describedby=${d} aria-invalid=${bad} />`)}
      </div>
      ${field('fb-forward-note', t.forwardNote, e['forward-note'], (d, bad) => html`<textarea id="fb-forward-note" name="note" rows="2" maxlength="4000" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.forward}</button></div>
    </form>`;
  }

  #renderClarify() {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    return html`<form class="panel" novalidate aria-labelledby="fb-clarify-heading" @submit=${(ev: SubmitEvent) => this.#clarify(ev)}>
      <h3 id="fb-clarify-heading">${t.clarifyTitle}</h3>
      ${field('fb-clarify-note', t.clarifyNote, e['clarify-note'], (d, bad) => html`<textarea id="fb-clarify-note" name="note" rows="2" maxlength="4000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.clarify}</button></div>
    </form>`;
  }

  #renderAssess() {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    const bad = e['assess-sufficientBasis'] ? 'true' : 'false';
    return html`<form class="panel" novalidate aria-labelledby="fb-assess-heading" @submit=${(ev: SubmitEvent) => this.#assess(ev)}>
      <h3 id="fb-assess-heading">${t.assessTitle}</h3>
      <fieldset aria-describedby=${e['assess-sufficientBasis'] ? 'fb-assess-basis-error' : nothing}>
        <legend>${t.basis}</legend>
        <label class="check"><input type="radio" id="fb-assess-basis" name="sufficientBasis" value="yes" aria-invalid=${bad} /> ${t.sufficient}</label>
        <label class="check"><input type="radio" name="sufficientBasis" value="no" aria-invalid=${bad} /> ${t.insufficient}</label>
        ${e['assess-sufficientBasis'] ? html`<span class="field-error" id="fb-assess-basis-error">${e['assess-sufficientBasis']}</span>` : nothing}
      </fieldset>
      ${field('fb-assess-note', t.note, e['assess-note'], (d, b) => html`<textarea id="fb-assess-note" name="note" rows="2" maxlength="4000" required aria-required="true" aria-describedby=${d} aria-invalid=${b}></textarea>`)}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.assess}</button></div>
    </form>`;
  }

  #renderReview(v: FeedbackView) {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    return html`<form class="panel" novalidate aria-labelledby="fb-review-heading" @submit=${(ev: SubmitEvent) => this.#review(ev)}>
      <h3 id="fb-review-heading">${t.reviewTitle}</h3>
      ${REVIEW_CRITERIA.map(
        (c) => html`<fieldset data-criterion=${c}>
          <legend>${t.criteria[c]}</legend>
          <label class="check"><input type="checkbox" id=${`fb-review-met-${c}`} name=${`met-${c}`} .checked=${v.review?.[c]?.met ?? false} /> ${t.met}</label>
          ${field(`fb-review-note-${c}`, t.criterionNote(t.criteria[c]), undefined, (d, bad) => html`<textarea id=${`fb-review-note-${c}`} name=${`note-${c}`} rows="2" maxlength="4000" .value=${v.review?.[c]?.note ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        </fieldset>`,
      )}
      ${e['review-criteria'] ? html`<p class="field-error" id="fb-review-error">${e['review-criteria']}</p>` : nothing}
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${t.review}</button></div>
    </form>`;
  }

  #renderDecide(v: FeedbackView) {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    return html`<form class="panel" novalidate aria-labelledby="fb-decide-heading" @submit=${(ev: SubmitEvent) => this.#decide(ev)}>
      <h3 id="fb-decide-heading">${t.decideTitle}</h3>
      ${v.review ? nothing : html`<p class="note" id="fb-decide-hint">${t.reviewFirst}</p>`}
      ${field('fb-decide-decision', t.decision, e['decide-decision'], (d, bad) => html`<select id="fb-decide-decision" name="decision" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
        <option value="">${t.choose}</option>
        ${DECISIONS.map((s: Decision) => html`<option value=${s}>${t.decisions[s]}</option>`)}
      </select>`)}
      ${field('fb-decide-note', t.decisionNote, e['decide-note'], (d, bad) => html`<textarea id="fb-decide-note" name="note" rows="4" maxlength="50000" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <div class="actions"><button type="submit" class="primary" aria-describedby=${v.review ? nothing : 'fb-decide-hint'} ?disabled=${this.busy || !v.review}>${t.decide}</button></div>
    </form>`;
  }

  #renderPublish(v: FeedbackView) {
    const t = feedbackTexts();
    const e = this.fieldErrors;
    const p = v.publication;
    return html`<form class="panel" novalidate aria-labelledby="fb-publish-heading" @submit=${(ev: SubmitEvent) => this.#publish(ev)}>
      <h3 id="fb-publish-heading">${t.publishTitle}</h3>
      <p class="note" id="fb-publish-hint">${t.publishHint}</p>
      ${field('fb-publish-title', t.publicTitle, e['publish-title'], (d, bad) => html`<input id="fb-publish-title" name="title" maxlength="500" required aria-required="true" .value=${p?.title ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
      ${field('fb-publish-summary', t.publicSummary, e['publish-summary'], (d, bad) => html`<textarea id="fb-publish-summary" name="summary" rows="4" maxlength="50000" required aria-required="true" .value=${p?.summary ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      ${field('fb-publish-result', t.publicResult, e['publish-result'], (d, bad) => html`<textarea id="fb-publish-result" name="result" rows="4" maxlength="50000" required aria-required="true" .value=${p?.result ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
      <div class="actions"><button type="submit" class="primary" aria-describedby="fb-publish-hint" ?disabled=${this.busy}>${p ? t.republish : t.publish}</button></div>
    </form>`;
  }

  #renderArchive() {
    const t = feedbackTexts();
    return html`<div class="actions panel"><button type="button" ?disabled=${this.busy} @click=${() => this.step('archive', {}, 'archive', undefined, () => t.archived)}>${t.archive}</button></div>`;
  }
}
