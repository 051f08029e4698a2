// The syndication area's admin elements, for the sites plugin's admin bundle (src/admin/index.ts).
export { Proposals } from './proposals.js';
export { SyndicationQueue } from './syndication-queue.js';
export { Broadcasts } from './broadcasts.js';
