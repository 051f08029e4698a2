import { randomBytes } from 'node:crypto';
import { coreServices, type PluginContext } from '@cong/sdk';
import type { Kysely } from 'kysely';
import type { QaDatabase } from '../questions/qa-database.js';
import { QuestionRepository } from '../questions/question.repository.js';

const keys = new WeakMap<PluginContext, Map<string, Promise<string>>>();

/**
 * The key that signs a public form's fill-time tokens (`signFormToken`), one per form (`name`: the
 * question, comment, dialogue and feedback forms each have their own), made on first use in
 * `qa_secrets` and kept in memory per plugin context. A failed read is retried by the next request.
 */
export function formKey(ctx: PluginContext, name: string): Promise<string> {
  let forContext = keys.get(ctx);
  if (!forContext) keys.set(ctx, (forContext = new Map()));
  let key = forContext.get(name);
  if (!key) {
    const repo = new QuestionRepository(ctx.get(coreServices.database).kysely<QaDatabase>() as Kysely<QaDatabase>);
    key = repo.secret(name, () => randomBytes(32).toString('base64url'));
    key.catch(() => forContext.delete(name));
    forContext.set(name, key);
  }
  return key;
}
