import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/tree/tree.js';
import '@awesome.me/webawesome/dist/components/tree-item/tree-item.js';
import '@awesome.me/webawesome/dist/components/badge/badge.js';
import { field, formText } from '../../components/shared/field.js';
import type { TenantRecord } from '../../app/session.js';
import { fold, formFailure, pageStyles, toast, today } from '../../components/shared/shared.js';

/** A unit as `GET /api/core/tenants` lists it, with the fields this page shows. */
export interface Unit extends TenantRecord {
  readonly validFrom?: string;
  readonly validTo?: string | null;
  readonly successorId?: string | null;
  readonly primaryHost?: string | null;
}

/** `GET /api/core/tenants/:id/impact?action=archive|merge`. */
export interface UnitImpact {
  readonly tenantId: string;
  readonly action: 'archive' | 'merge';
  /** Why the action would be refused now: `archived`, `active-children`. */
  readonly blockers: readonly string[];
  readonly activeChildren: number;
  readonly activeDescendants: number;
  readonly grants: { readonly inUnit: number; readonly inSubtree: number };
  readonly users: { readonly inUnit: number; readonly inSubtree: number };
  readonly apiTokens: number;
  readonly plugins: readonly string[];
  readonly hosts: readonly string[];
  readonly formerSlugs: number;
}

const KINDS = ['province', 'department', 'commune', 'ward', 'special-zone', 'district'] as const;

type Mode = 'create' | 'rename' | 'merge' | 'archive';

/**
 * `/admin/core/tenants`: the units as a tree (search folds accents), with the selected unit's details
 * and, for holders of `core.tenants.manage`, creating a unit below it, renaming it, merging it into
 * another and archiving it. Merging and archiving first read what they would touch and show it.
 */
