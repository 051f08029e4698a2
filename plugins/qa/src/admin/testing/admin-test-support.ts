// What the Q&A admin's browser tests share (as the gazette's do): an API client answered route by
// route with answers in the real API's shape (typed by the server's own response types), an uploader
// answered the same way, waiting for an element to settle, and axe-core's WCAG 2.1 AA check.
// Not part of the bundle: only tests import it.
import type { ApiClient } from '@cong/sdk/admin';
import type { AnswerView } from '../shared/qa-api.js';
import type { FileUploader, UploadOptions } from '../shared/upload-file.js';

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
  const client = {
    calls,
    get: (path: string, options?: { query?: Record<string, unknown> }) => answer({ method: 'GET', path, ...(options?.query ? { query: options.query } : {}) }),
    post: (path: string, body?: unknown) => answer({ method: 'POST', path, body }),
    put: (path: string, body?: unknown) => answer({ method: 'PUT', path, body }),
    patch: (path: string, body?: unknown) => answer({ method: 'PATCH', path, body }),
    delete: (path: string) => answer({ method: 'DELETE', path }),
    withTenant: () => client,
  };
  return client as unknown as ApiClient & { calls: Call[] };
}

export interface UploadCall {
  readonly path: string;
  readonly file: File;
  readonly options: UploadOptions;
}

/** An uploader answered by `answer` (after reporting half, then all, of the bytes sent), recording each call. */
export function routedUploader<T = AnswerView>(answer: (call: UploadCall) => T): FileUploader<T> & { calls: UploadCall[] } {
  const calls: UploadCall[] = [];
  const upload = async (path: string, file: File, options: UploadOptions = {}) => {
    const call = { path, file, options };
    calls.push(call);
    options.onProgress?.(0.5);
    await new Promise((resolve) => setTimeout(resolve, 0));
    options.onProgress?.(1);
    return answer(call);
  };
  return Object.assign(upload, { calls });
}

export async function settle(element: { updateComplete: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

/** Settles an element and the elements inside its shadow root (the publication review, the answer editor). */
export async function settleAll(element: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  await settle(element);
  for (const inner of element.shadowRoot?.querySelectorAll('*') ?? []) {
    if ('updateComplete' in inner) await settleAll(inner as Element & { updateComplete: Promise<unknown> });
  }
  await settle(element);
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

/** Clicks the button whose text is `text` (trimmed) inside `root`. */
export function clickButton(root: ParentNode, text: string): void {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`no button "${text}"`);
  button.click();
}
