// The gazette's public widgets bundle (served at /widgets/gazette.js). No admin shell, no @cong/sdk:
// only Lit (shared, from /widgets/_lit/) and fetch against the public API v1.
export { GazetteLatest } from './gazette-latest/gazette-latest.js';
export { GazetteSearch } from './gazette-search/gazette-search.js';
