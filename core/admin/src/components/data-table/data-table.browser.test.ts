import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { html } from 'lit';
import './data-table.js';
import type { DataQuery, DataTable } from './data-table.js';
import { settle, useVietnamese } from '../testing/fake-api.js';

type Person = { id: string; name: string; city: string };
const people: Person[] = Array.from({ length: 45 }, (_, i) => ({ id: `p${i + 1}`, name: `Người ${String(i + 1).padStart(2, '0')}`, city: i % 2 ? 'Huế' : 'Đông Hà' }));

function mount(loader: (q: DataQuery) => Promise<{ items: Person[]; total?: number; nextCursor?: string | null }>, setup: (t: DataTable<Person>) => void = () => {}) {
  const table = document.createElement('cong-data-table') as unknown as DataTable<Person>;
  table.label = 'Cán bộ';
  table.pageSize = 20;
  table.columns = [
    { id: 'name', header: 'Họ tên', sortable: true, rowHeader: true },
    { id: 'city', header: 'Nơi làm việc', cell: (p) => html`<em>${p.city}</em>` },
  ];
  setup(table);
  table.loader = (q) => loader(q);
  document.body.append(table);
  return table;
}

describe('<cong-data-table>', () => {
  beforeAll(() => useVietnamese());
  afterEach(() => document.body.replaceChildren());

  it('asks the loader for pages and orders, says the order with aria-sort, and announces the range', async () => {
    const queries: DataQuery[] = [];
    const table = mount(async (q) => {
      queries.push(q);
      const sorted = [...people].sort((a, b) => (q.order === 'desc' ? b.name.localeCompare(a.name) : a.name.localeCompare(b.name)));
      return { items: sorted.slice(q.offset, q.offset + q.limit), total: people.length };
    });
    await settle(table);
    const root = table.shadowRoot!;
    expect(queries).toEqual([{ limit: 20, offset: 0 }]);
    expect(root.querySelector('caption')!.textContent).toBe('Cán bộ');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(20);
    expect(root.querySelector('tbody th[scope=row]')!.textContent).toBe('Người 01');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Dòng 1–20 trên tổng số 45');
    const nameHeader = root.querySelector('th[data-column=name]')!;
    const cityHeader = root.querySelector('th[data-column=city]')!;
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    expect(cityHeader.hasAttribute('aria-sort')).toBe(false);
    expect(cityHeader.querySelector('button')).toBeNull();

    const [previous, next] = root.querySelectorAll<HTMLButtonElement>('nav.pager button');
    expect(previous!.disabled).toBe(true);
    next!.click();
    await settle(table);
    expect(queries.at(-1)).toEqual({ limit: 20, offset: 20 });
    next!.click();
    await settle(table);
    expect(queries.at(-1)).toEqual({ limit: 20, offset: 40 });
    expect(root.querySelectorAll('tbody tr')).toHaveLength(5);
    expect(next!.disabled).toBe(true);

    // Sorting goes back to the first page.
    nameHeader.querySelector('button')!.click();
    await settle(table);
    expect(queries.at(-1)).toEqual({ limit: 20, offset: 0, sort: 'name', order: 'asc' });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    nameHeader.querySelector('button')!.click();
    await settle(table);
    expect(queries.at(-1)).toEqual({ limit: 20, offset: 0, sort: 'name', order: 'desc' });
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(root.querySelector('tbody th[scope=row]')!.textContent).toBe('Người 45');
  });

  it('reloads from page one when the filters change, and shows the empty state', async () => {
    const queries: DataQuery[] = [];
    let city = '';
    const table = mount(async (q) => {
      queries.push(q);
      const items = people.filter((p) => !city || p.city === city);
      return { items: items.slice(q.offset, q.offset + q.limit), total: items.length };
    });
    await settle(table);
    table.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav.pager button')[1]!.click();
    await settle(table);
    city = 'Hà Nội';
    table.filters = { city };
    await settle(table);
    expect(queries.at(-1)).toEqual({ limit: 20, offset: 0 });
    expect(table.shadowRoot!.querySelector('tbody td')!.textContent!.trim()).toBe('Không có dữ liệu.');
    table.filters = { city }; // the same filters by value: no reload
    await settle(table);
    expect(queries).toHaveLength(3);
  });

  it('shows an error with a retry, and pages by cursor when the server gives no total', async () => {
    let fail = true;
    const queries: DataQuery[] = [];
    const table = mount(async (q) => {
      queries.push(q);
      if (fail) throw new Error('offline');
      const start = q.cursor ? Number(q.cursor) : 0;
      return { items: people.slice(start, start + q.limit), nextCursor: start + q.limit < people.length ? String(start + q.limit) : null };
    });
    await settle(table);
    const root = table.shadowRoot!;
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Không tải được dữ liệu.');
    fail = false;
    root.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await settle(table);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Trang 1');
    root.querySelectorAll<HTMLButtonElement>('nav.pager button')[1]!.click();
    await settle(table);
    expect(queries.at(-1)).toEqual({ limit: 20, offset: 20, cursor: '20' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Trang 2');
  });

  it('selects rows with labelled checkboxes and reports the selection', async () => {
    const table = mount(
      async (q) => ({ items: people.slice(q.offset, q.offset + 3), total: 3 }),
      (t) => {
        t.selectable = true;
        t.rowLabel = (p) => p.name;
      },
    );
    const selections: (readonly string[])[] = [];
    table.addEventListener('cong-selection-change', (e) => selections.push((e as CustomEvent<{ ids: string[] }>).detail.ids));
    await settle(table);
    const boxes = table.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type=checkbox]');
    expect(boxes[1]!.getAttribute('aria-label')).toBe('Chọn Người 02');
    boxes[1]!.click();
    await settle(table);
    expect(selections.at(-1)).toEqual(['p2']);
    table.shadowRoot!.querySelector<HTMLInputElement>('thead input[type=checkbox]')!.click();
    await settle(table);
    expect([...selections.at(-1)!].sort()).toEqual(['p1', 'p2', 'p3']);
    expect(table.shadowRoot!.textContent).toContain('Đã chọn 3');
  });
});
