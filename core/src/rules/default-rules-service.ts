import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  CONG_ERR_RULE_NOT_FOUND,
  ConflictError,
  InputError,
  type Rule,
  type RuleDefinition,
  type RulesService,
} from '@cong/sdk';
import { fromDayNumber, toCalendarDate, toDayNumber, todayInVietnam } from '../calendar/default-calendar-service.js';
import type { Database } from '../db/create-database.js';

/** Options of {@link DefaultRulesService}. */
export interface DefaultRulesServiceOptions {
  /** The platform database; versions live in `core_rules`. */
  readonly db: Database;
  /** The clock, in epoch milliseconds: "today" for `get` without a date, and `createdAt`. Default is `Date.now`. */
  readonly now?: () => number;
}

/** A stored version as the admin screen shows it: the {@link Rule} plugins see, and its provenance. */
export interface RuleVersion<T = unknown> extends Rule<T> {
  readonly description: string | null;
  /** `pack`: shipped by a plugin's rule pack; `admin`: an administrator's override. */
  readonly source: 'pack' | 'admin';
  /** The plugin whose id prefixes the name. */
  readonly owner: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** The administrator, or `pack:<owner>` for a pack version. */
  readonly createdBy: string;
}

/** An administrator's new version of a rule. */
export type AdminRuleDefinition<T = unknown> = RuleDefinition<T> & { readonly createdBy: string };

/** A pack version that was not stored because an administrator's version stands in its way. */
export interface SkippedRuleVersion {
  readonly name: string;
  readonly effectiveFrom: string;
  readonly reason: string;
}

/** What {@link DefaultRulesService.applyPack} did. */
export interface ApplyPackResult {
  /** Versions stored by this call. */
  readonly inserted: readonly RuleVersion[];
  /** Pack entries already stored (same name and `effectiveFrom`): left as they are. */
  readonly unchanged: number;
  /** Pack entries that would overlap or shorten an administrator's version: not stored. */
  readonly skipped: readonly SkippedRuleVersion[];
}

interface RulesTable {
  id: string;
  name: string;
  value_json: string;
  effective_from: string;
  effective_to: string | null;
  citation: string;
  description: string | null;
  source: 'pack' | 'admin';
  owner: string;
  created_at: number;
  created_by: string;
}

interface RulesDb {
  core_rules: RulesTable;
}

/** A definition after checking: dates normalised, the value serialised. */
interface CheckedDefinition {
  readonly name: string;
  readonly valueJson: string;
  readonly from: string;
  readonly to: string | null;
  readonly citation: string;
  readonly description: string | null;
}

/** Where a new version goes among the stored ones. */
type Placement = { readonly shorten?: RulesTable } | { readonly conflict: RulesTable };

const OWNER_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
/** `<owner>.<segment>[.<segment>…]`: `qa.answerDeadlineWorkingDays`, `reporting.cutoff.monthly`. */
const NAME_PATTERN = /^[a-z][a-z0-9-]{0,63}(\.[A-Za-z][A-Za-z0-9_-]*)+$/;
/** Lengths of the columns in the migration. */
const MAX_NAME_CHARS = 191;
const MAX_CITATION_CHARS = 500;
const MAX_CREATED_BY_CHARS = 255;
const MAX_DESCRIPTION_CHARS = 4000;
/** MySQL TEXT holds 65 535 bytes; refusing larger values up front keeps both dialects alike. */
const MAX_VALUE_BYTES = 65_535;
/** Stands for "open" when periods are compared as strings. */
const OPEN_END = '9999-12-31';
/**
 * Writes that lose a race (a deadlock or duplicate key on MySQL, a busy database on SQLite shared by
 * two processes) are tried this many times in all.
 */
const MAX_ATTEMPTS = 5;
/** InnoDB duplicate key, deadlock and lock-wait timeout. */
const MYSQL_TRANSIENT_ERRNOS = new Set([1062, 1213, 1205]);

