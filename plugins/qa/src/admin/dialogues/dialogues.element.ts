import { html, nothing, type PropertyDeclarations } from 'lit';
import { adminLanguage } from '@cong/sdk/admin';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { API, DIALOGUES, ROUTES, type DialogueInput, type DialogueView, type FormLists, type Page } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { fieldName, pager } from '../shared/question-views.js';
import { loadFormLists } from '../shared/unit-tree.js';
import { dialogueTexts } from './dialogue-messages.js';
import { fromVietnamInput, toVietnamInput } from './vietnam-time.js';
import './dialogue-console.js';

type Mode = { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'edit' } | { readonly kind: 'open'; readonly id: string };

/** A guest row of the form (the id kept for guests that already exist, so their answers stay theirs). */
interface GuestDraft {
  readonly id?: string;
  readonly name: string;
  readonly position: string;
  readonly unit: string;
}

/** The statuses in which the event can still be edited (mirror the service's check). */
/** List rows a page shows (the API pages them; the page offers the next ones). */
const LIST_LIMIT = 100;
const EDITABLE = ['announced', 'live'];

/**
 * "Giao lưu, đối thoại trực tuyến" (`qa.dialogues.manage`, the organising unit; QA-30, QA-31): the
 * unit's dialogues; announcing one and editing it (guests, times, livestream address); for one, the
 * live console (`qa-dialogue-console`): start, end, cancel, the question queue, answers attributed to
 * a guest, the summary and video, forwarding the unanswered questions to the board.
 */
export class DialoguesPage extends QaPage {
  static override properties: PropertyDeclarations = {
    items: { state: true },
    offset: { state: true },
    total: { state: true },
    lists: { state: true },
    mode: { state: true },
    view: { state: true },
    guests: { state: true },
    fieldErrors: { state: true },
  };

  declare items: readonly DialogueView[] | undefined;
  /** Where the shown page of the list starts, and how many there are in all. */
  declare offset: number;
  declare total: number;
  declare lists: FormLists;
  declare mode: Mode;
  declare view: DialogueView | undefined;
  declare guests: readonly GuestDraft[];
  declare fieldErrors: FieldErrors;

  protected override readonly route = ROUTES.dialogues;

  constructor() {
    super();
    this.offset = 0;
    this.total = 0;
    this.lists = { fields: [], communes: [] };
    this.mode = { kind: 'list' };
    this.guests = [];
    this.fieldErrors = {};
  }

