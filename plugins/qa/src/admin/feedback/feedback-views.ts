import { html, nothing, type TemplateResult } from 'lit';
import { commonTexts, formatDate, formatTime } from '../shared/common-messages.js';
import type { FeedbackStatus, FeedbackView } from '../shared/qa-api.js';
import { feedbackTexts } from './feedback-messages.js';

/** What the feedback and ideas pages share: the status badge, the sender and content, the timeline. */

export function feedbackStatusBadge(status: FeedbackStatus): TemplateResult {
  return html`<span class="badge" data-status=${status}>${feedbackTexts().statuses[status] ?? status}</span>`;
}

/** The item as the sender wrote it, with who sent it (staff reply to the sender, so the contact is shown). */
export function feedbackFacts(v: FeedbackView): TemplateResult {
  const t = feedbackTexts();
  const c = commonTexts();
  const sender = [v.sender.name, v.sender.email, v.sender.phone, v.sender.address].filter(Boolean).join(' · ');
  return html`<dl class="facts">
      <dt>${t.statusFilter}</dt><dd>${feedbackStatusBadge(v.status)}</dd>
      ${v.trackingCode ? html`<dt>${t.trackingCode}</dt><dd>${v.trackingCode}</dd>` : nothing}
      ${v.registerNumber ? html`<dt>${t.registerNumber}</dt><dd>${v.registerNumber}</dd>` : nothing}
      <dt>${t.receivedAt}</dt><dd>${formatTime(v.receivedAt ?? v.createdAt)}</dd>
      <dt>${t.channel}</dt><dd>${t.channels[v.channel] ?? v.channel}</dd>
      <dt>${t.sender}</dt><dd>${sender || c.none}</dd>
      ${v.contentType ? html`<dt>${t.typeFilter}</dt><dd>${t.contentTypes[v.contentType]}</dd>` : nothing}
      ${v.regulation ? html`<dt>${t.regulation}</dt><dd>${v.regulation.name}${v.regulation.link ? html` <a href=${v.regulation.link} target="_blank" rel="noopener noreferrer">${v.regulation.link}</a>` : nothing}</dd>` : nothing}
      <dt>${t.consentPublish}</dt><dd>${v.consentPublish ? c.yes : c.no}</dd>
      ${v.classification ? html`<dt>${t.classification}</dt><dd>${t.classifications[v.classification]}${v.classifyReason ? html`<div class="note">${v.classifyReason}</div>` : nothing}</dd>` : nothing}
      ${v.forwardDueOn ? html`<dt>${t.forwardDue}</dt><dd>${formatDate(v.forwardDueOn)}${v.forwardRuleVersion ? html` <span class="note">(${t.forwardDueRule(v.forwardRuleVersion)})</span>` : nothing}</dd>` : nothing}
      ${v.forwardedTo ? html`<dt>${t.forwardedTo}</dt><dd>${v.forwardedTo} <span class="note">${formatTime(v.forwardedAt)}</span> ${v.forwardedOnTime === null ? nothing : html`<span class="badge" data-state=${v.forwardedOnTime ? 'met' : 'met-late'}>${v.forwardedOnTime ? t.onTime : t.late}</span>`}</dd>` : nothing}
      ${v.decision ? html`<dt>${t.decision}</dt><dd>${t.decisions[v.decision]}${v.decisionNote ? html`<div class="note">${v.decisionNote}</div>` : nothing}</dd>` : nothing}
      ${v.kind === 'idea' ? html`<dt>${t.supports}</dt><dd>${t.supportCount(v.supportCount)}</dd>` : nothing}
      ${v.acknowledgement ? html`<dt>${t.acknowledgement}</dt><dd>${t.levels[v.acknowledgement.level]}<div class="note">${v.acknowledgement.note}</div></dd>` : nothing}
    </dl>
    <h3>${v.title}</h3>
    <p class="text-block" aria-label=${t.content}>${v.content}</p>
    ${v.proposal ? html`<p class="label">${t.proposal}</p><p class="text-block">${v.proposal}</p>` : nothing}`;
}

/** The published text, with the public page that shows it (`href`). */
export function publicationFacts(v: FeedbackView, href: string): TemplateResult | typeof nothing {
  const p = v.publication;
  if (!p) return nothing;
  const t = feedbackTexts();
  return html`<section class="panel" aria-labelledby="fb-publication-title">
    <h3 id="fb-publication-title">${t.publication}</h3>
    <p><a href=${href} target="_blank" rel="noopener">${t.publicPage}: ${href}</a> <span class="note">${formatTime(p.publishedAt)}</span></p>
    <p><strong>${p.title}</strong></p>
    <p class="text-block">${p.summary}</p>
    ${p.result ? html`<p class="text-block">${p.result}</p>` : nothing}
  </section>`;
}

export function feedbackTimeline(v: FeedbackView): TemplateResult {
  const t = feedbackTexts();
  return html`<table>
    <caption>${t.timeline}</caption>
    <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.step}</th><th scope="col">${t.who}</th><th scope="col">${t.note}</th></tr></thead>
    <tbody>${v.timeline.map(
      (e) => html`<tr>
        <td>${formatTime(e.at)}</td>
        <td>${t.events[e.action] ?? e.action}</td>
        <td>${e.actor}</td>
        <td>${e.action === 'received' && e.note && Object.hasOwn(t.channels, e.note) ? t.channels[e.note as FeedbackView['channel']] : (e.note ?? '')}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}
