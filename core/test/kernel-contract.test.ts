import { describe, expect, it } from 'vitest';
import {
  coreServices,
  createExtensionPoint,
  createServiceRef,
  inject,
  injectable,
  type DatabaseService,
  type LoggerService,
} from '@cong/sdk';
import { createTestPlatform } from '@cong/sdk/testing';
import { inlinePlugin } from './inline-plugin.js';

// The contract between plugins: extension points, class services with explicit tokens, plugin config.
describe('extension points', () => {
  interface Blocks {
    add(block: string): void;
  }
  const blocksPoint = createExtensionPoint<Blocks>({ id: 'home.blocks', version: 1 });

  it('the owner provides, dependents contribute in dependency order, an absent optional owner is skipped', async () => {
    const blocks: string[] = [];
    const t = await createTestPlatform({
      plugins: [
        inlinePlugin({ id: 'news', requires: { home: '*' } }, { register: (reg) => reg.extend(blocksPoint, (b) => b.add('latest-news')) }),
        inlinePlugin({ id: 'home' }, { register: (reg) => reg.provideExtensionPoint(blocksPoint, { add: (b) => void blocks.push(b) }) }),
        inlinePlugin({ id: 'loner', optional: { absent: '*' } }, {
          register: (reg) => reg.extend(createExtensionPoint<Blocks>({ id: 'absent.blocks', version: 1 }), () => blocks.push('never')),
        }),
      ],
    });
    try {
      expect(blocks).toEqual(['latest-news']);
      expect(t.report.plugins.every((p) => p.state === 'started')).toBe(true); // the built-in core plugin too
    } finally {
      await t.stop();
    }
  });

  it('refuses a contributor built for another version, and one that did not declare the owner', async () => {
    const v2 = createExtensionPoint<Blocks>({ id: 'home.blocks', version: 2 });
    const t = await createTestPlatform({
      plugins: [
        inlinePlugin({ id: 'home' }, { register: (reg) => reg.provideExtensionPoint(blocksPoint, { add: () => undefined }) }),
        inlinePlugin({ id: 'newer', requires: { home: '*' } }, { register: (reg) => reg.extend(v2, () => undefined) }),
        inlinePlugin({ id: 'sneaky' }, { register: (reg) => reg.extend(blocksPoint, () => undefined) }),
      ],
    });
    try {
      const errors = Object.fromEntries(t.report.plugins.map((p) => [p.id, p.error?.message]));
      expect(errors.newer).toContain('extension point home.blocks is version 1, this plugin was built for 2');
      expect(errors.sneaky).toContain('cannot extend home.blocks: plugin home is not in requires or optional');
      expect(errors.home).toBeUndefined();
    } finally {
      await t.stop();
    }
  });
});

describe('class services with explicit tokens', () => {
  interface Clock {
    now(): string;
  }
  const clockRef = createServiceRef<Clock>({ id: 'clock.clock' });
  const reportRef = createServiceRef<{ describe(): Promise<string> }>({ id: 'clock.report' });

  @injectable()
  class DefaultReport {
    constructor(
      @inject(coreServices.database) private readonly db: DatabaseService,
      @inject(clockRef) private readonly clock: Clock,
      @inject(coreServices.logger) private readonly logger: LoggerService,
    ) {}
    async describe(): Promise<string> {
      this.logger.debug('describing');
      return `${this.db.dialect} at ${this.clock.now()}`;
    }
  }

  class Untagged {
    constructor(readonly db: DatabaseService) {}
  }
  const untaggedRef = createServiceRef<Untagged>({ id: 'clock.untagged' });

  it('builds a class from core services and the plugin own services, and refuses an untagged parameter', async () => {
    let described = '';
    let refusal: unknown;
    const t = await createTestPlatform({
      plugins: [
        inlinePlugin({ id: 'clock' }, {
          register(reg) {
            reg.provide(clockRef, () => ({ now: () => 'noon' }));
            reg.provide(reportRef, DefaultReport);
            reg.provide(untaggedRef, Untagged);
          },
          async start(ctx) {
            described = await ctx.get(reportRef).describe();
            try {
              ctx.get(untaggedRef);
            } catch (error) {
              refusal = error;
            }
          },
        }),
      ],
    });
    try {
      expect(described).toBe('sqlite at noon');
      expect(refusal).toMatchObject({ code: 'CONG_ERR_PLUGIN_REGISTRATION_INVALID', message: expect.stringContaining('constructor parameter 0 of Untagged has no @inject(ref)') });
    } finally {
      await t.stop();
    }
  });
});

