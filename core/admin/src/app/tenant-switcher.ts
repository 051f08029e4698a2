import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { styleMap } from 'lit/directives/style-map.js';
import { CongElement, adminLanguage } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { shellStyles } from './shell-styles.js';
import type { TenantRecord } from './session.js';
import { buildTenantTree, fold, pathTo, searchExpansion, treeRows, type TenantNode, type TenantRow } from './tenant-tree.js';

declare global {
  interface CongEventMap {
    /** The user picked a unit in the switcher. */
    'cong-tenant-selected': { readonly slug: string };
    /** The switcher closed. */
    'cong-tenant-switcher-closed': Record<string, never>;
  }
  interface HTMLElementTagNameMap {
    'cong-tenant-switcher': CongTenantSwitcher;
  }
}

/** A unit's name in the shell's language. */
export function tenantName(t: { nameVi: string; nameEn: string | null }): string {
  return adminLanguage() === 'en' && t.nameEn ? t.nameEn : t.nameVi;
}

/**
 * The unit switcher: a dialog with a search box over the tree of all active units (diacritic-folding
 * filter) and the recent units. The tree follows the ARIA tree pattern: branches are closed except
 * the path to the current unit; in the list ↑/↓ move, → opens a branch (or goes to its first child),
 * ← closes it (or goes to the parent), Home/End, Enter chooses, typing a name's first letters jumps
 * to it. From the search box (a combobox over the tree) ↑/↓ move and Enter chooses. A search shows the
 * units that match with their ancestors opened. Escape closes.
 *
 * @fires cong-tenant-selected
 * @fires cong-tenant-switcher-closed
 */
export class CongTenantSwitcher extends CongElement {
  static override styles = [
    shellStyles,
    css`
      wa-dialog { --width: min(44rem, 96vw); }
      .search { display: grid; gap: 0.3rem; margin-bottom: var(--cong-space-s); }
      .search input { width: 100%; }
      .recent { display: flex; flex-wrap: wrap; gap: var(--cong-space-xs); list-style: none; padding: 0; margin: 0 0 var(--cong-space-s); }
      h2 { font-size: 1rem; margin: var(--cong-space-s) 0 var(--cong-space-xs); }
      [role='tree'] { list-style: none; margin: 0; padding: 0; max-height: 50vh; overflow: auto; border: 1px solid var(--cong-color-border); border-radius: var(--cong-radius); }
      [role='treeitem'] { padding: 0.35rem 0.5rem; cursor: pointer; display: flex; gap: 0.5rem; align-items: baseline; }
      [role='treeitem'][aria-selected='true'] { font-weight: 700; }
      [role='treeitem'].active { background: var(--cong-color-surface-lowered); outline: 2px solid var(--cong-color-link); outline-offset: -2px; }
      [role='treeitem']:focus-visible { outline: var(--cong-focus-ring); outline-offset: -3px; }
      [role='treeitem'] .kind { font-size: var(--cong-font-size-small); color: var(--cong-color-text-quiet); }
      .toggle { display: inline-block; width: 1.25rem; flex: none; text-align: center; color: var(--cong-color-text-quiet); }
      mark { background: none; color: inherit; text-decoration: underline; }
      .count { font-size: var(--cong-font-size-small); }
    `,
  ];

  static override properties = {
    tenants: { attribute: false },
    current: {},
    recent: { attribute: false },
    open: { type: Boolean, reflect: true },
    query: { state: true },
    activeId: { state: true },
    expanded: { state: true },
    searchExpanded: { state: true },
  };

  declare tenants: readonly TenantRecord[];
  /** Slug of the current unit. */
  declare current: string | undefined;
  /** Slugs of the recent units, newest first. */
  declare recent: readonly string[];
  declare open: boolean;
  declare query: string;
  /** Id of the active row (aria-activedescendant of the search box, the tree's focusable item). */
  declare activeId: string | undefined;
  /** Open branches while browsing (no query). */
  declare expanded: ReadonlySet<string>;
  /** Open branches of the search results. */
  declare searchExpanded: ReadonlySet<string>;

  #tree: TenantNode[] = [];
  #treeOf: readonly TenantRecord[] | undefined;
  #typed = '';
  #typedAt = 0;
  #focusTree = false;

  constructor() {
    super();
    this.tenants = [];
    this.recent = [];
    this.open = false;
    this.query = '';
    this.expanded = new Set();
    this.searchExpanded = new Set();
  }

  /** The unit tree (archived units left out). */
  tree(): TenantNode[] {
    if (this.#treeOf !== this.tenants) {
      this.#tree = buildTenantTree(this.tenants);
      this.#treeOf = this.tenants;
    }
    return this.#tree;
  }

  /** The rows the tree shows now. */
  rows(): TenantRow[] {
    return treeRows(this.tree(), this.query, this.query.trim() ? this.searchExpanded : this.expanded);
  }

