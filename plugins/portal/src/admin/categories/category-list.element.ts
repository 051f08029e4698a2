import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formStyles } from '../article-editor/article-editor.styles.js';
import { ENGLISH, languageLabel, translationLanguages, type SiteLanguage } from '../site-languages.js';
import { WRITE, type Category } from '../types.js';
import { categoryTexts, type CategoryTexts } from './category-messages.js';
import { buildTree, flatten, reorder, selfAndDescendants, slugFromName, type CategoryNode } from './category-tree.js';

const BASE = '/api/portal/categories';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The form field of a translated name: `nameEn`, `nameLo`, `nameZh-Hans`. */
const nameField = (code: string) => `name${code.charAt(0).toUpperCase()}${code.slice(1)}`;

/** What the form edits: a new category (maybe under a parent) or an existing one. */
type Editing = { readonly kind: 'new'; readonly parentId: string | null } | { readonly kind: 'edit'; readonly id: string };

/**
 * The unit's categories (nav route `/portal/chuyen-muc`): the tree in the site's order, with create,
 * rename (Vietnamese, English and each language configured in cong.config.json), slug, parent, order, one-step moves up and down among the
 * siblings, and delete. The server refuses to delete a category that still has articles or
 * subcategories (409 `PORTAL_ERR_CATEGORY_IN_USE`); the page says what to do then.
 *
 * Reading needs either content permission; every change needs `portal.content.write` (the server
 * checks again). Field errors of the server show beside their field.
 */