describe('plugin configuration', () => {
  it('is validated against the plugin schema at boot, with defaults, and refused with the key named', async () => {
    const configSchema = {
      type: 'object',
      additionalProperties: false,
      properties: { issuesPerYear: { type: 'integer', minimum: 1, default: 120 }, signer: { type: 'string' } },
    };
    let seen: unknown;
    const plugin = {
      ...inlinePlugin({ id: 'gazette' }, { start: (ctx) => void (seen = ctx.get(coreServices.config).get()) }),
    };
    const withSchema = { ...plugin, configSchema };
    const t = await createTestPlatform({ plugins: [withSchema], config: { pluginConfig: { gazette: { signer: 'Chủ tịch UBND' } } } });
    try {
      expect(seen).toEqual({ signer: 'Chủ tịch UBND', issuesPerYear: 120 });
    } finally {
      await t.stop();
    }
    await expect(
      createTestPlatform({ plugins: [withSchema], config: { pluginConfig: { gazette: { issuesPerYear: 0 } } } }),
    ).rejects.toMatchObject({ code: 'CONG_ERR_PLUGIN_CONFIG_INVALID', message: expect.stringContaining('pluginConfig.gazette.issuesPerYear must be >= 1') });
  });

  it('is read in register, validated with defaults and frozen, and can decide the routes', async () => {
    const configSchema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        regions: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, default: [] },
        title: { type: 'string', default: 'Vùng' },
      },
    };
    let seen: { regions: string[]; title: string } | undefined;
    let frozen = false;
    const regional = {
      ...inlinePlugin({ id: 'regional' }, {
        register(reg) {
          seen = reg.config<{ regions: string[]; title: string }>();
          frozen = Object.isFrozen(seen) && Object.isFrozen(seen.regions);
          reg.routes((route) => {
            for (const region of seen!.regions) {
              route.get(`/${region}`, {
                summary: 'one region',
                schema: { response: { 200: { type: 'object', additionalProperties: false, required: ['title'], properties: { title: { type: 'string' } } } } },
                handler: () => ({ title: `${seen!.title} ${region}` }),
              });
            }
          });
        },
      }),
      configSchema,
    };
    const t = await createTestPlatform({ plugins: [regional], config: { pluginConfig: { regional: { regions: ['bac', 'nam'] } } } });
    try {
      expect(seen).toEqual({ regions: ['bac', 'nam'], title: 'Vùng' });
      expect(frozen).toBe(true);
      expect((await t.client.get('/api/regional/nam')).body).toEqual({ title: 'Vùng nam' });
      expect((await t.client.get('/api/regional/trung')).status).toBe(404);
    } finally {
      await t.stop();
    }
    // Without a section in the file: the schema's defaults.
    const bare = await createTestPlatform({ plugins: [regional] });
    try {
      expect(seen).toEqual({ regions: [], title: 'Vùng' });
    } finally {
      await bare.stop();
    }
  });
});

describe('rule packs and the working calendar through the contract', () => {
  it('a plugin ships a rule pack, reads the version in force on a date, and counts working days', async () => {
    let deadline = '';
    let rule: { value: unknown; citation: string; version: string } | undefined;
    let oldValue: unknown;
    const t = await createTestPlatform({
      plugins: [
        inlinePlugin({ id: 'qa' }, {
          register(reg) {
            reg.rules([
              { name: 'qa.answerDeadlineWorkingDays', value: 20, effectiveFrom: '2020-01-01', effectiveTo: '2025-06-30', citation: 'Quy định cũ (ví dụ)' },
              { name: 'qa.answerDeadlineWorkingDays', value: 15, effectiveFrom: '2025-07-01', citation: 'Quy định mới (ví dụ)' },
            ]);
          },
          async start(ctx) {
            const rules = ctx.get(coreServices.rules);
            rule = await rules.get<number>('qa.answerDeadlineWorkingDays', '2026-02-10');
            oldValue = (await rules.get('qa.answerDeadlineWorkingDays', '2025-06-30')).value;
            deadline = await ctx.get(coreServices.calendar).addWorkingDays('2026-02-10', rule.value as number);
          },
        }),
      ],
    });
    try {
      expect(rule).toMatchObject({ value: 15, citation: 'Quy định mới (ví dụ)' });
      expect(rule!.version).toBeTruthy();
      expect(oldValue).toBe(20);
      // 15 working days from Tuesday 10 February 2026 cross the Tết break (16–20 February) and weekends.
      expect(deadline).toBe('2026-03-10'); // 11–13 Feb, then 23 Feb – 10 Mar
    } finally {
      await t.stop();
    }
  });

  it('refuses a rule outside the plugin namespace', async () => {
    const t = await createTestPlatform({ plugins: [inlinePlugin({ id: 'qa' }, { register: (reg) => reg.rules([{ name: 'gazette.x', value: 1, effectiveFrom: '2025-01-01', citation: 'x' }]) })] });
    try {
      expect(t.report.plugins.find((p) => p.id === 'qa')!.error?.message).toContain('rule gazette.x must start with "qa."');
    } finally {
      await t.stop();
    }
  });
});
