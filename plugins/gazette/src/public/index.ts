export { registerPublicSite } from './register-public-site.js';
export { publicValidityOf, VALIDITY_LABELS } from './validity.js';
