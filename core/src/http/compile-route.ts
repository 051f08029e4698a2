import { bodyParser } from '@koa/bodyparser';
import type { Context, Middleware, Next } from 'koa';
import { Readable } from 'node:stream';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import {
  CONG_ERR_MALFORMED_BODY,
  CONG_ERR_NOT_FOUND,
  CONG_ERR_PAYLOAD_TOO_LARGE,
  CONG_ERR_PLUGIN_UNAVAILABLE,
  CONG_ERR_UNAUTHENTICATED,
  CONG_ERR_UNSUPPORTED_MEDIA_TYPE,
  CONG_ERR_VALIDATION,
  CONG_ERR_FORBIDDEN,
  type FieldIssue,
  type JsonSchema,
  type PluginContext,
  type Principal,
  type RouteDeclaration,
  type RouteRequest,
  type RouteResponse,
  type StoredFile,
  coreServices,
  toFieldIssues,
} from '@cong/sdk';
import { CONG_ERR_PLUGIN_REGISTRATION_INVALID, CONG_ERR_ROUTE_RESPONSE_INVALID } from '../errors.js';
import { cleanInput } from './clean-input.js';
import type { SchemaCompiler } from '../validation/schema-compiler.js';
import { findOpenObjects } from './find-open-objects.js';
import { BYPASS_HEADER, ruleProblem, type RateLimits } from './rate-limits.js';
import { receiveUpload, type UploadDeclaration } from './receive-upload.js';

/** The plugin a route belongs to, as the route sees it at request time. */
export interface RouteOwner {
  readonly id: string;
  /** Permissions the plugin's manifest declares; a route may require only these. */
  readonly permissions: ReadonlySet<string>;
  /** `started` serves; anything else answers 503. */
  state(): string;
  /**
   * Compile validators on first use instead of at registration. Only for the core's own routes: their
   * schemas are tested (the fuzz suite hits every one), and compiling ~30 of them costs ~100 ms of
   * start-up. Vendors' schemas compile eagerly, so a mistake fails the plugin at boot.
   */
  readonly lazyValidation?: boolean;
  readonly context: PluginContext;
}

/** Settings shared by all routes. */
export interface RouteSettings {
  readonly bodyLimitBytes: number;
  /** Check handler results against the response schemas (tests and development). */
  readonly validateResponses: boolean;
  /** Whether a plugin is enabled for a tenant; a disabled plugin's routes answer 404 there. */
  readonly isTenantEnabled?: (tenantId: string, pluginId: string) => Promise<boolean>;
  /** The counters behind routes' `rateLimit`; without them the option is not enforced (one-shot commands). */
  readonly rateLimits?: RateLimits;
}

/** A route ready to mount: full path, owner, Koa middleware and what the OpenAPI document needs. */
export interface CompiledRoute {
  readonly method: RouteDeclaration['method'];
  /** Full Koa path, e.g. `/api/hello/greetings/:id`. */
  readonly path: string;
  readonly owner: RouteOwner;
  readonly declaration: RouteDeclaration;
  readonly middleware: Middleware;
  /** Compiles the route's validators now, if they were left for first use. */
  readonly warm: () => void;
}

/**
 * Compiles a declared route: checks its schemas (every object closed, permission declared), compiles
 * ajv validators once, and returns the middleware that validates params, query and body, checks the
 * permission, runs the handler and shapes the response.
 */