/**
 * Versioned rule packs (DOMAIN.md CORE-00): legal parameters such as `qa.answerDeadlineWorkingDays`
 * with the period they are in force and the text that sets them, in `core_rules`.
 *
 * - Plugins read through {@link forPlugin}: any rule (rules are public parameters), the version in force
 *   on a date (default today in Vietnam), or the history. A workflow instance records `version` (the
 *   row id), which never changes meaning: a stored version's value and start date are never rewritten.
 * - A plugin's pack is applied with {@link applyPack}, normally at each start: names must start with
 *   `<owner>.`; an entry whose name and `effectiveFrom` are already stored is left as it is (so packs
 *   are idempotent, and a stored version is never changed by a later pack: ship a new dated version
 *   instead); a new entry closes the version in force on its first day (its `effectiveTo` becomes the
 *   day before). Versions of one name never overlap: a pack whose own periods overlap is refused with
 *   `InputError`, one that overlaps stored pack versions in a way closing cannot resolve with
 *   `ConflictError`, and the whole pack is then stored or refused as one.
 * - Administrators override with {@link set}: a new dated `admin` version, closing the previous one the
 *   same way. Packs never touch administrators' rows: a pack entry that would overlap or close one is
 *   skipped and reported in the result, so an override stands until an administrator changes it.
 *
 * An unknown rule, or one with no version on the date, is `CONG_ERR_RULE_NOT_FOUND` (404).
 */
export class DefaultRulesService implements RulesService {
  readonly #kysely: Kysely<RulesDb>;
  readonly #dialect: Database['dialect'];
  readonly #now: () => number;

  constructor(options: DefaultRulesServiceOptions) {
    this.#kysely = options.db.kysely as Kysely<RulesDb>;
    this.#dialect = options.db.dialect;
    this.#now = options.now ?? Date.now;
  }

  /** The {@link RulesService} a plugin (or `core`) receives: it reads every rule and writes none. */
  forPlugin(owner: string): RulesService {
    checkOwner(owner);
    return Object.freeze({
      get: async <T = unknown>(name: string, at?: string | Date): Promise<Rule<T>> => toRule(await this.get<T>(name, at)),
      history: async (name: string): Promise<readonly Rule[]> => (await this.history(name)).map((v) => toRule(v)),
    });
  }

