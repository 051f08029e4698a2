import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { repeat } from 'lit/directives/repeat.js';
import {
  TableController,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/lit-table';
import { ApiError, CongElement } from '@cong/sdk/admin';
import { pageStyles } from '../shared/shared.js';

/** One column of a {@link DataTable}. */
export interface DataColumn<T> {
  /** The column's id; for a sortable column also the `sort` value sent to the server. */
  readonly id: string;
  readonly header: string;
  /** The cell's content; default: `String(row[id])`. */
  readonly cell?: (row: T) => unknown;
  /** Only columns the server can sort by say true. */
  readonly sortable?: boolean;
  /** The column that names the row (`<th scope="row">`). */
  readonly rowHeader?: boolean;
  /** Hidden visually, still read by screen readers (an "Actions" column). */
  readonly headerHidden?: boolean;
}

/** What the table asks its loader for: a page, its order, and the page's filters. */
export interface DataQuery {
  readonly limit: number;
  readonly offset: number;
  /** For servers that page by cursor: the cursor of this page (none for the first). */
  readonly cursor?: string;
  readonly sort?: string;
  readonly order?: 'asc' | 'desc';
}

/** A page as the loader returns it: `total` for offset paging, or `nextCursor` for cursor paging. */
export interface DataPage<T> {
  readonly items: readonly T[];
  readonly total?: number;
  readonly nextCursor?: string | null;
}

export type DataLoader<T> = (query: DataQuery, signal: AbortSignal) => Promise<DataPage<T>>;

declare global {
  interface CongEventMap {
    /** The rows selected in a `<cong-data-table selectable>` (ids from its `rowId`). */
    'cong-selection-change': { readonly ids: readonly string[] };
  }
}

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature });
type Row = Record<string, unknown>;

let nextId = 0;

/**
 * A server-paged table on `@tanstack/lit-table`: the page supplies the columns, a loader that calls
 * the API, and its filter inputs (slot `filters`); the table keeps the page, the order and the
 * selection, and shows loading, empty and error states. Sortable headers are buttons and the
 * header says its order with `aria-sort`; paging is announced in a polite live region.
 *
 * Changing `filters` (any object; compared by value) returns to the first page and reloads.
 *
 * @fires cong-selection-change - with `selectable`, when the selected rows change.
 * @slot filters - filter inputs, shown above the table.
 * @slot actions - actions on the selected rows, shown when some are selected.
 */
export class DataTable<T = Row> extends CongElement {
  static override styles = [
    pageStyles,
    css`
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; }
      caption { text-align: start; font-weight: 600; padding-block: 0.5rem; }
      th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: top; }
      thead th { white-space: nowrap; }
      th button.sort { all: unset; cursor: pointer; display: inline-flex; gap: 0.25rem; align-items: center; font-weight: 700; }
      th button.sort:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
      tbody tr[aria-selected='true'] { background: var(--cong-color-surface-lowered, #f3f4f6); }
      .state { padding: 1rem 0.5rem; }
      .pager { display: flex; gap: 0.75rem; align-items: center; margin-top: 0.5rem; flex-wrap: wrap; }
      .pager button, .retry { font: inherit; padding: 0.3rem 0.75rem; }
      .bulk { display: flex; gap: 0.5rem; align-items: center; margin-block: 0.5rem; }
    `,
  ];
  static override properties = {
    label: {},
    columns: { attribute: false },
    loader: { attribute: false },
    filters: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    selectable: { type: Boolean },
    rowId: { attribute: false },
    rowLabel: { attribute: false },
    emptyText: { attribute: 'empty-text' },
    sorting: { attribute: false },
    items: { state: true },
    total: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
    pagination: { state: true },
    selection: { state: true },
  };

  /** The table's caption (its accessible name). */
  declare label: string;
  declare columns: readonly DataColumn<T>[];
  declare loader: DataLoader<T> | undefined;
  /** The page's filters; a change (by value) goes back to page one and reloads. */
  declare filters: unknown;
  declare pageSize: number;
  declare selectable: boolean;
  declare rowId: (row: T) => string;
  /** Names a row for its selection checkbox ("Select <name>"). */
  declare rowLabel: ((row: T) => string) | undefined;
  declare emptyText: string | undefined;
  /** The order: `[{ id, desc }]`, at most one column. */
  declare sorting: SortingState;
  declare items: readonly T[];
  declare total: number | undefined;
  declare nextCursor: string | null | undefined;
  declare loading: boolean;
  declare error: string | undefined;
  declare pagination: PaginationState;
  declare selection: RowSelectionState;

  readonly #controller = new TableController<typeof features, T & object>(this);
  readonly #id = `cong-table-${++nextId}`;
  #abort: AbortController | undefined;
  #filterKey = '';
  /** Cursor of each page already visited (cursor paging). */
  #cursors: (string | undefined)[] = [undefined];
  #columnDefs: ColumnDef<typeof features, T & object, unknown>[] = [];
  #columnsFor: readonly DataColumn<T>[] | undefined;

