import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '@cong/core/testing';

// The deployment files must agree with each other: the ports nginx sends to are the instances systemd
// starts, nginx answers every host of the units imported, the body limit fits the largest upload, the
// stop timeout outlasts the graceful shutdown, and every variable of the environment file means
// something to Cổng. A mistake here is a province's outage, found before anyone deploys it.
const file = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const config = JSON.parse(file('cong.config.json'));
const nginx = file('nginx/cong.conf');
const instance = file('systemd/cong@.service');
const target = file('systemd/cong.target');
const env = file('cong.env.example');
const units = file('units.csv').trim().split('\n').slice(1).map((line) => line.split(','));

/** `directive value;` lines of the nginx file, comments removed. */
const directives = (name: string) => [...nginx.replace(/#.*$/gm, '').matchAll(new RegExp(`^\\s*${name}\\s+([^;]+);`, 'gm'))].map((m) => m[1]!.trim());

describe('examples/province-deployment', () => {
  it('nginx is balanced and sends to exactly the instances cong.target starts, one of them the config port', () => {
    const bare = nginx.replace(/#.*$/gm, '');
    expect(bare.split('{').length).toBe(bare.split('}').length);
    const upstream = directives('server').filter((v) => /^127\.0\.0\.1:\d+/.test(v)).map((v) => Number(/:(\d+)/.exec(v)![1]));
    const started = [...target.matchAll(/cong@(\d+)\.service/g)].map((m) => Number(m[1]));
    expect(upstream.sort()).toEqual(started.sort());
    expect(upstream).toContain(config.http.port);
    expect(instance).toMatch(/^Environment=CONG_HTTP__PORT=%i$/m);
  });

  it('nginx answers every unit host of units.csv, passes Host and the forwarding headers Cổng trusts from it', () => {
    const names = directives('server_name').flatMap((v) => v.split(/\s+/));
    const covered = (host: string) => names.some((n) => n === host || (n.startsWith('*.') && host.endsWith(n.slice(1)) && !host.slice(0, -n.length + 1).includes('.')));
    const hosts = units.flatMap((u) => [u[6]!, ...(u[7] ? u[7].split(';') : [])]).filter(Boolean);
    expect(hosts.length).toBeGreaterThan(5);
    expect(hosts.filter((h) => !covered(h))).toEqual([]);
    const headers = directives('proxy_set_header');
    expect(headers).toEqual(expect.arrayContaining(['Host $host', 'X-Forwarded-For $proxy_add_x_forwarded_for', 'X-Forwarded-Proto $scheme']));
    expect(config.http.trustProxy).toBe(true);
    expect(config.http.trustedProxies).toContain('127.0.0.1');
    expect(directives('proxy_pass')).toEqual(['http://cong']);
  });

  it('nginx takes the largest upload Cổng accepts, and waits longer than the core\'s request timeout', () => {
    const [size] = directives('client_max_body_size');
    expect(Number(/^(\d+)m$/.exec(size!)![1]) * 1024 * 1024).toBeGreaterThanOrEqual(config.files.maxBytes);
    const [read] = directives('proxy_read_timeout');
    expect(Number(/^(\d+)s$/.exec(read!)![1]) * 1000).toBeGreaterThan(30_000);
  });

  it('systemd gives a stopping instance longer than its graceful shutdown, and runs migrations before it', () => {
    const stop = Number(/^TimeoutStopSec=(\d+)$/m.exec(instance)![1]);
    expect(stop * 1000).toBeGreaterThan(config.http.shutdownGraceMs);
    expect(instance).toMatch(/^KillSignal=SIGTERM$/m);
    expect(instance).toMatch(/^Requires=cong-migrate\.service$/m);
    expect(file('systemd/cong-migrate.service')).toMatch(/main\.js --config \/opt\/cong\/cong\.config\.json migrate$/m);
    expect(instance).toMatch(/main\.js --config \/opt\/cong\/cong\.config\.json start$/m);
  });

  it('every variable of cong.env.example is a Cổng setting or a secret the config names', () => {
    const names = [...env.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    const secretsNamed = new Set([config.pluginConfig.gazette.signing.p12.passphraseEnv]);
    const isSetting = (name: string) => {
      if (!name.startsWith('CONG_')) return false;
      let node: any = configSchema;
      for (const part of name.slice(5).split('__')) {
        const key = Object.keys(node?.properties ?? {}).find((k) => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() === part);
        if (!key) return false;
        node = node.properties[key];
      }
      return true;
    };
    expect(names.filter((n) => !isSetting(n) && !secretsNamed.has(n))).toEqual([]);
    // Passwords live in the environment file, never in cong.config.json.
    expect(new URL(config.database).password).toBe('');
    expect(config.mail.smtp.password).toBeUndefined();
  });
});