export function compileRoute(
  declaration: RouteDeclaration,
  basePath: string,
  owner: RouteOwner,
  compiler: SchemaCompiler,
  settings: RouteSettings,
): CompiledRoute {
  const { options, method } = declaration;
  const path = joinPath(basePath, declaration.path);
  const where = `${method.toUpperCase()} ${path}`;
  const invalid = (reason: string) => CONG_ERR_PLUGIN_REGISTRATION_INVALID.create({ plugin: owner.id, reason: `${where}: ${reason}` });

  if (typeof options?.handler !== 'function') throw invalid('handler must be a function');
  if (typeof options.schema !== 'object' || options.schema === null) throw invalid('schema is required (use {} for a route without input)');
  if (options.permission !== undefined && !owner.permissions.has(options.permission)) {
    throw invalid(`permission "${options.permission}" is not declared in the manifest's permissions`);
  }
  const schemas = options.schema;
  const pathParams = [...declaration.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  if (pathParams.length > 0 && !schemas.params) throw invalid(`path parameters (${pathParams.join(', ')}) need a params schema`);
  if ((method === 'get' || method === 'delete') && schemas.body) throw invalid(`${method.toUpperCase()} routes take no body`);
  for (const part of ['params', 'query', 'body'] as const) {
    const open = findOpenObjects(schemas[part]);
    if (open.length > 0) throw invalid(`${part} schema leaves objects open at ${open.join(', ')}: add additionalProperties: false`);
  }
  if (options.rateLimit !== undefined) {
    const problem = ruleProblem(options.rateLimit);
    if (problem) throw invalid(problem);
  }
  const upload = schemas.upload;
  if (upload !== undefined) {
    const problem = checkUpload(upload, method, schemas.body);
    if (problem) throw invalid(problem);
  }

  const compile = (schema: JsonSchema | undefined, location: FieldIssue['in'], coerce: boolean): ValidateFunction | undefined => {
    if (!schema) return undefined;
    try {
      return compiler.compile(schema, { coerce });
    } catch (cause) {
      throw invalid(`${location} schema does not compile: ${(cause as Error).message}`);
    }
  };
  const validator = (schema: JsonSchema | undefined, location: FieldIssue['in'], coerce = location === 'params' || location === 'query'): (() => ValidateFunction | undefined) => {
    let compiled: ValidateFunction | undefined;
    const get = () => (compiled ??= compile(schema, location, coerce));
    if (!owner.lazyValidation) get();
    return get;
  };
  const validateParams = validator(schemas.params, 'params');
  const validateQuery = validator(schemas.query, 'query');
  // Form fields of an upload arrive as text, like the query.
  const validateBody = validator(schemas.body, 'body', upload !== undefined);
  // A form posted without JavaScript sends text: its fields are coerced like a query string's.
  const acceptsForm = options.form === true && schemas.body !== undefined && upload === undefined;
  const validateFormBody = acceptsForm ? validator(schemas.body, 'body', true) : undefined;
  const responseValidators = new Map<number, () => ValidateFunction | undefined>();
  for (const [status, schema] of Object.entries(schemas.response ?? {})) responseValidators.set(Number(status), validator(schema, 'body'));
  const successStatuses = [...responseValidators.keys()].filter((s) => s >= 200 && s < 300).sort((a, b) => a - b);
  const defaultStatus = successStatuses[0];
  /** Compiles every validator now (the platform warms lazy routes up once it serves). */
  const warm = () => {
    for (const get of [validateParams, validateQuery, validateBody, ...responseValidators.values()]) get();
  };

  const limit = options.bodyLimit ?? settings.bodyLimitBytes;
  const parseBody = schemas.body && !upload
    ? bodyParser({ enableTypes: acceptsForm ? ['json', 'form'] : ['json'], jsonLimit: limit, formLimit: limit, jsonStrict: true, encoding: 'utf-8', parsedMethods: ['POST', 'PUT', 'PATCH'] })
    : undefined;

  /** The plugin serves, the unit has it, and the caller may call: checked before any input is read. */
  const admit = async (ctx: Context): Promise<void> => {
    const state = owner.state();
    if (state !== 'started') throw CONG_ERR_PLUGIN_UNAVAILABLE.create({ plugin: owner.id, state });
    const tenantId = ctx.state.tenantId as string | undefined;
    if (tenantId !== undefined && settings.isTenantEnabled && !(await settings.isTenantEnabled(tenantId, owner.id))) {
      throw CONG_ERR_NOT_FOUND.create(); // for this tenant the plugin does not exist
    }

    if (options.permission !== undefined || options.authenticated) {
      const principal = ctx.state.principal as Principal | undefined;
      if (!principal) throw CONG_ERR_UNAUTHENTICATED.create();
      // No grant reaches this unit: to this caller the unit's objects do not exist.
      if (ctx.state.tenantMember === false) throw CONG_ERR_NOT_FOUND.create();
      if (options.permission !== undefined && !principal.permissions.has(options.permission)) {
        throw CONG_ERR_FORBIDDEN.create({ permission: options.permission });
      }
    }
  };

  /** Params and query, checked; issues are added to `issues`. */
  const readParamsAndQuery = (ctx: Context, issues: FieldIssue[]) => {
    const params = { ...ctx.params };
    check(validateParams(), params, 'params', issues);
    // A null-prototype copy keeps `__proto__` as an ordinary key, so additionalProperties catches it.
    const query = Object.assign(Object.create(null) as Record<string, unknown>, ctx.query);
    const queryValidator = validateQuery();
    if (queryValidator) check(queryValidator, query, 'query', issues);
    else if (Object.keys(query).length > 0) issues.push({ in: 'query', pointer: `/${Object.keys(query)[0]}`, message: 'is not allowed: this route takes no query parameters', keyword: 'additionalProperties' });
    return { params, query };
  };

  const run = async (ctx: Context): Promise<void> => {
    await admit(ctx);
    const issues: FieldIssue[] = [];
    const { params, query } = readParamsAndQuery(ctx, issues);

    let body: unknown;
    if (parseBody) {
      body = (ctx.request as { body?: unknown }).body;
      const form = acceptsForm && ctx.request.is('application/x-www-form-urlencoded') !== false;
      const cleaned = cleanInput(body, 'body');
      if (cleaned.issues.length > 0) issues.push(...cleaned.issues);
      else if (form) {
        const nested = formIssues(body);
        if (nested.length > 0) issues.push(...nested);
        else check(validateFormBody!(), body, 'body', issues);
      } else check(validateBody(), body, 'body', issues);
    }
    if (issues.length > 0) throw CONG_ERR_VALIDATION.create({}, { errors: issues, detail: describeIssues(issues) });
    await answer(ctx, makeRequest(ctx, params, query, body));
  };

  /**
   * An upload route: the caller is admitted and the params and query are valid before a byte of the
   * file is read; the file is stored while it streams in; the other fields are checked after. The file
   * is removed again when the fields are invalid or the handler fails.
   */
  const runUpload = async (ctx: Context, declared: UploadDeclaration): Promise<void> => {
    await admit(ctx);
    const issues: FieldIssue[] = [];
    const { params, query } = readParamsAndQuery(ctx, issues);
    if (issues.length > 0) throw CONG_ERR_VALIDATION.create({}, { errors: issues, detail: describeIssues(issues) });

    const files = owner.context.get(coreServices.files);
    const received = await receiveUpload(ctx, declared, { files, tenantId: ctx.state.tenantId as string | undefined, fieldBytes: limit });
    const file: StoredFile | undefined = received.file;
    try {
      if (!file) issues.push({ in: 'body', pointer: `/${declared.field}`, message: 'is required: attach a file', keyword: 'required' });
      const body = received.fields;
      const cleaned = cleanInput(body, 'body');
      if (cleaned.issues.length > 0) issues.push(...cleaned.issues);
      else if (schemas.body) check(validateBody(), body, 'body', issues);
      else {
        for (const name of Object.keys(body)) issues.push({ in: 'body', pointer: `/${name}`, message: 'is not allowed: this route takes only the file', keyword: 'additionalProperties' });
      }
      if (issues.length > 0) throw CONG_ERR_VALIDATION.create({}, { errors: issues, detail: describeIssues(issues) });
      await answer(ctx, Object.assign(makeRequest(ctx, params, query, body), { file }));
    } catch (error) {
      // The handler either recorded the file and succeeded, or the file belongs to nobody.
      if (file) await files.remove(file.id).catch(() => undefined);
      throw error;
    }
  };

  const answer = async (ctx: Context, request: RouteRequest): Promise<void> => {
    const result = await options.handler(request as RouteRequest<any, any, any> & { file: StoredFile }, owner.context);
    const response = isRouteResponse(result) ? result : { status: result === undefined && defaultStatus === undefined ? 204 : (defaultStatus ?? 200), body: result };

    // A stream is a download: its bytes are not JSON to check.
    if (settings.validateResponses && response.status < 300 && !(response.body instanceof Readable)) {
      const responseValidator = responseValidators.get(response.status)?.();
      if (responseValidator && !responseValidator(response.body)) {
        throw CONG_ERR_ROUTE_RESPONSE_INVALID.create(
          { route: where, status: response.status },
          { cause: new Error(JSON.stringify(responseValidator.errors)) },
        );
      }
    }
    ctx.status = response.status;
    if (options.cors) allowOrigin(ctx);
    if ('headers' in response && response.headers) ctx.set(response.headers as Record<string, string>);
    if (response.body !== undefined) ctx.body = response.body;
  };

  /**
   * A route's `rateLimit`: one bucket per route pattern (path variants count together), keyed by the
   * unit and the client address, taken before the body is read. A bypass key skips it.
   */
  const limit429 = async (ctx: Context): Promise<void> => {
    const limits = settings.rateLimits;
    if (!options.rateLimit || !limits || limits.bypassed(ctx.get(BYPASS_HEADER) || undefined)) return;
    await limits.enforce(`${owner.id}:${where}`, `${(ctx.state.tenantId as string | undefined) ?? '-'}|${ctx.ip}`, options.rateLimit);
  };

  const middleware: Middleware = async (ctx, next: Next) => {
    // Only routes with a limit wait for the counter (a public page's hot path takes no extra tick).
    if (options.rateLimit) await limit429(ctx);
    if (upload) {
      await runUpload(ctx, upload);
      return;
    }
    if (parseBody) {
      const type = ctx.request.type;
      const hasBody = ctx.request.length > 0 || ctx.get('transfer-encoding') !== '';
      if (hasBody && type !== 'application/json' && !type.endsWith('+json') && !(acceptsForm && type === 'application/x-www-form-urlencoded')) {
        throw CONG_ERR_UNSUPPORTED_MEDIA_TYPE.create({ type: type || '(none)' });
      }
      // JSON is UTF-8 (RFC 8259): a body that declares another charset is refused, not guessed at.
      const charset = ctx.request.charset.toLowerCase();
      if (hasBody && charset !== '' && charset !== 'utf-8' && charset !== 'utf8') {
        throw CONG_ERR_UNSUPPORTED_MEDIA_TYPE.create({ type: `${type}; charset=${charset}` });
      }
      try {
        await parseBody(ctx, async () => undefined);
      } catch (error) {
        throw translateBodyError(error, limit);
      }
    } else if (ctx.request.length > 0 || ctx.get('transfer-encoding') !== '') {
      throw CONG_ERR_VALIDATION.create({}, {
        detail: 'This route takes no request body',
        errors: [{ in: 'body', pointer: '', message: 'is not allowed: this route takes no body', keyword: 'not' }],
      });
    }
    await run(ctx);
    void next;
  };
  return { method, path, owner, declaration, middleware, warm };
}

/** A posted form's fields are text, or lists of text for a repeated field; `a[b]=…` nesting is refused. */
function formIssues(body: unknown): FieldIssue[] {
  if (typeof body !== 'object' || body === null) return [];
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(body)) {
    const flat = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!flat) issues.push({ in: 'body', pointer: `/${name}`, message: 'is not a plain form field: nested fields (a[b]=…) are not taken', keyword: 'type' });
  }
  return issues;
}

