import { coreServices, type PersonContact, type PluginContext } from '@cong/sdk';
import type { Transaction } from 'kysely';

/** Who hears that a notice arrived on a site: the people who run it. */
const SITE_MANAGER_ROLES = ['site-admin', 'site-editor'];

/** A message to send in the step's transaction: it goes out only if the step commits. */
export interface PendingMail {
  readonly to: readonly PersonContact[];
  readonly subject: string;
  readonly text: string;
  readonly tenantId: string;
}

/**
 * E-mail about syndication, Vietnamese first then English. Addresses are read before the step's
 * transaction (on SQLite a read on another connection inside it would wait for it); the messages are
 * queued inside it, with the core's mail outbox.
 */
export class SyndicationMail {
  constructor(private readonly ctx: PluginContext) {}

  /** The proposer's address (none for an account without e-mail): read before the step's transaction. */
  proposer(proposerId: string): Promise<readonly PersonContact[]> {
    return this.ctx.get(coreServices.access).contacts([proposerId]);
  }

  /** The proposer told how the province decided, with where the accepted article now is. */
  proposalDecided(input: {
    readonly to: readonly PersonContact[];
    readonly unitId: string;
    readonly decision: 'accept' | 'reject' | 'revoke';
    readonly articleTitle: string;
    readonly province: string;
    readonly remark: string | null;
    readonly link: string | null;
  }): PendingMail | null {
    if (input.to.length === 0) return null;
    const vi = { accept: 'đã được chấp nhận', reject: 'không được chấp nhận', revoke: 'đã bị gỡ khỏi trang' }[input.decision];
    const en = { accept: 'was accepted', reject: 'was not accepted', revoke: 'was taken off the site' }[input.decision];
    const lines = [
      `Tin bài "${input.articleTitle}" đề xuất lên ${input.province} ${vi}.`,
      ...(input.remark ? [`Ý kiến: ${input.remark}`] : []),
      ...(input.link ? [`Xem trên trang: ${input.link}`] : []),
      '',
      `The article "${input.articleTitle}" proposed to ${input.province} ${en}.`,
      ...(input.remark ? [`Remark: ${input.remark}`] : []),
    ];
    return { to: input.to, subject: `[Cổng] Tin đề xuất ${vi} — proposal ${en}`, text: lines.join('\n'), tenantId: input.unitId };
  }

  /** The managers of each receiving site, told that a notice from above is now on it. */
  async broadcastArrived(input: { readonly unitIds: readonly string[]; readonly articleTitle: string; readonly sender: string; readonly note: string | null }): Promise<PendingMail[]> {
    const access = this.ctx.get(coreServices.access);
    const holders = await access.holders({ tenantIds: input.unitIds, roleIds: SITE_MANAGER_ROLES });
    const people = new Map((await access.contacts([...new Set(holders.map((h) => h.userId))])).map((p) => [p.userId, p]));
    const byUnit = new Map<string, PersonContact[]>();
    for (const h of holders) {
      const person = people.get(h.userId);
      if (person && !byUnit.get(h.tenantId)?.includes(person)) byUnit.set(h.tenantId, [...(byUnit.get(h.tenantId) ?? []), person]);
    }
    const text = [
      `${input.sender} đã gửi tin "${input.articleTitle}" xuống trang của đơn vị. Tin hiển thị là tin của cấp trên; trang không sửa hoặc gỡ được tin này.`,
      ...(input.note ? [`Ghi chú: ${input.note}`] : []),
      '',
      `${input.sender} sent "${input.articleTitle}" down to your unit's site, shown as provincial content that the site cannot edit or remove.`,
    ].join('\n');
    return [...byUnit].map(([tenantId, to]) => ({ to, subject: `[Cổng] Tin từ ${input.sender} — notice from ${input.sender}`, text, tenantId }));
  }

  /** Queues the messages in `trx`, one per recipient (people of different units do not see each other). */
  async send(mails: readonly (PendingMail | null)[], trx: Transaction<any>): Promise<void> {
    const mail = this.ctx.get(coreServices.mail);
    for (const m of mails) {
      if (!m) continue;
      for (const person of m.to) await mail.send({ to: person.email, subject: m.subject, text: m.text, tenantId: m.tenantId }, { trx });
    }
  }
}
