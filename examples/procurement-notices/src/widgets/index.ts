// The public widgets bundle (served at /widgets/procurement.js). No admin shell, no @cong/sdk: only Lit
// (shared, from /widgets/_lit/) and fetch.
export { ProcurementNotices } from './procurement-notices/procurement-notices.js';
