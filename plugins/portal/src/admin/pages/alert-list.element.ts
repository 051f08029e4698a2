import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { formStyles } from '../article-editor/article-editor.styles.js';
import { formatTime } from '../messages.js';
import { fromLocalInput, pagesTexts, toLocalInput, type PagesTexts } from './pages-messages.js';
import { ALERT_SEVERITIES, API, APPROVE, type Alert, type AlertScope, type AlertSeverity } from './pages-types.js';

/**
 * The unit's emergency alerts (nav route `/portal/canh-bao`, for approvers): the list with severity,
 * scope, window and state, a form to post or edit one, and "end now". The public pages show a change
 * at once (the server drops the cached pages of every unit that shows the alert).
 */
export class AlertList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = [formStyles, css`h2 { margin-block-start: var(--cong-space-l, 1.5rem); } .sev { font-weight: 700; }`];

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    items: { state: true },
    editing: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare items: readonly Alert[] | undefined;
  declare editing: Alert | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) void this.load();
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const page = await api.get<{ items: Alert[] }>(`${API}/alerts`, { query: { limit: 100 } });
      if (api !== this.api) return;
      this.items = page.items;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : pagesTexts().failed;
    }
  }

  async #edit(alert: Alert | undefined): Promise<void> {
    this.editing = alert;
    this.fieldErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#alert-form-heading')?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const str = (name: string) => String(data.get(name) ?? '').trim();
    const startsAt = fromLocalInput(str('startsAt'));
    const body = {
      message: { vi: str('messageVi'), en: str('messageEn') || null },
      severity: str('severity') as AlertSeverity,
      scope: str('scope') as AlertScope,
      ...(startsAt !== null ? { startsAt } : {}),
      endsAt: fromLocalInput(str('endsAt')),
    };
    this.busy = true;
    try {
      if (this.editing) await this.api!.patch<Alert>(`${API}/alerts/${encodeURIComponent(this.editing.id)}`, body);
      else await this.api!.post<Alert>(`${API}/alerts`, body);
      showToast(pagesTexts().alertSaved, { variant: 'success' }, this);
      this.editing = undefined;
      this.fieldErrors = {};
      form.reset();
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = Object.fromEntries(error.errors.filter((e) => e.in === 'body').map((e) => [e.pointer.replace(/^\//, '').replace('/', '.'), e.message]));
      this.error = error.errors.length === 0 ? error.message : undefined;
    } finally {
      this.busy = false;
    }
  }

  async #end(alert: Alert): Promise<void> {
    try {
      await this.api!.post(`${API}/alerts/${encodeURIComponent(alert.id)}/end`);
      showToast(pagesTexts().alertEnded, { variant: 'success' }, this);
      await this.load();
    } catch (error) {
      if (error instanceof ApiError) this.error = error.message;
    }
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: string) => unknown) {
    const error = this.fieldErrors[name];
    return html`<div class="field"><label for=${`alert-${name}`}>${label}</label>${control(error ? `alert-${name}-error` : nothing, error ? 'true' : 'false')}${error ? html`<span class="field-error" id=${`alert-${name}-error`}>${error}</span>` : nothing}</div>`;
  }

  #form(t: PagesTexts) {
    const a = this.editing;
    return html`<section aria-labelledby="alert-form-heading">
      <h2 id="alert-form-heading" tabindex="-1">${a ? t.editAlert : t.newAlert}</h2>
      <form @submit=${(e: SubmitEvent) => this.#save(e)} novalidate data-alert=${a?.id ?? 'new'}>
        ${this.#field('message.vi', t.messageVi, (d, bad) => html`<textarea id="alert-message.vi" name="messageVi" rows="2" required maxlength="1000" .value=${a?.message.vi ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        ${this.#field('message.en', t.messageEn, (d, bad) => html`<textarea id="alert-message.en" name="messageEn" lang="en" rows="2" maxlength="1000" .value=${a?.message.en ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
        <div class="row">
          ${this.#field('severity', t.severity, (d, bad) => html`<select id="alert-severity" name="severity" aria-describedby=${d} aria-invalid=${bad}>${ALERT_SEVERITIES.map((s) => html`<option value=${s} ?selected=${(a?.severity ?? 'warning') === s}>${t.severities[s]}</option>`)}</select>`)}
          ${this.#field('scope', t.scope, (d, bad) => html`<select id="alert-scope" name="scope" aria-describedby=${d} aria-invalid=${bad}>${(['unit', 'subtree'] as const).map((s) => html`<option value=${s} ?selected=${(a?.scope ?? 'unit') === s}>${t.scopes[s]}</option>`)}</select>`)}
        </div>
        <div class="row">
          ${this.#field('startsAt', t.startsAt, (d, bad) => html`<input id="alert-startsAt" name="startsAt" type="datetime-local" .value=${toLocalInput(a?.startsAt ?? null)} aria-describedby=${d} aria-invalid=${bad} />`)}
          ${this.#field('endsAt', t.endsAt, (d, bad) => html`<input id="alert-endsAt" name="endsAt" type="datetime-local" .value=${toLocalInput(a?.endsAt ?? null)} aria-describedby=${d} aria-invalid=${bad} />`)}
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button>
          ${a ? html`<button type="button" @click=${() => this.#edit(undefined)}>${t.cancel}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }

  override render() {
    const t = pagesTexts();
    if (this.user && !this.user.permissions.includes(APPROVE)) return html`<h1>${t.alerts}</h1><p class="note">${t.needApprove}</p>`;
    return html`
      <h1>${t.alerts}</h1>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${!this.items && !this.error
        ? html`<p role="status">${t.loading}</p>`
        : !this.items || this.items.length === 0
          ? html`<p>${t.noAlerts}</p>`
          : html`<table>
              <caption class="visually-hidden">${t.alerts}</caption>
              <thead><tr><th scope="col">${t.severity}</th><th scope="col">${t.messageVi}</th><th scope="col">${t.scope}</th><th scope="col">${t.window}</th><th scope="col">${t.status}</th><th scope="col"><span class="visually-hidden">${t.edit}</span></th></tr></thead>
              <tbody>${this.items.map((a) => html`<tr>
                <td class="sev" data-severity=${a.severity}>${t.severities[a.severity]}</td>
                <td>${a.message.vi}</td>
                <td>${t.scopes[a.scope]}</td>
                <td>${formatTime(a.startsAt)} – ${a.endsAt ? formatTime(a.endsAt) : '…'}</td>
                <td>${t.alertStates[a.state]}</td>
                <td class="actions">
                  <button type="button" aria-label=${t.editLabel(a.message.vi)} @click=${() => this.#edit(a)}>${t.edit}</button>
                  ${a.state === 'ended' ? nothing : html`<button type="button" aria-label=${t.endLabel(a.message.vi)} @click=${() => this.#end(a)}>${t.endNow}</button>`}
                </td>
              </tr>`)}</tbody>
            </table>`}
      ${this.#form(t)}
    `;
  }
}
