import { createHmac } from 'node:crypto';
import { sameSecret } from './question-tokens.js';

/**
 * The token that lets the sender of a question attach files to it before confirming it:
 * `<questionId>.<HMAC-SHA256(key, "attach|" + questionId)>`. It is answered only to the request that
 * submitted the question (the JSON answer, or the page shown after the form), nothing is stored, and it
 * works only while the question is unverified (src/questions/question-attachment.service.ts).
 */
export function signAttachToken(key: string, questionId: string): string {
  return `${questionId}.${createHmac('sha256', key).update(`attach|${questionId}`).digest('base64url')}`;
}

export const ATTACH_TOKEN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/;

/** The question id of a genuine token, else undefined. */
export function readAttachToken(key: string, token: string): string | undefined {
  if (!ATTACH_TOKEN.test(token)) return undefined;
  const questionId = token.slice(0, 36);
  return sameSecret(signAttachToken(key, questionId), token) ? questionId : undefined;
}
