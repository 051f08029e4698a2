// The issuing unit's pages: its submissions (list, draft form, status) and its gazette contact.
export { SubmissionsPage } from './submissions-page.js';
export { ContactPage } from './contact-page.js';
