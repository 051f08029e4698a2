import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { registryTexts, type RegistryTexts } from './registry-messages.js';
import { registryStyles } from './registry.styles.js';
import { API, NETWORK, type ProvisioningReport, type SiteTemplateInfo } from './registry-types.js';

const PROVISIONED_KINDS = ['department', 'commune', 'ward', 'special-zone'] as const;

/** What the form asks the server, kept between the dry run and the real run. */
interface ProvisioningBody {
  readonly tree?: { readonly root?: string; readonly kinds?: readonly string[]; readonly includeRoot: boolean };
  readonly csv?: string;
  readonly template?: string;
  readonly initialStatus: 'draft' | 'live';
}

/**
 * Bulk provisioning (nav route `/sites/cung-cap`): choose the source (the unit tree, optionally some
 * kinds, or a CSV), the template and the status of new sites; a dry run shows the report; "Provision"
 * then sends the same request for real and shows what was done.
 */
export class ProvisioningPage extends CongElement implements Partial<AdminContributionProps> {
  static override styles = registryStyles;

  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    templates: { state: true },
    source: { state: true },
    planned: { state: true },
    report: { state: true },
    showUnchanged: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare templates: readonly SiteTemplateInfo[];
  declare source: 'tree' | 'csv';
  /** The request the last dry run answered: what "Provision" sends. */
  declare planned: ProvisioningBody | undefined;
  declare report: ProvisioningReport | undefined;
  declare showUnchanged: boolean;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.templates = [];
    this.source = 'tree';
    this.showUnchanged = false;
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      this.planned = undefined;
      this.report = undefined;
      void this.#loadTemplates();
    }
  }

  async #loadTemplates(): Promise<void> {
    try {
      this.templates = (await this.api!.get<{ items: SiteTemplateInfo[] }>(`${API}/templates`)).items;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : registryTexts().failed;
    }
  }

  async #body(form: HTMLFormElement): Promise<ProvisioningBody> {
    const data = new FormData(form);
    const str = (name: string) => String(data.get(name) ?? '').trim();
    const template = str('template');
    const common = { ...(template ? { template } : {}), initialStatus: str('initialStatus') === 'live' ? ('live' as const) : ('draft' as const) };
    if (this.source === 'csv') {
      const file = data.get('csvFile');
      const csv = file instanceof File && file.size > 0 ? await file.text() : str('csvText');
      return { csv, ...common };
    }
    const kinds = data.getAll('kinds').map(String);
    return { tree: { ...(str('root') ? { root: str('root') } : {}), ...(kinds.length > 0 ? { kinds } : {}), includeRoot: data.get('includeRoot') === 'on' }, ...common };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const body = await this.#body(event.target as HTMLFormElement);
    if (await this.#call(body, true)) this.planned = body;
  }

  /** Sends the request; true when the server answered with a report. */
  async #call(body: ProvisioningBody, dryRun: boolean): Promise<boolean> {
    this.busy = true;
    try {
      this.report = await this.api!.post<ProvisioningReport>(`${API}/provisioning`, { ...body, dryRun });
      this.fieldErrors = {};
      this.error = undefined;
      if (!dryRun) showToast(registryTexts().provisioned, { variant: 'success' }, this);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#report-heading')?.focus();
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = Object.fromEntries(error.errors.map((e) => [e.pointer.replace(/^\//, '').split('/')[0]!, e.message]));
      this.error = error.message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #run(): Promise<void> {
    if (!this.planned) return;
    const body = this.planned;
    this.planned = undefined; // one real run per dry run: the report shows the new state
    await this.#call(body, false);
  }

  #report(t: RegistryTexts, report: ProvisioningReport) {
    const shown = report.sites.filter((s) => this.showUnchanged || s.action !== 'unchanged');
    const pending = report.counts.create + report.counts.update;
    return html`<section class="panel" aria-labelledby="report-heading">
      <h2 id="report-heading" tabindex="-1">${report.dryRun ? t.dryRunReport : t.runReport}</h2>
      <p role="status">${t.counts(report.counts)}</p>
      <p class="note">${t.domain(report.domain)}</p>
      ${report.roles.length > 0 ? html`<p>${t.roles}: ${report.roles.map((r, i) => html`${i > 0 ? ', ' : ''}<code>${r.id}</code> (${t.roleActions[r.action]})`)}</p>` : nothing}
      ${report.dryRun && this.planned && pending > 0
        ? html`<div class="actions"><p>${t.runConfirm(pending)}</p><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.#run()}>${t.run}</button></div>`
        : nothing}
      <label class="check"><input type="checkbox" .checked=${this.showUnchanged} @change=${(e: Event) => (this.showUnchanged = (e.target as HTMLInputElement).checked)} />${t.showUnchanged}</label>
      <table>
        <caption class="visually-hidden">${t.report}</caption>
        <thead><tr><th scope="col">${t.unit}</th><th scope="col">${t.status}</th><th scope="col">${t.template}</th><th scope="col">${t.changes}</th></tr></thead>
        <tbody>${shown.map((s) => html`<tr>
          <td>${s.name ?? s.slug}${s.line !== null ? html` <span class="note">(${s.line})</span>` : nothing}</td>
          <td><span class="badge" data-action=${s.action}>${t.actions[s.action]}</span></td>
          <td>${s.template ?? ''}</td>
          <td>${s.error ? html`<span class="error">${s.error.message}</span>` : html`<ul class="changes">${s.changes.map((c) => html`<li>${c}</li>`)}</ul>`}</td>
        </tr>`)}</tbody>
      </table>
    </section>`;
  }

  override render() {
    const t = registryTexts();
    if (this.user && !this.user.permissions.includes(NETWORK)) return html`<h1>${t.provisioning}</h1><p class="note">${t.needNetwork}</p>`;
    const bad = (name: string) => (this.fieldErrors[name] ? 'true' : 'false');
    return html`
      <h1>${t.provisioning}</h1>
      <p>${t.provisioningIntro}</p>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate>
        <fieldset>
          <legend>${t.source}</legend>
          <label class="check"><input type="radio" name="source" value="tree" .checked=${this.source === 'tree'} @change=${() => (this.source = 'tree')} />${t.fromTree}</label>
          <label class="check"><input type="radio" name="source" value="csv" .checked=${this.source === 'csv'} @change=${() => (this.source = 'csv')} />${t.fromCsv}</label>
        </fieldset>
        ${this.source === 'tree'
          ? html`<fieldset>
              <legend>${t.fromTree}</legend>
              <div class="field"><label for="p-root">${t.root}</label><input id="p-root" name="root" maxlength="100" aria-invalid=${bad('tree')} /></div>
              <fieldset><legend>${t.kindsToInclude}</legend>${PROVISIONED_KINDS.map((k) => html`<label class="check"><input type="checkbox" name="kinds" value=${k} />${t.kinds[k]}</label>`)}</fieldset>
              <label class="check"><input type="checkbox" name="includeRoot" />${t.includeRoot}</label>
            </fieldset>`
          : html`<fieldset>
              <legend>${t.fromCsv}</legend>
              <div class="field"><label for="p-csv-file">${t.csvFile}</label><input id="p-csv-file" name="csvFile" type="file" accept=".csv,text/csv" /></div>
              <div class="field"><label for="p-csv-text">${t.csvText}</label><textarea id="p-csv-text" name="csvText" rows="6" aria-invalid=${bad('csv')}></textarea></div>
            </fieldset>`}
        <div class="row">
          <div class="field"><label for="p-template">${t.template}</label><select id="p-template" name="template"><option value="">${t.templateAuto}</option>${this.templates.map((tpl) => html`<option value=${tpl.id}>${document.documentElement.lang.startsWith('en') ? tpl.label.en : tpl.label.vi}</option>`)}</select></div>
          <div class="field"><label for="p-status">${t.initialStatus}</label><select id="p-status" name="initialStatus"><option value="draft">${t.statuses.draft}</option><option value="live">${t.statuses.live}</option></select></div>
        </div>
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.running : t.dryRun}</button></div>
      </form>
      ${this.report ? this.#report(t, this.report) : nothing}
    `;
  }
}
