import { html, nothing, type TemplateResult } from 'lit';

/** Field name → message: the page's own checks, or the server's (`ApiError.fieldErrors()`). */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * One labelled field with its hint and its error, tied together by `aria-describedby`. The control
 * receives the ids to describe it with and whether it is invalid, and the error's id is
 * `<id>-error`, so a test (and a screen reader) finds the message beside the field.
 */
export function field(id: string, label: string, error: string | undefined, control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => unknown, hint?: string): TemplateResult {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    ${control(described || nothing, error ? 'true' : 'false')}
    ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
  </div>`;
}

/** A form's text value, NFC and trimmed (the server normalises the same way). */
export function textOf(data: FormData, name: string): string {
  return String(data.get(name) ?? '').normalize('NFC').trim();
}
