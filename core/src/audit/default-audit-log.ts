import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  csvLine,
  CONG_ERR_AUDIT_ACTION_NOT_OWNED,
  InputError,
  type AuditRecord,
  type AuditService,
} from '@cong/sdk';
import type { Database } from '../db/create-database.js';

/** Options of {@link DefaultAuditLog}. */
export interface DefaultAuditLogOptions {
  /** The platform database; entries live in `core_audit_log`. */
  readonly db: Database;
  /** The clock, in epoch milliseconds. Default is `Date.now`. */
  readonly now?: () => number;
}

/** Who acted: a signed-in person, an API token, or the platform itself (jobs, start-up, CLI). */
export type AuditActorKind = 'user' | 'token' | 'system';

/** One entry of the audit log, as admins read it. */
export interface AuditEntry {
  /** Time-ordered id (a ULID): sorting ids sorts entries by time. */
  readonly id: string;
  /** When the action was recorded (UTC). */
  readonly at: Date;
  /** The principal's id; `system` for the platform itself. */
  readonly actorId: string;
  readonly actorKind: AuditActorKind;
  readonly tenantId: string | null;
  /** `core` or the id of the plugin that recorded the entry. */
  readonly owner: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  /**
   * The summaries as recorded, secrets redacted; `null` when none was given. A summary over 16 KiB
   * reads `{ "$truncated": true, "preview": "<the first part of its JSON>" }`.
   */
  readonly before: unknown;
  readonly after: unknown;
  /** Client address, user agent and request id of the request, or `null` outside a request. */
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
}

/** What to select; every given criterion must hold. */
export interface AuditFilter {
  /**
   * The tenants whose entries to return; `null` in the list stands for platform-wide entries.
   * Default is every tenant, which only a platform admin may see: routes for tenant admins must pass
   * their tenants. An empty list matches nothing.
   */
  readonly tenantIds?: readonly (string | null)[];
  readonly actorId?: string;
  /** An exact action, e.g. `gazette.issue.publish`. */
  readonly action?: string;
  /** Actions starting with this text, e.g. `gazette.` for everything the gazette recorded. */
  readonly actionPrefix?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  /** Entries at or after this instant. */
  readonly from?: Date;
  /** Entries before this instant (the range is half-open, so consecutive ranges never overlap). */
  readonly to?: Date;
}

/** A page request of {@link DefaultAuditLog.query}. */
export interface AuditQuery extends AuditFilter {
  /** Page size, 1 to 200. */
  readonly limit: number;
  /** The `nextCursor` of the previous page; omit for the newest entries. Opaque to callers. */
  readonly cursor?: string;
}

/** One page, newest first, and the cursor of the next (older) page, `null` after the last page. */
export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly nextCursor: string | null;
}

interface AuditTable {
  id: string;
  at: number;
  actor_id: string;
  actor_kind: AuditActorKind;
  tenant_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  owner: string;
}

interface AuditDb {
  core_audit_log: AuditTable;
}

const TABLE = 'core_audit_log';
const MAX_LIMIT = 200;
/** Rows per query while exporting: large enough to be quick, small enough to keep memory flat. */
const EXPORT_BATCH = 500;
/**
 * Each JSON summary is capped at 16 KiB (UTF-8): enough for the fields of any form, while a plugin
 * passing a whole document or file cannot make one entry weigh megabytes.
 */
const MAX_SUMMARY_BYTES = 16 * 1024;
/** Deeper nesting is cut; summaries are meant to be small, and the walk must stay bounded. */
const MAX_SUMMARY_DEPTH = 32;
/** Values visited per summary; past this the summary is over the byte cap anyway. */
const MAX_SUMMARY_NODES = 10_000;
const REDACTED = '[REDACTED]';
/** Lengths of the columns in the migration. */
const MAX_ACTION_CHARS = 191;
const MAX_OBJECT_TYPE_CHARS = 100;
const MAX_OBJECT_ID_CHARS = 191;
const MAX_ACTOR_CHARS = 191;
const MAX_TENANT_CHARS = 64;
const MAX_IP_CHARS = 64;
const MAX_USER_AGENT_CHARS = 512;
const MAX_REQUEST_ID_CHARS = 128;