const UPLOAD_FIELD = /^[A-Za-z0-9_-]{1,64}$/;

/** Why an upload declaration cannot work, or `undefined` when it can. */
function checkUpload(upload: UploadDeclaration, method: RouteDeclaration['method'], body: JsonSchema | undefined): string | undefined {
  if (method !== 'post' && method !== 'put' && method !== 'patch') return `upload is for POST, PUT and PATCH routes, not ${method.toUpperCase()}`;
  if (typeof upload !== 'object' || upload === null || typeof upload.field !== 'string' || !UPLOAD_FIELD.test(upload.field)) {
    return 'upload.field must be 1 to 64 letters, digits, "_" or "-"';
  }
  const known = new Set(['field', 'maxBytes', 'allowedTypes']);
  const unknown = Object.keys(upload).find((key) => !known.has(key));
  if (unknown) return `upload has an unknown option "${unknown}"`;
  if (upload.maxBytes !== undefined && (!Number.isSafeInteger(upload.maxBytes) || upload.maxBytes < 1)) return 'upload.maxBytes must be a positive integer';
  if (upload.allowedTypes !== undefined && (!Array.isArray(upload.allowedTypes) || upload.allowedTypes.length === 0 || upload.allowedTypes.some((t) => typeof t !== 'string' || !t.includes('/')))) {
    return 'upload.allowedTypes must be a non-empty list of media types such as image/* or application/pdf';
  }
  if (body !== undefined) {
    if (body.type !== 'object') return 'the body schema of an upload route describes the form fields: it must be an object';
    const properties = (body.properties ?? {}) as Record<string, JsonSchema>;
    if (upload.field in properties) return `body schema also names the file field "${upload.field}"`;
    const nested = Object.entries(properties).find(([, p]) => p.type === 'object' || p.properties !== undefined);
    if (nested) return `form field "${nested[0]}" is an object: form fields are flat`;
  }
  return undefined;
}

