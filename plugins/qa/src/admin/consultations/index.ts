// Consultations on drafts: the drafting unit's page (with the comments panel) and a consulted unit's.
export { ConsultationsPage } from './consultations.js';
export { ConsultationComments } from './consultation-comments.js';
export { ConsultationRequests } from './consultation-requests.js';