const OWNER = /^[a-z][a-z0-9-]{1,30}$/;
/** `<owner>.<segment>[.<segment>…]`, lower case, like event names (underscores allowed). */
const ACTION = /^[a-z][a-z0-9-]{1,30}(\.[a-z][a-z0-9_-]*)+$/;
const ACTOR_KINDS: readonly AuditActorKind[] = ['user', 'token', 'system'];
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The audit log (CORE-14, ASVS 7.1): every staff write, by the core and by plugins, is recorded here
 * through one service with its actor, tenant, action, object, before/after summaries, IP, user agent,
 * request id and UTC time.
 *
 * Append-only: this class inserts and reads, and has no way to change or delete an entry (a test
 * scans this module for UPDATE and DELETE on the table).
 *
 * `record` writes through the caller's transaction when one is given, so the entry commits or rolls
 * back with the change it describes. Summaries are copied with every value under a key named like a
 * secret (password, token, secret, otp, totp, cookie, authorization, credential, api key, private
 * key) replaced by `[REDACTED]` at any depth, strings NFC-normalised, and the JSON capped at 16 KiB.
 *
 * Ids are ULIDs: 48 bits of milliseconds then 80 random bits, monotonic within the process (a second
 * entry in the same millisecond, or after the clock stepped back, increments the previous id). No
 * process needs to coordinate with another, so the insert takes no lock beyond its own row — a shared
 * counter would be held for the whole of every caller's transaction. `at` is the id's millisecond, so
 * ordering by id and by `(at, id)` agree, and the `(filter, at)` indexes serve both the filter and
 * the newest-first order. Paging is keyset on that order: deep pages cost what the first one costs,
 * and entries recorded while an admin pages never shift or repeat rows. (An entry whose transaction
 * commits after a reader passed its position is not seen by that reader; a new query shows it.)
 */
export class DefaultAuditLog {
  readonly #kysely: Kysely<AuditDb>;
  readonly #ids: UlidClock;

  constructor(options: DefaultAuditLogOptions) {
    this.#kysely = options.db.kysely as Kysely<AuditDb>;
    this.#ids = new UlidClock(options.now ?? Date.now);
  }

  /** The {@link AuditService} of `owner` (`core` or a plugin id): it records only `<owner>.…` actions. */
  forPlugin(owner: string): AuditService {
    if (typeof owner !== 'string' || !OWNER.test(owner)) {
      throw new InputError('The owner of an audit service must be a plugin id or core');
    }
    return Object.freeze({
      record: (entry: AuditRecord, options?: RecordOptions) => this.#record(owner, entry, options ?? {}),
    });
  }

  /** One page of entries, newest first. Throws `CONG_ERR_VALIDATION` for a bad filter, limit or cursor. */
  async query(query: AuditQuery): Promise<AuditPage> {
    if (query === null || typeof query !== 'object') throw new InputError('The audit query must be an object');
    const limit = query.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new InputError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    const filter = checkFilter(query);
    const after = query.cursor === undefined ? undefined : parseCursor(query.cursor);
    const rows = await this.#select(filter, after, limit + 1);
    const items = rows.slice(0, limit).map(toEntry);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
  }

  /**
   * The matching entries as CSV (RFC 4180: CRLF line ends, quoted fields), newest first, read in
   * batches so memory stays flat however many entries match. The first chunk is a UTF-8 byte order
   * mark and the header line, so Excel reads Vietnamese text as UTF-8; each later chunk is one or more
   * whole lines. Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
   * tab or carriage return, or their full-width forms) are prefixed with `'`. Times are ISO 8601 UTC;
   * `before` and `after` are JSON. The filter is checked before the first chunk.
   */
  exportCsv(filter: AuditFilter = {}): AsyncIterable<string> {
    if (filter === null || typeof filter !== 'object') throw new InputError('The audit filter must be an object');
    return this.#csv(checkFilter(filter));
  }

