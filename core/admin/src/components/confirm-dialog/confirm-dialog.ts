import { css, html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { CongElement } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/dialog/dialog.js';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { pageStyles } from '../shared/shared.js';

/** What {@link ConfirmDialog.confirm} asks. */
export interface ConfirmOptions {
  /** The dialog's title, which is also its accessible name. */
  readonly label: string;
  /** The consequences, as text or a Lit template. */
  readonly body: unknown;
  /** The confirming button's text: the action itself ("Archive the unit"), never just "OK". */
  readonly confirmLabel: string;
  /** `danger` for actions that remove or lock something; focus then starts on "Cancel". */
  readonly variant?: 'danger' | 'brand';
}

/** The element focused in the page, through shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * A modal confirmation (`<wa-dialog>`): title, the consequences, a cancel and a confirm button.
 * `await dialog.confirm({...})` opens it and answers true only when the user confirms; Escape,
 * the close button and "Cancel" answer false. Focus moves into the dialog (to "Cancel" for
 * dangerous actions) and returns to the control that opened it.
 *
 * @example
 * ```ts
 * if (await this.dialog.confirm({ label: 'Archive', body: '3 units change', confirmLabel: 'Archive', variant: 'danger' })) …
 * ```
 */
export class ConfirmDialog extends CongElement {
  static override styles = [
    pageStyles,
    css`
      wa-dialog::part(body) { display: grid; gap: 0.75rem; }
    `,
  ];
  static override properties = { options: { state: true }, open: { state: true } };

  declare options: ConfirmOptions | undefined;
  declare open: boolean;
  #resolve: ((value: boolean) => void) | undefined;
  #answer = false;
  #returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    this.open = false;
  }

  /** Opens the dialog; resolves with the user's answer once it closes. */
  confirm(options: ConfirmOptions): Promise<boolean> {
    this.#resolve?.(false);
    this.#returnFocus = deepActiveElement();
    this.options = options;
    this.#answer = false;
    this.open = true;
    return new Promise<boolean>((resolve) => (this.#resolve = resolve));
  }

  /** Closes the dialog as if "Cancel" was chosen. */
  cancel(): void {
    this.#answer = false;
    this.open = false;
    this.#settle();
  }

  #confirmed(): void {
    this.#answer = true;
    this.open = false;
    this.#settle();
  }

  #settle(): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.(this.#answer);
  }

  #hidden(event: Event): void {
    if (event.target !== event.currentTarget) return; // a control inside the dialog closing its own popup
    this.open = false;
    this.#settle();
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) setTimeout(() => target.focus());
  }

  override render() {
    const o = this.options;
    const danger = o?.variant === 'danger';
    return html`<wa-dialog
      label=${o?.label ?? ''}
      ?open=${this.open}
      @wa-hide=${(e: Event) => this.#hidden(e)}
      @wa-after-hide=${(e: Event) => this.#hidden(e)}
    >
      <div class="stack">${o?.body ?? nothing}</div>
      <wa-button slot="footer" appearance="outlined" ?autofocus=${danger} @click=${() => this.cancel()}>${msg('Cancel', { id: 'confirm.cancel' })}</wa-button>
      <wa-button slot="footer" variant=${danger ? 'danger' : 'brand'} ?autofocus=${!danger} data-confirm @click=${() => this.#confirmed()}>${o?.confirmLabel ?? ''}</wa-button>
    </wa-dialog>`;
  }
}

ConfirmDialog.define('cong-confirm-dialog', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-confirm-dialog': ConfirmDialog;
  }
}
