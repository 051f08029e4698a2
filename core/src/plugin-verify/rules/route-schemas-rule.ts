import { CongError } from '@cong/sdk';
import { compileRoute } from '../../http/compile-route.js';
import { findOpenObjects } from '../../http/find-open-objects.js';
import { schemaCompiler } from '../../validation/schema-compiler.js';
import { findingsOf, type Finding } from '../finding.js';
import type { PluginPackage } from '../plugin-package.js';
import { inertContext, type DeclaredRoute, type PluginRegistration } from '../read-registration.js';

const finding = findingsOf('route-schemas');

const INPUT_PARTS = ['params', 'query', 'body'] as const;

/**
 * Every route `register` declares: a schema whose objects are all closed (input and responses), a
 * response schema for its success status, a summary in Vietnamese and English, tags prefixed with
 * the plugin id, and nothing else the core's compile step refuses (undeclared permission, params
 * without a schema, a GET with a body, a schema ajv cannot compile).
 */
export function checkRouteSchemas(plugin: PluginPackage, registration: PluginRegistration): Finding[] {
  if (!registration.ok) return [unreadable(plugin, registration)];
  const { loaded } = registration;
  const owner = { id: loaded.id, permissions: new Set((loaded.manifest.permissions ?? []).map((p) => p.id)), state: () => 'registered', context: inertContext(loaded) };
  return registration.routes.flatMap((route) => checkRoute(plugin, loaded.id, route, owner));
}

