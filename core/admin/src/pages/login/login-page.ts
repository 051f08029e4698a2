import { html, css, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError, CongElement, type ApiClient } from '@cong/sdk/admin';
import { shellStyles } from '../../app/shell-styles.js';
import type { MeUser } from '../../app/session.js';

declare global {
  interface CongEventMap {
    /** Sign-in succeeded: the shell starts the session. */
    'cong-signed-in': { readonly user: MeUser };
  }
  interface HTMLElementTagNameMap {
    'cong-login-page': CongLoginPage;
  }
}

/** "Try again in 2 minutes" for a Retry-After in seconds. */
export function retryText(seconds: number | undefined): string {
  if (!seconds) return msg('Too many attempts. Try again later.', { id: 'login.throttled' });
  if (seconds < 90) return msg(str`Too many attempts. Try again in ${seconds} seconds.`, { id: 'login.throttledSeconds' });
  return msg(str`Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, { id: 'login.throttledMinutes' });
}

/**
 * `/admin/core/login`: username and password, then the authenticator code when the API answers
 * 401 CONG_ERR_TOTP_REQUIRED. A 429 says when to try again.
 *
 * @fires cong-signed-in
 */
export class CongLoginPage extends CongElement {
  static override styles = [
    shellStyles,
    css`
      :host { display: block; max-width: 26rem; margin: 0 auto; }
      form { display: grid; gap: var(--cong-space-m); }
      input { width: 100%; }
      button[type='submit'] { justify-self: start; }
      .message { margin: 0; }
    `,
  ];

  static override properties = {
    api: { attribute: false },
    step: { state: true },
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  /** A client without the shell's error toasts: this page shows its errors itself. */
  declare api: ApiClient | undefined;
  declare step: 'password' | 'totp';
  declare busy: boolean;
  declare error: string | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  #credentials: { username: string; password: string } | undefined;

  constructor() {
    super();
    this.step = 'password';
    this.busy = false;
    this.fieldErrors = {};
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    if (this.step === 'password') {
      this.#credentials = { username: String(data.get('username') ?? '').trim(), password: String(data.get('password') ?? '') };
      const missing: Record<string, string> = {};
      if (!this.#credentials.username) missing['username'] = msg('Enter your username.', { id: 'login.usernameRequired' });
      if (!this.#credentials.password) missing['password'] = msg('Enter your password.', { id: 'login.passwordRequired' });
      if (Object.keys(missing).length > 0) {
        this.fieldErrors = missing;
        this.error = undefined;
        return;
      }
    }
    const code = String(data.get('totpCode') ?? '').replace(/\s+/g, '');
    if (this.step === 'totp' && !/^[0-9]{6}$/.test(code)) {
      this.fieldErrors = { totpCode: msg('Enter the 6 digits shown by your authenticator app.', { id: 'login.totpFormat' }) };
      return;
    }
    await this.#login(this.step === 'totp' ? code : undefined);
  }

  async #login(totpCode: string | undefined): Promise<void> {
    if (!this.api || !this.#credentials) return;
    this.busy = true;
    try {
      const { user } = await this.api.post<{ user: MeUser }>('/api/core/auth/login', { ...this.#credentials, ...(totpCode ? { totpCode } : {}) });
      this.#credentials = undefined;
      this.emit('cong-signed-in', { user });
    } catch (error) {
      this.#showError(error);
    } finally {
      this.busy = false;
    }
  }

  #showError(error: unknown): void {
    this.fieldErrors = {};
    this.error = undefined;
    if (!(error instanceof ApiError)) {
      this.error = msg('Something went wrong. Try again.', { id: 'login.failed' });
      return;
    }
    if (error.code === 'CONG_ERR_TOTP_REQUIRED') {
      if (this.step === 'totp') this.fieldErrors = { totpCode: msg('The code is not valid. Enter the current code.', { id: 'login.totpInvalid' }) };
      this.step = 'totp';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#totp-code')?.focus());
    } else if (error.code === 'CONG_ERR_TOTP_INVALID' || (this.step === 'totp' && error.status === 400)) {
      this.fieldErrors = { totpCode: msg('The code is not valid. Enter the current code.', { id: 'login.totpInvalid' }) };
    } else if (error.status === 429) {
      this.error = retryText(error.retryAfter);
    } else if (error.status === 401) {
      this.error = msg('Wrong username or password.', { id: 'login.wrong' });
      if (this.step === 'totp') this.step = 'password';
    } else if (error.status === 400 && error.errors.length > 0) {
      this.fieldErrors = error.fieldErrors();
    } else if (error.status === 0) {
      this.error = msg('The server cannot be reached. Check the connection and try again.', { id: 'app.offline' });
    } else {
      this.error = error.message;
    }
  }

  #field(name: string, id: string, label: string, input: (describedBy: string | typeof nothing, invalid: boolean) => unknown) {
    const error = this.fieldErrors[name];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${input(error ? `${id}-error` : nothing, Boolean(error))}
      ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const back = html`<p><button type="button" class="link" @click=${() => {
      this.step = 'password';
      this.fieldErrors = {};
      this.error = undefined;
    }}>${msg('Use another account', { id: 'login.back' })}</button></p>`;
    return html`
      <h1 tabindex="-1">${msg('Sign in', { id: 'login.title' })}</h1>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate>
        ${this.step === 'password'
          ? html`
              ${this.#field('username', 'username', msg('Username', { id: 'login.username' }), (d, invalid) =>
                html`<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${d} />`,
              )}
              ${this.#field('password', 'password', msg('Password', { id: 'login.password' }), (d, invalid) =>
                html`<input id="password" name="password" type="password" autocomplete="current-password" required aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${d} />`,
              )}
              <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Sign in', { id: 'login.submit' })}</button>
              <p><a href="/admin/core/reset">${msg('Forgot your password?', { id: 'login.forgot' })}</a></p>
            `
          : html`
              <p class="message">${msg('Your account uses two-factor sign-in.', { id: 'login.totpIntro' })}</p>
              ${this.#field('totpCode', 'totp-code', msg('Authentication code (6 digits)', { id: 'login.totpCode' }), (d, invalid) =>
                html`<input id="totp-code" name="totpCode" inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}" required aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${d} />`,
              )}
              <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Confirm', { id: 'login.totpSubmit' })}</button>
              ${back}
            `}
      </form>
    `;
  }
}

CongLoginPage.define('cong-login-page', 'cong');
