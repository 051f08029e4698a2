import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formStyles } from '../article-editor/article-editor.styles.js';
import { apply, blankItem, countItems, fromMenu, locate, toBody, type DraftItem } from './menu-model.js';
import { pagesTexts, type PagesTexts } from './pages-messages.js';
import { API, MENU_LOCATIONS, TARGET_KINDS, type Menu, type MenuLocation, type MenuTargetKind } from './pages-types.js';

/**
 * The unit's menus (nav route `/portal/trinh-don`): pick a location, edit its items (labels in both
 * languages, what each links to, new tab), reorder with buttons (up, down, into the submenu of the item
 * above, back out), and save the whole menu at once. Every operation is a button with a full label, so
 * the editor works from the keyboard and with a screen reader; focus stays on the moved item's button
 * and a status line says where it went. The server's errors show beside the item they name.
 */
export class MenuEditor extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [
    formStyles,
    css`
      ol.items, ol.items ol { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--cong-space-s, 0.75rem); }
      ol.items ol { margin-inline-start: 2rem; margin-block-start: var(--cong-space-s, 0.75rem); }
      .tools { display: flex; flex-wrap: wrap; gap: 0.25rem; }
      .tools button { padding: 0.25rem 0.6rem; }
      .help { color: var(--cong-color-text-quiet, #535353); }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    location: { state: true },
    items: { state: true },
    loaded: { state: true },
    errors: { state: true },
    error: { state: true },
    announcement: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare location: MenuLocation;
  declare items: DraftItem[];
  declare loaded: boolean;
  /** Server messages by item key and field (`label`, `value`), and for the whole menu (`''`). */
  declare errors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare announcement: string;
  declare busy: boolean;

  constructor() {
    super();
    this.location = 'main';
    this.items = [];
    this.loaded = false;
    this.errors = {};
    this.announcement = '';
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant') || changed.has('location')) && this.api) void this.load();
  }

  async load(): Promise<void> {
    const api = this.api!;
    const location = this.location;
    try {
      const menu = await api.get<Menu>(`${API}/menus/${location}`);
      if (api !== this.api || location !== this.location) return;
      this.items = fromMenu(menu.items);
      this.loaded = true;
      this.errors = {};
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : pagesTexts().failed;
    }
  }

  #edit(key: string, change: Partial<Omit<DraftItem, 'key' | 'children'>>): void {
    const at = locate(this.items, key);
    if (!at) return;
    const item = at.parent < 0 ? this.items[at.index]! : this.items[at.parent]!.children[at.index]!;
    Object.assign(item, change);
    this.requestUpdate();
  }

  async #move(item: DraftItem, op: 'up' | 'down' | 'in' | 'out' | 'remove', label: string): Promise<void> {
    const next = apply(this.items, item.key, op);
    if (!next) return;
    this.items = next;
    if (op === 'remove') {
      this.announcement = '';
      return;
    }
    const at = locate(next, item.key)!;
    this.announcement = pagesTexts().moved(label, at.index + 1);
    await this.updateComplete;
    // Focus stays with the item: on the same operation's button when it still applies, else its first field.
    const again = this.renderRoot.querySelector<HTMLButtonElement>(`[data-key="${item.key}"] [data-op="${op}"]:not([disabled])`);
    (again ?? this.renderRoot.querySelector<HTMLElement>(`[data-key="${item.key}"] input`))?.focus();
  }

  async #add(parent?: DraftItem): Promise<void> {
    const item = blankItem();
    if (parent) parent.children.push(item);
    else this.items.push(item);
    this.items = [...this.items];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`[data-key="${item.key}"] input`)?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.busy = true;
    try {
      const menu = await this.api!.put<Menu>(`${API}/menus/${this.location}`, toBody(this.items));
      this.items = fromMenu(menu.items);
      this.errors = {};
      this.error = undefined;
      showToast(pagesTexts().menuSaved, { variant: 'success' }, this);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.errors = this.#byItem(error);
      this.error = error.errors.length === 0 ? error.message : undefined;
    } finally {
      this.busy = false;
    }
  }

  /** `/items/2/children/0/target/value` → the key of that item and the field. */
  #byItem(error: ApiError): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of error.errors) {
      const m = /^\/items(?:\/(\d+)(?:\/children\/(\d+))?(?:\/(label|target)(?:\/(vi|en|value|kind))?)?)?/.exec(e.pointer);
      if (!m) continue;
      const top = m[1] === undefined ? undefined : this.items[Number(m[1])];
      const item = top && m[2] !== undefined ? top.children[Number(m[2])] : top;
      const field = m[3] === 'label' ? 'label' : m[3] === 'target' ? 'value' : '';
      out[item ? `${item.key}:${field}` : ':'] ??= e.message;
    }
    return out;
  }

  #itemView(t: PagesTexts, item: DraftItem, number: string, siblings: number, index: number, isChild: boolean): unknown {
    const name = item.labelVi || number;
    const labelError = this.errors[`${item.key}:label`];
    const valueError = this.errors[`${item.key}:value`];
    const otherError = this.errors[`${item.key}:`];
    const id = (f: string) => `${item.key}-${f}`;
    const button = (op: 'up' | 'down' | 'in' | 'out' | 'remove', text: string, aria: string, disabled: boolean) =>
      html`<button type="button" data-op=${op} aria-label=${aria} ?disabled=${disabled || this.busy} @click=${() => this.#move(item, op, name)}>${text}</button>`;
    return html`<li data-key=${item.key}>
      <fieldset>
        <legend>${number}${item.labelVi ? html` — ${item.labelVi}` : nothing}</legend>
        <div class="row">
          <div class="field"><label for=${id('vi')}>${t.labelVi}</label><input id=${id('vi')} required maxlength="200" .value=${item.labelVi} aria-invalid=${labelError ? 'true' : 'false'} aria-describedby=${labelError ? id('label-error') : nothing} @input=${(e: InputEvent) => this.#edit(item.key, { labelVi: (e.target as HTMLInputElement).value })} />
            ${labelError ? html`<span class="field-error" id=${id('label-error')}>${labelError}</span>` : nothing}</div>
          <div class="field" lang="en"><label for=${id('en')} lang=${document.documentElement.lang || 'vi'}>${t.labelEn}</label><input id=${id('en')} maxlength="200" .value=${item.labelEn} @input=${(e: InputEvent) => this.#edit(item.key, { labelEn: (e.target as HTMLInputElement).value })} /></div>
        </div>
        <div class="row">
          <div class="field"><label for=${id('kind')}>${t.targetKind}</label>
            <select id=${id('kind')} @change=${(e: Event) => this.#edit(item.key, { kind: (e.target as HTMLSelectElement).value as MenuTargetKind })}>
              ${TARGET_KINDS.map((k) => html`<option value=${k} ?selected=${item.kind === k}>${t.kinds[k]}</option>`)}
            </select></div>
          ${item.kind === 'legal'
            ? nothing
            : html`<div class="field"><label for=${id('value')}>${t.targetValue}</label><input id=${id('value')} maxlength="1000" .value=${item.value} aria-invalid=${valueError ? 'true' : 'false'} aria-describedby=${valueError ? id('value-error') : nothing} @input=${(e: InputEvent) => this.#edit(item.key, { value: (e.target as HTMLInputElement).value })} />
              ${valueError ? html`<span class="field-error" id=${id('value-error')}>${valueError}</span>` : nothing}</div>`}
        </div>
        <label class="check"><input type="checkbox" .checked=${item.newTab} @change=${(e: Event) => this.#edit(item.key, { newTab: (e.target as HTMLInputElement).checked })} /> ${t.newTab}</label>
        ${otherError ? html`<p class="field-error">${otherError}</p>` : nothing}
        <div class="tools">
          ${button('up', t.up, t.moveUp(name), index === 0)}
          ${button('down', t.down, t.moveDown(name), index === siblings - 1)}
          ${isChild ? button('out', t.out, t.outdent(name), false) : button('in', t.in, t.indent(name), index === 0 || item.children.length > 0)}
          ${button('remove', t.delete, t.remove(name), false)}
          ${isChild ? nothing : html`<button type="button" ?disabled=${this.busy} @click=${() => this.#add(item)}>${t.addChild}</button>`}
        </div>
      </fieldset>
      ${item.children.length > 0
        ? html`<ol>${item.children.map((c, j) => this.#itemView(t, c, t.subItem(Number(number.replace(/\D+/g, '')), j + 1), item.children.length, j, true))}</ol>`
        : nothing}
    </li>`;
  }

  override render() {
    const t = pagesTexts();
    const total = countItems(this.items);
    return html`
      <h1>${t.menus}</h1>
      <div class="field">
        <label for="menu-location">${t.location}</label>
        <select id="menu-location" @change=${(e: Event) => { this.location = (e.target as HTMLSelectElement).value as MenuLocation; this.loaded = false; }}>
          ${MENU_LOCATIONS.map((l) => html`<option value=${l} ?selected=${this.location === l}>${t.locations[l]}</option>`)}
        </select>
      </div>
      <p class="help">${t.menuHelp} (${total}/60)</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.errors[':'] ? html`<p role="alert" class="error">${this.errors[':']}</p>` : nothing}
      ${!this.loaded && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : html`<form @submit=${(e: SubmitEvent) => this.#save(e)} novalidate aria-label=${t.locations[this.location]}>
            ${this.items.length === 0 ? html`<p>${t.menuEmpty}</p>` : html`<ol class="items">${this.items.map((item, i) => this.#itemView(t, item, t.item(i + 1), this.items.length, i, false))}</ol>`}
            <div class="actions">
              <button type="button" ?disabled=${this.busy || total >= 60} @click=${() => this.#add()}>${t.addItem}</button>
              <button type="submit" class="primary" ?disabled=${this.busy}>${t.saveMenu}</button>
            </div>
          </form>`}
    `;
  }
}
