import { html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { CongElement, TOAST_EVENT, type ToastDetail } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/callout/callout.js';

interface Toast extends ToastDetail {
  readonly id: number;
}

declare global {
  interface HTMLElementTagNameMap {
    'cong-toast-region': CongToastRegion;
  }
}

/**
 * Shows the `cong-toast` events dispatched anywhere in the document (`showToast` of `@cong/sdk/admin`):
 * polite live region for most, an alert region for `danger`. Each closes by itself after its duration
 * or with its close button.
 */
export class CongToastRegion extends CongElement {
  static override styles = css`
    :host { position: fixed; inset-block-end: var(--cong-space-m); inset-inline-end: var(--cong-space-m); z-index: 1000; display: grid; gap: var(--cong-space-xs); max-width: min(28rem, 92vw); }
    .region { display: grid; gap: var(--cong-space-xs); }
    wa-callout { box-shadow: 0 2px 8px rgb(0 0 0 / 20%); }
    .row { display: flex; gap: var(--cong-space-s); align-items: start; justify-content: space-between; }
    button { font: inherit; border: 1px solid #767676; background: var(--cong-color-surface); color: var(--cong-color-text); border-radius: var(--cong-radius); cursor: pointer; padding: 0.1rem 0.5rem; }
    button:focus-visible { outline: var(--cong-focus-ring); outline-offset: 2px; }
  `;

  static override properties = { toasts: { state: true } };
  declare toasts: readonly Toast[];
  #next = 1;
  #onToast = (event: Event) => this.show((event as CustomEvent<ToastDetail>).detail);

  constructor() {
    super();
    this.toasts = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(TOAST_EVENT, this.#onToast);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(TOAST_EVENT, this.#onToast);
  }

  /** Shows a toast; the same message twice in a row is shown once. */
  show(detail: ToastDetail): void {
    if (!detail?.message) return;
    if (this.toasts.some((t) => t.message === detail.message && t.variant === detail.variant)) return;
    const toast: Toast = { ...detail, id: this.#next++ };
    this.toasts = [...this.toasts.slice(-4), toast];
    const duration = detail.duration ?? (detail.variant === 'danger' ? 10_000 : 6_000);
    if (duration > 0) setTimeout(() => this.dismiss(toast.id), duration);
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  #render(list: readonly Toast[]) {
    return repeat(
      list,
      (t) => t.id,
      (t) => html`<wa-callout variant=${t.variant}>
        <div class="row"><span>${t.message}</span><button type="button" aria-label=${msg('Close', { id: 'toast.close' })} @click=${() => this.dismiss(t.id)}>×</button></div>
      </wa-callout>`,
    );
  }

  override render() {
    return html`<div class="region" role="alert">${this.#render(this.toasts.filter((t) => t.variant === 'danger'))}</div>
      <div class="region" role="status">${this.#render(this.toasts.filter((t) => t.variant !== 'danger'))}</div>`;
  }
}

CongToastRegion.define('cong-toast-region', 'cong');
