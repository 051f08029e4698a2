// @cong/sdk/admin: what a plugin's admin (browser) code imports. No Node APIs here.
export { createApiClient } from './api-client.js';
export type { ApiClient, ApiClientOptions, ApiCallOptions } from './api-client.js';
export { ApiError } from './api-error.js';
export type { ApiFieldError } from './api-error.js';
export { ADMIN_ZONES } from './zones.js';
export type { AdminZone } from './zones.js';
export type { AdminNavItem, AdminSlot } from '../plugin/plugin-manifest.js';
export { CongElement } from './cong-element.js';
export { AdminPage, adminPageStyles } from './admin-page.js';
export { downloadFile, dispositionFileName, uploadFile } from './file-transfer.js';
export type { DownloadOptions, UploadOptions } from './file-transfer.js';
export type { AdminContributionProps, AdminTenant, AdminUser } from './contribution.js';
export { localized, adminLanguage } from './localized.js';
export type { AdminLanguage } from './localized.js';
export { showToast, TOAST_EVENT } from './toast.js';
export type { ToastDetail, ToastOptions, ToastVariant } from './toast.js';
export { congTokens, CONG_TOKENS } from './design-tokens.js';
export type { CongToken } from './design-tokens.js';