export class CategoryList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [
    formStyles,
    css`
      ul.tree, ul.tree ul { list-style: none; margin: 0; padding: 0; }
      ul.tree ul { padding-inline-start: 1.5rem; border-inline-start: 2px solid var(--cong-color-border, #c9ccd1); margin-inline-start: 0.5rem; }
      .item { display: flex; flex-wrap: wrap; align-items: center; gap: var(--cong-space-xs, 0.5rem); padding: 0.4rem 0; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); }
      .item .name { font-weight: 600; }
      .item .meta { color: var(--cong-color-text-quiet, #535353); }
      .item .buttons { margin-inline-start: auto; display: flex; flex-wrap: wrap; gap: 0.25rem; }
      .item button { padding: 0.2rem 0.6rem; }
      header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--cong-space-s, 0.75rem); }
      form { margin-block: var(--cong-space-m, 1rem); }
      .hint { color: var(--cong-color-text-quiet, #535353); font-size: 0.875rem; }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    categories: { state: true },
    editing: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
    languages: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** Undefined until loaded. */
  declare categories: readonly Category[] | undefined;
  declare editing: Editing | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;
  /** The languages a name is offered in beside Vietnamese: English until the site's list arrives. */
  declare languages: readonly SiteLanguage[];
  /** How the page asks to confirm a deletion; tests replace it. */
  confirm: (message: string) => boolean = (message) => window.confirm(message);
  /** Whether the author typed the slug: until then it follows the Vietnamese name. */
  #slugTouched = false;

  constructor() {
    super();
    this.fieldErrors = {};
    this.busy = false;
    this.languages = [ENGLISH];
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant');
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.categories = undefined;
        this.editing = undefined;
      }
      void this.load();
    }
  }

  /** Without a user (previews, tests) the server decides. */
  get #canWrite(): boolean {
    return !this.user || this.user.permissions.includes(WRITE);
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const [{ items }, languages] = await Promise.all([api.get<{ items: Category[] }>(BASE), translationLanguages(api)]);
      if (api !== this.api) return;
      this.languages = languages;
      this.categories = items;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : categoryTexts().failed;
    }
  }

  #name(c: Category): string {
    return (document.documentElement.lang === 'en' && c.name.en) || c.name.vi;
  }

  #startEditing(editing: Editing): void {
    this.editing = editing;
    this.fieldErrors = {};
    this.error = undefined;
    this.#slugTouched = editing.kind === 'edit';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#field-nameVi')?.focus());
  }

  #failed(error: unknown): void {
    if (!(error instanceof ApiError)) throw error;
    this.fieldErrors = error.fieldErrors();
    this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = categoryTexts();
    const editing = this.editing!;
    const data = new FormData(event.target as HTMLFormElement);
    const nameVi = String(data.get('nameVi') ?? '').trim();
    const slug = String(data.get('slug') ?? '').trim();
    const parentId = String(data.get('parentId') ?? '');
    const orderText = String(data.get('order') ?? '').trim();
    // The server checks all of it again; this only spares a round trip for the obvious.
    const missing: Record<string, string> = {};
    if (nameVi === '') missing.name = t.required;
    if (slug === '') missing.slug = t.required;
    else if (!SLUG.test(slug)) missing.slug = t.slugInvalid;
    if (Object.keys(missing).length > 0) {
      this.fieldErrors = missing;
      return;
    }
    // Every name: the server replaces them all, a language left empty has none.
    const translated = this.languages.map(({ code }) => [code, String(data.get(nameField(code)) ?? '').trim() || null]);
    const body = {
      name: { vi: nameVi, ...Object.fromEntries(translated) },
      slug,
      parentId: parentId === '' ? null : parentId,
      ...(orderText !== '' ? { order: Number(orderText) } : {}),
    };
    this.busy = true;
    try {
      if (editing.kind === 'edit') await this.api!.patch<Category>(`${BASE}/${encodeURIComponent(editing.id)}`, body);
      else await this.api!.post<Category>(BASE, body);
      showToast(editing.kind === 'edit' ? t.saved : t.created, { variant: 'success' }, this);
      this.editing = undefined;
      this.fieldErrors = {};
      this.error = undefined;
      await this.load();
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  async #move(c: Category, step: -1 | 1): Promise<void> {
    const changes = reorder(this.categories ?? [], c.id, step);
    if (changes.length === 0) return;
    this.busy = true;
    try {
      for (const change of changes) await this.api!.patch<Category>(`${BASE}/${encodeURIComponent(change.id)}`, { order: change.order });
      showToast(categoryTexts().moved, { variant: 'success' }, this);
      this.error = undefined;
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
      // Also after a failure half-way: the page shows what the server holds.
      await this.load();
    }
  }

  async #delete(c: Category): Promise<void> {
    const t = categoryTexts();
    const name = this.#name(c);
    if (!this.confirm(t.confirmDelete(name))) return;
    this.busy = true;
    try {
      await this.api!.delete(`${BASE}/${encodeURIComponent(c.id)}`);
      showToast(t.deleted(name), { variant: 'success' }, this);
      if (this.editing?.kind === 'edit' && this.editing.id === c.id) this.editing = undefined;
      this.error = undefined;
      await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PORTAL_ERR_CATEGORY_IN_USE') {
        const children = (this.categories ?? []).filter((x) => x.parentId === c.id).length;
        this.error = t.inUse(name, children);
      } else this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = categoryTexts();
    const tree = this.categories ? buildTree(this.categories) : [];
    return html`
      <header>
        <h1>${t.categories}</h1>
        ${this.#canWrite && !this.editing
          ? html`<button type="button" class="primary" @click=${() => this.#startEditing({ kind: 'new', parentId: null })}>${t.newCategory}</button>`
          : nothing}
      </header>
      <p class="note">${t.intro}</p>
      ${this.#canWrite ? nothing : html`<p class="note">${t.readOnly}</p>`}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.editing ? this.#form(t, this.editing) : nothing}
      ${!this.categories && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : this.categories && tree.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<ul class="tree" aria-label=${t.categories}>${tree.map((node) => this.#node(t, node))}</ul>`}
    `;
  }

  #node(t: CategoryTexts, node: CategoryNode): unknown {
    const c = node.category;
    const name = this.#name(c);
    const siblings = (this.categories ?? []).filter((x) => x.parentId === c.parentId).length;
    const all = this.categories ?? [];
    const first = reorder(all, c.id, -1).length === 0;
    const last = reorder(all, c.id, 1).length === 0;
    return html`<li data-id=${c.id}>
      <div class="item">
        <span class="name">${c.name.vi}</span>
        ${this.languages.map(({ code }) => (c.name[code] ? html`<span class="meta" lang=${code}>(${c.name[code]})</span>` : nothing))}
        <code class="meta">/${c.slug}</code>
        ${this.#canWrite
          ? html`<span class="buttons">
              <button type="button" data-action="edit" aria-label=${t.editLabel(name)} ?disabled=${this.busy} @click=${() => this.#startEditing({ kind: 'edit', id: c.id })}>${t.edit}</button>
              <button type="button" data-action="add-child" aria-label=${t.addChildLabel(name)} ?disabled=${this.busy} @click=${() => this.#startEditing({ kind: 'new', parentId: c.id })}>${t.addChild}</button>
              ${siblings > 1
                ? html`<button type="button" data-action="up" aria-label=${t.moveUpLabel(name)} ?disabled=${this.busy || first} @click=${() => this.#move(c, -1)}>${t.moveUp}</button>
                    <button type="button" data-action="down" aria-label=${t.moveDownLabel(name)} ?disabled=${this.busy || last} @click=${() => this.#move(c, 1)}>${t.moveDown}</button>`
                : nothing}
              <button type="button" data-action="delete" aria-label=${t.deleteLabel(name)} ?disabled=${this.busy} @click=${() => this.#delete(c)}>${t.delete}</button>
            </span>`
          : nothing}
      </div>
      ${node.children.length > 0 ? html`<ul>${node.children.map((child) => this.#node(t, child))}</ul>` : nothing}
    </li>`;
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => unknown, hint?: string) {
    const error = this.fieldErrors[name];
    const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${`field-${name === 'name' ? 'nameVi' : name}`}>${label}</label>
      ${control(ids || nothing, error ? 'true' : 'false')}
      ${hint ? html`<span class="hint" id=${`${name}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span class="field-error" id=${`${name}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  #form(t: CategoryTexts, editing: Editing) {
    const all = this.categories ?? [];
    const current = editing.kind === 'edit' ? all.find((c) => c.id === editing.id) : undefined;
    const parentId = current ? current.parentId : editing.kind === 'new' ? editing.parentId : null;
    const parent = parentId ? all.find((c) => c.id === parentId) : undefined;
    const excluded = current ? selfAndDescendants(all, current.id) : new Set<string>();
    const choices = flatten(buildTree(all)).filter((n) => !excluded.has(n.category.id));
    const heading = current ? t.editCategory(current.name.vi) : parent ? t.newChild(parent.name.vi) : t.newCategory;
    const onName = (e: InputEvent) => {
      if (this.#slugTouched) return;
      const slug = this.renderRoot.querySelector<HTMLInputElement>('#field-slug');
      if (slug) slug.value = slugFromName((e.target as HTMLInputElement).value);
    };
    return html`<form @submit=${(e: SubmitEvent) => this.#save(e)} novalidate aria-labelledby="category-form-heading">
      <h2 id="category-form-heading">${heading}</h2>
      <div class="row">
        ${this.#field('name', t.nameVi, (d, bad) =>
          html`<input id="field-nameVi" name="nameVi" lang="vi" required maxlength="300" .value=${current?.name.vi ?? ''} @input=${onName} aria-describedby=${d} aria-invalid=${bad} />`,
        )}
        ${this.languages.map(
          (language) => html`<div class="field">
            <label for=${`field-${nameField(language.code)}`}>${t.nameIn(languageLabel(language))}</label>
            <input id=${`field-${nameField(language.code)}`} name=${nameField(language.code)} lang=${language.code} maxlength="300" .value=${current?.name[language.code] ?? ''} />
          </div>`,
        )}
      </div>
      ${this.#field(
        'slug',
        t.slug,
        (d, bad) =>
          html`<input id="field-slug" name="slug" required maxlength="120" pattern="[a-z0-9]+(-[a-z0-9]+)*" .value=${current?.slug ?? ''} @input=${() => (this.#slugTouched = true)} aria-describedby=${d} aria-invalid=${bad} />`,
        t.slugHint,
      )}
      <div class="row">
        ${this.#field('parentId', t.parent, (d, bad) =>
          html`<select id="field-parentId" name="parentId" aria-describedby=${d} aria-invalid=${bad}>
            <option value="" ?selected=${parentId === null}>${t.noParent}</option>
            ${choices.map((n) => html`<option value=${n.category.id} ?selected=${n.category.id === parentId}>${'— '.repeat(n.depth)}${n.category.name.vi}</option>`)}
          </select>`,
        )}
        ${this.#field('order', t.order, (d, bad) =>
          html`<input id="field-order" name="order" type="number" step="1" min="-100000" max="100000" .value=${current ? String(current.order) : ''} aria-describedby=${d} aria-invalid=${bad} />`,
        )}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>
        <button type="button" @click=${() => { this.editing = undefined; this.fieldErrors = {}; }}>${t.cancel}</button>
      </div>
    </form>`;
  }
}