function checkRoute(plugin: PluginPackage, pluginId: string, route: DeclaredRoute, owner: Parameters<typeof compileRoute>[2]): Finding[] {
  const { method, path, options } = route.declaration;
  const where = `${method.toUpperCase()} ${route.basePath}${path}`;
  const at = plugin.locate(path, [`${method}(`, `${method}<`]) ?? { file: plugin.entry, line: undefined };
  const error = (message: { vi: string; en: string }, fix: { vi: string; en: string }) => finding('error', at.file, at.line, message, fix);
  const warning = (message: { vi: string; en: string }, fix: { vi: string; en: string }) => finding('warning', at.file, at.line, message, fix);
  const schemas = options?.schema;
  if (typeof schemas !== 'object' || schemas === null) {
    return [error({ vi: `${where}: route không có schema`, en: `${where}: the route has no schema` }, {
      vi: 'Khai báo schema: { params, query, body, response } (dùng {} cho route không có đầu vào)', en: 'Declare schema: { params, query, body, response } (use {} for a route without input)',
    })];
  }
  const findings: Finding[] = [];

  const openInput = INPUT_PARTS.flatMap((part) => findOpenObjects(schemas[part]).map((pointer) => ({ part, pointer })));
  const openOutput = Object.entries(schemas.response ?? {}).flatMap(([status, schema]) => findOpenObjects(schema).map((pointer) => ({ part: `response ${status}`, pointer })));
  for (const { part, pointer } of openInput) {
    findings.push(error({
      vi: `${where}: schema ${part} để mở đối tượng tại ${pointer} — lõi sẽ từ chối route này khi khởi động`,
      en: `${where}: the ${part} schema leaves the object at ${pointer} open — the core refuses the route at boot`,
    }, {
      vi: `Thêm additionalProperties: false (hoặc unevaluatedProperties: false) vào đối tượng ${pointer}`,
      en: `Add additionalProperties: false (or unevaluatedProperties: false) to the object at ${pointer}`,
    }));
  }
  // The core serves an open response object, but it then documents fields it cannot name and a
  // handler's stray fields (an internal id, a hash) reach the caller unnoticed.
  for (const { part, pointer } of openOutput) {
    findings.push(warning({
      vi: `${where}: schema ${part} để mở đối tượng tại ${pointer}`,
      en: `${where}: the ${part} schema leaves the object at ${pointer} open`,
    }, {
      vi: `Liệt kê các trường và thêm additionalProperties: false; nếu đối tượng thật sự tự do (một JSON Schema, một bản ghi tuỳ ý), ghi rõ additionalProperties: {}`,
      en: `List the fields and add additionalProperties: false; for a truly free-form object (a JSON Schema, an arbitrary record), say additionalProperties: {}`,
    }));
  }
  // The core's own refusals, each as a finding; open input objects are reported above already.
  if (openInput.length === 0) {
    try {
      compileRoute(route.declaration, route.basePath, owner, schemaCompiler, { bodyLimitBytes: 65_536, validateResponses: false });
    } catch (cause) {
      const reason = CongError.is(cause) ? String(cause.message) : String((cause as Error)?.message ?? cause);
      findings.push(error({ vi: `Lõi từ chối route: ${reason}`, en: `The core refuses the route: ${reason}` }, {
        vi: 'Sửa khai báo route theo lý do trên (docs/guides/writing-a-plugin.md, phần route)', en: 'Fix the route declaration as the reason says (docs/guides/writing-a-plugin.md, routes)',
      }));
    }
  }

  // Public routes serve pages, feeds and files: response schemas describe JSON, so only API routes need one.
  const statuses = Object.keys(schemas.response ?? {}).map(Number);
  // A download (`produces`) is described by its media type, not a JSON schema.
  if (route.basePath !== '' && !options.produces && !statuses.some((s) => s >= 200 && s < 300)) {
    findings.push(error({ vi: `${where}: không có schema phản hồi cho mã 2xx`, en: `${where}: no response schema for a 2xx status` }, {
      vi: 'Thêm response: { 200: {...} } (hoặc 201; 204: {} cho route không trả nội dung; produces: \'text/csv\' cho tệp tải về): tài liệu API và kiểm tra phản hồi dựa vào nó',
      en: 'Add response: { 200: {...} } (or 201; 204: {} for a route without content; produces: \'text/csv\' for a download): the API document and response checks rely on it',
    }));
  }

  const summary = options.summary as unknown;
  if (typeof summary === 'string') {
    findings.push(warning({ vi: `${where}: summary là một chuỗi, chưa có cả tiếng Việt và tiếng Anh`, en: `${where}: the summary is one string, not Vietnamese and English` }, {
      vi: `Viết summary: { vi: '…', en: '…' }`, en: `Write summary: { vi: '…', en: '…' }`,
    }));
  } else {
    const text = (summary ?? {}) as { vi?: unknown; en?: unknown };
    const missing = (['vi', 'en'] as const).filter((lang) => typeof text[lang] !== 'string' || (text[lang] as string).trim() === '');
    if (missing.length > 0) {
      findings.push(error({ vi: `${where}: summary thiếu ${missing.join(', ')}`, en: `${where}: the summary has no ${missing.join(', ')}` }, {
        vi: `Viết summary: { vi: '…', en: '…' }`, en: `Write summary: { vi: '…', en: '…' }`,
      }));
    }
  }

  for (const tag of options.tags ?? []) {
    if (tag !== pluginId && !new RegExp(`^${pluginId}[.:/ -]`).test(tag)) {
      findings.push(error({ vi: `${where}: tag "${tag}" không bắt đầu bằng id plugin "${pluginId}"`, en: `${where}: tag "${tag}" does not start with the plugin id "${pluginId}"` }, {
        vi: `Đổi thành "${pluginId}" hoặc "${pluginId}.${tag}"; bỏ tags thì lõi dùng id plugin`, en: `Rename it "${pluginId}" or "${pluginId}.${tag}"; without tags the core uses the plugin id`,
      }));
    }
  }
  return findings;
}

function unreadable(plugin: PluginPackage, registration: Extract<PluginRegistration, { ok: false }>): Finding {
  const load = registration.stage === 'load';
  return finding('error', load ? 'package.json' : plugin.entry, load ? plugin.lineOf('/exports') : undefined, {
    vi: load ? `Không nạp được plugin từ entry đã build: ${registration.reason}` : `register của plugin thất bại: ${registration.reason}`,
    en: load ? `The plugin cannot be loaded from its built entry: ${registration.reason}` : `The plugin's register failed: ${registration.reason}`,
  }, {
    vi: load ? 'Build plugin trước (pnpm build), kiểm tra exports "." và default export definePlugin(...)' : 'register phải đồng bộ và chỉ khai báo; chuyển I/O sang start',
    en: load ? 'Build the plugin first (pnpm build); check exports "." and the default export definePlugin(...)' : 'register must be synchronous and only declare; move I/O to start',
  });
}
