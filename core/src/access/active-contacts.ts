import { InputError, type PersonContact } from '@cong/sdk';
import type { Kysely } from 'kysely';
import type { UsersTable } from '../auth/user-store.js';

const MAX_IDS = 1000;

/**
 * Names and e-mail addresses of the active accounts among `userIds` (`coreServices.access.contacts`):
 * what a plugin needs to notify people of their work, and nothing else of the account.
 */
export async function activeContacts(db: Kysely<any>, userIds: readonly string[]): Promise<PersonContact[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  if (ids.length > MAX_IDS) throw new InputError(`At most ${MAX_IDS} people per call, not ${ids.length}`);
  const rows = await (db as Kysely<{ core_users: UsersTable }>)
    .selectFrom('core_users')
    .select(['id', 'display_name', 'email'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .where('email', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email! }));
}
