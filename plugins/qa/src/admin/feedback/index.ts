// Feedback on regulations (the receiving unit's page) and ideas for the province (the province's page).
export { FeedbackPage } from './feedback-page.js';
export { IdeasPage } from './ideas-page.js';
