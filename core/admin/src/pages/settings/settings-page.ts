import { css, html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import '../../components/settings-form/settings-form.js';
import type { ConfigSchema } from '../../components/settings-form/settings-form.js';
import { pageStyles, toast } from '../../components/shared/shared.js';
import { unitName } from '../modules/modules-page.js';

/** `GET /api/core/plugins/:plugin/settings`. */
export interface SettingsView {
  readonly schema: ConfigSchema;
  readonly values: Readonly<Record<string, unknown>>;
  readonly secretsSet: readonly string[];
  readonly perTenant: boolean;
  /** Values of `x-cong-file-only` fields, from cong.config.json: shown read-only. */
  readonly fileOnly: Readonly<Record<string, unknown>>;
}

type Scope = 'platform' | 'tenant';

/**
 * `/admin/core/settings/<plugin>`: a plugin's settings form. At the province, a plugin whose settings
 * may differ per unit (`x-cong-per-tenant`) offers both scopes: every unit (platform) or the
 * province's own values; elsewhere such a plugin shows the unit's own values.
 */
export class SettingsPage extends CongElement {
  static override styles = [
    pageStyles,
    css`
      fieldset.scope { display: flex; flex-wrap: wrap; gap: 1rem; margin-block: 0.75rem 1.25rem; }
      fieldset.scope legend { padding-inline: 0.25rem; }
    `,
  ];
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    plugin: {},
    pluginName: { attribute: false },
    scope: { state: true },
    view: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** The plugin whose settings these are (from the URL). */
  declare plugin: string | undefined;
  /** Its display name in the shell's language (the shell reads it from the admin manifest); the id when unset. */
  declare pluginName: string | undefined;
  declare scope: Scope;
  declare view: SettingsView | undefined;
  declare error: string | undefined;
  declare loading: boolean;

  constructor() {
    super();
    this.scope = 'tenant';
    this.loading = false;
  }

  /** The province: the unit without a parent, where platform-wide values are set. */
  get #atProvince(): boolean {
    const t = this.tenant as (AdminTenant & { parentId?: string | null }) | undefined;
    return t?.kind === 'province' || t?.parentId === null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // At the province the form starts with the values for every unit; elsewhere with the unit's own.
    if (changed.has('tenant')) this.scope = this.#atProvince ? 'platform' : 'tenant';
    // Before render: `loading` joins this update rather than scheduling another.
    if (changed.has('plugin') || changed.has('api') || changed.has('scope') || changed.has('tenant')) void this.load();
  }


  async load(): Promise<void> {
    if (!this.api || !this.plugin) return;
    this.loading = true;
    try {
      this.view = await this.api.get<SettingsView>(`/api/core/plugins/${encodeURIComponent(this.plugin)}/settings`, { query: { scope: this.scope } });
      this.error = undefined;
    } catch (error) {
      this.view = undefined;
      this.error = error instanceof ApiError ? error.message : msg('The data could not be loaded.', { id: 'dataTable.failed' });
    } finally {
      this.loading = false;
    }
  }

  get #name(): string {
    return this.pluginName || this.plugin || '';
  }

  readonly #save = async (values: Record<string, unknown>): Promise<void> => {
    this.view = await this.api!.put<SettingsView>(`/api/core/plugins/${encodeURIComponent(this.plugin!)}/settings`, { values }, { query: { scope: this.scope } });
    toast(this, msg(str`Settings of ${this.#name} saved.`, { id: 'settings.toast.saved' }), 'success');
  };

  #scopeNote(view: SettingsView) {
    if (!view.perTenant) return msg('These settings are the same in every unit.', { id: 'settings.scope.platformOnly' });
    if (this.scope === 'platform') return msg('These values apply to every unit that does not set its own.', { id: 'settings.scope.platformNote' });
    return msg(str`Values set here apply to ${unitName(this.tenant)} only; blank fields use the values for every unit.`, { id: 'settings.scope.tenantNote' });
  }

  override render() {
    const view = this.view;
    return html`
      <h1>${msg(str`Settings of ${this.#name}`, { id: 'settings.title' })}</h1>
      ${view?.perTenant && this.#atProvince
        ? html`<fieldset class="scope">
            <legend>${msg('Values for', { id: 'settings.scope' })}</legend>
            <label class="check"
              ><input type="radio" name="scope" value="platform" .checked=${this.scope === 'platform'} @change=${() => (this.scope = 'platform')} />${msg('Every unit', {
                id: 'settings.scope.platform',
              })}</label
            >
            <label class="check"
              ><input type="radio" name="scope" value="tenant" .checked=${this.scope === 'tenant'} @change=${() => (this.scope = 'tenant')} />${msg(str`${unitName(this.tenant)} only`, {
                id: 'settings.scope.tenant',
              })}</label
            >
          </fieldset>`
        : nothing}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${this.loading && !view ? html`<p role="status">${msg('Loading…', { id: 'dataTable.loading' })}</p>` : nothing}
      ${view
        ? html`<p class="muted">${this.#scopeNote(view)}</p>
            ${!view.perTenant && !this.#atProvince
              ? html`<p class="muted">${msg('Only the province can change them.', { id: 'settings.scope.provinceOnly' })}</p>`
              : nothing}
            <cong-settings-form
              .schema=${view.schema}
              .values=${view.values}
              .secretsSet=${view.secretsSet}
              .fileValues=${view.fileOnly}
              .save=${this.#save}
              ?disabled=${!view.perTenant && !this.#atProvince}
            ></cong-settings-form>`
        : nothing}
    `;
  }
}

SettingsPage.define('cong-settings-page', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-settings-page': SettingsPage;
  }
}