  async *#csv(filter: CheckedFilter): AsyncGenerator<string> {
    yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
    let after: Position | undefined;
    for (;;) {
      const rows = await this.#select(filter, after, EXPORT_BATCH);
      if (rows.length === 0) return;
      yield rows.map(auditCsvLine).join('');
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1]!;
      after = { id: last.id, at: Number(last.at) };
    }
  }

  async #select(filter: CheckedFilter, after: Position | undefined, limit: number): Promise<AuditTable[]> {
    if (filter.tenantIds !== undefined && filter.tenantIds.length === 0 && !filter.platformWide) return [];
    let q = this.#kysely.selectFrom(TABLE).selectAll();
    if (filter.tenantIds !== undefined) {
      const { tenantIds, platformWide } = filter;
      q = q.where((eb) => {
        const either = [];
        if (tenantIds.length > 0) either.push(eb('tenant_id', 'in', tenantIds));
        if (platformWide) either.push(eb('tenant_id', 'is', null));
        return eb.or(either);
      });
    }
    if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
    if (filter.action !== undefined) q = q.where('action', '=', filter.action);
    if (filter.actionPrefix !== undefined) {
      // `!` escapes LIKE's wildcards; a backslash would need dialect-specific quoting on MySQL.
      const pattern = `${filter.actionPrefix.replace(/[!%_]/g, '!$&')}%`;
      q = q.where(sql<boolean>`${sql.ref('action')} like ${pattern} escape '!'`);
    }
    if (filter.objectType !== undefined) q = q.where('object_type', '=', filter.objectType);
    if (filter.objectId !== undefined) q = q.where('object_id', '=', filter.objectId);
    if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('at', '<', filter.to);
    if (after !== undefined) {
      // Equivalent to `id < cursor` (at is the id's millisecond), spelt so an (x, at) index gives a range.
      q = q.where('at', '<=', after.at).where((eb) => eb.or([eb('at', '<', after.at), eb('id', '<', after.id)]));
    }
    return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  async #record(owner: string, entry: AuditRecord, options: RecordOptions): Promise<void> {
    if (entry === null || typeof entry !== 'object') throw new InputError('An audit record must be an object');
    if (options === null || typeof options !== 'object') throw new InputError('The options of an audit record must be an object');
    const action = entry.action;
    if (typeof action !== 'string') throw new InputError('The action of an audit record must be a string');
    if (!action.startsWith(`${owner}.`)) {
      throw CONG_ERR_AUDIT_ACTION_NOT_OWNED.create({ plugin: owner, action: JSON.stringify(cut(action, 100)) });
    }
    if (action.length > MAX_ACTION_CHARS || !ACTION.test(action)) {
      throw new InputError(
        `Audit action ${JSON.stringify(cut(action, 100))} must look like ${owner}.object.verb: lower-case letters, digits, - and _, at most ${MAX_ACTION_CHARS} characters`,
      );
    }
    const objectType = key('objectType', entry.objectType, MAX_OBJECT_TYPE_CHARS);
    const objectId = key('objectId', entry.objectId, MAX_OBJECT_ID_CHARS);
    const tenantId = entry.tenantId;
    if (tenantId !== null && (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.length > MAX_TENANT_CHARS)) {
      throw new InputError(`tenantId of an audit record must be null or a string of 1 to ${MAX_TENANT_CHARS} characters`);
    }
    const actor = resolveActor(options);
    const request = options.request;
    const { id, ms } = this.#ids.next();
    const row: AuditTable = {
      id,
      at: ms,
      actor_id: actor.id,
      actor_kind: actor.kind,
      tenant_id: tenantId,
      action,
      object_type: objectType,
      object_id: objectId,
      before_json: summarize(entry.before),
      after_json: summarize(entry.after),
      ip: requestText(request?.ip, MAX_IP_CHARS),
      user_agent: requestText(request?.headers['user-agent'], MAX_USER_AGENT_CHARS),
      request_id: requestText(request?.id, MAX_REQUEST_ID_CHARS),
      owner,
    };
    const db = (options.trx as Transaction<AuditDb> | undefined) ?? this.#kysely;
    await db.insertInto(TABLE).values(row).execute();
  }
}

