import type { ValidateFunction } from 'ajv/dist/2020.js';
import {
  CONG_ERR_EVENT_NOT_OWNED,
  CONG_ERR_EVENT_PAYLOAD,
  type EventRef,
  type EventService,
  type LoggerService,
  toFieldIssues,
} from '@cong/sdk';
import { schemaCompiler as defaultCompiler, type SchemaCompiler } from '../validation/schema-compiler.js';

interface Listener {
  readonly subscriber: string;
  readonly run: (payload: unknown) => void | Promise<void>;
  readonly isActive: () => boolean;
}

/**
 * Typed events inside one process. Emitting waits for every active listener; a listener's failure is
 * logged against its plugin and never reaches the emitter. (A Redis transport for several processes
 * comes with the scale-out work.)
 */
export class EventBus {
  readonly #listeners = new Map<string, Listener[]>();
  readonly #validators = new Map<string, ValidateFunction>();
  constructor(
    private readonly logger: LoggerService,
    private readonly compiler: SchemaCompiler = defaultCompiler,
    /** Whether a plugin is enabled for a tenant; events about a tenant skip plugins disabled there. */
    private readonly isTenantEnabled: (tenantId: string, pluginId: string) => Promise<boolean> = async () => true,
  ) {}

  /** Adds a listener for `subscriber`; inactive (failed or stopped) subscribers are skipped. */
  subscribe(subscriber: string, event: EventRef<unknown>, run: Listener['run'], isActive: () => boolean = () => true): () => void {
    const list = this.#listeners.get(event.name) ?? [];
    const listener: Listener = { subscriber, run, isActive };
    this.#listeners.set(event.name, [...list, listener]);
    return () => {
      this.#listeners.set(event.name, (this.#listeners.get(event.name) ?? []).filter((l) => l !== listener));
    };
  }

  /** Delivers an event. Only the owner (the plugin id before the first dot, or `core`) may emit. */
  async emit(emitter: string, event: EventRef<unknown>, payload: unknown, tenantId?: string): Promise<void> {
    if (!event.name.startsWith(`${emitter}.`)) throw CONG_ERR_EVENT_NOT_OWNED.create({ plugin: emitter, event: event.name });
    if (event.schema) {
      let validate = this.#validators.get(event.name);
      if (!validate) {
        validate = this.compiler.compile(event.schema);
        this.#validators.set(event.name, validate);
      }
      if (!validate(payload)) {
        throw CONG_ERR_EVENT_PAYLOAD.create({ event: event.name }, { errors: toFieldIssues(validate.errors, 'body') });
      }
    }
    const listeners = (this.#listeners.get(event.name) ?? []).filter((l) => l.isActive());
    await Promise.all(
      listeners.map(async (l) => {
        try {
          if (tenantId !== undefined && l.subscriber !== 'core' && !(await this.isTenantEnabled(tenantId, l.subscriber))) return;
          await l.run(payload);
        } catch (error) {
          this.logger.error('event listener failed', { event: event.name, plugin: l.subscriber, err: errorFields(error) });
        }
      }),
    );
  }

  /** The event service a plugin receives. */
  forPlugin(pluginId: string, mayListenTo: (owner: string) => boolean): EventService {
    return {
      emit: (event, payload, options) => this.emit(pluginId, event as EventRef<unknown>, payload, options?.tenantId),
      subscribe: (event, listener) => {
        const owner = event.name.slice(0, event.name.indexOf('.'));
        if (!mayListenTo(owner)) throw CONG_ERR_EVENT_NOT_OWNED.create({ plugin: pluginId, event: event.name }, { detail: `Plugin ${pluginId} cannot listen to ${event.name}: ${owner} is not in its requires or optional` });
        return this.subscribe(pluginId, event as EventRef<unknown>, listener as Listener['run']);
      },
    };
  }
}

export function errorFields(error: unknown): Record<string, unknown> {
  const e = error as { message?: string; code?: string; stack?: string };
  return { message: e?.message ?? String(error), code: e?.code, stack: e?.stack };
}
