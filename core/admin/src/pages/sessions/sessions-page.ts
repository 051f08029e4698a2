import { html, css, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { CongElement, showToast, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { shellStyles } from '../../app/shell-styles.js';

interface SessionRow {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly current: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'cong-sessions-page': CongSessionsPage;
  }
}

/** `/admin/core/sessions`: the account's open sessions, and "sign out everywhere else". */
export class CongSessionsPage extends CongElement {
  static override styles = [
    shellStyles,
    css`
      :host { display: block; }
      table { border-collapse: collapse; width: 100%; margin-block: var(--cong-space-m); }
      th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border); vertical-align: top; }
      td.agent { max-width: 28rem; overflow-wrap: anywhere; }
      .related { margin-block-start: var(--cong-space-l); }
    `,
  ];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    items: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare items: readonly SessionRow[] | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.load();
  }

  async load(): Promise<void> {
    try {
      this.items = (await this.api!.get<{ items: SessionRow[] }>('/api/core/auth/sessions')).items;
    } catch {
      this.items ??= [];
    }
  }

  async #endOthers(): Promise<void> {
    this.busy = true;
    try {
      const { ended } = await this.api!.delete<{ ended: number }>('/api/core/auth/sessions');
      showToast(msg(str`${ended} other sessions were ended.`, { id: 'sessions.ended' }), { variant: 'success' }, this);
      await this.load();
    } catch {
      // The shell already showed the failure.
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const when = new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' });
    const items = this.items;
    return html`
      <h1>${msg('Sessions', { id: 'sessions.title' })}</h1>
      <p>${msg('The devices where your account is signed in. End the others if you do not recognise one, or after using a shared computer.', { id: 'sessions.intro' })}</p>
      ${items === undefined
        ? html`<p role="status">${msg('Loading…', { id: 'app.loading' })}</p>`
        : html`<table>
            <caption class="visually-hidden">${msg('Sessions', { id: 'sessions.title' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Started', { id: 'sessions.created' })}</th>
                <th scope="col">${msg('Last active', { id: 'sessions.lastSeen' })}</th>
                <th scope="col">${msg('IP address', { id: 'sessions.ip' })}</th>
                <th scope="col">${msg('Browser', { id: 'sessions.agent' })}</th>
              </tr>
            </thead>
            <tbody>
              ${items.map(
                (s) => html`<tr>
                  <td>${when.format(new Date(s.createdAt))}${s.current ? html` <strong>(${msg('this session', { id: 'sessions.current' })})</strong>` : nothing}</td>
                  <td>${when.format(new Date(s.lastSeenAt))}</td>
                  <td>${s.ip ?? '—'}</td>
                  <td class="agent">${s.userAgent ?? '—'}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <button type="button" class="primary" ?disabled=${this.busy || (items?.length ?? 0) <= 1} @click=${() => this.#endOthers()}>
        ${msg('Log out everywhere else', { id: 'sessions.endOthers' })}
      </button>
      <p class="related"><a href="/admin/core/security">${msg('Account security: two-factor sign-in', { id: 'sessions.securityLink' })}</a></p>
    `;
  }
}

CongSessionsPage.define('cong-sessions-page', 'cong');
