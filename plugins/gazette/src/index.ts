import { definePlugin } from '@cong/sdk';

/**
 * The provincial official gazette (Công báo, GAZ-01…GAZ-33): intake and registration of documents sent
 * for publication, comparison of the signed original with the electronic copy, deadlines from rule
 * packs, issue composition, signed PDF issues, corrections, the public gazette site and its API.
 */
export default definePlugin({
  register() {},
});
