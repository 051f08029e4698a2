import type { RateLimitRule } from '../services/rate-limit-service.js';
import type { PluginContext } from '../plugin/plugin-context.js';
import type { StoredFile } from '../services/file-service.js';
import type { JsonSchema, Schema, SchemaType } from './json-schema.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Text in Vietnamese, with English as the second language. */
export interface LocalizedText {
  readonly vi: string;
  readonly en?: string;
}

/**
 * The one file a `multipart/form-data` route receives (`schema.upload`). The core streams it into the
 * plugin's {@link FileService} as it arrives (no temporary copy of the whole request, no buffering in
 * memory), so the type is sniffed from the bytes and the size enforced while reading; the handler gets
 * the stored file as `req.file`. A request that fails afterwards (another field invalid, the client gone)
 * has its file removed again.
 *
 * Answers the client gets, each naming the field (`errors[].pointer` is `/<field>`):
 * - 413 `CONG_ERR_FILE_TOO_LARGE` past `maxBytes` (or the platform's `files.maxBytes`, whichever is lower);
 * - 415 `CONG_ERR_FILE_TYPE` when the sniffed type is not in `allowedTypes`;
 * - 400 `CONG_ERR_VALIDATION` when the file is missing, a second file or a file under another name is
 *   sent, or there are more than 20 other fields;
 * - 415 `CONG_ERR_UNSUPPORTED_MEDIA_TYPE` for a request that is not `multipart/form-data`.
 *
 * @example
 * ```ts
 * route.post('/attachments', {
 *   summary: 'Attach a file',
 *   permission: 'notices.write',
 *   schema: {
 *     upload: { field: 'file', maxBytes: 10 * 1024 * 1024, allowedTypes: ['image/*', 'application/pdf'] },
 *     body: defineSchema<{ title: string }>({ type: 'object', additionalProperties: false, required: ['title'],
 *       properties: { title: { type: 'string', maxLength: 200 } } }),
 *   },
 *   handler: async (req) => ({ id: req.file.id, type: req.file.contentType, title: req.body.title }),
 * });
 * ```
 */
export interface UploadSchema {
  /** The form field that carries the file: letters, digits, `_` and `-`. */
  readonly field: string;
  /** Largest file accepted, in bytes; capped by the platform's `files.maxBytes`, which is also the default. */
  readonly maxBytes?: number;
  /** Accepted sniffed types: exact (`application/pdf`) or `type/*`. Default is any type. */
  readonly allowedTypes?: readonly string[];
}

/** The schemas of one route. Every object schema must close itself with `additionalProperties: false`. */
export interface RouteSchemas {
  readonly params?: Schema<unknown>;
  readonly query?: Schema<unknown>;
  /**
   * The JSON body; on an upload route, the other form fields instead. Form fields arrive as text and
   * are coerced to the schema's types (`"3"` → 3, `"true"` → true); a field sent twice is an array.
   * Their schema is one flat object (no nested objects: a form has none).
   */
  readonly body?: Schema<unknown>;
  /** Makes the route take `multipart/form-data` with one file; see {@link UploadSchema}. POST, PUT and PATCH only. */
  readonly upload?: UploadSchema;
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

/**
 * A response with a status and headers; return a plain value for the route's default 2xx.
 *
 * The body may be a `Readable` (a download): it is streamed to the client as it is, never checked
 * against the response schema; set `content-type` (default `application/octet-stream`) and, when known,
 * `content-length` in `headers`. The stream is destroyed if the client goes away.
 */
export interface RouteResponse {
  readonly $$type: '@cong/RouteResponse';
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Builds a response with an explicit status; `body` may be a `Readable` to stream (see {@link RouteResponse}). */
export function respond(status: number, body?: unknown, headers?: Readonly<Record<string, string>>): RouteResponse {
  return Object.freeze({ $$type: '@cong/RouteResponse', status, body, ...(headers ? { headers } : {}) });
}

/** What an upload route's request carries besides the form fields. */
export interface UploadedFile {
  /** The stored file: sniffed type, size, sha256, the sanitised original name; owned by the plugin. */
  readonly file: StoredFile;
}

/** `req.file` on routes that declare `schema.upload`, nothing on the others. */
export type RouteUpload<S extends RouteSchemas> = S extends { readonly upload: UploadSchema } ? UploadedFile : unknown;

export type RouteHandler<S extends RouteSchemas> = (
  req: RouteRequest<SchemaType<S['params']>, SchemaType<S['query']>, SchemaType<S['body']>> & RouteUpload<S>,
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
  /**
   * The media type of a download this route answers with (`text/csv; charset=utf-8`, `application/pdf`,
   * `application/zip`): the API document describes its 2xx body as that type, binary, instead of a JSON
   * schema. For routes that return a stream or bytes with `respond`.
   */
  readonly produces?: string;
  /**
   * Also take `application/x-www-form-urlencoded` bodies: an HTML form posted without JavaScript. The
   * fields must be flat (a repeated field is a list); their text is coerced by the body schema (numbers,
   * booleans), as a query string is. JSON bodies are taken as usual. Default false.
   */
  readonly form?: boolean;
  /**
   * At most `points` calls per `durationSeconds` from one client address in one unit, counted per
   * route (every path of `/questions/:id` is one bucket, whatever its case or trailing slash), before
   * the body is read; more answer 429 `CONG_ERR_RATE_LIMITED` with `Retry-After`. For public forms
   * and other routes the public can flood. A plugin's own keys (per verified address…) use
   * `coreServices.rateLimits`.
   */
  readonly rateLimit?: RateLimitRule;
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