type RecordOptions = Parameters<AuditService['record']>[1];

interface Position {
  readonly id: string;
  readonly at: number;
}

interface CheckedFilter {
  /** The non-null tenant ids, or undefined for every tenant. */
  readonly tenantIds?: readonly string[];
  /** Whether `null` (platform-wide entries) was in the list. */
  readonly platformWide: boolean;
  readonly actorId?: string;
  readonly action?: string;
  readonly actionPrefix?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly from?: number;
  readonly to?: number;
}

// ─── Actor and request ───────────────────────────────────────────────────────────────────────

/**
 * `options.actorId` wins (a job acting for a person, a sign-in before the session exists); its kind
 * is the principal's when the principal has that id, else `user`. Then the request's principal, then
 * the platform itself.
 */
function resolveActor(options: RecordOptions): { id: string; kind: AuditActorKind } {
  const principal = options.request?.principal;
  if (options.actorId !== undefined) {
    const id = key('actorId', options.actorId, MAX_ACTOR_CHARS);
    return { id, kind: principal?.id === id ? actorKind(principal.kind) : 'user' };
  }
  if (principal !== undefined) return { id: key('principal.id', principal.id, MAX_ACTOR_CHARS), kind: actorKind(principal.kind) };
  return { id: 'system', kind: 'system' };
}

function actorKind(kind: unknown): AuditActorKind {
  if (!ACTOR_KINDS.includes(kind as AuditActorKind)) throw new InputError(`principal.kind must be one of ${ACTOR_KINDS.join(', ')}`);
  return kind as AuditActorKind;
}

/** Client-supplied text (the user agent above all): control characters become U+FFFD, then it is cut. */
function requestText(value: string | undefined, max: number): string | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  return cut(value.normalize('NFC').replace(CONTROL, '\uFFFD'), max);
}

// ─── Summaries ───────────────────────────────────────────────────────────────────────────────

const SECRET_TEXT = /pass(?:word|wd|phrase)|secret|token|cookie|authori[sz]ation|credential|api[-_]?key|private[-_]?key/i;
/** Short names matched as whole words only, so `footprint` keeps its value while `otpCode` loses it. */
const SECRET_WORDS = new Set(['otp', 'totp', 'hotp', 'pwd']);

/** True for keys named like a secret: `password`, `passwordHash`, `accessToken`, `Set-Cookie`, `totp_code`. */
function isSecretKey(name: string): boolean {
  if (SECRET_TEXT.test(name)) return true;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word) || (word.endsWith('s') && SECRET_WORDS.has(word.slice(0, -1))));
}

interface WalkState {
  nodes: number;
  cut: boolean;
  readonly ancestors: Set<object>;
}

/** The JSON stored for a summary, or null when none was given. */
function summarize(value: unknown): string | null {
  if (value === undefined) return null;
  const state: WalkState = { nodes: 0, cut: false, ancestors: new Set() };
  const json = JSON.stringify(sanitize(value, 0, state) ?? null);
  if (!state.cut && Buffer.byteLength(json) <= MAX_SUMMARY_BYTES) return json;
  return truncated(json);
}

