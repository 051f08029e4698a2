import { LitElement } from 'lit';
import type { ToastDetail } from './toast.js';

declare global {
  /**
   * Events admin elements emit, by name → `detail` type. A plugin adds its own:
   * `declare global { interface CongEventMap { 'hello-greeting-created': { id: string } } }`.
   */
  interface CongEventMap {
    /** The shell should navigate (a plugin link). */
    'cong-navigate': { readonly path: string };
    /** The shell should show a toast (see `showToast`). */
    'cong-toast': ToastDetail;
    /** Plugins were enabled or disabled in a unit: the shell re-reads its manifest (nav, dashboard). */
    'cong-modules-changed': { readonly tenant?: string };
  }
}

/**
 * The base of every admin element, the shell's and plugins'. Adds what custom elements lack for a
 * platform of many plugins: events that are typed and namespaced by the element's own prefix, and a
 * `define` that refuses a tag outside the plugin's namespace and tolerates being run twice.
 *
 * @example
 * ```ts
 * export class GreetingList extends CongElement {
 *   render() { return html`<button @click=${() => this.emit('hello-greeting-created', { id })}>…</button>`; }
 * }
 * GreetingList.define('hello-greeting-list', 'hello');
 * ```
 */
export class CongElement extends LitElement {
  /**
   * Dispatches a CustomEvent that bubbles out of shadow roots. Its name must start with this
   * element's prefix (`hello-` for `<hello-greeting-list>`) or be a shell event (`cong-`).
   */
  emit<K extends keyof CongEventMap & string>(name: K, detail: CongEventMap[K], options: Omit<CustomEventInit, 'detail'> = {}): CustomEvent<CongEventMap[K]> {
    const prefix = `${this.localName.split('-')[0]}-`;
    if (!name.startsWith(prefix) && !name.startsWith('cong-')) {
      throw new TypeError(`<${this.localName}> can emit only events starting with "${prefix}" or "cong-", not "${name}"`);
    }
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, ...options, detail });
    this.dispatchEvent(event);
    return event;
  }

  /**
   * Registers this class as `tag`, which must start with `<pluginId>-`. Defining the same class under
   * the same tag again does nothing (bundles can be loaded twice); another class under a taken tag
   * is refused with an error that names both.
   */
  static define(tag: string, pluginId: string): void {
    if (!/^[a-z][a-z0-9-]{1,30}$/.test(pluginId) || !tag.startsWith(`${pluginId}-`) || !/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(tag)) {
      throw new TypeError(`Tag <${tag}> must be a valid custom element name starting with "${pluginId}-"`);
    }
    const existing = customElements.get(tag);
    if (existing === this) return;
    if (existing) throw new TypeError(`Tag <${tag}> is already defined by ${existing.name || 'another class'}; ${this.name || 'this class'} cannot take it`);
    customElements.define(tag, this);
  }
}
