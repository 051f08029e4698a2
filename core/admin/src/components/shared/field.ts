import { html, nothing, type TemplateResult } from 'lit';

/** What a control needs to point at its hint and error (`aria-describedby`) and to say it is invalid. */
export interface ControlAria {
  readonly id: string;
  readonly describedBy: string | typeof nothing;
  readonly invalid: 'true' | 'false';
}

/**
 * A labelled form field: label, control, hint and the field's error, the control pointing at both
 * with `aria-describedby` and saying `aria-invalid` when there is an error.
 *
 * @example
 * ```ts
 * field({ id: 'user-email', label: 'E-mail', error: this.errors.email }, (a) =>
 *   html`<input id=${a.id} name="email" type="email" aria-describedby=${a.describedBy} aria-invalid=${a.invalid} />`)
 * ```
 */
export function field(
  options: { readonly id: string; readonly label: string; readonly error?: string | undefined; readonly hint?: string | undefined; readonly required?: boolean },
  control: (aria: ControlAria) => TemplateResult,
): TemplateResult {
  const hintId = `${options.id}-hint`;
  const errorId = `${options.id}-error`;
  const describedBy = [options.hint ? hintId : '', options.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${options.id}>${options.label}${options.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${control({ id: options.id, describedBy: describedBy || nothing, invalid: options.error ? 'true' : 'false' })}
    ${options.hint ? html`<span class="hint" id=${hintId}>${options.hint}</span>` : nothing}
    ${options.error ? html`<span class="field-error" id=${errorId}>${options.error}</span>` : nothing}
  </div>`;
}

/** Reads a form's named text controls as trimmed strings. */
export function formText(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') out[key] = value.trim();
  return out;
}
