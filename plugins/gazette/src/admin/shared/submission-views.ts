import { html, nothing, type TemplateResult } from 'lit';
import { commonTexts, fileSize, formatDate, formatTime, pick } from './common-messages.js';
import type { DeadlineView, IntakeFlagView, Submission, SubmissionDetail } from './gazette-api.js';

/** A submission's status as a badge (colour plus words, never colour alone). */
export function statusBadge(submission: Pick<Submission, 'status'>): TemplateResult {
  return html`<span class="badge" data-status=${submission.status}>${commonTexts().statuses[submission.status]}</span>`;
}

/** One deadline: its due date and where it stands. */
export function deadlineLine(label: string, deadline: DeadlineView | null): TemplateResult | typeof nothing {
  if (!deadline) return nothing;
  const t = commonTexts();
  return html`<div>${label}: ${formatDate(deadline.due)} <span class="badge" data-state=${deadline.state}>${t.deadlineStates[deadline.state]}</span></div>`;
}

/** Both deadlines of a submission, for a table cell. */
export function deadlinesCell(submission: Submission): TemplateResult {
  const t = commonTexts();
  return html`${deadlineLine(t.sendDeadline, submission.deadlines.send)}${deadlineLine(t.publishDeadline, submission.deadlines.publish)}`;
}

/** The intake flags (they never stop a submission: the office judges them). */
export function flagList(flags: readonly IntakeFlagView[], label = commonTexts().flags): TemplateResult | typeof nothing {
  if (flags.length === 0) return nothing;
  return html`<div><span class="label">${label}</span><ul class="flags">${flags.map((f) => html`<li data-flag=${f.code}>${pick(f.message)}</li>`)}</ul></div>`;
}

/** The number of flags, for a list's cell. */
export function flagCount(flags: readonly IntakeFlagView[]): TemplateResult | string {
  if (flags.length === 0) return '';
  const messages = flags.map((f) => pick(f.message));
  // The title is for the mouse; screen readers get the messages themselves.
  return html`<span class="badge" title=${messages.join('\n')}><span aria-hidden="true">⚑ ${flags.length}</span><span class="visually-hidden">${commonTexts().flags}: ${messages.join('; ')}</span></span>`;
}

/** The timeline (GAZ-01): each step with its time, who and the remark. */
export function timelineTable(detail: SubmissionDetail): TemplateResult {
  const t = commonTexts();
  return html`<table>
    <caption>${t.timeline}</caption>
    <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.step}</th><th scope="col">${t.who}</th><th scope="col">${t.remark}</th></tr></thead>
    <tbody>${detail.timeline.map(
      (s) => html`<tr>
        <td>${formatTime(s.at)}</td>
        <td>${t.actions[s.action]}${s.detail?.round ? html` · ${t.round(s.detail.round)}` : nothing}${s.detail?.file ? html` · ${t.roles[s.detail.file.role]}, ${t.version(s.detail.file.version)}` : nothing}${s.detail?.register ? html` · ${t.register} ${s.detail.register}` : nothing}${s.detail?.flags?.length ? flagList(s.detail.flags) : nothing}</td>
        <td>${s.actorId}</td>
        <td>${s.remark ?? ''}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}

/** The current files of each role, with older versions noted. */
export function filesTable(detail: SubmissionDetail): TemplateResult | typeof nothing {
  if (detail.files.length === 0) return nothing;
  const t = commonTexts();
  return html`<table>
    <caption>${t.files}</caption>
    <tbody>${detail.files.map(
      (f) => html`<tr><th scope="row">${t.roles[f.role]}</th><td>${f.fileName}</td><td>${t.version(f.version)}${f.current ? html` (${t.current})` : nothing}</td><td>${fileSize(f.size)}</td><td>${formatTime(f.uploadedAt)}</td></tr>`,
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
