// The Q&A plugin's public widgets bundle (served at /widgets/qa.js). No admin shell, no @cong/sdk:
// only Lit (shared, from /widgets/_lit/) and fetch against the public JSON API (`/api/qa/public/…`).
export { QaAsk } from './qa-ask/qa-ask.js';
export { QaLatest } from './qa-latest/qa-latest.js';
