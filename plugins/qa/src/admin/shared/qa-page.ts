import { AdminPage, adminPageStyles } from '@cong/sdk/admin';
import { qaStyles } from './qa.styles.js';

/**
 * What every Q&A page shares: the SDK's admin page (shell props, error line, busy state, live region,
 * actions, deep links by `route`) in the Q&A pages' look.
 */
export abstract class QaPage extends AdminPage {
  static override styles = [adminPageStyles, qaStyles];
}
