import { defineSchema, type JobDefinition } from '@cong/sdk';
import type { CoreApiDeps } from './core-api-deps.js';

/**
 * The admin shell's page that sets a password from a mailed link, for resets and invitations alike:
 * `/admin/core/reset?token=<token>` (the shell's reset page reads `token` from the query). The token
 * is single-use and short-lived; the core's request log records routes, not URLs, and helmet's
 * `Referrer-Policy: no-referrer` keeps it out of Referer headers. A reverse proxy's access log does
 * see it: a fragment (`#token=`) would not reach servers at all, should that ever matter more.
 */
export function resetPageUrl(publicUrl: string, token: string): string {
  const url = new URL('/admin/core/reset', publicUrl);
  url.searchParams.set('token', token);
  return url.toString();
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
