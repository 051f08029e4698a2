import { defineEvent } from './define-event.js';

/**
 * Events the core emits about tenants (organisational units). Every plugin may listen to them
 * (`reg.on(coreEvents.tenantMerged, …)`) to reassign or link its content; only the core emits them.
 */
export const coreEvents = Object.freeze({
  tenantCreated: defineEvent<{ readonly tenantId: string; readonly slug: string; readonly kind: string; readonly parentId: string | null }>(
    'core.tenant-created',
  ),
  tenantRenamed: defineEvent<{ readonly tenantId: string; readonly oldSlug: string; readonly newSlug: string; readonly nameVi: string }>(
    'core.tenant-renamed',
  ),
  tenantMoved: defineEvent<{ readonly tenantId: string; readonly fromParentId: string | null; readonly toParentId: string | null }>('core.tenant-moved'),
  /** Several units became one: content of `sourceIds` now belongs with `successorId`; their hosts redirect there. */
  tenantMerged: defineEvent<{ readonly sourceIds: readonly string[]; readonly successorId: string; readonly effectiveDate: string }>(
    'core.tenant-merged',
  ),
  /** One unit became several; `successorIds[0]` takes over its hosts. */
  tenantSplit: defineEvent<{ readonly sourceId: string; readonly successorIds: readonly string[]; readonly effectiveDate: string }>(
    'core.tenant-split',
  ),
  tenantArchived: defineEvent<{ readonly tenantId: string; readonly successorId: string | null; readonly effectiveDate: string }>(
    'core.tenant-archived',
  ),
});
