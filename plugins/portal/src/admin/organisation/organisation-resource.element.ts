import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, CongElement, showToast, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import type { RichText } from '../rich-text/rich-text.element.js';
import { organisationTexts, type OrganisationTexts } from './organisation-messages.js';
import { ORGANISATION_WRITE, RESOURCE_PATHS, type AnyItem, type Leader, type OrgUnit, type ResourceKind, type ScheduleWeek } from './organisation-admin-types.js';
import { organisationStyles } from './organisation-styles.js';
import { NEW_VALUES, NULLABLE, RESOURCE_FIELDS, type FormField } from './resource-fields.js';

type Values = Record<string, unknown>;
type Pair = { vi: string; en: string };

const isPair = (v: unknown): v is Pair => typeof v === 'object' && v !== null && 'vi' in v && 'en' in v;

/** Depth of each org unit in the chart (for indenting the list and the parent picker). */
function depths(units: readonly OrgUnit[]): Map<string, number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, number>();
  for (const u of units) {
    let d = 0;
    for (let p = u.parentId; p !== null && d < 50; d++) p = byId.get(p)?.parentId ?? null;
    out.set(u.id, d);
  }
  return out;
}

/**
 * One tab of the organisation page: the list of a resource (org units as an indented tree, leaders,
 * contacts, or a week of the work schedule) with its "English needs updating" badge and filter, and
 * the form that creates or edits one item.
 *
 * An edit sends only what changed, with the revision it started from (another revision answers 409
 * and the form says so): sending untouched English would tell the server a translator confirmed it.
 * "The English matches" does exactly that, on purpose, for an item flagged stale.
 */
export class OrganisationResource extends CongElement {
  static override styles = organisationStyles;

