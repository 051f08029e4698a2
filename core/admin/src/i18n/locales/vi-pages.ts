import type { TemplateLike } from '@lit/localize';

/**
 * Vietnamese templates of the core's management pages (modules, users, units, audit, settings) and
 * their components, by `msg` id. Merged with the shell's in `vi.ts`; the messages test checks both.
 */
export const viPages: Readonly<Record<string, TemplateLike>> = {};
