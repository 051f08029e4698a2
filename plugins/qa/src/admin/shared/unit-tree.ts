import { html, type TemplateResult } from 'lit';
import type { ApiClient } from '@cong/sdk/admin';
import type { CommuneOption, FieldOption, FormLists, UnitNode } from './qa-api.js';

/** The units a question can go to, in tree order, with their depth below the province (0 = directly below). */
export interface UnitChoice {
  readonly unit: UnitNode;
  readonly depth: number;
}

/** The core's list of active units: every signed-in account may read it (`GET /api/core/tenants`). */
export async function loadUnits(api: ApiClient): Promise<readonly UnitNode[]> {
  const { items } = await api.get<{ items: UnitNode[] }>('/api/core/tenants', { query: { status: 'active', limit: 500 } });
  return items;
}

/** The fields and communes of the unit's province, as the public form offers them (`GET /api/qa/public/form`). */
export async function loadFormLists(api: ApiClient): Promise<FormLists> {
  const form = await api.get<{ fields: FieldOption[]; communes: CommuneOption[] }>('/api/qa/public/form');
  return { fields: form.fields, communes: form.communes };
}

/** The root of `unitId`'s tree (the province), or undefined when the unit is not in the list. */
export function provinceOf(units: readonly UnitNode[], unitId: string): UnitNode | undefined {
  const byId = new Map(units.map((u) => [u.id, u]));
  let unit = byId.get(unitId);
  for (let hops = 0; unit?.parentId && hops < 20; hops++) unit = byId.get(unit.parentId) ?? unit;
  return unit?.parentId === null ? unit : undefined;
}

/**
 * The forwarding targets of a province: every active unit below it, depth first, siblings by
 * Vietnamese name, leaving out `exclude` (the agency that transfers). The server checks again.
 */
export function agencyChoices(units: readonly UnitNode[], provinceId: string, exclude?: string): UnitChoice[] {
  const children = new Map<string, UnitNode[]>();
  for (const u of units) if (u.parentId && u.status === 'active') (children.get(u.parentId) ?? children.set(u.parentId, []).get(u.parentId)!).push(u);
  const out: UnitChoice[] = [];
  const walk = (id: string, depth: number) => {
    for (const u of (children.get(id) ?? []).sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'))) {
      if (u.id !== exclude) out.push({ unit: u, depth });
      if (depth < 10) walk(u.id, depth + 1);
    }
  };
  walk(provinceId, 0);
  return out;
}

/** The `<option>`s of a unit picker: indented by depth (non-breaking spaces, read as nothing), values are unit ids. */
export function unitOptions(choices: readonly UnitChoice[], selected?: string): TemplateResult[] {
  return choices.map((c) => html`<option value=${c.unit.id} ?selected=${selected === c.unit.id}>${'\u00a0\u00a0'.repeat(c.depth)}${c.unit.nameVi}</option>`);
}