  /** The version of `name` in force on `at` (default today in Vietnam); throws `CONG_ERR_RULE_NOT_FOUND`. */
  async get<T = unknown>(name: string, at?: string | Date): Promise<RuleVersion<T>> {
    if (typeof name !== 'string' || name.length === 0) throw new InputError('name must be a rule name such as qa.answerDeadlineWorkingDays');
    const date = at === undefined ? todayInVietnam(this.#now()) : toCalendarDate(at, 'at');
    const row = await this.#kysely
      .selectFrom('core_rules')
      .selectAll()
      .where('name', '=', name)
      .where('effective_from', '<=', date)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
      .orderBy('effective_from', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row === undefined) throw CONG_ERR_RULE_NOT_FOUND.create({ rule: name, date });
    return toVersion<T>(row);
  }

  /** Every version of `name`, oldest first; empty for an unknown name. */
  async history(name: string): Promise<readonly RuleVersion[]> {
    if (typeof name !== 'string') throw new InputError('name must be a rule name such as qa.answerDeadlineWorkingDays');
    const rows = await this.#kysely.selectFrom('core_rules').selectAll().where('name', '=', name).orderBy('effective_from').execute();
    return rows.map((row) => toVersion(row));
  }

  /** The version a workflow instance recorded, for an audit; undefined when there is none. */
  async findVersion(version: string): Promise<RuleVersion | undefined> {
    if (typeof version !== 'string' || version.length === 0 || version.length > 36) return undefined;
    const row = await this.#kysely.selectFrom('core_rules').selectAll().where('id', '=', version).executeTakeFirst();
    return row === undefined ? undefined : toVersion(row);
  }

  /**
   * Stores the rule pack of plugin `owner` (see the class comment for what is stored, left alone,
   * skipped or refused). Throws `InputError` for a malformed pack (a name without the `<owner>.` prefix,
   * a bad date, `effectiveTo` before `effectiveFrom`, a missing citation, a value that is not JSON or is
   * larger than 64 KiB, two entries of one name that overlap) and `ConflictError` for an overlap with
   * stored pack versions; in both cases nothing is stored.
   */
  async applyPack(owner: string, rules: readonly RuleDefinition[]): Promise<ApplyPackResult> {
    checkOwner(owner);
    if (!Array.isArray(rules)) throw new InputError(`The rule pack of ${owner} must be an array of rule definitions`);
    const byName = new Map<string, CheckedDefinition[]>();
    rules.forEach((rule, i) => {
      const checked = checkDefinition(rule, `rule pack of ${owner}, entry ${i}`);
      if (!checked.name.startsWith(`${owner}.`)) {
        throw new InputError(`The rule pack of ${owner} cannot define ${checked.name}: its rules are named "${owner}.<name>"`);
      }
      const list = byName.get(checked.name) ?? [];
      list.push(checked);
      byName.set(checked.name, list);
    });
    for (const [name, list] of byName) {
      list.sort((a, b) => compare(a.from, b.from));
      for (let i = 1; i < list.length; i++) {
        const [before, after] = [list[i - 1]!, list[i]!];
        if ((before.to ?? OPEN_END) >= after.from) {
          throw new InputError(
            `The rule pack of ${owner} gives ${name} overlapping periods: ${period(before.from, before.to)} and ${period(after.from, after.to)}`,
          );
        }
      }
    }

    return this.#retrying(() =>
      this.#kysely.transaction().execute(async (trx) => {
        const inserted: RuleVersion[] = [];
        const skipped: SkippedRuleVersion[] = [];
        let unchanged = 0;
        for (const [name, list] of byName) {
          const stored = await this.#versions(trx, name);
          for (const definition of list) {
            if (stored.some((row) => row.effective_from === definition.from)) {
              unchanged++;
              continue;
            }
            const placement = place(stored, definition);
            const blocker = 'conflict' in placement ? placement.conflict : placement.shorten;
            if (blocker?.source === 'admin') {
              skipped.push({
                name,
                effectiveFrom: definition.from,
                reason: `administrator's version ${blocker.id} (${period(blocker.effective_from, blocker.effective_to)}) stands; an administrator must add this version`,
              });
              continue;
            }
            if ('conflict' in placement) {
              throw new ConflictError(
                `The rule pack of ${owner} gives ${name} the period ${period(definition.from, definition.to)}, which overlaps stored version ${placement.conflict.id} (${period(placement.conflict.effective_from, placement.conflict.effective_to)})`,
              );
            }
            inserted.push(await this.#insert(trx, stored, definition, placement.shorten, { source: 'pack', owner, createdBy: `pack:${owner}` }));
          }
        }
        return { inserted, unchanged, skipped };
      }),
    );
  }

  /**
   * Admin: a new dated version of a rule that a pack defines, with source `admin`. The version in force
   * on `effectiveFrom` is closed the day before. Throws `CONG_ERR_RULE_NOT_FOUND` when no pack defines
   * the rule, `ConflictError` when a version already starts that day or a later version lies inside the
   * new period (give an `effectiveTo` before it), and `InputError` for a malformed definition.
   */
  async set(definition: AdminRuleDefinition): Promise<RuleVersion> {
    const checked = checkDefinition(definition, 'rule');
    const createdBy = checkText(definition.createdBy, 'createdBy', MAX_CREATED_BY_CHARS, true)!;
    return this.#retrying(() =>
      this.#kysely.transaction().execute(async (trx) => {
        const stored = await this.#versions(trx, checked.name);
        if (stored.length === 0) {
          throw CONG_ERR_RULE_NOT_FOUND.create(
            { rule: checked.name, date: checked.from },
            { detail: `Rule ${checked.name} is not defined by any rule pack; administrators can only override rules a pack defines` },
          );
        }
        const same = stored.find((row) => row.effective_from === checked.from);
        if (same !== undefined) {
          throw new ConflictError(
            `Rule ${checked.name} already has version ${same.id} from ${checked.from}; stored versions never change, add one from another date`,
          );
        }
        const placement = place(stored, checked);
        if ('conflict' in placement) {
          const { conflict } = placement;
          throw new ConflictError(
            `Rule ${checked.name} for ${period(checked.from, checked.to)} would overlap version ${conflict.id} (${period(conflict.effective_from, conflict.effective_to)}); ${
              conflict.effective_from > checked.from
                ? `end the new version before ${conflict.effective_from}`
                : `a version is never split in two: ${conflict.effective_to === null ? 'leave the new version open-ended' : `end the new version on ${conflict.effective_to} or later`}`
            }`,
          );
        }
        return this.#insert(trx, stored, checked, placement.shorten, { source: 'admin', owner: stored[0]!.owner, createdBy });
      }),
    );
  }

  /** The stored versions of one name, oldest first; on MySQL locked until the transaction ends. */
  async #versions(trx: Transaction<RulesDb>, name: string): Promise<RulesTable[]> {
    const query = trx.selectFrom('core_rules').selectAll().where('name', '=', name).orderBy('effective_from');
    // SQLite has one writer at a time, so its transaction already excludes a concurrent apply.
    return this.#dialect === 'mysql' ? query.forUpdate().execute() : query.execute();
  }

  /** Closes `shorten` the day before the new version, stores the new version and adds it to `stored`. */
  async #insert(
    trx: Transaction<RulesDb>,
    stored: RulesTable[],
    definition: CheckedDefinition,
    shorten: RulesTable | undefined,
    provenance: { readonly source: 'pack' | 'admin'; readonly owner: string; readonly createdBy: string },
  ): Promise<RuleVersion> {
    if (shorten !== undefined) {
      const dayBefore = fromDayNumber(toDayNumber(definition.from) - 1);
      await trx.updateTable('core_rules').set({ effective_to: dayBefore }).where('id', '=', shorten.id).execute();
      shorten.effective_to = dayBefore;
    }
    const row: RulesTable = {
      id: randomUUID(),
      name: definition.name,
      value_json: definition.valueJson,
      effective_from: definition.from,
      effective_to: definition.to,
      citation: definition.citation,
      description: definition.description,
      source: provenance.source,
      owner: provenance.owner,
      created_at: this.#now(),
      created_by: provenance.createdBy,
    };
    await trx.insertInto('core_rules').values(row).execute();
    stored.push(row);
    stored.sort((a, b) => compare(a.effective_from, b.effective_from));
    return toVersion(row);
  }

  /** Runs a write again when it lost a race to another writer; a second read then sees the winner's rows. */
  async #retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
        // A short, jittered pause lets the winner commit before the next read.
        await new Promise((resolve) => setTimeout(resolve, attempt * 20 + Math.random() * 30));
      }
    }
  }
}

