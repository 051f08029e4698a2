/**
 * The `{{key}}` interpolator: no template engine (STACK.md, "E-mail templates"; Strapi's lodash-template
 * mails led to CVE-2023-22621). One pass over the template: a value is inserted as text and never read
 * again, so `{{7*7}}`, `${7*7}` or `<%= 7*7 %>` in a citizen's title come out as typed. The messages
 * are plain text (no HTML part), so nothing needs escaping in the body; in the subject, line breaks
 * and other control characters of a value become spaces, so a value cannot start a new mail header.
 */
import type { MailTemplateText } from './mail-template-catalog.js';

export type MailValues = Readonly<Record<string, string | number>>;

/** `{{ key }}` as the templates write placeholders: a letter, then letters and digits. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
/** Anything between double braces, to find what is not a valid placeholder. */
const ANY_BRACES = /\{\{([\s\S]*?)\}\}/g;
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
}

export function renderMailTemplate(template: MailTemplateText, values: MailValues): RenderedMail {
  const fill = (source: string, oneLine: boolean) =>
    source.replace(PLACEHOLDER, (_whole, key: string) => {
      const value = Object.hasOwn(values, key) ? String(values[key]) : '';
      return oneLine ? value.replace(CONTROL, ' ') : value;
    });
  return {
    subject: fill(template.subject, true).replace(CONTROL, ' ').trim(),
    text: `${fill(template.bodyVi, false)}\n\n---\n${fill(template.bodyEn, false)}`,
  };
}

/** The placeholders in `source` that are not among `keys` (each as written, braces included). */
export function unknownPlaceholders(source: string, keys: readonly string[]): string[] {
  const unknown: string[] = [];
  for (const match of source.matchAll(ANY_BRACES)) {
    const inner = match[1]!.trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(inner) || !keys.includes(inner)) unknown.push(match[0]);
  }
  return unknown;
}