/** A plain-JSON copy: secrets redacted, strings NFC, cycles and excess depth cut, odd values made JSON. */
function sanitize(value: unknown, depth: number, state: WalkState): unknown {
  if (++state.nodes > MAX_SUMMARY_NODES) {
    state.cut = true;
    return '…';
  }
  switch (typeof value) {
    case 'string':
      if (value.length > MAX_SUMMARY_BYTES) {
        state.cut = true;
        return cut(value, MAX_SUMMARY_BYTES).normalize('NFC');
      }
      return value.normalize('NFC');
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      // undefined, functions and symbols: dropped from objects, null in arrays, as JSON does.
      return undefined;
  }
  if (value === null) return null;
  if (state.ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_SUMMARY_DEPTH) {
    state.cut = true;
    return '…';
  }
  state.ancestors.add(value);
  try {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      const plain: unknown = toJSON.call(value);
      if (plain !== value) return sanitize(plain, depth + 1, state);
    }
    if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1, state) ?? null);
    if (value instanceof Set) return [...value].map((item) => sanitize(item, depth + 1, state) ?? null);
    const entries: [string, unknown][] = value instanceof Map
      ? [...value].map(([k, v]) => [String(k), v])
      : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
    // No prototype, so a `__proto__` key is copied as data instead of changing the copy's prototype.
    const out = Object.create(null) as Record<string, unknown>;
    for (const [rawKey, item] of entries) {
      const name = rawKey.normalize('NFC');
      if (isSecretKey(name)) {
        out[name] = REDACTED;
        continue;
      }
      const clean = sanitize(item, depth + 1, state);
      if (clean !== undefined) out[name] = clean;
    }
    return out;
  } catch {
    // A throwing getter or toJSON must not fail the change being audited.
    return '[Unserializable]';
  } finally {
    state.ancestors.delete(value);
  }
}

/** The marker stored for an oversized summary: valid JSON within the cap, with the start of the original. */
function truncated(json: string): string {
  let budget = MAX_SUMMARY_BYTES - 64;
  for (;;) {
    const out = JSON.stringify({ $truncated: true, preview: cutBytes(json, budget) });
    const size = Buffer.byteLength(out);
    if (size <= MAX_SUMMARY_BYTES) return out;
    // Escaping (`"` → `\"`) made the preview grow; shrink in proportion and retry.
    budget = Math.max(0, Math.floor((budget * MAX_SUMMARY_BYTES) / size) - 16);
  }
}

/** The longest prefix of `text` whose UTF-8 form fits `max` bytes, never splitting a character. */
function cutBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString('utf8');
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────────────────

const CSV_COLUMNS = [
  'id', 'at', 'actor_kind', 'actor_id', 'tenant_id', 'owner', 'action', 'object_type', 'object_id',
  'ip', 'user_agent', 'request_id', 'before', 'after',
] as const;

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP). */

function auditCsvLine(row: AuditTable): string {
  const cells = [
    row.id, new Date(Number(row.at)).toISOString(), row.actor_kind, row.actor_id, row.tenant_id, row.owner, row.action,
    row.object_type, row.object_id, row.ip, row.user_agent, row.request_id, row.before_json, row.after_json,
  ];
  return csvLine(cells);
}

// ─── Validation ──────────────────────────────────────────────────────────────────────────────

function key(name: string, value: unknown, max: number): string {
  if (typeof value !== 'string') throw new InputError(`${name} must be a string of 1 to ${max} characters`);
  const text = value.normalize('NFC');
  if (text.length === 0 || text.length > max) throw new InputError(`${name} must be a string of 1 to ${max} characters`);
  return text;
}

