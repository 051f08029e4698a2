import { defineEvent } from '@cong/sdk';

/**
 * A unit's published appearance (theme, branding, home layout) changed. Emitted after the commit;
 * every process drops the unit's cached appearance and pages when it hears it (across processes with Redis).
 */
export const appearanceChanged = defineEvent<{ readonly tenantId: string }>('sites.appearance-changed', {
  schema: { type: 'object', additionalProperties: false, required: ['tenantId'], properties: { tenantId: { type: 'string' } } },
});

/** The province changed the parts it locks for every site (header line, footer note): every unit's pages are dropped. */
export const networkAppearanceChanged = defineEvent<{ readonly tenantId: string }>('sites.network-appearance-changed', {
  schema: { type: 'object', additionalProperties: false, required: ['tenantId'], properties: { tenantId: { type: 'string' } } },
});
