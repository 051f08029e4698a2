import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { ApiError, CongElement } from '@cong/sdk/admin';
import '@awesome.me/webawesome/dist/components/button/button.js';
import { pageStyles } from '../shared/shared.js';
import {
  draftOf,
  fieldDescription,
  fieldLabel,
  fieldPointerOf,
  fieldsOf,
  flatten,
  payloadOf,
  validate,
  valueAt,
  type ConfigSchema,
  type Draft,
  type FieldSpec,
  type FormState,
} from './schema-fields.js';

export type { ConfigSchema } from './schema-fields.js';

/** Saves the form's `values` (the page PUTs them); an {@link ApiError} with field issues is shown per field. */
export type SettingsSave = (values: Record<string, unknown>) => Promise<void>;

/**
 * A form generated from a plugin's config JSON Schema: text, e-mail and address inputs, selects for
 * enums, number inputs with their ranges, switches, lists of strings (one a line) and fieldsets for
 * nested objects. Labels come from `x-cong-label` (`{ vi, en }`) or `title`. Secrets
 * (`x-cong-secret` or `writeOnly`) are never filled in: the form says whether one is set, a blank
 * one keeps its value and "Clear" sends `null`. Fields marked `x-cong-file-only` are shown read-only
 * with the value cong.config.json gives them (`fileValues`) and a note that they change there, after a
 * restart; the form never sends them.
 *
 * Checks mirror the schema before anything is sent; the server's issues (`/values/<field>`) appear
 * next to their field. Every control points at its hint and error with `aria-describedby`.
 */
