import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CONG_ERR_CONFIG_FILE, CONG_ERR_CONFIG_INVALID } from '../errors.js';
import validateConfig from './config-validator.generated.js';
import type { CongConfig } from './cong-config.js';

/** Where configuration comes from; later sources win: file, then environment, then `overrides`. */
export interface ConfigSources {
  /** Default is the working directory. */
  readonly cwd?: string;
  /** Path of the config file; `false` for none. Default is `<cwd>/cong.config.json` when it exists. */
  readonly file?: string | false;
  /** Default is `process.env`. `CONG_HTTP__PORT=8080` sets `http.port`; `CONG_DATA_DIR` sets `dataDir`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Settings below everything else: what a command assumes unless told otherwise. */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

/**
 * Reads, merges, validates (ajv, defaults applied) and deep-freezes the configuration. A mistake
 * fails with CONG_ERR_CONFIG_INVALID naming every bad key as a dot path (`http.port`).
 */
export function loadConfig(sources: ConfigSources = {}): CongConfig {
  const cwd = sources.cwd ?? process.cwd();
  const defaultFile = resolve(cwd, 'cong.config.json');
  const file = sources.file === false ? undefined : sources.file ? resolve(cwd, sources.file) : existsSync(defaultFile) ? defaultFile : undefined;
  const baseDir = file ? dirname(file) : cwd;

  let merged: Record<string, unknown> = sources.defaults ? structuredClone(sources.defaults as Record<string, unknown>) : {};
  if (file) merged = deepMerge(merged, readConfigFile(file));
  merged = deepMerge(merged, fromEnv(sources.env ?? process.env));
  if (sources.overrides) merged = deepMerge(merged, structuredClone(sources.overrides as Record<string, unknown>));

  const validate = compileValidator();
  if (!validate(merged)) {
    const issues = (validate.errors ?? []).map((e) => {
      const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
      const path = toDotPath(e.instancePath) + (extra ? `${e.instancePath ? '.' : ''}${extra}` : '');
      return `${path || '(root)'}: ${extra ? 'is not a known setting' : e.message}`;
    });
    throw CONG_ERR_CONFIG_INVALID.create({ key: issues[0]!.split(':')[0], reason: issues.join('; ') });
  }
  const config = merged as unknown as Mutable<CongConfig>;
  if (config.http.publicUrl !== undefined && !URL.canParse(config.http.publicUrl)) {
    throw CONG_ERR_CONFIG_INVALID.create({ key: 'http.publicUrl', reason: 'http.publicUrl: must be an absolute http(s) URL' });
  }
  config.baseDir = baseDir;
  config.dataDir = isAbsolute(config.dataDir) ? config.dataDir : resolve(baseDir, config.dataDir);
  return deepFreeze(config);
}

function compileValidator() {
  // Compiled ahead of time (config-validator-source.ts), coercing environment text such as "8080".
  return validateConfig;
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw CONG_ERR_CONFIG_FILE.create({ file, reason: (cause as Error).message }, { cause });
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the top level must be an object');
    return value as Record<string, unknown>;
  } catch (cause) {
    throw CONG_ERR_CONFIG_FILE.create({ file, reason: `not valid JSON: ${(cause as Error).message}` }, { cause });
  }
}

/** `CONG_HTTP__PORT=8080` → `{ http: { port: '8080' } }`; ajv coerces scalars, JSON text gives arrays and objects. */
function fromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('CONG_') || raw === undefined || name.startsWith('CONG_TEST_')) continue;
    const path = name.slice(5).split('__').map(camelCase);
    let value: unknown = raw;
    if (/^\s*[[{]/.test(raw)) {
      try {
        value = JSON.parse(raw);
      } catch (cause) {
        throw CONG_ERR_CONFIG_INVALID.create({ key: path.join('.'), reason: `${name} is not valid JSON` }, { cause });
      }
    }
    let node = out;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
  }
  return out;
}

function camelCase(part: string): string {
  return part.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function toDotPath(pointer: string): string {
  return pointer.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
