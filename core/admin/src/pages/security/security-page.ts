import { html, css, nothing, type PropertyValues } from 'lit';
import { msg } from '@lit/localize';
import { ApiError, CongElement, showToast, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/qr-code/qr-code.js';
import { shellStyles } from '../../app/shell-styles.js';
import { ME_PATH, type MeUser } from '../../app/session.js';

/** `POST /api/core/auth/totp/setup`: the new secret (base32) and its `otpauth://` URI. */
export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
}

export const TOTP_SETUP_PATH = '/api/core/auth/totp/setup';
export const TOTP_ENABLE_PATH = '/api/core/auth/totp/enable';

declare global {
  interface CongEventMap {
    /** Two-factor sign-in was turned on: the shell reads the account and its permissions again. */
    'cong-totp-enabled': Record<string, never>;
  }
  interface HTMLElementTagNameMap {
    'cong-security-page': CongSecurityPage;
  }
}

/** The secret in groups of four (`JBSW Y3DP EHPK 3PXP`), easier to read out and type. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * `/admin/core/security`: whether the account signs in with two factors, and enrolment — the QR code
 * of the `otpauth://` URI (with the key as text for those who cannot scan it), then a code from the app
 * to turn it on. There is no self-service switch-off: an administrator resets it.
 *
 * @fires cong-totp-enabled
 */
