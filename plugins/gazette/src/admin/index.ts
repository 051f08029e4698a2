// The gazette plugin's admin bundle: the elements its manifest (`cong.admin.nav`) names.
//
// The issuer's pages (issuer/) and the gazette office's (office/: intake, comparison, deadlines, the
// issues with their publication, corrections, the annual report). They share shared/ (the page base,
// the submission views, the file upload and download, the messages).
export * from './issuer/index.js';
export * from './office/index.js';
export { GazetteFileUpload } from './shared/file-upload.js';
