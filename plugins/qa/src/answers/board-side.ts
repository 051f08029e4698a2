import { NotFoundError, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Side } from '../questions/question.repository.js';
import { UnitTree } from '../questions/unit-tree.js';

/** The board's side of a request, as the questions' queue has it: the request's unit must be a province (a root). */
export async function boardSideOf(ctx: PluginContext, req: RouteRequest): Promise<Side & { kind: 'board' }> {
  const unit = req.tenantId === undefined ? undefined : await new UnitTree(ctx).get(req.tenantId);
  if (!unit || unit.parentId !== null) throw new NotFoundError('Publication is kept by the province’s editorial board');
  return { kind: 'board', provinceId: unit.id };
}
