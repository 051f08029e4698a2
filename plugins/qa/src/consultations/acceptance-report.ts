import { coreServices, type PluginContext } from '@cong/sdk';
import { UnitTree } from '../questions/unit-tree.js';
import type { ConsultationDatabase, ConsultationRow, ReplyDecision } from './consultation-database.js';
import { phaseOf } from './consultation-phase.js';
import { ConsultationRepository } from './consultation.repository.js';

/** One comment in the report: who (anonymised), what, and the drafting unit's answer. */
export interface ReportComment {
  readonly commenter: string;
  readonly comment: string;
  readonly decision: ReplyDecision | null;
  readonly decisionLabel: string;
  readonly explanation: string;
}

/** The report on acceptance and explanation of comments (báo cáo tiếp thu, giải trình; QA-23). */
export interface AcceptanceReport {
  readonly consultationId: string;
  readonly title: string;
  readonly unit: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly phase: string;
  readonly outcome: string | null;
  readonly totals: { readonly comments: number; readonly accepted: number; readonly partly: number; readonly notAccepted: number; readonly unanswered: number };
  /** Per article, in the draft's order; `Ý kiến chung` (the draft as a whole) first. Articles without comments are left out. */
  readonly sections: readonly { readonly heading: string; readonly comments: readonly ReportComment[] }[];
  readonly agencies: readonly { readonly unit: string; readonly deadlineOn: string; readonly repliedOn: string | null; readonly late: boolean; readonly reply: string; readonly file: string | null }[];
}

export const DECISION_LABELS: Readonly<Record<ReplyDecision, string>> = {
  accepted: 'Tiếp thu',
  partly: 'Tiếp thu một phần',
  'not-accepted': 'Không tiếp thu (giải trình)',
};

/**
 * How a commenter appears in a published report: the organisation as they gave it, else the initials
 * of their name ("Nguyễn Thị Lan" → "N.T.L."). Their e-mail never appears.
 */
export function anonymise(name: string, organisation: string | null): string {
  if (organisation) return organisation;
  const initials = name
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map((w) => `${[...w][0]!.toLocaleUpperCase('vi')}.`)
    .join('');
  return initials || 'Ẩn danh';
}

const vnDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

/** Builds the report from the consultation's shown comments, their answers and the consulted agencies' replies. */
export async function buildAcceptanceReport(ctx: PluginContext, row: ConsultationRow): Promise<AcceptanceReport> {
  const repo = new ConsultationRepository(ctx.get(coreServices.database).kysely<ConsultationDatabase>());
  const [articles, comments, consultees] = await Promise.all([repo.articles(row.id), repo.comments(row.id, ['approved']), repo.consultees(row.id)]);
  const shown = comments.filter((c) => c.hidden_at === null);
  const units = new UnitTree(ctx);
  const item = (c: (typeof shown)[number]): ReportComment => ({
    commenter: anonymise(c.author_name, c.author_org),
    comment: c.body,
    decision: c.reply_decision,
    decisionLabel: c.reply_decision === null ? 'Chưa trả lời' : DECISION_LABELS[c.reply_decision],
    explanation: c.reply_text ?? '',
  });
  const sections: { heading: string; comments: ReportComment[] }[] = [];
  const general = shown.filter((c) => c.article_id === null || !articles.some((a) => a.id === c.article_id));
  if (general.length > 0) sections.push({ heading: 'Ý kiến chung về dự thảo', comments: general.map(item) });
  for (const article of articles) {
    const on = shown.filter((c) => c.article_id === article.id);
    if (on.length > 0) sections.push({ heading: article.heading, comments: on.map(item) });
  }
  const count = (d: ReplyDecision) => shown.filter((c) => c.reply_decision === d).length;
  return {
    consultationId: row.id,
    title: row.title,
    unit: (await units.refOrNull(row.unit_id))?.name ?? '',
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    phase: phaseOf(row),
    outcome: row.outcome_summary,
    totals: { comments: shown.length, accepted: count('accepted'), partly: count('partly'), notAccepted: count('not-accepted'), unanswered: shown.filter((c) => c.reply_decision === null).length },
    sections,
    agencies: await Promise.all(
      consultees.map(async (c) => ({
        unit: (await units.refOrNull(c.unit_id))?.name ?? c.unit_id,
        deadlineOn: c.deadline_on,
        repliedOn: c.replied_at === null ? null : vnDay(c.replied_at),
        late: c.late === 1,
        reply: c.replied_at === null ? 'Chưa có ý kiến' : (c.reply_text ?? ''),
        file: c.reply_file_name,
      })),
    ),
  };
}

/** `2026-12-10` → `10/12/2026`. */
export const vnDate = (day: string) => day.split('-').reverse().join('/');
