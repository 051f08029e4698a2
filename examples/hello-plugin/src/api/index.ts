// The contract other plugins may import (`@cong/example-hello/api`): events, service refs, types.
import { createServiceRef, defineEvent } from '@cong/sdk';

/** A greeting, as the API returns it. */
export interface Greeting {
  readonly id: string;
  readonly name: string;
  readonly message: string;
  readonly language: 'vi' | 'en';
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

/** Emitted after a greeting is stored. */
export const greetingCreated = defineEvent<{ readonly id: string; readonly name: string }>('hello.greeting-created', {
  schema: {
    type: 'object',
    required: ['id', 'name'],
    additionalProperties: false,
    properties: { id: { type: 'string' }, name: { type: 'string' } },
  },
});

/** What the plugin offers other plugins. */
export interface GreetingsApi {
  /** The newest greetings of a unit (null: the platform's own, on a platform without units), newest first. */
  latest(tenantId: string | null, limit: number): Promise<Greeting[]>;
}

export const greetingsApiRef = createServiceRef<GreetingsApi>({ id: 'hello.greetings' });