export class CongSecurityPage extends CongElement {
  static override styles = [
    shellStyles,
    css`
      :host { display: block; max-width: 48rem; }
      section { margin-block-end: var(--cong-space-l); }
      .notice { border: 1px solid var(--cong-color-border); border-inline-start: 0.3rem solid var(--cong-color-warning); border-radius: var(--cong-radius); padding: var(--cong-space-s) var(--cong-space-m); background: var(--cong-color-surface); }
      .status { font-size: 1.05rem; }
      .status:focus { outline: none; }
      ol { padding-inline-start: 1.5rem; display: grid; gap: var(--cong-space-m); }
      wa-qr-code { display: block; width: fit-content; padding: 0.75rem; background: #fff; color: #000; border: 1px solid var(--cong-color-border); border-radius: var(--cong-radius); margin-block: var(--cong-space-s); }
      .secret { display: flex; flex-wrap: wrap; gap: var(--cong-space-s); align-items: center; }
      .secret code { font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace; font-size: 1.1rem; letter-spacing: 0.05em; padding: 0.3rem 0.5rem; background: var(--cong-color-surface-lowered); border-radius: var(--cong-radius); user-select: all; overflow-wrap: anywhere; }
      form { display: grid; gap: var(--cong-space-s); max-width: 22rem; }
      .actions { display: flex; flex-wrap: wrap; gap: var(--cong-space-s); }
      #totp-code { width: 10ch; font-size: 1.2rem; letter-spacing: 0.1em; }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    enrolmentRequired: { type: Boolean },
    me: { state: true },
    enrolment: { state: true },
    busy: { state: true },
    codeError: { state: true },
    failed: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  /** The server requires two-factor sign-in of this account before anything else (the shell sets it). */
  declare enrolmentRequired: boolean;
  declare me: MeUser | undefined;
  declare enrolment: TotpEnrolment | undefined;
  declare busy: boolean;
  declare codeError: string | undefined;
  declare failed: boolean;

  constructor() {
    super();
    this.enrolmentRequired = false;
    this.busy = false;
    this.failed = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api && !this.me) void this.load();
  }

  /** Reads the account (whether two-factor sign-in is on). */
  async load(): Promise<void> {
    try {
      this.me = (await this.api!.get<{ user: MeUser }>(ME_PATH)).user;
      this.failed = false;
    } catch {
      this.failed = !this.me;
    }
  }

  async #setUp(): Promise<void> {
    this.busy = true;
    try {
      this.enrolment = await this.api!.post<TotpEnrolment>(TOTP_SETUP_PATH);
      this.codeError = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#setup-heading')?.focus();
    } catch (error) {
      // 409: already on (another tab); the shell toasted the other failures.
      if (error instanceof ApiError && error.status === 409) await this.load();
    } finally {
      this.busy = false;
    }
  }

  #cancel(): void {
    this.enrolment = undefined;
    this.codeError = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#setup-button')?.focus());
  }

  async #copy(): Promise<void> {
    const secret = this.enrolment?.secret.replace(/\s+/g, '') ?? '';
    try {
      await navigator.clipboard.writeText(secret);
      showToast(msg('Key copied.', { id: 'security.copied' }), { variant: 'success' }, this);
    } catch {
      // No clipboard permission: select the key so that Ctrl+C copies it.
      const code = this.renderRoot.querySelector('#totp-secret');
      const selection = getSelection();
      if (code && selection) {
        const range = document.createRange();
        range.selectNodeContents(code);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      showToast(msg('The key could not be copied. It is selected: press Ctrl+C to copy it.', { id: 'security.copyFailed' }), { variant: 'warning' }, this);
    }
  }

  async #enable(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').replace(/\s+/g, '');
    if (!/^[0-9]{6}$/.test(code)) return this.#codeFailed(msg('Enter the 6 digits shown by your authenticator app.', { id: 'login.totpFormat' }));
    this.busy = true;
    try {
      await this.api!.post(TOTP_ENABLE_PATH, { code });
      this.enrolment = undefined;
      this.codeError = undefined;
      this.me = this.me ? { ...this.me, totpEnabled: true } : this.me;
      showToast(msg('Two-factor sign-in is on.', { id: 'security.enabled' }), { variant: 'success' }, this);
      this.emit('cong-totp-enabled', {});
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#totp-status')?.focus();
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'CONG_ERR_TOTP_INVALID' || error.status === 400)) {
        this.#codeFailed(msg('This code is not valid. Check that the time on your phone is right, then enter the code the app shows now.', { id: 'security.codeInvalid' }));
      } else if (error instanceof ApiError && error.status === 409) {
        this.enrolment = undefined;
        await this.load();
      }
    } finally {
      this.busy = false;
    }
  }

  #codeFailed(message: string): void {
    this.codeError = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#totp-code')?.focus());
  }

  #enrolmentSteps(enrolment: TotpEnrolment) {
    const error = this.codeError;
    return html`<h3 id="setup-heading" tabindex="-1">${msg('Set up two-factor sign-in', { id: 'security.setupTitle' })}</h3>
      <ol>
        <li>
          <p>${msg('Open an authenticator app on your phone (any app for time-based codes) and add an account by scanning this QR code.', { id: 'security.scan' })}</p>
          <wa-qr-code value=${enrolment.uri} size="192" error-correction="M" label=${msg('QR code that adds your account to an authenticator app. The key below holds the same information.', { id: 'security.qrLabel' })}></wa-qr-code>
          <p id="secret-label">${msg('If you cannot scan the code, enter this key in the app instead (time-based, 6 digits):', { id: 'security.manual' })}</p>
          <div class="secret">
            <code id="totp-secret">${groupSecret(enrolment.secret)}</code>
            <button type="button" @click=${() => void this.#copy()}>${msg('Copy key', { id: 'security.copy' })}</button>
          </div>
        </li>
        <li>
          <form @submit=${(e: SubmitEvent) => void this.#enable(e)} novalidate>
            <div class="field">
              <label for="totp-code">${msg('Code shown by the app (6 digits)', { id: 'security.code' })}</label>
              <input
                id="totp-code"
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                spellcheck="false"
                required
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${error ? 'totp-code-error' : nothing}
              />
              ${error ? html`<span class="field-error" id="totp-code-error">${error}</span>` : nothing}
            </div>
            <div class="actions">
              <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Turn on two-factor sign-in', { id: 'security.enable' })}</button>
              <button type="button" @click=${() => this.#cancel()}>${msg('Cancel', { id: 'security.cancel' })}</button>
            </div>
          </form>
        </li>
      </ol>`;
  }

  #twoFactor() {
    const me = this.me;
    if (!me) {
      return this.failed
        ? html`<p role="alert">${msg('Your account could not be read.', { id: 'security.loadFailed' })} <button type="button" @click=${() => void this.load()}>${msg('Try again', { id: 'boundary.retry' })}</button></p>`
        : html`<p role="status">${msg('Loading…', { id: 'app.loading' })}</p>`;
    }
    if (me.totpEnabled) {
      return html`<p class="status" id="totp-status" tabindex="-1"><strong>${msg('Two-factor sign-in is on.', { id: 'security.enabled' })}</strong></p>
        <p>${msg('Each time you sign in you also enter the code shown by your authenticator app.', { id: 'security.onText' })}</p>
        <p>${msg('If you lose your phone or the app, ask an administrator to reset two-factor sign-in for your account; you then set it up again here.', { id: 'security.lost' })}</p>`;
    }
    return html`<p class="status" id="totp-status" tabindex="-1"><strong>${msg('Two-factor sign-in is off.', { id: 'security.off' })}</strong></p>
      <p>${msg('With two-factor sign-in, your password alone is not enough to enter your account: you also type a code that an app on your phone shows and changes every 30 seconds.', { id: 'security.offText' })}</p>
      ${this.enrolment
        ? this.#enrolmentSteps(this.enrolment)
        : html`<button type="button" id="setup-button" class="primary" ?disabled=${this.busy} @click=${() => void this.#setUp()}>${msg('Set up two-factor sign-in', { id: 'security.setupTitle' })}</button>`}`;
  }

  override render() {
    const mustEnrol = this.enrolmentRequired && !this.me?.totpEnabled;
    return html`
      <h1 aria-describedby=${mustEnrol ? 'enrol-notice' : nothing}>${msg('Account security', { id: 'security.title' })}</h1>
      ${mustEnrol
        ? html`<p class="notice" id="enrol-notice">${msg('Your administrator account must use two-factor sign-in. Set it up below: until then the other pages stay closed to you.', { id: 'security.required' })}</p>`
        : nothing}
      <section aria-labelledby="totp-heading">
        <h2 id="totp-heading">${msg('Two-factor sign-in', { id: 'security.totp' })}</h2>
        ${this.#twoFactor()}
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">${msg('Sessions', { id: 'sessions.title' })}</h2>
        <p><a href="/admin/core/sessions">${msg('See where your account is signed in, and sign out the other devices', { id: 'security.sessionsLink' })}</a></p>
      </section>
    `;
  }
}

CongSecurityPage.define('cong-security-page', 'cong');
