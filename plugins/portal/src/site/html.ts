import { trustedHtml, type SafeHtml } from '@cong/sdk';
import { siteMediaUrls } from '../media/media-urls.js';

// The template helper is the SDK's (`html`, `escapeHtml`, `SafeHtml`…): one class for every plugin, so a
// fragment a contributor renders (a home block) is trusted by the portal's pages.
export { escapeHtml, escapeXml, html, jsonForScript, SafeHtml, type HtmlValue } from '@cong/sdk';

/**
 * Rich text as stored by an area that runs `sanitizeRichText` (src/html/sanitize-html.ts) on every
 * write: article and page bodies, organisation descriptions, leaders' biographies. The stored text is
 * the allowlisted HTML and is the one thing the site outputs without escaping. Never pass text that did
 * not come out of the sanitiser (input from a request, a plain-text column). Media-library links in it
 * are pointed at the request's site (`/t/<slug>/media/…` on the platform host).
 */
export function trustedSanitizedHtml(storedBody: string, site: { readonly prefix: string }): SafeHtml {
  return trustedHtml(siteMediaUrls(storedBody, site));
}
