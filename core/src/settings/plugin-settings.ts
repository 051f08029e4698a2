import type { Kysely } from 'kysely';
import { CONG_ERR_VALIDATION, InputError, NotFoundError, toFieldIssues, type JsonSchema } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_PLUGIN_CONFIG_INVALID, CONG_ERR_SETTING_FILE_ONLY } from '../errors.js';
import { schemaCompiler } from '../validation/schema-compiler.js';

interface SettingsTables {
  core_plugin_settings: { plugin_id: string; tenant_key: string; values_json: string; updated_at: number; updated_by: string | null };
}

/** A plugin's settings as an admin form reads them: secrets are never sent back, only whether they are set. */
export interface SettingsView {
  readonly schema: JsonSchema;
  /** This scope's own values (not inherited ones), without secrets. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Secret fields that have a value in this scope. */
  readonly secretsSet: readonly string[];
  /** Whether the schema allows per-unit values (`"x-cong-per-tenant": true`). */
  readonly perTenant: boolean;
  /**
   * The values of fields marked `"x-cong-file-only": true`, as cong.config.json sets them (defaults
   * applied; secrets left out): shown to admins, never written through the settings.
   */
  readonly fileOnly: Readonly<Record<string, unknown>>;
}

/** What the settings need to know about a plugin. */
export interface SettingsPlugin {
  readonly id: string;
  readonly schema: JsonSchema | undefined;
  /** The plugin's section of cong.config.json (`pluginConfig.<id>`), the lowest layer. */
  readonly fileConfig: Readonly<Record<string, unknown>>;
}

/**
 * Plugin settings admins change at run time, in three layers: the config file, then platform-wide
 * values, then a unit's values (only where the schema says `"x-cong-per-tenant": true`). Every write
 * is validated against the plugin's config schema as it will be read. Fields marked
 * `"x-cong-secret": true` are write-only: a read says only that they are set, and a write that leaves
 * one out keeps the stored value. Fields marked `"x-cong-file-only": true` (top-level properties) come
 * from the file alone: what the plugin decides once at start (`reg.config()`, such as the routes it
 * declares) cannot change at run time, so a write naming one is refused and stored values are ignored.
 */
export class PluginSettings {
  readonly #db: Kysely<SettingsTables>;
  readonly #now: () => number;

  constructor(options: { readonly db: Database; readonly now?: () => number }) {
    this.#db = options.db.kysely as Kysely<SettingsTables>;
    this.#now = options.now ?? Date.now;
  }