export class SettingsForm extends CongElement {
  static override styles = [
    pageStyles,
    css`
      form { max-width: 40rem; }
      input[role='switch'] { width: 2.5rem; height: 1.25rem; accent-color: var(--cong-color-brand, #0b57b0); margin: 0; }
      .secret-state { font-size: 0.875rem; }
      textarea { min-height: 5rem; }
    `,
  ];
  static override properties = {
    schema: { attribute: false },
    values: { attribute: false },
    secretsSet: { attribute: false },
    fileValues: { attribute: false },
    save: { attribute: false },
    submitLabel: { attribute: 'submit-label' },
    disabled: { type: Boolean },
    draft: { state: true },
    cleared: { state: true },
    touched: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  declare schema: ConfigSchema | undefined;
  declare values: Readonly<Record<string, unknown>>;
  declare secretsSet: readonly string[];
  /** Values of the file-only fields, from cong.config.json (the settings API's `fileOnly`). */
  declare fileValues: Readonly<Record<string, unknown>>;
  declare save: SettingsSave | undefined;
  declare submitLabel: string | undefined;
  declare disabled: boolean;
  declare draft: Draft;
  declare cleared: ReadonlySet<string>;
  declare touched: ReadonlySet<string>;
  /** Messages by field pointer (`/smtp/port`). */
  declare errors: Readonly<Record<string, string>>;
  declare formError: string | undefined;
  declare busy: boolean;

  #fields: FieldSpec[] = [];

  constructor() {
    super();
    this.values = {};
    this.secretsSet = [];
    this.fileValues = {};
    this.disabled = false;
    this.draft = {};
    this.cleared = new Set();
    this.touched = new Set();
    this.errors = {};
    this.busy = false;
  }

  /** The fields generated from the schema. */
  get fields(): readonly FieldSpec[] {
    return this.#fields;
  }

  /** The `values` the form would send now. */
  get payload(): Record<string, unknown> {
    return payloadOf(this.#fields, this.#state());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schema')) this.#fields = this.schema ? fieldsOf(this.schema) : [];
    if (changed.has('schema') || changed.has('values') || changed.has('secretsSet')) {
      this.draft = draftOf(this.#fields, this.values);
      this.cleared = new Set();
      this.touched = new Set();
      this.errors = {};
      this.formError = undefined;
    }
  }

  #state(): FormState {
    return { draft: this.draft, cleared: this.cleared, touched: this.touched, values: this.values, secretsSet: this.secretsSet };
  }

  /** Shows issues the server named (`errors[].pointer` under `/values/...`); returns those that fit no field. */
  showServerErrors(error: ApiError): string[] {
    const errors: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const issue of error.errors) {
      const pointer = issue.in === 'body' ? fieldPointerOf(issue.pointer, this.#fields) : undefined;
      if (pointer === undefined) unplaced.push(`${issue.pointer} ${issue.message}`.trim());
      else errors[pointer] ??= this.#localizedIssue(pointer, issue.keyword) ?? issue.message;
    }
    this.errors = errors;
    this.formError = unplaced.length > 0 || Object.keys(errors).length === 0 ? [error.message, ...unplaced].join(' — ') : undefined;
    void this.updateComplete.then(() => this.#focusFirstError());
    return unplaced;
  }

  /** The client's own wording for a server issue on a field, when its checks find the same problem. */
  #localizedIssue(pointer: string, keyword: string | undefined): string | undefined {
    if (keyword === 'required') return msg('This field is required.', { id: 'settingsForm.error.required' });
    const field = flatten(this.#fields).find((f) => f.pointer === pointer);
    if (!field) return undefined;
    return validate([field], this.#state())[pointer];
  }

  #focusFirstError(): void {
    const first = Object.keys(this.errors)[0];
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${idOf(first)}`)?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const errors = validate(this.#fields, this.#state());
    this.errors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length > 0) {
      this.formError = msg('Some fields need attention.', { id: 'settingsForm.invalid' });
      await this.updateComplete;
      this.#focusFirstError();
      return;
    }
    if (!this.save) return;
    this.busy = true;
    try {
      await this.save(this.payload);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.showServerErrors(error);
    } finally {
      this.busy = false;
    }
  }

  #set(pointer: string, value: string | boolean): void {
    this.draft = { ...this.draft, [pointer]: value };
    this.touched = new Set(this.touched).add(pointer);
    if (this.errors[pointer]) {
      const { [pointer]: _removed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  #toggleClear(pointer: string, clear: boolean): void {
    const next = new Set(this.cleared);
    if (clear) next.add(pointer);
    else next.delete(pointer);
    this.cleared = next;
    if (clear) this.draft = { ...this.draft, [pointer]: '' };
  }

  #describedBy(field: FieldSpec, extra: string[] = []): string | typeof nothing {
    const id = idOf(field.pointer);
    const ids = [...extra, fieldDescription(field) ? `${id}-hint` : '', this.errors[field.pointer] ? `${id}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  #field(field: FieldSpec): TemplateResult {
    if (field.kind === 'group') {
      const description = fieldDescription(field);
      return html`<fieldset>
        <legend>${fieldLabel(field)}</legend>
        ${description ? html`<p class="hint">${description}</p>` : nothing}
        ${field.children.map((child) => this.#field(child))}
      </fieldset>`;
    }
    const id = idOf(field.pointer);
    const error = this.errors[field.pointer];
    const description = fieldDescription(field);
    const label = fieldLabel(field);
    const common = {
      id,
      name: field.pointer,
      invalid: error ? 'true' : 'false',
      disabled: this.disabled || this.busy,
    };
    let control: TemplateResult;
    let extra: TemplateResult | typeof nothing = nothing;
    const value = String(this.draft[field.pointer] ?? '');
    const input = (e: Event) => this.#set(field.pointer, (e.target as HTMLInputElement).value);
    const s = field.schema;
    switch (field.kind) {
      case 'boolean':
        return html`<div class="field">
          <div class="check">
            <input
              type="checkbox"
              role="switch"
              id=${id}
              name=${field.pointer}
              .checked=${live(this.draft[field.pointer] === true)}
              ?disabled=${common.disabled}
              aria-describedby=${this.#describedBy(field)}
              aria-invalid=${common.invalid}
              @change=${(e: Event) => this.#set(field.pointer, (e.target as HTMLInputElement).checked)}
            />
            <label for=${id}>${label}</label>
          </div>
          ${description ? html`<span class="hint" id=${`${id}-hint`}>${description}</span>` : nothing}
          ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
        </div>`;
      case 'select': {
        const options = s.enum ?? [];
        control = html`<select
          id=${id}
          name=${field.pointer}
          ?required=${field.required}
          ?disabled=${common.disabled}
          aria-describedby=${this.#describedBy(field)}
          aria-invalid=${common.invalid}
          @change=${input}
        >
          ${field.required && value !== '' ? nothing : html`<option value="" ?selected=${value === ''}>${msg('(not set)', { id: 'settingsForm.notSet' })}</option>`}
          ${options.map((o) => html`<option value=${String(o)} ?selected=${String(o) === value}>${String(o)}</option>`)}
        </select>`;
        break;
      }
      case 'integer':
      case 'number':
        control = html`<input
          id=${id}
          name=${field.pointer}
          type="number"
          inputmode=${field.kind === 'integer' ? 'numeric' : 'decimal'}
          step=${s.multipleOf ?? (field.kind === 'integer' ? 1 : 'any')}
          min=${s.minimum ?? nothing}
          max=${s.maximum ?? nothing}
          placeholder=${s.default !== undefined ? String(s.default) : nothing}
          ?required=${field.required}
          ?disabled=${common.disabled}
          .value=${live(value)}
          aria-describedby=${this.#describedBy(field)}
          aria-invalid=${common.invalid}
          @input=${input}
        />`;
        break;
      case 'list':
        control = html`<textarea
          id=${id}
          name=${field.pointer}
          rows="4"
          ?required=${field.required}
          ?disabled=${common.disabled}
          .value=${live(value)}
          aria-describedby=${this.#describedBy(field, [`${id}-lines`])}
          aria-invalid=${common.invalid}
          @input=${input}
        ></textarea>`;
        extra = html`<span class="hint" id=${`${id}-lines`}>${msg('One item a line.', { id: 'settingsForm.list.hint' })}</span>`;
        break;
      case 'secret': {
        const set = this.secretsSet.includes(field.key);
        const cleared = this.cleared.has(field.pointer);
        const stateText = cleared
          ? msg('Will be cleared when you save.', { id: 'settingsForm.secret.willClear' })
          : set
            ? msg('Set. Leave blank to keep the current value.', { id: 'settingsForm.secret.set' })
            : msg('Not set.', { id: 'settingsForm.secret.unset' });
        control = html`<input
          id=${id}
          name=${field.pointer}
          type="password"
          autocomplete="new-password"
          maxlength=${s.maxLength ?? nothing}
          ?required=${field.required && !set}
          ?disabled=${common.disabled || cleared}
          .value=${live(value)}
          aria-describedby=${this.#describedBy(field, [`${id}-state`])}
          aria-invalid=${common.invalid}
          @input=${input}
        />`;
        extra = html`<span class="secret-state" id=${`${id}-state`} data-secret-state=${cleared ? 'cleared' : set ? 'set' : 'unset'}>${stateText}</span>
          ${set
            ? html`<label class="check"
                ><input
                  type="checkbox"
                  name=${`${field.pointer}#clear`}
                  .checked=${live(cleared)}
                  ?disabled=${common.disabled}
                  @change=${(e: Event) => this.#toggleClear(field.pointer, (e.target as HTMLInputElement).checked)}
                />${msg(str`Clear ${label}`, { id: 'settingsForm.secret.clear' })}</label
              >`
            : nothing}`;
        break;
      }
      case 'fileOnly': {
        const shown = valueAt(this.fileValues, field.path) ?? s.default;
        return html`<div class="field" data-kind="fileOnly">
          <span class="label" id=${`${id}-label`}>${label}</span>
          ${shown === undefined
            ? html`<output id=${id} aria-labelledby=${`${id}-label`} aria-describedby=${this.#describedBy(field, [`${id}-file`])}>${msg('(not set)', { id: 'settingsForm.notSet' })}</output>`
            : typeof shown === 'object' && shown !== null
              ? html`<pre><output id=${id} aria-labelledby=${`${id}-label`} aria-describedby=${this.#describedBy(field, [`${id}-file`])}>${JSON.stringify(shown, null, 2)}</output></pre>`
              : html`<output id=${id} aria-labelledby=${`${id}-label`} aria-describedby=${this.#describedBy(field, [`${id}-file`])}>${String(shown)}</output>`}
          <span class="hint" id=${`${id}-file`} data-file-only>${msg('Set in cong.config.json; takes effect after a restart.', { id: 'settingsForm.fileOnly' })}</span>
          ${description ? html`<span class="hint" id=${`${id}-hint`}>${description}</span>` : nothing}
        </div>`;
      }
      case 'unsupported':
        return html`<div class="field">
          <span class="label">${label}</span>
          <span class="hint">${msg('This setting cannot be edited here; it keeps its value.', { id: 'settingsForm.unsupported' })}</span>
          <code>${JSON.stringify(valueAt(this.values, field.path) ?? s.default ?? null)}</code>
        </div>`;
      default: {
        const type = field.kind === 'email' ? 'email' : field.kind === 'url' ? 'url' : 'text';
        control = html`<input
          id=${id}
          name=${field.pointer}
          type=${type}
          maxlength=${s.maxLength ?? nothing}
          placeholder=${typeof s.default === 'string' ? s.default : nothing}
          ?required=${field.required}
          ?disabled=${common.disabled}
          .value=${live(value)}
          aria-describedby=${this.#describedBy(field)}
          aria-invalid=${common.invalid}
          @input=${input}
        />`;
      }
    }
    return html`<div class="field" data-kind=${field.kind}>
      <label for=${id}>${label}${field.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      ${control} ${extra} ${description ? html`<span class="hint" id=${`${id}-hint`}>${description}</span>` : nothing}
      ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    if (!this.schema) return nothing;
    const hasRequired = flatten(this.#fields).some((f) => f.required && f.kind !== 'group');
    return html`<form class="stack" novalidate @submit=${(e: SubmitEvent) => this.#submit(e)}>
      ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      ${hasRequired ? html`<p class="hint muted">${msg('Fields marked * are required.', { id: 'settingsForm.requiredNote' })}</p>` : nothing}
      ${this.#fields.length === 0 ? html`<p>${msg('This module has no settings.', { id: 'settingsForm.none' })}</p>` : this.#fields.map((f) => this.#field(f))}
      <div class="actions">
        <wa-button type="submit" variant="brand" ?loading=${this.busy} ?disabled=${this.disabled || this.#fields.length === 0}
          >${this.submitLabel ?? msg('Save', { id: 'settingsForm.save' })}</wa-button
        >
      </div>
    </form>`;
  }
}

/** An element id for a field pointer (`/smtp/port` → `field-smtp-port`). */
function idOf(pointer: string): string {
  return `field${pointer.replace(/~1/g, '_').replace(/~0/g, '_').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

SettingsForm.define('cong-settings-form', 'cong');

declare global {
  interface HTMLElementTagNameMap {
    'cong-settings-form': SettingsForm;
  }
}
