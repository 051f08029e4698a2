import { isAbsolute, resolve } from 'node:path';
import type { SqlDialect } from '@cong/sdk';
import { CONG_ERR_CONFIG_INVALID } from '../errors.js';

/** A parsed `database` setting. */
export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly file: string | ':memory:' }
  | { readonly dialect: 'mysql'; readonly url: string; readonly database: string };

/**
 * Parses `sqlite:<path>` (relative to `baseDir`), `sqlite::memory:` or `mysql://user:pass@host:port/db`.
 * `mariadb://` is accepted as a synonym of `mysql://`.
 */
export function parseDatabaseUrl(value: string, baseDir: string): DatabaseTarget {
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === ':memory:') return { dialect: 'sqlite', file: ':memory:' };
    if (path.length === 0) throw invalid(value, 'a file path is missing after "sqlite:"');
    return { dialect: 'sqlite', file: isAbsolute(path) ? path : resolve(baseDir, path) };
  }
  if (/^(mysql|mariadb):\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value.replace(/^mariadb:/, 'mysql:'));
    } catch (cause) {
      throw invalid(value, 'it is not a valid URL', cause);
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!/^[A-Za-z0-9_$]{1,64}$/.test(database)) throw invalid(value, 'the database name after the host is missing or invalid');
    return { dialect: 'mysql', url: url.toString(), database };
  }
  throw invalid(value, 'it must start with "sqlite:" or "mysql://"');
}

export function dialectOf(target: DatabaseTarget): SqlDialect {
  return target.dialect;
}

/** The URL with its password replaced, for logs and reports. */
export function redactDatabaseUrl(value: string): string {
  return value.replace(/^((?:mysql|mariadb):\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

function invalid(value: string, why: string, cause?: unknown) {
  return CONG_ERR_CONFIG_INVALID.create(
    { key: 'database', reason: `"${redactDatabaseUrl(value)}": ${why}` },
    cause === undefined ? {} : { cause },
  );
}
