import { html, nothing, type TemplateResult } from 'lit';
import { attributeTexts } from './attribute-messages.js';
import { pick } from './common-messages.js';
import type { DocumentType, Submission, SubmissionAttributes } from './gazette-api.js';

// The server's reading of a number and symbol (intake/number-symbol.ts), checked here first so the
// person sees the problem at the field before anything is sent.
const NUMBER_SYMBOL = /^(\d{1,6}[a-zA-Z]?)\/(?:(\d{4})\/)?([\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*)$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field name → message. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The Vietnam calendar date today (`2026-11-29`): signing dates are Vietnamese dates. */
export function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Reads the attribute fields of `form` into a request body (empty optional fields become `null`) and
 * checks them as the server will: required fields, the number and symbol, the dates, the e-mail.
 */
export function readAttributes(form: HTMLFormElement, today = vietnamToday()): { body: SubmissionAttributes; errors: FieldErrors } {
  const t = attributeTexts();
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').normalize('NFC').trim();
  const optional = (name: string) => text(name) || null;
  const body: SubmissionAttributes = {
    documentType: text('documentType'),
    numberSymbol: text('numberSymbol').replace(/\s*\/\s*/g, '/'),
    summary: text('summary'),
    issuingAgency: text('issuingAgency'),
    signer: text('signer'),
    signedOn: text('signedOn'),
    effectiveOn: optional('effectiveOn'),
    inForceOnSigning: data.get('inForceOnSigning') !== null,
    legalNormative: data.get('legalNormative') !== null,
    field: optional('field'),
    submitterEmail: optional('submitterEmail'),
    note: optional('note'),
  };
  const errors: Record<string, string> = {};
  if (!body.documentType) errors['documentType'] = t.chooseRequired;
  for (const name of ['numberSymbol', 'summary', 'issuingAgency', 'signer', 'signedOn'] as const) if (!body[name]) errors[name] = t.required;
  if (body.numberSymbol && !NUMBER_SYMBOL.test(body.numberSymbol)) errors['numberSymbol'] = t.badNumberSymbol;
  if (body.signedOn && !DATE.test(body.signedOn)) errors['signedOn'] = t.badDate;
  else if (body.signedOn > today) errors['signedOn'] = t.futureSigning;
  if (body.effectiveOn && !DATE.test(body.effectiveOn)) errors['effectiveOn'] = t.badDate;
  else if (body.effectiveOn && body.signedOn && body.effectiveOn < body.signedOn) errors['effectiveOn'] = t.effectiveBeforeSigning;
  if (body.submitterEmail && !EMAIL.test(body.submitterEmail)) errors['submitterEmail'] = t.badEmail;
  return { body, errors };
}

/** Moves focus to the first field with an error, after the page rendered the messages. */
export function focusFirstError(root: ParentNode): void {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** One labelled field with its hint and error, tied together by `aria-describedby`. */
export function field(id: string, label: string, error: string | undefined, control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => unknown, hint?: string): TemplateResult {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    ${control(described || nothing, error ? 'true' : 'false')}
    ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
  </div>`;
}

/** The attribute fields (GAZ-13) inside a form, filled from `values` when editing. */
export function attributeFields(prefix: string, types: readonly DocumentType[], values: Partial<Submission> | undefined, errors: FieldErrors): TemplateResult {
  const t = attributeTexts();
  const v = values ?? {};
  const id = (name: string) => `${prefix}-${name}`;
  const input = (name: keyof SubmissionAttributes, label: string, attrs: { type?: string; max?: number; required?: boolean; hint?: string } = {}) =>
    field(id(name), label, errors[name], (d, bad) => html`<input id=${id(name)} name=${name} type=${attrs.type ?? 'text'} maxlength=${attrs.max ?? nothing} ?required=${attrs.required ?? false} aria-required=${attrs.required ? 'true' : nothing} .value=${String(v[name as keyof Submission] ?? '')} aria-describedby=${d} aria-invalid=${bad} />`, attrs.hint);
  return html`<fieldset>
    <legend>${t.attributes}</legend>
    <div class="grid">
      ${field(id('documentType'), t.documentType, errors['documentType'], (d, bad) => html`<select id=${id('documentType')} name="documentType" required aria-required="true" aria-describedby=${d} aria-invalid=${bad}>
        <option value="">${t.chooseType}</option>
        ${types.map((type) => html`<option value=${type.code} ?selected=${v.documentType === type.code}>${pick(type.name)}</option>`)}
      </select>`)}
      ${input('numberSymbol', t.numberSymbol, { max: 100, required: true, hint: t.numberSymbolHint })}
      ${input('issuingAgency', t.issuingAgency, { max: 300, required: true })}
      ${input('signer', t.signer, { max: 200, required: true })}
      ${input('signedOn', t.signedOn, { type: 'date', required: true })}
      ${input('effectiveOn', t.effectiveOn, { type: 'date' })}
      ${input('field', t.field, { max: 200 })}
      ${input('submitterEmail', t.submitterEmail, { type: 'email', max: 254 })}
    </div>
    ${field(id('summary'), t.summary, errors['summary'], (d, bad) => html`<textarea id=${id('summary')} name="summary" rows="3" maxlength="1000" required aria-required="true" .value=${v.summary ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
    <label class="check"><input type="checkbox" name="inForceOnSigning" .checked=${v.inForceOnSigning ?? false} /> ${t.inForceOnSigning}</label>
    <label class="check"><input type="checkbox" name="legalNormative" .checked=${v.legalNormative ?? true} /> ${t.legalNormative}</label>
    ${field(id('note'), t.note, errors['note'], (d, bad) => html`<textarea id=${id('note')} name="note" rows="2" maxlength="2000" .value=${v.note ?? ''} aria-describedby=${d} aria-invalid=${bad}></textarea>`)}
  </fieldset>`;
}
