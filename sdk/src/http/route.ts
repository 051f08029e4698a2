import type { PluginContext } from '../plugin/plugin-context.js';
import type { JsonSchema, Schema, SchemaType } from './json-schema.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Text in Vietnamese, with English as the second language. */
export interface LocalizedText {
  readonly vi: string;
  readonly en?: string;
}

/** The schemas of one route. Every object schema must close itself with `additionalProperties: false`. */
export interface RouteSchemas {
  readonly params?: Schema<unknown>;
  readonly query?: Schema<unknown>;
  readonly body?: Schema<unknown>;
  /** Response bodies by status. The lowest 2xx is the status of a handler that returns a plain value. */
  readonly response?: { readonly [status: number]: JsonSchema };
}

/** Who is calling. Issue-3 auth fills this from sessions and API tokens. */
export interface Principal {
  readonly id: string;
  readonly kind: 'user' | 'token' | 'system';
  readonly displayName?: string;
  /** Permission ids granted for the request's tenant. */
  readonly permissions: ReadonlySet<string>;
}

/** What a route handler receives. */
export interface RouteRequest<P = unknown, Q = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The request id, also sent back as `x-request-id`. */
  readonly id: string;
  /** The client's address (from X-Forwarded-For only behind a trusted proxy). */
  readonly ip: string;
  /** `https` when the client's connection is encrypted (or the trusted proxy says so). */
  readonly protocol: 'http' | 'https';
  /** The tenant the request is for, when the core could resolve one. */
  readonly tenantId: string | undefined;
  readonly principal: Principal | undefined;
  /** Aborted when the client goes away or the server stops waiting. */
  readonly signal: AbortSignal;
  /** True when the caller holds `permission`. */
  can(permission: string): boolean;
}

/** A response with a status and headers; return a plain value for the route's default 2xx. */
export interface RouteResponse {
  readonly $$type: '@cong/RouteResponse';
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Builds a response with an explicit status. */
export function respond(status: number, body?: unknown, headers?: Readonly<Record<string, string>>): RouteResponse {
  return Object.freeze({ $$type: '@cong/RouteResponse', status, body, ...(headers ? { headers } : {}) });
}

export type RouteHandler<S extends RouteSchemas> = (
  req: RouteRequest<SchemaType<S['params']>, SchemaType<S['query']>, SchemaType<S['body']>>,
  ctx: PluginContext,
) => unknown | Promise<unknown>;

/** One route. */
export interface RouteOptions<S extends RouteSchemas> {
  /** Short title for the API document. */
  readonly summary: string | LocalizedText;
  readonly description?: string;
  /** Permission the caller must hold in the request's unit; omit for a public route. */
  readonly permission?: string;
  /**
   * The caller must be signed in and belong to the request's unit (any grant there), without a
   * particular permission. Implied by `permission`. Default is false.
   */
  readonly authenticated?: boolean;
  readonly schema: S;
  readonly handler: RouteHandler<S>;
  /** Body size limit for this route in bytes. Default is the platform's (64 KiB). */
  readonly bodyLimit?: number;
  /**
   * Let pages of the unit's allowed origins call this route from the browser (CORS; no cookies).
   * For public widget endpoints. Default is false.
   */
  readonly cors?: boolean;
  /** Grouping tags for the API document. Default is the plugin id. */
  readonly tags?: readonly string[];
  readonly deprecated?: boolean;
}

/** A route as the host stores it. */
export interface RouteDeclaration {
  readonly method: HttpMethod;
  /** Path under the router's base, with `:name` parameters. */
  readonly path: string;
  readonly options: RouteOptions<RouteSchemas>;
}

/** Declares routes; the path syntax is `/greetings/:id`. */
export interface RouteBuilder {
  get<S extends RouteSchemas>(path: string, options: RouteOptions<S>): void;
  post<S extends RouteSchemas>(path: string, options: RouteOptions<S>): void;
  put<S extends RouteSchemas>(path: string, options: RouteOptions<S>): void;
  patch<S extends RouteSchemas>(path: string, options: RouteOptions<S>): void;
  delete<S extends RouteSchemas>(path: string, options: RouteOptions<S>): void;
}
