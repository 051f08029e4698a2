import type { EventRef } from '../events/define-event.js';

/** Typed events inside the platform (and across processes when Redis is configured). */
export interface EventService {
  /**
   * Delivers `payload` to every subscriber. Resolves once in-process subscribers have run;
   * a subscriber's failure is logged and does not reach the emitter.
   * A plugin emits only events whose name starts with its own id. With `tenantId`, plugins disabled
   * for that tenant do not hear it.
   */
  emit<T>(event: EventRef<T>, payload: T, options?: { readonly tenantId?: string }): Promise<void>;
  /** Subscribes at run time; prefer `reg.on` in `register`. Returns the unsubscribe function. */
  subscribe<T>(event: EventRef<T>, listener: (payload: T) => void | Promise<void>): () => void;
}
