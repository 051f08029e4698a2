import { html, nothing, type TemplateResult } from 'lit';
import { formatTime, type SubmissionTexts } from './submission-messages.js';
import type { Submission, SubmissionDetail } from './submission-types.js';

/**
 * The body of a submission, shown in a sandboxed frame: the server already sanitised it, and the
 * frame (no scripts, no same-origin, no forms) makes sure that whatever got through cannot act on
 * the admin page.
 */
export function renderPreview(body: string, t: SubmissionTexts): TemplateResult {
  const doc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><base target="_blank"><style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem}img{max-width:100%;height:auto}table{border-collapse:collapse}td,th{border:1px solid #c9ccd1;padding:.25rem}</style></head><body>${body}</body></html>`;
  return html`<iframe class="preview" sandbox="" title=${t.preview} srcdoc=${doc}></iframe>`;
}

/** What a submission carries besides its body: sender, receiver, contact, attachments, remarks. */
export function renderFacts(s: SubmissionDetail, t: SubmissionTexts): TemplateResult {
  return html`<dl>
    <dt>${t.sender}</dt><dd>${s.sender.name}</dd>
    <dt>${t.receiver}</dt><dd>${s.receiver.name}</dd>
    <dt>${t.status}</dt><dd>${t.statuses[s.status]}</dd>
    ${s.summary ? html`<dt>${t.summary}</dt><dd>${s.summary}</dd>` : nothing}
    ${s.byline ? html`<dt>${t.byline}</dt><dd>${s.byline}</dd>` : nothing}
    ${s.categorySlug ? html`<dt>${t.category}</dt><dd>${s.categorySlug}</dd>` : nothing}
    <dt>${t.contactName}</dt><dd>${[s.contact.name, s.contact.phone, s.contact.email].filter(Boolean).join(' · ')}</dd>
    ${s.attachments.length > 0
      ? html`<dt>${t.attachments}</dt><dd><ul>${s.attachments.map((a) => html`<li><a href=${a.url} rel="noopener noreferrer" target="_blank">${a.title}</a></li>`)}</ul></dd>`
      : nothing}
    ${s.remarks ? html`<dt>${t.remarks}</dt><dd>${s.remarks}</dd>` : nothing}
  </dl>`;
}

/** Every step with its time, actor and remark. */
export function renderHistory(s: SubmissionDetail, t: SubmissionTexts): TemplateResult {
  return html`<h3>${t.history}</h3>
    <table>
      <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.status}</th><th scope="col">${t.who}</th><th scope="col">${t.remark}</th></tr></thead>
      <tbody>
        ${s.history.map((h) => html`<tr><td>${formatTime(h.at)}</td><td>${t.actions[h.action] ?? h.action}</td><td>${h.actorId}</td><td>${h.remark ?? ''}</td></tr>`)}
      </tbody>
    </table>`;
}

/** Previous / next for a paged list. */
export function renderPager(label: string, offset: number, limit: number, total: number, t: SubmissionTexts, go: (offset: number) => void): TemplateResult | typeof nothing {
  if (total <= limit) return nothing;
  return html`<nav class="pager" aria-label=${label}>
    <button type="button" ?disabled=${offset === 0} @click=${() => go(Math.max(0, offset - limit))}>${t.previous}</button>
    <span>${t.page(offset + 1, Math.min(offset + limit, total), total)}</span>
    <button type="button" ?disabled=${offset + limit >= total} @click=${() => go(offset + limit)}>${t.next}</button>
  </nav>`;
}

/** Attachments typed one a line as `address | name` (the name defaults to the address). */
export function parseAttachments(text: string): { url: string; title: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url, ...rest] = line.split('|');
      const title = rest.join('|').trim();
      return { url: url!.trim(), title: title || url!.trim() };
    });
}

/**
 * A page of submissions as a table, with loading and empty states: the inbox shows who sent each, the
 * sender's list whom it went to (`other`).
 */
export function renderSubmissionTable(
  items: readonly Submission[] | undefined,
  t: SubmissionTexts,
  other: { readonly label: string; readonly name: (s: Submission) => string },
  open: (id: string) => void,
): TemplateResult {
  if (!items) return html`<p role="status">${t.loading}</p>`;
  if (items.length === 0) return html`<p>${t.empty}</p>`;
  return html`<table>
    <thead><tr><th scope="col">${t.title}</th><th scope="col">${other.label}</th><th scope="col">${t.status}</th><th scope="col">${t.submittedAt}</th></tr></thead>
    <tbody>
      ${items.map(
        (s) => html`<tr>
          <td><a href="#" @click=${(e: Event) => { e.preventDefault(); open(s.id); }}>${s.title}</a></td>
          <td>${other.name(s)}</td>
          <td>${t.statuses[s.status]}</td>
          <td>${formatTime(s.submittedAt)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

