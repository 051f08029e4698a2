import { defineSchema, type JobDefinition } from '@cong/sdk';
import type { CoreApiDeps } from './core-api-deps.js';

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
        resetUrl: (token) => new URL(`/admin/dat-lai-mat-khau#${token}`, deps.publicUrl).toString(),
      }),
  };
}
