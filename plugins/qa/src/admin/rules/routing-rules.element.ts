import { html, nothing, type PropertyDeclarations } from 'lit';
import { adminLanguage, ApiError } from '@cong/sdk/admin';
import { commonTexts, formatTime } from '../shared/common-messages.js';
import { field, textOf, type FieldErrors } from '../shared/form-field.js';
import { API, TRIAGE, type FormLists, type RoutingRuleKind, type RuleView, type UnitNode } from '../shared/qa-api.js';
import { QaPage } from '../shared/qa-page.js';
import { fieldName } from '../shared/question-views.js';
import { agencyChoices, loadFormLists, loadUnits, unitOptions } from '../shared/unit-tree.js';
import { rulesTexts } from './rules-messages.js';

const KINDS: readonly RoutingRuleKind[] = ['field', 'commune'];

type Editing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly rule: RuleView };

/**
 * "Quy tắc chuyển câu hỏi" (`qa.questions.triage`, the province): the rules that suggest where a
 * question goes, field → agency and commune → unit; adding, changing and deleting them (after a
 * confirmation). The server checks each field and agency against the province's lists and tree.
 */
export class RoutingRules extends QaPage {
  static override properties: PropertyDeclarations = {
    items: { state: true },
    lists: { state: true },
    units: { state: true },
    editing: { state: true },
    ruleKind: { state: true },
    fieldErrors: { state: true },
    removing: { state: true },
  };

  declare items: readonly RuleView[] | undefined;
  declare lists: FormLists;
  declare units: readonly UnitNode[];
  declare editing: Editing | undefined;
  declare ruleKind: RoutingRuleKind;
  declare fieldErrors: FieldErrors;
  /** The rule whose deletion waits for confirmation. */
  declare removing: string | undefined;

  constructor() {
    super();
    this.lists = { fields: [], communes: [] };
    this.units = [];
    this.ruleKind = 'field';
    this.fieldErrors = {};
  }

