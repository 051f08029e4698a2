import { html, nothing, type TemplateResult } from 'lit';
import { commonTexts, formatDate, formatTime } from './common-messages.js';
import type { ClockItem, DueView, FieldOption, QuestionDetail, QuestionItem, QuestionStatus } from './qa-api.js';

/** A question's status as a badge (colour plus words, never colour alone). */
export function statusBadge(status: QuestionStatus): TemplateResult {
  return html`<span class="badge" data-status=${status}>${commonTexts().statuses[status]}</span>`;
}

/** A field's name in the admin's language, else its code. */
export function fieldName(fields: readonly FieldOption[], code: string, english = false): string {
  const found = fields.find((f) => f.code === code);
  return found ? (english && found.nameEn ? found.nameEn : found.name) : code;
}

/**
 * The due date of a question when the list gives one (`deadline: { dueOn | due | dueAt, state }`, or a
 * plain `dueAt`); nothing otherwise.
 */
export function dueBadge(question: QuestionItem): TemplateResult | typeof nothing {
  const t = commonTexts();
  const deadline: DueView | undefined = question.deadline ?? (question.dueAt ? { dueAt: question.dueAt } : undefined);
  const when = deadline?.dueOn ?? deadline?.dueAt ?? deadline?.due;
  if (!deadline || !when) return nothing;
  const state = deadline.state ?? '';
  return html`<span class="due">${t.due}: ${formatDate(when)}${state ? html` <span class="badge" data-state=${state}>${t.dueStates[state] ?? state}</span>` : nothing}</span>`;
}

/** The question's facts: code, status, field, commune, site, agency, times, the asker and the consent. */
export function questionFacts(q: QuestionDetail, fields: readonly FieldOption[], english = false): TemplateResult {
  const t = commonTexts();
  const due = dueBadge(q);
  return html`<dl class="facts">
    <dt>${t.trackingCode}</dt><dd>${q.trackingCode ?? t.none}</dd>
    <dt>${t.status}</dt><dd>${statusBadge(q.status)}</dd>
    ${due === nothing ? nothing : html`<dt>${t.due}</dt><dd>${due}</dd>`}
    <dt>${t.field}</dt><dd>${fieldName(fields, q.field, english)}</dd>
    <dt>${t.commune}</dt><dd>${q.commune?.name ?? t.none}</dd>
    <dt>${t.site}</dt><dd>${q.site?.name ?? t.none}</dd>
    <dt>${t.agency}</dt><dd>${q.agency?.name ?? t.none}</dd>
    <dt>${t.receivedAt}</dt><dd>${formatTime(q.receivedAt)}</dd>
    <dt>${t.asker}</dt><dd>${q.asker.name} · ${q.asker.email}${q.asker.phone ? ` · ${q.asker.phone}` : ''}${q.asker.address ? html`<div class="note">${q.asker.address}</div>` : nothing}</dd>
    <dt>${t.consentPublish}</dt><dd>${q.consentPublish ? t.yes : t.no}</dd>
    ${q.closeReason ? html`<dt>${t.closeReason}</dt><dd>${q.closeReason}</dd>` : nothing}
  </dl>
  <h3>${t.content}</h3>
  <p class="text-block">${q.content}</p>`;
}

/** The timeline: each step with its time, who, in which unit, its target and note. */
export function timelineTable(q: QuestionDetail): TemplateResult {
  const t = commonTexts();
  return html`<table>
    <caption>${t.timeline}</caption>
    <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.step}</th><th scope="col">${t.who}</th><th scope="col">${t.note}</th></tr></thead>
    <tbody>${q.timeline.map(
      (s) => html`<tr>
        <td>${formatTime(s.at)}</td>
        <td>${t.actions[s.action] ?? s.action}${s.target ? html` <span class="note">${t.to(s.target.name)}</span>` : nothing}</td>
        <td>${s.actor}${s.unit ? html`<div class="note">${s.unit.name}</div>` : nothing}</td>
        <td>${s.note ?? ''}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}

/** The SLA clock of each hop (the deadlines area), when the server gives them; nothing otherwise. */
export function clocksTable(clocks: readonly ClockItem[]): TemplateResult | typeof nothing {
  if (clocks.length === 0) return nothing;
  const t = commonTexts();
  return html`<table>
    <caption>${t.deadlines}</caption>
    <thead><tr><th scope="col">${t.hop}</th><th scope="col">${t.unit}</th><th scope="col">${t.due}</th><th scope="col">${t.status}</th></tr></thead>
    <tbody>${clocks.map(
      (c) => html`<tr data-hop=${c.hop}>
        <td>${t.hopKinds[c.kind] ?? c.kind}<div class="note">${t.limit(c.limitDays)}</div></td>
        <td>${c.unit?.name ?? t.none}</td>
        <td>${formatDate(c.dueOn)}${c.pausedDays > 0 ? html`<div class="note">${t.pausedDays(c.pausedDays)}</div>` : nothing}</td>
        <td><span class="badge" data-state=${c.state}>${t.dueStates[c.state] ?? c.state}</span></td>
      </tr>`,
    )}</tbody>
  </table>`;
}

/** Previous / next for a paged list, with the range read out. */
export function pager(offset: number, count: number, total: number, go: (offset: number) => void, limit: number): TemplateResult | typeof nothing {
  if (total === 0) return nothing;
  const t = commonTexts();
  return html`<div class="actions">
    <span>${t.page(offset + 1, offset + count, total)}</span>
    <button type="button" ?disabled=${offset === 0} @click=${() => go(Math.max(0, offset - limit))}>${t.previous}</button>
    <button type="button" ?disabled=${offset + count >= total} @click=${() => go(offset + limit)}>${t.next}</button>
  </div>`;
}
