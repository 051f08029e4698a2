// axe-core's WCAG 2.1 AA check for the widgets' browser tests (as the admin's tests run it). Only tests
// import this file; it is not part of the widget bundle.
export async function axeViolations(element: Element): Promise<string[]> {
  // Served by the browser tests' vite server; a variable, so the compiler does not look the path up.
  const axePath = '/tests/node_modules/axe-core/axe.js';
  await import(/* @vite-ignore */ axePath);
  type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
  const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
  const result = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