  /** The settings a plugin runs with for a unit (or platform-wide), defaults applied. */
  async effective(plugin: SettingsPlugin, tenantId: string | null): Promise<Readonly<Record<string, unknown>>> {
    const platform = withoutFileOnly(await this.#stored(plugin.id, ''), plugin.schema);
    const unit = tenantId !== null && perTenant(plugin.schema) ? withoutFileOnly(await this.#stored(plugin.id, tenantId), plugin.schema) : {};
    const merged = { ...structuredClone(plugin.fileConfig as Record<string, unknown>), ...platform, ...unit };
    if (plugin.schema) this.#validate(plugin, merged, 'stored');
    return Object.freeze(merged);
  }

  async read(plugin: SettingsPlugin, tenantId: string | null): Promise<SettingsView> {
    const schema = this.#require(plugin);
    this.#assertScope(plugin, tenantId);
    const stored = await this.#stored(plugin.id, tenantId ?? '');
    const secrets = secretKeys(schema);
    const values = Object.fromEntries(Object.entries(withoutFileOnly(stored, schema)).filter(([key]) => !secrets.includes(key)));
    return {
      schema: redactSchema(schema),
      values,
      secretsSet: secrets.filter((key) => stored[key] !== undefined && stored[key] !== ''),
      perTenant: perTenant(schema),
      fileOnly: this.#fileOnlyValues(plugin, schema, secrets),
    };
  }

  /** Replaces this scope's values; secrets left out keep their stored value, `null` clears one. */
  async write(plugin: SettingsPlugin, tenantId: string | null, values: Readonly<Record<string, unknown>>, actor: string): Promise<SettingsView> {
    const schema = this.#require(plugin);
    this.#assertScope(plugin, tenantId);
    const refused = fileOnlyKeys(schema).filter((field) => field in values);
    if (refused.length > 0) {
      const errors = refused.map((field) => ({
        in: 'body' as const,
        pointer: `/values/${field}`,
        message: `is set in cong.config.json only (pluginConfig.${plugin.id}.${field}); it takes effect after a restart`,
        keyword: 'x-cong-file-only',
      }));
      throw CONG_ERR_SETTING_FILE_ONLY.create({ field: refused.join(', '), plugin: plugin.id }, { errors });
    }
    const key = tenantId ?? '';
    const stored = await this.#stored(plugin.id, key);
    const next: Record<string, unknown> = { ...values };
    for (const secret of secretKeys(schema)) {
      if (!(secret in values) && stored[secret] !== undefined) next[secret] = stored[secret];
      if (next[secret] === null) delete next[secret];
    }
    // Check what the plugin will read: the file config, then platform values, then this scope.
    const platform = key === '' ? next : withoutFileOnly(await this.#stored(plugin.id, ''), schema);
    this.#validate(plugin, { ...structuredClone(plugin.fileConfig as Record<string, unknown>), ...platform, ...(key === '' ? {} : next) }, 'input');
    const row = { values_json: JSON.stringify(next), updated_at: this.#now(), updated_by: actor };
    const updated = await this.#db.updateTable('core_plugin_settings').set(row).where('plugin_id', '=', plugin.id).where('tenant_key', '=', key).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.#db.insertInto('core_plugin_settings').values({ plugin_id: plugin.id, tenant_key: key, ...row }).execute();
    return this.read(plugin, tenantId);
  }

  #require(plugin: SettingsPlugin): JsonSchema {
    if (!plugin.schema) throw new NotFoundError(`Plugin ${plugin.id} has no settings`);
    return plugin.schema;
  }

  #assertScope(plugin: SettingsPlugin, tenantId: string | null): void {
    if (tenantId !== null && !perTenant(plugin.schema)) throw new InputError(`Plugin ${plugin.id} has platform-wide settings only`);
  }

  /** The file's values of file-only fields, defaults applied (the file passed this schema at boot). */
  #fileOnlyValues(plugin: SettingsPlugin, schema: JsonSchema, secrets: readonly string[]): Record<string, unknown> {
    const keys = fileOnlyKeys(schema).filter((key) => !secrets.includes(key));
    if (keys.length === 0) return {};
    const file = structuredClone(plugin.fileConfig as Record<string, unknown>);
    schemaCompiler.compile(schema)(file);
    return Object.fromEntries(keys.filter((key) => file[key] !== undefined).map((key) => [key, file[key]]));
  }

  /** Input that breaks the schema is the caller's 400; stored values that do are a 500 to fix. */
  #validate(plugin: SettingsPlugin, value: Record<string, unknown>, source: 'input' | 'stored'): void {
    const validate = schemaCompiler.compile(plugin.schema!);
    if (!validate(value)) {
      const errors = toFieldIssues(validate.errors, 'body').map((e) => ({ ...e, pointer: `/values${e.pointer}` }));
      if (source === 'input') throw CONG_ERR_VALIDATION.create({}, { errors, detail: `${errors[0]!.pointer} ${errors[0]!.message}` });
      throw CONG_ERR_PLUGIN_CONFIG_INVALID.create(
        { plugin: plugin.id, reason: errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ') },
        { errors },
      );
    }
  }

  async #stored(pluginId: string, key: string): Promise<Record<string, unknown>> {
    const row = await this.#db.selectFrom('core_plugin_settings').select('values_json').where('plugin_id', '=', pluginId).where('tenant_key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.values_json) as Record<string, unknown>) : {};
  }
}

function perTenant(schema: JsonSchema | undefined): boolean {
  return schema?.['x-cong-per-tenant'] === true;
}

function fileOnlyKeys(schema: JsonSchema | undefined): string[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).filter(([, p]) => p['x-cong-file-only'] === true).map(([key]) => key);
}

/** Stored values without file-only fields: ones saved before a field became file-only never apply. */
function withoutFileOnly(values: Record<string, unknown>, schema: JsonSchema | undefined): Record<string, unknown> {
  const fileOnly = fileOnlyKeys(schema);
  return fileOnly.length === 0 ? values : Object.fromEntries(Object.entries(values).filter(([key]) => !fileOnly.includes(key)));
}

function secretKeys(schema: JsonSchema): string[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).filter(([, p]) => p['x-cong-secret'] === true).map(([key]) => key);
}

/** The schema without defaults of secret fields, so a form never shows a secret from the schema either. */
function redactSchema(schema: JsonSchema): JsonSchema {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const redacted = Object.fromEntries(
    Object.entries(properties).map(([key, p]) => [key, p['x-cong-secret'] === true ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'default' && k !== 'examples')) : p]),
  );
  return { ...schema, properties: redacted };
}