function checkFilter(filter: AuditFilter): CheckedFilter {
  let tenantIds: string[] | undefined;
  let platformWide = false;
  if (filter.tenantIds !== undefined) {
    if (!Array.isArray(filter.tenantIds)) throw new InputError('tenantIds must be a list of tenant ids or null');
    tenantIds = [];
    for (const tenantId of filter.tenantIds as readonly unknown[]) {
      if (tenantId === null) platformWide = true;
      else tenantIds.push(key('tenantIds[]', tenantId, MAX_TENANT_CHARS));
    }
    tenantIds = [...new Set(tenantIds)];
  }
  const optional = (name: string, value: unknown, max: number): string | undefined =>
    value === undefined ? undefined : key(name, value, max);
  const instant = (name: string, value: unknown): number | undefined => {
    if (value === undefined) return undefined;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new InputError(`${name} must be a valid Date`);
    return value.getTime();
  };
  return {
    ...(tenantIds === undefined ? {} : { tenantIds }),
    platformWide,
    ...defined('actorId', optional('actorId', filter.actorId, MAX_ACTOR_CHARS)),
    ...defined('action', optional('action', filter.action, MAX_ACTION_CHARS)),
    ...defined('actionPrefix', optional('actionPrefix', filter.actionPrefix, MAX_ACTION_CHARS)),
    ...defined('objectType', optional('objectType', filter.objectType, MAX_OBJECT_TYPE_CHARS)),
    ...defined('objectId', optional('objectId', filter.objectId, MAX_OBJECT_ID_CHARS)),
    ...defined('from', instant('from', filter.from)),
    ...defined('to', instant('to', filter.to)),
  };
}

function defined<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isLowSurrogate(text.charCodeAt(max)) ? max - 1 : max;
  return text.slice(0, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function toEntry(row: AuditTable): AuditEntry {
  return {
    id: row.id,
    at: new Date(Number(row.at)),
    actorId: row.actor_id,
    actorKind: row.actor_kind,
    tenantId: row.tenant_id,
    owner: row.owner,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    before: parseSummary(row.before_json),
    after: parseSummary(row.after_json),
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
  };
}

function parseSummary(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

// ─── Ids ─────────────────────────────────────────────────────────────────────────────────────

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const MAX_TIME = 2 ** 48 - 1;
const RANDOM_LIMIT = 1n << 80n;

/** A cursor is the id of the last entry of a page; its first 10 characters are that entry's `at`. */
function parseCursor(cursor: unknown): Position {
  if (typeof cursor !== 'string' || !ULID.test(cursor)) throw new InputError('cursor is not a cursor this audit log returned');
  let at = 0;
  for (const char of cursor.slice(0, 10)) at = at * 32 + CROCKFORD.indexOf(char);
  return { id: cursor, at };
}

/**
 * Makes ULIDs that increase strictly within the process: in the same millisecond, or when the clock
 * steps back, the previous id's random part is incremented and its millisecond kept, which is then
 * also the entry's `at` (at most the size of the step-back ahead of the wall clock).
 */
class UlidClock {
  readonly #now: () => number;
  #lastMs = -1;
  #lastRandom = 0n;

  constructor(now: () => number) {
    this.#now = now;
  }

  next(): { id: string; ms: number } {
    const now = Math.floor(this.#now());
    if (!Number.isSafeInteger(now) || now < 0 || now > MAX_TIME) throw new RangeError(`The clock returned ${now}, not epoch milliseconds`);
    let ms = now;
    let random: bigint;
    if (ms <= this.#lastMs) {
      ms = this.#lastMs;
      random = this.#lastRandom + 1n;
      if (random >= RANDOM_LIMIT) {
        ms += 1;
        random = freshRandom();
      }
    } else {
      random = freshRandom();
    }
    this.#lastMs = ms;
    this.#lastRandom = random;
    return { id: encode(BigInt(ms), 10) + encode(random, 16), ms };
  }
}

function freshRandom(): bigint {
  // The top bit is left clear so that thousands of increments in one millisecond cannot overflow.
  const bytes = randomBytes(10);
  bytes[0] = bytes[0]! & 0x7f;
  return BigInt(`0x${bytes.toString('hex')}`);
}

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out = CROCKFORD[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}