  protected override unitChanged(): void {
    this.items = undefined;
    this.offset = 0;
    this.view = undefined;
    this.lists = { fields: [], communes: [] };
    this.mode = { kind: 'list' };
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(DIALOGUES)) return;
    const [list, lists] = await Promise.allSettled([api.get<Page<DialogueView>>(`${API}/dialogues`, { query: { limit: LIST_LIMIT, offset: this.offset } }), this.lists.fields.length ? Promise.resolve(this.lists) : loadFormLists(api)]);
    if (api !== this.api) return;
    if (lists.status === 'fulfilled') this.lists = lists.value;
    if (list.status === 'fulfilled') {
      this.items = list.value.items;
      this.total = list.value.total;
      this.error = undefined;
    } else this.error = this.failure(list.reason);
  }

  protected override followLink(id: string | undefined): void {
    void (id ? this.#open(id) : this.#show({ kind: 'list' }));
  }

  async #show(mode: Mode): Promise<void> {
    this.mode = mode;
    this.fieldErrors = {};
    if (mode.kind === 'new') this.guests = [{ name: '', position: '', unit: '' }];
    if (mode.kind === 'edit' && this.view) this.guests = this.view.guests.map((g) => ({ ...g }));
    if (mode.kind === 'list' || mode.kind === 'new') this.view = undefined;
    this.linkTo(mode.kind === 'open' ? mode.id : mode.kind === 'edit' ? this.view?.id : undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(mode.kind === 'list' ? 'h1' : 'h2')?.focus();
  }

  async #open(id: string): Promise<void> {
    const api = this.api!;
    try {
      const view = await api.get<DialogueView>(`${API}/dialogues/${encodeURIComponent(id)}`);
      if (api !== this.api) return;
      this.view = view;
      this.error = undefined;
      await this.#show({ kind: 'open', id });
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  #changed(view: DialogueView): void {
    this.view = view;
    this.items = this.items?.map((d) => (d.id === view.id ? view : d));
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = dialogueTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const editing = this.mode.kind === 'edit' ? this.view : undefined;
    const startsAt = fromVietnamInput(textOf(data, 'startsAt'));
    const endsAt = fromVietnamInput(textOf(data, 'endsAt'));
    const livestreamUrl = textOf(data, 'livestreamUrl');
    const guests = this.guests.map((g) => ({ ...(g.id ? { id: g.id } : {}), name: g.name.normalize('NFC').trim(), position: g.position.normalize('NFC').trim(), unit: g.unit.normalize('NFC').trim() }));
    const body: DialogueInput = { title: textOf(data, 'title'), field: textOf(data, 'field'), description: textOf(data, 'description'), guests, startsAt: startsAt ?? '', endsAt: endsAt ?? '', livestreamUrl: livestreamUrl || null };
    const errors: Record<string, string> = {};
    if (body.title.length < 5) errors['title'] = body.title ? t.titleTooShort : t.required;
    if (!body.field) errors['field'] = t.chooseRequired;
    if (!startsAt) errors['startsAt'] = t.required;
    if (!endsAt) errors['endsAt'] = t.required;
    else if (startsAt && endsAt <= startsAt) errors['endsAt'] = t.endsBeforeStart;
    guests.forEach((g, i) => {
      if (!g.name) errors[`guest-${i}`] = t.required;
    });
    if (guests.length === 0) errors['guests'] = t.required;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) return this.focusFirstError();
    let saved: DialogueView | undefined;
    const ok = await this.act(
      async () => {
        saved = editing ? await this.api!.put<DialogueView>(`${API}/dialogues/${encodeURIComponent(editing.id)}`, body) : await this.api!.post<DialogueView>(`${API}/dialogues`, body);
        await this.load();
      },
      editing ? t.saved : t.created,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (!ok) return this.focusFirstError();
    this.view = saved;
    await this.#show({ kind: 'open', id: saved!.id });
  }

  #editGuest(index: number, key: keyof GuestDraft, value: string): void {
    this.guests = this.guests.map((g, i) => (i === index ? { ...g, [key]: value } : g));
  }

  override render() {
    const t = dialogueTexts();
    if (!this.can(DIALOGUES)) return html`<h1>${t.title}</h1><p class="note">${t.needManage}</p>`;
    const mode = this.mode;
    const body = mode.kind === 'new' || (mode.kind === 'edit' && this.view) ? this.#renderForm() : mode.kind === 'open' && this.view ? this.#renderOne(this.view) : this.#renderList();
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}${body}`;
  }

  #renderList() {
    const t = dialogueTexts();
    const items = this.items;
    return html`
      <p class="note">${t.intro}</p>
      <div class="actions"><button type="button" class="primary" @click=${() => this.#show({ kind: 'new' })}>${t.create}</button></div>
      ${!items
        ? this.error ? nothing : html`<p>${commonTexts().loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.time}</th><th scope="col">${t.guests}</th><th scope="col">${t.status}</th></tr></thead>
              <tbody>${items.map(
                (d) => html`<tr data-dialogue=${d.id}>
                  <td><button type="button" class="link" aria-label=${t.openLabel(d.title)} @click=${() => this.#open(d.id)}>${d.title}</button></td>
                  <td>${formatTime(d.startsAt)} – ${formatTime(d.endsAt)}</td>
                  <td>${d.guests.map((g) => g.name).join(', ')}</td>
                  <td><span class="badge" data-status=${d.status}>${t.statuses[d.status]}</span></td>
                </tr>`,
              )}</tbody>
            </table>`}
      ${this.items ? pager(this.offset, this.items.length, this.total, (offset) => { this.offset = offset; void this.load(); }, LIST_LIMIT) : nothing}
    `;
  }

  #renderForm() {
    const t = dialogueTexts();
    const e = this.fieldErrors;
    const v = this.mode.kind === 'edit' ? this.view : undefined;
    const title = v ? t.editTitle : t.createTitle;
    const english = adminLanguage() === 'en';
    return html`
      <p><button type="button" @click=${() => (v ? this.#show({ kind: 'open', id: v.id }) : this.#show({ kind: 'list' }))}>${commonTexts().back}</button></p>
      <h2 tabindex="-1">${title}</h2>
      <form novalidate aria-label=${title} @submit=${(ev: SubmitEvent) => this.#save(ev)}>
        ${field('d-title', t.name, e['title'], (d, bad) => html`<input id="d-title" name="title" maxlength="500" required aria-required="true" .value=${v?.title ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('d-field', t.field, e['field'], (d, bad) => html`<select id="d-field" name="field" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
          <option value="">${t.choose}</option>${this.lists.fields.map((f) => html`<option value=${f.code} ?selected=${v?.field === f.code}>${english ? f.nameEn : f.name}</option>`)}
        </select>`)}
        ${field('d-description', t.description, e['description'], (d, bad) => html`<textarea id="d-description" name="description" rows="4" maxlength="20000" .value=${v?.description ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        <div class="row">
          ${field('d-starts', t.startsAt, e['startsAt'], (d, bad) => html`<input id="d-starts" name="startsAt" type="datetime-local" required aria-required="true" .value=${toVietnamInput(v?.startsAt)} aria-describedby=${d} aria-invalid=${bad} />`, t.timeHint)}
          ${field('d-ends', t.endsAt, e['endsAt'], (d, bad) => html`<input id="d-ends" name="endsAt" type="datetime-local" required aria-required="true" .value=${toVietnamInput(v?.endsAt)} aria-describedby=${d} aria-invalid=${bad} />`)}
        </div>
        ${field('d-livestream', t.livestreamUrl, e['livestreamUrl'], (d, bad) => html`<input id="d-livestream" name="livestreamUrl" type="url" maxlength="2000" .value=${v?.livestreamUrl ?? ''} aria-describedby=${d} aria-invalid=${bad} />`, t.livestreamHint)}
        <fieldset>
          <legend>${t.guests}</legend>
          ${e['guests'] ? html`<span class="field-error" id="d-guests-error">${e['guests']}</span>` : nothing}
          ${this.guests.map(
            (g, i) => html`<fieldset>
              <legend>${t.guestLegend(i + 1)}</legend>
              <div class="row">
                ${field(`d-guest-${i}`, t.guestName, e[`guest-${i}`], (d, bad) => html`<input id=${`d-guest-${i}`} maxlength="200" required aria-required="true" .value=${g.name} aria-describedby=${d} aria-invalid=${bad} @input=${(ev: Event) => this.#editGuest(i, 'name', (ev.target as HTMLInputElement).value)} />`)}
                ${field(`d-guest-position-${i}`, t.guestPosition, undefined, (d, bad) => html`<input id=${`d-guest-position-${i}`} maxlength="300" .value=${g.position} aria-describedby=${d} aria-invalid=${bad} @input=${(ev: Event) => this.#editGuest(i, 'position', (ev.target as HTMLInputElement).value)} />`)}
                ${field(`d-guest-unit-${i}`, t.guestUnit, undefined, (d, bad) => html`<input id=${`d-guest-unit-${i}`} maxlength="300" .value=${g.unit} aria-describedby=${d} aria-invalid=${bad} @input=${(ev: Event) => this.#editGuest(i, 'unit', (ev.target as HTMLInputElement).value)} />`)}
              </div>
              ${this.guests.length > 1 ? html`<div class="actions"><button type="button" class="danger" aria-label=${t.removeGuestLabel(i + 1)} @click=${() => (this.guests = this.guests.filter((_, j) => j !== i))}>${t.removeGuest}</button></div>` : nothing}
            </fieldset>`,
          )}
          <div class="actions"><button type="button" ?disabled=${this.guests.length >= 30} @click=${() => (this.guests = [...this.guests, { name: '', position: '', unit: '' }])}>${t.addGuest}</button></div>
        </fieldset>
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button></div>
      </form>
    `;
  }

  #renderOne(v: DialogueView) {
    const t = dialogueTexts();
    return html`
      <p><button type="button" @click=${() => this.#show({ kind: 'list' })}>${commonTexts().back}</button></p>
      <h2 tabindex="-1">${v.title}</h2>
      <dl class="facts">
        <dt>${t.status}</dt><dd><span class="badge" data-status=${v.status}>${t.statuses[v.status]}</span>${v.cancelReason ? html` <span class="note">${v.cancelReason}</span>` : nothing}</dd>
        <dt>${t.field}</dt><dd>${fieldName(this.lists.fields, v.field, adminLanguage() === 'en')}</dd>
        <dt>${t.time}</dt><dd>${formatTime(v.startsAt)} – ${formatTime(v.endsAt)}</dd>
        <dt>${t.guests}</dt><dd><ul class="plain">${v.guests.map((g) => html`<li>${[g.name, g.position, g.unit].filter(Boolean).join(', ')}</li>`)}</ul></dd>
        ${v.livestreamUrl ? html`<dt>${t.livestreamUrl}</dt><dd><a href=${v.livestreamUrl} target="_blank" rel="noopener">${v.livestreamUrl}</a></dd>` : nothing}
        <dt>${t.publicPage}</dt><dd><a href=${`/doi-thoai/${v.slug}`} target="_blank" rel="noopener">/doi-thoai/${v.slug}</a></dd>
      </dl>
      ${EDITABLE.includes(v.status) ? html`<div class="actions"><button type="button" @click=${() => this.#show({ kind: 'edit' })}>${t.edit}</button></div>` : nothing}
      <qa-dialogue-console .api=${this.api} .tenant=${this.tenant} .user=${this.user} .dialogue=${v} @qa-dialogue-changed=${(e: CustomEvent<DialogueView>) => this.#changed(e.detail)}></qa-dialogue-console>
    `;
  }
}
