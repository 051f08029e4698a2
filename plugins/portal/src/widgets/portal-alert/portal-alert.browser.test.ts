import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './portal-alert.js';

const unit = { slug: 'quang-tri', name: 'Tỉnh Quảng Trị' };
const danger = { id: 'd1', message: '<img src=x onerror="window.__pwned = true">Bão số 3', lang: 'vi', severity: 'danger', startsAt: '2026-11-29T00:00:00.000Z', endsAt: null, unit };
const info = { id: 'i1', message: 'Bảo trì hệ thống', lang: 'vi', severity: 'info', startsAt: '2026-11-29T00:00:00.000Z', endsAt: null, unit };

function stubFetch(body: unknown, status = 200) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(String(url));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

const settle = async (element: HTMLElement & { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
};

async function mount(attributes: Record<string, string>) {
  const element = document.createElement('cong-portal-alert');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

describe('<cong-portal-alert>', () => {
  beforeEach(() => document.documentElement.removeAttribute('lang'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('renders danger as role=alert and others as role=status, messages as text', async () => {
    const calls = stubFetch({ items: [danger, info] });
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    expect(calls).toEqual(['https://portal.example/t/so-tai-chinh/api/portal/public/alerts?lang=vi']);
    const root = element.shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    const alerts = [...root.querySelectorAll('[part~=alert]')];
    expect(alerts.map((a) => a.getAttribute('role'))).toEqual(['alert', 'status']);
    expect(alerts[0]!.getAttribute('part')).toBe('alert danger');
    expect(alerts[0]!.querySelector('[part=message]')!.textContent).toBe(`Khẩn cấp: ${danger.message}`);
    expect(alerts[0]!.querySelector('[part=unit]')!.textContent).toBe('— Tỉnh Quảng Trị');
  });

  it('renders nothing when there is no alert or the server fails; English labels on lang="en"', async () => {
    stubFetch({ items: [] });
    const none = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    expect(none.shadowRoot!.children).toHaveLength(0);
    expect(none.shadowRoot!.textContent!.trim()).toBe('');
    vi.unstubAllGlobals();
    stubFetch({}, 500);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    expect(failing.shadowRoot!.querySelector('[part~=alert]')).toBeNull();
    warn.mockRestore();
    vi.unstubAllGlobals();
    const calls = stubFetch({ items: [{ ...info, message: 'Maintenance', lang: 'en' }] });
    const en = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example', lang: 'en' });
    expect(calls[0]).toBe('https://portal.example/t/so-tai-chinh/api/portal/public/alerts?lang=en');
    expect(en.shadowRoot!.querySelector('[part=message]')!.textContent).toBe('Notice: Maintenance');
  });

  it('can be themed through --cong-portal-alert-* custom properties', async () => {
    stubFetch({ items: [danger] });
    const style = document.createElement('style');
    style.textContent = 'cong-portal-alert { --cong-portal-alert-danger: rgb(0, 0, 128); }';
    document.head.append(style);
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    expect(getComputedStyle(element.shadowRoot!.querySelector('[part~=alert]')!).backgroundColor).toBe('rgb(0, 0, 128)');
    style.remove();
  });
});
