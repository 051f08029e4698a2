import { sanitizeRichText, plainText } from '../html/sanitize-html.js';
import { html, trustedSanitizedHtml, type SafeHtml } from '../site/html.js';
import type { Site } from '../site/site-context.js';

/**
 * Plain text of a vi/en pair in the page's language (see `Site.pair`: pages in English, and in every
 * other language, which shows the English, fall back to Vietnamese field by field); fallback text is
 * marked with its language for screen readers.
 */
export function say(site: Site, vi: string, en: string): SafeHtml {
  const p = site.pair(vi, en);
  return p.lang === site.lang ? html`${p.text}` : html`<span lang="${p.lang}">${p.text}</span>`;
}

/**
 * Rich text in the page's language, or nothing when it has no text. The columns hold sanitised HTML;
 * it is sanitised again here, so the page never trusts the database alone.
 */
export function rich(site: Site, vi: string, en: string, tag: 'div' | 'section' = 'div'): SafeHtml | null {
  const p = site.pair(vi, plainText(en) !== '' ? en : null);
  if (plainText(p.text) === '') return null;
  const body = trustedSanitizedHtml(sanitizeRichText(p.text), site);
  const lang = p.lang === site.lang ? null : html` lang="${p.lang}"`;
  return tag === 'div' ? html`<div class="body"${lang}>${body}</div>` : html`<section class="body"${lang}>${body}</section>`;
}

/** A `tel:` link target: the digits and a leading + only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function phoneLink(phone: string): SafeHtml | null {
  return phone ? html`<a href="${telHref(phone)}">${phone}</a>` : null;
}

export function mailLink(email: string): SafeHtml | null {
  return email ? html`<a href="mailto:${email}">${email}</a>` : null;
}