  static override properties = {
    api: { attribute: false },
    user: { attribute: false },
    resource: {},
    items: { state: true },
    units: { state: true },
    leaders: { state: true },
    week: { state: true },
    editing: { state: true },
    contactKind: { state: true },
    onlyStale: { state: true },
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  declare api: ApiClient | undefined;
  declare user: AdminUser | undefined;
  /** Which resource the element lists and edits. */
  declare resource: ResourceKind;
  declare items: readonly AnyItem[] | undefined;
  declare units: readonly OrgUnit[];
  declare leaders: readonly Leader[];
  declare week: Omit<ScheduleWeek<unknown>, 'items'> | undefined;
  /** The item in the form: a loaded one, `'new'`, or none (the list shows). */
  declare editing: AnyItem | 'new' | undefined;
  declare contactKind: 'agency' | 'official';
  declare onlyStale: boolean;
  declare busy: boolean;
  declare error: string | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  /** Rich text fields the user typed in (`functions.vi`): only those count as changed. */
  #touched = new Set<string>();

  constructor() {
    super();
    this.resource = 'units';
    this.units = [];
    this.leaders = [];
    this.contactKind = 'agency';
    this.onlyStale = false;
    this.busy = false;
    this.fieldErrors = {};
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('resource')) && this.api) {
      this.editing = undefined;
      void this.load();
    }
  }

  get #canWrite(): boolean {
    return !this.user || this.user.permissions.includes(ORGANISATION_WRITE);
  }

  /** The list, and what the forms pick from (the chart's units, the leaders). */
  async load(week?: string): Promise<void> {
    const api = this.api!;
    try {
      const [items, units, leaders] = await Promise.all([
        this.resource === 'schedule'
          ? api.get<ScheduleWeek<AnyItem>>(RESOURCE_PATHS.schedule, { query: { week: week ?? this.week?.week } })
          : api.get<{ items: AnyItem[] }>(RESOURCE_PATHS[this.resource]),
        this.resource === 'units' || this.resource === 'leaders' ? api.get<{ items: OrgUnit[] }>(RESOURCE_PATHS.units) : Promise.resolve({ items: [] }),
        this.resource === 'schedule' ? api.get<{ items: Leader[] }>(RESOURCE_PATHS.leaders) : Promise.resolve({ items: [] }),
      ]);
      if (api !== this.api) return;
      if ('week' in items) {
        const { items: list, ...w } = items;
        this.week = w;
        this.items = list;
      } else {
        this.items = items.items;
      }
      this.units = units.items;
      this.leaders = leaders.items;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : organisationTexts().failed;
    }
  }

  #label(item: AnyItem): string {
    const en = document.documentElement.lang === 'en';
    const pick = (p: Pair) => (en && p.en) || p.vi;
    if ('fullName' in item) return item.fullName;
    if ('startTime' in item) return `${item.date} ${item.startTime} · ${pick(item.title)}`;
    if ('kind' in item) return item.kind === 'agency' ? pick(item.label) : item.personName;
    return pick(item.name);
  }

  /** Loads the rich text editor (Tiptap) only when a form with rich text opens. */
  #open(item: AnyItem | 'new'): void {
    this.editing = item;
    this.fieldErrors = {};
    this.error = undefined;
    this.#touched = new Set();
    this.contactKind = item !== 'new' && 'kind' in item ? item.kind : 'agency';
    if (RESOURCE_FIELDS[this.resource].some((f) => f.kind === 'rich')) void import('../rich-text/rich-text.js');
  }

  #values(): Values {
    const e = this.editing;
    return e === undefined || e === 'new' ? { ...NEW_VALUES[this.resource] } : (e as unknown as Values);
  }

  #fields(): FormField[] {
    const creating = this.editing === 'new';
    return RESOURCE_FIELDS[this.resource].filter((f) => (!f.createOnly || creating) && (!f.kinds || this.resource !== 'contacts' || f.kinds.includes(this.contactKind)));
  }

  /** What the form holds, as API values. */
  #read(form: HTMLFormElement): Values {
    const data = new FormData(form);
    const out: Values = {};
    for (const f of this.#fields()) {
      switch (f.kind) {
        case 'pair':
          out[f.name] = { vi: String(data.get(`${f.name}.vi`) ?? ''), en: String(data.get(`${f.name}.en`) ?? '') };
          break;
        case 'rich': {
          // Before the editor's chunk has loaded the element is not upgraded yet: it still holds what it was given.
          const start = (isPair(this.#values()[f.name]) ? this.#values()[f.name] : { vi: '', en: '' }) as Pair;
          const editor = (lang: 'vi' | 'en') => {
            const el = form.querySelector<RichText>(`portal-rich-text[data-field="${f.name}.${lang}"]`);
            return el && typeof el.html === 'function' ? el.html() : start[lang];
          };
          out[f.name] = { vi: editor('vi'), en: editor('en') };
          break;
        }
        case 'checkbox':
          out[f.name] = data.has(f.name);
          break;
        case 'leaders':
          out[f.name] = data.getAll(f.name).map(String);
          break;
        default: {
          const v = String(data.get(f.name) ?? '');
          out[f.name] = v === '' && NULLABLE.has(f.name) ? null : v;
        }
      }
    }
    return out;
  }

  /** A create sends every field; an edit only the changed ones (and, when confirmed, all English). */
  #body(form: HTMLFormElement): Values {
    const next = this.#read(form);
    if (this.editing === 'new' || this.editing === undefined) {
      if (this.resource === 'contacts') next.kind = this.contactKind;
      return next;
    }
    const current = this.editing as unknown as Values;
    const confirm = new FormData(form).has('englishConfirm');
    const patch: Values = {};
    for (const f of this.#fields()) {
      const before = current[f.name];
      const after = next[f.name];
      if (isPair(before) && isPair(after)) {
        const changed: Partial<Pair> = {};
        for (const lang of ['vi', 'en'] as const) {
          const typed = f.kind !== 'rich' || this.#touched.has(`${f.name}.${lang}`);
          if ((typed && after[lang] !== before[lang]) || (confirm && lang === 'en')) changed[lang] = after[lang];
        }
        if (Object.keys(changed).length > 0) patch[f.name] = changed;
      } else if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null) && !(before === undefined && (after === '' || after === null))) {
        patch[f.name] = after;
      }
    }
    if (Object.keys(patch).length > 0) patch.revision = (current as { revision: number }).revision;
    return patch;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = organisationTexts();
    const api = this.api!;
    const body = this.#body(event.target as HTMLFormElement);
    const editing = this.editing;
    if (editing !== 'new' && Object.keys(body).length === 0) {
      this.editing = undefined;
      return;
    }
    this.busy = true;
    try {
      if (editing === 'new') await api.post(RESOURCE_PATHS[this.resource], body);
      else await api.patch(`${RESOURCE_PATHS[this.resource]}/${(editing as AnyItem).id}`, body);
      showToast(t.saved, { variant: 'success' });
      this.editing = undefined;
      await this.load();
    } catch (error) {
      this.#fail(error, t);
    } finally {
      this.busy = false;
    }
  }

  #fail(error: unknown, t: OrganisationTexts): void {
    if (!(error instanceof ApiError)) throw error;
    this.fieldErrors = error.fieldErrors();
    this.error = error.code === 'PORTAL_ERR_ORG_STALE_REVISION' ? t.stale : Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
  }

  async #delete(item: AnyItem): Promise<void> {
    const t = organisationTexts();
    if (!window.confirm(t.confirmDelete(this.#label(item)))) return;
    try {
      await this.api!.delete(`${RESOURCE_PATHS[this.resource]}/${item.id}`);
      showToast(t.deleted, { variant: 'success' });
      await this.load();
    } catch (error) {
      this.#fail(error, t);
    }
  }

  /** Swaps an item with its neighbour among its siblings (same parent, or same contact kind). */
  async #move(item: AnyItem, by: -1 | 1): Promise<void> {
    const group = (x: AnyItem) => ('parentId' in x ? x.parentId : 'kind' in x ? x.kind : '');
    const siblings = (this.items ?? []).filter((x) => group(x) === group(item));
    const i = siblings.indexOf(item);
    const j = i + by;
    if (j < 0 || j >= siblings.length) return;
    const ids = siblings.map((x) => x.id);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    try {
      await this.api!.post(`${RESOURCE_PATHS[this.resource]}/reorder`, { ids });
      await this.load();
    } catch (error) {
      this.#fail(error, organisationTexts());
    }
  }

  #badge(item: AnyItem, t: OrganisationTexts): TemplateResult {
    if (!item.englishStale) return html`<span class="badge ok">${t.englishOk}</span>`;
    const missing = item.englishMissing.map((f) => t.fields[f] ?? f).join(', ');
    return html`<span class="badge warning">${t.englishStale}</span>${missing ? html`<div class="muted">${t.missingFields(missing)}</div>` : nothing}`;
  }

  #list(t: OrganisationTexts): TemplateResult {
    const all = this.items ?? [];
    const shown = this.onlyStale ? all.filter((i) => i.englishStale) : all;
    const depth = this.resource === 'units' ? depths(all as OrgUnit[]) : new Map<string, number>();
    const movable = this.#canWrite && this.resource !== 'schedule';
    return html`
      <header>
        <h2>${t.tabs[this.resource]}</h2>
        ${this.#canWrite ? html`<button type="button" class="primary" @click=${() => this.#open('new')}>${t.add[this.resource]}</button>` : nothing}
      </header>
      ${this.#canWrite ? nothing : html`<p class="muted">${t.readOnly}</p>`}
      ${this.week
        ? html`<nav class="bar" aria-label=${t.week}>
            <button type="button" @click=${() => this.load(this.week!.previousWeek)}>${t.previousWeek}</button>
            <strong>${t.week} ${this.week.week.slice(6)}: ${this.week.from} – ${this.week.to}</strong>
            <button type="button" @click=${() => this.load(this.week!.nextWeek)}>${t.nextWeek}</button>
          </nav>`
        : nothing}
      <div class="bar"><label class="check"><input type="checkbox" name="onlyStale" .checked=${this.onlyStale} @change=${(e: Event) => (this.onlyStale = (e.target as HTMLInputElement).checked)} />${t.onlyStale}</label></div>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.items === undefined && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : shown.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<table>
              <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.englishColumn}</th><th scope="col">${t.updated}</th><th scope="col"><span class="muted">${t.edit}</span></th></tr></thead>
              <tbody>
                ${shown.map((item) => {
                  const name = this.#label(item);
                  return html`<tr>
                    <th scope="row" class=${`depth-${Math.min(depth.get(item.id) ?? 0, 6)}`}>${name}${'status' in item && item.status !== 'planned' ? html` <span class="badge warning">${t.statuses[item.status]}</span>` : nothing}</th>
                    <td>${this.#badge(item, t)}</td>
                    <td>${new Date(item.updatedAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' })}</td>
                    <td class="actions">
                      <button type="button" @click=${() => this.#open(item)}>${this.#canWrite ? t.edit : t.name}</button>
                      ${movable
                        ? html`<button type="button" aria-label=${t.moveUp(name)} @click=${() => this.#move(item, -1)}>↑</button><button type="button" aria-label=${t.moveDown(name)} @click=${() => this.#move(item, 1)}>↓</button>`
                        : nothing}
                      ${this.#canWrite ? html`<button type="button" class="danger" @click=${() => this.#delete(item)}>${t.delete}</button>` : nothing}
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`}
    `;
  }

  #error(name: string): TemplateResult | typeof nothing {
    const message = this.fieldErrors[name];
    return message ? html`<span class="field-error" id=${`err-${name}`}>${message}</span>` : nothing;
  }

  #input(f: FormField, values: Values, t: OrganisationTexts, disabled: boolean): TemplateResult {
    const label = t.fields[f.label ?? f.name] ?? f.name;
    const v = values[f.name];
    const describedBy = this.fieldErrors[f.name] ? `err-${f.name}` : undefined;
    const required = f.required ? html` <span class="muted">(${t.required})</span>` : nothing;
    switch (f.kind) {
      case 'pair':
      case 'rich': {
        const pair = isPair(v) ? v : { vi: '', en: '' };
        const one = (lang: 'vi' | 'en') =>
          f.kind === 'rich'
            ? html`<div class="field"><span class="label">${t[lang]}</span><portal-rich-text data-field=${`${f.name}.${lang}`} .value=${pair[lang]} .label=${`${label} (${t[lang]})`} ?disabled=${disabled} @portal-body-input=${() => this.#touched.add(`${f.name}.${lang}`)}></portal-rich-text></div>`
            : html`<label>${t[lang]}<input name=${`${f.name}.${lang}`} lang=${lang} .value=${pair[lang]} maxlength=${f.max ?? 300} ?required=${f.required && lang === 'vi'} ?disabled=${disabled} aria-describedby=${describedBy ?? nothing} /></label>`;
        return html`<fieldset><legend>${label}${required}</legend><div class="pair">${one('vi')}${one('en')}</div>${this.#error(f.name)}</fieldset>`;
      }
      case 'checkbox':
        return html`<label class="check"><input type="checkbox" name=${f.name} .checked=${Boolean(v)} ?disabled=${disabled} />${label}</label>`;
      case 'select': {
        const options = t[f.options!];
        return html`<label class="field">${label}
          <select name=${f.name} ?disabled=${disabled} @change=${f.name === 'kind' ? (e: Event) => (this.contactKind = (e.target as HTMLSelectElement).value as 'agency' | 'official') : nothing}>
            ${Object.entries(options).map(([value, text]) => html`<option value=${value} ?selected=${(f.name === 'kind' ? this.contactKind : v) === value}>${text}</option>`)}
          </select>${this.#error(f.name)}</label>`;
      }
      case 'units': {
        const self = this.editing !== 'new' && this.editing !== undefined ? this.editing.id : undefined;
        const depth = depths(this.units);
        return html`<label class="field">${label}
          <select name=${f.name} ?disabled=${disabled}>
            <option value="" ?selected=${v === null || v === undefined}>${f.top === 'root' ? t.root : t.none}</option>
            ${this.units.filter((u) => u.id !== self).map((u) => html`<option value=${u.id} ?selected=${v === u.id}>${'  '.repeat(depth.get(u.id) ?? 0)}${u.name.vi}</option>`)}
          </select>${this.#error(f.name)}</label>`;
      }
      case 'leaders': {
        const chosen = new Set(Array.isArray(v) ? (v as string[]) : []);
        return html`<fieldset><legend>${label}</legend>
          ${this.leaders.map((l) => html`<label class="check"><input type="checkbox" name=${f.name} value=${l.id} .checked=${chosen.has(l.id)} ?disabled=${disabled} />${l.fullName} · ${l.position.vi}</label>`)}
          ${this.#error(f.name)}</fieldset>`;
      }
      default:
        return html`<label class="field">${label}${required}
          <input name=${f.name} type=${f.kind} .value=${v === null || v === undefined ? '' : String(v)} maxlength=${f.max ?? nothing} ?required=${f.required} ?disabled=${disabled} aria-describedby=${describedBy ?? nothing} />
          ${this.#error(f.name)}</label>`;
    }
  }

  #form(t: OrganisationTexts): TemplateResult {
    const values = this.#values();
    const disabled = !this.#canWrite;
    const item = this.editing === 'new' ? undefined : (this.editing as AnyItem);
    return html`
      <header><h2>${item ? this.#label(item) : t.add[this.resource]}</h2></header>
      ${item?.englishStale ? html`<p>${this.#badge(item, t)}</p>` : nothing}
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <form class="edit" novalidate @submit=${(e: SubmitEvent) => this.#save(e)}>
        ${this.#fields().map((f) => this.#input(f, values, t, disabled))}
        ${item?.englishStale && !disabled ? html`<label class="check"><input type="checkbox" name="englishConfirm" />${t.englishConfirm}</label>` : nothing}
        <div class="actions">
          ${disabled ? nothing : html`<button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>`}
          <button type="button" @click=${() => { this.editing = undefined; this.error = undefined; }}>${t.cancel}</button>
        </div>
      </form>
    `;
  }

  override render() {
    const t = organisationTexts();
    return this.editing === undefined ? this.#list(t) : this.#form(t);
  }
}
