import { NotFoundError, type RouteRequest } from '@cong/sdk';

/** Submissions belong to units: a call that names none (and has none by default) finds nothing. */
export function callingUnit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its submissions');
  return req.tenantId;
}