  #currentId(): string | undefined {
    return this.tenants.find((t) => t.slug === this.current)?.id;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.query = '';
      const path = pathTo(this.tree(), this.#currentId());
      // Closed by default, except the path to the current unit (the unit itself included).
      this.expanded = new Set(path.length > 0 ? path : this.tree().map((n) => n.tenant.id));
      this.searchExpanded = new Set();
      this.activeId = path.at(-1) ?? this.rows()[0]?.tenant.id;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('activeId') || changed.has('query') || changed.has('expanded') || changed.has('searchExpanded')) {
      const active = this.activeId ? this.renderRoot.querySelector<HTMLElement>(`#unit-${CSS.escape(this.activeId)}`) : null;
      active?.scrollIntoView?.({ block: 'nearest' });
      if (this.#focusTree) {
        this.#focusTree = false;
        active?.focus();
      }
    }
  }

  #select(slug: string): void {
    this.emit('cong-tenant-selected', { slug });
    this.open = false;
  }

  /** Makes row `index` active; `focus` moves the keyboard focus to it (in the tree). */
  #move(rows: TenantRow[], index: number, focus: boolean): void {
    const row = rows[Math.min(Math.max(index, 0), rows.length - 1)];
    if (!row) return;
    this.#focusTree = focus;
    if (row.tenant.id === this.activeId && focus) {
      this.renderRoot.querySelector<HTMLElement>(`#unit-${CSS.escape(row.tenant.id)}`)?.focus();
      this.#focusTree = false;
    }
    this.activeId = row.tenant.id;
  }

  #setExpanded(id: string, open: boolean): void {
    const searching = Boolean(this.query.trim());
    const next = new Set(searching ? this.searchExpanded : this.expanded);
    if (open) next.add(id);
    else next.delete(id);
    if (searching) this.searchExpanded = next;
    else this.expanded = next;
  }

  #toggle(row: TenantRow, focus: boolean): void {
    this.#setExpanded(row.tenant.id, !row.expanded);
    this.#focusTree = focus;
    this.activeId = row.tenant.id;
  }

  /** Keys of the search box (a combobox whose popup is the tree): ↑/↓ move, Enter chooses. */
  #onSearchKeydown(event: KeyboardEvent, rows: TenantRow[]): void {
    const index = Math.max(0, rows.findIndex((r) => r.tenant.id === this.activeId));
    const last = rows.length - 1;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: last, PageDown: index + 10, PageUp: index - 10 };
    if (event.key in moves && !((event.key === 'Home' || event.key === 'End') && this.query)) {
      event.preventDefault();
      this.#move(rows, moves[event.key]!, false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = rows[index];
      if (row) this.#select(row.tenant.slug);
    }
  }

  /** Keys of the tree (the ARIA tree pattern). */
  #onTreeKeydown(event: KeyboardEvent, rows: TenantRow[]): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = rows.findIndex((r) => r.tenant.id === this.activeId);
    const row = rows[index];
    if (!row) return;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown': this.#move(rows, index + 1, true); break;
      case 'ArrowUp': this.#move(rows, index - 1, true); break;
      case 'Home': this.#move(rows, 0, true); break;
      case 'End': this.#move(rows, rows.length - 1, true); break;
      case 'PageDown': this.#move(rows, index + 10, true); break;
      case 'PageUp': this.#move(rows, index - 10, true); break;
      case 'ArrowRight':
        if (row.branch && !row.expanded) this.#toggle(row, true);
        else if (row.branch) this.#move(rows, index + 1, true);
        break;
      case 'ArrowLeft':
        if (row.branch && row.expanded) this.#toggle(row, true);
        else if (row.parentId) this.#move(rows, rows.findIndex((r) => r.tenant.id === row.parentId), true);
        break;
      case 'Enter':
        this.#select(row.tenant.slug);
        break;
      default:
        handled = event.key.length === 1 && this.#typeAhead(event.key, rows, index);
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /** Moves to the next row whose name starts with the letters typed (within a short pause). */
  #typeAhead(key: string, rows: TenantRow[], index: number): boolean {
    const now = Date.now();
    // A space only counts inside a name being typed ("so t").
    if (key === ' ' && now - this.#typedAt >= 800) return false;
    this.#typed = now - this.#typedAt < 800 ? this.#typed + fold(key) : fold(key);
    this.#typedAt = now;
    const find = (prefix: string, from: number) => {
      for (let i = 0; i < rows.length; i++) {
        const at = (from + i) % rows.length;
        if (fold(tenantName(rows[at]!.tenant)).startsWith(prefix)) return at;
      }
      return -1;
    };
    let at = this.#typed.length === 1 ? find(this.#typed, index + 1) : find(this.#typed, index);
    // Letters that match nothing together: start again from the last one.
    if (at < 0 && this.#typed.length > 1) at = find((this.#typed = fold(key)), index + 1);
    if (at < 0) return false;
    this.#move(rows, at, true);
    return true;
  }

  #onInput(event: Event): void {
    const query = (event.target as HTMLInputElement).value;
    if (query.trim()) {
      this.searchExpanded = searchExpansion(this.tree(), query);
      this.query = query;
      const rows = this.rows();
      this.activeId = (rows.find((r) => r.match) ?? rows[0])?.tenant.id;
    } else {
      // Back to browsing: the unit that was active in the results stays in view.
      const path = pathTo(this.tree(), this.activeId).slice(0, -1);
      this.expanded = new Set([...this.expanded, ...path]);
      this.query = query;
    }
  }

  #kind(kind: string): string {
    switch (kind) {
      case 'province': return msg('Province', { id: 'tenant.kind.province' });
      case 'department': return msg('Department', { id: 'tenant.kind.department' });
      case 'commune': return msg('Commune', { id: 'tenant.kind.commune' });
      case 'ward': return msg('Ward', { id: 'tenant.kind.ward' });
      case 'special-zone': return msg('Special zone', { id: 'tenant.kind.special-zone' });
      case 'district': return msg('District (former)', { id: 'tenant.kind.district' });
      default: return kind;
    }
  }

  #row(row: TenantRow, active: boolean): TemplateResult {
    const name = tenantName(row.tenant);
    return html`<li
      role="treeitem"
      id=${`unit-${row.tenant.id}`}
      aria-level=${row.level}
      aria-setsize=${row.siblings}
      aria-posinset=${row.position}
      aria-expanded=${row.branch ? (row.expanded ? 'true' : 'false') : nothing}
      aria-selected=${row.tenant.slug === this.current ? 'true' : 'false'}
      tabindex=${active ? '0' : '-1'}
      class=${active ? 'active' : ''}
      style=${styleMap({ paddingInlineStart: `${0.5 + (row.level - 1) * 1.25}rem` })}
      @click=${() => this.#select(row.tenant.slug)}
    >
      <span
        class="toggle"
        aria-hidden="true"
        @click=${(e: Event) => {
          if (!row.branch) return;
          e.stopPropagation();
          this.#toggle(row, false);
        }}
      >${row.branch ? (row.expanded ? '▾' : '▸') : ''}</span>
      <span>${row.match ? html`<mark>${name}</mark>` : name}</span><span class="kind">${this.#kind(row.tenant.kind)}</span>
    </li>`;
  }

  override render() {
    const rows = this.open ? this.rows() : [];
    const activeIndex = Math.max(0, rows.findIndex((r) => r.tenant.id === this.activeId));
    const active = rows[activeIndex];
    const bySlug = new Map(this.tenants.filter((t) => t.status !== 'archived').map((t) => [t.slug, t]));
    const recent = this.recent.map((s) => bySlug.get(s)).filter((t): t is TenantRecord => Boolean(t));
    return html`<wa-dialog
      label=${msg('Choose a unit', { id: 'tenant.dialog.title' })}
      ?open=${this.open}
      @wa-after-show=${(e: Event) => e.target === e.currentTarget && this.renderRoot.querySelector<HTMLInputElement>('#tenant-search')?.focus()}
      @wa-after-hide=${(e: Event) => {
        if (e.target !== e.currentTarget) return;
        this.open = false;
        this.emit('cong-tenant-switcher-closed', {});
      }}
    >
      ${this.open
        ? html`
            ${recent.length > 0
              ? html`<h2 id="recent-heading">${msg('Recent units', { id: 'tenant.recent' })}</h2>
                  <ul class="recent" aria-labelledby="recent-heading">
                    ${recent.map((t) => html`<li><button type="button" aria-current=${t.slug === this.current ? 'true' : 'false'} @click=${() => this.#select(t.slug)}>${tenantName(t)}</button></li>`)}
                  </ul>`
              : nothing}
            <div class="search">
              <label for="tenant-search">${msg('Search units', { id: 'tenant.search' })}</label>
              <input
                id="tenant-search"
                type="search"
                autocomplete="off"
                role="combobox"
                aria-expanded="true"
                aria-controls="tenant-tree"
                aria-autocomplete="list"
                aria-describedby="tenant-help"
                aria-activedescendant=${active ? `unit-${active.tenant.id}` : nothing}
                .value=${this.query}
                @input=${(e: Event) => this.#onInput(e)}
                @keydown=${(e: KeyboardEvent) => this.#onSearchKeydown(e, rows)}
              />
              <span id="tenant-help" class="quiet count">${msg(str`${rows.length} units shown. Up and Down move, Enter chooses; in the list, Right and Left open and close a branch. Escape closes.`, { id: 'tenant.help' })}</span>
            </div>
            <ul role="tree" id="tenant-tree" aria-label=${msg('Units', { id: 'nav.tenants' })} @keydown=${(e: KeyboardEvent) => this.#onTreeKeydown(e, rows)}>
              ${rows.map((row, index) => this.#row(row, index === activeIndex))}
            </ul>
            ${rows.length === 0 ? html`<p role="status">${msg('No unit matches.', { id: 'tenant.none' })}</p>` : nothing}
          `
        : nothing}
    </wa-dialog>`;
  }
}

CongTenantSwitcher.define('cong-tenant-switcher', 'cong');
