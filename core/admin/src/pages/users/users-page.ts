import { css, html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/badge/badge.js';
import '../../components/data-table/data-table.js';
import '../../components/confirm-dialog/confirm-dialog.js';
import type { DataColumn, DataLoader, DataTable } from '../../components/data-table/data-table.js';
import type { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog.js';
import { field, formText } from '../../components/shared/field.js';
import { bilingual, fold, formatDateTime, formFailure, pageStyles, toast } from '../../components/shared/shared.js';
import type { TenantRecord } from '../../app/session.js';
import { unitName } from '../modules/modules-page.js';

/** A grant as the account list shows it. */
export interface GrantSummary {
  readonly id: string;
  readonly tenantId: string;
  readonly roleId: string;
  readonly subtree: boolean;
}

/** One account of `GET /api/core/users`. */
export interface AccountItem {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly status: 'active' | 'disabled';
  readonly isSuperAdmin?: boolean;
  readonly totpEnabled: boolean;
  readonly passwordSet?: boolean;
  readonly createdAt: string;
  readonly lastLoginAt?: string | null;
  /** Whether the caller may disable the account or reset its two-factor sign-in here. */
  readonly manageable?: boolean;
  readonly grants: readonly GrantSummary[];
}

export interface Role {
  readonly id: string;
  readonly labelVi: string;
  readonly labelEn?: string | null;
  readonly permissions: readonly string[];
  readonly builtin: boolean;
}

/** A unit as `GET /api/core/tenants` lists it. */
export type TenantItem = TenantRecord;

type Dialog = 'create' | 'access' | undefined;

/**
 * `/admin/core/users`: the accounts the caller manages, searchable and paged; inviting or creating an
 * account; granting a role in a unit (optionally with the units below) and revoking one; resetting
 * two-factor sign-in; disabling an account. Every consequential action asks first.
 */
export class UsersPage extends CongElement {
  static override styles = [
    pageStyles,
    css`
      wa-dialog { --width: 34rem; }
    `,
  ];
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    filters: { state: true },
    dialog: { state: true },
    current: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
    invite: { state: true },
    roles: { state: true },
    units: { state: true },
    unitText: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare filters: { text: string; status: '' | 'active' | 'disabled' };
  declare dialog: Dialog;
  /** The account the access dialog is for. */
  declare current: AccountItem | undefined;
  declare errors: Readonly<Record<string, string>>;
  declare formError: string | undefined;
  declare busy: boolean;
  /** Create by invitation (a link by e-mail) or with a password. */
  declare invite: boolean;
  declare roles: readonly Role[];
  declare units: readonly TenantItem[];
  declare unitText: string;

  #loader: DataLoader<AccountItem> | undefined;
  readonly #sorting = [{ id: 'displayName', desc: false }];
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #unitNames = new Map<string, string>();

  constructor() {
    super();
    this.filters = { text: '', status: '' };
    this.errors = {};
    this.busy = false;
    this.invite = true;
    this.roles = [];
    this.units = [];
    this.unitText = '';
  }

  get #table(): DataTable<AccountItem> | null {
    return this.renderRoot.querySelector('cong-data-table') as DataTable<AccountItem> | null;
  }

  get #confirm(): ConfirmDialog {
    return this.renderRoot.querySelector('cong-confirm-dialog')!;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) {
      const api = this.api;
      this.#loader = api
        ? (query, signal) =>
            api.get<{ items: AccountItem[]; total: number }>('/api/core/users', {
              signal,
              query: {
                limit: query.limit,
                offset: query.offset,
                ...(query.sort ? { sort: query.sort, order: query.order } : {}),
                ...(this.filters.text ? { text: this.filters.text } : {}),
                ...(this.filters.status ? { status: this.filters.status } : {}),
              },
            })
        : undefined;
      if (api) void this.#loadLookups();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  async #loadLookups(): Promise<void> {
    const api = this.api!;
    const can = (p: string) => this.user?.permissions.includes(p) ?? true;
    const [roles, units] = await Promise.all([
      can('core.access.manage') ? api.get<{ items: Role[] }>('/api/core/roles').catch(() => ({ items: [] })) : { items: [] },
      api.get<{ items: TenantItem[] }>('/api/core/tenants', { query: { limit: 500, status: 'active' } }).catch(() => ({ items: [] })),
    ]);
    this.roles = roles.items;
    this.units = units.items;
    this.#unitNames = new Map(units.items.map((u) => [u.id, this.#name(u)]));
  }

  #name(unit: TenantItem): string {
    return document.documentElement.lang?.startsWith('en') ? unit.nameEn || unit.nameVi : unit.nameVi;
  }

  #roleName(roleId: string): string {
    const role = this.roles.find((r) => r.id === roleId);
    return role ? (bilingual({ vi: role.labelVi, en: role.labelEn ?? null }) ?? role.id) : roleId;
  }

  #grantText(g: GrantSummary): string {
    const unit = this.#unitNames.get(g.tenantId) ?? g.tenantId;
    return g.subtree
      ? msg(str`${this.#roleName(g.roleId)} in ${unit} and the units below`, { id: 'users.grant.subtree' })
      : msg(str`${this.#roleName(g.roleId)} in ${unit}`, { id: 'users.grant.unit' });
  }

  #columns(): DataColumn<AccountItem>[] {
    return [
      {
        id: 'displayName',
        header: msg('Name', { id: 'users.col.name' }),
        sortable: true,
        rowHeader: true,
        cell: (u) => html`<span class="who">${u.displayName}<small>${u.username}</small></span>`,
      },
      { id: 'email', header: msg('E-mail', { id: 'users.col.email' }), cell: (u) => u.email ?? '' },
      {
        id: 'status',
        header: msg('Status', { id: 'users.col.status' }),
        cell: (u) =>
          u.status === 'disabled'
            ? html`<wa-badge variant="danger" appearance="outlined">${msg('Disabled', { id: 'users.status.disabled' })}</wa-badge>`
            : u.passwordSet === false
              ? html`<wa-badge variant="warning" appearance="outlined">${msg('Invited', { id: 'users.status.invited' })}</wa-badge>`
              : html`<wa-badge variant="success" appearance="outlined">${msg('Active', { id: 'users.status.active' })}</wa-badge>`,
      },
      {
        id: 'totpEnabled',
        header: msg('Two-factor', { id: 'users.col.totp' }),
        cell: (u) => (u.totpEnabled ? msg('On', { id: 'users.totp.on' }) : msg('Off', { id: 'users.totp.off' })),
      },
      {
        id: 'grants',
        header: msg('Roles', { id: 'users.col.grants' }),
        cell: (u) =>
          u.grants.length === 0
            ? html`<span class="muted">${msg('None', { id: 'users.grants.none' })}</span>`
            : html`<ul class="grants">
                ${u.grants.map((g) => html`<li>${this.#grantText(g)}</li>`)}
              </ul>`,
      },
      { id: 'createdAt', header: msg('Created', { id: 'users.col.created' }), sortable: true, cell: (u) => formatDateTime(u.createdAt) },
      { id: 'lastLoginAt', header: msg('Last sign-in', { id: 'users.col.lastLogin' }), sortable: true, cell: (u) => formatDateTime(u.lastLoginAt) },
      {
        id: 'actions',
        header: msg('Actions', { id: 'users.col.actions' }),
        headerHidden: true,
        cell: (u) => html`<div class="row-actions">
          <wa-button size="s" appearance="outlined" @click=${() => this.#openAccess(u)}
            >${msg('Roles…', { id: 'users.action.access' })}<span class="visually-hidden"> ${u.displayName}</span></wa-button
          >
          ${u.manageable !== false && u.totpEnabled
            ? html`<wa-button size="s" appearance="outlined" @click=${() => this.#resetTotp(u)}
                >${msg('Reset two-factor', { id: 'users.action.resetTotp' })}<span class="visually-hidden"> ${u.displayName}</span></wa-button
              >`
            : nothing}
          ${u.manageable !== false && u.status === 'active' && !u.isSuperAdmin
            ? html`<wa-button size="s" variant="danger" appearance="outlined" @click=${() => this.#disable(u)}
                >${msg('Disable', { id: 'users.action.disable' })}<span class="visually-hidden"> ${u.displayName}</span></wa-button
              >`
            : nothing}
        </div>`,
      },
    ];
  }

  #search(text: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.filters = { ...this.filters, text: text.trim() }), 300);
  }

  #openCreate(): void {
    this.errors = {};
    this.formError = undefined;
    this.invite = true;
    this.dialog = 'create';
  }

  #openAccess(u: AccountItem): void {
    this.errors = {};
    this.formError = undefined;
    this.current = u;
    this.unitText = '';
    this.dialog = 'access';
  }

  #closeDialog(event?: Event): void {
    if (event && event.target !== event.currentTarget) return;
    this.dialog = undefined;
  }

  #fail(error: unknown): void {
    ({ errors: this.errors, formError: this.formError } = formFailure(error));
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = formText(event.target as HTMLFormElement);
    const errors: Record<string, string> = {};
    const required = msg('This field is required.', { id: 'settingsForm.error.required' });
    if (!data.displayName) errors.displayName = required;
    if (!data.username) errors.username = required;
    if (this.invite && !data.email) errors.email = msg('An invitation needs an e-mail address.', { id: 'users.error.inviteEmail' });
    if (!this.invite && !data.password) errors.password = required;
    this.errors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length > 0) return;
    this.busy = true;
    try {
      await this.api!.post('/api/core/users', {
        username: data.username,
        displayName: data.displayName,
        ...(data.email ? { email: data.email } : {}),
        ...(this.invite ? { invite: true } : { password: data.password }),
      });
      this.dialog = undefined;
      toast(
        this,
        this.invite
          ? msg(str`Invitation sent to ${data.email}.`, { id: 'users.toast.invited' })
          : msg(str`Account ${data.username} created.`, { id: 'users.toast.created' }),
      );
      await this.#table?.reload();
    } catch (error) {
      this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  async #grant(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = formText(form);
    const subtree = (form.elements.namedItem('subtree') as HTMLInputElement | null)?.checked ?? false;
    const errors: Record<string, string> = {};
    const required = msg('This field is required.', { id: 'settingsForm.error.required' });
    if (!data.roleId) errors.roleId = required;
    if (!data.tenantId) errors.tenantId = required;
    this.errors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length > 0 || !this.current) return;
    const unit = this.units.find((u) => u.id === data.tenantId);
    this.busy = true;
    try {
      // A grant is made in the unit the call names.
      const grant = await this.api!.withTenant(unit?.slug ?? data.tenantId!).post<GrantSummary>('/api/core/grants', {
        userId: this.current.id,
        roleId: data.roleId,
        subtree,
      });
      this.current = { ...this.current, grants: [...this.current.grants, grant] };
      form.reset();
      toast(this, msg(str`${this.current.displayName}: ${this.#grantText(grant)}.`, { id: 'users.toast.granted' }));
      await this.#table?.reload();
    } catch (error) {
      this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  async #revoke(g: GrantSummary): Promise<void> {
    const u = this.current;
    if (!u) return;
    const ok = await this.#confirm.confirm({
      label: msg('Revoke a role', { id: 'users.revoke.title' }),
      body: html`<p>${msg(str`${u.displayName} will no longer be ${this.#grantText(g)}.`, { id: 'users.revoke.body' })}</p>`,
      confirmLabel: msg('Revoke', { id: 'users.revoke.confirm' }),
      variant: 'danger',
    });
    if (!ok) return;
    try {
      const unit = this.units.find((t) => t.id === g.tenantId);
      await this.api!.withTenant(unit?.slug ?? g.tenantId).delete(`/api/core/grants/${encodeURIComponent(g.id)}`);
      this.current = { ...u, grants: u.grants.filter((x) => x.id !== g.id) };
      toast(this, msg('Role revoked.', { id: 'users.toast.revoked' }));
      await this.#table?.reload();
    } catch {
      // shown by the client
    }
  }

  async #resetTotp(u: AccountItem): Promise<void> {
    const ok = await this.#confirm.confirm({
      label: msg('Reset two-factor sign-in', { id: 'users.resetTotp.title' }),
      body: html`<p>
        ${msg(str`${u.displayName} (${u.username}) will sign in with their password only and must set up two-factor sign-in again. All their sessions end now.`, {
          id: 'users.resetTotp.body',
        })}
      </p>`,
      confirmLabel: msg('Reset two-factor', { id: 'users.action.resetTotp' }),
      variant: 'danger',
    });
    if (!ok) return;
    try {
      const result = await this.api!.post<{ sessionsEnded: number }>(`/api/core/users/${encodeURIComponent(u.id)}/totp/reset`);
      toast(this, msg(str`Two-factor sign-in reset; ${result?.sessionsEnded ?? 0} sessions ended.`, { id: 'users.toast.totpReset' }));
      await this.#table?.reload();
    } catch {
      // shown by the client
    }
  }

  async #disable(u: AccountItem): Promise<void> {
    const ok = await this.#confirm.confirm({
      label: msg('Disable an account', { id: 'users.disable.title' }),
      body: html`<p>
        ${msg(str`${u.displayName} (${u.username}) can no longer sign in. Their sessions end at once and their API tokens stop working.`, { id: 'users.disable.body' })}
      </p>`,
      confirmLabel: msg('Disable the account', { id: 'users.disable.confirm' }),
      variant: 'danger',
    });
    if (!ok) return;
    try {
      await this.api!.post(`/api/core/users/${encodeURIComponent(u.id)}/disable`);
      toast(this, msg(str`Account ${u.username} disabled.`, { id: 'users.toast.disabled' }));
      await this.#table?.reload();
    } catch {
      // shown by the client
    }
  }

  #createDialog() {
    const e = this.errors;
    return html`<wa-dialog
      label=${msg('New account', { id: 'users.create.title' })}
      ?open=${this.dialog === 'create'}
      @wa-after-hide=${(ev: Event) => this.#closeDialog(ev)}
    >
      <form id="create-form" class="stack" novalidate @submit=${(ev: SubmitEvent) => this.#create(ev)}>
        ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
        <fieldset>
          <legend>${msg('How the person gets a password', { id: 'users.create.mode' })}</legend>
          <label class="check"
            ><input type="radio" name="mode" value="invite" .checked=${this.invite} @change=${() => (this.invite = true)} />${msg('Send an invitation by e-mail', {
              id: 'users.create.invite',
            })}</label
          >
          <label class="check"
            ><input type="radio" name="mode" value="password" .checked=${!this.invite} @change=${() => (this.invite = false)} />${msg('Set a password now', {
              id: 'users.create.password',
            })}</label
          >
        </fieldset>
        ${field({ id: 'user-displayName', label: msg('Full name', { id: 'users.field.displayName' }), error: e.displayName, required: true }, (a) =>
          html`<input id=${a.id} name="displayName" maxlength="200" autocomplete="off" required aria-describedby=${a.describedBy} aria-invalid=${a.invalid} autofocus />`,
        )}
        ${field(
          { id: 'user-username', label: msg('Username', { id: 'users.field.username' }), error: e.username, required: true, hint: msg('Used to sign in.', { id: 'users.field.username.hint' }) },
          (a) => html`<input id=${a.id} name="username" maxlength="64" autocomplete="off" required aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`,
        )}
        ${field({ id: 'user-email', label: msg('E-mail', { id: 'users.col.email' }), error: e.email, required: this.invite }, (a) =>
          html`<input id=${a.id} name="email" type="email" maxlength="254" autocomplete="off" ?required=${this.invite} aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`,
        )}
        ${this.invite
          ? html`<p class="hint muted">${msg('The invitation link works once, for 72 hours.', { id: 'users.create.inviteHint' })}</p>`
          : field({ id: 'user-password', label: msg('Password', { id: 'users.field.password' }), error: e.password, required: true }, (a) =>
              html`<input id=${a.id} name="password" type="password" autocomplete="new-password" maxlength="1024" required aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`,
            )}
      </form>
      <wa-button slot="footer" appearance="outlined" data-dialog="close">${msg('Cancel', { id: 'confirm.cancel' })}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this.busy} @click=${() => this.#submitForm('create-form')}
        >${this.invite ? msg('Send the invitation', { id: 'users.create.submitInvite' }) : msg('Create the account', { id: 'users.create.submit' })}</wa-button
      >
    </wa-dialog>`;
  }

  /** Footer buttons sit outside the form in the dialog's footer slot: submit it explicitly. */
  #submitForm(id: string): void {
    this.renderRoot.querySelector<HTMLFormElement>(`#${id}`)?.requestSubmit();
  }

  #accessDialog() {
    const u = this.current;
    const e = this.errors;
    // Accents optional, as everywhere else: "tai chinh" finds "Sở Tài chính".
    const text = fold(this.unitText);
    const units = this.units.filter((t) => !text || fold(this.#name(t)).includes(text) || t.slug.includes(text));
    return html`<wa-dialog
      label=${u ? msg(str`Roles of ${u.displayName}`, { id: 'users.access.title' }) : ''}
      ?open=${this.dialog === 'access'}
      @wa-after-hide=${(ev: Event) => this.#closeDialog(ev)}
    >
      ${u
        ? html`<h2>${msg('Current roles', { id: 'users.access.current' })}</h2>
            ${u.grants.length === 0
              ? html`<p class="muted">${msg('None', { id: 'users.grants.none' })}</p>`
              : html`<ul class="grants">
                  ${u.grants.map(
                    (g) => html`<li>
                      ${this.#grantText(g)}
                      <wa-button size="s" variant="danger" appearance="plain" @click=${() => this.#revoke(g)}
                        >${msg('Revoke', { id: 'users.revoke.confirm' })}<span class="visually-hidden"> ${this.#grantText(g)}</span></wa-button
                      >
                    </li>`,
                  )}
                </ul>`}
            <h2>${msg('Grant a role', { id: 'users.access.grant' })}</h2>
            <form id="grant-form" class="stack" novalidate @submit=${(ev: SubmitEvent) => this.#grant(ev)}>
              ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
              ${field({ id: 'grant-role', label: msg('Role', { id: 'users.field.role' }), error: e.roleId, required: true }, (a) =>
                html`<select id=${a.id} name="roleId" required aria-describedby=${a.describedBy} aria-invalid=${a.invalid}>
                  <option value="">${msg('Choose a role', { id: 'users.field.role.choose' })}</option>
                  ${this.roles.map((r) => html`<option value=${r.id}>${bilingual({ vi: r.labelVi, en: r.labelEn ?? null })}</option>`)}
                </select>`,
              )}
              ${field(
                {
                  id: 'grant-unit-filter',
                  label: msg('Find a unit', { id: 'users.field.unitFilter' }),
                  hint: msg('Narrows the list of units below.', { id: 'users.field.unitFilter.hint' }),
                },
                (a) =>
                  html`<input id=${a.id} type="search" .value=${this.unitText} aria-describedby=${a.describedBy} @input=${(ev: Event) => (this.unitText = (ev.target as HTMLInputElement).value)} />`,
              )}
              ${field({ id: 'grant-unit', label: msg('Unit', { id: 'users.field.unit' }), error: e.tenantId, required: true }, (a) =>
                html`<select id=${a.id} name="tenantId" required aria-describedby=${a.describedBy} aria-invalid=${a.invalid}>
                  ${units.map((t) => html`<option value=${t.id} ?selected=${t.id === this.tenant?.id}>${this.#name(t)}</option>`)}
                </select>`,
              )}
              <label class="check"><input type="checkbox" name="subtree" />${msg('Also in every unit below it', { id: 'users.field.subtree' })}</label>
            </form>`
        : nothing}
      <wa-button slot="footer" appearance="outlined" data-dialog="close">${msg('Close', { id: 'users.access.close' })}</wa-button>
      <wa-button slot="footer" variant="brand" ?loading=${this.busy} @click=${() => this.#submitForm('grant-form')}
        >${msg('Grant the role', { id: 'users.access.submit' })}</wa-button
      >
    </wa-dialog>`;
  }

  override render() {
    const canCreate = this.user?.permissions.includes('core.users.manage') ?? true;
    return html`
      <h1>${msg('Accounts', { id: 'users.title' })}</h1>
      <p class="muted">${msg(str`Staff accounts you manage from ${unitName(this.tenant)}.`, { id: 'users.intro' })}</p>
      ${canCreate
        ? html`<div class="actions"><wa-button variant="brand" @click=${() => this.#openCreate()}>${msg('New account', { id: 'users.create.title' })}</wa-button></div>`
        : nothing}
      <cong-data-table
        .label=${msg('Accounts', { id: 'users.title' })}
        .columns=${this.#columns()}
        .loader=${this.#loader}
        .filters=${this.filters}
        .sorting=${this.#sorting}
        page-size="20"
        empty-text=${this.filters.text || this.filters.status
          ? msg('No account matches the search.', { id: 'users.emptySearch' })
          : msg('No accounts yet.', { id: 'users.empty' })}
      >
        <div slot="filters" class="toolbar">
          ${field({ id: 'users-search', label: msg('Search', { id: 'users.search' }), hint: msg('Name, username or e-mail; accents optional.', { id: 'users.search.hint' }) }, (a) =>
            html`<input id=${a.id} type="search" maxlength="100" aria-describedby=${a.describedBy} @input=${(ev: Event) => this.#search((ev.target as HTMLInputElement).value)} />`,
          )}
          ${field({ id: 'users-status', label: msg('Status', { id: 'users.col.status' }) }, (a) =>
            html`<select id=${a.id} @change=${(ev: Event) => (this.filters = { ...this.filters, status: (ev.target as HTMLSelectElement).value as '' })}>
              <option value="">${msg('All', { id: 'users.status.all' })}</option>
              <option value="active">${msg('Active', { id: 'users.status.active' })}</option>
              <option value="disabled">${msg('Disabled', { id: 'users.status.disabled' })}</option>
            </select>`,
          )}
        </div>
      </cong-data-table>
      ${this.#createDialog()} ${this.#accessDialog()}
      <cong-confirm-dialog></cong-confirm-dialog>
    `;
  }
}

UsersPage.define('cong-users-page', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-users-page': UsersPage;
  }
}
