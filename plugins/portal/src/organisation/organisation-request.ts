import { InputError, NotFoundError, type RouteRequest } from '@cong/sdk';

/** Who may change a unit's organisation chart, leaders, contacts and work schedule. */
export const ORGANISATION_WRITE = 'portal.organisation.write';

/** The organisation belongs to a unit: a call that names none finds nothing. */
export function unitOf(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its organisation');
  return req.tenantId;
}

/** A reorder names each of the unit's rows once: an unknown id (or another unit's) is refused by position. */
export function checkReorder(ids: readonly string[], known: ReadonlySet<string>): void {
  const errors = ids.flatMap((id, i) => (known.has(id) ? [] : [{ in: 'body' as const, pointer: `/ids/${i}`, message: 'no such item in this unit', keyword: 'exists' }]));
  if (errors.length > 0) throw new InputError(`body ${errors[0]!.pointer} ${errors[0]!.message}`, { errors });
}
