import { html, css, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { CongElement, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { loadPluginModule } from './plugin-loader.js';
import '@awesome.me/webawesome/dist/components/spinner/spinner.js';

/** Why a contribution is not shown. */
export type BoundaryFailure = 'load' | 'undefined' | 'render';

declare global {
  interface CongEventMap {
    /** A contribution failed: its placeholder shows. Bubbles to the shell (which logs it). */
    'cong-boundary-failed': { readonly plugin: string; readonly element: string; readonly reason: BoundaryFailure; readonly error: unknown };
    /** A contribution rendered for the first time (the shell moves focus to its heading after a navigation). */
    'cong-boundary-ready': { readonly plugin: string; readonly element: string };
  }
  interface HTMLElementTagNameMap {
    'cong-boundary': CongBoundary;
  }
}

/** Runs `fn` and returns what it threw or reported to `window` (custom element reactions report, they do not throw). */
function captureErrors(fn: () => void): { error: unknown } | undefined {
  let failure: { error: unknown } | undefined;
  const onError = (event: ErrorEvent) => {
    failure ??= { error: event.error ?? new Error(event.message) };
    // The boundary handles it: no global report (and no test runner's unhandled error).
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener('error', onError, { capture: true });
  try {
    fn();
  } catch (error) {
    failure ??= { error };
  } finally {
    window.removeEventListener('error', onError, { capture: true });
  }
  return failure;
}

type Updating = HTMLElement & { performUpdate?: () => void; updateComplete?: Promise<unknown> };

/**
 * Error boundary around one contributed element (a plugin's nav page, zone slot or settings page, or a
 * core page). It loads the element's module (`module` URL, or the `load` function), creates `element`,
 * gives it `tenant`, `user`, `api` (and `props`) before connecting it, and again whenever they change.
 * When the import rejects, the tag is still undefined afterwards, or the element throws while
 * constructing, connecting or rendering (a Lit update, first or later), it shows a placeholder naming
 * `plugin` with a retry button, emits `cong-boundary-failed`, and the rest of the page keeps working.
 *
 * @fires cong-boundary-failed
 * @fires cong-boundary-ready
 */
export class CongBoundary extends CongElement {
  static override styles = css`
    :host { display: block; }
    .placeholder {
      border: 1px solid var(--cong-color-danger);
      border-radius: var(--cong-radius);
      padding: var(--cong-space-s) var(--cong-space-m);
      color: var(--cong-color-text);
      background: var(--cong-color-surface);
    }
    .placeholder p { margin: 0 0 var(--cong-space-xs); }
    button { font: inherit; padding: 0.3rem 0.8rem; border-radius: var(--cong-radius); border: 1px solid #767676; background: var(--cong-color-surface); color: var(--cong-color-text); cursor: pointer; }
    button:focus-visible { outline: var(--cong-focus-ring); outline-offset: 2px; }
  `;

  static override properties = {
    plugin: { reflect: true },
    element: { reflect: true },
    module: {},
    load: { attribute: false },
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    props: { attribute: false },
    status: { reflect: true },
  };

  /** The plugin the contribution belongs to (`core` for the core's pages): named by the placeholder. */
  declare plugin: string;
  /** The custom element tag to mount. */
  declare element: string;
  /** URL of the plugin's admin bundle, imported once for all its boundaries. */
  declare module: string | undefined;
  /** Or a loader (the core's lazy pages); `attempt` counts retries. */
  declare load: ((attempt: number) => Promise<unknown>) | undefined;
  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** More properties for the element (the settings page's `plugin`). */
  declare props: Readonly<Record<string, unknown>> | undefined;
  /** `loading`, `ready` or `failed` (reflected for styling and tests). */
  declare status: 'loading' | 'ready' | 'failed';

  #child: Updating | undefined;
  #generation = 0;
  #attempt = 0;

  constructor() {
    super();
    this.plugin = '';
    this.element = '';
    this.status = 'loading';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#generation++;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached (moved in the DOM): mount again unless the element is still here.
    if (this.hasUpdated && !this.#child) void this.#mount();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('element') || changed.has('module') || changed.has('load') || changed.has('plugin')) {
      void this.#mount();
    } else if (this.#child && (changed.has('tenant') || changed.has('user') || changed.has('api') || changed.has('props'))) {
      this.#assign(this.#child);
    }
  }

  /** Tries again after a failure (the placeholder's button). */
  retry(): void {
    this.#attempt++;
    void this.#mount();
  }

  #assign(child: Updating): void {
    const target = child as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(this.props ?? {})) target[key] = value;
    if (this.tenant) target['tenant'] = this.tenant;
    if (this.user) target['user'] = this.user;
    if (this.api) target['api'] = this.api;
  }

  async #mount(): Promise<void> {
    const generation = ++this.#generation;
    this.#child = undefined;
    this.replaceChildren();
    this.status = 'loading';
    const tag = this.element;
    try {
      if (this.load) await this.load(this.#attempt);
      else if (this.module) await loadPluginModule(this.module, this.#attempt);
    } catch (error) {
      if (generation === this.#generation) this.#fail('load', error);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    if (!tag || !customElements.get(tag)) {
      this.#fail('undefined', new Error(`<${tag}> is not defined by its module`));
      return;
    }
    let child: Updating | undefined;
    const created = captureErrors(() => {
      child = document.createElement(tag) as Updating;
    });
    if (created || !child || child instanceof HTMLUnknownElement) {
      this.#fail('render', created?.error ?? new Error(`<${tag}> could not be created`));
      return;
    }
    this.#guardUpdates(child, generation);
    this.#assign(child);
    this.#child = child;
    const connected = captureErrors(() => this.append(child!));
    if (connected) {
      this.#fail('render', connected.error);
      return;
    }
    try {
      await child.updateComplete;
    } catch (error) {
      if (generation === this.#generation) this.#fail('render', error);
      return;
    }
    if (generation !== this.#generation || (this.status as string) === 'failed') return;
    this.status = 'ready';
    this.emit('cong-boundary-ready', { plugin: this.plugin, element: tag });
  }

  /** Lit reports update errors only as a rejected `updateComplete`: catch them where they are thrown. */
  #guardUpdates(child: Updating, generation: number): void {
    const perform = child.performUpdate;
    if (typeof perform !== 'function') return;
    child.performUpdate = () => {
      try {
        perform.call(child);
      } catch (error) {
        if (generation === this.#generation) this.#fail('render', error);
      }
    };
  }

  #fail(reason: BoundaryFailure, error: unknown): void {
    this.#generation++;
    this.#child = undefined;
    this.replaceChildren();
    this.status = 'failed';
    console.error(`[cong] <${this.element}> of plugin ${this.plugin} failed (${reason}):`, error);
    this.emit('cong-boundary-failed', { plugin: this.plugin, element: this.element, reason, error });
  }

  override render() {
    if (this.status === 'failed') {
      return html`<div class="placeholder" role="alert">
        <p>${msg(str`The ${this.plugin} plugin part failed to load`, { id: 'boundary.failed' })}</p>
        <button type="button" @click=${() => this.retry()}>${msg('Try again', { id: 'boundary.retry' })}</button>
      </div>`;
    }
    return html`${this.status === 'loading' ? html`<wa-spinner label=${msg('Loading', { id: 'boundary.loading' })}></wa-spinner>` : nothing}<slot></slot>`;
  }
}

CongBoundary.define('cong-boundary', 'cong');
