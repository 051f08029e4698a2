import { css, html, nothing } from 'lit';
import { mediaTexts } from './media-messages.js';
import type { MediaItem, UpdateMediaBody } from './media-types.js';

/** Form controls shared by the library and the picker. */
export const mediaFormStyles = css`
  label.field { display: grid; gap: 0.25rem; font-weight: 600; margin-block: var(--cong-space-s, 0.75rem); }
  label.field small { font-weight: 400; }
  input, select, textarea { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  fieldset { border: 0; padding: 0; margin: 0; }
  button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
  button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
  button.danger { color: var(--cong-color-danger, #b00020); }
  button.link { border: 0; background: none; padding: 0; color: var(--cong-color-link, #0b57b0); text-decoration: underline; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  button[disabled] { opacity: 0.6; cursor: default; }
  a, .link { color: var(--cong-color-link, #0b57b0); }
  .actions { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); }
  .hint { color: var(--cong-color-text-muted, #555); }
  .error, [role='alert'] { color: var(--cong-color-danger, #b00020); }
`;

function field(name: string, label: string, value: string | null, errors: Readonly<Record<string, string>>, options: { required?: boolean; hint?: string; type?: string; multiline?: boolean; max?: number } = {}) {
  const error = errors[name];
  const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || nothing;
  const control = options.multiline
    ? html`<textarea name=${name} rows="3" maxlength=${options.max ?? 2000} .value=${value ?? ''} ?required=${options.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy}></textarea>`
    : html`<input name=${name} type=${options.type ?? 'text'} maxlength=${options.max ?? 300} .value=${value ?? ''} ?required=${options.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy} />`;
  return html`<label class="field">${label}${options.required ? html` <span aria-hidden="true">*</span>` : nothing}
    ${control}
    ${options.hint ? html`<small id=${`${name}-hint`}>${options.hint}</small>` : nothing}
    ${error ? html`<small class="error" id=${`${name}-error`}>${error}</small>` : nothing}
  </label>`;
}

/**
 * The metadata fields of an item. Field names are the PATCH body's paths flattened (`altVi`,
 * `documentNumber`), so the server's field errors land on them: the error keys are the first
 * segment of the pointer (`alt`, `document`), matched by prefix.
 */
export function renderMetadataFields(item: MediaItem, fieldErrors: Readonly<Record<string, string>>) {
  const t = mediaTexts();
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    if (key === 'alt') errors.altVi = message;
    else if (key === 'title') errors.titleVi = message;
    else if (key === 'caption') errors.captionVi = message;
    else if (key === 'document') errors.documentTitle = message;
    else errors[key] = message;
  }
  const image = item.kind === 'image';
  return html`
    ${image
      ? html`${field('altVi', t.altVi, item.alt.vi, errors, { required: true, hint: t.altHint, max: 500 })}
          ${field('altEn', t.altEn, item.alt.en, errors, { max: 500 })}`
      : nothing}
    ${field('titleVi', t.titleVi, item.title.vi, errors)}
    ${field('titleEn', t.titleEn, item.title.en, errors)}
    ${image
      ? html`${field('captionVi', t.captionVi, item.caption.vi, errors, { multiline: true, max: 1000 })}
          ${field('captionEn', t.captionEn, item.caption.en, errors, { multiline: true, max: 1000 })}`
      : nothing}
    ${field('credit', t.credit, item.credit, errors, { max: 200 })}
    ${!image && item.document
      ? html`${field('documentTitle', t.documentTitle, item.document.title, errors, { max: 500 })}
          ${field('documentNumber', t.documentNumber, item.document.number, errors, { max: 100 })}
          ${field('documentIssuer', t.documentIssuer, item.document.issuer, errors)}
          ${field('documentDate', t.documentDate, item.document.date, errors, { type: 'date' })}
          ${field('documentDescription', t.documentDescription, item.document.description, errors, { multiline: true, max: 2000 })}`
      : nothing}
  `;
}

/** The PATCH body for the form's values: every shown field, an empty one as `null` (cleared). */
export function metadataBody(item: MediaItem, data: FormData): UpdateMediaBody {
  const value = (name: string) => {
    const v = String(data.get(name) ?? '').trim();
    return v === '' ? null : v;
  };
  const body: UpdateMediaBody = {
    title: { vi: value('titleVi'), en: value('titleEn') },
    credit: value('credit'),
  };
  if (item.kind === 'image') {
    body.alt = { vi: value('altVi'), en: value('altEn') };
    body.caption = { vi: value('captionVi'), en: value('captionEn') };
  } else {
    body.document = { title: value('documentTitle'), number: value('documentNumber'), issuer: value('documentIssuer'), date: value('documentDate'), description: value('documentDescription') };
  }
  return body;
}
