// tsyringe needs the Reflect metadata polyfill before it loads; this is the sdk's single import of it.
import 'reflect-metadata';
import { inject as tsyringeInject, injectable } from 'tsyringe';
import type { ServiceRef } from '../services/service-ref.js';

/**
 * Marks a constructor parameter for injection by service ref. esbuild-based tools (tsup, vitest, tsx)
 * emit no decorator metadata, so every parameter of an `@injectable()` class needs one.
 *
 * @example
 * ```ts
 * @injectable()
 * class GreetingService {
 *   constructor(@inject(coreServices.database) private readonly db: DatabaseService) {}
 * }
 * reg.provide(greetingServiceRef, GreetingService);
 * ```
 */
export function inject(ref: ServiceRef<unknown>): ParameterDecorator {
  return tsyringeInject(ref.id) as ParameterDecorator;
}

export { injectable };
