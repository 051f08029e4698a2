import { AdminPage, adminPageStyles } from '@cong/sdk/admin';
import { gazetteStyles } from './gazette.styles.js';

/**
 * What every gazette page shares: the SDK's admin page (shell props, error line, busy state, live
 * region, actions, deep links by `route`) in the gazette's look.
 */
export abstract class GazettePage extends AdminPage {
  static override styles = [adminPageStyles, gazetteStyles];
}
