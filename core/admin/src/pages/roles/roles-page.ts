import { css, html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/badge/badge.js';
import '../../components/data-table/data-table.js';
import '../../components/confirm-dialog/confirm-dialog.js';
import type { DataColumn, DataLoader, DataTable } from '../../components/data-table/data-table.js';
import type { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog.js';
import { field } from '../../components/shared/field.js';
import { bilingual, fold, formFailure, pageStyles, toast } from '../../components/shared/shared.js';
import { pluginName, type AdminManifest, type PluginDisplayName } from '../../app/session.js';
import { unitName } from '../modules/modules-page.js';

/** One role of `GET /api/core/roles`. */
export interface RoleItem {
  readonly id: string;
  readonly labelVi: string;
  readonly labelEn?: string | null;
  readonly permissions: readonly string[];
  readonly builtin: boolean;
}

/** One permission of `GET /api/core/permissions`: what a role can hold. */
export interface PermissionItem {
  readonly id: string;
  readonly label: { readonly vi: string; readonly en?: string };
  /** The plugin that declares it (`core` for the core's own). */
  readonly plugin: string;
}

/** The permissions of one plugin, as the form groups them. */
interface PermissionGroup {
  readonly plugin: string;
  readonly name: string;
  readonly items: readonly PermissionItem[];
}

/** The id pattern of `PUT /api/core/roles/:id`. */
export const ROLE_ID_PATTERN = /^[a-z][a-z0-9-]{1,59}$/;

/**
 * The id suggested for a role's Vietnamese name: folded to ASCII kebab-case, starting with a letter,
 * at most 60 characters ("Biên tập viên" → `bien-tap-vien`).
 */
export function suggestRoleId(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The wildcard that stands for every permission of a plugin (`portal.*`). */
const wildcard = (plugin: string) => `${plugin}.*`;

/** Whether the current unit is the root of the tree, where roles are defined (the server checks again). */
function isProvince(tenant: AdminTenant | undefined): boolean {
  if (!tenant) return false;
  const parentId = (tenant as AdminTenant & { parentId?: string | null }).parentId;
  return parentId === undefined ? tenant.kind === 'province' : parentId === null;
}

/**
 * `/admin/core/roles`: the platform's roles (built-in and the province's own), creating and changing a
 * role (its names and its permissions, grouped by plugin, a whole plugin as `plugin.*`) and deleting
 * one that nobody holds. Roles are one list for every unit: outside the province the page only lists
 * them.
 */
export class RolesPage extends CongElement {
  static override styles = [
    pageStyles,
    css`
      .who { display: grid; }
      .who small { color: var(--cong-color-text-quiet, #535353); }
      code { font-size: 0.875rem; word-break: break-all; }
      wa-dialog { --width: 44rem; }
      .row-actions { display: flex; flex-wrap: wrap; gap: 0.25rem; }
      .notice { border: 1px solid var(--cong-color-border, #c9ccd1); border-inline-start: 0.3rem solid var(--cong-color-warning, #b35c00); border-radius: var(--cong-radius, 0.375rem); padding: 0.5rem 1rem; background: var(--cong-color-surface, #ffffff); }
      fieldset.permissions { gap: 0.75rem; }
      fieldset.permissions > fieldset { gap: 0.4rem; }
      ul.perms { list-style: none; margin: 0; padding-inline-start: 1.5rem; display: grid; gap: 0.3rem; }
      .check code { color: var(--cong-color-text-quiet, #535353); }
      .whole { font-weight: 600; }
      fieldset.plain { border: none; padding: 0; }
    `,
  ];
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    roles: { state: true },
    catalogue: { state: true },
    pluginNames: { state: true },
    dialogOpen: { state: true },
    editing: { state: true },
    roleId: { state: true },
    labelVi: { state: true },
    labelEn: { state: true },
    selected: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
    notice: { state: true },
    refused: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** The roles the table shows (kept for the form's id check and the permission counts). */
  declare roles: readonly RoleItem[];
  declare catalogue: readonly PermissionItem[];
  /** Plugins' display names by id, from the modules list or the admin manifest. */
  declare pluginNames: ReadonlyMap<string, PluginDisplayName | null>;
  declare dialogOpen: boolean;
  /** The role the dialog changes; undefined while creating one. */
  declare editing: RoleItem | undefined;
  declare roleId: string;
  declare labelVi: string;
  declare labelEn: string;
  /** The permissions the form gives, wildcards (`news.*`) included. */
  declare selected: ReadonlySet<string>;
  declare errors: Readonly<Record<string, string>>;
  declare formError: string | undefined;
  declare busy: boolean;
  /** Why the last deletion was refused. */
  declare notice: string | undefined;
  /** The server said roles are defined at the province only. */
  declare refused: boolean;

  #loader: DataLoader<RoleItem> | undefined;
  /** The id was typed by hand: stop suggesting one from the name. */
  #idTouched = false;

  constructor() {
    super();
    this.roles = [];
    this.catalogue = [];
    this.pluginNames = new Map();
    this.dialogOpen = false;
    this.roleId = '';
    this.labelVi = '';
    this.labelEn = '';
    this.selected = new Set();
    this.errors = {};
    this.busy = false;
    this.refused = false;
  }

  get #table(): DataTable<RoleItem> | null {
    return this.renderRoot.querySelector('cong-data-table') as DataTable<RoleItem> | null;
  }

  get #confirm(): ConfirmDialog {
    return this.renderRoot.querySelector('cong-confirm-dialog')!;
  }

  /** Roles can be changed from here: the current unit is the province. */
  get #editable(): boolean {
    return isProvince(this.tenant) && !this.refused;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) {
      const api = this.api;
      this.#loader = api
        ? async (query, signal) => {
            const { items } = await api.get<{ items: RoleItem[] }>('/api/core/roles', { signal });
            const sorted = [...items].sort((a, b) => this.#name(a).localeCompare(this.#name(b), 'vi'));
            this.roles = sorted;
            return { items: sorted.slice(query.offset, query.offset + query.limit), total: sorted.length };
          }
        : undefined;
      if (api) void this.#loadLookups();
    }
    if (changed.has('tenant')) this.refused = false;
  }

  async #loadLookups(): Promise<void> {
    const api = this.api!;
    const can = (p: string) => this.user?.permissions.includes(p) ?? true;
    const [permissions, modules, manifest] = await Promise.all([
      api.get<{ items: PermissionItem[] }>('/api/core/permissions').catch(() => ({ items: [] })),
      can('core.modules.manage')
        ? api.get<{ items: { plugin: string; name: PluginDisplayName | null }[] }>('/api/core/modules').catch(() => ({ items: [] }))
        : { items: [] },
      api.get<AdminManifest>('/api/core/admin/manifest').catch(() => ({ plugins: [] }) as Pick<AdminManifest, 'plugins'>),
    ]);
    const names = new Map<string, PluginDisplayName | null>();
    for (const p of manifest.plugins ?? []) if (p.name) names.set(p.id, p.name);
    for (const m of modules.items ?? []) if (m.name) names.set(m.plugin, m.name);
    this.pluginNames = names;
    this.catalogue = permissions.items;
  }

  #name(role: RoleItem): string {
    return bilingual({ vi: role.labelVi, en: role.labelEn ?? null }) ?? role.id;
  }

  /** The catalogue by plugin: the core first, then the plugins by name. */
  #groups(): PermissionGroup[] {
    const byPlugin = new Map<string, PermissionItem[]>();
    for (const p of this.catalogue) byPlugin.set(p.plugin, [...(byPlugin.get(p.plugin) ?? []), p]);
    return [...byPlugin]
      .map(([plugin, items]) => ({
        plugin,
        name: plugin === 'core' ? msg('Core platform', { id: 'roles.group.core' }) : pluginName(plugin, this.pluginNames.get(plugin)),
        items,
      }))
      .sort((a, b) => (a.plugin === 'core' ? -1 : b.plugin === 'core' ? 1 : a.name.localeCompare(b.name, 'vi')));
  }

  /** How many permissions a role gives, a wildcard counting as each permission it covers. */
  #count(role: RoleItem): string {
    if (role.permissions.includes('*')) return msg('All', { id: 'roles.count.all' });
    const ids = new Set<string>();
    for (const p of role.permissions) {
      const covered = p.endsWith('.*') ? this.catalogue.filter((c) => c.id.startsWith(p.slice(0, -1))).map((c) => c.id) : [];
      for (const id of covered.length > 0 ? covered : [p]) ids.add(id);
    }
    return String(ids.size);
  }

  #columns(): DataColumn<RoleItem>[] {
    const editable = this.#editable;
    return [
      {
        id: 'name',
        header: msg('Name', { id: 'roles.col.name' }),
        rowHeader: true,
        cell: (r) => html`<span class="who"><span lang="vi">${r.labelVi}</span> ${r.labelEn ? html`<small lang="en">${r.labelEn}</small>` : nothing}</span>`,
      },
      { id: 'id', header: msg('Id', { id: 'roles.col.id' }), cell: (r) => html`<code>${r.id}</code>` },
      { id: 'permissions', header: msg('Permissions', { id: 'roles.col.permissions' }), cell: (r) => this.#count(r) },
      {
        id: 'builtin',
        header: msg('Kind', { id: 'roles.col.kind' }),
        cell: (r) =>
          r.builtin
            ? html`<wa-badge variant="neutral" appearance="outlined">${msg('Built-in', { id: 'roles.builtin' })}</wa-badge>`
            : msg('Custom', { id: 'roles.custom' }),
      },
      {
        id: 'actions',
        header: msg('Actions', { id: 'roles.col.actions' }),
        headerHidden: true,
        cell: (r) => html`<div class="row-actions">
          <wa-button size="s" appearance="outlined" @click=${() => this.#openEdit(r)}
            >${editable ? msg('Edit', { id: 'roles.action.edit' }) : msg('View', { id: 'roles.action.view' })}<span class="visually-hidden"> ${this.#name(r)}</span></wa-button
          >
          ${editable && !r.builtin
            ? html`<wa-button size="s" variant="danger" appearance="outlined" @click=${() => this.#delete(r)}
                >${msg('Delete', { id: 'roles.action.delete' })}<span class="visually-hidden"> ${this.#name(r)}</span></wa-button
              >`
            : nothing}
        </div>`,
      },
    ];
  }

  #openCreate(): void {
    this.editing = undefined;
    this.roleId = '';
    this.labelVi = '';
    this.labelEn = '';
    this.selected = new Set();
    this.#idTouched = false;
    this.#openDialog();
  }

  #openEdit(role: RoleItem): void {
    this.editing = role;
    this.roleId = role.id;
    this.labelVi = role.labelVi;
    this.labelEn = role.labelEn ?? '';
    this.selected = new Set(role.permissions);
    this.#idTouched = true;
    this.#openDialog();
  }

  #openDialog(): void {
    this.errors = {};
    this.formError = undefined;
    this.notice = undefined;
    this.dialogOpen = true;
  }

  #closeDialog(event?: Event): void {
    if (event && event.target !== event.currentTarget) return;
    this.dialogOpen = false;
  }

  #nameInput(value: string): void {
    this.labelVi = value;
    if (!this.editing && !this.#idTouched) this.roleId = suggestRoleId(value);
  }

  #idInput(value: string): void {
    this.roleId = value;
    this.#idTouched = value !== '';
  }

  #toggle(permission: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(permission);
    else next.delete(permission);
    this.selected = next;
  }

  /** What the form sends: the catalogue's order, a whole plugin as its wildcard, unknown entries kept. */
  #permissionsToSend(): string[] {
    const out: string[] = [];
    const listed = new Set<string>();
    for (const group of this.#groups()) {
      listed.add(wildcard(group.plugin));
      for (const p of group.items) listed.add(p.id);
      if (this.selected.has(wildcard(group.plugin))) out.push(wildcard(group.plugin));
      else for (const p of group.items) if (this.selected.has(p.id)) out.push(p.id);
    }
    for (const p of this.selected) if (!listed.has(p)) out.push(p);
    return out;
  }

  /** Entries of the role the catalogue does not list (`*`, a removed plugin's): kept unless unticked. */
  #others(): string[] {
    const listed = new Set(this.catalogue.flatMap((p) => [p.id, wildcard(p.plugin)]));
    const original = this.editing?.permissions ?? [];
    return [...new Set([...original, ...this.selected])].filter((p) => !listed.has(p));
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.#editable) return;
    const errors: Record<string, string> = {};
    const required = msg('This field is required.', { id: 'settingsForm.error.required' });
    const id = this.roleId.trim();
    const vi = this.labelVi.trim();
    const en = this.labelEn.trim();
    if (!vi) errors.labelVi = required;
    if (!this.editing) {
      if (!id) errors.id = required;
      else if (!ROLE_ID_PATTERN.test(id)) errors.id = msg('Use 2 to 60 lower-case letters, digits and "-", starting with a letter.', { id: 'roles.error.idPattern' });
      else if (this.roles.some((r) => r.id === id)) errors.id = msg('A role with this id exists already.', { id: 'roles.error.idTaken' });
    }
    this.errors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length > 0) return;
    const permissions = this.#permissionsToSend();
    const roleId = this.editing?.id ?? id;
    this.busy = true;
    try {
      await this.api!.put<RoleItem>(`/api/core/roles/${encodeURIComponent(roleId)}`, { label: { vi, ...(en ? { en } : {}) }, permissions });
      this.dialogOpen = false;
      toast(
        this,
        this.editing ? msg(str`Role ${vi} saved.`, { id: 'roles.toast.saved' }) : msg(str`Role ${vi} created.`, { id: 'roles.toast.created' }),
      );
      await this.#table?.reload();
    } catch (error) {
      this.#fail(error, permissions);
    } finally {
      this.busy = false;
    }
  }

  /** A refused save: each reason beside its field, in the page's language where the API's code says what happened. */
  #fail(error: unknown, sent: readonly string[]): void {
    const failure = formFailure(error);
    const api = error as ApiError;
    const errors: Record<string, string> = {};
    let formError = failure.formError;
    for (const e of api.errors) {
      const at = e.pointer.split('/').filter(Boolean);
      if (e.in === 'params' && at[0] === 'id') errors.id ??= msg('Use 2 to 60 lower-case letters, digits and "-", starting with a letter.', { id: 'roles.error.idPattern' });
      if (e.in !== 'body') continue;
      if (at[0] === 'label') {
        if (at[1] === 'en') errors.labelEn ??= e.message;
        else errors.labelVi ??= e.message;
      } else if (at[0] === 'permissions') {
        const index = Number(at[1]);
        const permission = Number.isInteger(index) ? sent[index] : undefined;
        errors.permissions ??= permission ? msg(str`${permission} is not a known permission.`, { id: 'roles.error.unknownPermission' }) : e.message;
      } else errors[at[0] ?? ''] ??= e.message;
    }
    if (Object.keys(errors).length > 0) formError = undefined;
    if (api.code === 'CONG_ERR_ROLES_AT_PROVINCE') {
      this.refused = true;
      formError = msg('Roles are shared by every unit: they are defined while working in the province.', { id: 'roles.error.atProvince' });
    } else if (api.status === 403) {
      const permission = /Permission (\S+) is required/.exec(api.message)?.[1];
      if (permission) {
        errors.permissions = msg(str`You do not hold ${permission} yourself, so you cannot put it in a role.`, { id: 'roles.error.notHeld' });
        formError = undefined;
      }
    }
    this.errors = errors;
    this.formError = formError;
  }

  /** Why a deletion was refused, in the page's language. */
  #refusal(error: ApiError, role: RoleItem): string {
    const name = this.#name(role);
    switch (error.code) {
      case 'CONG_ERR_ROLE_IN_USE': {
        const count = /granted (\d+) times/.exec(error.message)?.[1];
        return count
          ? msg(str`${name} cannot be deleted: it is still granted ${count} times. Revoke those grants on the Accounts page first.`, { id: 'roles.refused.inUseCount' })
          : msg(str`${name} cannot be deleted: it is still granted. Revoke those grants on the Accounts page first.`, { id: 'roles.refused.inUse' });
      }
      case 'CONG_ERR_ROLE_BUILTIN':
        return msg(str`${name} is a built-in role and cannot be deleted.`, { id: 'roles.refused.builtin' });
      case 'CONG_ERR_ROLES_AT_PROVINCE':
        return msg('Roles are shared by every unit: they are defined while working in the province.', { id: 'roles.error.atProvince' });
      default:
        return error.message;
    }
  }

  async #delete(role: RoleItem): Promise<void> {
    this.notice = undefined;
    const ok = await this.#confirm.confirm({
      label: msg('Delete a role', { id: 'roles.delete.title' }),
      body: html`<p>${msg(str`The role ${this.#name(role)} (${role.id}) will be deleted. A role still granted to someone cannot be deleted.`, { id: 'roles.delete.body' })}</p>`,
      confirmLabel: msg('Delete the role', { id: 'roles.delete.confirm' }),
      variant: 'danger',
    });
    if (!ok) return;
    try {
      await this.api!.delete(`/api/core/roles/${encodeURIComponent(role.id)}`);
      toast(this, msg(str`Role ${this.#name(role)} deleted.`, { id: 'roles.toast.deleted' }));
      await this.#table?.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'CONG_ERR_ROLES_AT_PROVINCE') this.refused = true;
      this.notice = this.#refusal(error, role);
    }
  }

  /** Footer buttons sit outside the form in the dialog's footer slot: submit it explicitly. */
  #submit(): void {
    this.renderRoot.querySelector<HTMLFormElement>('#role-form')?.requestSubmit();
  }

  #permissionsField() {
    const error = this.errors.permissions;
    const others = this.#others();
    return html`<fieldset class="permissions" id="role-permissions" aria-describedby=${error ? 'role-permissions-error' : nothing}>
      <legend>${msg('Permissions', { id: 'roles.col.permissions' })}</legend>
      ${error ? html`<span class="field-error" id="role-permissions-error">${error}</span>` : nothing}
      ${this.catalogue.length === 0 ? html`<p class="muted">${msg('The list of permissions could not be loaded.', { id: 'roles.permissions.none' })}</p>` : nothing}
      ${this.#groups().map((group) => {
        const whole = this.selected.has(wildcard(group.plugin));
        return html`<fieldset data-plugin=${group.plugin}>
          <legend>${group.name}${group.name !== group.plugin ? html` <code>${group.plugin}</code>` : nothing}</legend>
          <label class="check whole"
            ><input type="checkbox" name="permission" value=${wildcard(group.plugin)} .checked=${whole} @change=${(e: Event) => this.#toggle(wildcard(group.plugin), (e.target as HTMLInputElement).checked)} />${msg(
              str`The whole plugin, including permissions it adds later (${wildcard(group.plugin)})`,
              { id: 'roles.permissions.whole' },
            )}</label
          >
          <ul class="perms">
            ${group.items.map(
              (p) => html`<li>
                <label class="check"
                  ><input
                    type="checkbox"
                    name="permission"
                    value=${p.id}
                    .checked=${whole || this.selected.has(p.id)}
                    ?disabled=${whole}
                    @change=${(e: Event) => this.#toggle(p.id, (e.target as HTMLInputElement).checked)}
                  />${bilingual(p.label)} <code>${p.id}</code></label
                >
              </li>`,
            )}
          </ul>
        </fieldset>`;
      })}
      ${others.length > 0
        ? html`<fieldset data-plugin="">
            <legend>${msg('Other permissions', { id: 'roles.permissions.other' })}</legend>
            <ul class="perms">
              ${others.map(
                (p) => html`<li>
                  <label class="check"
                    ><input type="checkbox" name="permission" value=${p} .checked=${this.selected.has(p)} @change=${(e: Event) => this.#toggle(p, (e.target as HTMLInputElement).checked)} /><code
                      >${p}</code
                    ></label
                  >
                </li>`,
              )}
            </ul>
          </fieldset>`
        : nothing}
    </fieldset>`;
  }

  #dialog() {
    const e = this.errors;
    const editable = this.#editable;
    const title = !this.editing
      ? msg('New role', { id: 'roles.create.title' })
      : editable
        ? msg(str`Change the role ${this.#name(this.editing)}`, { id: 'roles.edit.title' })
        : msg(str`The role ${this.#name(this.editing)}`, { id: 'roles.view.title' });
    return html`<wa-dialog label=${title} ?open=${this.dialogOpen} @wa-after-hide=${(ev: Event) => this.#closeDialog(ev)}>
      <form id="role-form" class="stack" novalidate @submit=${(ev: SubmitEvent) => this.#save(ev)}>
        ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
        <fieldset class="stack plain" ?disabled=${!editable}>
          ${field({ id: 'role-labelVi', label: msg('Name in Vietnamese', { id: 'roles.field.labelVi' }), error: e.labelVi, required: true }, (a) =>
            html`<input
              id=${a.id}
              name="labelVi"
              lang="vi"
              maxlength="120"
              autocomplete="off"
              required
              .value=${this.labelVi}
              aria-describedby=${a.describedBy}
              aria-invalid=${a.invalid}
              autofocus
              @input=${(ev: Event) => this.#nameInput((ev.target as HTMLInputElement).value)}
            />`,
          )}
          ${field({ id: 'role-labelEn', label: msg('Name in English', { id: 'roles.field.labelEn' }), error: e.labelEn }, (a) =>
            html`<input
              id=${a.id}
              name="labelEn"
              lang="en"
              maxlength="120"
              autocomplete="off"
              .value=${this.labelEn}
              aria-describedby=${a.describedBy}
              aria-invalid=${a.invalid}
              @input=${(ev: Event) => (this.labelEn = (ev.target as HTMLInputElement).value)}
            />`,
          )}
          ${this.editing
            ? html`<p class="muted">${msg('Id', { id: 'roles.col.id' })}: <code>${this.editing.id}</code></p>`
            : field(
                {
                  id: 'role-id',
                  label: msg('Id', { id: 'roles.col.id' }),
                  error: e.id,
                  required: true,
                  hint: msg('Suggested from the Vietnamese name; cannot be changed later.', { id: 'roles.field.id.hint' }),
                },
                (a) =>
                  html`<input
                    id=${a.id}
                    name="id"
                    maxlength="60"
                    autocomplete="off"
                    spellcheck="false"
                    required
                    .value=${this.roleId}
                    aria-describedby=${a.describedBy}
                    aria-invalid=${a.invalid}
                    @input=${(ev: Event) => this.#idInput((ev.target as HTMLInputElement).value)}
                  />`,
              )}
          ${this.#permissionsField()}
        </fieldset>
      </form>
      <wa-button slot="footer" appearance="outlined" data-dialog="close">${editable ? msg('Cancel', { id: 'confirm.cancel' }) : msg('Close', { id: 'roles.close' })}</wa-button>
      ${editable
        ? html`<wa-button slot="footer" variant="brand" ?loading=${this.busy} @click=${() => this.#submit()}
            >${this.editing ? msg('Save the role', { id: 'roles.edit.submit' }) : msg('Create the role', { id: 'roles.create.submit' })}</wa-button
          >`
        : nothing}
    </wa-dialog>`;
  }

  override render() {
    const editable = this.#editable;
    return html`
      <h1>${msg('Roles', { id: 'roles.title' })}</h1>
      <p class="muted">${msg('A role is a set of permissions; granting it to an account in a unit gives them there. Roles are the same in every unit.', { id: 'roles.intro' })}</p>
      ${editable
        ? html`<div class="actions"><wa-button variant="brand" @click=${() => this.#openCreate()}>${msg('New role', { id: 'roles.create.title' })}</wa-button></div>`
        : html`<p class="notice" id="roles-province-notice">
            ${msg(str`Roles are defined at the province, for every unit. From ${unitName(this.tenant)} you can only look at them: switch to the province to create, change or delete one.`, {
              id: 'roles.notAtProvince',
            })}
          </p>`}
      ${this.notice ? html`<p class="form-error" role="alert" id="roles-notice">${this.notice}</p>` : nothing}
      <cong-data-table
        .label=${msg('Roles', { id: 'roles.title' })}
        .columns=${this.#columns()}
        .loader=${this.#loader}
        page-size="50"
        empty-text=${msg('No roles yet.', { id: 'roles.empty' })}
      ></cong-data-table>
      ${this.#dialog()}
      <cong-confirm-dialog></cong-confirm-dialog>
    `;
  }
}

RolesPage.define('cong-roles-page', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-roles-page': RolesPage;
  }
}
