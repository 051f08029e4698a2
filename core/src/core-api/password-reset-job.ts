import { defineSchema, type JobDefinition } from '@cong/sdk';
import type { CoreApiDeps } from './core-api-deps.js';

/**
 * The admin shell's page that sets a password from a mailed link, for resets and invitations alike:
 * `/admin/core/reset#token=<token>`. The token travels in the fragment, which browsers never send:
 * it stays out of the server's and any proxy's access logs and out of Referer headers (ASVS 8.3.1).
 */
export function resetPageUrl(publicUrl: string, token: string): string {
  return new URL(`/admin/core/reset#token=${token}`, publicUrl).toString();
}

/** The core job's name (`core.password-reset-request` in the queue). */
export const PASSWORD_RESET_JOB = 'password-reset-request';

export interface PasswordResetJobPayload {
  /** The e-mail address or username as the form sent it. */
  readonly login: string;
}

const payloadSchema = defineSchema<PasswordResetJobPayload>({
  type: 'object',
  additionalProperties: false,
  required: ['login'],
  properties: { login: { type: 'string', minLength: 1, maxLength: 254 } },
});

/**
 * Looks the login up and, for an active account with an address, stores the link and queues its
 * mail. It runs as a job rather than in the request so that the "forgot password" answer takes the
 * same time whether or not the account exists: the request only counts and enqueues.
 */
export function passwordResetJob(deps: Pick<CoreApiDeps, 'auth' | 'mail' | 'publicUrl'>): JobDefinition<PasswordResetJobPayload> {
  return {
    schema: payloadSchema,
    maxAttempts: 3,
    handler: (payload) =>
      deps.auth.passwordReset.request(payload.login, {
        mail: deps.mail.forPlugin('core'),
        resetUrl: (token) => resetPageUrl(deps.publicUrl, token),
      }),
  };
}
