import type { PropertyDeclarations } from 'lit';
import { ApiError, CongElement, showToast, type AdminContributionProps, type AdminTenant, type AdminUser, type ApiClient } from '@cong/sdk/admin';
import { syndicationTexts } from './syndication-messages.js';
import { syndicationStyles } from './syndication.styles.js';

/**
 * What the three syndication pages share: the shell's props, the error line and the busy state, and
 * how an action runs (busy while it runs, a toast and a reload after, the server's message on failure).
 * Subclasses add their own reactive properties; Lit merges them with these.
 */
export abstract class SyndicationPage extends CongElement implements Partial<AdminContributionProps> {
  static override styles = syndicationStyles;

  static override properties: PropertyDeclarations = {
    tenant: { attribute: false },
    user: { attribute: false },
    api: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  declare tenant: AdminTenant | undefined;
  declare user: AdminUser | undefined;
  declare api: ApiClient | undefined;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  abstract load(): Promise<void>;

  /** The message to show for a failed call: the server's problem detail, else a generic one. */
  protected failure(error: unknown): string {
    return error instanceof ApiError ? error.message : syndicationTexts().failed;
  }

  /** Runs an action; `onError` may take a field error for itself (return true) before the page shows it. */
  protected async act(work: () => Promise<void>, onError?: (error: unknown) => boolean): Promise<void> {
    this.busy = true;
    try {
      await work();
      this.error = undefined;
      showToast(syndicationTexts().done, { variant: 'success' }, this);
      void this.load();
    } catch (error) {
      if (!onError?.(error)) this.error = this.failure(error);
    } finally {
      this.busy = false;
    }
  }
}
