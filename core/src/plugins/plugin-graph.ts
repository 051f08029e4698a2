import { CONG_ERR_PLUGIN_CYCLE } from '../errors.js';

/**
 * Orders plugins so that each comes after the plugins it depends on. Ties keep the input order, so
 * boots are reproducible. A cycle fails with its whole path: `a → b → c → a`.
 */
export function topologicalOrder(ids: readonly string[], dependencies: ReadonlyMap<string, readonly string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (id: string): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      throw CONG_ERR_PLUGIN_CYCLE.create({ cycle: cycle.join(' → ') });
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of dependencies.get(id) ?? []) visit(dep);
    stack.pop();
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of ids) visit(id);
  return order;
}