  protected override unitChanged(): void {
    this.items = undefined;
    this.editing = undefined;
    this.units = [];
    this.lists = { fields: [], communes: [] };
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(TRIAGE)) return;
    const [rules, lists, units] = await Promise.allSettled([
      api.get<{ items: RuleView[] }>(`${API}/routing-rules`),
      this.lists.fields.length ? Promise.resolve(this.lists) : loadFormLists(api),
      this.units.length ? Promise.resolve(this.units) : loadUnits(api),
    ]);
    if (api !== this.api) return;
    if (lists.status === 'fulfilled') this.lists = lists.value;
    if (units.status === 'fulfilled') this.units = units.value;
    if (rules.status === 'fulfilled') {
      this.items = rules.value.items;
      this.error = undefined;
    } else {
      this.error = rules.reason instanceof ApiError && rules.reason.status === 404 ? rulesTexts().boardOnly : this.failure(rules.reason);
    }
  }

  /** "Đất đai → Sở Tài nguyên và Môi trường": what a rule says, for labels and confirmations. */
  #describe(rule: RuleView): string {
    const condition = rule.kind === 'field' ? fieldName(this.lists.fields, rule.field ?? '', adminLanguage() === 'en') : (rule.commune?.name ?? '');
    return `${condition} → ${rule.agency?.name ?? ''}`;
  }

  async #edit(editing: Editing | undefined): Promise<void> {
    this.editing = editing;
    this.ruleKind = editing?.kind === 'edit' ? editing.rule.kind : 'field';
    this.fieldErrors = {};
    this.removing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(editing ? 'h2' : 'h1')?.focus();
  }

  async #save(event: SubmitEvent, editing: Editing): Promise<void> {
    event.preventDefault();
    const t = rulesTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const kind = this.ruleKind;
    const body = {
      kind,
      field: kind === 'field' ? textOf(data, 'field') : null,
      commune: kind === 'commune' ? textOf(data, 'commune') : null,
      agency: textOf(data, 'agency'),
      note: textOf(data, 'note') || null,
    };
    const errors: Record<string, string> = {};
    if (kind === 'field' && !body.field) errors['field'] = t.chooseRequired;
    if (kind === 'commune' && !body.commune) errors['commune'] = t.chooseRequired;
    if (!body.agency) errors['agency'] = t.chooseRequired;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      await this.focusFirstError();
      return;
    }
    const ok = await this.act(
      async () => {
        if (editing.kind === 'edit') await this.api!.put<RuleView>(`${API}/routing-rules/${encodeURIComponent(editing.rule.id)}`, body);
        else await this.api!.post<RuleView>(`${API}/routing-rules`, body);
        await this.load();
      },
      editing.kind === 'edit' ? t.saved : t.created,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
    if (ok) await this.#edit(undefined);
    else await this.focusFirstError();
  }

  async #remove(rule: RuleView): Promise<void> {
    await this.act(async () => {
      await this.api!.delete(`${API}/routing-rules/${encodeURIComponent(rule.id)}`);
      this.removing = undefined;
      await this.load();
    }, rulesTexts().removed);
  }

  override render() {
    const t = rulesTexts();
    if (!this.can(TRIAGE)) return html`<h1>${t.title}</h1><p class="note">${t.needTriage}</p>`;
    return html`<h1 tabindex="-1">${t.title}</h1>${this.renderStatus()}${this.editing ? this.#renderForm(this.editing) : this.#renderList()}`;
  }

  #renderList() {
    const t = rulesTexts();
    const c = commonTexts();
    const items = this.items;
    return html`
      <p class="note">${t.intro}</p>
      <div class="actions"><button type="button" class="primary" @click=${() => this.#edit({ kind: 'new' })}>${t.create}</button></div>
      ${!items
        ? this.error ? nothing : html`<p>${c.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.title}</caption>
              <thead><tr><th scope="col">${t.kind}</th><th scope="col">${t.when}</th><th scope="col">${t.agency}</th><th scope="col">${t.note}</th><th scope="col">${t.updatedAt}</th><th scope="col"><span class="visually-hidden">${t.edit}</span></th></tr></thead>
              <tbody>${items.map((rule) => this.#renderRow(rule))}</tbody>
            </table>`}
    `;
  }

  #renderRow(rule: RuleView) {
    const t = rulesTexts();
    const what = this.#describe(rule);
    return html`<tr data-rule=${rule.id}>
      <td>${t.kinds[rule.kind]}</td>
      <td>${rule.kind === 'field' ? fieldName(this.lists.fields, rule.field ?? '', adminLanguage() === 'en') : (rule.commune?.name ?? '')}</td>
      <td>${rule.agency?.name ?? ''}</td>
      <td>${rule.note ?? ''}</td>
      <td>${formatTime(rule.updatedAt)}</td>
      <td>${this.removing === rule.id
        ? html`<p id=${`remove-${rule.id}`}>${t.removeConfirm(what)}</p><div class="actions">
            <button type="button" class="danger" aria-describedby=${`remove-${rule.id}`} ?disabled=${this.busy} @click=${() => this.#remove(rule)}>${t.confirmRemove}</button>
            <button type="button" @click=${() => (this.removing = undefined)}>${t.keep}</button>
          </div>`
        : html`<div class="actions">
            <button type="button" aria-label=${t.editLabel(what)} @click=${() => this.#edit({ kind: 'edit', rule })}>${t.edit}</button>
            <button type="button" class="danger" aria-label=${t.removeLabel(what)} @click=${() => (this.removing = rule.id)}>${t.remove}</button>
          </div>`}</td>
    </tr>`;
  }

  #renderForm(editing: Editing) {
    const t = rulesTexts();
    const e = this.fieldErrors;
    const rule = editing.kind === 'edit' ? editing.rule : undefined;
    const english = adminLanguage() === 'en';
    const title = rule ? t.editTitle : t.createTitle;
    const choices = this.tenant ? agencyChoices(this.units, this.tenant.id) : [];
    return html`
      <p><button type="button" @click=${() => this.#edit(undefined)}>${commonTexts().back}</button></p>
      <h2 tabindex="-1">${title}</h2>
      <form novalidate aria-label=${title} @submit=${(ev: SubmitEvent) => this.#save(ev, editing)}>
        <fieldset>
          <legend>${t.kind}</legend>
          ${KINDS.map((kind) => html`<label class="check"><input type="radio" name="kind" value=${kind} .checked=${this.ruleKind === kind} @change=${() => { this.ruleKind = kind; this.fieldErrors = {}; }} /> ${t.kinds[kind]}</label>`)}
          <p class="note">${t.kindHints[this.ruleKind]}</p>
        </fieldset>
        ${this.ruleKind === 'field'
          ? field('r-field', t.field, e['field'], (d, bad) => html`<select id="r-field" name="field" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
              <option value="">${t.choose}</option>${this.lists.fields.map((f) => html`<option value=${f.code} ?selected=${rule?.field === f.code}>${english ? f.nameEn : f.name}</option>`)}
            </select>`)
          : field('r-commune', t.commune, e['commune'], (d, bad) => html`<select id="r-commune" name="commune" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
              <option value="">${t.choose}</option>${this.lists.communes.map((x) => html`<option value=${x.slug} ?selected=${rule?.commune?.slug === x.slug}>${x.name}</option>`)}
            </select>`)}
        ${field('r-agency', t.agency, e['agency'], (d, bad) => html`<select id="r-agency" name="agency" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
          <option value="">${t.choose}</option>${unitOptions(choices, rule?.agency?.id)}
        </select>`)}
        ${field('r-note', t.note, e['note'], (d, bad) => html`<input id="r-note" name="note" maxlength="500" .value=${rule?.note ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button></div>
      </form>
    `;
  }
}
