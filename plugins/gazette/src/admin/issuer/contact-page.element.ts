import { html, nothing, type PropertyDeclarations } from 'lit';
import { ApiError } from '@cong/sdk/admin';
import { field, focusFirstError, type FieldErrors } from '../shared/attribute-fields.js';
import { attributeTexts } from '../shared/attribute-messages.js';
import { formatTime } from '../shared/common-messages.js';
import { API, SUBMIT, type IssuerContact } from '../shared/gazette-api.js';
import { GazettePage } from '../shared/gazette-page.js';
import { issuerTexts } from './issuer-messages.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +().-]*$/;

/**
 * The unit's gazette contact (`gazette.submit`): the address that receives the office's notices of
 * discrepancies (GAZ-14) besides the person who sent the document. A unit without one sees an empty form.
 */
export class ContactPage extends GazettePage {
  static override properties: PropertyDeclarations = {
    contact: { state: true },
    loaded: { state: true },
    fieldErrors: { state: true },
  };

  declare contact: IssuerContact | undefined;
  declare loaded: boolean;
  declare fieldErrors: FieldErrors;

  constructor() {
    super();
    this.loaded = false;
    this.fieldErrors = {};
  }

  async load(): Promise<void> {
    const api = this.api!;
    if (!this.can(SUBMIT)) return;
    try {
      const contact = await api.get<IssuerContact>(`${API}/contact`);
      if (api !== this.api) return;
      this.contact = contact;
      this.error = undefined;
    } catch (error) {
      if (api !== this.api) return;
      // 404: no contact yet, the form starts empty.
      if (error instanceof ApiError && error.status === 404) this.contact = undefined;
      else this.error = this.failure(error);
    } finally {
      this.loaded = true;
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = issuerTexts();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const body = { name: value('name') || null, email: value('email'), phone: value('phone') || null };
    const errors: Record<string, string> = {};
    if (!body.email) errors['email'] = attributeTexts().required;
    else if (!EMAIL.test(body.email)) errors['email'] = attributeTexts().badEmail;
    if (body.phone && !PHONE.test(body.phone)) errors['phone'] = t.badPhone;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      focusFirstError(this.renderRoot);
      return;
    }
    await this.act(
      async () => {
        this.contact = await this.api!.put<IssuerContact>(`${API}/contact`, body);
      },
      t.contactSaved,
      (error) => Object.keys((this.fieldErrors = error.fieldErrors())).length > 0,
    );
  }

  override render() {
    const t = issuerTexts();
    if (!this.can(SUBMIT)) return html`<h1>${t.contactTitle}</h1><p class="note">${t.needSubmit}</p>`;
    const c = this.contact;
    const e = this.fieldErrors;
    return html`<h1>${t.contactTitle}</h1>
      ${this.renderStatus()}
      <p>${t.contactIntro}</p>
      ${this.loaded && !c ? html`<p class="note">${t.contactNone}</p>` : nothing}
      <form novalidate @submit=${(ev: SubmitEvent) => this.#save(ev)} aria-label=${t.contactTitle}>
        ${field('contact-name', t.contactName, e['name'], (d, bad) => html`<input id="contact-name" name="name" maxlength="200" autocomplete="name" .value=${c?.name ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('contact-email', t.contactEmail, e['email'], (d, bad) => html`<input id="contact-email" name="email" type="email" maxlength="254" autocomplete="email" required aria-required="true" .value=${c?.email ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        ${field('contact-phone', t.contactPhone, e['phone'], (d, bad) => html`<input id="contact-phone" name="phone" type="tel" maxlength="40" autocomplete="tel" .value=${c?.phone ?? ''} aria-describedby=${d} aria-invalid=${bad} />`)}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t.contactSave}</button></div>
      </form>
      ${c ? html`<p class="note">${t.contactUpdated(formatTime(c.updatedAt), c.updatedBy)}</p>` : nothing}`;
  }
}
