/** How a toast looks: the Web Awesome variants. Default is `neutral`; `danger` is announced assertively. */
export type ToastVariant = 'neutral' | 'brand' | 'success' | 'warning' | 'danger';

/** Options of {@link showToast}. */
export interface ToastOptions {
  /** Default is `neutral`. */
  readonly variant?: ToastVariant;
  /** Milliseconds before it closes by itself. Default is 6000 (10000 for `danger`); 0 keeps it open. */
  readonly duration?: number;
}

/** The `detail` of a `cong-toast` event. */
export interface ToastDetail {
  readonly message: string;
  readonly variant: ToastVariant;
  readonly duration?: number;
}

/** The name of the event the admin shell listens for on `document` to show a toast. */
export const TOAST_EVENT = 'cong-toast';

/**
 * Asks the admin shell to show a short message. Dispatches a `cong-toast` event (bubbling, composed)
 * on `target` (default `document`); the shell renders it in its live region. Without a shell nothing
 * shows, which keeps component tests quiet.
 *
 * @example
 * ```ts
 * showToast(localized({ vi: 'Đã lưu', en: 'Saved' }), { variant: 'success' });
 * ```
 */
export function showToast(message: string, options: ToastOptions = {}, target?: EventTarget): CustomEvent<ToastDetail> {
  const detail: ToastDetail = { message, variant: options.variant ?? 'neutral', ...(options.duration !== undefined ? { duration: options.duration } : {}) };
  const event = new CustomEvent<ToastDetail>(TOAST_EVENT, { bubbles: true, composed: true, detail });
  (target ?? (globalThis as { document?: Document }).document)?.dispatchEvent(event);
  return event;
}
