import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { redactConfig } from './redact-config.js';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cong-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without a file, every key has its default and paths resolve from the working directory', () => {
    const config = loadConfig({ cwd: dir, env: {} });
    expect(config.database).toBe('sqlite:./data/cong.db');
    expect(config.dataDir).toBe(join(dir, 'data'));
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 3000, bodyLimitBytes: 65536, trustProxy: false });
    expect(config.hooks.timeoutMs).toBe(10_000);
    expect(config.plugins).toBeUndefined();
    expect(Object.isFrozen(config) && Object.isFrozen(config.http)).toBe(true);
  });

  it('file, then environment, then overrides; env names map to nested keys and are coerced', () => {
    writeFileSync(join(dir, 'cong.config.json'), JSON.stringify({ http: { port: 4000, host: '0.0.0.0' }, log: { level: 'debug' } }));
    const config = loadConfig({
      cwd: dir,
      env: { CONG_HTTP__PORT: '8080', CONG_DATA_DIR: '/srv/cong', CONG_PLUGINS: '["@cong/plugin-portal"]', CONG_HOOKS__TIMEOUT_MS: '2500', CONG_TEST_MYSQL_URL: 'ignored', PATH: '/bin' },
      overrides: { log: { level: 'warn' } },
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe('/srv/cong');
    expect(config.plugins).toEqual(['@cong/plugin-portal']);
    expect(config.hooks.timeoutMs).toBe(2500);
    expect(config.log.level).toBe('warn');
  });

  it('names every bad key as a dot path, and refuses unknown keys', () => {
    expect(() => loadConfig({ cwd: dir, env: { CONG_HTTP__PORT: 'eighty' } })).toThrow(
      expect.objectContaining({ code: 'CONG_ERR_CONFIG_INVALID', message: expect.stringContaining('http.port: must be integer') }),
    );
    writeFileSync(join(dir, 'cong.config.json'), JSON.stringify({ htp: { port: 1 }, jobs: { concurrency: 0 } }));
    let message = '';
    try {
      loadConfig({ cwd: dir, env: {} });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('htp: is not a known setting');
    expect(message).toContain('jobs.concurrency: must be >= 1');
  });

  it('reports an unreadable or non-JSON file by name', () => {
    writeFileSync(join(dir, 'cong.config.json'), '{ "database": ');
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow(expect.objectContaining({ code: 'CONG_ERR_CONFIG_FILE', message: expect.stringContaining('cong.config.json') }));
    expect(() => loadConfig({ cwd: dir, file: 'missing.json', env: {} })).toThrow(expect.objectContaining({ code: 'CONG_ERR_CONFIG_FILE' }));
  });

  it('ignores prototype keys in the file instead of merging them', () => {
    writeFileSync(join(dir, 'cong.config.json'), '{ "__proto__": { "polluted": true }, "http": { "port": 3001 } }');
    const config = loadConfig({ cwd: dir, env: {} });
    expect(config.http.port).toBe(3001);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('redacts the database password and SMTP password', () => {
    const config = loadConfig({
      cwd: dir,
      env: {},
      overrides: { database: 'mysql://cong:s3cret@db:3306/cong', mail: { smtp: { host: 'mail.tinh.gov.vn', password: 'hunter2' } } },
    });
    const shown = JSON.stringify(redactConfig(config));
    expect(shown).not.toContain('s3cret');
    expect(shown).not.toContain('hunter2');
    expect(shown).toContain('mysql://cong:***@db:3306/cong');
  });
});
