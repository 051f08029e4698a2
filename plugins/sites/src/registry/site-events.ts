import { defineEvent } from '@cong/sdk';
import { SITE_STATUSES, type SiteStatus } from './site-status.js';

/**
 * A site was created or its status changed. Emitted after the commit; every process drops the unit's
 * gate verdict and cached pages when it hears it (across processes with Redis).
 */
export const siteStatusChanged = defineEvent<{ readonly tenantId: string; readonly siteId: string; readonly status: SiteStatus }>('sites.site-status-changed', {
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['tenantId', 'siteId', 'status'],
    properties: { tenantId: { type: 'string' }, siteId: { type: 'string' }, status: { enum: [...SITE_STATUSES] } },
  },
});
