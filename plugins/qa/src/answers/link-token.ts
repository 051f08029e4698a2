import { createHmac } from 'node:crypto';
import { sameSecret } from '../questions/question-tokens.js';

/** What a link mailed to the asker opens: the rating form, or the answer's attachments. */
export type LinkPurpose = 'rate' | 'files';

/**
 * The token of a link mailed to the asker: `<questionId>.<HMAC-SHA256(key, purpose + "|" + questionId)>`.
 * Nothing is stored: the signature proves the link was mailed (or shown on the status page after the
 * code and e-mail matched); one purpose's token does not open the other. The rating table's primary
 * key makes a rating link usable once.
 */
export function signLinkToken(key: string, purpose: LinkPurpose, questionId: string): string {
  return `${questionId}.${createHmac('sha256', key).update(`${purpose}|${questionId}`).digest('base64url')}`;
}

export const LINK_TOKEN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/;

/** The question id of a genuine token for `purpose`, else undefined. */
export function readLinkToken(key: string, purpose: LinkPurpose, token: string): string | undefined {
  if (!LINK_TOKEN.test(token)) return undefined;
  const questionId = token.slice(0, 36);
  return sameSecret(signLinkToken(key, purpose, questionId), token) ? questionId : undefined;
}
