// The submissions area's admin elements, for the portal's admin bundle (src/admin/index.ts).
export { SubmissionList } from './submission-list.js';
export { Inbox } from './inbox.js';
export { InformationRequests } from './information-requests.js';
