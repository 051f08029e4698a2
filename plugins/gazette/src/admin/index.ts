// The gazette plugin's admin bundle: the elements its manifest (`cong.admin.nav`) names.
//
// Intake, comparison and deadlines are here. Still to come, each in a folder of its own beside these,
// exported from here and given a nav entry in package.json:
//   compose/      the issue composer (`gazette.compose`): passed documents into a numbered issue
//   publication/  signing and publishing issues (`gazette.publish`)
//   corrections/  corrections (đính chính) of published documents
// They reuse shared/ (the page base, the submission views, the file upload, the messages).
export * from './issuer/index.js';
export * from './office/index.js';
export { GazetteFileUpload } from './shared/file-upload.js';