/**
 * Where a new version [from, to] goes. The version in force on `from` that started earlier is closed
 * the day before, provided the new version covers the rest of it (a version is never split in two);
 * any version starting inside the new period is a conflict.
 */
function place(stored: readonly RulesTable[], definition: CheckedDefinition): Placement {
  const end = definition.to ?? OPEN_END;
  let shorten: RulesTable | undefined;
  for (const row of stored) {
    const rowEnd = row.effective_to ?? OPEN_END;
    if (row.effective_from < definition.from && rowEnd >= definition.from) {
      if (rowEnd > end) return { conflict: row };
      shorten = row;
    } else if (row.effective_from > definition.from && row.effective_from <= end) {
      return { conflict: row };
    }
  }
  return shorten === undefined ? {} : { shorten };
}

function checkDefinition(definition: RuleDefinition, where: string): CheckedDefinition {
  if (typeof definition !== 'object' || definition === null) throw new InputError(`${where}: a rule definition must be an object`);
  const { name } = definition;
  if (typeof name !== 'string' || name.length > MAX_NAME_CHARS || !NAME_PATTERN.test(name)) {
    throw new InputError(`${where}: name must look like <owner>.<name> (letters, digits, "_" and "-"), at most ${MAX_NAME_CHARS} characters, got ${JSON.stringify(String(name).slice(0, 60))}`);
  }
  const at = `${where} (${name})`;
  const from = toCalendarDate(definition.effectiveFrom, `${at}: effectiveFrom`);
  const to = definition.effectiveTo === undefined || definition.effectiveTo === null ? null : toCalendarDate(definition.effectiveTo, `${at}: effectiveTo`);
  if (to !== null && to < from) throw new InputError(`${at}: effectiveTo ${to} is before effectiveFrom ${from}`);
  const citation = checkText(definition.citation, `${at}: citation`, MAX_CITATION_CHARS, true)!;
  const description = checkText(definition.description, `${at}: description`, MAX_DESCRIPTION_CHARS, false);
  let valueJson: string | undefined;
  try {
    valueJson = JSON.stringify(definition.value);
  } catch (cause) {
    throw new InputError(`${at}: value cannot be written as JSON (${(cause as Error).message})`, { cause });
  }
  if (valueJson === undefined) throw new InputError(`${at}: value is missing or cannot be written as JSON`);
  if (Buffer.byteLength(valueJson, 'utf8') > MAX_VALUE_BYTES) throw new InputError(`${at}: value is larger than ${MAX_VALUE_BYTES} bytes as JSON`);
  return { name, valueJson, from, to, citation, description };
}