  constructor() {
    super();
    this.label = '';
    this.columns = [];
    this.pageSize = 20;
    this.selectable = false;
    this.rowId = (row) => String((row as Row).id);
    this.sorting = [];
    this.items = [];
    this.loading = false;
    this.pagination = { pageIndex: 0, pageSize: 20 };
    this.selection = {};
  }

  /** The ids of the selected rows. */
  get selectedIds(): string[] {
    return Object.keys(this.selection).filter((id) => this.selection[id]);
  }

  /** Clears the selection. */
  clearSelection(): void {
    this.#select({});
  }

  /** Loads the current page again (after a change the page made). */
  async reload(): Promise<void> {
    if (!this.loader) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const sort = this.sorting[0];
    const query: DataQuery = {
      limit: this.pagination.pageSize,
      offset: this.pagination.pageIndex * this.pagination.pageSize,
      ...(this.#cursors[this.pagination.pageIndex] ? { cursor: this.#cursors[this.pagination.pageIndex]! } : {}),
      ...(sort ? { sort: sort.id, order: sort.desc ? 'desc' : 'asc' } : {}),
    };
    this.loading = true;
    this.error = undefined;
    try {
      const page = await this.loader(query, abort.signal);
      if (abort.signal.aborted) return;
      this.items = page.items;
      this.total = page.total;
      this.nextCursor = page.nextCursor;
      if (page.nextCursor) this.#cursors[this.pagination.pageIndex + 1] = page.nextCursor;
      // A page past the end (rows removed elsewhere): go back to the last one.
      if (page.items.length === 0 && this.pagination.pageIndex > 0 && page.total !== undefined) {
        this.pagination = { ...this.pagination, pageIndex: Math.max(0, Math.ceil(page.total / this.pagination.pageSize) - 1) };
      }
    } catch (error) {
      if (abort.signal.aborted || (error as Error)?.name === 'AbortError') return;
      this.error = error instanceof ApiError ? error.message : msg('The data could not be loaded.', { id: 'dataTable.failed' });
    } finally {
      if (this.#abort === abort) this.loading = false;
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageSize') && this.pageSize !== this.pagination.pageSize) this.pagination = { pageIndex: 0, pageSize: this.pageSize };
    if (changed.has('filters')) {
      const key = JSON.stringify(this.filters ?? null);
      if (key !== this.#filterKey) {
        this.#filterKey = key;
        this.#resetPaging();
      }
    }
    // Loading here, before render, folds the `loading` state into this update instead of scheduling
    // a second one (properties set in willUpdate join the current change set, pagination included).
    if (changed.has('loader') || changed.has('pagination') || changed.has('sorting') || this.#pendingFilterLoad) {
      this.#pendingFilterLoad = false;
      void this.reload();
    }
  }

  #pendingFilterLoad = false;

  #resetPaging(): void {
    this.#cursors = [undefined];
    if (this.pagination.pageIndex !== 0) this.pagination = { ...this.pagination, pageIndex: 0 };
    else this.#pendingFilterLoad = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  #select(next: RowSelectionState): void {
    this.selection = next;
    this.emit('cong-selection-change', { ids: this.selectedIds });
  }

  #columns(): ColumnDef<typeof features, T & object, unknown>[] {
    if (this.#columnsFor === this.columns) return this.#columnDefs;
    this.#columnsFor = this.columns;
    this.#columnDefs = this.columns.map((c) => ({
      id: c.id,
      header: c.header,
      accessorFn: (row: T & object) => (row as Row)[c.id],
      enableSorting: c.sortable === true,
      meta: c,
    })) as never;
    return this.#columnDefs;
  }

  #sortButton(column: DataColumn<T>, direction: false | 'asc' | 'desc', toggle: () => void): TemplateResult {
    const next = direction === 'asc' ? msg('descending', { id: 'dataTable.sort.desc' }) : msg('ascending', { id: 'dataTable.sort.asc' });
    return html`<button
      class="sort"
      type="button"
      @click=${toggle}
      title=${msg(str`Sort by ${column.header}, ${next}`, { id: 'dataTable.sort.by' })}
    >
      ${column.header}<span aria-hidden="true">${direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
    </button>`;
  }

  override render() {
    const table = this.#controller.table({
      features,
      columns: this.#columns(),
      data: this.items as (T & object)[],
      getRowId: (row) => this.rowId(row),
      manualSorting: true,
      manualPagination: true,
      enableMultiSort: false,
      enableSortingRemoval: false,
      enableRowSelection: this.selectable,
      rowCount: this.total ?? (this.nextCursor ? (this.pagination.pageIndex + 2) * this.pagination.pageSize : (this.pagination.pageIndex + 1) * this.pagination.pageSize),
      state: { sorting: this.sorting, pagination: this.pagination, rowSelection: this.selection },
      onSortingChange: (updater) => {
        this.sorting = typeof updater === 'function' ? updater(this.sorting) : updater;
        this.#resetPaging();
      },
      onPaginationChange: (updater) => (this.pagination = typeof updater === 'function' ? updater(this.pagination) : updater),
      onRowSelectionChange: (updater) => this.#select(typeof updater === 'function' ? updater(this.selection) : updater),
    });
    const rows = table.getRowModel().rows;
    const columnCount = this.columns.length + (this.selectable ? 1 : 0);
    const { pageIndex, pageSize } = this.pagination;
    const first = pageIndex * pageSize + 1;
    const last = pageIndex * pageSize + this.items.length;
    const status = this.loading
      ? msg('Loading…', { id: 'dataTable.loading' })
      : this.total !== undefined
        ? this.total === 0
          ? ''
          : msg(str`Rows ${first}–${last} of ${this.total}`, { id: 'dataTable.range' })
        : this.items.length > 0
          ? msg(str`Page ${pageIndex + 1}`, { id: 'dataTable.page' })
          : '';
    const selected = this.selectedIds.length;
    return html`
      <div class="toolbar" part="filters"><slot name="filters"></slot></div>
      ${this.selectable && selected > 0
        ? html`<div class="bulk" role="group" aria-label=${msg('Selected rows', { id: 'dataTable.selected.group' })}>
            <span>${msg(str`${selected} selected`, { id: 'dataTable.selected' })}</span>
            <slot name="actions"></slot>
            <button class="link" type="button" @click=${() => this.clearSelection()}>${msg('Clear selection', { id: 'dataTable.selected.clear' })}</button>
          </div>`
        : nothing}
      ${this.error
        ? html`<div role="alert" class="form-error state">
            ${this.error}
            <button class="retry" type="button" @click=${() => this.reload()}>${msg('Try again', { id: 'dataTable.retry' })}</button>
          </div>`
        : nothing}
      <div class="scroll">
        <table id=${this.#id} aria-busy=${this.loading ? 'true' : 'false'}>
          ${this.label ? html`<caption>${this.label}</caption>` : nothing}
          <thead>
            ${repeat(
              table.getHeaderGroups(),
              (group) => group.id,
              (group) => html`<tr>
                ${this.selectable
                  ? html`<th scope="col">
                      <input
                        type="checkbox"
                        aria-label=${msg('Select all rows on this page', { id: 'dataTable.selectAll' })}
                        .checked=${rows.length > 0 && table.getIsAllPageRowsSelected()}
                        .indeterminate=${table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
                        ?disabled=${rows.length === 0}
                        @change=${(e: Event) => table.toggleAllPageRowsSelected((e.target as HTMLInputElement).checked)}
                      />
                    </th>`
                  : nothing}
                ${repeat(
                  group.headers,
                  (header) => header.id,
                  (header) => {
                    const column = header.column.columnDef.meta as unknown as DataColumn<T>;
                    const direction = header.column.getIsSorted();
                    const ariaSort = !column.sortable ? nothing : direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
                    return html`<th scope="col" aria-sort=${ariaSort} data-column=${column.id}>
                      ${column.sortable
                        ? this.#sortButton(column, direction, () => header.column.toggleSorting(direction === 'asc', false))
                        : column.headerHidden
                          ? html`<span class="visually-hidden">${column.header}</span>`
                          : column.header}
                    </th>`;
                  },
                )}
              </tr>`,
            )}
          </thead>
          <tbody>
            ${rows.length === 0
              ? html`<tr>
                  <td colspan=${columnCount} class="state">
                    ${this.loading ? msg('Loading…', { id: 'dataTable.loading' }) : this.error ? '' : (this.emptyText ?? msg('Nothing to show.', { id: 'dataTable.empty' }))}
                  </td>
                </tr>`
              : repeat(
                  rows,
                  (row) => row.id,
                  (row) => html`<tr aria-selected=${this.selectable ? String(row.getIsSelected()) : nothing}>
                    ${this.selectable
                      ? html`<td>
                          <input
                            type="checkbox"
                            aria-label=${msg(str`Select ${this.rowLabel ? this.rowLabel(row.original) : row.id}`, { id: 'dataTable.selectRow' })}
                            .checked=${row.getIsSelected()}
                            @click=${row.getToggleSelectedHandler()}
                          />
                        </td>`
                      : nothing}
                    ${this.columns.map((column) => {
                      const value = column.cell ? column.cell(row.original) : ((row.original as Row)[column.id] ?? '');
                      return column.rowHeader ? html`<th scope="row">${value}</th>` : html`<td>${value}</td>`;
                    })}
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label=${msg(str`Pages of ${this.label}`, { id: 'dataTable.pager' })}>
        <button type="button" ?disabled=${this.loading || !table.getCanPreviousPage()} @click=${() => table.previousPage()}>
          ${msg('Previous page', { id: 'dataTable.previous' })}
        </button>
        <button
          type="button"
          ?disabled=${this.loading || (this.total !== undefined ? !table.getCanNextPage() : !this.nextCursor)}
          @click=${() => table.nextPage()}
        >
          ${msg('Next page', { id: 'dataTable.next' })}
        </button>
        <span role="status" aria-live="polite" aria-atomic="true">${status}</span>
      </nav>
    `;
  }
}

DataTable.define('cong-data-table', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-data-table': DataTable;
  }
}