/** Echoes the request's Origin when the unit allows it (credentials never: widgets are anonymous). */
export function allowOrigin(ctx: Context): boolean {
  ctx.vary('origin');
  const origin = ctx.get('origin');
  const allowed = (ctx.state.tenant as { allowedOrigins?: readonly string[] } | undefined)?.allowedOrigins ?? [];
  if (!origin || !allowed.includes(origin)) return false;
  ctx.set('access-control-allow-origin', origin);
  return true;
}

function check(validate: ValidateFunction | undefined, value: unknown, location: FieldIssue['in'], issues: FieldIssue[]): void {
  if (validate && !validate(value)) issues.push(...toFieldIssues(validate.errors, location));
}

function describeIssues(issues: readonly FieldIssue[]): string {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${first.in} ${first.pointer || '(whole)'} ${first.message}${more}`;
}

function makeRequest(ctx: Context, params: unknown, query: unknown, body: unknown): RouteRequest {
  let controller: AbortController | undefined;
  const principal = ctx.state.principal as Principal | undefined;
  return {
    params,
    query,
    body,
    headers: ctx.headers as Record<string, string | undefined>,
    id: ctx.state.reqId as string,
    ip: ctx.ip,
    protocol: ctx.protocol === 'https' ? 'https' : 'http',
    tenantId: ctx.state.tenantId as string | undefined,
    principal,
    get signal() {
      if (!controller) {
        controller = new AbortController();
        const abort = () => {
          if (!ctx.res.writableEnded) controller!.abort();
        };
        ctx.req.once('close', abort);
      }
      return controller.signal;
    },
    can: (permission: string) => principal?.permissions.has(permission) ?? false,
  };
}

function isRouteResponse(value: unknown): value is RouteResponse {
  return typeof value === 'object' && value !== null && (value as { $$type?: unknown }).$$type === '@cong/RouteResponse';
}

function translateBodyError(error: unknown, limit: number): unknown {
  const e = error as { status?: number; type?: string; message?: string };
  if (e.status === 413 || e.type === 'entity.too.large') return CONG_ERR_PAYLOAD_TOO_LARGE.create({ limit: `${limit} bytes` }, { cause: error });
  if (e.status === 415 || e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return CONG_ERR_UNSUPPORTED_MEDIA_TYPE.create({ type: 'encoding' }, { cause: error });
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return CONG_ERR_MALFORMED_BODY.create({ format: 'JSON' }, { cause: error });
  return error;
}

export function joinPath(base: string, path: string): string {
  const joined = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined.length > 1 ? joined.replace(/\/+$/, '') : joined;
}
