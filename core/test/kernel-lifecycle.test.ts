import { describe, expect, it } from 'vitest';
import { coreServices, createServiceRef, defineEvent } from '@cong/sdk';
import { createTestPlatform } from '@cong/sdk/testing';
import { inlinePlugin, pingPlugin } from './inline-plugin.js';

// Failure isolation: a plugin that fails ends `failed`, its routes answer 503, the rest serves.
describe('plugin lifecycle and failure isolation', () => {
  it('a plugin that throws in register is failed, its routes answer 503 naming it, others answer 200', async () => {
    const t = await createTestPlatform({
      plugins: [
        pingPlugin('good'),
        pingPlugin('broken', {}, { register: () => { throw new Error('boom in register'); } }),
      ],
    });
    try {
      const broken = t.report.plugins.find((p) => p.id === 'broken')!;
      expect(broken.state).toBe('failed');
      expect(broken.error).toMatchObject({ code: 'CONG_ERR_PLUGIN_REGISTER_FAILED', message: expect.stringContaining('boom in register') });
      const bad = await t.client.get('/api/broken/ping');
      expect(bad.status).toBe(503);
      expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(bad.body).toMatchObject({ status: 503, code: 'CONG_ERR_PLUGIN_UNAVAILABLE', detail: expect.stringContaining('broken') });
      const good = await t.client.get('/api/good/ping');
      expect(good.status).toBe(200);
      expect(good.body).toEqual({ plugin: 'good' });
      const ready = await t.client.get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('degraded');
    } finally {
      await t.stop();
    }
  });

  it('a plugin whose start rejects is failed and its declared routes answer 503', async () => {
    const t = await createTestPlatform({
      plugins: [pingPlugin('good'), pingPlugin('sad', {}, { start: async () => { throw new Error('cannot reach upstream'); } })],
    });
    try {
      expect(t.report.plugins.find((p) => p.id === 'sad')).toMatchObject({
        state: 'failed',
        error: { code: 'CONG_ERR_PLUGIN_HOOK_FAILED', message: 'Plugin sad failed in start: cannot reach upstream' },
      });
      expect((await t.client.get('/api/sad/ping')).status).toBe(503);
      expect((await t.client.get('/api/good/ping')).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('a start past its timeout fails the plugin without holding the boot', async () => {
    const started = Date.now();
    const t = await createTestPlatform({
      plugins: [pingPlugin('slow', { hookTimeoutMs: 300 }, { start: () => new Promise(() => undefined) }), pingPlugin('quick')],
    });
    try {
      expect(t.report.plugins.find((p) => p.id === 'slow')).toMatchObject({
        state: 'failed',
        error: { code: 'CONG_ERR_PLUGIN_HOOK_TIMEOUT', message: 'Plugin slow did not finish start within 300 ms' },
      });
      expect(Date.now() - started).toBeLessThan(10_000); // bounded by the hook timeout, not by the hung promise
      expect((await t.client.get('/api/quick/ping')).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('failurePolicy abort refuses to run and says why; dependents of a failed plugin fail too', async () => {
    await expect(
      createTestPlatform({
        plugins: [pingPlugin('vital', { failurePolicy: 'abort' }, { start: () => { throw new Error('no licence key'); } }), pingPlugin('other')],
      }),
    ).rejects.toMatchObject({ code: 'CONG_ERR_PLUGIN_ABORT', message: expect.stringContaining('no licence key') });

    const t = await createTestPlatform({
      plugins: [
        pingPlugin('base', {}, { start: () => { throw new Error('down'); } }),
        pingPlugin('needs-base', { requires: { base: '*' } }),
        pingPlugin('likes-base', { optional: { base: '*' } }),
      ],
    });
    try {
      const states = Object.fromEntries(t.report.plugins.filter((p) => p.id !== 'core').map((p) => [p.id, p.state]));
      expect(states).toEqual({ base: 'failed', 'needs-base': 'failed', 'likes-base': 'started' });
      expect(t.report.plugins.find((p) => p.id === 'needs-base')?.error?.code).toBe('CONG_ERR_PLUGIN_DEPENDENCY_FAILED');
    } finally {
      await t.stop();
    }
  });

  it('stops plugins in reverse dependency order', async () => {
    const stopped: string[] = [];
    const stop = (id: string) => ({ stop: () => void stopped.push(id) });
    const t = await createTestPlatform({
      plugins: [
        inlinePlugin({ id: 'top', requires: { mid: '*' } }, stop('top')),
        inlinePlugin({ id: 'mid', requires: { base: '*' } }, stop('mid')),
        inlinePlugin({ id: 'base' }, stop('base')),
      ],
    });
    await t.stop();
    expect(stopped).toEqual(['top', 'mid', 'base']);
  });

  it('registration mistakes fail the plugin with a message saying what to fix', async () => {
    const t = await createTestPlatform({
      plugins: [
        inlinePlugin({ id: 'open' }, {
          register(reg) {
            reg.routes((r) => r.post('/x', { summary: 'x', schema: { body: { type: 'object', properties: { a: { type: 'string' } } } }, handler: () => ({}) }));
          },
        }),
        inlinePlugin({ id: 'perm' }, {
          register(reg) {
            reg.routes((r) => r.get('/x', { summary: 'x', permission: 'perm.undeclared', schema: {}, handler: () => ({}) }));
          },
        }),
        inlinePlugin({ id: 'async' }, { register: (async () => undefined) as never }),
        inlinePlugin({ id: 'one' }, { register: (reg) => reg.publicRoutes((r) => r.get('/tin-tuc', { summary: 'news', schema: {}, handler: () => 'a' })) }),
        inlinePlugin({ id: 'two' }, { register: (reg) => reg.publicRoutes((r) => r.get('/tin-tuc', { summary: 'news', schema: {}, handler: () => 'b' })) }),
      ],
    });
    try {
      const errors = Object.fromEntries(t.report.plugins.map((p) => [p.id, p.error]));
      expect(errors.open).toMatchObject({ code: 'CONG_ERR_PLUGIN_REGISTRATION_INVALID', message: expect.stringContaining('additionalProperties: false') });
      expect(errors.perm?.message).toContain('permission "perm.undeclared" is not declared');
      expect(errors.async?.message).toContain('must be synchronous');
      expect(errors.one).toBeUndefined();
      expect(errors.two).toMatchObject({ code: 'CONG_ERR_ROUTE_CONFLICT', message: 'Route GET /tin-tuc of plugin two is already declared by one' });
      expect((await t.client.get('/tin-tuc')).text).toBe('a');
    } finally {
      await t.stop();
    }
  });
});

describe('services, events and extension points between plugins', () => {
  const counterRef = createServiceRef<{ next(): number }>({ id: 'counter.api' });
  const counted = defineEvent<{ n: number }>('counter.counted');

  const counter = inlinePlugin({ id: 'counter' }, {
    register(reg) {
      let n = 0;
      reg.provide(counterRef, (ctx) => ({
        next: () => {
          n += 1;
          void ctx.get(coreServices.events).emit(counted, { n });
          return n;
        },
      }));
    },
  });

  it('a plugin gets a service and events of a plugin it declares, and is refused an undeclared one', async () => {
    const heard: number[] = [];
    let undeclaredError: unknown;
    let value = 0;
    const t = await createTestPlatform({
      plugins: [
        counter,
        inlinePlugin({ id: 'user', requires: { counter: '^1.0.0' } }, {
          register: (reg) => reg.on(counted, (p) => void heard.push(p.n)),
          start: (ctx) => {
            value = ctx.get(counterRef).next();
          },
        }),
        inlinePlugin({ id: 'stranger' }, {
          start: (ctx) => {
            try {
              ctx.get(counterRef);
            } catch (error) {
              undeclaredError = error;
            }
          },
        }),
      ],
    });
    try {
      expect(value).toBe(1);
      await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual([1]);
      expect(undeclaredError).toMatchObject({
        code: 'CONG_ERR_SERVICE_NOT_DECLARED',
        message: 'Plugin stranger asked for service counter.api of plugin counter, which it does not list in requires or optional',
      });
    } finally {
      await t.stop();
    }
  });
});