export class TenantsPage extends CongElement {
  static override styles = [
    pageStyles,
    css`
      .layout { display: grid; grid-template-columns: minmax(16rem, 1fr) minmax(18rem, 1.3fr); gap: 1.5rem; align-items: start; }
      @media (max-width: 48rem) { .layout { grid-template-columns: 1fr; } }
      wa-tree { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); padding: 0.5rem; max-height: 70vh; overflow: auto; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      .archived { color: var(--cong-color-text-quiet, #535353); }
      wa-dialog { --width: 36rem; }
      .impact li { margin-block: 0.2rem; }
      .blocker { color: var(--cong-color-danger, #b00020); font-weight: 600; }
    `,
  ];
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    units: { state: true },
    loading: { state: true },
    loadError: { state: true },
    text: { state: true },
    showArchived: { state: true },
    selectedId: { state: true },
    mode: { state: true },
    impact: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare units: readonly Unit[];
  declare loading: boolean;
  declare loadError: string | undefined;
  declare text: string;
  declare showArchived: boolean;
  declare selectedId: string | undefined;
  declare mode: Mode | undefined;
  declare impact: UnitImpact | undefined;
  declare errors: Readonly<Record<string, string>>;
  declare formError: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.units = [];
    this.loading = false;
    this.text = '';
    this.showArchived = false;
    this.errors = {};
    this.busy = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.load();
    if (changed.has('tenant') && !this.selectedId) this.selectedId = this.tenant?.id;
  }

  get #canManage(): boolean {
    return this.user?.permissions.includes('core.tenants.manage') ?? false;
  }

  /** Loads every unit (500 a page). */
  async load(): Promise<void> {
    const api = this.api!;
    this.loading = true;
    try {
      const all: Unit[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await api.get<{ items: Unit[]; total: number }>('/api/core/tenants', { query: { limit: 500, offset } });
        all.push(...page.items);
        if (page.items.length === 0 || all.length >= page.total) break;
      }
      this.units = all;
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error instanceof ApiError ? error.message : msg('The data could not be loaded.', { id: 'dataTable.failed' });
    } finally {
      this.loading = false;
    }
  }

  #name(unit: Unit | undefined): string {
    if (!unit) return '';
    return document.documentElement.lang?.startsWith('en') ? unit.nameEn || unit.nameVi : unit.nameVi;
  }

  #kind(kind: string): string {
    switch (kind) {
      case 'province':
        return msg('Province', { id: 'tenants.kind.province' });
      case 'department':
        return msg('Department or agency', { id: 'tenants.kind.department' });
      case 'commune':
        return msg('Commune', { id: 'tenants.kind.commune' });
      case 'ward':
        return msg('Ward', { id: 'tenants.kind.ward' });
      case 'special-zone':
        return msg('Special zone', { id: 'tenants.kind.special-zone' });
      case 'district':
        return msg('District (former)', { id: 'tenants.kind.district' });
      default:
        return kind;
    }
  }

  /** Units shown: matching the search (accents optional) and their ancestors. */
  #visible(): Set<string> {
    const byId = new Map(this.units.map((u) => [u.id, u]));
    const shown = new Set<string>();
    const query = fold(this.text);
    for (const unit of this.units) {
      if (!this.showArchived && unit.status === 'archived') continue;
      if (query && !fold(`${unit.nameVi} ${unit.nameEn ?? ''} ${unit.slug}`).includes(query)) continue;
      for (let u: Unit | undefined = unit; u && !shown.has(u.id); u = u.parentId ? byId.get(u.parentId) : undefined) shown.add(u.id);
    }
    return shown;
  }

  #tree(parentId: string | null, shown: Set<string>, children: Map<string | null, Unit[]>): TemplateResult[] {
    return (children.get(parentId) ?? [])
      .filter((u) => shown.has(u.id))
      .map(
        (u) => html`<wa-tree-item
          data-id=${u.id}
          ?selected=${u.id === this.selectedId}
          ?expanded=${Boolean(this.text) || parentId === null || u.id === this.tenant?.id}
          class=${u.status === 'archived' ? 'archived' : ''}
        >
          ${this.#name(u)}${u.status === 'archived' ? html` <span>(${msg('archived', { id: 'tenants.archivedTag' })})</span>` : nothing}
          ${this.#tree(u.id, shown, children)}
        </wa-tree-item>`,
      );
  }

  #select(event: CustomEvent<{ selection: HTMLElement[] }>): void {
    const id = event.detail.selection[0]?.dataset.id;
    if (id) this.selectedId = id;
  }

  async #open(mode: Mode): Promise<void> {
    this.errors = {};
    this.formError = undefined;
    this.impact = undefined;
    if (mode === 'merge' || mode === 'archive') {
      try {
        this.impact = await this.api!.get<UnitImpact>(`/api/core/tenants/${encodeURIComponent(this.selectedId!)}/impact`, { query: { action: mode } });
      } catch {
        return; // shown by the client
      }
    }
    this.mode = mode;
  }

  #closed(event: Event): void {
    if (event.target === event.currentTarget) this.mode = undefined;
  }

  #fail(error: unknown): void {
    ({ errors: this.errors, formError: this.formError } = formFailure(error));
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = formText(event.target as HTMLFormElement);
    const unit = this.units.find((u) => u.id === this.selectedId);
    if (!unit || !this.mode) return;
    // The server refuses a blocked archive or merge; the disabled button is not the only way to submit (Enter).
    if ((this.mode === 'merge' || this.mode === 'archive') && (this.impact?.blockers.length ?? 0) > 0) return;
    const required = msg('This field is required.', { id: 'settingsForm.error.required' });
    const errors: Record<string, string> = {};
    if ((this.mode === 'create' || this.mode === 'rename') && !data.nameVi) errors.nameVi = required;
    if ((this.mode === 'create' || this.mode === 'rename') && !data.slug) errors.slug = required;
    if (data.slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(data.slug)) errors.slug = msg('Lower-case letters without accents, digits and single hyphens.', { id: 'tenants.error.slug' });
    if (this.mode === 'merge' && !data.successorId) errors.successorId = required;
    if ((this.mode === 'merge' || this.mode === 'archive') && !data.effectiveDate) errors.effectiveDate = required;
    this.errors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length > 0) return;
    const api = this.api!;
    this.busy = true;
    try {
      switch (this.mode) {
        case 'create': {
          const created = await api.post<Unit>('/api/core/tenants', {
            slug: data.slug,
            nameVi: data.nameVi,
            nameEn: data.nameEn || null,
            kind: data.kind,
            parentId: unit.id,
          });
          this.selectedId = created.id;
          toast(this, msg(str`${created.nameVi} created.`, { id: 'tenants.toast.created' }));
          break;
        }
        case 'rename':
          await api.patch(`/api/core/tenants/${encodeURIComponent(unit.id)}`, { nameVi: data.nameVi, nameEn: data.nameEn || null, slug: data.slug });
          toast(this, msg('The unit was renamed.', { id: 'tenants.toast.renamed' }));
          break;
        case 'merge': {
          await api.post('/api/core/tenants/merge', { sourceIds: [unit.id], successorId: data.successorId, effectiveDate: data.effectiveDate });
          const target = this.units.find((u) => u.id === data.successorId);
          toast(this, msg(str`${this.#name(unit)} was merged into ${this.#name(target)}.`, { id: 'tenants.toast.merged' }));
          this.selectedId = data.successorId;
          break;
        }
        case 'archive':
          await api.post(`/api/core/tenants/${encodeURIComponent(unit.id)}/archive`, {
            effectiveDate: data.effectiveDate,
            ...(data.successorId ? { successorId: data.successorId } : {}),
          });
          toast(this, msg(str`${this.#name(unit)} was archived.`, { id: 'tenants.toast.archived' }));
          break;
      }
      this.mode = undefined;
      await this.load();
    } catch (error) {
      this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  #impactList(impact: UnitImpact, unit: Unit): TemplateResult {
    const blockers = impact.blockers.map((b) =>
      b === 'active-children'
        ? msg(str`${impact.activeChildren} units directly below are still active: merge or archive them first.`, { id: 'tenants.impact.blockChildren' })
        : b === 'archived'
          ? msg('The unit is already archived.', { id: 'tenants.impact.blockArchived' })
          : b,
    );
    return html`
      ${blockers.map((b) => html`<p class="blocker" role="alert">${b}</p>`)}
      <p>${msg(str`What changes for ${this.#name(unit)}:`, { id: 'tenants.impact.intro' })}</p>
      <ul class="impact" data-impact>
        <li>${msg(str`${impact.activeDescendants} active units below it`, { id: 'tenants.impact.descendants' })}</li>
        <li>${msg(str`${impact.users.inUnit} accounts hold ${impact.grants.inUnit} roles in the unit (${impact.users.inSubtree} accounts, ${impact.grants.inSubtree} roles with the units below)`, { id: 'tenants.impact.grants' })}</li>
        <li>${msg(str`${impact.apiTokens} API tokens stop working`, { id: 'tenants.impact.tokens' })}</li>
        <li>
          ${impact.plugins.length === 0
            ? msg('No module is on in the unit', { id: 'tenants.impact.noPlugins' })
            : msg(str`Modules on in the unit: ${impact.plugins.join(', ')}`, { id: 'tenants.impact.plugins' })}
        </li>
        ${impact.hosts.length > 0
          ? html`<li>
              ${impact.action === 'merge'
                ? msg(str`Addresses that will redirect to the merged unit: ${impact.hosts.join(', ')}`, { id: 'tenants.impact.hostsMerge' })
                : msg(str`Addresses of the unit: ${impact.hosts.join(', ')} (they redirect only if you name a successor)`, { id: 'tenants.impact.hostsArchive' })}
            </li>`
          : nothing}
        ${impact.formerSlugs > 0 ? html`<li>${msg(str`${impact.formerSlugs} former short names that redirect too`, { id: 'tenants.impact.formerSlugs' })}</li>` : nothing}
      </ul>
      <p>${msg('Nothing is deleted: the unit stays in the records as archived.', { id: 'tenants.impact.kept' })}</p>
    `;
  }

  #dialog(unit: Unit | undefined) {
    const e = this.errors;
    const mode = this.mode;
    const targets = this.units.filter((u) => u.status === 'active' && u.id !== unit?.id);
    const title =
      mode === 'create'
        ? msg(str`New unit below ${this.#name(unit)}`, { id: 'tenants.create.title' })
        : mode === 'rename'
          ? msg(str`Rename ${this.#name(unit)}`, { id: 'tenants.rename.title' })
          : mode === 'merge'
            ? msg(str`Merge ${this.#name(unit)} into another unit`, { id: 'tenants.merge.title' })
            : mode === 'archive'
              ? msg(str`Archive ${this.#name(unit)}`, { id: 'tenants.archive.title' })
              : '';
    const blocked = (this.impact?.blockers.length ?? 0) > 0 && (mode === 'merge' || mode === 'archive');
    const names =
      mode === 'create' || mode === 'rename'
        ? html`${field({ id: 'unit-nameVi', label: msg('Name in Vietnamese', { id: 'tenants.field.nameVi' }), error: e.nameVi, required: true }, (a) =>
            html`<input id=${a.id} name="nameVi" maxlength="300" required autofocus .value=${mode === 'rename' ? (unit?.nameVi ?? '') : ''} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`,
          )}
          ${field({ id: 'unit-nameEn', label: msg('Name in English', { id: 'tenants.field.nameEn' }), error: e.nameEn }, (a) =>
            html`<input id=${a.id} name="nameEn" maxlength="300" .value=${mode === 'rename' ? (unit?.nameEn ?? '') : ''} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`,
          )}
          ${field(
            {
              id: 'unit-slug',
              label: msg('Short name (slug)', { id: 'tenants.field.slug' }),
              error: e.slug,
              required: true,
              hint:
                mode === 'rename'
                  ? msg('Used in addresses. The old short name keeps redirecting.', { id: 'tenants.field.slug.hintRename' })
                  : msg('Used in addresses: lower-case letters without accents, digits and hyphens.', { id: 'tenants.field.slug.hint' }),
            },
            (a) =>
              html`<input id=${a.id} name="slug" maxlength="100" required pattern="[a-z0-9]+(-[a-z0-9]+)*" .value=${mode === 'rename' ? (unit?.slug ?? '') : ''} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`,
          )}`
        : nothing;
    const body =
      mode === 'create'
        ? html`${names}
          ${field({ id: 'unit-kind', label: msg('Kind', { id: 'tenants.field.kind' }), error: e.kind, required: true }, (a) =>
            html`<select id=${a.id} name="kind" aria-describedby=${a.describedBy} aria-invalid=${a.invalid}>
              ${KINDS.filter((k) => k !== 'province').map((k) => html`<option value=${k}>${this.#kind(k)}</option>`)}
            </select>`,
          )}`
        : mode === 'rename'
          ? names
          : mode === 'merge' || mode === 'archive'
            ? html`${this.impact && unit ? this.#impactList(this.impact, unit) : nothing}
              ${field(
                {
                  id: 'unit-successor',
                  label: mode === 'merge' ? msg('Merge into', { id: 'tenants.field.successor' }) : msg('Successor (optional)', { id: 'tenants.field.successorOptional' }),
                  error: e.successorId,
                  required: mode === 'merge',
                  hint: mode === 'archive' ? msg('Its addresses then redirect to the successor.', { id: 'tenants.field.successor.hint' }) : undefined,
                },
                (a) => html`<select id=${a.id} name="successorId" ?required=${mode === 'merge'} aria-describedby=${a.describedBy} aria-invalid=${a.invalid}>
                  <option value="">${mode === 'merge' ? msg('Choose a unit', { id: 'tenants.field.chooseUnit' }) : msg('None', { id: 'users.grants.none' })}</option>
                  ${targets.map((u) => html`<option value=${u.id}>${this.#name(u)}</option>`)}
                </select>`,
              )}
              ${field(
                {
                  id: 'unit-date',
                  label: msg('Effective date', { id: 'tenants.field.effectiveDate' }),
                  error: e.effectiveDate,
                  required: true,
                  hint: msg('The unit is archived the day before this date.', { id: 'tenants.field.effectiveDate.hint' }),
                },
                (a) => html`<input id=${a.id} name="effectiveDate" type="date" required .value=${today()} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`,
              )}`
            : nothing;
    const confirm =
      mode === 'create'
        ? msg('Create the unit', { id: 'tenants.create.submit' })
        : mode === 'rename'
          ? msg('Save the names', { id: 'tenants.rename.submit' })
          : mode === 'merge'
            ? msg('Merge the unit', { id: 'tenants.merge.submit' })
            : msg('Archive the unit', { id: 'tenants.archive.submit' });
    return html`<wa-dialog label=${title} ?open=${mode !== undefined} @wa-after-hide=${(ev: Event) => this.#closed(ev)}>
      <form id="unit-form" class="stack" novalidate @submit=${(ev: SubmitEvent) => this.#submit(ev)}>
        ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing} ${body}
      </form>
      <wa-button slot="footer" appearance="outlined" data-dialog="close" ?autofocus=${mode === 'merge' || mode === 'archive'}>${msg('Cancel', { id: 'confirm.cancel' })}</wa-button>
      <wa-button
        slot="footer"
        variant=${mode === 'merge' || mode === 'archive' ? 'danger' : 'brand'}
        ?loading=${this.busy}
        ?disabled=${blocked}
        @click=${() => this.renderRoot.querySelector<HTMLFormElement>('#unit-form')?.requestSubmit()}
        >${confirm}</wa-button
      >
    </wa-dialog>`;
  }

  override render() {
    const byId = new Map(this.units.map((u) => [u.id, u]));
    const children = new Map<string | null, Unit[]>();
    for (const u of this.units) {
      const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), u]);
    }
    for (const list of children.values()) list.sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
    const shown = this.#visible();
    const unit = this.selectedId ? byId.get(this.selectedId) : undefined;
    const parent = unit?.parentId ? byId.get(unit.parentId) : undefined;
    const successor = unit?.successorId ? byId.get(unit.successorId) : undefined;
    return html`
      <h1>${msg('Units', { id: 'tenants.title' })}</h1>
      <div class="toolbar">
        ${field({ id: 'units-search', label: msg('Search units', { id: 'tenants.search' }), hint: msg('Accents optional: "quang tri" finds "Quảng Trị".', { id: 'tenants.search.hint' }) }, (a) =>
          html`<input id=${a.id} type="search" maxlength="100" .value=${this.text} aria-describedby=${a.describedBy} @input=${(ev: Event) => (this.text = (ev.target as HTMLInputElement).value)} />`,
        )}
        <label class="check"
          ><input type="checkbox" .checked=${this.showArchived} @change=${(ev: Event) => (this.showArchived = (ev.target as HTMLInputElement).checked)} />${msg('Show archived units', {
            id: 'tenants.showArchived',
          })}</label
        >
      </div>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : nothing}
      <div class="layout">
        <section aria-labelledby="tree-title">
          <h2 id="tree-title">${msg('Organisation', { id: 'tenants.tree' })}</h2>
          <p role="status" class="muted">
            ${this.loading ? msg('Loading…', { id: 'dataTable.loading' }) : shown.size === 0 ? msg('No unit matches the search.', { id: 'tenants.emptySearch' }) : ''}
          </p>
          ${shown.size > 0
            ? html`<wa-tree selection="single" aria-labelledby="tree-title" @wa-selection-change=${(ev: CustomEvent<{ selection: HTMLElement[] }>) => this.#select(ev)}>
                ${this.#tree(null, shown, children)}
              </wa-tree>`
            : nothing}
        </section>
        <section aria-labelledby="unit-title">
          ${unit
            ? html`<h2 id="unit-title">${this.#name(unit)}</h2>
                <dl>
                  <dt>${msg('Name in Vietnamese', { id: 'tenants.field.nameVi' })}</dt>
                  <dd>${unit.nameVi}</dd>
                  <dt>${msg('Name in English', { id: 'tenants.field.nameEn' })}</dt>
                  <dd>${unit.nameEn ?? '—'}</dd>
                  <dt>${msg('Short name (slug)', { id: 'tenants.field.slug' })}</dt>
                  <dd><code>${unit.slug}</code></dd>
                  <dt>${msg('Kind', { id: 'tenants.field.kind' })}</dt>
                  <dd>${this.#kind(unit.kind)}</dd>
                  <dt>${msg('Part of', { id: 'tenants.field.parent' })}</dt>
                  <dd>${parent ? this.#name(parent) : '—'}</dd>
                  <dt>${msg('Status', { id: 'users.col.status' })}</dt>
                  <dd>
                    ${unit.status === 'archived'
                      ? successor
                        ? msg(str`Archived; succeeded by ${this.#name(successor)}`, { id: 'tenants.status.archivedBy' })
                        : msg('Archived', { id: 'tenants.status.archived' })
                      : msg('Active', { id: 'users.status.active' })}
                  </dd>
                </dl>
                ${this.#canManage && unit.status === 'active'
                  ? html`<div class="actions">
                      <wa-button variant="brand" @click=${() => this.#open('create')}>${msg('New unit below', { id: 'tenants.action.create' })}</wa-button>
                      <wa-button appearance="outlined" @click=${() => this.#open('rename')}>${msg('Rename', { id: 'tenants.action.rename' })}</wa-button>
                      ${unit.parentId
                        ? html`<wa-button variant="danger" appearance="outlined" @click=${() => this.#open('merge')}>${msg('Merge…', { id: 'tenants.action.merge' })}</wa-button>
                            <wa-button variant="danger" appearance="outlined" @click=${() => this.#open('archive')}>${msg('Archive…', { id: 'tenants.action.archive' })}</wa-button>`
                        : nothing}
                    </div>`
                  : nothing}`
            : html`<p id="unit-title" class="muted">${msg('Choose a unit in the tree.', { id: 'tenants.choose' })}</p>`}
        </section>
      </div>
      ${this.#dialog(unit)}
    `;
  }
}

TenantsPage.define('cong-tenants-page', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-tenants-page': TenantsPage;
  }
}
