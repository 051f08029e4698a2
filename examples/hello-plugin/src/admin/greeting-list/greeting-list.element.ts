import { html, nothing } from 'lit';
import { ApiError, CongElement, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import type { Greeting } from '../../api/index.js';
import { texts } from '../messages.js';
import { greetingListStyles } from './greeting-list.styles.js';

type Page = { items: Greeting[]; total: number };

/**
 * The hello plugin's page (nav route `/hello`, shown at `/admin/hello`): the unit's greetings and a
 * form to add one. Errors the API names per field appear next to that field.
 *
 * The shell sets `tenant`, `user` and `api` (bound to the unit) before connecting it, and sets them
 * again when the admin switches unit: the list reloads for the new unit. The form shows only to users
 * holding `hello.write` in the unit (the server checks it too).
 *
 * @fires hello-greeting-created - after a greeting was stored; `detail.id` is its id.
 */
export class GreetingList extends CongElement implements Partial<AdminContributionProps> {
  static override styles = greetingListStyles;
  static override properties = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    page: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  /** The unit the shell is working in. */
  declare tenant: AdminTenant | undefined;
  /** The signed-in account and its permissions in the unit. */
  declare user: AdminUser | undefined;
  /** The API client the admin shell gives every plugin element, bound to `tenant`. */
  declare api: ApiClient | undefined;
  declare page: Page | undefined;
  declare fieldErrors: Readonly<Record<string, string>>;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.fieldErrors = {};
    this.busy = false;
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has('api') || changed.has('tenant')) && this.api) {
      // Another unit: nothing of the previous one stays on screen, not even its field errors.
      if (changed.get('tenant') !== undefined) {
        this.page = undefined;
        this.fieldErrors = {};
      }
      void this.load();
    }
  }

  async load(): Promise<void> {
    const api = this.api!;
    try {
      const page = await api.get<Page>('/api/hello/greetings', { query: { limit: 50 } });
      if (api !== this.api) return; // the unit changed while this was loading
      this.page = page;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      this.error = error instanceof ApiError ? error.message : texts().failed;
    }
  }

  /** Whether the user may add greetings here; without a user (tests, previews) the server decides. */
  get canWrite(): boolean {
    return !this.user || this.user.permissions.includes('hello.write');
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    try {
      const created = await this.api!.post<Greeting>('/api/hello/greetings', {
        name: String(data.get('name') ?? ''),
        message: String(data.get('message') ?? ''),
        // Left empty, the server uses the unit's setting `defaultLanguage`.
        ...(data.get('language') ? { language: String(data.get('language')) } : {}),
      });
      this.fieldErrors = {};
      this.error = undefined;
      form.reset();
      this.emit('hello-greeting-created', { id: created.id });
      await this.load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = error.fieldErrors();
      this.error = Object.keys(this.fieldErrors).length > 0 ? undefined : error.message;
    } finally {
      this.busy = false;
    }
  }

  #field(name: string, label: string, control: (describedBy: string | typeof nothing, invalid: boolean) => unknown) {
    const error = this.fieldErrors[name];
    const id = `${name}-error`;
    return html`<label>${label} ${control(error ? id : nothing, Boolean(error))}
      ${error ? html`<span class="field-error" id=${id}>${error}</span>` : nothing}</label>`;
  }

  override render() {
    const t = texts();
    const items = this.page?.items ?? [];
    return html`
      <h1>${t.title}</h1>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${items.length === 0
        ? html`<p>${t.empty}</p>`
        : html`<table>
            <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.message}</th><th scope="col">${t.language}</th><th scope="col">${t.delivered}</th></tr></thead>
            <tbody>
              ${items.map((g) => html`<tr><td>${g.name}</td><td>${g.message}</td><td>${g.language}</td><td>${g.deliveredAt ? t.delivered : t.notDelivered}</td></tr>`)}
            </tbody>
          </table>`}
      ${this.canWrite ? this.#form(t) : html`<p>${t.readOnly}</p>`}
    `;
  }

  #form(t: ReturnType<typeof texts>) {
    return html`
      <form @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate>
        ${this.#field('name', t.name, (d, invalid) => html`<input name="name" maxlength="100" aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'} />`)}
        ${this.#field('message', t.message, (d, invalid) => html`<textarea name="message" maxlength="500" aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`)}
        ${this.#field('language', t.language, () => html`<select name="language"><option value="">${t.languageDefault}</option><option value="vi" lang="vi">Tiếng Việt</option><option value="en" lang="en">English</option></select>`)}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t.saving : t.add}</button>
      </form>
    `;
  }
}
