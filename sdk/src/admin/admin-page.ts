import { css, html, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ApiError } from './api-error.js';
import type { ApiClient } from './api-client.js';
import { CongElement } from './cong-element.js';
import type { AdminContributionProps, AdminTenant, AdminUser } from './contribution.js';
import { localized } from './localized.js';
import { showToast } from './toast.js';

/** What {@link AdminPage.renderStatus} needs from a page's styles; pages add theirs after it. */
export const adminPageStyles = css`
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
  .error { color: var(--cong-color-danger, #b00020); }
`;

const FAILED = { vi: 'Không tải được dữ liệu', en: 'Could not load the data' };

/**
 * The base of a plugin's admin page: the shell's props (`tenant`, `user`, `api`), the page's error line,
 * the busy state, a polite live region that announces what an action did, how an action runs, and
 * optional deep links (`<route>/<id>` in the address opens one object: a bookmark, a link in an e-mail,
 * Back and Forward). Subclasses declare their own reactive properties (Lit merges them), implement
 * `load()`, and set `static styles = [adminPageStyles, theirStyles]`.
 *
 * @example
 * ```ts
 * class NoticeList extends AdminPage {
 *   protected override readonly route = '/notices';
 *   async load() { this.items = await this.api!.get('/api/notices/items'); }
 *   protected override followLink(id?: string) { this.open = id; }
 *   render() { return html`<h1>…</h1>${this.renderStatus()}…`; }
 * }
 * ```
 */
export abstract class AdminPage extends CongElement implements Partial<AdminContributionProps> {
  static override styles: CSSResultGroup = adminPageStyles;

  static override properties: PropertyDeclarations = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    error: { state: true },
    busy: { state: true },
    announcement: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare error: string | undefined;
  declare busy: boolean;
  /** The last result, read out by screen readers (the region is always in the page, so changes are announced). */
  declare announcement: string;

  /**
   * The page's nav route (`/gazette/doi-chieu`) when it opens objects by address: `<route>/<id>`.
   * Undefined: the page has no such links.
   */
  protected readonly route: string | undefined = undefined;
  /** The address the page last followed. */
  #path = typeof location === 'undefined' ? '' : location.pathname;
  #linkFollowed = false;
  readonly #sync = () => {
    if (location.pathname === this.#path) return;
    this.#path = location.pathname;
    this.followLink(this.linkedId());
  };

  constructor() {
    super();
    this.busy = false;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#sync);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#sync);
  }

  /** Loads the page's data; called when the shell sets `api` or changes the unit. */
  abstract load(): Promise<void>;

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      const previous = changed.get('tenant') as AdminTenant | undefined;
      if (previous !== undefined && previous.id !== this.tenant?.id) {
        this.unitChanged();
        this.linkTo(undefined);
      }
      void this.load();
      if (!this.#linkFollowed) {
        this.#linkFollowed = true;
        const id = this.linkedId();
        if (id) this.followLink(id);
      }
    }
  }

  /** The object the address names (`/admin/<route>/<id>` → `<id>`), if any. */
  protected linkedId(): string | undefined {
    if (!this.route || typeof location === 'undefined') return undefined;
    // The shell serves under /admin; a path without it is read the same way.
    const path = location.pathname.replace(/^\/admin(?=\/)/, '');
    if (!path.startsWith(`${this.route}/`)) return undefined;
    const id = decodeURIComponent(path.slice(this.route.length + 1).split('/')[0] ?? '');
    return id || undefined;
  }

  /** Opens the object the address names, or the list when it names none. Pages with a `route` override it. */
  protected followLink(_id: string | undefined): void {}

  /** Puts the open object (or the list) in the address through the shell; nothing without a shell. */
  protected linkTo(id: string | undefined): void {
    if (!this.route || this.linkedId() === id) return;
    this.emit('cong-navigate', { path: id ? `${this.route}/${encodeURIComponent(id)}` : this.route });
    this.#path = location.pathname; // the shell changed it synchronously (unchanged without a shell)
  }

  /** The shell switched units: drop what belonged to the previous one. */
  protected unitChanged(): void {}

  /** Whether the account holds `permission` in this unit (without a shell, in tests and demos: yes). */
  protected can(permission: string): boolean {
    return !this.user || this.user.permissions.includes(permission);
  }

  /** The message to show for a failed call: the server's problem detail, else a generic one. */
  protected failure(error: unknown): string {
    return error instanceof ApiError ? error.message : localized(FAILED);
  }

  /** Moves focus to the first field with an error, once the page rendered the messages. */
  protected async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  protected announce(message: string): void {
    this.announcement = message;
  }

  /**
   * Runs an action: busy meanwhile; on success the message is announced and toasted; on failure
   * `onError` may take field errors for itself (return true) before the page shows the message.
   */
  protected async act(work: () => Promise<void>, done: string | (() => string), onError?: (error: ApiError) => boolean): Promise<boolean> {
    this.busy = true;
    try {
      await work();
      this.error = undefined;
      // A function: the message depends on the answer (a register number, who was notified).
      const message = typeof done === 'function' ? done() : done;
      this.announce(message);
      showToast(message, { variant: 'success' }, this);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError && onError?.(error))) this.error = this.failure(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The live region and the error line, rendered at the top of every page. */
  protected renderStatus() {
    return html`<p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>${this.error ? html`<p role="alert" class="error">${this.error}</p>` : ''}`;
  }
}
