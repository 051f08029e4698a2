import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { Greeting } from '../../api/index.js';
import './greeting-list.js';

/** An API client that answers like the server, kept in memory. */
function fakeApi(): ApiClient & { posted: unknown[] } {
  const items: Greeting[] = [];
  const posted: unknown[] = [];
  const api = {
    posted,
    get: async () => ({ items: [...items], total: items.length, limit: 50, offset: 0 }),
    post: async (_path: string, body: any) => {
      posted.push(body);
      if (!body.name) throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /name is required', [{ in: 'body', pointer: '/name', message: 'is required', keyword: 'minLength' }]);
      const greeting = { id: `g${items.length + 1}`, name: body.name, message: body.message, language: body.language, createdAt: new Date().toISOString(), deliveredAt: null };
      items.unshift(greeting);
      return greeting;
    },
    put: async () => undefined,
    patch: async () => undefined,
    delete: async () => undefined,
    withTenant: () => api,
  };
  return api as never;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('<hello-greeting-list>', () => {
  it('shows the field error next to the field, then adds a greeting and announces it', async () => {
    document.documentElement.lang = 'vi';
    const element = document.createElement('hello-greeting-list');
    const api = fakeApi();
    element.api = api;
    const created: unknown[] = [];
    element.addEventListener('hello-greeting-created', (e) => void created.push((e as CustomEvent).detail));
    document.body.append(element);
    await element.updateComplete;
    await settle();
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Chưa có lời chào nào.');

    root.querySelector('form')!.requestSubmit();
    await settle();
    await element.updateComplete;
    const input = root.querySelector<HTMLInputElement>('input[name=name]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent).toBe('is required');

    input.value = 'Nguyễn Thị Đào';
    root.querySelector('form')!.requestSubmit();
    await settle();
    await element.updateComplete;
    await settle();
    await element.updateComplete;
    expect(created).toEqual([{ id: 'g1' }]);
    expect(root.querySelector('tbody')!.textContent).toContain('Nguyễn Thị Đào');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    element.remove();
  });

  it('speaks English when the page does', async () => {
    document.documentElement.lang = 'en';
    const element = document.createElement('hello-greeting-list');
    element.api = fakeApi();
    document.body.append(element);
    await element.updateComplete;
    await settle();
    expect(element.shadowRoot!.querySelector('h1')!.textContent).toBe('Greetings');
    element.remove();
  });
});
