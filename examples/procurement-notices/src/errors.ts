import { createErrorCode } from '@cong/sdk';

// The plugin's error codes: one registry, prefixed with the plugin id, documented in its README.
export const PROCUREMENT_ERR_SLUG_TAKEN = createErrorCode('PROCUREMENT_ERR_SLUG_TAKEN', 'Another notice of this unit already uses the address {slug}', 409);
export const PROCUREMENT_ERR_DATES = createErrorCode('PROCUREMENT_ERR_DATES', 'The end date {endOn} is before the start date {startOn}', 400);
export const PROCUREMENT_ERR_TENDER_CLOSE = createErrorCode('PROCUREMENT_ERR_TENDER_CLOSE', 'An invitation to bid that is open needs closesAt (when bids close)', 400);
export const PROCUREMENT_ERR_PUBLISHED = createErrorCode('PROCUREMENT_ERR_PUBLISHED', 'The notice is public: unpublish it before deleting it', 409);
