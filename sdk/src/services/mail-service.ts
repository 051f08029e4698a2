import type { Transaction } from 'kysely';

/** An outbound message. Addresses are checked; CR and LF are refused in every header. */
export interface MailMessage {
  readonly to: string | readonly string[];
  readonly cc?: string | readonly string[];
  readonly bcc?: string | readonly string[];
  readonly replyTo?: string;
  /** Default is the platform's configured sender. */
  readonly from?: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Tenant on whose behalf the message goes out, for the outbox and audit. */
  readonly tenantId?: string;
}

/**
 * Sends e-mail through the job queue: `send` stores the message and a delivery job (inside `trx` when
 * given), and the job delivers it over SMTP with retries. Without SMTP configuration, messages stay in
 * the outbox for admins to read.
 */
export interface MailService {
  /** Returns the outbox id of the message. */
  send(message: MailMessage, options?: { readonly trx?: Transaction<any> }): Promise<string>;
}
