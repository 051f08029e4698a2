import { html, nothing } from 'lit';
import { ApiError, CongElement, type ApiClient } from '@cong/sdk/admin';
import type { Greeting } from '../../api/index.js';
import { texts } from '../messages.js';
import { greetingListStyles } from './greeting-list.styles.js';

type Page = { items: Greeting[]; total: number };

/**
 * The hello plugin's page: the unit's greetings and a form to add one. Errors the API names per field
 * appear next to that field.
 *
 * @fires hello-greeting-created - after a greeting was stored; `detail.id` is its id.
 */
export class GreetingList extends CongElement {
  static override styles = greetingListStyles;
  static override properties = {
    api: { attribute: false },
    page: { state: true },
    fieldErrors: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  /** The API client the admin shell gives every plugin element. */
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
    if (changed.has('api') && this.api) void this.load();
  }

  async load(): Promise<void> {
    try {
      this.page = await this.api!.get<Page>('/api/hello/greetings', { query: { limit: 50 } });
      this.error = undefined;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : texts(document.documentElement.lang).failed;
    }
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
        language: String(data.get('language') ?? 'vi'),
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
    const t = texts(document.documentElement.lang);
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
      <form @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate>
        ${this.#field('name', t.name, (d, invalid) => html`<input name="name" maxlength="100" aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'} />`)}
        ${this.#field('message', t.message, (d, invalid) => html`<textarea name="message" maxlength="500" aria-describedby=${d} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`)}
        ${this.#field('language', t.language, () => html`<select name="language"><option value="vi">Tiếng Việt</option><option value="en">English</option></select>`)}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t.saving : t.add}</button>
      </form>
    `;
  }
}