function checkOwner(owner: string): void {
  if (typeof owner !== 'string' || !OWNER_PATTERN.test(owner)) {
    throw new InputError(`Owner ${JSON.stringify(String(owner).slice(0, 70))} is not a plugin id (lower-case letters, digits and "-")`);
  }
}

function checkText(value: unknown, field: string, maxChars: number, required: boolean): string | null {
  if (value === undefined || value === null) {
    if (required) throw new InputError(`${field} is required`);
    return null;
  }
  if (typeof value !== 'string') throw new InputError(`${field} must be a string`);
  const text = value.normalize('NFC').trim();
  if (text.length === 0) {
    if (required) throw new InputError(`${field} is required`);
    return null;
  }
  if (text.length > maxChars) throw new InputError(`${field} is longer than ${maxChars} characters`);
  return text;
}

function toVersion<T = unknown>(row: RulesTable): RuleVersion<T> {
  return Object.freeze({
    name: row.name,
    // Parsed afresh for every read, so a caller that changes the value changes only its own copy.
    value: JSON.parse(row.value_json) as T,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    citation: row.citation,
    version: row.id,
    description: row.description,
    source: row.source,
    owner: row.owner,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
  });
}

/** The plugin-facing part of a version: who created it stays on the admin side. */
function toRule<T>(version: RuleVersion<T>): Rule<T> {
  const { name, value, effectiveFrom, effectiveTo, citation } = version;
  return Object.freeze({ name, value, effectiveFrom, effectiveTo, citation, version: version.version });
}

function period(from: string, to: string | null): string {
  return `${from} – ${to ?? 'open'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isTransient(error: unknown): boolean {
  const { errno, code } = (error ?? {}) as { errno?: unknown; code?: unknown };
  if (typeof errno === 'number' && MYSQL_TRANSIENT_ERRNOS.has(errno)) return true;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_CONSTRAINT_UNIQUE');
}
