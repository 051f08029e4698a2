import { coreServices, type PersonContact, type PluginContext, type RoleInfo } from '@cong/sdk';
import { ANSWER, TRIAGE } from '../questions/queue.routes.js';
import type { HopKind, NoticeKind } from './deadline-database.js';

/** The leaders who sign answers (ký duyệt): a unit's head, for escalations. */
export const APPROVE = 'qa.answers.approve';

/**
 * Who is told about a hop's deadline. People are found by the permissions their roles give in a unit
 * (`coreServices.access`: roles → grants made in that unit → active accounts with an e-mail address):
 *
 * - a reminder of an agency's turn: who holds `qa.questions.answer` in the agency;
 * - an escalation of an agency's turn: the agency's head, who holds `qa.answers.approve` there, and
 *   the provincial board, who holds `qa.questions.triage` in the province;
 * - an escalation of the board's turn: the board's head, `qa.answers.approve` in the province.
 *
 * A role counts when it names the permission or `qa.*`; the platform-wide `*` of super-admins does
 * not, so administrators are not mailed about every question.
 */
export class DeadlineRecipients {
  #roles: Promise<readonly RoleInfo[]> | undefined;

  constructor(private readonly ctx: PluginContext) {}

  async of(notice: NoticeKind, kind: HopKind, unitId: string, provinceId: string): Promise<readonly PersonContact[]> {
    if (notice === 'reminder') return this.holders(kind === 'agency' ? ANSWER : TRIAGE, [unitId]);
    if (kind === 'board') return this.holders(APPROVE, [provinceId]);
    const [head, board] = await Promise.all([this.holders(APPROVE, [unitId]), this.holders(TRIAGE, [provinceId])]);
    const seen = new Set<string>();
    return [...head, ...board].filter((p) => !seen.has(p.email) && seen.add(p.email));
  }

  async holders(permission: string, unitIds: readonly string[]): Promise<readonly PersonContact[]> {
    const access = this.ctx.get(coreServices.access);
    this.#roles ??= access.roles();
    const roleIds = (await this.#roles).filter((r) => r.permissions.includes(permission) || r.permissions.includes('qa.*')).map((r) => r.id);
    if (roleIds.length === 0) return [];
    const grants = await access.holders({ tenantIds: unitIds, roleIds });
    const people = await access.contacts([...new Set(grants.map((g) => g.userId))]);
    return [...people].sort((a, b) => a.email.localeCompare(b.email));
  }
}
