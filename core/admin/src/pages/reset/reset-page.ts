import { html, css, nothing, type PropertyValues } from 'lit';
import { msg } from '@lit/localize';
import { ApiError, CongElement, type ApiClient } from '@cong/sdk/admin';
import { shellStyles } from '../../app/shell-styles.js';
import { retryText } from '../login/login-page.js';

declare global {
  interface HTMLElementTagNameMap {
    'cong-reset-page': CongResetPage;
  }
}

/**
 * `/admin/core/reset`: asks for a reset link (`POST /api/core/auth/password-reset`, always 202), or with
 * `?token=` sets a new password (`POST /api/core/auth/password-reset/complete`).
 */
export class CongResetPage extends CongElement {
  static override styles = [
    shellStyles,
    css`
      :host { display: block; max-width: 28rem; margin: 0 auto; }
      form { display: grid; gap: var(--cong-space-m); }
      input { width: 100%; }
      button[type='submit'] { justify-self: start; }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    busy: { state: true },
    done: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  declare api: ApiClient | undefined;
  declare busy: boolean;
  declare done: boolean;
  declare error: string | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;

  constructor() {
    super();
    this.busy = false;
    this.done = false;
    this.fieldErrors = {};
  }

  #token: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Take the one-time token out of the address bar once read: it then stays out of the history,
    // bookmarks and anything the page links to.
    const url = new URL(location.href);
    const token = url.searchParams.get('token');
    if (token) {
      this.#token = token;
      url.searchParams.delete('token');
      history.replaceState(history.state, '', url);
    }
  }

  get token(): string | null {
    return this.#token;
  }

  #checked = false;

  override willUpdate(changed: PropertyValues<this>): void {
    // Say at once when the link is dead, instead of after the new password was typed twice: the page
    // then offers to send a new link.
    if (changed.has('api') && this.api && this.#token && !this.#checked) {
      this.#checked = true;
      const token = this.#token;
      this.api.post('/api/core/auth/password-reset/check', { token }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'CONG_ERR_RESET_TOKEN_INVALID') {
          this.#token = null;
          this.error = msg('This link is invalid, already used or expired. Ask for a new one.', { id: 'reset.tokenInvalid' });
        }
      });
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.error = undefined;
    this.fieldErrors = {};
    const token = this.token;
    if (token) {
      const password = String(data.get('password') ?? '');
      if (!password) return void (this.fieldErrors = { password: msg('Enter a new password.', { id: 'reset.passwordRequired' }) });
      if (password !== String(data.get('confirm') ?? '')) return void (this.fieldErrors = { confirm: msg('The two passwords differ.', { id: 'reset.mismatch' }) });
      await this.#call(() => this.api!.post('/api/core/auth/password-reset/complete', { token, password }));
    } else {
      const login = String(data.get('login') ?? '').trim();
      if (!login) return void (this.fieldErrors = { login: msg('Enter your username or e-mail address.', { id: 'reset.loginRequired' }) });
      await this.#call(() => this.api!.post('/api/core/auth/password-reset', { login }));
    }
  }

  async #call(request: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    try {
      await request();
      this.done = true;
    } catch (error) {
      if (!(error instanceof ApiError)) this.error = msg('Something went wrong. Try again.', { id: 'login.failed' });
      else if (error.status === 429) this.error = retryText(error.retryAfter);
      else if (error.code === 'CONG_ERR_RESET_TOKEN_INVALID') this.error = msg('This link is invalid, already used or expired. Ask for a new one.', { id: 'reset.tokenInvalid' });
      else if (error.code === 'CONG_ERR_PASSWORD_POLICY') this.fieldErrors = { password: msg('This password is not accepted: use a longer, less common passphrase that does not contain your name or address.', { id: 'reset.policy' }) };
      else if (error.status === 400 && error.errors.length > 0) this.fieldErrors = error.fieldErrors();
      else if (error.status === 0) this.error = msg('The server cannot be reached. Check the connection and try again.', { id: 'app.offline' });
      else this.error = error.message;
    } finally {
      this.busy = false;
    }
  }

  #field(name: string, label: string, type: string, autocomplete: string) {
    const error = this.fieldErrors[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${autocomplete} required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : nothing} />
      ${error ? html`<span class="field-error" id=${`${name}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const token = this.token;
    const login = html`<p><a href="/admin/core/login">${msg('Back to sign-in', { id: 'reset.toLogin' })}</a></p>`;
    if (this.done) {
      return html`<h1 tabindex="-1">${msg('Reset password', { id: 'reset.title' })}</h1>
        <p role="status">${token
          ? msg('Your password was changed. Sign in with the new one.', { id: 'reset.changed' })
          : msg('If an account matches, a link to set a new password was sent to its e-mail address. The link is valid for a short time.', { id: 'reset.sent' })}</p>
        ${login}`;
    }
    return html`
      <h1 tabindex="-1">${msg('Reset password', { id: 'reset.title' })}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate>
        ${token
          ? html`${this.#field('password', msg('New password', { id: 'reset.password' }), 'password', 'new-password')}
            ${this.#field('confirm', msg('Repeat the new password', { id: 'reset.confirm' }), 'password', 'new-password')}
            <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Set the new password', { id: 'reset.setPassword' })}</button>`
          : html`<p>${msg('Enter your username or e-mail address; we will e-mail you a link to set a new password.', { id: 'reset.intro' })}</p>
            ${this.#field('login', msg('Username or e-mail address', { id: 'reset.login' }), 'text', 'username')}
            <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Send the link', { id: 'reset.send' })}</button>`}
      </form>
      ${login}
    `;
  }
}

CongResetPage.define('cong-reset-page', 'cong');
