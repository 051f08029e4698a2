import { NotFoundError, type RouteRequest } from '@cong/sdk';

/** Who acts: a person through a route, or the platform (`system`) following an event. */
export interface Actor {
  readonly id: string;
  readonly request?: RouteRequest;
}

/** The system actor: steps the platform takes after a source article left the site. */
export const SYSTEM: Actor = { id: 'system' };

export function actorOf(req: RouteRequest): Actor {
  return { id: req.principal!.id, request: req };
}

/** Proposals and broadcasts belong to units: a call that names none finds nothing. */
export function callingUnit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant)');
  return req.tenantId;
}
