import { NotAllowedError, NotFoundError, type RouteRequest } from '@cong/sdk';

/** Writes of the area: sections' settings, re-seeding, deadline items. */
export const MANAGE = 'portal.compliance.manage';
const READERS = [MANAGE, 'portal.content.write', 'portal.content.approve'] as const;

/** The unit the call names; a call that names none finds nothing. */
export function unit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its mandated information');
  return req.tenantId;
}

/** Editors see where their unit stands and which deadlines run; changing the settings takes {@link MANAGE}. */
export function mayRead(req: RouteRequest): string {
  const tenantId = unit(req);
  if (!READERS.some((p) => req.can(p))) throw new NotAllowedError(MANAGE);
  return tenantId;
}
