import type { JsonSchema, LocalizedText, RouteSchemas } from '@cong/sdk';
import type { CompiledRoute } from './compile-route.js';
import { problemSchema } from './problem.js';

/** Facts about the platform for the document's `info` and `servers`. */
export interface OpenApiInfo {
  readonly version: string;
  readonly publicUrl: string;
  readonly plugins: readonly { readonly id: string; readonly version: string; readonly description?: string }[];
}

/**
 * An OpenAPI 3.1 document assembled from every plugin's route declarations. Route schemas are JSON
 * Schema 2020-12, which OpenAPI 3.1 takes as they are: one schema drives validation, docs and fuzzing.
 */
export function buildOpenApiDocument(routes: readonly CompiledRoute[], info: OpenApiInfo): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const usedIds = new Set<string>();
  for (const route of routes) {
    const { options } = route.declaration;
    const schemas = options.schema;
    const openApiPath = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters = [
      ...toParameters(schemas.params, 'path'),
      ...toParameters(schemas.query, 'query'),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(schemas.response ?? {})) {
      responses[status] = { description: describeStatus(Number(status)), content: { 'application/json': { schema } } };
    }
    if (options.produces && !Object.keys(responses).some((s) => Number(s) >= 200 && Number(s) < 300)) {
      responses['200'] = { description: 'OK', content: { [options.produces.split(';')[0]!.trim()]: { schema: { type: 'string', format: 'binary' } } } };
    }
    if (Object.keys(responses).length === 0) responses['204'] = { description: 'No Content' };
    responses['400'] = problemResponse('The request is invalid; `errors` names each failing field.');
    if (options.permission || options.authenticated) responses['401'] = problemResponse('Sign-in is required.');
    if (options.permission) {
      responses['403'] = problemResponse(`Permission \`${options.permission}\` is required.`);
    }
    if (schemas.body || schemas.upload) responses['413'] = problemResponse(schemas.upload ? 'The file or a field is too large.' : 'The body is too large.');
    if (schemas.upload) responses['415'] = problemResponse('The request is not multipart/form-data, or the file\'s type is not accepted.');
    responses['503'] = problemResponse('The plugin or a service it needs is unavailable.');
    responses.default = problemResponse('Unexpected error.');

    const operationId = uniqueId(`${route.owner.id}_${route.method}${camel(route.declaration.path)}`, usedIds);
    (paths[openApiPath] ??= {})[route.method] = {
      operationId,
      summary: text(options.summary),
      ...(options.description ? { description: options.description } : {}),
      tags: options.tags ?? [route.owner.id],
      ...(options.deprecated ? { deprecated: true } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(schemas.upload
        ? { requestBody: uploadRequestBody(schemas.upload, schemas.body) }
        : schemas.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: schemas.body } } } }
          : {}),
      responses,
      ...(options.permission || options.authenticated ? { security: [{ session: [] }, { token: [] }] } : { security: [] }),
      ...(options.permission ? { 'x-cong-permission': options.permission } : {}),
    };
  }
  const tags = [...new Set(routes.flatMap((r) => r.declaration.options.tags ?? [r.owner.id]))].sort().map((name) => {
    const plugin = info.plugins.find((p) => p.id === name);
    return { name, description: plugin ? `Plugin ${plugin.id} ${plugin.version}` : name };
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cổng API',
      version: info.version,
      description: 'API of a Cổng platform: every enabled plugin\'s routes, generated from their declarations.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: info.publicUrl }],
    tags,
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: '__Host-sid', description: 'The session cookie (`sid` on plain HTTP).' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token (`cong_…`), valid in one unit.' },
      },
    },
  };
}

/** A multipart request body: the file as a binary property beside the form fields of `body`. */
function uploadRequestBody(upload: NonNullable<RouteSchemas['upload']>, body: JsonSchema | undefined): Record<string, unknown> {
  const limits = [
    upload.maxBytes !== undefined ? `at most ${upload.maxBytes} bytes` : undefined,
    upload.allowedTypes ? `of type ${upload.allowedTypes.join(', ')} (sniffed from the content)` : undefined,
  ].filter(Boolean);
  const fileProperty = {
    type: 'string',
    format: 'binary',
    ...(upload.allowedTypes?.length === 1 ? { contentMediaType: upload.allowedTypes[0] } : {}),
    description: `The file${limits.length > 0 ? `, ${limits.join(', ')}` : ''}.`,
  };
  const required = [upload.field, ...((body?.required as string[] | undefined) ?? [])];
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          additionalProperties: false,
          required,
          properties: { ...((body?.properties as Record<string, unknown> | undefined) ?? {}), [upload.field]: fileProperty },
        },
        ...(upload.allowedTypes ? { encoding: { [upload.field]: { contentType: upload.allowedTypes.join(', ') } } } : {}),
      },
    },
  };
}

function toParameters(schema: JsonSchema | undefined, location: 'path' | 'query'): unknown[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' ? true : required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

function describeStatus(status: number): string {
  return ({ 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' } as Record<number, string>)[status] ?? `Status ${status}`;
}

function text(value: string | LocalizedText): string {
  return typeof value === 'string' ? value : value.en ? `${value.vi} (${value.en})` : value.vi;
}

function camel(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/^:/, 'by-'))
    .join('-')
    .replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}${i}`;
  used.add(id);
  return id;
}
