import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { Greeting } from '../../api/index.js';
import type { AdminTenant, AdminUser } from '@cong/sdk/admin';
import './greeting-list.js';

/** An API client that answers like the server, kept in memory. */
function fakeApi(initial: Greeting[] = []): ApiClient & { posted: unknown[] } {
  const items: Greeting[] = [...initial];
  const posted: unknown[] = [];
  const api = {
    posted,
    get: async () => ({ items: [...items], total: items.length, limit: 50, offset: 0 }),
    post: async (_path: string, body: any) => {
      posted.push(body);
      if (!body.name) throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /name is required', [{ in: 'body', pointer: '/name', message: 'is required', keyword: 'minLength' }]);
      const greeting = { id: `g${items.length + 1}`, name: body.name, message: body.message, language: body.language ?? 'vi', createdAt: new Date().toISOString(), deliveredAt: null };
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

  it('reloads for the new unit when the shell sets another tenant and api, and hides the form without hello.write', async () => {
    document.documentElement.lang = 'vi';
    const unit = (slug: string): AdminTenant => ({ id: `id-${slug}`, slug, nameVi: slug, nameEn: null, kind: 'department' });
    const greeting = (name: string): Greeting => ({ id: name, name, message: '', language: 'vi', createdAt: new Date().toISOString(), deliveredAt: null });
    const writer: AdminUser = { id: 'u1', username: 'bien.tap', displayName: null, permissions: ['hello.write'] };
    const element = document.createElement('hello-greeting-list');
    Object.assign(element, { tenant: unit('so-tai-chinh'), user: writer, api: fakeApi([greeting('Tài chính')]) });
    document.body.append(element);
    await element.updateComplete;
    await settle();
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelector('tbody')!.textContent).toContain('Tài chính');
    expect(root.querySelector('form')).not.toBeNull();

    Object.assign(element, { tenant: unit('so-y-te'), user: { ...writer, permissions: [] }, api: fakeApi([greeting('Y tế')]) });
    await element.updateComplete;
    await settle();
    await element.updateComplete;
    expect(root.querySelector('tbody')!.textContent).toContain('Y tế');
    expect(root.querySelector('tbody')!.textContent).not.toContain('Tài chính');
    expect(root.querySelector('form')).toBeNull();
    expect(root.textContent).toContain('Bạn cần quyền “Tạo lời chào”');
    element.remove();
  });
});
