// The portal's public widgets bundle (served at /widgets/portal.js). No admin shell, no @cong/sdk:
// only Lit (shared, from /widgets/_lit/) and fetch.
export { PortalLatest } from './portal-latest/portal-latest.js';
export { PortalAlert } from './portal-alert/portal-alert.js';
