import { css, html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/button/button.js';
import '../../components/data-table/data-table.js';
import type { DataColumn, DataLoader } from '../../components/data-table/data-table.js';
import { field, formText } from '../../components/shared/field.js';
import { formatDateTime, pageStyles, toast } from '../../components/shared/shared.js';
import { unitName } from '../modules/modules-page.js';

/** One entry of `GET /api/core/audit`. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly actorKind: string;
  readonly tenantId: string | null;
  readonly owner: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly ip?: string | null;
  readonly requestId?: string | null;
}

/** The audit routes' filters (`GET /api/core/audit` and `/audit.csv` share them). */
export interface AuditFilters {
  readonly subtree?: boolean;
  readonly actorId?: string;
  readonly actionPrefix?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** The filter form's dates (`YYYY-MM-DD`, local) as the API's date-times: from the start of `from` to the end of `to`. */
export function auditQuery(form: Record<string, string>, subtree: boolean): AuditFilters {
  const at = (date: string, end: boolean) => new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString();
  return {
    ...(subtree ? { subtree: true } : {}),
    ...(form.actorId ? { actorId: form.actorId } : {}),
    ...(form.action ? { actionPrefix: form.action } : {}),
    ...(form.objectType ? { objectType: form.objectType } : {}),
    ...(form.objectId ? { objectId: form.objectId } : {}),
    ...(form.from ? { from: at(form.from, false) } : {}),
    ...(form.to ? { to: at(form.to, true) } : {}),
  };
}

/** `/api/core/audit.csv` with the filters. */
export function csvUrl(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return `/api/core/audit.csv${query ? `?${query}` : ''}`;
}

/**
 * `/admin/core/audit`: the unit's audit log, newest first, a page at a time (the API pages by
 * cursor), filtered by action, object, actor and dates, optionally with the units below; the same
 * filters export it as CSV.
 */
export class AuditPage extends CongElement {
  static override styles = [
    pageStyles,
    css`
      form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
      code { font-size: 0.875rem; word-break: break-all; }
    `,
  ];
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    filters: { state: true },
    downloading: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare filters: AuditFilters;
  declare downloading: boolean;

  #loader: DataLoader<AuditEntry> | undefined;
  #columns: DataColumn<AuditEntry>[] = [];

  constructor() {
    super();
    this.filters = {};
    this.downloading = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) {
      const api = this.api;
      this.#loader = api
        ? (query, signal) =>
            api.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/core/audit', {
              signal,
              query: { ...this.filters, limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
            })
        : undefined;
    }
    if (this.#columns.length === 0) {
      this.#columns = [
        { id: 'at', header: msg('Time', { id: 'audit.col.at' }), cell: (e) => html`<time datetime=${e.at}>${formatDateTime(e.at)}</time>` },
        { id: 'action', header: msg('Action', { id: 'audit.col.action' }), rowHeader: true, cell: (e) => html`<code>${e.action}</code>` },
        { id: 'object', header: msg('Object', { id: 'audit.col.object' }), cell: (e) => html`${e.objectType} <code>${e.objectId}</code>` },
        {
          id: 'actor',
          header: msg('By', { id: 'audit.col.actor' }),
          cell: (e) => html`<code>${e.actorId}</code>${e.actorKind !== 'user' ? html` (${e.actorKind})` : nothing}`,
        },
        { id: 'ip', header: msg('IP address', { id: 'audit.col.ip' }), cell: (e) => e.ip ?? '' },
      ];
    }
  }

  #apply(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const subtree = (form.elements.namedItem('subtree') as HTMLInputElement).checked;
    this.filters = auditQuery(formText(form), subtree);
  }

  #reset(event: Event): void {
    (event.target as HTMLFormElement).closest('form')?.reset();
    this.filters = {};
  }

  /** Downloads the CSV through the API client, which names the unit (a plain link cannot send the header). */
  async #download(event: MouseEvent): Promise<void> {
    if (!this.api || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    this.downloading = true;
    try {
      const text = await this.api.get<string>(csvUrl(this.filters));
      const blob = new Blob(['\uFEFF', typeof text === 'string' ? text.replace(/^\uFEFF/, '') : ''], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `nhat-ky-thao-tac-${this.tenant?.slug ?? 'don-vi'}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      toast(this, msg('The export was downloaded.', { id: 'audit.toast.exported' }), 'neutral');
    } catch {
      // shown by the client
    } finally {
      this.downloading = false;
    }
  }

  override render() {
    return html`
      <h1>${msg('Audit log', { id: 'audit.title' })}</h1>
      <p class="muted">${msg(str`What was changed in ${unitName(this.tenant)}, by whom and when. Newest first.`, { id: 'audit.intro' })}</p>
      <form class="filters" role="search" aria-label=${msg('Filter the audit log', { id: 'audit.filters' })} @submit=${(e: SubmitEvent) => this.#apply(e)}>
        ${field({ id: 'audit-action', label: msg('Action', { id: 'audit.col.action' }), hint: msg('Or its beginning, e.g. core.user', { id: 'audit.action.hint' }) }, (a) =>
          html`<input id=${a.id} name="action" maxlength="120" aria-describedby=${a.describedBy} />`,
        )}
        ${field({ id: 'audit-object-type', label: msg('Object type', { id: 'audit.objectType' }), hint: msg('e.g. user, tenant, plugin', { id: 'audit.objectType.hint' }) }, (a) =>
          html`<input id=${a.id} name="objectType" maxlength="100" aria-describedby=${a.describedBy} />`,
        )}
        ${field({ id: 'audit-object-id', label: msg('Object id', { id: 'audit.objectId' }) }, (a) => html`<input id=${a.id} name="objectId" maxlength="191" />`)}
        ${field({ id: 'audit-actor', label: msg('Actor id', { id: 'audit.actor' }) }, (a) => html`<input id=${a.id} name="actorId" maxlength="100" />`)}
        ${field({ id: 'audit-from', label: msg('From', { id: 'audit.from' }) }, (a) => html`<input id=${a.id} name="from" type="date" />`)}
        ${field({ id: 'audit-to', label: msg('To', { id: 'audit.to' }) }, (a) => html`<input id=${a.id} name="to" type="date" />`)}
        <label class="check"><input type="checkbox" name="subtree" />${msg('Include the units below', { id: 'audit.subtree' })}</label>
        <div class="actions">
          <wa-button type="submit" variant="brand">${msg('Filter', { id: 'audit.apply' })}</wa-button>
          <wa-button appearance="outlined" @click=${(e: Event) => this.#reset(e)}>${msg('Clear filters', { id: 'audit.reset' })}</wa-button>
        </div>
      </form>
      <p>
        <a href=${csvUrl(this.filters)} download @click=${(e: MouseEvent) => this.#download(e)} aria-busy=${this.downloading ? 'true' : 'false'}
          >${msg('Export these entries (CSV)', { id: 'audit.export' })}</a
        >
      </p>
      <cong-data-table
        .label=${msg('Audit entries', { id: 'audit.table' })}
        .columns=${this.#columns}
        .loader=${this.#loader}
        .filters=${this.filters}
        page-size="50"
        empty-text=${msg('No entry matches.', { id: 'audit.empty' })}
      ></cong-data-table>
    `;
  }
}

AuditPage.define('cong-audit-page', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-audit-page': AuditPage;
  }
}
