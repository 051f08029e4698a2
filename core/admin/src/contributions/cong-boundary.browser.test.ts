import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminTenant } from '@cong/sdk/admin';
import './cong-boundary.js';
import type { CongBoundary } from './cong-boundary.js';
import { loadPluginModule, resetPluginModules } from './plugin-loader.js';

const tenant: AdminTenant = { id: 't1', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department' };

class GoodWidget extends LitElement {
  static override properties = { tenant: { attribute: false } };
  declare tenant: AdminTenant | undefined;
  tenantAtConnect: AdminTenant | undefined;
  override connectedCallback(): void {
    this.tenantAtConnect = this.tenant;
    super.connectedCallback();
  }
  override render() {
    return html`<h1>Good ${this.tenant?.slug}</h1>`;
  }
}
customElements.define('good-widget', GoodWidget);

class RenderThrows extends LitElement {
  override render(): never {
    throw new Error('broken on purpose (render)');
  }
}
customElements.define('bad-render', RenderThrows);

class LaterThrows extends LitElement {
  static override properties = { tenant: { attribute: false } };
  declare tenant: AdminTenant | undefined;
  override render() {
    if (this.tenant?.slug === 'xa-hong') throw new Error('broken on purpose (update)');
    return html`<p>fine</p>`;
  }
}
customElements.define('bad-later', LaterThrows);

class ConnectThrows extends HTMLElement {
  connectedCallback(): void {
    throw new Error('broken on purpose (connect)');
  }
}
customElements.define('bad-connect', ConnectThrows);

function boundary(plugin: string, element: string, load: (attempt: number) => Promise<unknown> = async () => undefined): CongBoundary {
  const b = document.createElement('cong-boundary');
  b.plugin = plugin;
  b.element = element;
  b.load = load;
  b.tenant = tenant;
  return b;
}

/** Waits until every boundary has left `loading`. */
async function settled(...boundaries: CongBoundary[]): Promise<void> {
  for (let i = 0; i < 50 && boundaries.some((b) => b.status === 'loading'); i++) await new Promise((r) => setTimeout(r, 10));
  await Promise.all(boundaries.map((b) => b.updateComplete));
}

const placeholder = (b: CongBoundary) => b.shadowRoot!.querySelector('[role="alert"]');

afterEach(() => {
  document.body.replaceChildren();
  resetPluginModules();
});

describe('<cong-boundary>', () => {
  it('mounts the element with tenant set before it connects', async () => {
    const good = boundary('good', 'good-widget');
    document.body.append(good);
    await settled(good);
    expect(good.status).toBe('ready');
    const child = good.querySelector('good-widget') as GoodWidget;
    expect(child.tenantAtConnect).toBe(tenant);
    expect(child.shadowRoot!.textContent).toContain('Good so-tai-chinh');
  });

  it('shows a placeholder naming the plugin when the import fails, the tag stays undefined, or rendering throws; siblings still render', async () => {
    const failures: unknown[] = [];
    document.body.addEventListener('cong-boundary-failed', (e) => void failures.push((e as CustomEvent).detail.reason));
    const broken = [
      boundary('khong-tai', 'khong-tai-widget', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
      boundary('chua-dinh-nghia', 'chua-dinh-nghia-widget'),
      boundary('ve-loi', 'bad-render'),
      boundary('ket-noi-loi', 'bad-connect'),
    ];
    const good = boundary('good', 'good-widget');
    document.body.append(broken[0]!, broken[1]!, good, broken[2]!, broken[3]!);
    await settled(good, ...broken);

    for (const b of broken) {
      expect(b.status, b.plugin).toBe('failed');
      expect(placeholder(b)!.textContent).toContain(`The ${b.plugin} plugin part failed to load`);
      expect(b.children).toHaveLength(0);
    }
    expect(failures.sort()).toEqual(['load', 'render', 'render', 'undefined']);
    expect(good.status).toBe('ready');
    expect((good.querySelector('good-widget') as GoodWidget).shadowRoot!.textContent).toContain('Good');
  });

  it('catches an error thrown by a later update, when the unit changes', async () => {
    const b = boundary('sau', 'bad-later');
    document.body.append(b);
    await settled(b);
    expect(b.status).toBe('ready');
    b.tenant = { ...tenant, slug: 'xa-hong' };
    await b.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(b.status).toBe('failed');
    expect(placeholder(b)!.textContent).toContain('The sau plugin part failed to load');
  });

  it('tries again with the retry button', async () => {
    let calls = 0;
    const b = boundary('lan-hai', 'good-widget', async (attempt) => {
      calls++;
      if (attempt === 0) throw new Error('offline');
    });
    document.body.append(b);
    await settled(b);
    expect(b.status).toBe('failed');
    b.shadowRoot!.querySelector('button')!.click();
    await settled(b);
    expect(calls).toBe(2);
    expect(b.status).toBe('ready');
    expect(b.querySelector('good-widget')).not.toBeNull();
  });
});

describe('loadPluginModule', () => {
  it('imports a module once, forgets a failure, and busts the cache on retry', async () => {
    const urls: string[] = [];
    let fail = true;
    const importer = async (url: string) => {
      urls.push(url);
      if (fail) throw new Error('404');
      return { ok: true };
    };
    await expect(loadPluginModule('/admin/plugins/hello/index.js', 0, importer)).rejects.toThrow('404');
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    await loadPluginModule('/admin/plugins/hello/index.js', 1, importer);
    await loadPluginModule('/admin/plugins/hello/index.js', 0, importer);
    expect(urls).toEqual(['/admin/plugins/hello/index.js', '/admin/plugins/hello/index.js?retry=1']);
  });
});
