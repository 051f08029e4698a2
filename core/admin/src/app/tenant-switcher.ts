import { html, css, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { styleMap } from 'lit/directives/style-map.js';
import { CongElement, adminLanguage } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import { shellStyles } from './shell-styles.js';
import type { TenantRecord } from './session.js';
import { buildTenantTree, visibleTenantRows, type TenantNode, type TenantRow } from './tenant-tree.js';

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
 * filter), the recent units, and keyboard use from the search box (↑/↓ move, Home/End, Enter picks,
 * Escape closes).
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
      [role='treeitem'] .kind { font-size: var(--cong-font-size-small); color: var(--cong-color-text-quiet); }
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
    active: { state: true },
  };

  declare tenants: readonly TenantRecord[];
  /** Slug of the current unit. */
  declare current: string | undefined;
  /** Slugs of the recent units, newest first. */
  declare recent: readonly string[];
  declare open: boolean;
  declare query: string;
  declare active: number;

  #tree: TenantNode[] = [];
  #treeOf: readonly TenantRecord[] | undefined;

  constructor() {
    super();
    this.tenants = [];
    this.recent = [];
    this.open = false;
    this.query = '';
    this.active = 0;
  }

  /** The rows the tree shows now. */
  rows(): TenantRow[] {
    if (this.#treeOf !== this.tenants) {
      this.#tree = buildTenantTree(this.tenants);
      this.#treeOf = this.tenants;
    }
    return visibleTenantRows(this.#tree, this.query);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.query = '';
      const index = this.rows().findIndex((r) => r.tenant.slug === this.current);
      this.active = Math.max(0, index);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('active') || changed.has('query')) this.renderRoot.querySelector('.active')?.scrollIntoView?.({ block: 'nearest' });
  }

  #select(slug: string): void {
    this.emit('cong-tenant-selected', { slug });
    this.open = false;
  }

  #onKeydown(event: KeyboardEvent, rows: TenantRow[]): void {
    const last = rows.length - 1;
    const moves: Record<string, number> = { ArrowDown: this.active + 1, ArrowUp: this.active - 1, Home: 0, End: last, PageDown: this.active + 10, PageUp: this.active - 10 };
    if (event.key in moves && !((event.key === 'Home' || event.key === 'End') && this.query)) {
      event.preventDefault();
      this.active = Math.min(Math.max(moves[event.key]!, 0), Math.max(last, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = rows[this.active];
      if (row) this.#select(row.tenant.slug);
    }
  }

  #onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    const rows = this.rows();
    const firstMatch = rows.findIndex((r) => r.match);
    this.active = Math.max(0, firstMatch);
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

  override render() {
    const rows = this.open ? this.rows() : [];
    const active = rows[this.active];
    const bySlug = new Map(this.tenants.map((t) => [t.slug, t]));
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
                @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, rows)}
              />
              <span id="tenant-help" class="quiet count">${msg(str`${rows.length} units. Arrow keys move, Enter chooses, Escape closes.`, { id: 'tenant.help' })}</span>
            </div>
            <ul role="tree" id="tenant-tree" aria-label=${msg('Units', { id: 'nav.tenants' })}>
              ${rows.map(
                (row, index) =>
                  html`<li
                    role="treeitem"
                    id=${`unit-${row.tenant.id}`}
                    aria-level=${row.level}
                    aria-selected=${row.tenant.slug === this.current ? 'true' : 'false'}
                    class=${index === this.active ? 'active' : ''}
                    style=${styleMap({ paddingInlineStart: `${0.5 + (row.level - 1) * 1.25}rem` })}
                    @click=${() => this.#select(row.tenant.slug)}
                  >
                    <span>${row.match ? html`<mark>${tenantName(row.tenant)}</mark>` : tenantName(row.tenant)}</span><span class="kind">${this.#kind(row.tenant.kind)}</span>
                  </li>`,
              )}
            </ul>
            ${rows.length === 0 ? html`<p role="status">${msg('No unit matches.', { id: 'tenant.none' })}</p>` : nothing}
          `
        : nothing}
    </wa-dialog>`;
  }
}

CongTenantSwitcher.define('cong-tenant-switcher', 'cong');
