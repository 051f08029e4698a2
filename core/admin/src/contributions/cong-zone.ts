import { html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import type { AdminManifest } from '../app/session.js';
import './cong-boundary.js';

/** One element contributed to a zone, from the admin manifest. */
export interface ZoneSlot {
  readonly plugin: string;
  readonly module: string;
  readonly element: string;
  readonly order: number;
}

/** The slots of `zone` in a manifest, ordered by `order` then plugin id; plugins without a bundle are left out. */
export function zoneSlots(manifest: AdminManifest | undefined, zone: string): ZoneSlot[] {
  const slots: ZoneSlot[] = [];
  for (const plugin of manifest?.plugins ?? []) {
    if (!plugin.module) continue;
    for (const slot of plugin.slots) if (slot.zone === zone) slots.push({ plugin: plugin.id, module: plugin.module, element: slot.element, order: slot.order ?? 0 });
  }
  return slots.sort((a, b) => a.order - b.order || a.plugin.localeCompare(b.plugin) || a.element.localeCompare(b.element));
}

declare global {
  interface HTMLElementTagNameMap {
    'cong-zone': CongZone;
  }
}

/**
 * A zone of the shell (`<cong-zone name="dashboard.widgets@1">`): every enabled plugin's element for it,
 * each in its own `<cong-boundary>`, in `order`. A new manifest (unit changed, plugin toggled) adds and
 * removes slots without touching the others.
 */
export class CongZone extends CongElement {
  static override styles = css`
    :host { display: grid; gap: var(--cong-space-m); grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
    .slot {
      border: 1px solid var(--cong-color-border);
      border-radius: var(--cong-radius);
      background: var(--cong-color-surface);
      padding: var(--cong-space-m);
    }
  `;

  static override properties = {
    name: { reflect: true },
    manifest: { attribute: false },
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
  };

  declare name: string;
  declare manifest: AdminManifest | undefined;
  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;

  constructor() {
    super();
    this.name = '';
  }

  override render() {
    return html`${repeat(
      zoneSlots(this.manifest, this.name),
      (s) => `${s.plugin}/${s.element}`,
      (s) =>
        html`<div class="slot"><cong-boundary plugin=${s.plugin} element=${s.element} module=${s.module} .tenant=${this.tenant} .user=${this.user} .api=${this.api}></cong-boundary></div>`,
    )}`;
  }
}

CongZone.define('cong-zone', 'cong');
