import { css, html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/switch/switch.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '@awesome.me/webawesome/dist/components/badge/badge.js';
import '../../components/data-table/data-table.js';
import '../../components/confirm-dialog/confirm-dialog.js';
import type { DataColumn, DataLoader, DataTable } from '../../components/data-table/data-table.js';
import type { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog.js';
import { pageStyles, toast } from '../../components/shared/shared.js';
import { pluginName, type PluginDisplayName } from '../../app/session.js';

/** One installed plugin as `GET /api/core/modules` lists it for the unit. */
export interface ModuleItem {
  readonly plugin: string;
  /** The manifest's display name; null when it has none (the page shows the id). */
  readonly name: PluginDisplayName | null;
  readonly enabled: boolean;
  readonly version: string;
  /** From the boot report: `started`, `failed`, `disabled`, … */
  readonly state: string;
  readonly error?: { readonly code?: string; readonly message?: string };
}

/** `GET /api/core/modules/:plugin/impact`: how many units a subtree change would change. */
export interface ModuleImpact {
  readonly plugin: string;
  readonly enabled: boolean;
  readonly tenants: number;
  readonly tenantIds?: readonly string[];
}

/** The unit's name in the page's language. */
export function unitName(tenant: AdminTenant | undefined): string {
  if (!tenant) return '';
  return document.documentElement.lang?.startsWith('en') ? tenant.nameEn || tenant.nameVi : tenant.nameVi;
}

/**
 * `/admin/core/modules`: every installed plugin with its version and boot state, a switch per plugin
 * for the current unit, and enabling or disabling the selected plugins for the unit and every unit
 * below it after a confirmation that says how many units change.
 *
 * @fires cong-modules-changed - after a plugin was enabled or disabled (`detail.plugin`, `detail.enabled`, `detail.tenant`), so the shell re-reads its manifest.
 * @fires cong-toast - after a change.
 */
export class ModulesPage extends CongElement {
  static override styles = [
    pageStyles,
    css`
      .state-failed { color: var(--cong-color-danger, #b00020); }
      .error-detail { display: block; font-size: 0.875rem; }
      code { font-size: 0.875rem; }
    `,
  ];
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    pending: { state: true },
    selected: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** Plugins whose switch is being saved. */
  declare pending: ReadonlySet<string>;
  declare selected: readonly string[];

  #loader: DataLoader<ModuleItem> | undefined;
  /** Display names of the plugins last listed, by id, for the bulk confirmation. */
  #names = new Map<string, string>();
  #columns: DataColumn<ModuleItem>[] = [];

  constructor() {
    super();
    this.pending = new Set();
    this.selected = [];
  }

  get #table(): DataTable<ModuleItem> | null {
    return this.renderRoot.querySelector('cong-data-table') as DataTable<ModuleItem> | null;
  }

  get #dialog(): ConfirmDialog {
    return this.renderRoot.querySelector('cong-confirm-dialog')!;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('tenant')) {
      const api = this.api;
      this.#loader = api
        ? async (_query, signal) => {
            const list = await api.get<{ items: ModuleItem[] }>('/api/core/modules', { signal });
            this.#names = new Map(list.items.map((m) => [m.plugin, pluginName(m.plugin, m.name)]));
            const name = (m: ModuleItem) => this.#names.get(m.plugin)!;
            const items = [...list.items].sort((a, b) => name(a).localeCompare(name(b), 'vi') || a.plugin.localeCompare(b.plugin));
            return { items, total: items.length };
          }
        : undefined;
    }
    this.#columns = this.#makeColumns();
  }

  #makeColumns(): DataColumn<ModuleItem>[] {
    const unit = unitName(this.tenant);
    return [
      {
        id: 'plugin',
        header: msg('Module', { id: 'modules.col.plugin' }),
        rowHeader: true,
        // The name, with the id small beside it (the id alone when the manifest names none).
        cell: (m) => (m.name ? html`${pluginName(m.plugin, m.name)} <small class="muted"><code>${m.plugin}</code></small>` : html`<code>${m.plugin}</code>`),
      },
      { id: 'version', header: msg('Version', { id: 'modules.col.version' }) },
      { id: 'state', header: msg('State', { id: 'modules.col.state' }), cell: (m) => this.#state(m) },
      {
        id: 'enabled',
        header: msg(str`On in ${unit}`, { id: 'modules.col.enabled' }),
        cell: (m) => html`<wa-switch
          .checked=${m.enabled}
          ?disabled=${this.pending.has(m.plugin)}
          data-plugin=${m.plugin}
          @change=${(e: Event) => this.#toggle(m, (e.target as HTMLInputElement).checked)}
          ><span class="visually-hidden">${msg(str`${pluginName(m.plugin, m.name)} in ${unit}`, { id: 'modules.switch.label' })}</span
          ><span aria-hidden="true">${m.enabled ? msg('On', { id: 'modules.on' }) : msg('Off', { id: 'modules.off' })}</span></wa-switch
        >`,
      },
    ];
  }

  #state(m: ModuleItem) {
    switch (m.state) {
      case 'started':
        return html`<wa-badge variant="success" appearance="outlined">${msg('Running', { id: 'modules.state.running' })}</wa-badge>`;
      case 'failed':
        return html`<span class="state-failed">
          <wa-badge variant="danger" appearance="outlined">${msg('Failed', { id: 'modules.state.failed' })}</wa-badge>
          ${m.error?.code ? html`<code class="error-detail">${m.error.code}</code>` : nothing}
          ${m.error?.message ? html`<span class="error-detail">${m.error.message}</span>` : nothing}
        </span>`;
      case 'disabled':
        return html`<wa-badge variant="neutral" appearance="outlined">${msg('Disabled', { id: 'modules.state.disabled' })}</wa-badge>`;
      default:
        return html`<wa-badge variant="neutral" appearance="outlined">${msg(str`Not running (${m.state})`, { id: 'modules.state.other' })}</wa-badge>`;
    }
  }

  #changed(plugin: string, enabled: boolean): void {
    // The detail carries the unit (the shell re-reads its manifest for it) and what changed.
    const detail = { tenant: this.tenant?.slug, plugin, enabled };
    this.emit('cong-modules-changed', detail);
  }

  async #toggle(m: ModuleItem, enabled: boolean): Promise<void> {
    if (!this.api || enabled === m.enabled) return;
    this.pending = new Set(this.pending).add(m.plugin);
    const name = pluginName(m.plugin, m.name);
    try {
      await this.api.put(`/api/core/modules/${encodeURIComponent(m.plugin)}`, { enabled, subtree: false });
      this.#changed(m.plugin, enabled);
      toast(
        this,
        enabled
          ? msg(str`${name} is on in ${unitName(this.tenant)}.`, { id: 'modules.toast.enabled' })
          : msg(str`${name} is off in ${unitName(this.tenant)}. Its data is kept.`, { id: 'modules.toast.disabled' }),
      );
    } catch {
      // The client has already shown the failure; the switch goes back to the stored state below.
    } finally {
      const next = new Set(this.pending);
      next.delete(m.plugin);
      this.pending = next;
      await this.#table?.reload();
    }
  }

  /** Enables or disables the selected plugins for the unit and every unit below it, after confirmation. */
  async bulk(enabled: boolean): Promise<void> {
    const api = this.api;
    const plugins = [...this.selected];
    if (!api || plugins.length === 0) return;
    let impacts: ModuleImpact[];
    try {
      impacts = await Promise.all(
        plugins.map((plugin) => api.get<ModuleImpact>(`/api/core/modules/${encodeURIComponent(plugin)}/impact`, { query: { enabled, subtree: true } })),
      );
    } catch {
      return; // shown by the client
    }
    const unit = unitName(this.tenant);
    const changing = impacts.filter((i) => i.tenants > 0);
    if (changing.length === 0) {
      toast(
        this,
        enabled
          ? msg(str`Already on in ${unit} and every unit below it.`, { id: 'modules.bulk.noneOn' })
          : msg(str`Already off in ${unit} and every unit below it.`, { id: 'modules.bulk.noneOff' }),
        'neutral',
      );
      return;
    }
    // Units changing for any of the plugins: the union of their ids when the server listed them all.
    const listed = changing.every((i) => (i.tenantIds?.length ?? -1) === i.tenants);
    const total = listed ? new Set(changing.flatMap((i) => i.tenantIds!)).size : Math.max(...changing.map((i) => i.tenants));
    const body = html`<p data-impact>${msg(str`${total} units will change.`, { id: 'modules.bulk.count' })}</p>
      <ul>
        ${changing.map(
          (i) =>
            html`<li>
              ${enabled
                ? msg(str`${this.#names.get(i.plugin) ?? i.plugin}: turned on in ${i.tenants} units`, { id: 'modules.bulk.itemOn' })
                : msg(str`${this.#names.get(i.plugin) ?? i.plugin}: turned off in ${i.tenants} units`, { id: 'modules.bulk.itemOff' })}
            </li>`,
        )}
      </ul>
      <p>
        ${enabled
          ? msg(str`The change applies to ${unit} and every unit below it.`, { id: 'modules.bulk.scopeOn' })
          : msg(str`The change applies to ${unit} and every unit below it. Turning a module off keeps its data; its pages and jobs stop there.`, {
              id: 'modules.bulk.scopeOff',
            })}
      </p>`;
    const ok = await this.#dialog.confirm({
      label: enabled ? msg('Turn on for the units below', { id: 'modules.bulk.enableTitle' }) : msg('Turn off for the units below', { id: 'modules.bulk.disableTitle' }),
      body,
      confirmLabel: enabled ? msg(str`Turn on in ${total} units`, { id: 'modules.bulk.enableConfirm' }) : msg(str`Turn off in ${total} units`, { id: 'modules.bulk.disableConfirm' }),
      variant: enabled ? 'brand' : 'danger',
    });
    if (!ok) return;
    let done = 0;
    for (const impact of changing) {
      try {
        await api.put(`/api/core/modules/${encodeURIComponent(impact.plugin)}`, { enabled, subtree: true });
        this.#changed(impact.plugin, enabled);
        done += 1;
      } catch {
        break; // shown by the client; the list below shows what was applied
      }
    }
    if (done > 0) toast(this, msg(str`Saved: ${done} modules changed in ${total} units.`, { id: 'modules.bulk.done' }));
    this.#table?.clearSelection();
    await this.#table?.reload();
  }

  override render() {
    const unit = unitName(this.tenant);
    return html`
      <h1>${msg('Modules', { id: 'modules.title' })}</h1>
      <p class="muted">
        ${msg(str`Turn modules on or off for ${unit}. Turning a module off never deletes its data.`, { id: 'modules.intro' })}
      </p>
      <cong-data-table
        .label=${msg(str`Installed modules and their state in ${unit}`, { id: 'modules.table' })}
        .columns=${this.#columns}
        .loader=${this.#loader}
        .filters=${this.tenant?.id}
        .rowId=${(m: ModuleItem) => m.plugin}
        .rowLabel=${(m: ModuleItem) => pluginName(m.plugin, m.name)}
        page-size="100"
        selectable
        empty-text=${msg('No module is installed.', { id: 'modules.empty' })}
        @cong-selection-change=${(e: CustomEvent<{ ids: readonly string[] }>) => (this.selected = e.detail.ids)}
      >
        <wa-button slot="actions" size="s" variant="brand" appearance="outlined" @click=${() => this.bulk(true)}
          >${msg('Turn on here and below', { id: 'modules.bulk.enable' })}</wa-button
        >
        <wa-button slot="actions" size="s" variant="danger" appearance="outlined" @click=${() => this.bulk(false)}
          >${msg('Turn off here and below', { id: 'modules.bulk.disable' })}</wa-button
        >
      </cong-data-table>
      <cong-confirm-dialog></cong-confirm-dialog>
    `;
  }
}

ModulesPage.define('cong-modules-page', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-modules-page': ModulesPage;
  }
}
