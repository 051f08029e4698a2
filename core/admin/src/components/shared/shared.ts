import { css } from 'lit';
import { ApiError, type CongElement } from '@cong/sdk/admin';

/** The page's language as the shell set it (`<html lang>`): Vietnamese unless it says English. */
export function pageLang(): 'vi' | 'en' {
  return document.documentElement.lang?.startsWith('en') ? 'en' : 'vi';
}

/** A text a schema or the server gives in both languages (`{ vi, en }`), or a plain string. */
export type BilingualText = string | { readonly vi: string; readonly en?: string | null };

/** The entry of a bilingual text for the page's language (Vietnamese when English is missing). */
export function bilingual(text: BilingualText | null | undefined): string | undefined {
  if (text === null || text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return pageLang() === 'en' ? text.en || text.vi : text.vi;
}

/** Asks the shell for a toast (`cong-toast`, from the element so it crosses its shadow root). */
export function toast(element: CongElement, message: string, variant: 'success' | 'danger' | 'neutral' = 'success'): void {
  element.emit('cong-toast', { message, variant });
}

/** Lower case without diacritics (đ → d), for searching Vietnamese names as the server does. */
/**
 * What a form shows for a failed call: the API's field errors beside their fields, or else its message
 * above the form. Anything that is not an {@link ApiError} is a bug and is rethrown.
 */
export function formFailure(error: unknown): { errors: Readonly<Record<string, string>>; formError: string | undefined } {
  if (!(error instanceof ApiError)) throw error;
  const errors = error.fieldErrors();
  return { errors, formError: Object.keys(errors).length > 0 ? undefined : error.message };
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}

/** Formats an ISO date-time for the page's language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(pageLang() === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Styles shared by the core pages and components: plain controls in the shell's colours. */
export const pageStyles = css`
  :host {
    display: block;
    font-family: var(--cong-font, inherit);
    color: var(--cong-color-text, #1b1b1b);
  }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  h2 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-block: 0.75rem; }
  .field { display: grid; gap: 0.25rem; }
  .field > label, .field > .label, legend { font-weight: 600; }
  .field .hint { color: var(--cong-color-text-quiet, #535353); font-size: 0.875rem; }
  .field-error, .form-error { color: var(--cong-color-danger, #b00020); font-size: 0.875rem; }
  .form-error { font-weight: 600; }
  input:not([type='checkbox']):not([type='radio']), select, textarea {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--wa-form-control-border-color, #6b6b6b);
    border-radius: var(--cong-radius, 0.375rem);
    background: var(--cong-color-surface, #ffffff);
    color: inherit;
    min-width: 0;
  }
  [aria-invalid='true'] { border-color: var(--cong-color-danger, #b00020) !important; outline-color: var(--cong-color-danger, #b00020); }
  :focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  form.stack, .stack { display: grid; gap: 0.9rem; }
  fieldset { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: 0.25rem; padding: 0.75rem; display: grid; gap: 0.9rem; margin: 0; }
  .check { display: flex; gap: 0.5rem; align-items: center; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .muted { color: var(--cong-color-text-quiet, #535353); }
  /* Cell layouts of the tables' column templates: cells render in the data table's shadow root, which has these styles and not the page's. */
  .who { display: grid; }
  .who small { color: var(--cong-color-text-quiet, #535353); }
  ul.grants { margin: 0; padding-inline-start: 1.1rem; min-width: 14rem; }
  ul.grants li { margin-block: 0.25rem; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.25rem; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  button.link { background: none; border: none; padding: 0; color: var(--cong-color-link, #0b57b0); text-decoration: underline; cursor: pointer; font: inherit; }
`;
