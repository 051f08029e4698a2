import { defineEvent } from '@cong/sdk';

/**
 * Something a unit's public pages show changed (a page, a menu, a banner, a leader, a contact, an
 * alert…). Emit it after the transaction commits; the page cache drops the unit's pages in this
 * process at once and in the others within a second. Article events invalidate on their own.
 */
export const siteChanged = defineEvent<{ readonly tenantId: string; readonly area: string }>('portal.site-changed', {
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['tenantId', 'area'],
    properties: { tenantId: { type: 'string' }, area: { type: 'string', maxLength: 40 } },
  },
});
