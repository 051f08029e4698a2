import { NotFoundError, type RouteRequest } from '@cong/sdk';

/** Who acts: a person through a route. */
export interface Actor {
  readonly id: string;
  readonly request?: RouteRequest;
}

export function actorOf(req: RouteRequest): Actor {
  return { id: req.principal!.id, request: req };
}

/** Submissions belong to units: a call that names none finds nothing. */
export function callingUnit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant)');
  return req.tenantId;
}

/** The permissions of the intake and review areas. */
export const SUBMIT = 'gazette.submit';
export const RECEIVE = 'gazette.receive';
export const COMPARE = 'gazette.compare';
