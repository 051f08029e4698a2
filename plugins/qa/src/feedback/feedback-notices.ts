/**
 * The messages to a sender who gave an e-mail (issue 8): the tracking code when the item is received
 * (after the e-mail verification of the form, or when staff enter a letter, a call, a questionnaire or
 * a visit) and the outcome when it is concluded. Built from the province's editable templates
 * `feedback-tracking` and `feedback-result` (logic-less `{{key}}`, src/templates); anything that
 * depends on the outcome is worded here and handed over as one value. Built before the transaction
 * (SQLite has one connection), sent inside it through the core mail service, so a step that fails
 * sends nothing and a step that commits sends exactly one message.
 */
import { coreServices, type PluginContext } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { vietnamDate } from '../deadlines/vietnam-date.js';
import { UnitTree } from '../questions/unit-tree.js';
import { renderQaMail } from '../templates/mail-template.service.js';
import { CLASSIFICATIONS, type FeedbackRow } from './feedback-database.js';
import { AREAS, vnDate } from './feedback-pages.js';

/** A message ready to hand to the mail service. */
export interface SenderMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly tenantId: string;
}

/** What a concluded item tells its sender, in both languages. */
export interface Outcome {
  readonly vi: string;
  readonly en: string;
}

const KIND_NAMES = {
  regulation: { vi: 'phản ánh, kiến nghị về quy định hành chính', en: 'feedback on a regulation' },
  idea: { vi: 'góp ý, hiến kế xây dựng quê hương', en: 'idea for the province' },
} as const;

const statusLink = (linkBase: string) => `${linkBase}/${AREAS.regulation.path}/tra-cuu`;

async function unitName(ctx: PluginContext, row: FeedbackRow): Promise<string> {
  return (await new UnitTree(ctx).refOrNull(row.receiving_unit_id))?.name ?? '';
}

/** The tracking-code message of a received item; none when the sender gave no e-mail (a letter may have none). */
export async function trackingNotice(ctx: PluginContext, row: FeedbackRow, linkBase: string, tenantId: string): Promise<SenderMail | undefined> {
  if (row.sender_email === '' || row.tracking_code === null) return undefined;
  const kind = KIND_NAMES[row.kind];
  const mail = await renderQaMail(ctx, row.province_id, 'feedback-tracking', {
    code: row.tracking_code,
    title: row.title,
    kind: kind.vi,
    kindEn: kind.en,
    unit: await unitName(ctx, row),
    receivedOn: vnDate(vietnamDate(row.received_at ?? row.created_at)),
    statusLink: statusLink(linkBase),
  });
  return { to: row.sender_email, ...mail, tenantId };
}

/** The outcome message of a concluded item; none without an e-mail or a tracking code. */
export async function resultNotice(ctx: PluginContext, row: FeedbackRow, outcome: Outcome, linkBase: string, tenantId: string): Promise<SenderMail | undefined> {
  if (row.sender_email === '' || row.tracking_code === null) return undefined;
  const mail = await renderQaMail(ctx, row.province_id, 'feedback-result', {
    code: row.tracking_code,
    title: row.title,
    unit: await unitName(ctx, row),
    outcome: outcome.vi,
    outcomeEn: outcome.en,
    statusLink: statusLink(linkBase),
  });
  return { to: row.sender_email, ...mail, tenantId };
}

/** The outcomes that conclude an item, worded for its sender (the same facts the status page shows). */
export const outcomes = {
  notAccepted: (reason: string): Outcome => ({ vi: `${CLASSIFICATIONS['not-accepted'].vi}. Lý do: ${reason}`, en: `not accepted (reason above).` }),
  forwarded: (to: string): Outcome => ({
    vi: `Nội dung đã được chuyển đến ${to}, cơ quan có thẩm quyền, để xem xét, xử lý theo quy định.`,
    en: `forwarded to the competent body, ${to}.`,
  }),
  published: (result: string, link: string): Outcome => ({ vi: `Kết quả xử lý đã được công khai:\n${result}\n\nXem tại: ${link}`, en: `the result is published: ${link}` }),
  accepted: (link: string): Outcome => ({ vi: `Góp ý, hiến kế của bạn đã được tiếp nhận và công khai tại: ${link}`, en: `your idea is accepted and published: ${link}` }),
  rejected: (reason: string): Outcome => ({ vi: `Góp ý, hiến kế không được tiếp nhận. Lý do: ${reason}`, en: 'your idea was not accepted (reason above).' }),
};

/** Hands a message to the core mail service inside the step's transaction. */
export async function sendInTransaction(ctx: PluginContext, mail: SenderMail | undefined, trx: Transaction<any>): Promise<void> {
  if (mail) await ctx.get(coreServices.mail).send(mail, { trx });
}
