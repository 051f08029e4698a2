import { html, nothing, type TemplateResult } from 'lit';
import { formatTime, type SyndicationTexts } from './syndication-messages.js';
import type { ProposalDetail } from './syndication-types.js';

/** Previous / next for a paged list. */
export function renderPager(label: string, offset: number, limit: number, total: number, t: SyndicationTexts, go: (offset: number) => void): TemplateResult | typeof nothing {
  if (total <= limit) return nothing;
  return html`<nav class="pager" aria-label=${label}>
    <button type="button" ?disabled=${offset === 0} @click=${() => go(Math.max(0, offset - limit))}>${t.previous}</button>
    <span>${t.page(offset + 1, Math.min(offset + limit, total), total)}</span>
    <button type="button" ?disabled=${offset + limit >= total} @click=${() => go(offset + limit)}>${t.next}</button>
  </nav>`;
}

/** A proposal's facts: unit, source article, status, the unit's note and the closing reason. */
export function renderProposalFacts(p: ProposalDetail, t: SyndicationTexts): TemplateResult {
  return html`<dl>
    <dt>${t.unit}</dt><dd>${p.unit.name}</dd>
    <dt>${t.article}</dt>
    <dd>${p.article ? html`<a href=${p.article.url} target="_blank" rel="noopener">${p.article.title}</a>` : html`<span class="muted">${t.sourceGone}</span>`}</dd>
    <dt>${t.status}</dt><dd>${t.statuses[p.status]}</dd>
    ${p.note ? html`<dt>${t.noteShown}</dt><dd>${p.note}</dd>` : nothing}
    ${p.reason ? html`<dt>${t.reasonShown}</dt><dd>${p.reason}</dd>` : nothing}
    ${p.provincePath ? html`<dt>${t.province}</dt><dd><a href=${`/t/${p.province.slug}${p.provincePath}`} target="_blank" rel="noopener">${t.onProvince}</a></dd>` : nothing}
  </dl>`;
}

/** Every step with its time, actor, unit and remark. */
export function renderHistory(p: ProposalDetail, t: SyndicationTexts): TemplateResult {
  return html`<h3>${t.history}</h3>
    <table>
      <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.step}</th><th scope="col">${t.who}</th><th scope="col">${t.remark}</th></tr></thead>
      <tbody>
        ${p.history.map((s) => html`<tr><td>${formatTime(s.at)}</td><td>${t.actions[s.action] ?? s.action}</td><td>${s.actorId}</td><td>${s.remark ?? ''}</td></tr>`)}
      </tbody>
    </table>`;
}
