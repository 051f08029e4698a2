// What the sites admin's browser tests share: a fake API client answered route by route, waiting for
// an element to settle, and axe-core's WCAG 2.1 AA check.
import type { ApiClient } from '@cong/sdk/admin';

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, unknown>>;
}

/** A client answered route by route (`METHOD path`); any other call fails the test. */
export function routedApi(routes: Record<string, (call: Call) => unknown>): ApiClient & { calls: Call[] } {
  const calls: Call[] = [];
  const answer = async (call: Call) => {
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    if (!route) throw new Error(`unexpected ${call.method} ${call.path}`);
    return route(call);
  };
  return {
    calls,
    get: (path: string, options?: { query?: Record<string, unknown> }) => answer({ method: 'GET', path, ...(options?.query ? { query: options.query } : {}) }),
    post: (path: string, body?: unknown) => answer({ method: 'POST', path, body }),
    put: (path: string, body?: unknown) => answer({ method: 'PUT', path, body }),
    patch: (path: string, body?: unknown) => answer({ method: 'PATCH', path, body }),
    delete: (path: string) => answer({ method: 'DELETE', path }),
  } as ApiClient & { calls: Call[] };
}

export async function settle(element: { updateComplete: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

export async function axeViolations(element: Element): Promise<string[]> {
  // Served by the browser tests' vite server; a variable, so the compiler does not look the path up.
  const axePath = '/tests/node_modules/axe-core/axe.js';
  await import(/* @vite-ignore */ axePath);
  type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
  const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
  const result = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
